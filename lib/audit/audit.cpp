// The audit's aggregation: FileResults in, counters out. Nothing per guide is kept in memory;
// guide records for the JSON report go to a temporary file as they come.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>

#include <unistd.h>
#include <ostream>
#include <sstream>
#include <unordered_map>

#include "audit/audit_impl.hpp"
#include "report/json_writer.hpp"
#include "rules/dates.hpp"

namespace guidelint {
namespace {

namespace fs = std::filesystem;
using audit::ElementState;

std::string arg(const Diagnostic& d, std::string_view name) {
  for (const Arg& a : d.args) {
    if (a.name != name) continue;
    if (const auto* s = std::get_if<std::string>(&a.value)) return *s;
    return std::to_string(std::get<std::int64_t>(a.value));
  }
  return {};
}

std::string_view rule_type_of(std::string_view message_id) {
  return message_id.substr(0, message_id.find('.'));
}

// A guide's identity across audits: its file's path below the folder audited (so that an export
// audited from another place still matches) and its item code, else its name.
std::string guide_key(const std::string& file, const Guide& g, std::size_t index) {
  if (!g.code.empty()) return file + "#" + g.code;
  if (!g.name.empty()) return file + "#" + g.name;
  return file + "#" + std::to_string(index + 1);
}

struct Previous {
  bool pass = true;
  bool seen = false;
  std::vector<std::pair<std::string, long long>> findings;  // rule id → count
};

}  // namespace

double AuditReport::compliance_rate() const {
  return guides == 0 ? 0.0 : static_cast<double>(passing) / static_cast<double>(guides);
}

struct Audit::Impl {
  AuditOptions options;
  AuditReport counts;  // the plain counters; report() adds what is derived
  std::map<std::string, std::size_t> element_index;
  std::map<std::string, AuditRuleRow> rules;
  std::map<std::string, AuditCatalogRow> catalog;  // kind, item, decision
  std::vector<std::size_t> category_missing;
  std::map<std::string, AuditGroupRow> departments, regions;
  std::vector<fs::path> roots;  // normalised

  // Serious findings: the best max_findings by (rank, order of arrival), kept as a max-heap.
  struct Ranked {
    std::size_t rank;
    std::size_t seq;
    AuditFinding finding;
  };
  static bool before(const Ranked& a, const Ranked& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.seq < b.seq;
  }
  std::vector<Ranked> serious;
  std::size_t seq = 0;

  std::FILE* spool = nullptr;
  std::size_t spooled = 0;

  bool comparing = false;
  AuditComparison comparison;
  std::unordered_map<std::string, Previous> previous;

  ~Impl() {
    if (spool != nullptr) std::fclose(spool);
  }

  std::size_t rank_of(const std::string& rule_id) const {
    const auto& list = options.model.serious_rules;
    if (list.empty()) return 0;
    const auto it = std::find(list.begin(), list.end(), rule_id);
    return it == list.end() ? list.size() : static_cast<std::size_t>(it - list.begin());
  }

  void keep_serious(std::size_t rank, AuditFinding finding) {
    ++counts.serious_total;
    const std::size_t limit = options.model.max_findings;
    if (limit == 0) return;
    Ranked r{rank, seq++, std::move(finding)};
    if (serious.size() < limit) {
      serious.push_back(std::move(r));
      std::push_heap(serious.begin(), serious.end(), before);
    } else if (before(r, serious.front())) {
      std::pop_heap(serious.begin(), serious.end(), before);
      serious.back() = std::move(r);
      std::push_heap(serious.begin(), serious.end(), before);
    }
  }

  AuditElementRow& element(const std::string& id, const std::string& name) {
    auto [it, inserted] = element_index.try_emplace(id, counts.elements.size());
    if (inserted) {
      counts.elements.push_back(AuditElementRow{id, name.empty() ? audit::element_name(id) : name});
    } else if (!name.empty() && counts.elements[it->second].name == id) {
      counts.elements[it->second].name = name;
    }
    return counts.elements[it->second];
  }

  // The folders of a file below the root it was found under; `relative` is its path from there.
  std::vector<std::string> folders(const std::string& file, std::string* relative) const {
    const fs::path path = fs::path(file).lexically_normal();
    fs::path rel = path;
    for (const fs::path& root : roots) {
      auto r = root.begin();
      auto p = path.begin();
      while (r != root.end() && p != path.end() && *r == *p) {
        ++r;
        ++p;
      }
      if (r != root.end()) continue;
      rel.clear();
      for (; p != path.end(); ++p)
        rel /= *p;
      break;
    }
    *relative = rel.generic_string();
    std::vector<std::string> out;
    for (const auto& part : rel.parent_path()) {
      const std::string s = part.string();
      if (!s.empty() && s != "." && s != "/") out.push_back(s);
    }
    return out;
  }

  static std::string group_name(const std::vector<std::string>& specs, const std::string& meta,
                                const std::vector<std::string>& dirs) {
    for (const std::string& spec : specs) {
      if (spec == "guide") {
        if (!meta.empty()) return meta;
      } else if (spec.starts_with("dir:")) {
        const std::size_t n = static_cast<std::size_t>(std::stoi(spec.substr(4)));
        if (n >= 1 && n <= dirs.size()) return dirs[n - 1];
      }
    }
    return {};
  }

  void add(const FileResult& result);
  void add_guide(const FileResult& result, std::size_t g, const std::vector<const Diagnostic*>& ds,
                 const std::vector<std::string>& dirs, const std::string& key);
};

Audit::Audit(AuditOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.options = std::move(options);
  m.counts.as_of = m.options.as_of.value_or(Date::today());
  for (const fs::path& root : m.options.roots) {
    fs::path r = root.lexically_normal();
    if (!r.empty() && !r.has_filename()) r = r.parent_path();  // "site/" is "site"
    if (r == ".") r.clear();
    m.roots.push_back(r);
  }
  // The longest root first, so that a file under two roots counts its folders from the nearer.
  std::sort(m.roots.begin(), m.roots.end(), [](const fs::path& a, const fs::path& b) {
    return std::distance(a.begin(), a.end()) > std::distance(b.begin(), b.end());
  });
  m.category_missing.assign(m.options.model.categories.size(), 0);
  // The census elements lead the element table, in the model's order, even when none is missing.
  for (const AuditCategory& c : m.options.model.categories) {
    for (const std::string& id : c.elements)
      m.element(id, {});
  }
  m.counts.age_buckets.assign(m.options.model.stale_days.size() + 1, 0);
  if (m.options.record_guides) m.spool = std::tmpfile();
}

Audit::~Audit() = default;

const AuditOptions& Audit::options() const {
  return impl_->options;
}

void Audit::add(const FileResult& result) {
  impl_->add(result);
}

void Audit::Impl::add(const FileResult& result) {
  const std::string file = result.source ? result.source->name() : std::string();
  std::string relative;
  const std::vector<std::string> dirs = folders(file, &relative);
  // A file given as a path of its own is known by its name.
  if (relative.empty()) relative = fs::path(file).filename().generic_string();
  const auto finding_of = [&](const Diagnostic& d) {
    AuditFinding f;
    f.file = file;
    f.relative = relative;
    f.rule_id = d.rule_id;
    f.severity = d.severity;
    f.message_id = d.message_id;
    f.args = d.args;
    if (d.span && result.source) {
      const Position p = result.source->position(d.span->begin);
      f.line = p.line;
      f.column = p.column;
    }
    if (d.guide >= 0 && static_cast<std::size_t>(d.guide) < result.guides.size()) {
      f.guide_name = result.guides[static_cast<std::size_t>(d.guide)].name;
      f.guide_code = result.guides[static_cast<std::size_t>(d.guide)].code;
    }
    return f;
  };

  // A config file's problems: the files it governs come after, each reported unchecked.
  const bool config_problem =
      result.guides.empty() && !result.diagnostics.empty() &&
      std::all_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
        return d.rule_id == "config-error" && d.message_id != "io.config-broken";
      });
  if (config_problem) {
    ++counts.config_problems;
    for (const Diagnostic& d : result.diagnostics) {
      if (d.severity == Severity::error &&
          counts.unreadable_files.size() < options.model.max_findings) {
        counts.unreadable_files.push_back(finding_of(d));
        break;
      }
    }
    return;
  }

  ++counts.files;
  if (result.fatal()) {
    ++counts.unreadable;
    if (counts.unreadable_files.size() < options.model.max_findings) {
      for (const Diagnostic& d : result.diagnostics) {
        if (!d.fatal) continue;
        counts.unreadable_files.push_back(finding_of(d));
        break;
      }
    }
  }

  // Findings by guide; those about the file as a whole count against every guide in it.
  std::vector<std::vector<const Diagnostic*>> by_guide(result.guides.size());
  for (const Diagnostic& d : result.diagnostics) {
    if (d.needs_review) {
      ++counts.reviews;
    } else if (d.severity == Severity::error) {
      ++counts.errors;
    } else if (d.severity == Severity::warning) {
      ++counts.warnings;
    } else if (d.severity == Severity::info) {
      ++counts.infos;
    }
    AuditRuleRow& rule = rules[d.rule_id];
    rule.id = d.rule_id;
    if (d.needs_review) {
      ++rule.reviews;
    } else {
      ++rule.findings;
      rule.severity = std::max(rule.severity, d.severity);
    }
    if (d.guide >= 0 && static_cast<std::size_t>(d.guide) < by_guide.size()) {
      by_guide[static_cast<std::size_t>(d.guide)].push_back(&d);
    } else if (!d.fatal) {
      // A finding about the file as a whole (XML stray text, a suppression) concerns every
      // guide in it: it fails them, and each counts it, so a later audit sees them the same.
      for (auto& list : by_guide)
        list.push_back(&d);
    }
    if (!d.fatal && !d.needs_review && d.severity == Severity::error) {
      const std::string& id = d.rule_id;
      const auto& list = options.model.serious_rules;
      if (list.empty() || std::find(list.begin(), list.end(), id) != list.end())
        keep_serious(rank_of(id), finding_of(d));
    }
  }

  // Two guides of one file with the same code (or no code and the same name) are told apart by
  // their order.
  std::map<std::string, int> seen;
  for (std::size_t g = 0; g < result.guides.size(); ++g) {
    std::string key = guide_key(relative, result.guides[g], g);
    if (const int n = ++seen[key]; n > 1) key += "#" + std::to_string(n);
    add_guide(result, g, by_guide[g], dirs, key);
  }
}

void Audit::Impl::add_guide(const FileResult& result, std::size_t g,
                            const std::vector<const Diagnostic*>& ds,
                            const std::vector<std::string>& dirs, const std::string& key) {
  const Guide& guide = result.guides[g];
  const std::string file = result.source ? result.source->name() : std::string();
  ++counts.guides;

  bool fails = false;
  std::size_t errors = 0, warnings = 0;
  std::vector<std::pair<std::string, long long>> per_rule;  // this guide's findings by rule
  std::vector<std::pair<std::string, ElementState>> states;
  std::vector<std::string> catalog_rows;  // rows this guide counted in already
  const auto state_of = [&](const std::string& id) -> ElementState& {
    for (auto& [e, s] : states) {
      if (e == id) return s;
    }
    return states.emplace_back(id, ElementState::present).second;
  };

  for (const Diagnostic* d : ds) {
    if (d->needs_review) continue;
    if (d->severity == Severity::error) {
      fails = true;
      ++errors;
    } else if (d->severity == Severity::warning) {
      ++warnings;
    }
    auto it = std::find_if(per_rule.begin(), per_rule.end(),
                           [&](const auto& p) { return p.first == d->rule_id; });
    if (it == per_rule.end()) {
      per_rule.emplace_back(d->rule_id, 1);
    } else {
      ++it->second;
    }

    const std::string_view type = rule_type_of(d->message_id);
    const std::string_view what = std::string_view(d->message_id).substr(type.size());
    if (type == "required-element" && !d->element_id.empty()) {
      const ElementState s = what == ".missing" ? ElementState::missing : ElementState::empty;
      element(d->element_id, arg(*d, "element"));
      ElementState& st = state_of(d->element_id);
      st = std::max(st, s);
    } else if (type == "placeholder-content" && !d->element_id.empty()) {
      element(d->element_id, {});
      ElementState& st = state_of(d->element_id);
      st = std::max(st, ElementState::placeholder);
    } else if (type == "abolished-item" || type == "post-approval-precondition") {
      const std::string kind = type == "abolished-item" ? "abolished" : "post-approval";
      const std::string item = arg(*d, "item");
      const std::string decision = arg(*d, "decision");
      const std::string key = kind + '\0' + item + '\0' + decision;
      AuditCatalogRow& row = catalog[key];
      if (row.findings++ == 0) {
        row.kind = kind;
        row.item = item;
        row.decision = decision;
        row.decision_title = arg(*d, "decision_title");
        if (arg(*d, "date_known") == "yes") row.decision_date = arg(*d, "decision_date");
        row.source = arg(*d, "source");
      }
      if (std::find(catalog_rows.begin(), catalog_rows.end(), key) == catalog_rows.end()) {
        catalog_rows.push_back(key);
        ++row.guides;
        if (row.files.size() < 5 && (row.files.empty() || row.files.back() != file)) {
          row.files.push_back(file);
        }
      }
    }
  }
  for (const auto& [rule_id, n] : per_rule)
    ++rules[rule_id].guides;
  if (!fails) ++counts.passing;

  // Elements and census categories.
  for (const auto& [id, s] : states) {
    AuditElementRow& row = counts.elements[element_index[id]];
    if (s == ElementState::missing) ++row.missing;
    if (s == ElementState::empty) ++row.empty;
    if (s == ElementState::placeholder) ++row.placeholder;
  }
  const AuditModel& model = options.model;
  std::size_t missing_categories = 0;
  for (std::size_t c = 0; c < model.categories.size(); ++c) {
    bool covered = false;
    for (const std::string& id : model.categories[c].elements) {
      ElementState s = ElementState::present;
      for (const auto& [e, st] : states) {
        if (e == id) s = st;
      }
      const char* name = s == ElementState::missing       ? "missing"
                         : s == ElementState::empty       ? "empty"
                         : s == ElementState::placeholder ? "placeholder"
                                                          : "present";
      if (std::find(model.missing_states.begin(), model.missing_states.end(), name) ==
          model.missing_states.end()) {
        covered = true;
      }
    }
    if (!covered) {
      ++category_missing[c];
      ++missing_categories;
    }
  }
  if (missing_categories == 0) ++counts.census_full_guides;
  counts.census_guide_points += static_cast<std::size_t>(std::min<long long>(
      model.max_deduction, static_cast<long long>(missing_categories) * model.points_per_category));

  // Departments and regions.
  for (auto [groups, specs, meta] :
       {std::tuple{&departments, &model.department_by, &guide.department},
        std::tuple{&regions, &model.region_by, &guide.region}}) {
    const std::string name = group_name(*specs, *meta, dirs);
    AuditGroupRow& row = (*groups)[name];
    row.name = name;
    ++row.guides;
    if (!fails) ++row.passing;
    row.errors += errors;
    row.warnings += warnings;
  }

  // Content age, read as stale-content reads it: a date given to the month or year counts as
  // its last day for the age (never overstated) and its first for "after the audit date".
  const std::string_view written = rules::dates::trim(guide.updated);
  const auto parsed = written.empty() ? std::nullopt : rules::dates::parse_date(written);
  if (written.empty()) {
    ++counts.no_date;
  } else if (!parsed) {
    ++counts.unreadable_date;
  } else if (counts.as_of < parsed->date.earliest) {
    ++counts.future_date;
  } else {
    const std::int64_t age = rules::dates::days_between(parsed->date.latest, counts.as_of);
    std::size_t b = 0;
    while (b < model.stale_days.size() && age > model.stale_days[b])
      ++b;
    ++counts.age_buckets[b];
    if (b > 0) ++counts.stale;
  }

  // The guide's record, for the JSON report and a later audit to compare with.
  if (spool != nullptr && !per_rule.empty()) {
    std::ostringstream line;
    line << "{\"key\":";
    report::write_json_string(line, key);
    line << ",\"file\":";
    report::write_json_string(line, file);
    line << ",\"name\":";
    report::write_json_string(line, guide.name);
    line << ",\"code\":";
    report::write_json_string(line, guide.code);
    line << ",\"pass\":" << (fails ? "false" : "true") << ",\"findings\":{";
    for (std::size_t k = 0; k < per_rule.size(); ++k) {
      if (k > 0) line << ',';
      report::write_json_string(line, per_rule[k].first);
      line << ':' << per_rule[k].second;
    }
    line << "}}\n";
    const std::string text = line.str();
    // A short write (a full disk) is cut back to the last whole record, so that the report's
    // JSON stays valid, only without this guide's record.
    const long before = std::ftell(spool);
    if (std::fwrite(text.data(), 1, text.size(), spool) == text.size()) {
      ++spooled;
    } else if (before >= 0) {
      std::fflush(spool);
      if (::ftruncate(::fileno(spool), before) != 0 || std::fseek(spool, before, SEEK_SET) != 0) {
        std::fclose(spool);
        spool = nullptr;
        spooled = 0;
      }
    }
  }

  if (!comparing) return;
  Previous none;
  Previous* prev = &none;
  if (const auto it = previous.find(key); it != previous.end()) {
    prev = &it->second;
    prev->seen = true;
  }
  AuditGuideChange change{file, guide.name, guide.code, {}};
  const std::size_t limit = model.max_findings;
  if (fails && prev->pass) {
    ++comparison.newly_failing;
    if (comparison.newly_failing_guides.size() < limit) {
      for (const auto& [rule_id, n] : per_rule)
        change.rules.emplace_back(rule_id, n);
      comparison.newly_failing_guides.push_back(change);
      change.rules.clear();
    }
  }
  if (!fails && !prev->pass) ++comparison.newly_passing;
  const auto count_in = [](const auto& list, const std::string& id) -> long long {
    for (const auto& [r, n] : list) {
      if (r == id) return n;
    }
    return 0;
  };
  for (const auto& [rule_id, before] : prev->findings) {
    const long long now = count_in(per_rule, rule_id);
    if (before > now) {
      comparison.findings_fixed += static_cast<std::size_t>(before - now);
      comparison.fixed_by_rule[rule_id] += static_cast<std::size_t>(before - now);
      change.rules.emplace_back(rule_id, now - before);
    }
  }
  for (const auto& [rule_id, now] : per_rule) {
    const long long before = count_in(prev->findings, rule_id);
    if (now > before) {
      comparison.findings_new += static_cast<std::size_t>(now - before);
      comparison.new_by_rule[rule_id] += static_cast<std::size_t>(now - before);
    }
  }
  if (!change.rules.empty() && comparison.fixed_guides.size() < limit)
    comparison.fixed_guides.push_back(std::move(change));
}

bool Audit::compare_with(std::string_view previous_json, std::string* error) {
  Impl& m = *impl_;
  rapidjson::Document doc;
  doc.Parse(previous_json.data(), previous_json.size());
  const auto fail = [&](std::string message) {
    if (error != nullptr) *error = std::move(message);
    return false;
  };
  if (doc.HasParseError()) {
    return fail(std::string("not JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) +
                " at byte " + std::to_string(doc.GetErrorOffset()));
  }
  if (!doc.IsObject() || !doc.HasMember("schema") || !doc["schema"].IsString() ||
      std::string_view(doc["schema"].GetString()) != "guidelint-audit") {
    return fail("not a guidelint audit report (no \"schema\": \"guidelint-audit\")");
  }
  if (!doc.HasMember("schema_version") || !doc["schema_version"].IsInt() ||
      doc["schema_version"].GetInt() < 1 || doc["schema_version"].GetInt() > kAuditSchemaVersion) {
    return fail("an audit report of a schema version this guidelint does not know");
  }
  const auto size_of = [](const rapidjson::Value& v, const char* key) -> std::size_t {
    return v.IsObject() && v.HasMember(key) && v[key].IsUint64()
               ? static_cast<std::size_t>(v[key].GetUint64())
               : 0;
  };
  const auto string_of = [](const rapidjson::Value& v, const char* key) -> std::string {
    return v.IsObject() && v.HasMember(key) && v[key].IsString() ? v[key].GetString() : "";
  };
  AuditComparison& c = m.comparison;
  c.previous_date = string_of(doc, "date");
  if (doc.HasMember("totals")) {
    c.previous_guides = size_of(doc["totals"], "guides");
    c.previous_passing = size_of(doc["totals"], "passing");
  }
  if (doc.HasMember("census") && doc["census"].IsObject() && doc["census"].HasMember("deduction") &&
      doc["census"]["deduction"].IsInt()) {
    c.previous_census_deduction = doc["census"]["deduction"].GetInt();
  }
  if (doc.HasMember("elements") && doc["elements"].IsArray()) {
    for (const auto& e : doc["elements"].GetArray()) {
      const std::size_t n = size_of(e, "missing") + size_of(e, "empty") + size_of(e, "placeholder");
      c.previous_element_share[string_of(e, "id")] =
          c.previous_guides == 0 ? 0.0
                                 : static_cast<double>(n) / static_cast<double>(c.previous_guides);
    }
  }
  if (doc.HasMember("rules") && doc["rules"].IsArray()) {
    for (const auto& r : doc["rules"].GetArray())
      c.previous_rule_findings[string_of(r, "id")] = size_of(r, "findings");
  }
  if (doc.HasMember("groups") && doc["groups"].IsObject() &&
      doc["groups"].HasMember("department") && doc["groups"]["department"].IsObject() &&
      doc["groups"]["department"].HasMember("rows") &&
      doc["groups"]["department"]["rows"].IsArray()) {
    for (const auto& r : doc["groups"]["department"]["rows"].GetArray())
      c.previous_departments[string_of(r, "name")] = {size_of(r, "guides"), size_of(r, "passing")};
  }
  if (doc.HasMember("guides") && doc["guides"].IsArray()) {
    for (const auto& g : doc["guides"].GetArray()) {
      if (!g.IsObject()) continue;
      Previous& p = m.previous[string_of(g, "key")];
      p.pass = !(g.HasMember("pass") && g["pass"].IsFalse());
      if (g.HasMember("findings") && g["findings"].IsObject()) {
        for (const auto& f : g["findings"].GetObject()) {
          if (f.value.IsInt64()) p.findings.emplace_back(f.name.GetString(), f.value.GetInt64());
        }
      }
    }
  }
  m.comparing = true;
  return true;
}

AuditReport Audit::report() const {
  const Impl& m = *impl_;
  AuditReport r = m.counts;
  for (const auto& [id, row] : m.rules)
    r.rules.push_back(row);
  std::stable_sort(r.rules.begin(), r.rules.end(), [](const auto& a, const auto& b) {
    return a.findings != b.findings ? a.findings > b.findings : a.id < b.id;
  });
  for (const auto& [key, row] : m.catalog)
    r.catalog.push_back(row);
  std::stable_sort(r.catalog.begin(), r.catalog.end(),
                   [](const auto& a, const auto& b) { return a.guides > b.guides; });

  const AuditModel& model = m.options.model;
  int deduction = 0;
  for (std::size_t c = 0; c < model.categories.size(); ++c) {
    AuditCategoryRow row{model.categories[c], m.category_missing[c], false};
    row.deducted = row.guides_missing >= model.site_min_guides && row.guides_missing > 0;
    if (row.deducted) deduction += model.points_per_category;
    r.categories.push_back(std::move(row));
  }
  r.census_deduction = std::min(deduction, model.max_deduction);

  for (const auto& [name, row] : m.departments)
    r.departments.push_back(row);
  for (const auto& [name, row] : m.regions)
    r.regions.push_back(row);

  std::vector<Impl::Ranked> serious = m.serious;
  std::sort(serious.begin(), serious.end(), Impl::before);
  for (auto& s : serious)
    r.serious.push_back(std::move(s.finding));

  if (m.comparing) {
    AuditComparison c = m.comparison;
    for (const auto& [key, p] : m.previous) {
      if (!p.seen) ++c.guides_gone;
    }
    r.comparison = std::move(c);
  }
  return r;
}

bool Audit::write_guide_records(std::ostream& out) const {
  std::FILE* spool = impl_->spool;
  if (spool == nullptr || impl_->spooled == 0) return false;
  std::fflush(spool);
  std::rewind(spool);
  char buf[1 << 16];
  bool first = true;
  bool at_line_start = true;
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, spool)) > 0) {
    std::size_t i = 0;
    while (i < n) {
      if (at_line_start) {
        if (!first) out << ",\n";
        first = false;
        at_line_start = false;
      }
      const char* nl = static_cast<const char*>(std::memchr(buf + i, '\n', n - i));
      const std::size_t end = nl == nullptr ? n : static_cast<std::size_t>(nl - buf);
      out.write(buf + i, static_cast<std::streamsize>(end - i));
      i = end;
      if (nl != nullptr) {
        at_line_start = true;
        ++i;
      }
    }
  }
  const bool ok = std::ferror(spool) == 0;
  std::fseek(spool, 0, SEEK_END);  // more guides may still be added
  return ok;
}

std::vector<std::string> audit_format_names() {
  return {"text", "json", "html"};
}

bool write_audit(const Audit& audit, std::string_view format, std::ostream& out,
                 const AuditFormatOptions& options) {
  if (format == "text") {
    audit_text(audit, out, options);
  } else if (format == "json") {
    audit_json(audit, out, options);
  } else if (format == "html") {
    audit_html(audit, out, options);
  } else {
    return false;
  }
  return true;
}

}  // namespace guidelint
