// SARIF 2.1.0 (docs/output.md): one run whose results are written as files are linted. The tool
// and its rules come after the results: a JSON object's members have no order, and a rule first
// seen in a result (one defined by a config found beside the files) can still be described and
// referred to by index, with nothing held back in memory.
#include <algorithm>
#include <ostream>

#include "report/formatters.hpp"
#include "report/json_writer.hpp"
#include "report/messages.hpp"
#include "report/rule_meta.hpp"
#include "report/uri.hpp"

namespace guidelint::report {
namespace {

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    default:
      return "note";
  }
}

// SARIF's language tags have a language and at most a region ("zh-CN"), no script subtag: the
// locale itself goes in the run's properties.
std::string_view sarif_language(std::string_view locale) {
  if (locale == "zh-Hant") return "zh-TW";
  if (locale == "en") return "en";
  return "zh-CN";
}

const std::string* string_arg(const Diagnostic& d, std::string_view name) {
  for (const Arg& a : d.args) {
    if (a.name == name) return std::get_if<std::string>(&a.value);
  }
  return nullptr;
}

class SarifFormatter final : public Formatter {
 public:
  SarifFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)), rules_(describe_rules(options_)) {}

  void begin() override {
    out_ << "{\"$schema\":";
    write_json_string(out_, kSchema);
    out_ << ",\"version\":\"2.1.0\",\"runs\":[{\"results\":[";
  }

  void file(const FileResult& result) override {
    for (const Diagnostic& d : result.diagnostics)
      write_result(result, d);
  }

  void end(const Summary& s) override {
    out_ << "\n],\"tool\":{\"driver\":{\"name\":\"guidelint\",\"version\":";
    write_json_string(out_, version());
    out_ << ",\"semanticVersion\":";
    write_json_string(out_, version());
    out_ << ",\"informationUri\":";
    write_json_string(out_, kHomepage);
    out_ << ",\"rules\":[";
    for (std::size_t k = 0; k < rules_.size(); ++k)
      write_rule(rules_[k], k == 0);
    out_ << "\n]}},\"columnKind\":\"unicodeCodePoints\",\"language\":";
    write_json_string(out_, sarif_language(options_.locale));
    out_ << ",\"properties\":{\"locale\":";
    write_json_string(out_, options_.locale);
    out_ << ",\"summary\":{\"files\":" << s.files << ",\"guides\":" << s.guides
         << ",\"errors\":" << s.errors << ",\"warnings\":" << s.warnings << ",\"infos\":" << s.infos
         << ",\"reviews\":" << s.reviews << ",\"fatal\":" << s.fatal << "}}}]}\n";
  }

 private:
  std::size_t rule_index(std::string_view id) {
    const auto it =
        std::find_if(rules_.begin(), rules_.end(), [&](const RuleMeta& m) { return m.id == id; });
    if (it != rules_.end()) return static_cast<std::size_t>(it - rules_.begin());
    rules_.push_back(describe_rule(id, options_.locale));
    return rules_.size() - 1;
  }

  void write_rule(const RuleMeta& rule, bool first) {
    out_ << (first ? "\n" : ",\n") << "{\"id\":";
    write_json_string(out_, rule.id);
    if (!rule.description.empty()) {
      out_ << ",\"shortDescription\":{\"text\":";
      write_json_string(out_, rule.description);
      out_ << '}';
    }
    if (!rule.help_uri.empty()) {
      out_ << ",\"helpUri\":";
      write_json_string(out_, rule.help_uri);
    }
    if (rule.severity)
      out_ << ",\"defaultConfiguration\":{\"level\":\"" << level(*rule.severity) << "\"}";
    if (!rule.type.empty()) {
      out_ << ",\"properties\":{\"type\":";
      write_json_string(out_, rule.type);
      out_ << '}';
    }
    out_ << '}';
  }

  void write_result(const FileResult& result, const Diagnostic& d) {
    const Source& source = *result.source;
    out_ << (first_result_ ? "\n" : ",\n") << "{\"ruleId\":";
    first_result_ = false;
    write_json_string(out_, d.rule_id);
    out_ << ",\"ruleIndex\":" << rule_index(d.rule_id);
    // SARIF's own word for "a person must decide": kind "review", whose level must be "none".
    if (d.needs_review) {
      out_ << ",\"kind\":\"review\",\"level\":\"none\"";
    } else {
      out_ << ",\"level\":\"" << level(d.severity) << '"';
    }
    out_ << ",\"message\":{\"text\":";
    write_json_string(out_, render(d.message_id, d.args, options_.locale));
    out_ << "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
    write_json_string(out_, uri_reference(source.name()));
    out_ << '}';
    if (d.span) {
      const Position b = source.position(d.span->begin);
      const Position e = source.position(d.span->end);
      out_ << ",\"region\":{\"startLine\":" << b.line << ",\"startColumn\":" << b.column
           << ",\"endLine\":" << e.line << ",\"endColumn\":" << e.column << '}';
    }
    out_ << "}}],\"properties\":{\"severity\":\"" << to_string(d.severity)
         << "\",\"needsReview\":" << (d.needs_review ? "true" : "false")
         << ",\"fatal\":" << (d.fatal ? "true" : "false") << ",\"messageId\":";
    write_json_string(out_, d.message_id);
    out_ << ",\"arguments\":";
    write_json_args(out_, d.args);
    if (d.guide >= 0 && static_cast<std::size_t>(d.guide) < result.guides.size()) {
      const Guide& guide = result.guides[static_cast<std::size_t>(d.guide)];
      out_ << ",\"guide\":{\"index\":" << d.guide << ",\"name\":";
      write_json_string(out_, guide.name);
      out_ << ",\"code\":";
      write_json_string(out_, guide.code);
      out_ << '}';
    }
    if (!d.element_id.empty()) {
      out_ << ",\"element\":";
      write_json_string(out_, d.element_id);
    }
    write_citation(d);
    out_ << "}}";
  }

  // The decision a catalog finding rests on, as the catalog states it, for auditors' tools.
  void write_citation(const Diagnostic& d) {
    static constexpr std::pair<std::string_view, std::string_view> kFields[] = {
        {"item", "item"},          {"decision", "decision"}, {"decision_title", "title"},
        {"decision_date", "date"}, {"source", "source"},     {"catalog", "catalog"}};
    if (string_arg(d, "decision") == nullptr && string_arg(d, "source") == nullptr) return;
    out_ << ",\"citation\":{";
    bool first = true;
    for (const auto& [arg, field] : kFields) {
      const std::string* value = string_arg(d, arg);
      if (value == nullptr || value->empty()) continue;
      out_ << (first ? "" : ",");
      first = false;
      write_json_string(out_, field);
      out_ << ':';
      write_json_string(out_, *value);
    }
    out_ << '}';
  }

  std::ostream& out_;
  FormatOptions options_;
  std::vector<RuleMeta> rules_;
  bool first_result_ = true;
};

}  // namespace

std::unique_ptr<Formatter> make_sarif_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<SarifFormatter>(out, options);
}

}  // namespace guidelint::report
