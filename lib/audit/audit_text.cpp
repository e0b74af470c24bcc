// The audit as tables for a terminal. Columns line up by display width (CJK characters take two
// cells), so the tables stay straight whatever script the names are in.
#include <algorithm>
#include <ostream>

#include "audit/audit_impl.hpp"
#include "report/compiler_style.hpp"

namespace guidelint {
namespace {

using audit::fraction;
using audit::label;
using audit::percent;

struct Table {
  std::vector<std::string> header;
  std::vector<bool> right;  // numbers are right-aligned
  std::vector<std::vector<std::string>> rows;

  void write(std::ostream& out) const {
    // Department and guide names come from the input: shown as the findings' are.
    std::vector<std::vector<std::string>> shown;
    for (const auto& row : rows) {
      auto& cells = shown.emplace_back();
      for (const std::string& cell : row)
        cells.push_back(report::printable(cell));
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (std::size_t c = 0; c < header.size(); ++c)
      width[c] = display_width(header[c]);
    for (const auto& row : shown) {
      for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
        width[c] = std::max(width[c], display_width(row[c]));
    }
    const auto line = [&](const std::vector<std::string>& cells) {
      std::string text = "  ";
      for (std::size_t c = 0; c < cells.size() && c < width.size(); ++c) {
        const std::size_t pad = width[c] - display_width(cells[c]);
        const bool last = c + 1 == cells.size();
        if (right[c]) text.append(pad, ' ');
        text += cells[c];
        if (!right[c] && !last) text.append(pad, ' ');
        if (!last) text += "  ";
      }
      out << text << '\n';
    };
    line(header);
    std::size_t total = 0;
    for (const std::size_t w : width)
      total += w;
    out << "  " << std::string(total + 2 * (width.size() - 1), '-') << '\n';
    for (const auto& row : shown)
      line(row);
  }
};

std::string n(std::size_t v) {
  return std::to_string(v);
}

std::string signed_n(long long v) {
  return (v > 0 ? "+" : "") + std::to_string(v);
}

// A change in percentage points: "+2.5" or "-1.0".
std::string points(double before, double after) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", 100.0 * (after - before));
  return buf;
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

void heading(std::ostream& out, const std::string& title) {
  out << '\n' << title << '\n';
}

}  // namespace

void audit_text(const Audit& audit, std::ostream& out, const AuditFormatOptions& options) {
  const AuditReport r = audit.report();
  const AuditModel& model = audit.options().model;
  const std::string& loc = options.locale;
  const auto L = [&](std::string_view id, std::vector<Arg> args = {}) {
    return label(id, loc, std::move(args));
  };

  out << L("title") << "  " << L("date") << ' ' << r.as_of.to_string() << '\n';
  out << L("model") << ": " << model.title << " (" << model.file << ")\n";
  for (const auto& [key, value] : audit.options().settings)
    out << key << ": " << report::printable(value) << '\n';

  heading(out, L("headline"));
  Table head{{L("figure"), L("value")}, {false, true}, {}};
  head.rows.push_back({L("files"), n(r.files)});
  head.rows.push_back({L("unreadable"), n(r.unreadable)});
  if (r.config_problems > 0) head.rows.push_back({L("config-problems"), n(r.config_problems)});
  head.rows.push_back({L("guides"), n(r.guides)});
  head.rows.push_back({L("passing"), n(r.passing)});
  head.rows.push_back({L("failing"), n(r.guides - r.passing)});
  head.rows.push_back({L("rate"), percent(r.passing, r.guides)});
  head.rows.push_back({L("errors"), n(r.errors)});
  head.rows.push_back({L("warnings"), n(r.warnings)});
  head.rows.push_back({L("reviews"), n(r.reviews)});
  head.write(out);
  out << "  " << L("pass-rule") << '\n';

  if (!r.categories.empty()) {
    heading(out, L("census") + ": " + model.census_title);
    Table t{{L("category"), L("elements-col"), L("guides-missing"), L("share"), L("deducted")},
            {false, false, true, true, true},
            {}};
    for (const AuditCategoryRow& c : r.categories) {
      std::string elements;
      for (const std::string& e : c.category.elements)
        elements += (elements.empty() ? "" : ",") + e;
      t.rows.push_back({c.category.name, elements, n(c.guides_missing),
                        percent(c.guides_missing, r.guides),
                        c.deducted ? std::to_string(model.points_per_category) : "0"});
    }
    t.write(out);
    out << "  "
        << L("census-score", {{"deduction", std::to_string(r.census_deduction)},
                              {"max", std::to_string(model.max_deduction)}})
        << "; " << L("full-guides") << ' ' << r.census_full_guides << '/' << r.guides << '\n';
  }

  heading(out, L("elements"));
  {
    Table t{{L("element"), L("missing"), L("empty"), L("placeholder"), L("share")},
            {false, true, true, true, true},
            {}};
    for (const AuditElementRow& e : r.elements) {
      t.rows.push_back({e.name + " (" + e.id + ")", n(e.missing), n(e.empty), n(e.placeholder),
                        percent(e.missing + e.empty + e.placeholder, r.guides)});
    }
    t.write(out);
  }

  heading(out, L("rules"));
  {
    Table t{{L("rule"), L("severity"), L("findings"), L("guides-hit"), L("share")},
            {false, false, true, true, true},
            {}};
    for (const AuditRuleRow& row : r.rules) {
      t.rows.push_back({row.id, std::string(to_string(row.severity)), n(row.findings),
                        n(row.guides), percent(row.guides, r.guides)});
    }
    t.write(out);
  }

  heading(out, L("catalog"));
  if (r.catalog.empty()) {
    out << "  " << L("none") << '\n';
  } else {
    Table t{{L("kind"), L("item"), L("decision"), L("decision-date"), L("guides-hit")},
            {false, false, false, false, true},
            {}};
    for (const AuditCatalogRow& c : r.catalog) {
      t.rows.push_back({L(c.kind == "abolished" ? "kind-abolished" : "kind-post-approval"), c.item,
                        c.decision.empty() ? L("unknown-number") : c.decision, c.decision_date,
                        n(c.guides)});
    }
    t.write(out);
  }

  for (const auto& [title, rows] :
       {std::pair{L("departments"), &r.departments}, std::pair{L("regions"), &r.regions}}) {
    heading(out, title);
    Table t{{L("name"), L("guides"), L("passing"), L("rate"), L("errors"), L("warnings")},
            {false, true, true, true, true, true},
            {}};
    for (const AuditGroupRow& g : *rows) {
      t.rows.push_back({g.name.empty() ? L("unnamed") : g.name, n(g.guides), n(g.passing),
                        percent(g.passing, g.guides), n(g.errors), n(g.warnings)});
    }
    t.write(out);
  }

  heading(out, L("stale"));
  {
    Table t{{L("age"), L("guides"), L("share")}, {false, true, true}, {}};
    for (std::size_t b = 0; b < r.age_buckets.size(); ++b) {
      std::string name;
      if (b == 0) {
        name = L("age-within", {{"days", std::to_string(model.stale_days[0])}});
      } else if (b < model.stale_days.size()) {
        name = L("age-between", {{"from", std::to_string(model.stale_days[b - 1] + 1)},
                                 {"to", std::to_string(model.stale_days[b])}});
      } else {
        name = L("age-over", {{"days", std::to_string(model.stale_days.back())}});
      }
      t.rows.push_back({name, n(r.age_buckets[b]), percent(r.age_buckets[b], r.guides)});
    }
    t.rows.push_back({L("no-date"), n(r.no_date), percent(r.no_date, r.guides)});
    t.rows.push_back(
        {L("unreadable-date"), n(r.unreadable_date), percent(r.unreadable_date, r.guides)});
    t.rows.push_back({L("future-date"), n(r.future_date), percent(r.future_date, r.guides)});
    t.write(out);
  }

  heading(out, L("serious"));
  if (r.serious.empty()) out << "  " << L("none") << '\n';
  for (const AuditFinding& f : r.serious) {
    Diagnostic d;
    d.message_id = f.message_id;
    d.args = f.args;
    out << "  " << report::printable(f.file);
    if (f.line > 0) out << ':' << f.line << ':' << f.column;
    out << ": " << to_string(f.severity) << ": " << report::printable(render_message(d, loc))
        << " [" << f.rule_id << "]\n";
  }
  if (r.serious_total > r.serious.size())
    out << "  "
        << L("serious-more", {{"count", std::to_string(r.serious_total - r.serious.size())}})
        << '\n';

  if (!r.unreadable_files.empty()) {
    heading(out, L("unreadable-list"));
    for (const AuditFinding& f : r.unreadable_files) {
      Diagnostic d;
      d.message_id = f.message_id;
      d.args = f.args;
      out << "  " << report::printable(f.file) << ": " << report::printable(render_message(d, loc))
          << " [" << f.rule_id << "]\n";
    }
  }

  if (r.comparison) {
    const AuditComparison& c = *r.comparison;
    heading(out, L("compare", {{"date", c.previous_date}}));
    Table t{{L("figure"), L("previous"), L("current"), L("change")}, {false, true, true, true}, {}};
    t.rows.push_back(
        {L("guides"), n(c.previous_guides), n(r.guides),
         signed_n(static_cast<long long>(r.guides) - static_cast<long long>(c.previous_guides))});
    t.rows.push_back(
        {L("rate"), percent(c.previous_passing, c.previous_guides), percent(r.passing, r.guides),
         points(share(c.previous_passing, c.previous_guides), share(r.passing, r.guides))});
    if (!r.categories.empty()) {
      t.rows.push_back({L("census-deduction"), std::to_string(c.previous_census_deduction),
                        std::to_string(r.census_deduction),
                        signed_n(r.census_deduction - c.previous_census_deduction)});
    }
    t.rows.push_back({L("newly-failing"), "", "", n(c.newly_failing)});
    t.rows.push_back({L("newly-passing"), "", "", n(c.newly_passing)});
    t.rows.push_back({L("findings-fixed"), "", "", n(c.findings_fixed)});
    t.rows.push_back({L("findings-new"), "", "", n(c.findings_new)});
    t.rows.push_back({L("guides-gone"), "", "", n(c.guides_gone)});
    t.write(out);
    Table rules{
        {L("rule"), L("previous"), L("current"), L("change")}, {false, true, true, true}, {}};
    std::map<std::string, std::pair<std::size_t, std::size_t>> both;
    for (const auto& [id, count] : c.previous_rule_findings)
      both[id].first = count;
    for (const AuditRuleRow& row : r.rules)
      both[row.id].second = row.findings;
    for (const auto& [id, counts] : both) {
      rules.rows.push_back(
          {id, n(counts.first), n(counts.second),
           signed_n(static_cast<long long>(counts.second) - static_cast<long long>(counts.first))});
    }
    out << '\n';
    rules.write(out);
    if (!c.newly_failing_guides.empty()) {
      out << '\n' << L("newly-failing") << '\n';
      for (const AuditGuideChange& g : c.newly_failing_guides) {
        out << "  " << report::printable(g.file) << "  " << report::printable(g.name);
        for (const auto& [rule, delta] : g.rules)
          out << "  " << rule << ' ' << signed_n(delta);
        out << '\n';
      }
    }
  }

  out << '\n'
      << L("summary", {{"guides", std::to_string(r.guides)},
                       {"passing", std::to_string(r.passing)},
                       {"rate", percent(r.passing, r.guides)},
                       {"deduction", std::to_string(r.census_deduction)}})
      << '\n';
}

}  // namespace guidelint
