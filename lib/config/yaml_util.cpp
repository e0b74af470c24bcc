#include "config/yaml_util.hpp"

#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "text/suggest.hpp"

namespace guidelint::config {
struct NodeAccess;
}  // namespace guidelint::config

namespace YAML {
// Node's constructor from a built node and its parts are private; as_if, a friend of Node,
// reaches them.
template <>
struct as_if<guidelint::config::NodeAccess, void> {
  static Node make(detail::node& node, const detail::shared_memory_holder& memory) {
    return Node(node, memory);
  }
  static detail::node& node(const Node& n) { return *n.m_pNode; }
  static const detail::shared_memory_holder& memory(const Node& n) { return n.m_pMemory; }
};
}  // namespace YAML

namespace guidelint::config {

void Problems::add(const std::shared_ptr<const Source>& source, std::optional<Span> span,
                   std::string message_id, std::vector<Arg> args) {
  FileResult* target = nullptr;
  for (FileResult& r : results_) {
    if (r.source == source) target = &r;
  }
  if (target == nullptr) {
    results_.push_back(FileResult{source, {}, {}});
    target = &results_.back();
  }
  Diagnostic d;
  d.rule_id = "config-error";
  d.severity = Severity::error;
  d.message_id = std::move(message_id);
  d.args = std::move(args);
  d.span = span;
  d.fatal = true;
  target->diagnostics.push_back(std::move(d));
}

std::size_t Problems::size() const {
  std::size_t n = 0;
  for (const FileResult& r : results_)
    n += r.diagnostics.size();
  return n;
}

Span YamlFile::span(const YAML::Node& node) const {
  const std::string_view text = source->text();
  const YAML::Mark mark = node.Mark();
  if (mark.pos < 0) return {};
  auto begin = static_cast<std::uint32_t>(std::min<std::size_t>(mark.pos, text.size()));
  std::uint32_t end = begin;
  if (node.IsScalar()) {
    // Cover the scalar as written: quoted or plain, up to the end of its line.
    const char quote = begin < text.size() ? text[begin] : '\0';
    std::size_t e = begin;
    if (quote == '"' || quote == '\'') {
      e = text.find(quote, begin + 1);
      e = e == std::string_view::npos ? text.size() : e + 1;
    } else {
      e = begin + node.Scalar().size();
    }
    const std::size_t eol = text.find_first_of("\r\n", begin);
    end =
        static_cast<std::uint32_t>(std::min(e, eol == std::string_view::npos ? text.size() : eol));
  }
  return {begin, std::max(begin, end)};
}

void YamlFile::report(const YAML::Node& at, std::string message_id, std::vector<Arg> args) const {
  problems->add(source, span(at), std::move(message_id), std::move(args));
}

namespace {

// The number of nodes a YAML text stands for once every alias is expanded, counted from the
// parser's events without building anything: each anchored node's size is remembered and an
// alias adds it. Stops counting past `limit`. A "billion laughs" text of a few hundred bytes
// counts as billions here, and is refused before anything walks it.
class ExpandedSize : public YAML::EventHandler {
 public:
  explicit ExpandedSize(std::uint64_t limit) : limit_(limit) {}
  std::uint64_t total() const { return total_; }
  YAML::Mark over_at() const { return over_at_; }
  bool over() const { return total_ > limit_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = sizes_.find(anchor);
    add(mark, it == sizes_.end() ? 1 : it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::uint64_t size;
  };
  void add(const YAML::Mark& mark, std::uint64_t n) {
    const std::uint64_t before = total_;
    total_ = std::min<std::uint64_t>(total_ + n, limit_ + 1);
    if (before <= limit_ && total_ > limit_) over_at_ = mark;
    for (Open& o : stack_)
      o.size = std::min<std::uint64_t>(o.size + n, limit_ + 1);
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    add(mark, 1);
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    add(mark, 1);
    stack_.push_back({anchor, 1});
  }
  void close() {
    if (stack_.empty()) return;
    const Open o = stack_.back();
    stack_.pop_back();
    if (o.anchor != YAML::NullAnchor) sizes_[o.anchor] = o.size;
  }

  std::uint64_t limit_;
  std::uint64_t total_ = 0;
  YAML::Mark over_at_;
  std::vector<Open> stack_;
  std::map<YAML::anchor_t, std::uint64_t> sizes_;
};

// The events of one reading sent to two handlers.
class BothHandlers : public YAML::EventHandler {
 public:
  BothHandlers(YAML::EventHandler& first, YAML::EventHandler& second)
      : first_(first), second_(second) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    both(&EventHandler::OnDocumentStart, mark);
  }
  void OnDocumentEnd() override { both(&EventHandler::OnDocumentEnd); }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    both(&EventHandler::OnNull, mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    both(&EventHandler::OnAlias, mark, anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    both(&EventHandler::OnScalar, mark, tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    both(&EventHandler::OnSequenceStart, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { both(&EventHandler::OnSequenceEnd); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    both(&EventHandler::OnMapStart, mark, tag, anchor, style);
  }
  void OnMapEnd() override { both(&EventHandler::OnMapEnd); }
  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    both(&EventHandler::OnAnchor, mark, name);
  }

 private:
  template <typename... Params, typename... Args>
  void both(void (EventHandler::*event)(Params...), const Args&... args) {
    (first_.*event)(args...);
    (second_.*event)(args...);
  }

  YAML::EventHandler& first_;
  YAML::EventHandler& second_;
};

// The plain subset, read as yaml-cpp's scanner and parser would. Every node it cannot vouch for
// (a multi-line scalar, an escape, a tag, an empty value, anything indented where yaml-cpp might
// read it otherwise) makes it give up: read_plain's test compares it with yaml-cpp on every
// bundled file.
class PlainReader {
 public:
  PlainReader(std::string_view text, YAML::EventHandler& out) : text_(text), out_(out) {}

  bool document() {
    // Control characters (yaml-cpp reads 0x04 as the end, zeros as another encoding), tabs, CRs,
    // a byte order mark and document markers all mean more than the subset says.
    if (std::any_of(text_.begin(), text_.end(),
                    [](char c) { return c >= 0 && c < ' ' && c != '\n'; }) ||
        text_.starts_with("\xEF\xBB\xBF") || text_.starts_with("---") || text_.starts_with("...") ||
        text_.find("\n---") != std::string_view::npos ||
        text_.find("\n...") != std::string_view::npos)
      return false;
    if (!skip_lines(false) || at_end()) return false;
    out_.OnDocumentStart(mark());
    if (!block_node(-1) || !at_end()) return false;
    out_.OnDocumentEnd();
    return true;
  }

 private:
  static constexpr std::size_t npos = std::string_view::npos;
  // Deeper nesting is left to yaml-cpp, which refuses it past its own limit.
  static constexpr int kMaxDepth = 500;
  // yaml-cpp reads a key as one only this close to its ':'.
  static constexpr std::size_t kMaxKey = 1000;

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\n';
  }
  int column() const { return static_cast<int>(pos_ - line_start_); }
  YAML::Mark mark() const {
    YAML::Mark m;
    m.pos = static_cast<int>(pos_);
    m.line = line_;
    m.column = column();
    return m;
  }
  static bool is_null(std::string_view s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
  }
  static bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }

  // Past the rest of a line (spaces, a comment after a space) and the blank and comment lines
  // after it, to the next content or the end. Notes how deep the deepest comment line was.
  bool skip_lines(bool mid_line) {
    deepest_comment_ = -1;
    if (mid_line && peek() != ' ' && peek() != '\n') return false;
    while (!at_end()) {
      while (peek() == ' ')
        ++pos_;
      if (peek() == '#') {
        if (!mid_line) deepest_comment_ = std::max(deepest_comment_, column());
        pos_ = std::min(text_.find('\n', pos_), text_.size());
      }
      if (at_end() || text_[pos_] != '\n') break;
      ++pos_;
      ++line_;
      line_start_ = pos_;
      mid_line = false;
    }
    return true;
  }

  // After a node on the line of its key or dash: nothing on that line, and no line (not even a
  // comment) deeper than the collection, which yaml-cpp might read as more of the node.
  bool end_inline(int col) {
    return skip_lines(true) && deepest_comment_ <= col && (at_end() || column() <= col);
  }

  // Where the ':' of a `key:` at this position is, or npos.
  std::size_t key_end() const {
    std::size_t p = pos_;
    while (p < text_.size() &&
           (name_char(text_[p]) || text_[p] == '.' || static_cast<unsigned char>(text_[p]) >= 0x80))
      ++p;
    if (p == pos_ || p - pos_ > kMaxKey || text_[pos_] == '-' || text_[pos_] == '.' ||
        p == text_.size() || text_[p] != ':')
      return npos;
    if (p + 1 < text_.size() && text_[p + 1] != ' ' && text_[p + 1] != '\n') return npos;
    if (is_null(text_.substr(pos_, p - pos_))) return npos;
    return p;
  }
  bool dash_here() const { return peek() == '-' && (peek(1) == ' ' || peek(1) == '\n'); }

  // A node that starts a line, deeper than its parent collection at `col`.
  bool block_node(int col) {
    if (dash_here()) return block_sequence();
    if (key_end() != npos) return block_map();
    return inline_node(col);
  }

  bool block_map() {
    if (++depth_ > kMaxDepth) return false;
    const int col = column();
    out_.OnMapStart(mark(), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      const std::size_t colon = key_end();
      if (colon == npos) return false;
      out_.OnScalar(mark(), "?", YAML::NullAnchor, std::string(text_.substr(pos_, colon - pos_)));
      pos_ = colon + 1;
      if (!value(col)) return false;
      if (at_end() || column() < col) break;
      if (column() > col) return false;
    }
    out_.OnMapEnd();
    --depth_;
    return true;
  }

  bool block_sequence() {
    if (++depth_ > kMaxDepth) return false;
    const int col = column();
    out_.OnSequenceStart(mark(), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      if (!dash_here()) return false;
      ++pos_;
      while (peek() == ' ')
        ++pos_;
      if (dash_here()) return false;
      if (peek() == '\n' || peek() == '#' || key_end() == npos) {
        if (!value(col)) return false;
      } else if (!block_map()) {  // `- key: value`, a map at the entry's column
        return false;
      }
      if (at_end() || column() < col) break;
      if (column() > col) return false;
    }
    out_.OnSequenceEnd();
    --depth_;
    return true;
  }

  // The value after a key's ':' or an entry's '-', on that line or on deeper lines below it.
  bool value(int col) {
    while (peek() == ' ')
      ++pos_;
    if (peek() != '\n' && (peek() != '#' || text_[pos_ - 1] != ' ')) return inline_node(col);
    if (!skip_lines(true) || at_end() || column() <= col) return false;
    return block_node(col);
  }

  // A scalar, alias or flow collection, perhaps anchored, on the line where it starts.
  bool inline_node(int col) {
    const YAML::Mark at = mark();
    YAML::anchor_t anchor = YAML::NullAnchor;
    if (peek() == '&') {
      ++pos_;
      const std::string name = read_name();
      if (name.empty() || (peek() != ' ' && peek() != '\n')) return false;
      anchor = ++anchor_count_;
      anchors_[name] = anchor;
      out_.OnAnchor(at, name);
      while (peek() == ' ')
        ++pos_;
      if (peek() == '\n' || peek() == '#') {
        if (!skip_lines(true) || at_end() || column() <= col) return false;
      }
      if (dash_here() || key_end() != npos || peek() == '&') return false;
    }
    switch (peek()) {
      case '*':
        if (anchor != YAML::NullAnchor || !alias(at)) return false;
        break;
      case '[':
        if (!flow_sequence(at, anchor, col)) return false;
        break;
      case '{':
        if (!flow_map(at, anchor, col)) return false;
        break;
      case '"':
      case '\'': {
        std::string v;
        if (!quoted(v)) return false;
        out_.OnScalar(at, "!", anchor, v);
        break;
      }
      default: {
        if (!plain_start()) return false;
        // Searched within the line only: a search to the end of the text for each value made
        // a long file quadratic.
        const std::size_t eol = std::min(text_.find('\n', pos_), text_.size());
        const std::string_view line = text_.substr(0, eol);
        std::size_t end = std::min(line.find(" #", pos_), eol);
        for (std::size_t c = line.find(':', pos_); c < end; c = line.find(':', c + 1)) {
          if (c + 1 == eol || text_[c + 1] == ' ') return false;  // a key, or an error
        }
        const std::size_t begin = pos_;
        pos_ = end;
        while (end > begin && text_[end - 1] == ' ')
          --end;
        scalar(at, anchor, text_.substr(begin, end - begin));
      }
    }
    return end_inline(col);
  }

  // A node inside a flow collection; its lines deeper than `col`.
  bool flow_node(int col) {
    const YAML::Mark at = mark();
    switch (peek()) {
      case '*':
        return alias(at);
      case '[':
        return flow_sequence(at, YAML::NullAnchor, col);
      case '{':
        return flow_map(at, YAML::NullAnchor, col);
      case '"':
      case '\'': {
        std::string v;
        if (!quoted(v)) return false;
        out_.OnScalar(at, "!", YAML::NullAnchor, v);
        return true;
      }
      default: {
        const std::size_t begin = pos_;
        if (!plain_start() || !flow_plain_end()) return false;
        std::size_t end = pos_;
        while (end > begin && text_[end - 1] == ' ')
          --end;
        if (peek() == '\n' || peek() == ':') return false;  // may go on, or a key
        scalar(at, YAML::NullAnchor, text_.substr(begin, end - begin));
        return true;
      }
    }
  }

  // To the end of a plain scalar in a flow collection: false on what yaml-cpp reads otherwise
  // ('?' ends one there, '#' may start a comment, ':' a key).
  bool flow_plain_end() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\n') return true;
      if (c == '?' || c == '#') return false;
      if (c == ':' &&
          (peek(1) == ' ' || peek(1) == ',' || peek(1) == ']' || peek(1) == '}' || peek(1) == '\n'))
        return true;
      ++pos_;
    }
    return false;
  }

  // Spaces and line breaks between the parts of a flow collection; lines deeper than `col`.
  bool flow_space(int col) {
    while (!at_end() && (peek() == ' ' || peek() == '\n')) {
      if (peek() == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
      ++pos_;
    }
    return !at_end() && peek() != '#' && column() > col;
  }

  // The entries of a flow collection after its opening bracket, each read by `entry`, separated
  // by commas (none after the last) up to `close`, which is passed.
  template <typename Entry>
  bool flow_entries(char close, int col, Entry&& entry) {
    ++pos_;
    if (!flow_space(col)) return false;
    if (peek() != close) {
      while (true) {
        if (!entry() || !flow_space(col)) return false;
        if (peek() == close) break;
        if (peek() != ',') return false;
        ++pos_;
        if (!flow_space(col) || peek() == close) return false;
      }
    }
    ++pos_;
    return true;
  }

  bool flow_sequence(const YAML::Mark& at, YAML::anchor_t anchor, int col) {
    if (++depth_ > kMaxDepth) return false;
    out_.OnSequenceStart(at, "?", anchor, YAML::EmitterStyle::Flow);
    if (!flow_entries(']', col, [&] { return flow_node(col); })) return false;
    out_.OnSequenceEnd();
    --depth_;
    return true;
  }

  bool flow_map(const YAML::Mark& at, YAML::anchor_t anchor, int col) {
    if (++depth_ > kMaxDepth) return false;
    out_.OnMapStart(at, "?", anchor, YAML::EmitterStyle::Flow);
    const auto pair = [&] {
      const YAML::Mark key_at = mark();
      const std::size_t begin = pos_;
      if (!plain_start() || !flow_plain_end() || peek() != ':' || peek(1) != ' ' ||
          text_[pos_ - 1] == ' ' || pos_ - begin > kMaxKey ||
          is_null(text_.substr(begin, pos_ - begin)))
        return false;
      out_.OnScalar(key_at, "?", YAML::NullAnchor, std::string(text_.substr(begin, pos_ - begin)));
      ++pos_;
      if (!flow_space(col) || peek() == ',' || peek() == '}') return false;
      return flow_node(col);
    };
    if (!flow_entries('}', col, pair)) return false;
    out_.OnMapEnd();
    --depth_;
    return true;
  }

  // Whether a plain scalar may start here (no indicator, nor '-' and '?' which may be one).
  bool plain_start() const {
    return !at_end() &&
           std::string_view(" \n-?:,[]{}#&*!|>'\"%@`").find(peek()) == std::string_view::npos;
  }

  void scalar(const YAML::Mark& at, YAML::anchor_t anchor, std::string_view value) {
    if (is_null(value)) {
      out_.OnNull(at, anchor);
    } else {
      out_.OnScalar(at, "?", anchor, std::string(value));
    }
  }

  bool alias(const YAML::Mark& at) {
    ++pos_;
    const auto it = anchors_.find(read_name());
    if (it == anchors_.end()) return false;
    out_.OnAlias(at, it->second);
    return true;
  }

  std::string read_name() {
    const std::size_t begin = pos_;
    while (!at_end() && name_char(text_[pos_]))
      ++pos_;
    return std::string(text_.substr(begin, pos_ - begin));
  }

  // A quoted scalar on one line: '' in single quotes, \" and \\ in double ones. What lies
  // between the quotes and escapes is appended a run at a time: catalogs quote long names.
  bool quoted(std::string& out) {
    const char quote = peek();
    const std::string_view line = text_.substr(0, std::min(text_.find('\n', pos_), text_.size()));
    for (++pos_;;) {
      std::size_t stop = line.find(quote, pos_);
      if (quote == '"') stop = std::min(stop, line.find('\\', pos_));
      if (stop == npos) return false;
      out.append(line.substr(pos_, stop - pos_));
      pos_ = stop + 1;
      if (line[stop] == quote) {
        if (quote != '\'' || peek() != '\'') return true;
        out += '\'';
        ++pos_;
      } else {
        if (peek() != '"' && peek() != '\\') return false;
        out += peek();
        ++pos_;
      }
    }
  }

  std::string_view text_;
  YAML::EventHandler& out_;
  std::size_t pos_ = 0;
  int line_ = 0;
  std::size_t line_start_ = 0;
  int deepest_comment_ = -1;
  int depth_ = 0;
  YAML::anchor_t anchor_count_ = 0;
  std::map<std::string, YAML::anchor_t> anchors_;
};

}  // namespace

bool read_plain(std::string_view text, YAML::EventHandler& handler) {
  return PlainReader(text, handler).document();
}

NodeBuilder::NodeBuilder() : memory_(std::make_shared<YAML::detail::memory_holder>()) {
  anchors_.push_back(nullptr);  // anchors count from 1
}

YAML::Node NodeBuilder::root() const {
  if (root_ == nullptr) return YAML::Node();
  return YAML::as_if<NodeAccess, void>::make(*root_, memory_);
}

void NodeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  push(mark, anchor).set_null();
  pop();
}

void NodeBuilder::OnAlias(const YAML::Mark&, YAML::anchor_t anchor) {
  push(*anchors_[anchor]);
  pop();
}

void NodeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  YAML::detail::node& node = push(mark, anchor);
  node.set_scalar(value);
  node.set_tag(tag);
  pop();
}

void NodeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                  YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  YAML::detail::node& node = push(mark, anchor);
  node.set_tag(tag);
  node.set_type(YAML::NodeType::Sequence);
  node.set_style(style);
}

void NodeBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value style) {
  YAML::detail::node& node = push(mark, anchor);
  node.set_type(YAML::NodeType::Map);
  node.set_tag(tag);
  node.set_style(style);
  ++map_depth_;
}

void NodeBuilder::OnMapEnd() {
  --map_depth_;
  pop();
}

YAML::detail::node& NodeBuilder::push(const YAML::Mark& mark, YAML::anchor_t anchor) {
  YAML::detail::node& node = memory_->create_node();
  node.set_mark(mark);
  if (anchor != YAML::NullAnchor) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, nullptr);
    anchors_[anchor] = &node;
  }
  push(node);
  return node;
}

void NodeBuilder::push(YAML::detail::node& node) {
  const bool needs_key =
      !stack_.empty() && stack_.back()->type() == YAML::NodeType::Map && keys_.size() < map_depth_;
  stack_.push_back(&node);
  if (needs_key) keys_.emplace_back(&node, false);
}

void NodeBuilder::pop() {
  if (stack_.size() == 1) {
    root_ = stack_.front();
    stack_.pop_back();
    return;
  }
  YAML::detail::node& node = *stack_.back();
  stack_.pop_back();
  YAML::detail::node& collection = *stack_.back();
  if (collection.type() == YAML::NodeType::Sequence) {
    collection.push_back(node, memory_);
  } else if (keys_.back().second) {
    collection.insert(*keys_.back().first, node, memory_);
    keys_.pop_back();
  } else {
    keys_.back().second = true;
  }
}

std::optional<YAML::Node> load(const YamlFile& file) {
  if (file.source->decode_error()) {
    const auto& e = *file.source->decode_error();
    file.problems->add(file.source, Span{e.offset, e.offset + 1}, e.message_id,
                       {{"byte", e.detail}});
    return std::nullopt;
  }
  try {
    const std::string_view text = file.source->text();
    NodeBuilder plain;
    const bool aliases = text.find('*') != std::string::npos;
    ExpandedSize size(file.max_nodes);
    BothHandlers both(size, plain);
    // With aliases, the size the text stands for expanded is counted in the same reading.
    const bool read = aliases ? read_plain(text, both) : read_plain(text, plain);
    if (aliases) {
      // Refuse a text that expands past the limit before anything walks it.
      if (!read) {
        size = ExpandedSize(file.max_nodes);
        std::istringstream in{std::string(text)};
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(size) && !size.over()) {
        }
      }
      if (size.over()) {
        const YAML::Mark at = size.over_at();
        const auto offset = static_cast<std::uint32_t>(
            at.pos >= 0 ? std::min<std::size_t>(at.pos, text.size()) : 0);
        file.problems->add(file.source, Span{offset, offset}, "config.yaml-too-large",
                           {{"limit", static_cast<std::int64_t>(file.max_nodes)}});
        return std::nullopt;
      }
    }
    if (read) return plain.root();
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const std::string_view text = file.source->text();
    std::uint32_t at = static_cast<std::uint32_t>(text.size());
    if (e.mark.pos >= 0)
      at = static_cast<std::uint32_t>(std::min<std::size_t>(e.mark.pos, text.size()));
    file.problems->add(file.source, Span{at, at}, "config.yaml-syntax", {{"detail", e.msg}});
  }
  return std::nullopt;
}

YAML::Node get(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  // yaml-cpp's own pairs: Node's iterator makes two Nodes, each holding the document, of every
  // pair it passes, which made reading a catalog cost as much as parsing it.
  using Access = YAML::as_if<NodeAccess, void>;
  for (const auto& kv : Access::node(map)) {
    if (kv.first->type() == YAML::NodeType::Scalar && kv.first->scalar() == key)
      return Access::make(*kv.second, Access::memory(map));
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

bool expect_map(const YamlFile& file, const YAML::Node& node, std::string_view key) {
  if (!node.IsDefined() || node.IsNull() || node.IsMap()) return true;
  file.report(node, "config.wrong-type", {{"key", std::string(key)}, {"expected", "mapping"}});
  return false;
}

bool check_keys(const YamlFile& file, const YAML::Node& map,
                const std::vector<std::string>& known) {
  if (!map.IsMap()) return true;
  using Access = YAML::as_if<NodeAccess, void>;
  const auto node = [&](YAML::detail::node* n) { return Access::make(*n, Access::memory(map)); };
  bool ok = true;
  std::set<std::string_view> seen;
  for (const auto& kv : Access::node(map)) {
    if (kv.first->type() != YAML::NodeType::Scalar) {
      file.report(node(kv.first), "config.wrong-type", {{"key", "?"}, {"expected", "string"}});
      ok = false;
      continue;
    }
    const std::string& key = kv.first->scalar();
    if (!seen.insert(key).second) {
      file.report(node(kv.first), "config.duplicate-key", {{"key", key}});
      ok = false;
    }
    if (known.empty() || std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::vector<Arg> args{{"key", key}};
    if (auto s = text::suggest(key, known)) args.push_back({"suggestion", *s});
    file.report(node(kv.first), "config.unknown-key", std::move(args));
    ok = false;
  }
  return ok;
}

std::optional<std::string> get_string(const YamlFile& file, const YAML::Node& map,
                                      std::string_view key) {
  const YAML::Node n = get(map, key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  if (!n.IsScalar()) {
    file.report(n, "config.wrong-type", {{"key", std::string(key)}, {"expected", "string"}});
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<bool> get_bool(const YamlFile& file, const YAML::Node& map, std::string_view key) {
  const YAML::Node n = get(map, key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  bool value = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
    file.report(n, "config.wrong-type", {{"key", std::string(key)}, {"expected", "boolean"}});
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> get_strings(const YamlFile& file, const YAML::Node& map,
                                                    std::string_view key) {
  const YAML::Node n = get(map, key);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  if (n.IsScalar()) return std::vector<std::string>{n.Scalar()};
  if (!n.IsSequence()) {
    file.report(n, "config.wrong-type", {{"key", std::string(key)}, {"expected", "list"}});
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      file.report(item, "config.wrong-type", {{"key", std::string(key)}, {"expected", "string"}});
      ok = false;
      continue;
    }
    out.push_back(item.Scalar());
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace guidelint::config
