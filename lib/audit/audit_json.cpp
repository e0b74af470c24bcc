// The audit as JSON: the stable interface (docs/audit.md). Field names and meanings only change
// with kAuditSchemaVersion; shares are fractions of the guides checked, with four decimals.
#include <ostream>

#include "audit/audit_impl.hpp"
#include "report/json_writer.hpp"

namespace guidelint {
namespace {

using audit::fraction;
using report::write_json_string;

class Json {
 public:
  explicit Json(std::ostream& out) : out_(out) {}
  Json& key(std::string_view k) {
    comma();
    write_json_string(out_, k);
    out_ << ':';
    fresh_ = true;
    return *this;
  }
  Json& str(std::string_view s) {
    comma();
    write_json_string(out_, s);
    return *this;
  }
  Json& num(std::size_t v) { return raw(std::to_string(v)); }
  Json& num(long long v) { return raw(std::to_string(v)); }
  Json& num(int v) { return raw(std::to_string(v)); }
  Json& boolean(bool v) { return raw(v ? "true" : "false"); }
  Json& raw(std::string_view text) {
    comma();
    out_ << text;
    return *this;
  }
  Json& open(char c) {
    comma();
    out_ << c;
    fresh_ = true;
    return *this;
  }
  Json& close(char c) {
    out_ << c;
    fresh_ = false;
    return *this;
  }
  std::ostream& stream() { return out_; }
  void fresh() { fresh_ = true; }

 private:
  void comma() {
    if (!fresh_) out_ << ',';
    fresh_ = false;
  }
  std::ostream& out_;
  bool fresh_ = true;
};

void source_ref(Json& j, const AuditModel& model, const std::string& id) {
  j.key("basis");
  if (id.empty()) {
    j.raw("null");
  } else {
    j.str(id);
  }
  (void)model;
}

void finding(Json& j, const AuditFinding& f, std::string_view locale) {
  Diagnostic d;
  d.message_id = f.message_id;
  d.args = f.args;
  j.open('{');
  j.key("file").str(f.file);
  j.key("line").num(static_cast<std::size_t>(f.line));
  j.key("column").num(static_cast<std::size_t>(f.column));
  j.key("guide").str(f.guide_name);
  j.key("code").str(f.guide_code);
  j.key("rule").str(f.rule_id);
  j.key("severity").str(to_string(f.severity));
  j.key("messageId").str(f.message_id);
  j.key("message").str(render_message(d, locale));
  j.key("args");
  report::write_json_args(j.stream(), f.args);
  j.close('}');
}

void group(Json& j, const std::vector<std::string>& by, const std::vector<AuditGroupRow>& rows) {
  j.open('{');
  j.key("by").open('[');
  for (const std::string& s : by)
    j.str(s);
  j.close(']');
  j.key("rows").open('[');
  for (const AuditGroupRow& g : rows) {
    j.open('{');
    j.key("name").str(g.name);
    j.key("guides").num(g.guides);
    j.key("passing").num(g.passing);
    j.key("compliance_rate").raw(fraction(g.passing, g.guides));
    j.key("errors").num(g.errors);
    j.key("warnings").num(g.warnings);
    j.close('}');
  }
  j.close(']');
  j.close('}');
}

}  // namespace

void audit_json(const Audit& audit, std::ostream& out, const AuditFormatOptions& options) {
  const AuditReport r = audit.report();
  const AuditModel& model = audit.options().model;
  Json j(out);
  j.open('{');
  j.key("schema").str("guidelint-audit");
  j.key("schema_version").num(kAuditSchemaVersion);
  j.key("generator").str("guidelint " + std::string(version()));
  j.key("date").str(r.as_of.to_string());
  j.key("locale").str(options.locale);

  j.key("config").open('{');
  j.key("paths").open('[');
  for (const auto& p : audit.options().roots)
    j.str(p.string());
  j.close(']');
  j.key("settings").open('{');
  for (const auto& [k, v] : audit.options().settings)
    j.key(k).str(v);
  j.close('}');
  j.close('}');

  j.key("model").open('{');
  j.key("name").str(model.name);
  j.key("title").str(model.title);
  j.key("file").str(model.file);
  j.key("sources").open('[');
  for (const AuditSource& s : model.sources) {
    j.open('{');
    j.key("id").str(s.id);
    j.key("title").str(s.title);
    j.key("number").str(s.number);
    j.key("date").str(s.date);
    j.key("url").str(s.url);
    j.key("clause").str(s.clause);
    j.close('}');
  }
  j.close(']');
  j.close('}');

  j.key("totals").open('{');
  j.key("files").num(r.files);
  j.key("unreadable").num(r.unreadable);
  j.key("config_problems").num(r.config_problems);
  j.key("guides").num(r.guides);
  j.key("passing").num(r.passing);
  j.key("failing").num(r.guides - r.passing);
  j.key("compliance_rate").raw(fraction(r.passing, r.guides));
  j.key("errors").num(r.errors);
  j.key("warnings").num(r.warnings);
  j.key("infos").num(r.infos);
  j.key("reviews").num(r.reviews);
  source_ref(j, model, model.pass_source);
  j.close('}');

  j.key("census").open('{');
  j.key("title").str(model.census_title);
  j.key("points_per_category").num(model.points_per_category);
  j.key("max_deduction").num(model.max_deduction);
  j.key("site_min_guides").num(model.site_min_guides);
  j.key("missing_states").open('[');
  for (const std::string& s : model.missing_states)
    j.str(s);
  j.close(']');
  j.key("deduction").num(r.census_deduction);
  j.key("score").num(model.max_deduction - r.census_deduction);
  j.key("full_guides").num(r.census_full_guides);
  j.key("guide_points").num(r.census_guide_points);
  source_ref(j, model, model.census_source);
  j.key("categories").open('[');
  for (const AuditCategoryRow& c : r.categories) {
    j.open('{');
    j.key("id").str(c.category.id);
    j.key("name").str(c.category.name);
    j.key("elements").open('[');
    for (const std::string& e : c.category.elements)
      j.str(e);
    j.close(']');
    j.key("guides_missing").num(c.guides_missing);
    j.key("share").raw(fraction(c.guides_missing, r.guides));
    j.key("deducted").boolean(c.deducted);
    j.key("points").num(c.deducted ? model.points_per_category : 0);
    j.close('}');
  }
  j.close(']');
  j.close('}');

  j.key("elements").open('[');
  for (const AuditElementRow& e : r.elements) {
    j.open('{');
    j.key("id").str(e.id);
    j.key("name").str(e.name);
    j.key("missing").num(e.missing);
    j.key("empty").num(e.empty);
    j.key("placeholder").num(e.placeholder);
    j.key("share").raw(fraction(e.missing + e.empty + e.placeholder, r.guides));
    j.close('}');
  }
  j.close(']');

  j.key("rules").open('[');
  for (const AuditRuleRow& row : r.rules) {
    j.open('{');
    j.key("id").str(row.id);
    j.key("severity").str(to_string(row.severity));
    j.key("findings").num(row.findings);
    j.key("guides").num(row.guides);
    j.key("share").raw(fraction(row.guides, r.guides));
    j.key("reviews").num(row.reviews);
    j.close('}');
  }
  j.close(']');

  j.key("catalog").open('[');
  for (const AuditCatalogRow& c : r.catalog) {
    j.open('{');
    j.key("kind").str(c.kind);
    j.key("item").str(c.item);
    j.key("decision").str(c.decision);
    j.key("decision_title").str(c.decision_title);
    j.key("decision_date").str(c.decision_date);
    j.key("source").str(c.source);
    j.key("guides").num(c.guides);
    j.key("findings").num(c.findings);
    j.key("files").open('[');
    for (const std::string& f : c.files)
      j.str(f);
    j.close(']');
    j.close('}');
  }
  j.close(']');

  j.key("groups").open('{');
  j.key("department");
  j.fresh();
  group(j, model.department_by, r.departments);
  j.key("region");
  j.fresh();
  group(j, model.region_by, r.regions);
  j.close('}');

  j.key("stale").open('{');
  j.key("as_of").str(r.as_of.to_string());
  source_ref(j, model, model.stale_source);
  j.key("stale").num(r.stale);
  j.key("buckets").open('[');
  for (std::size_t b = 0; b < r.age_buckets.size(); ++b) {
    j.open('{');
    j.key("min_days").num(b == 0 ? 0 : model.stale_days[b - 1] + 1);
    j.key("max_days");
    if (b < model.stale_days.size()) {
      j.num(model.stale_days[b]);
    } else {
      j.raw("null");
    }
    j.key("guides").num(r.age_buckets[b]);
    j.close('}');
  }
  j.close(']');
  j.key("no_date").num(r.no_date);
  j.key("unreadable_date").num(r.unreadable_date);
  j.key("future_date").num(r.future_date);
  j.close('}');

  j.key("serious").open('{');
  j.key("limit").num(model.max_findings);
  j.key("total").num(r.serious_total);
  j.key("more").num(r.serious_total - r.serious.size());
  j.key("findings").open('[');
  for (const AuditFinding& f : r.serious)
    finding(j, f, options.locale);
  j.close(']');
  j.close('}');

  j.key("unreadable").open('[');
  for (const AuditFinding& f : r.unreadable_files)
    finding(j, f, options.locale);
  j.close(']');

  if (r.comparison) {
    const AuditComparison& c = *r.comparison;
    j.key("comparison").open('{');
    j.key("previous_date").str(c.previous_date);
    j.key("previous_guides").num(c.previous_guides);
    j.key("previous_passing").num(c.previous_passing);
    j.key("previous_compliance_rate").raw(fraction(c.previous_passing, c.previous_guides));
    j.key("previous_census_deduction").num(c.previous_census_deduction);
    j.key("newly_failing").num(c.newly_failing);
    j.key("newly_passing").num(c.newly_passing);
    j.key("findings_fixed").num(c.findings_fixed);
    j.key("findings_new").num(c.findings_new);
    j.key("guides_gone").num(c.guides_gone);
    for (const auto& [name, map] :
         {std::pair{"fixed_by_rule", &c.fixed_by_rule}, std::pair{"new_by_rule", &c.new_by_rule}}) {
      j.key(name).open('{');
      for (const auto& [id, count] : *map)
        j.key(id).num(count);
      j.close('}');
    }
    for (const auto& [name, list] : {std::pair{"newly_failing_guides", &c.newly_failing_guides},
                                     std::pair{"fixed_guides", &c.fixed_guides}}) {
      j.key(name).open('[');
      for (const AuditGuideChange& g : *list) {
        j.open('{');
        j.key("file").str(g.file);
        j.key("name").str(g.name);
        j.key("code").str(g.code);
        j.key("rules").open('{');
        for (const auto& [id, delta] : g.rules)
          j.key(id).num(delta);
        j.close('}');
        j.close('}');
      }
      j.close(']');
    }
    j.close('}');
  }

  // Every guide with findings, for a later audit to compare with (--compare).
  j.key("guides").open('[');
  out << '\n';
  audit.write_guide_records(out);
  j.close(']');
  j.close('}');
  out << '\n';
}

}  // namespace guidelint
