// The native XML format (docs/formats/xml.md): <guide> (or <guides> holding many), one child
// element per guide element named by its canonical id, an optional label attribute, list entries
// as <item> children, links as <a href>. Parsed with pugixml without entity or line-end
// conversion, so every text node is the raw bytes of the input and spans are exact to the byte.
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

#include "parse/parser.hpp"
#include "parse/text_builder.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

bool is_trim_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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

// The deepest element nesting under `node`, walked without recursion.
int depth_below(const pugi::xml_node& node) {
  int depth = 0;
  int max_depth = 0;
  pugi::xml_node n = node.first_child();
  while (n && n != node) {
    if (n.first_child()) {
      n = n.first_child();
      max_depth = std::max(max_depth, ++depth);
      continue;
    }
    while (n != node && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (n != node) n = n.next_sibling();
  }
  return max_depth;
}

// Whitespace-only character data next to a block entry or at either end of an element's
// content is layout, not text; between inline elements it separates words and is kept.
bool layout_whitespace(const pugi::xml_node& n) {
  if (n.type() != pugi::node_pcdata || !blank(n.value())) return false;
  const pugi::xml_node prev = n.previous_sibling();
  const pugi::xml_node next = n.next_sibling();
  const auto block = [](const pugi::xml_node& x) {
    return x.type() == pugi::node_element && std::string_view(x.name()) == "item";
  };
  return !prev || !next || block(prev) || block(next);
}

class Reader {
 public:
  Reader(std::string_view text, Output& out) : text_(text), out_(out) {}

  std::uint32_t start_of(const pugi::xml_node& n) const {
    // pugixml reports an element or a processing instruction at its name, after the '<' or "<?".
    const auto off = static_cast<std::uint32_t>(n.offset_debug());
    if (n.type() == pugi::node_element) return off > 0 ? off - 1 : off;
    if (n.type() == pugi::node_pi) return off > 1 ? off - 2 : off;
    return off;
  }

  std::uint32_t end_of(const pugi::xml_node& n) const {
    const auto off = static_cast<std::uint32_t>(n.offset_debug());
    switch (n.type()) {
      case pugi::node_pcdata:
        return off + static_cast<std::uint32_t>(std::strlen(n.value()));
      case pugi::node_cdata:
      case pugi::node_comment:
        return off + static_cast<std::uint32_t>(std::strlen(n.value())) + 3;  // "]]>" or "-->"
      case pugi::node_pi:
        return find_after(off, "?>");
      case pugi::node_element: {
        const StartTag tag = StartTag::scan(text_, start_of(n));
        if (tag.self_closing) return tag.end;
        // Only whitespace can stand between the last child and the end tag.
        const std::uint32_t from = n.last_child() ? end_of(n.last_child()) : tag.end;
        return find_after(
            static_cast<std::uint32_t>(std::min<std::size_t>(text_.find("</", from), text_.size())),
            ">");
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
    if (const Attribute* a = tag.find("updated")) {
      g.updated_span = Span{a->begin, a->begin + static_cast<std::uint32_t>(a->raw.size())};
    }
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_element) {
        g.elements.push_back(element(child));
      } else {
        stray_text(child);
      }
    }
    return g;
  }

  // Character data where only elements belong (directly in <guide> or <guides>) is reported,
  // not silently dropped.
  void stray_text(const pugi::xml_node& n) const {
    if ((n.type() != pugi::node_pcdata && n.type() != pugi::node_cdata) || blank(n.value())) return;
    std::uint32_t b = static_cast<std::uint32_t>(n.offset_debug());
    std::uint32_t e = b + static_cast<std::uint32_t>(std::strlen(n.value()));
    trim_range(text_, b, e);
    out_.error(Span{b, e}, "parse-error.xml-stray-text", {}, false);
  }

 private:
  std::uint32_t find_after(std::uint32_t from, std::string_view what) const {
    const std::size_t at = text_.find(what, from);
    return static_cast<std::uint32_t>(at == std::string_view::npos ? text_.size()
                                                                   : at + what.size());
  }

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
    b.trim(0, b.size(), e.items, e.links);
    e.text = std::move(b.text);
    e.pieces = std::move(b.pieces);
    return e;
  }

  void content(const pugi::xml_node& node, TextBuilder& b, Element& e) const {
    for (const pugi::xml_node& child : node.children()) {
      switch (child.type()) {
        case pugi::node_pcdata:
          if (!layout_whitespace(child)) {
            b.character_data(child.value(), static_cast<std::uint32_t>(child.offset_debug()));
          }
          break;
        case pugi::node_cdata:
          b.exact(child.value(), static_cast<std::uint32_t>(child.offset_debug()));
          break;
        case pugi::node_element: {
          const std::string_view name = child.name();
          if (name == "item") {
            b.block_break(start_of(child));
            const std::uint32_t begin = b.size();
            content(child, b, e);
            e.items.push_back(b.trim(begin, b.size(), e.items, e.links));
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
  Output& out_;
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

  void parse(const Source& source, const Context& context, Output& out) const override {
    const std::string_view text = source.text();
    if (blank(text)) {
      out.error(Span{0, 0}, "parse-error.empty");
      return;
    }
    pugi::xml_document doc;
    // No entity or line-end conversion: text nodes stay byte-identical to the input. Comments,
    // processing instructions and whitespace-only text are kept so every byte is accounted for.
    const unsigned flags =
        pugi::parse_cdata | pugi::parse_comments | pugi::parse_pi | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result =
        doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!result) {
      const auto at = static_cast<std::uint32_t>(
          std::clamp<std::ptrdiff_t>(result.offset, 0, static_cast<std::ptrdiff_t>(text.size())));
      out.error(Span{at, at}, "parse-error.xml",
                {{"problem", std::string(status_name(result.status))}});
      return;
    }
    // Reading the tree recurses once per level; real guides nest a handful of levels.
    const auto max_depth = static_cast<int>(context.limits.depth);
    if (const int depth = depth_below(doc); depth > max_depth) {
      out.error(Span{0, 0}, "parse-error.too-deep", {{"limit", std::int64_t{max_depth}}});
      return;
    }
    // Suppressions: <!-- guidelint-disable rule-id -->; pugixml gives a comment at its text.
    doc.find_node([&](const pugi::xml_node& n) {
      if (n.type() != pugi::node_comment) return false;
      const auto at = static_cast<std::uint32_t>(n.offset_debug());
      const auto length = static_cast<std::uint32_t>(std::strlen(n.value()));
      if (auto d = read_directive(n.value(), at, Span{at >= 4 ? at - 4 : 0, at + length + 3}))
        out.directives.push_back(std::move(*d));
      return false;
    });
    const Reader reader(text, out);
    int roots = 0;
    for (const pugi::xml_node& node : doc.children()) {
      if (node.type() != pugi::node_element) {
        reader.stray_text(node);
        continue;
      }
      const std::string_view name = node.name();
      const std::uint32_t s = reader.start_of(node);
      const Span name_span{s, s + 1 + static_cast<std::uint32_t>(name.size())};
      if (++roots == 2) out.error(name_span, "parse-error.xml-several-roots", {}, false);
      if (name == "guide") {
        if (context.room_for_guide(out, name_span)) out.guides.push_back(reader.guide(node));
      } else if (name == "guides") {
        const std::size_t before = out.guides.size();
        for (const pugi::xml_node& child : node.children()) {
          if (child.type() != pugi::node_element) {
            reader.stray_text(child);
          } else if (std::string_view(child.name()) == "guide") {
            const std::uint32_t c = reader.start_of(child);
            if (!context.room_for_guide(out, Span{c, c + 6})) break;
            out.guides.push_back(reader.guide(child));
          } else {
            const std::uint32_t c = reader.start_of(child);
            out.error(Span{c, c + 1 + static_cast<std::uint32_t>(std::strlen(child.name()))},
                      "parse-error.xml-unexpected", {{"element", std::string(child.name())}},
                      false);
          }
        }
        if (out.guides.size() == before) out.error(name_span, "parse-error.no-guide");
      } else {
        out.error(name_span, "parse-error.xml-root", {{"element", std::string(name)}});
      }
    }
  }
};

}  // namespace

const Parser& xml_parser() {
  static const XmlParser parser;
  return parser;
}

}  // namespace guidelint::parse
