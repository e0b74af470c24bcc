// The native XML format (docs/formats/xml.md): <guide> (or <guides> holding many), one child
// element per guide element named by its canonical id, an optional label attribute, list entries
// as <item> children, links as <a href>. Parsed with pugixml without entity or line-end
// conversion, so every text node is the raw bytes of the input and spans are exact to the byte.
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

#include "parse/parser.hpp"
#include "parse/text_builder.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

bool is_trim_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct StartTag {
  std::uint32_t end = 0;  // just after '>'
  bool self_closing = false;
};

// The rest of a start tag whose name ends at text[i]: on_attribute(name, raw, begin) is called
// for each attribute in order, with its value as written (references not decoded) and where that
// value begins. pugixml has already checked the document is well-formed, so this only needs to
// find what is where.
template <typename OnAttribute>
StartTag scan_start_tag(std::string_view text, std::size_t i, OnAttribute&& on_attribute) {
  StartTag tag;
  const auto space = [&](std::size_t at) { return at < text.size() && is_trim_space(text[at]); };
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
    on_attribute(name, text.substr(value_begin, value_end - value_begin),
                 static_cast<std::uint32_t>(value_begin));
    i = value_end + 1;
  }
  tag.end = static_cast<std::uint32_t>(std::min(i, text.size()));
  return tag;
}

// The first attribute of a name, as written.
struct Attribute {
  bool found = false;
  std::string_view raw;
  std::uint32_t begin = 0;

  void take(std::string_view value, std::uint32_t at) {
    if (!found) *this = {true, value, at};
  }
};

// Raw character data (an attribute value) with its references decoded.
std::string decoded(std::string_view raw) {
  std::size_t i = raw.find('&');
  if (i == std::string_view::npos) return std::string(raw);
  std::string out;
  std::string reference;
  std::size_t run = 0;
  for (; i != std::string_view::npos; i = raw.find('&', i)) {
    const std::size_t len = decode_reference(raw.substr(i), reference);
    if (len == 0) {
      ++i;
      continue;
    }
    out.append(raw.substr(run, i - run));
    out.append(reference);
    i += len;
    run = i;
  }
  out.append(raw.substr(run));
  return out;
}

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// What the Reader makes of an element, by its name: a list entry, a line break, a link, or
// content read through.
enum class Kind : std::uint8_t { other, item, br, a };

// A node of the document and its place in the Source.
struct Node {
  std::uint32_t at;      // pugixml's offset: an element's or instruction's name, else the value
  std::uint32_t length;  // of that name or value
  std::uint32_t end;     // just after the node (an open element: just after its start tag)
  std::uint32_t next;    // the next sibling, or kNone
  std::uint32_t label;   // an element's label attribute as written, when has_label
  std::uint32_t label_length;
  std::uint8_t type;  // a pugi::xml_node_type
  Kind kind;          // of an element
  bool has_children;  // the first child is the next node
  bool self_closing;
  bool has_label;

  // Where a node starts: the '<' of an element, the "<?" of a processing instruction, else
  // the value.
  static std::uint32_t begin_of(int type, std::uint32_t at) {
    if (type == pugi::node_element) return at > 0 ? at - 1 : at;
    if (type == pugi::node_pi) return at > 1 ? at - 2 : at;
    return at;
  }
  std::uint32_t begin() const { return begin_of(type, at); }

  // Where a node's markup starts: as begin_of, but a comment's "<!--" and a CDATA section's
  // "<![CDATA[" too.
  static std::uint32_t markup_of(int type, std::uint32_t at) {
    if (type == pugi::node_comment) return at - 4;
    if (type == pugi::node_cdata) return at - 9;
    return begin_of(type, at);
  }
  std::uint32_t markup() const { return markup_of(type, at); }
};

// The document read once, in document order, into a flat list of nodes (a node's first child
// right after it) that knows where each node ends. pugixml's nodes are walked down their first
// children and along their siblings, and a node is closed when its last child is: an element
// then ends at the first end tag after its last child, so the ends are found by one pass
// forward through the text.
//
// Most of an indented document is whitespace between elements, so pugixml is asked to leave out
// whitespace-only character data (the `lean` reading) and to keep an element's first text as its
// value rather than as a node of its own (which the list makes a node again). Inside an element
// every other thing but an XML declaration (which pugixml skips) is a node, so the text between
// two nodes is exactly the whitespace-only character data left out: the Reader reads it from
// there. Text between nodes that is not whitespace (an "<?xml ...?>" inside an element) is
// reported (Result::unaccounted), and the document is read again whole, every text a node.
class Tree {
 public:
  enum class Result { ok, too_deep, unaccounted };

  Tree(std::string_view text, const char* buffer, int max_depth, bool lean)
      : text_(text), buffer_(buffer), max_depth_(max_depth), lean_(lean) {}

  std::vector<std::uint32_t> comments;  // in document order
  // The <a> elements, whose href is read through pugixml, in document order.
  std::vector<std::pair<std::uint32_t, pugi::xml_node_struct*>> anchors;

  // Reads `doc`, parsed in place from buffer_ (a copy of text_). Reading stops at the first
  // node nested deeper than max_depth.
  Result read(const pugi::xml_document& doc) {
    capacity_ = static_cast<std::uint32_t>(text_.size() / 48 + 16);
    nodes_.reset(new Node[capacity_]);
    std::uint32_t prev = kNone;  // the node before the next one at its level
    pugi::xml_node n = doc.first_child();
    while (true) {
      if (!n) {  // the last child of the innermost open element, or of the document
        if (top_ == 0) break;
        const Open parent = open_[--top_];
        if (!close(parent.index, prev, top_)) return result_;
        prev = parent.index;
        n = parent.node.next_sibling();
        continue;
      }
      const std::uint32_t i = add(n, prev);
      if (result_ != Result::ok) return result_;
      prev = i;
      if (nodes_[i].type == pugi::node_element) {
        // Text before any other child is the element's value (parse_embed_pcdata).
        std::uint32_t last = kNone;
        if (lean_) {
          if (const char* value = n.value(); *value != '\0') last = embedded(i, value);
          if (result_ != Result::ok) return result_;
        }
        if (pugi::xml_node child = n.first_child()) {
          push({i, n});
          prev = last;
          n = child;
          continue;
        }
        if (!close(i, last, top_)) return result_;
      }
      n = n.next_sibling();
    }
    return result_;
  }

  const Node* nodes() const { return nodes_.get(); }
  std::uint32_t size() const { return count_; }
  bool lean() const { return lean_; }

 private:
  // An element whose children are being read, and its pugixml node.
  struct Open {
    std::uint32_t index;
    pugi::xml_node node;
  };

  bool stop(Result result) {
    result_ = result;
    return false;
  }

  // Adds node n, which follows node `prev` at its level (kNone: it is the first), inside the
  // open elements; an element is left open. Returns its index.
  std::uint32_t add(const pugi::xml_node& n, std::uint32_t prev) {
    if (static_cast<std::int64_t>(top_) > max_depth_) {
      stop(Result::too_deep);
      return kNone;
    }
    const pugi::xml_node_type type = n.type();
    // pugixml places an element or a processing instruction at its name, after '<' or "<?";
    // character data, CDATA and comments at the value, the raw bytes of the input (no entity or
    // line-end conversion). Doctypes and declarations are not kept with these flags.
    const bool named = type == pugi::node_element || type == pugi::node_pi;
    const char* at = named ? n.name() : n.value();
    const auto offset = static_cast<std::uint32_t>(at - buffer_);
    if (top_ > 0) {
      const std::uint32_t parent = open_[top_ - 1].index;
      // The text between the previous sibling (or the parent's start tag) and this node.
      if (lean_) {
        const std::uint32_t from = prev != kNone ? nodes_[prev].end : nodes_[parent].end;
        if (!space(from, Node::markup_of(type, offset))) {
          stop(Result::unaccounted);
          return kNone;
        }
      }
      if (prev == kNone) nodes_[parent].has_children = true;
    }
    const std::uint32_t i = count_;
    if (prev != kNone) nodes_[prev].next = i;
    Node& node = append();
    node.at = offset;
    node.length = static_cast<std::uint32_t>(std::strlen(at));
    node.type = static_cast<std::uint8_t>(type);
    if (type == pugi::node_element) {
      const std::string_view name(at, node.length);
      if (name == "item") {
        node.kind = Kind::item;
      } else if (name == "br") {
        node.kind = Kind::br;
      } else if (name == "a") {
        node.kind = Kind::a;
        anchors.emplace_back(i, n.internal_object());
      }
      start_tag(node);
    } else if (type == pugi::node_pi) {
      const std::size_t end = text_.find("?>", node.at);
      node.end = static_cast<std::uint32_t>(end == std::string_view::npos ? text_.size() : end + 2);
    } else {
      node.end = node.at + node.length;
      if (type != pugi::node_pcdata) node.end += 3;  // "]]>" or "-->"
      if (type == pugi::node_comment) comments.push_back(i);
    }
    return i;
  }

  Node& append() {
    if (count_ == capacity_) {
      std::unique_ptr<Node[]> more(new Node[capacity_ * 2]);
      std::copy(nodes_.get(), nodes_.get() + count_, more.get());
      nodes_ = std::move(more);
      capacity_ *= 2;
    }
    Node& node = nodes_[count_++];
    node = Node{};
    node.next = kNone;
    return node;
  }

  void push(const Open& open) {
    if (top_ == open_.size()) open_.resize(open_.size() * 2 + 16);
    open_[top_++] = open;
  }

  // Adds the text pugixml kept as the value of element `parent` (the innermost open one but
  // for it) as its first child; returns its index.
  std::uint32_t embedded(std::uint32_t parent, const char* value) {
    if (static_cast<std::int64_t>(top_) + 1 > max_depth_) {
      stop(Result::too_deep);
      return kNone;
    }
    const auto offset = static_cast<std::uint32_t>(value - buffer_);
    // Only an XML declaration pugixml skipped can stand between the start tag and the value.
    if (!space(nodes_[parent].end, offset)) {
      stop(Result::unaccounted);
      return kNone;
    }
    nodes_[parent].has_children = true;
    const std::uint32_t i = count_;
    Node& node = append();
    node.at = offset;
    node.length = static_cast<std::uint32_t>(std::strlen(value));
    node.end = node.at + node.length;
    node.type = pugi::node_pcdata;
    return i;
  }

  // Closes element nodes_[j] at `level` whose last child is `last` (kNone: it has none): its
  // content ends at the first end tag after that child (or the start tag).
  bool close(std::uint32_t j, std::uint32_t last, std::size_t level) {
    Node& n = nodes_[j];
    if (n.self_closing) return true;
    const std::uint32_t from = last != kNone ? nodes_[last].end : n.end;
    const std::size_t size = text_.size();
    std::size_t i = from;
    while (i < size && is_trim_space(text_[i]))
      ++i;
    const std::size_t blank_end = i;  // the end of the whitespace after `from`
    while (i + 1 < size && !(text_[i] == '<' && text_[i + 1] == '/'))
      ++i;
    if (i + 1 >= size) {
      i = size;
    } else {
      if (lean_ && i > from) {
        if (i != blank_end) return stop(Result::unaccounted);
        // Whitespace alone in an element is a child, one level deeper.
        if (last == kNone && static_cast<std::int64_t>(level) + 1 > max_depth_) {
          return stop(Result::too_deep);
        }
      }
      // Right after whitespace, the end tag is this element's: its name is skipped.
      if (i == blank_end) i = std::min(size, i + 2 + n.length);
    }
    while (i < size && text_[i] != '>')
      ++i;
    n.end = static_cast<std::uint32_t>(i < size ? i + 1 : size);
    return true;
  }

  // Whether text [from, to) is XML whitespace only (or nothing).
  bool space(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from; k < to; ++k) {
      if (!is_trim_space(text_[k])) return false;
    }
    return true;
  }

  // The rest of an element's start tag: its name ends at whitespace, '/' or '>'.
  void start_tag(Node& node) const {
    const StartTag tag =
        scan_start_tag(text_, node.at + node.length,
                       [&](std::string_view attribute, std::string_view raw, std::uint32_t begin) {
                         if (attribute == "label" && !node.has_label) {
                           node.has_label = true;
                           node.label = begin;
                           node.label_length = static_cast<std::uint32_t>(raw.size());
                         }
                       });
    node.self_closing = tag.self_closing;
    node.end = tag.end;
  }

  std::string_view text_;
  const char* buffer_;
  int max_depth_;
  bool lean_;
  Result result_ = Result::ok;
  std::unique_ptr<Node[]> nodes_;  // in document order
  std::uint32_t capacity_ = 0;
  std::uint32_t count_ = 0;  // of nodes_ in use
  std::vector<Open> open_;   // the elements not yet closed, outermost first
  std::size_t top_ = 0;      // how many of open_ are
};

class Reader {
 public:
  Reader(std::string_view text, const Tree& tree, Output& out)
      : text_(text),
        nodes_(tree.nodes()),
        size_(tree.size()),
        anchors_(tree.anchors),
        lean_(tree.lean()),
        out_(out) {}

  std::string_view name(const Node& n) const { return text_.substr(n.at, n.length); }
  std::string_view value(const Node& n) const { return text_.substr(n.at, n.length); }
  std::uint32_t first_child(std::uint32_t i) const {
    return nodes_[i].has_children ? i + 1 : kNone;
  }

  Guide guide(std::uint32_t i) {
    const Node& node = nodes_[i];
    Guide g;
    Attribute code, department, region, updated;
    const StartTag tag =
        scan_start_tag(text_, node.at + node.length,
                       [&](std::string_view name, std::string_view raw, std::uint32_t begin) {
                         if (name == "code")
                           code.take(raw, begin);
                         else if (name == "department")
                           department.take(raw, begin);
                         else if (name == "region")
                           region.take(raw, begin);
                         else if (name == "updated")
                           updated.take(raw, begin);
                       });
    g.span = {node.begin(), tag.end};
    const auto attr = [](const Attribute& a) { return a.found ? decoded(a.raw) : std::string(); };
    g.code = attr(code);
    g.department = attr(department);
    g.region = attr(region);
    g.updated = attr(updated);
    if (updated.found) {
      g.updated_span =
          Span{updated.begin, updated.begin + static_cast<std::uint32_t>(updated.raw.size())};
    }
    std::size_t count = 0;
    for (std::uint32_t c = first_child(i); c != kNone; c = nodes_[c].next)
      count += nodes_[c].type == pugi::node_element ? 1 : 0;
    g.elements.reserve(count);
    const std::uint32_t after = node.next != kNone ? node.next : size_;  // the guide's nodes end
    for (std::uint32_t c = first_child(i); c != kNone; c = nodes_[c].next) {
      if (nodes_[c].type == pugi::node_element) {
        element(c, nodes_[c].next != kNone ? nodes_[c].next : after, g.elements.emplace_back());
      } else {
        stray_text(c);
      }
    }
    return g;
  }

  // Character data where only elements belong (directly in <guide> or <guides>) is reported,
  // not silently dropped.
  void stray_text(std::uint32_t i) const {
    const Node& n = nodes_[i];
    if ((n.type != pugi::node_pcdata && n.type != pugi::node_cdata) || blank(value(n))) return;
    std::uint32_t b = n.at;
    std::uint32_t e = n.at + n.length;
    trim_range(text_, b, e);
    out_.error(Span{b, e}, "parse-error.xml-stray-text", {}, false);
  }

 private:
  // Reads element nodes_[i], whose nodes end before nodes_[after].
  void element(std::uint32_t i, std::uint32_t after, Element& e) {
    const Node& node = nodes_[i];
    e.key = name(node);
    e.span = {node.begin(), node.end};
    if (node.has_label) {
      e.label = decoded(text_.substr(node.label, node.label_length));
      e.label_span = {node.label, node.label + node.label_length};
    }
    std::size_t items = 0;
    for (std::uint32_t c = first_child(i); c != kNone; c = nodes_[c].next)
      items += nodes_[c].kind == Kind::item ? 1 : 0;
    e.items.reserve(items);
    // An element's text is never longer than the element, and its nodes but for references
    // add a piece and a line break each at most: the builder has room for all of it at once,
    // and then hands its buffers over to the element.
    b_.text.reserve(node.end - node.begin());
    b_.pieces.reserve(2 * std::size_t{after - i});
    element_ = i;
    content(i, e);
    b_.trim(0, b_.size(), e.items, e.links);
    b_.hand_over(e.text, e.pieces);
  }

  // The href of the <a> element nodes_[i], as written.
  std::string_view href(std::uint32_t i) const {
    const auto it = std::lower_bound(anchors_.begin(), anchors_.end(), i,
                                     [](const auto& a, std::uint32_t v) { return a.first < v; });
    return pugi::xml_node(it->second).attribute("href").value();
  }

  bool block(std::uint32_t i) const { return nodes_[i].kind == Kind::item; }

  // Whitespace-only character data next to a block entry or at either end of an element's
  // content is layout, not text; between inline elements it separates words and is kept.
  bool layout_whitespace(std::uint32_t i, std::uint32_t prev) const {
    const Node& n = nodes_[i];
    // Nearly all text starts with a character its first byte shows is not a space.
    if (n.length > 0 && !utf8::may_begin_space(static_cast<unsigned char>(text_[n.at])))
      return false;
    if (!blank(value(n))) return false;
    return prev == kNone || n.next == kNone || block(prev) || block(n.next);
  }

  void content(std::uint32_t i, Element& e) {
    std::uint32_t prev = kNone;
    for (std::uint32_t c = first_child(i); c != kNone; prev = c, c = nodes_[c].next) {
      const Node& child = nodes_[c];
      // Whitespace-only text left out of a lean tree: kept only between two inline siblings (at
      // either end of the content, or next to an item, it is layout).
      if (lean_ && prev != kNone && child.markup() > nodes_[prev].end && !block(prev) &&
          !block(c)) {
        const std::uint32_t from = nodes_[prev].end;
        b_.character_data(text_.substr(from, child.markup() - from), from);
      }
      switch (child.type) {
        case pugi::node_pcdata:
          if (!layout_whitespace(c, prev)) b_.character_data(value(child), child.at);
          break;
        case pugi::node_cdata:
          b_.exact(value(child), child.at);
          break;
        case pugi::node_element:
          if (child.kind == Kind::item) {
            b_.block_break(child.begin());
            const std::uint32_t begin = b_.size();
            content(c, e);
            e.items.push_back(b_.trim(begin, b_.size(), e.items, e.links));
            // After the element's last entry, a break would only be trimmed off its text.
            if (child.next != kNone || i != element_) b_.block_break(child.end);
          } else if (child.kind == Kind::br) {
            b_.opaque("\n", child.begin(), child.end);
          } else if (child.kind == Kind::a) {
            Link link{decoded(href(c)), b_.size(), 0};
            content(c, e);
            link.end = b_.size();
            e.links.push_back(std::move(link));
          } else {
            content(c, e);
          }
          break;
        default:
          break;
      }
    }
  }

  std::string_view text_;
  const Node* nodes_;
  std::uint32_t size_;  // of nodes_
  const std::vector<std::pair<std::uint32_t, pugi::xml_node_struct*>>& anchors_;
  bool lean_;  // whitespace-only text is not in nodes_ but between them
  Output& out_;
  TextBuilder b_;
  std::uint32_t element_ = kNone;  // the element being read
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
    // Parsed in place from a copy with a terminating NUL, as load_buffer would copy it, so that
    // pugixml's names and values point into a buffer whose offsets are the Source's.
    std::unique_ptr<char[]> buffer(new char[text.size() + 1]);
    // No entity or line-end conversion: text nodes stay byte-identical to the input. Comments
    // and processing instructions are kept so every byte is accounted for. `lean`: without
    // whitespace-only text, an element's first text its value (see Tree); otherwise every text a
    // node of its own. pugixml reads a document the same way either way but for where it keeps
    // that text, and for which problem it names in some broken documents.
    const auto load = [&](pugi::xml_document& doc, bool lean) {
      std::memcpy(buffer.get(), text.data(), text.size());
      buffer[text.size()] = '\0';
      const unsigned flags = pugi::parse_cdata | pugi::parse_comments | pugi::parse_pi |
                             (lean ? pugi::parse_embed_pcdata : pugi::parse_ws_pcdata);
      return doc.load_buffer_inplace(buffer.get(), text.size() + 1, flags, pugi::encoding_utf8);
    };
    // Reading the tree recurses once per level; real guides nest a handful of levels.
    const auto max_depth = static_cast<int>(context.limits.depth);
    pugi::xml_document doc;
    std::optional<Tree> tree;
    // The lean reading; the whole one for a document it cannot account for, and for the problem
    // with a broken one, as it has always been named.
    pugi::xml_parse_result result = load(doc, true);
    Tree::Result read = Tree::Result::unaccounted;
    if (result) read = tree.emplace(text, buffer.get(), max_depth, true).read(doc);
    if (read == Tree::Result::unaccounted) {
      result = load(doc, false);
      if (result) read = tree.emplace(text, buffer.get(), max_depth, false).read(doc);
    }
    if (!result) {
      const auto at = static_cast<std::uint32_t>(
          std::clamp<std::ptrdiff_t>(result.offset, 0, static_cast<std::ptrdiff_t>(text.size())));
      out.error(Span{at, at}, "parse-error.xml",
                {{"problem", std::string(status_name(result.status))}});
      return;
    }
    if (read == Tree::Result::too_deep) {
      out.error(Span{0, 0}, "parse-error.too-deep", {{"limit", std::int64_t{max_depth}}});
      return;
    }
    const Node* nodes = tree->nodes();
    // Suppressions: <!-- guidelint-disable rule-id -->; pugixml gives a comment at its text.
    for (const std::uint32_t c : tree->comments) {
      const Node& n = nodes[c];
      const std::uint32_t at = n.at;
      if (auto d = read_directive(text.substr(at, n.length), at,
                                  Span{at >= 4 ? at - 4 : 0, at + n.length + 3}))
        out.directives.push_back(std::move(*d));
    }
    Reader reader(text, *tree, out);
    int roots = 0;
    for (std::uint32_t i = tree->size() == 0 ? kNone : 0; i != kNone; i = nodes[i].next) {
      const Node& node = nodes[i];
      if (node.type != pugi::node_element) {
        reader.stray_text(i);
        continue;
      }
      const std::string_view name = reader.name(node);
      const std::uint32_t s = node.begin();
      const Span name_span{s, s + 1 + static_cast<std::uint32_t>(name.size())};
      if (++roots == 2) out.error(name_span, "parse-error.xml-several-roots", {}, false);
      if (name == "guide") {
        if (context.room_for_guide(out, name_span)) out.guides.push_back(reader.guide(i));
      } else if (name == "guides") {
        const std::size_t before = out.guides.size();
        for (std::uint32_t c = reader.first_child(i); c != kNone; c = nodes[c].next) {
          const Node& child = nodes[c];
          if (child.type != pugi::node_element) {
            reader.stray_text(c);
          } else if (reader.name(child) == "guide") {
            if (!context.room_for_guide(out, Span{child.begin(), child.begin() + 6})) break;
            out.guides.push_back(reader.guide(c));
          } else {
            const std::string_view child_name = reader.name(child);
            out.error(Span{child.begin(),
                           child.begin() + 1 + static_cast<std::uint32_t>(child_name.size())},
                      "parse-error.xml-unexpected", {{"element", std::string(child_name)}}, false);
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
