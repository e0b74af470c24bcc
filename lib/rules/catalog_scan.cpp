#include "rules/catalog_scan.hpp"

#include <algorithm>

#include "rules/content.hpp"

namespace guidelint::rules {

std::uint32_t SharedPhrases::add(const std::vector<std::string>& phrases) {
  const std::uint32_t list = lists_++;
  for (std::size_t k = 0; k < phrases.size(); ++k)
    pending_.push_back({phrases[k], Hit{list, static_cast<std::uint32_t>(k), 0, 0}});
  return list;
}

void SharedPhrases::build(const config::Catalogs& catalogs) {
  names_ = catalogs.name_count();
  catalogs_ = &catalogs;
  combined_ = !pending_.empty();
  if (!combined_) return;
  own_ = catalogs.matcher();
  phrases_.clear();
  for (const auto& [phrase, hit] : pending_) {
    own_.add(phrase, names_ + static_cast<std::uint32_t>(phrases_.size()));
    phrases_.push_back(hit);
  }
  own_.build();
}

CatalogScan::CatalogScan(const config::Catalogs& catalogs, const SharedPhrases& phrases,
                         const Guide& guide)
    : catalogs_(catalogs), shared_(phrases), guide_(guide), cache_(guide.elements.size()) {}

CatalogScan::Cache& CatalogScan::cache(const Element& element) {
  return cache_[static_cast<std::size_t>(&element - guide_.elements.data())];
}

const std::string& CatalogScan::folded(const Element& element) {
  Cache& c = cache(element);
  if (!c.folded) {
    text::fold(element.text, c.text);
    c.folded = true;
  }
  return c.text;
}

char32_t CatalogScan::first_folded(const Element& element) {
  Cache& c = cache(element);
  if (!c.first_known) {
    c.first = content::first_folded(element.text);
    c.first_known = true;
  }
  return c.first;
}

CatalogScan::Cache& CatalogScan::scanned(const Element& element) {
  Cache& c = cache(element);
  if (c.matched) return c;
  c.matched = true;
  hits_.clear();
  shared_.matcher().find(element.text, hits_);
  // The phrases' hits apart; the catalog names' kept in hits_ for matches().
  const std::uint32_t names = shared_.names();
  std::size_t kept = 0;
  for (const text::Matcher::Hit& h : hits_) {
    if (h.value < names) {
      hits_[kept++] = h;
    } else {
      SharedPhrases::Hit p = shared_.phrase(h.value);
      p.begin = h.begin;
      p.end = h.end;
      c.phrases.push_back(p);
    }
  }
  hits_.resize(kept);
  for (const text::Matcher::Hit& h : hits_) {
    const bool inside_longer = std::any_of(hits_.begin(), hits_.end(), [&](const auto& o) {
      return o.begin <= h.begin && h.end <= o.end && o.end - o.begin > h.end - h.begin;
    });
    if (inside_longer) continue;
    const config::CatalogName& name = catalogs_.name(h.value);
    c.matches.push_back({&catalogs_.entries[name.entry], name.document, h.begin, h.end,
                         element.source_span(h.begin, h.end)});
  }
  std::stable_sort(c.matches.begin(), c.matches.end(),
                   [](const CatalogMatch& a, const CatalogMatch& b) { return a.begin < b.begin; });
  return c;
}

const std::vector<CatalogMatch>& CatalogScan::matches(const Element& element) {
  return scanned(element).matches;
}

const std::vector<SharedPhrases::Hit>& CatalogScan::phrases(const Element& element) {
  return scanned(element).phrases;
}

const std::vector<const CatalogMatch*>& CatalogScan::item() {
  if (item_) return *item_;
  std::vector<const CatalogMatch*>& out = item_.emplace();
  const Element* name = guide_.find("name");
  if (name == nullptr) return out;
  const std::string_view text = name->text;
  for (const CatalogMatch& m : matches(*name)) {
    // Nothing but spaces or punctuation before it, and after it nothing, or a qualifier in
    // brackets: 设立水利旅游项目审批（新设）.
    if (m.document || !text::fold(text.substr(0, m.begin)).empty()) continue;
    const std::string_view rest = text.substr(m.end);
    if (!text::fold(rest).empty()) {
      const std::size_t at = rest.find_first_not_of(" \t");
      bool bracket = false;
      for (const std::string_view open : {"（", "(", "【", "[", "〔", "<", "《"})
        bracket = bracket || (at != std::string_view::npos && rest.substr(at).starts_with(open));
      if (!bracket) continue;
    }
    out.push_back(&m);
  }
  return out;
}

bool in_force(const config::CatalogEntry& entry, Date as_of) {
  return !entry.date.known() || entry.date.latest() <= as_of;
}

std::vector<Arg> citation(const config::CatalogEntry& entry, Date as_of) {
  std::int64_t years = -1;
  if (entry.date.known()) {
    const Date from = entry.date.latest();
    years = as_of.year - from.year;
    if (std::pair(as_of.month, as_of.day) < std::pair(from.month, from.day)) --years;
    years = std::max<std::int64_t>(years, 0);
  }
  // The *_known flags let message templates say "not known" instead of printing nothing.
  return {{"item", entry.item},
          {"decision_known", std::string(entry.decision.empty() ? "no" : "yes")},
          {"date_known", std::string(entry.date.known() ? "yes" : "no")},
          {"decision", entry.decision},
          {"decision_title", entry.decision_title},
          {"decision_date", entry.date.to_string()},
          {"years", years},
          {"source", entry.source},
          {"catalog", entry.catalog}};
}

std::string label_of(const Context& context, const Element& element) {
  if (!element.label.empty()) return element.label;
  const config::ElementDef* def = context.profile.find(element.id);
  return def != nullptr ? def->name : element.id;
}

std::optional<std::vector<std::string>> phrase_list_option(const Setup& setup, std::string_view key,
                                                           std::vector<std::string> fallback) {
  const YAML::Node node = config::get(setup.options, key);
  std::vector<std::string> phrases = std::move(fallback);
  if (node.IsDefined()) {
    auto given = config::get_strings(setup.file, setup.options, key);
    if (!given) return std::nullopt;
    phrases = std::move(*given);
  }
  std::vector<std::string> folded;
  for (const std::string& p : phrases) {
    std::string f = text::fold(p);
    if (!f.empty()) folded.push_back(std::move(f));
  }
  return folded;
}

}  // namespace guidelint::rules
