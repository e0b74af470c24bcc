// guidelint audit — measures a whole site the way national spot checks do.
//
// An Audit takes the FileResults of a run one at a time (as Linter::lint_paths hands them out)
// and keeps only counters: guides checked and passing, element and rule breakdowns, catalog
// findings, departments and regions, content age, a bounded list of serious findings. Memory
// does not grow with the number of guides; per-guide records, which a later audit compares
// against, are spooled to a temporary file rather than kept.
//
//   guidelint::AuditOptions options;
//   options.model = *guidelint::AuditModel::builtin("national", &error);
//   guidelint::Audit audit(std::move(options));
//   linter.lint_paths(paths, [&](std::vector<guidelint::FileResult>&& results) {
//     for (const auto& r : results) audit.add(r);
//   });
//   guidelint::write_audit(audit, "html", std::cout, {});
//
// The scoring model (rules/audit/national.yaml) is data: which categories a guide must cover,
// what a missing one costs, how guides are grouped, how content age is bucketed, and the source
// of each figure. docs/audit.md describes the model, the report and the JSON schema.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint {

/// The version of the audit JSON schema (docs/audit.md). Raised when a field changes meaning or
/// goes away; new fields may appear without a change.
inline constexpr int kAuditSchemaVersion = 1;

// ── The scoring model ────────────────────────────────────────────────────────────────────────

/// A document a figure of the model rests on, as the model cites it. Fields the source does not
/// give stay empty; `clause` then says what the source does give.
struct AuditSource {
  std::string id;      ///< the key figures cite it by ("census-2015")
  std::string title;   ///< the document's title
  std::string number;  ///< its number (文号), when known
  std::string date;    ///< its date, when known
  std::string url;     ///< where it was read
  std::string clause;  ///< the clause the figure comes from, or what is known of it
};

/// One category a guide must cover in the census model (事项名称, 设定依据 …).
struct AuditCategory {
  std::string id;                     ///< "legal_basis"
  std::string name;                   ///< "设定依据"
  std::vector<std::string> elements;  ///< profile element ids; any one of them covers it
};

/// The scoring model: what the audit measures and where each figure comes from.
struct GUIDELINT_API AuditModel {
  std::string name;   ///< "national"
  std::string title;  ///< shown in reports
  std::string file;   ///< where it was read ("builtin:audit/national.yaml" or a path)
  std::vector<AuditSource> sources;

  /// The pass rate: a guide passes when it has no finding at error severity.
  std::string pass_source;

  /// The census deduction: each category a guide must cover; a category missing costs
  /// `points_per_category`, deducted once for the site when at least `site_min_guides` guides
  /// miss it (not once per guide); the deduction is at most `max_deduction`.
  std::string census_title;
  std::string census_source;
  std::vector<AuditCategory> categories;
  int points_per_category = 2;
  int max_deduction = 16;
  std::size_t site_min_guides = 1;
  /// Which element states make a category missing: "missing", "empty", "placeholder".
  std::vector<std::string> missing_states = {"missing", "empty"};

  /// Element breakdown: the source of the element list (the profile's required elements).
  std::string elements_source;

  /// Content age buckets, upper bounds in days, ascending: {365, 730, 1095} makes ≤365,
  /// 366–730, 731–1095 and >1095 days. Guides older than the first bound are stale.
  std::vector<int> stale_days = {365, 730, 1095};
  std::string stale_source;

  /// How guides are grouped, each way tried in turn until one gives a name: "guide" (the
  /// guide's own department or region) or "dir:N" (the Nth folder below the path audited).
  std::vector<std::string> department_by = {"guide", "dir:1"};
  std::vector<std::string> region_by = {"guide"};

  /// Serious findings listed in the report: error-severity findings of these rule ids (all
  /// error-severity findings when empty), plus every input that could not be read; at most
  /// `max_findings` of them, the earliest-listed rules first, with a count of the rest.
  std::vector<std::string> serious_rules;
  std::size_t max_findings = 100;

  /// The built-in model of that name (rules/audit/<name>.yaml); nullopt and `error` otherwise.
  static std::optional<AuditModel> builtin(std::string_view name, std::string* error);
  /// A model file. Relative references are not resolved: a model is self-contained.
  static std::optional<AuditModel> load(const std::filesystem::path& file, std::string* error);
  /// A model given as YAML text; `file` names it in messages.
  static std::optional<AuditModel> parse(std::string_view yaml, std::string file,
                                         std::string* error);

  /// The source with this id, or nullptr.
  const AuditSource* source(std::string_view id) const;
};

/// Checks one grouping spec ("guide", "dir:2"); false for anything else.
GUIDELINT_API bool valid_audit_grouping(std::string_view spec);

// ── The report ───────────────────────────────────────────────────────────────────────────────

/// A finding the report lists (serious findings, inputs that could not be read).
struct AuditFinding {
  std::string file;
  std::string
      relative;  ///< the file's path below the folder audited (its name for a file given itself)
  std::string guide_name;  ///< empty for a finding about the file
  std::string guide_code;
  std::string rule_id;
  Severity severity = Severity::error;
  std::string message_id;
  std::vector<Arg> args;
  std::uint32_t line = 0;  ///< 0 when the finding has no place
  std::uint32_t column = 0;
};

/// Per element of the profile: in how many guides it is missing, empty or a placeholder.
struct AuditElementRow {
  std::string id;
  std::string name;
  std::size_t missing = 0;
  std::size_t empty = 0;
  std::size_t placeholder = 0;
};

/// Per rule: findings (not counting those that need review) and the guides they hit.
struct AuditRuleRow {
  std::string id;
  Severity severity = Severity::info;  ///< the highest severity reported
  std::size_t findings = 0;
  std::size_t guides = 0;
  std::size_t reviews = 0;
};

/// An abolished or post-approval item still published, with its decision.
struct AuditCatalogRow {
  std::string kind;  ///< "abolished" or "post-approval"
  std::string item;
  std::string decision;  ///< 文号; empty when the catalog does not know it
  std::string decision_title;
  std::string decision_date;
  std::string source;
  std::size_t guides = 0;
  std::size_t findings = 0;
  std::vector<std::string> files;  ///< the first few files, for the report
};

/// One census category's outcome.
struct AuditCategoryRow {
  AuditCategory category;
  std::size_t guides_missing = 0;
  bool deducted = false;
};

/// One department or region.
struct AuditGroupRow {
  std::string name;  ///< empty for guides no grouping named
  std::size_t guides = 0;
  std::size_t passing = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

/// A guide whose findings changed since the previous audit.
struct AuditGuideChange {
  std::string file;
  std::string name;
  std::string code;
  std::vector<std::pair<std::string, long long>> rules;  ///< rule id → change in findings
};

/// What changed since a previous audit (--compare).
struct AuditComparison {
  std::string previous_date;
  std::size_t previous_guides = 0;
  std::size_t previous_passing = 0;
  int previous_census_deduction = 0;
  /// Element shares and rule counts before, by id (absent: zero).
  std::map<std::string, double> previous_element_share;
  std::map<std::string, std::size_t> previous_rule_findings;
  std::map<std::string, std::pair<std::size_t, std::size_t>>
      previous_departments;       ///< guides, passing
  std::size_t newly_failing = 0;  ///< failing now, not failing before (new guides included)
  std::size_t newly_passing = 0;  ///< failing before, passing now
  std::size_t findings_fixed = 0;
  std::size_t findings_new = 0;
  std::size_t guides_gone = 0;  ///< guides with findings before, not audited now
  std::map<std::string, std::size_t> fixed_by_rule;
  std::map<std::string, std::size_t> new_by_rule;
  std::vector<AuditGuideChange> newly_failing_guides;  ///< the first max_findings
  std::vector<AuditGuideChange> fixed_guides;          ///< the first max_findings
};

/// Everything an audit found, as the formatters show it.
struct AuditReport {
  Date as_of;
  std::size_t files = 0;       ///< inputs read (config files not counted)
  std::size_t unreadable = 0;  ///< inputs that could not be read, or not all of them
  std::size_t config_problems = 0;
  std::size_t guides = 0;
  std::size_t passing = 0;  ///< guides with no finding at error severity
  std::size_t errors = 0, warnings = 0, infos = 0, reviews = 0;

  std::vector<AuditElementRow> elements;  ///< profile order as first seen; census elements first
  std::vector<AuditRuleRow> rules;        ///< by findings, most first
  std::vector<AuditCatalogRow> catalog;   ///< by guides, most first

  std::vector<AuditCategoryRow> categories;
  int census_deduction = 0;             ///< for the site, at most max_deduction
  std::size_t census_full_guides = 0;   ///< guides missing no category
  std::size_t census_guide_points = 0;  ///< the sum of per-guide deductions (each capped)

  std::vector<AuditGroupRow> departments;  ///< by name
  std::vector<AuditGroupRow> regions;

  /// Guides per age bucket (model.stale_days.size() + 1 of them), then the dateless ones.
  std::vector<std::size_t> age_buckets;
  std::size_t no_date = 0, unreadable_date = 0, future_date = 0;
  std::size_t stale = 0;  ///< guides older than the first bound

  std::vector<AuditFinding> serious;  ///< at most model.max_findings
  std::size_t serious_total = 0;
  std::vector<AuditFinding> unreadable_files;  ///< at most model.max_findings
  std::optional<AuditComparison> comparison;

  /// passing / guides, 0 when no guide was checked.
  double compliance_rate() const;
};

// ── Auditing ─────────────────────────────────────────────────────────────────────────────────

struct AuditOptions {
  AuditModel model;
  /// The date content age is measured to; unset means today.
  std::optional<Date> as_of;
  /// The paths audited: "dir:N" grouping counts folders below them; shown in the report.
  std::vector<std::filesystem::path> roots;
  /// What the report says of the config: e.g. {"config", ".guidelint.yaml (found per folder)"}.
  std::vector<std::pair<std::string, std::string>> settings;
  /// Spool a record of each guide with findings, for the JSON report and later comparisons.
  bool record_guides = true;
};

/// Aggregates lint results into an AuditReport. add() is called from one thread at a time.
class GUIDELINT_API Audit {
 public:
  explicit Audit(AuditOptions options);
  ~Audit();
  Audit(const Audit&) = delete;
  Audit& operator=(const Audit&) = delete;

  /// Reads a previous audit's JSON report to compare with; call before the first add(). On
  /// failure returns false and sets `error`.
  bool compare_with(std::string_view previous_json, std::string* error);

  /// Counts one input's results (config problems too: Linter::lint_paths hands them out first).
  void add(const FileResult& result);

  /// The figures so far.
  AuditReport report() const;
  const AuditOptions& options() const;
  /// Writes the spooled guide records as JSON objects separated by ",\n"; false when there are
  /// none or they could not be read back.
  bool write_guide_records(std::ostream& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct AuditFormatOptions {
  std::string locale = "zh-Hans";
  /// Prefix for links to guides in the HTML report (a site's address), followed by each file's
  /// path below the folder audited. Empty: links to the files themselves.
  std::string link_base;
  /// The folder the HTML report is written to, so that links to files work from there; empty:
  /// links relative to the working folder (a report written to stdout).
  std::filesystem::path report_dir;
};

/// The audit output formats: "text", "json", "html".
GUIDELINT_API std::vector<std::string> audit_format_names();
/// Writes the report in one format; false for an unknown format.
GUIDELINT_API bool write_audit(const Audit& audit, std::string_view format, std::ostream& out,
                               const AuditFormatOptions& options);
/// Tables for a terminal, aligned by display width.
GUIDELINT_API void audit_text(const Audit& audit, std::ostream& out,
                              const AuditFormatOptions& options);
/// The stable JSON report (docs/audit.md), with `schema_version`.
GUIDELINT_API void audit_json(const Audit& audit, std::ostream& out,
                              const AuditFormatOptions& options);
/// One self-contained HTML page: inline CSS and SVG charts, no script, nothing fetched.
GUIDELINT_API void audit_html(const Audit& audit, std::ostream& out,
                              const AuditFormatOptions& options);

}  // namespace guidelint
