#include "config/yaml_util.hpp"

#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "text/suggest.hpp"

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

}  // namespace

std::optional<YAML::Node> load(const YamlFile& file) {
  if (file.source->decode_error()) {
    const auto& e = *file.source->decode_error();
    file.problems->add(file.source, Span{e.offset, e.offset + 1}, e.message_id,
                       {{"byte", e.detail}});
    return std::nullopt;
  }
  try {
    const std::string text(file.source->text());
    if (text.find('*') != std::string::npos) {
      // Aliases: refuse a text that expands past the limit before anything walks it.
      ExpandedSize size(file.max_nodes);
      std::istringstream in(text);
      YAML::Parser parser(in);
      while (parser.HandleNextDocument(size) && !size.over()) {
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
    return YAML::Load(text);
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
  for (const auto& kv : map) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
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
  bool ok = true;
  std::set<std::string> seen;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) {
      file.report(kv.first, "config.wrong-type", {{"key", "?"}, {"expected", "string"}});
      ok = false;
      continue;
    }
    const std::string& key = kv.first.Scalar();
    if (!seen.insert(key).second) {
      file.report(kv.first, "config.duplicate-key", {{"key", key}});
      ok = false;
    }
    if (known.empty() || std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::vector<Arg> args{{"key", key}};
    if (auto s = text::suggest(key, known)) args.push_back({"suggestion", *s});
    file.report(kv.first, "config.unknown-key", std::move(args));
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
