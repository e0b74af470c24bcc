// The native XML format (docs/formats/xml.md): <guide> (or <guides> holding many), one child
// element per guide element named by its canonical id, an optional label attribute, list entries
// as <item> children, links as <a href>. Parsed with pugixml without entity or line-end
// conversion, so every text node is the raw bytes of the input and spans are exact to the byte.
#include <pugixml.hpp>

#include <cstring>

#include "parse/parser.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

// Element text under construction, with the pieces that map it back to the Source.
class TextBuilder {
 public:
  std::string text;
  std::vector<TextPiece> pieces;

  std::uint32_t size() const { return static_cast<std::uint32_t>(text.size()); }

  void linear(std::string_view s, std::uint32_t source) {
    if (s.empty()) return;
    const auto len = static_cast<std::uint32_t>(s.size());
    // Contiguous with a previous one-to-one piece: extend it.
    if (!pieces.empty() && pieces.back().source_end == source &&
        size() - pieces.back().text == pieces.back().source_end - pieces.back().source) {
      pieces.back().source_end += len;
    } else {
      pieces.push_back({size(), source, source + len});
    }
    text.append(s);
  }

  void opaque(std::string_view s, std::uint32_t source, std::uint32_t source_end) {
    if (s.empty()) return;
    pieces.push_back({size(), source, source_end});
    text.append(s);
  }

  // A line break between block entries, unless the text already ends with one.
  void block_break(std::uint32_t source) {
    if (!text.empty() && text.back() != '\n') opaque("\n", source, source);
  }

  // Raw character data: entity and character references are decoded.
  void character_data(std::string_view raw, std::uint32_t source);

  // Removes whitespace at both ends, keeping pieces, items and links consistent.
  void trim(std::vector<Item>& items, std::vector<Link>& links);
};

// Decodes one reference at raw[0] ('&'); returns its length in raw, 0 if it is not one.
std::size_t decode_reference(std::string_view raw, std::string& out) {
  const std::size_t semi = raw.find(';');
  if (semi == std::string_view::npos || semi > 12) return 0;
  const std::string_view name = raw.substr(1, semi - 1);
  if (name == "lt")
    out = "<";
  else if (name == "gt")
    out = ">";
  else if (name == "amp")
    out = "&";
  else if (name == "quot")
    out = "\"";
  else if (name == "apos")
    out = "'";
  else if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      if (v < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = utf8::kReplacement;
    out.clear();
    utf8::append(out, cp);
  } else {
    return 0;
  }
  return semi + 1;
}

void TextBuilder::character_data(std::string_view raw, std::uint32_t source) {
  std::size_t run = 0;
  std::string decoded;
  for (std::size_t i = raw.find('&'); i != std::string_view::npos; i = raw.find('&', i)) {
    const std::size_t len = decode_reference(raw.substr(i), decoded);
    if (len == 0) {
      ++i;
      continue;
    }
    linear(raw.substr(run, i - run), source + static_cast<std::uint32_t>(run));
    opaque(decoded, source + static_cast<std::uint32_t>(i),
           source + static_cast<std::uint32_t>(i + len));
    i += len;
    run = i;
  }
  linear(raw.substr(run), source + static_cast<std::uint32_t>(run));
}

bool is_trim_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whitespace at the ends of [begin, end) of s, including U+3000 and NBSP.
void trim_range(std::string_view s, std::uint32_t& begin, std::uint32_t& end) {
  while (begin < end) {
    std::size_t i = begin;
    if (!utf8::is_space(utf8::next(s, i)) || i > end) break;
    begin = static_cast<std::uint32_t>(i);
  }
  while (end > begin) {
    std::uint32_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    std::size_t i = start;
    if (!utf8::is_space(utf8::next(s, i))) break;
    end = start;
  }
}

void TextBuilder::trim(std::vector<Item>& items, std::vector<Link>& links) {
  std::uint32_t lead = 0;
  std::uint32_t keep_end = size();
  trim_range(text, lead, keep_end);
  if (lead == 0 && keep_end == size()) {
    for (Item& item : items)
      trim_range(text, item.begin, item.end);
    return;
  }
  std::vector<TextPiece> kept;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const TextPiece& p = pieces[k];
    const std::uint32_t pe = k + 1 < pieces.size() ? pieces[k + 1].text : size();
    const std::uint32_t b = std::max(p.text, lead);
    const std::uint32_t e = std::min(pe, keep_end);
    if (b >= e) continue;
    const bool one_to_one = pe - p.text == p.source_end - p.source;
    TextPiece q{b - lead, p.source, p.source_end};
    if (one_to_one) {
      q.source = p.source + (b - p.text);
      q.source_end = p.source + (e - p.text);
    }
    kept.push_back(q);
  }
  pieces = std::move(kept);
  text = text.substr(lead, keep_end - lead);
  const auto shift = [&](std::uint32_t v) { return std::min(std::max(v, lead), keep_end) - lead; };
  for (Item& item : items) {
    item.begin = shift(item.begin);
    item.end = shift(item.end);
    trim_range(text, item.begin, item.end);
  }
  for (Link& link : links) {
    link.begin = shift(link.begin);
    link.end = shift(link.end);
  }
}

struct Attribute {
  std::string_view name;
  std::string_view raw;  // the value as written, references not decoded
  std::uint32_t begin = 0;
};

// The attributes and end of a start tag beginning at text[lt] == '<'. pugixml has already
// checked the document is well-formed, so this only needs to find what is where.
struct StartTag {
  std::vector<Attribute> attributes;
  std::uint32_t end = 0;  // just after '>'
  bool self_closing = false;

  static StartTag scan(std::string_view text, std::uint32_t lt) {
    StartTag tag;
    std::size_t i = lt + 1;
    const auto space = [&](std::size_t at) { return at < text.size() && is_trim_space(text[at]); };
    while (i < text.size() && !space(i) && text[i] != '>' && text[i] != '/')
      ++i;
    while (i < text.size()) {
      while (space(i))
        ++i;
      if (i >= text.size()) break;
      if (text[i] == '>') {
        ++i;
        break;
      }
      if (text[i] == '/') {
        tag.self_closing = true;
        i = text.find('>', i);
        i = i == std::string_view::npos ? text.size() : i + 1;
        break;
      }
      const std::size_t name_begin = i;
      while (i < text.size() && text[i] != '=' && !space(i) && text[i] != '>')
        ++i;
      const std::string_view name = text.substr(name_begin, i - name_begin);
      while (space(i))
        ++i;
      if (i >= text.size() || text[i] != '=') continue;
      ++i;
      while (space(i))
        ++i;
      if (i >= text.size()) break;
      const char quote = text[i];
      const std::size_t value_begin = i + 1;
      std::size_t value_end = text.find(quote, value_begin);
      if (value_end == std::string_view::npos) value_end = text.size();
      tag.attributes.push_back({name, text.substr(value_begin, value_end - value_begin),
                                static_cast<std::uint32_t>(value_begin)});
      i = value_end + 1;
    }
    tag.end = static_cast<std::uint32_t>(std::min(i, text.size()));
    return tag;
  }

  const Attribute* find(std::string_view name) const {
    for (const Attribute& a : attributes) {
      if (a.name == name) return &a;
    }
    return nullptr;
  }
};

std::string decoded(std::string_view raw) {
  TextBuilder b;
  b.character_data(raw, 0);
  return std::move(b.text);
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::uint32_t start_of(const pugi::xml_node& n) const {
    // pugixml reports an element at its name; the element starts at the '<' before it.
    const auto off = static_cast<std::uint32_t>(n.offset_debug());
    return n.type() == pugi::node_element && off > 0 ? off - 1 : off;
  }

  std::uint32_t end_of(const pugi::xml_node& n) const {
    const auto off = static_cast<std::uint32_t>(n.offset_debug());
    const auto len = static_cast<std::uint32_t>(std::strlen(n.value()));
    switch (n.type()) {
      case pugi::node_pcdata:
        return off + len;
      case pugi::node_cdata:
      case pugi::node_comment:
        return off + len + 3;  // "]]>" or "-->"
      case pugi::node_element: {
        const StartTag tag = StartTag::scan(text_, start_of(n));
        if (tag.self_closing) return tag.end;
        const std::uint32_t from = n.last_child() ? end_of(n.last_child()) : tag.end;
        const std::size_t close = text_.find("</", from);
        if (close == std::string_view::npos) return static_cast<std::uint32_t>(text_.size());
        const std::size_t gt = text_.find('>', close);
        return static_cast<std::uint32_t>(gt == std::string_view::npos ? text_.size() : gt + 1);
      }
      default:
        return off;
    }
  }

  Guide guide(const pugi::xml_node& node) const {
    Guide g;
    const std::uint32_t start = start_of(node);
    const StartTag tag = StartTag::scan(text_, start);
    g.span = {start, tag.end};
    const auto attr = [&](std::string_view name) {
      const Attribute* a = tag.find(name);
      return a ? decoded(a->raw) : std::string();
    };
    g.code = attr("code");
    g.department = attr("department");
    g.region = attr("region");
    g.updated = attr("updated");
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_element) g.elements.push_back(element(child));
    }
    return g;
  }

 private:
  Element element(const pugi::xml_node& node) const {
    Element e;
    e.key = node.name();
    const std::uint32_t start = start_of(node);
    const StartTag tag = StartTag::scan(text_, start);
    e.span = {start, end_of(node)};
    if (const Attribute* label = tag.find("label")) {
      e.label = decoded(label->raw);
      e.label_span = {label->begin, label->begin + static_cast<std::uint32_t>(label->raw.size())};
    }
    TextBuilder b;
    content(node, b, e);
    b.trim(e.items, e.links);
    e.text = std::move(b.text);
    e.pieces = std::move(b.pieces);
    return e;
  }

  void content(const pugi::xml_node& node, TextBuilder& b, Element& e) const {
    for (const pugi::xml_node& child : node.children()) {
      const auto off = static_cast<std::uint32_t>(child.offset_debug());
      switch (child.type()) {
        case pugi::node_pcdata:
          b.character_data(child.value(), off);
          break;
        case pugi::node_cdata:
          b.linear(child.value(), off);
          break;
        case pugi::node_element: {
          const std::string_view name = child.name();
          if (name == "item") {
            b.block_break(start_of(child));
            Item item{b.size(), 0};
            content(child, b, e);
            item.end = b.size();
            e.items.push_back(item);
            b.block_break(end_of(child));
          } else if (name == "br") {
            b.opaque("\n", start_of(child), end_of(child));
          } else if (name == "a") {
            Link link{decoded(child.attribute("href").value()), b.size(), 0};
            content(child, b, e);
            link.end = b.size();
            e.links.push_back(std::move(link));
          } else {
            content(child, b, e);
          }
          break;
        }
        default:
          break;
      }
    }
  }

  std::string_view text_;
};

std::string_view status_name(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_unrecognized_tag:
      return "unrecognized_tag";
    case pugi::status_bad_pi:
      return "bad_pi";
    case pugi::status_bad_comment:
      return "bad_comment";
    case pugi::status_bad_cdata:
      return "bad_cdata";
    case pugi::status_bad_doctype:
      return "bad_doctype";
    case pugi::status_bad_pcdata:
      return "bad_pcdata";
    case pugi::status_bad_start_element:
      return "bad_start_element";
    case pugi::status_bad_attribute:
      return "bad_attribute";
    case pugi::status_bad_end_element:
      return "bad_end_element";
    case pugi::status_end_element_mismatch:
      return "end_element_mismatch";
    case pugi::status_no_document_element:
      return "no_document_element";
    default:
      return "other";
  }
}

class XmlParser final : public Parser {
 public:
  std::string_view format() const override { return "xml"; }
  std::vector<std::string> extensions() const override { return {".xml"}; }

  void parse(const Source& source, Output& out) const override {
    const std::string_view text = source.text();
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      out.error(Span{0, 0}, "parse-error.empty");
      return;
    }
    pugi::xml_document doc;
    // No entity or line-end conversion: text nodes stay byte-identical to the input.
    const unsigned flags = pugi::parse_cdata | pugi::parse_comments;
    const pugi::xml_parse_result result =
        doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!result) {
      const auto at = static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(
          std::max<std::ptrdiff_t>(result.offset, 0), static_cast<std::ptrdiff_t>(text.size())));
      out.error(Span{at, at}, "parse-error.xml",
                {{"problem", std::string(status_name(result.status))}});
      return;
    }
    const Reader reader(text);
    const pugi::xml_node root = doc.document_element();
    const std::string_view name = root.name();
    const Span root_span{reader.start_of(root),
                         reader.start_of(root) + 1 + static_cast<std::uint32_t>(name.size())};
    if (name == "guide") {
      out.guides.push_back(reader.guide(root));
    } else if (name == "guides") {
      for (const pugi::xml_node& child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string_view(child.name()) == "guide") {
          out.guides.push_back(reader.guide(child));
        } else {
          const std::uint32_t s = reader.start_of(child);
          out.error(Span{s, s + 1 + static_cast<std::uint32_t>(std::strlen(child.name()))},
                    "parse-error.xml-unexpected", {{"element", std::string(child.name())}});
          out.diagnostics.back().fatal = false;
        }
      }
      if (out.guides.empty()) out.error(root_span, "parse-error.no-guide");
    } else {
      out.error(root_span, "parse-error.xml-root", {{"element", std::string(name)}});
    }
  }
};

}  // namespace

const Parser& xml_parser() {
  static const XmlParser parser;
  return parser;
}

}  // namespace guidelint::parse
