// The audit as one self-contained HTML page: inline CSS, SVG charts drawn here, no script and
// nothing fetched, so it can be mailed, archived and opened offline. Every figure carries its
// value in an id or data- attribute, so that tests (and scrapers) read the figures from the DOM.
#include <algorithm>
#include <cstdio>
#include <map>
#include <ostream>
#include <sstream>

#include "audit/audit_impl.hpp"
#include "report/uri.hpp"
#include "report/xml_writer.hpp"

namespace guidelint {
namespace fs = std::filesystem;

namespace {

using audit::fraction;
using audit::label;
using audit::percent;

// Text and attribute values alike, as the XML reports escape them.
std::string esc(std::string_view s) {
  std::ostringstream out;
  report::write_xml_escaped(out, s);
  return std::move(out).str();
}

bool is_web_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://");
}

// A link to a source when it is a web address, its text otherwise.
std::string source_link(std::string_view text) {
  if (is_web_url(text))
    return "<a href=\"" + esc(text) + "\" rel=\"noreferrer\">" + esc(text) + "</a>";
  return esc(text);
}

std::string n(std::size_t v) {
  return std::to_string(v);
}

std::string px(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

constexpr std::string_view kStyle = R"(
:root{--ink:#1d2733;--muted:#5b6675;--line:#d9dee5;--bg:#f5f7fa;--ok:#2e8b57;--bad:#c0392b;
--empty:#e67e22;--ph:#d4ac0d;--accent:#1f5fa8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.55 "Noto Sans CJK SC","Noto Sans SC",
"Source Han Sans SC","WenQuanYi Zen Hei","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",
"Noto Sans CJK TC",sans-serif}
main{max-width:1080px;margin:0 auto;padding:24px}
header{background:var(--accent);color:#fff;padding:20px 24px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;opacity:.9}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin:16px 0}
h2{font-size:18px;margin:0 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:12px;background:none;border:0;padding:0}
.card{flex:1 1 150px;background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px}
.card .figure{font-size:28px;font-weight:700}
.card .label{color:var(--muted)}
.card.good .figure{color:var(--ok)} .card.bad .figure{color:var(--bad)}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.basis{color:var(--muted);font-size:12px}
.legend span{display:inline-block;margin-right:16px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
svg text{font-family:inherit;font-size:12px;fill:var(--ink)}
.up{color:var(--ok)} .down{color:var(--bad)}
a{color:var(--accent)}
code{font-size:12px}
tr.finding td:first-child{white-space:nowrap}
tr.finding td:nth-child(2){min-width:9em}
)";

class Page {
 public:
  Page(const Audit& audit, std::ostream& out, const AuditFormatOptions& options)
      : audit_(audit),
        r_(audit.report()),
        model_(audit.options().model),
        out_(out),
        options_(options) {}

  void write();

 private:
  std::string L(std::string_view id, std::vector<Arg> args = {}) const {
    return esc(label(id, options_.locale, std::move(args)));
  }
  void basis(const std::string& id);
  void card(std::string_view id, std::string_view value, std::string shown, std::string_view text,
            std::string_view tone = "");
  void headline();
  void census();
  void elements();
  void groups(std::string_view id, const std::string& title,
              const std::vector<AuditGroupRow>& rows);
  void catalog();
  void stale();
  void rules();
  void serious();
  void unreadable();
  void comparison();
  void config();
  std::string guide_link(const AuditFinding& f) const;

  const Audit& audit_;
  const AuditReport r_;
  const AuditModel& model_;
  std::ostream& out_;
  const AuditFormatOptions& options_;
};

void Page::basis(const std::string& id) {
  const AuditSource* s = model_.source(id);
  if (s == nullptr) return;
  out_ << "<p class=\"basis\" data-basis=\"" << esc(s->id) << "\">" << L("basis") << ": "
       << esc(s->title);
  if (!s->number.empty()) out_ << " " << esc(s->number);
  if (!s->date.empty()) out_ << " (" << esc(s->date) << ")";
  if (!s->clause.empty()) out_ << " — " << esc(s->clause);
  if (!s->url.empty()) out_ << " " << source_link(s->url);
  out_ << "</p>\n";
}

void Page::card(std::string_view id, std::string_view value, std::string shown,
                std::string_view text, std::string_view tone) {
  out_ << "<div class=\"card " << tone << "\"><div class=\"figure\" id=\"" << id
       << "\" data-value=\"" << value << "\">" << shown << "</div><div class=\"label\">" << text
       << "</div></div>\n";
}

void Page::headline() {
  out_ << "<section class=\"cards\" id=\"headline\">\n";
  card("fig-guides", n(r_.guides), n(r_.guides), L("guides"));
  card("fig-passing", n(r_.passing), n(r_.passing), L("passing"), "good");
  card("fig-failing", n(r_.guides - r_.passing), n(r_.guides - r_.passing), L("failing"), "bad");
  card("fig-rate", fraction(r_.passing, r_.guides), percent(r_.passing, r_.guides), L("rate"),
       r_.passing == r_.guides ? "good" : "bad");
  if (!r_.categories.empty()) {
    card("fig-census-deduction", std::to_string(r_.census_deduction),
         std::to_string(r_.census_deduction) + " / " + std::to_string(model_.max_deduction),
         L("census-deduction"), r_.census_deduction == 0 ? "good" : "bad");
  }
  card("fig-files", n(r_.files), n(r_.files), L("files"));
  card("fig-unreadable", n(r_.unreadable), n(r_.unreadable), L("unreadable"),
       r_.unreadable > 0 ? "bad" : "");
  card("fig-stale", n(r_.stale), n(r_.stale),
       L("stale-count", {{"days", std::to_string(model_.stale_days.front())}}));
  out_ << "</section>\n";
  out_ << "<p class=\"basis\">" << L("pass-rule") << " " << L("errors")
       << " <span id=\"fig-errors\" data-value=\"" << r_.errors << "\">" << r_.errors
       << "</span> · " << L("warnings") << " <span id=\"fig-warnings\" data-value=\"" << r_.warnings
       << "\">" << r_.warnings << "</span> · " << L("reviews")
       << " <span id=\"fig-reviews\" data-value=\"" << r_.reviews << "\">" << r_.reviews
       << "</span></p>\n";
  basis(model_.pass_source);
}

void Page::census() {
  if (r_.categories.empty()) return;
  out_ << "<section id=\"census\"><h2>" << L("census") << ": " << esc(model_.census_title)
       << "</h2>\n<p>"
       << L("census-score", {{"deduction", std::to_string(r_.census_deduction)},
                             {"max", std::to_string(model_.max_deduction)}})
       << "; " << L("full-guides") << " <span id=\"fig-census-full\" data-value=\""
       << r_.census_full_guides << "\">" << r_.census_full_guides << "</span> / " << r_.guides
       << "</p>\n<table><thead><tr><th>" << L("category") << "</th><th>" << L("elements-col")
       << "</th><th class=\"num\">" << L("guides-missing") << "</th><th class=\"num\">"
       << L("share") << "</th><th class=\"num\">" << L("deducted") << "</th></tr></thead><tbody>\n";
  for (const AuditCategoryRow& c : r_.categories) {
    std::string elements;
    for (const std::string& e : c.category.elements)
      elements += (elements.empty() ? "" : ", ") + e;
    const int points = c.deducted ? model_.points_per_category : 0;
    out_ << "<tr data-category=\"" << esc(c.category.id) << "\" data-guides-missing=\""
         << c.guides_missing << "\" data-points=\"" << points << "\"><td>" << esc(c.category.name)
         << "</td><td><code>" << esc(elements) << "</code></td><td class=\"num\">"
         << c.guides_missing << "</td><td class=\"num\">" << percent(c.guides_missing, r_.guides)
         << "</td><td class=\"num\">" << (points > 0 ? "−" + std::to_string(points) : "0")
         << "</td></tr>\n";
  }
  out_ << "</tbody></table>\n";
  basis(model_.census_source);
  out_ << "</section>\n";
}

// A horizontal stacked bar chart of element shares: missing, empty, placeholder.
void Page::elements() {
  out_ << "<section id=\"elements\"><h2>" << L("elements") << "</h2>\n";
  out_ << "<p class=\"legend\"><span><i class=\"swatch\" style=\"background:var(--bad)\"></i>"
       << L("missing") << "</span><span><i class=\"swatch\" style=\"background:var(--empty)\"></i>"
       << L("empty") << "</span><span><i class=\"swatch\" style=\"background:var(--ph)\"></i>"
       << L("placeholder") << "</span></p>\n";
  const double label_w = 190, bar_w = 440, row_h = 24;
  const double height = row_h * static_cast<double>(r_.elements.size()) + 28;
  out_ << "<svg id=\"chart-elements\" role=\"img\" aria-label=\"" << L("elements")
       << "\" width=\"720\" height=\"" << px(height) << "\" viewBox=\"0 0 720 " << px(height)
       << "\">\n";
  // Gridlines at 0, 25, 50, 75 and 100 % of the guides.
  for (int k = 0; k <= 4; ++k) {
    const double x = label_w + bar_w * k / 4.0;
    out_ << "<line x1=\"" << px(x) << "\" y1=\"0\" x2=\"" << px(x) << "\" y2=\"" << px(height - 20)
         << "\" stroke=\"#d9dee5\"/><text x=\"" << px(x) << "\" y=\"" << px(height - 6)
         << "\" text-anchor=\"middle\">" << k * 25 << "%</text>\n";
  }
  double y = 4;
  for (const AuditElementRow& e : r_.elements) {
    out_ << "<g class=\"bar\" data-element=\"" << esc(e.id) << "\"><text x=\"" << px(label_w - 8)
         << "\" y=\"" << px(y + 15) << "\" text-anchor=\"end\">" << esc(e.name) << "</text>";
    double x = label_w;
    for (const auto& [count, color] :
         {std::pair{e.missing, "var(--bad)"}, std::pair{e.empty, "var(--empty)"},
          std::pair{e.placeholder, "var(--ph)"}}) {
      const double w = bar_w * share(count, r_.guides);
      if (w > 0) {
        out_ << "<rect x=\"" << px(x) << "\" y=\"" << px(y + 3) << "\" width=\"" << px(w)
             << "\" height=\"16\" style=\"fill:" << color << "\"/>";
      }
      x += w;
    }
    out_ << "<text x=\"" << px(x + 6) << "\" y=\"" << px(y + 15) << "\">"
         << percent(e.missing + e.empty + e.placeholder, r_.guides) << "</text></g>\n";
    y += row_h;
  }
  out_ << "</svg>\n<table><thead><tr><th>" << L("element") << "</th><th class=\"num\">"
       << L("missing") << "</th><th class=\"num\">" << L("empty") << "</th><th class=\"num\">"
       << L("placeholder") << "</th><th class=\"num\">" << L("share")
       << "</th></tr></thead><tbody>\n";
  for (const AuditElementRow& e : r_.elements) {
    out_ << "<tr data-element=\"" << esc(e.id) << "\" data-missing=\"" << e.missing
         << "\" data-empty=\"" << e.empty << "\" data-placeholder=\"" << e.placeholder << "\"><td>"
         << esc(e.name) << " <code>" << esc(e.id) << "</code></td><td class=\"num\">" << e.missing
         << "</td><td class=\"num\">" << e.empty << "</td><td class=\"num\">" << e.placeholder
         << "</td><td class=\"num\">" << percent(e.missing + e.empty + e.placeholder, r_.guides)
         << "</td></tr>\n";
  }
  out_ << "</tbody></table>\n";
  basis(model_.elements_source);
  out_ << "</section>\n";
}

// One row per group, each with its own bar: passing and failing guides.
void Page::groups(std::string_view id, const std::string& title,
                  const std::vector<AuditGroupRow>& rows) {
  out_ << "<section id=\"" << id << "\"><h2>" << title << "</h2>\n<table><thead><tr><th>"
       << L("name") << "</th><th class=\"num\">" << L("guides") << "</th><th class=\"num\">"
       << L("passing") << "</th><th class=\"num\">" << L("rate") << "</th><th class=\"num\">"
       << L("errors") << "</th><th>" << L("chart") << "</th></tr></thead><tbody>\n";
  std::size_t most = 1;
  for (const AuditGroupRow& g : rows)
    most = std::max(most, g.guides);
  for (const AuditGroupRow& g : rows) {
    const double pass_w = 240.0 * share(g.passing, most);
    const double fail_w = 240.0 * share(g.guides - g.passing, most);
    out_
        << "<tr data-group=\"" << esc(g.name) << "\" data-guides=\"" << g.guides
        << "\" data-passing=\"" << g.passing << "\" data-rate=\"" << fraction(g.passing, g.guides)
        << "\"><td>" << (g.name.empty() ? L("unnamed") : esc(g.name)) << "</td><td class=\"num\">"
        << g.guides << "</td><td class=\"num\">" << g.passing << "</td><td class=\"num\">"
        << percent(g.passing, g.guides) << "</td><td class=\"num\">" << g.errors
        << "</td><td><svg class=\"group-chart\" width=\"300\" height=\"18\" viewBox=\"0 0 300 18\" "
           "role=\"img\" aria-label=\""
        << percent(g.passing, g.guides) << "\"><rect x=\"0\" y=\"2\" width=\"" << px(pass_w)
        << "\" height=\"14\" style=\"fill:var(--ok)\"/><rect x=\"" << px(pass_w)
        << "\" y=\"2\" width=\"" << px(fail_w) << "\" height=\"14\" style=\"fill:var(--bad)\"/>"
        << "<text x=\"" << px(pass_w + fail_w + 4) << "\" y=\"14\">" << percent(g.passing, g.guides)
        << "</text></svg></td></tr>\n";
  }
  out_ << "</tbody></table></section>\n";
}

void Page::catalog() {
  out_ << "<section id=\"catalog\"><h2>" << L("catalog") << "</h2>\n";
  if (r_.catalog.empty()) {
    out_ << "<p>" << L("none") << "</p></section>\n";
    return;
  }
  out_ << "<table><thead><tr><th>" << L("kind") << "</th><th>" << L("item") << "</th><th>"
       << L("decision") << "</th><th>" << L("decision-date") << "</th><th class=\"num\">"
       << L("guides-hit") << "</th><th>" << L("source") << "</th></tr></thead><tbody>\n";
  for (const AuditCatalogRow& c : r_.catalog) {
    out_ << "<tr data-kind=\"" << esc(c.kind) << "\" data-item=\"" << esc(c.item)
         << "\" data-guides=\"" << c.guides << "\"><td>"
         << L(c.kind == "abolished" ? "kind-abolished" : "kind-post-approval") << "</td><td>"
         << esc(c.item) << "</td><td>" << esc(c.decision_title) << " "
         << (c.decision.empty() ? L("unknown-number") : esc(c.decision)) << "</td><td>"
         << esc(c.decision_date) << "</td><td class=\"num\">" << c.guides << "</td><td>"
         << source_link(c.source) << "</td></tr>\n";
  }
  out_ << "</tbody></table></section>\n";
}

void Page::stale() {
  out_ << "<section id=\"stale\"><h2>" << L("stale") << "</h2>\n";
  std::vector<std::pair<std::string, std::size_t>> rows;
  for (std::size_t b = 0; b < r_.age_buckets.size(); ++b) {
    std::string name;
    if (b == 0) {
      name = L("age-within", {{"days", std::to_string(model_.stale_days[0])}});
    } else if (b < model_.stale_days.size()) {
      name = L("age-between", {{"from", std::to_string(model_.stale_days[b - 1] + 1)},
                               {"to", std::to_string(model_.stale_days[b])}});
    } else {
      name = L("age-over", {{"days", std::to_string(model_.stale_days.back())}});
    }
    rows.emplace_back(name, r_.age_buckets[b]);
  }
  rows.emplace_back(L("no-date"), r_.no_date);
  rows.emplace_back(L("unreadable-date"), r_.unreadable_date);
  rows.emplace_back(L("future-date"), r_.future_date);
  out_ << "<table><thead><tr><th>" << L("age") << "</th><th class=\"num\">" << L("guides")
       << "</th><th class=\"num\">" << L("share") << "</th><th>" << L("chart")
       << "</th></tr></thead><tbody>\n";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const double w = 240.0 * share(rows[k].second, r_.guides);
    out_ << "<tr data-bucket=\"" << k << "\" data-guides=\"" << rows[k].second << "\"><td>"
         << rows[k].first << "</td><td class=\"num\">" << rows[k].second
         << "</td><td class=\"num\">" << percent(rows[k].second, r_.guides)
         << "</td><td><svg width=\"250\" height=\"16\" viewBox=\"0 0 250 16\"><rect x=\"0\" "
            "y=\"2\" width=\""
         << px(w) << "\" height=\"12\" style=\"fill:" << (k == 0 ? "var(--ok)" : "var(--empty)")
         << "\"/></svg></td></tr>\n";
  }
  out_ << "</tbody></table>\n";
  basis(model_.stale_source);
  out_ << "</section>\n";
}

void Page::rules() {
  out_ << "<section id=\"rules\"><h2>" << L("rules") << "</h2>\n<table><thead><tr><th>" << L("rule")
       << "</th><th>" << L("severity") << "</th><th class=\"num\">" << L("findings")
       << "</th><th class=\"num\">" << L("guides-hit") << "</th><th class=\"num\">" << L("share")
       << "</th></tr></thead><tbody>\n";
  for (const AuditRuleRow& row : r_.rules) {
    out_ << "<tr data-rule=\"" << esc(row.id) << "\" data-findings=\"" << row.findings
         << "\" data-guides=\"" << row.guides << "\"><td><code>" << esc(row.id)
         << "</code></td><td>" << to_string(row.severity) << "</td><td class=\"num\">"
         << row.findings << "</td><td class=\"num\">" << row.guides << "</td><td class=\"num\">"
         << percent(row.guides, r_.guides) << "</td></tr>\n";
  }
  out_ << "</tbody></table></section>\n";
}

std::string Page::guide_link(const AuditFinding& f) const {
  std::string href;
  if (!options_.link_base.empty()) {
    href = options_.link_base + report::uri_reference(f.relative.empty() ? f.file : f.relative);
  } else if (!options_.report_dir.empty()) {
    // From where the report lies to the file, so that the link works when the report is opened.
    std::error_code ec;
    const fs::path to = fs::absolute(f.file, ec).lexically_normal();
    const fs::path from = fs::absolute(options_.report_dir, ec).lexically_normal();
    const fs::path rel = to.lexically_relative(from);
    href = report::uri_reference(rel.empty() ? f.file : rel.generic_string());
  } else {
    href = report::uri_reference(f.file);
  }
  std::string text = f.file;
  if (f.line > 0) text += ":" + std::to_string(f.line);
  return "<a class=\"guide\" href=\"" + esc(href) + "\">" + esc(text) + "</a>";
}

void Page::serious() {
  out_ << "<section id=\"serious\"><h2>" << L("serious") << "</h2>\n";
  out_ << "<p><span id=\"fig-serious-total\" data-value=\"" << r_.serious_total << "\">"
       << r_.serious_total << "</span></p>\n";
  if (!r_.serious.empty()) {
    out_ << "<table><thead><tr><th>" << L("file") << "</th><th>" << L("guide") << "</th><th>"
         << L("message") << "</th><th>" << L("rule") << "</th></tr></thead><tbody>\n";
    for (const AuditFinding& f : r_.serious) {
      Diagnostic d;
      d.message_id = f.message_id;
      d.args = f.args;
      out_ << "<tr class=\"finding\" data-rule=\"" << esc(f.rule_id) << "\"><td>" << guide_link(f)
           << "</td><td>" << esc(f.guide_name) << "</td><td>"
           << esc(render_message(d, options_.locale)) << "</td><td><code>" << esc(f.rule_id)
           << "</code></td></tr>\n";
    }
    out_ << "</tbody></table>\n";
  }
  if (r_.serious_total > r_.serious.size()) {
    out_ << "<p id=\"serious-more\" data-value=\"" << r_.serious_total - r_.serious.size() << "\">"
         << L("serious-more", {{"count", std::to_string(r_.serious_total - r_.serious.size())}})
         << "</p>\n";
  }
  out_ << "</section>\n";
}

void Page::unreadable() {
  if (r_.unreadable_files.empty()) return;
  out_ << "<section id=\"unreadable\"><h2>" << L("unreadable-list") << "</h2><ul>\n";
  for (const AuditFinding& f : r_.unreadable_files) {
    Diagnostic d;
    d.message_id = f.message_id;
    d.args = f.args;
    out_ << "<li class=\"unreadable-file\">" << guide_link(f) << ": "
         << esc(render_message(d, options_.locale)) << " <code>" << esc(f.rule_id)
         << "</code></li>\n";
  }
  out_ << "</ul></section>\n";
}

void Page::comparison() {
  if (!r_.comparison) return;
  const AuditComparison& c = *r_.comparison;
  const auto change = [](double before, double after, bool higher_is_better) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f", 100.0 * (after - before));
    const bool better = higher_is_better ? after > before : after < before;
    const bool worse = higher_is_better ? after < before : after > before;
    return std::string("<span class=\"") +
           (better  ? "up"
            : worse ? "down"
                    : "") +
           "\">" + buf + "</span>";
  };
  out_ << "<section id=\"comparison\"><h2>" << L("compare", {{"date", c.previous_date}})
       << "</h2>\n<table><thead><tr><th>" << L("figure") << "</th><th class=\"num\">"
       << L("previous") << "</th><th class=\"num\">" << L("current") << "</th><th class=\"num\">"
       << L("change") << "</th></tr></thead><tbody>\n";
  out_ << "<tr id=\"cmp-rate\" data-before=\"" << fraction(c.previous_passing, c.previous_guides)
       << "\" data-after=\"" << fraction(r_.passing, r_.guides) << "\"><td>" << L("rate")
       << "</td><td class=\"num\">" << percent(c.previous_passing, c.previous_guides)
       << "</td><td class=\"num\">" << percent(r_.passing, r_.guides) << "</td><td class=\"num\">"
       << change(share(c.previous_passing, c.previous_guides), share(r_.passing, r_.guides), true)
       << "</td></tr>\n";
  for (const AuditElementRow& e : r_.elements) {
    const auto it = c.previous_element_share.find(e.id);
    const double before = it == c.previous_element_share.end() ? 0.0 : it->second;
    const double after = share(e.missing + e.empty + e.placeholder, r_.guides);
    out_ << "<tr data-element=\"" << esc(e.id) << "\"><td>" << esc(e.name)
         << "</td><td class=\"num\">" << px(100 * before) << "%</td><td class=\"num\">"
         << px(100 * after) << "%</td><td class=\"num\">" << change(before, after, false)
         << "</td></tr>\n";
  }
  out_ << "</tbody></table>\n<table><tbody>\n";
  for (const auto& [id, value] :
       {std::pair{"newly-failing", c.newly_failing}, std::pair{"newly-passing", c.newly_passing},
        std::pair{"findings-fixed", c.findings_fixed}, std::pair{"findings-new", c.findings_new},
        std::pair{"guides-gone", c.guides_gone}}) {
    out_ << "<tr><td>" << L(id) << "</td><td class=\"num\" id=\"cmp-" << id << "\" data-value=\""
         << value << "\">" << value << "</td></tr>\n";
  }
  out_ << "</tbody></table>\n";
  if (!c.newly_failing_guides.empty()) {
    out_ << "<h3>" << L("newly-failing") << "</h3><ul>\n";
    for (const AuditGuideChange& g : c.newly_failing_guides) {
      AuditFinding f;
      f.file = g.file;
      out_ << "<li class=\"newly-failing\">" << guide_link(f) << " " << esc(g.name) << "</li>\n";
    }
    out_ << "</ul>\n";
  }
  out_ << "</section>\n";
}

void Page::config() {
  out_ << "<section id=\"config\"><h2>" << L("config") << "</h2>\n<table><tbody>\n";
  out_ << "<tr><th>" << L("date") << "</th><td>" << r_.as_of.to_string() << "</td></tr>\n";
  std::string paths;
  for (const auto& p : audit_.options().roots)
    paths += (paths.empty() ? "" : " ") + p.string();
  out_ << "<tr><th>" << L("paths") << "</th><td><code>" << esc(paths) << "</code></td></tr>\n";
  for (const auto& [k, v] : audit_.options().settings)
    out_ << "<tr><th>" << esc(k) << "</th><td><code>" << esc(v) << "</code></td></tr>\n";
  out_ << "<tr><th>" << L("model") << "</th><td>" << esc(model_.title) << " <code>"
       << esc(model_.file) << "</code></td></tr>\n";
  out_ << "</tbody></table>\n<h3>" << L("sources") << "</h3><ul>\n";
  for (const AuditSource& s : model_.sources) {
    out_ << "<li data-source=\"" << esc(s.id) << "\"><code>" << esc(s.id) << "</code> "
         << esc(s.title);
    if (!s.number.empty()) out_ << " " << esc(s.number);
    if (!s.date.empty()) out_ << " (" << esc(s.date) << ")";
    if (!s.clause.empty()) out_ << " — " << esc(s.clause);
    if (!s.url.empty()) out_ << " " << source_link(s.url);
    out_ << "</li>\n";
  }
  out_ << "</ul></section>\n";
}

void Page::write() {
  const std::string& loc = options_.locale;
  const std::string lang = loc == "en" ? "en" : loc == "zh-Hant" ? "zh-Hant" : "zh-Hans";
  out_ << "<!DOCTYPE html>\n<html lang=\"" << lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<meta name=\"generator\" content=\"guidelint " << esc(version()) << "\">\n<title>"
       << L("title") << " " << r_.as_of.to_string() << "</title>\n<style>" << kStyle
       << "</style>\n</head>\n<body>\n<header><h1>" << L("title") << "</h1><p>" << L("date")
       << " <time id=\"as-of\" datetime=\"" << r_.as_of.to_string() << "\">" << r_.as_of.to_string()
       << "</time> · " << esc(model_.title) << " · guidelint " << esc(version())
       << "</p></header>\n<main>\n";
  headline();
  comparison();
  census();
  elements();
  groups("departments", L("departments"), r_.departments);
  groups("regions", L("regions"), r_.regions);
  catalog();
  stale();
  rules();
  serious();
  unreadable();
  config();
  out_ << "</main>\n</body>\n</html>\n";
}

}  // namespace

void audit_html(const Audit& audit, std::ostream& out, const AuditFormatOptions& options) {
  Page(audit, out, options).write();
}

}  // namespace guidelint
