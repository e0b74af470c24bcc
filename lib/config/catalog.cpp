// Catalogs: entries of State Council decisions and registration lists, loaded from YAML.
#include "config/catalog.hpp"

#include <charconv>

#include "text/fold.hpp"
#include "text/suggest.hpp"

namespace guidelint::config {
namespace {

constexpr std::string_view kActionNames[] = {"", "取消", "下放", "改为后置审批", "保留"};

int number(std::string_view digits) {
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc() && end == digits.data() + digits.size() ? value : -1;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Action> parse_action(std::string_view text) {
  const std::string folded = text::fold(text);
  for (std::size_t k = 0; k < std::size(kActionNames); ++k) {
    if (folded == text::fold(kActionNames[k])) return static_cast<Action>(k);
  }
  return std::nullopt;
}

}  // namespace

Date PartialDate::latest() const {
  if (!known()) return Date{};
  if (day != 0) return Date{year, month, day};
  if (month != 0) return Date{year, month, days_in_month(year, month)};
  return Date{year, 12, 31};
}

std::string PartialDate::to_string() const {
  if (!known()) return {};
  if (day != 0) return Date{year, month, day}.to_string();
  std::string out = std::to_string(year);
  if (month != 0) out += (month < 10 ? "-0" : "-") + std::to_string(month);
  return out;
}

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
  if (text.size() == 10) {
    const auto d = Date::parse(text);
    if (!d) return std::nullopt;
    return PartialDate{d->year, d->month, d->day};
  }
  PartialDate p;
  if (text.size() == 7 && text[4] == '-') {
    p.month = number(text.substr(5));
    if (p.month < 1 || p.month > 12) return std::nullopt;
    text = text.substr(0, 4);
  }
  if (text.size() != 4) return std::nullopt;
  p.year = number(text);
  if (p.year < 1000) return std::nullopt;
  return p;
}

std::string_view action_name(Action action) {
  return kActionNames[static_cast<std::size_t>(action)];
}

std::string issued_document(std::string_view item) {
  const std::string folded = text::fold(item);
  const std::string suffix = text::fold("核发");
  if (!folded.ends_with(suffix)) return {};
  std::string stem = folded.substr(0, folded.size() - suffix.size());
  for (const std::string_view document : {"证", "证书", "书", "照"}) {
    if (stem.ends_with(text::fold(document))) return stem;
  }
  return {};
}

bool Catalogs::load(const YamlFile& file) {
  const std::size_t reported = file.problems->size();
  const auto root = config::load(file);
  if (!root) return false;
  if (!root->IsMap()) {
    file.report(*root, "config.wrong-type", {{"key", "catalog"}, {"expected", "mapping"}});
    return false;
  }
  check_keys(file, *root, {"title", "partial", "note", "entries"});
  get_string(file, *root, "title");
  get_bool(file, *root, "partial");
  get_string(file, *root, "note");
  const YAML::Node list = get(*root, "entries");
  if (!list.IsDefined() || list.IsNull()) {
    file.report(*root, "catalog.no-entries");
    return false;
  }
  if (!list.IsSequence()) {
    file.report(list, "config.wrong-type", {{"key", "entries"}, {"expected", "list"}});
    return false;
  }
  files.push_back(file.source->name());
  for (const YAML::Node& node : list) {
    if (!node.IsMap()) {
      file.report(node, "config.wrong-type", {{"key", "entries"}, {"expected", "mapping"}});
      continue;
    }
    check_keys(file, node,
               {"item", "agency", "basis", "decision", "decision_title", "date", "action",
                "action_text", "source", "note"});
    CatalogEntry e;
    e.catalog = file.source->name();
    const auto text = [&](std::string_view key, std::string& out) {
      if (auto v = get_string(file, node, key)) out = *v;
    };
    text("item", e.item);
    text("agency", e.agency);
    text("basis", e.basis);
    text("decision", e.decision);
    text("decision_title", e.decision_title);
    text("action_text", e.action_text);
    text("source", e.source);
    text("note", e.note);
    if (text::fold(e.item).empty()) {
      file.report(node, "catalog.missing-item");
      continue;
    }
    if (auto date = get_string(file, node, "date"); date && !date->empty()) {
      if (auto d = PartialDate::parse(*date)) {
        e.date = *d;
      } else {
        file.report(get(node, "date"), "catalog.invalid-date", {{"value", *date}});
        continue;
      }
    }
    if (auto action = get_string(file, node, "action"); action && !action->empty()) {
      if (auto a = parse_action(*action)) {
        e.action = *a;
      } else {
        std::vector<Arg> args{{"value", *action}};
        const std::vector<std::string> names(std::begin(kActionNames) + 1, std::end(kActionNames));
        if (auto s = text::suggest(*action, names)) args.push_back({"suggestion", *s});
        file.report(get(node, "action"), "catalog.invalid-action", std::move(args));
        continue;
      }
    }
    entries.push_back(std::move(e));
  }
  return file.problems->size() == reported;
}

void Catalogs::build() {
  matcher_ = text::Matcher();
  names_.clear();
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto entry = static_cast<std::uint32_t>(k);
    matcher_.add(entries[k].item, static_cast<std::uint32_t>(names_.size()));
    names_.push_back({entry, false});
    const std::string document = issued_document(entries[k].item);
    if (!document.empty()) {
      matcher_.add(document, static_cast<std::uint32_t>(names_.size()));
      names_.push_back({entry, true});
    }
  }
  matcher_.build();
}

}  // namespace guidelint::config
