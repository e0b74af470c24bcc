// Catalogs: entries of State Council decisions and registration lists, loaded from YAML.
#include "config/catalog.hpp"

#include <algorithm>
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

// An entry's keys that are text as written, and where they go.
constexpr std::pair<std::string_view, std::string CatalogEntry::*> kTextFields[] = {
    {"item", &CatalogEntry::item},
    {"agency", &CatalogEntry::agency},
    {"basis", &CatalogEntry::basis},
    {"decision", &CatalogEntry::decision},
    {"decision_title", &CatalogEntry::decision_title},
    {"action_text", &CatalogEntry::action_text},
    {"source", &CatalogEntry::source},
    {"note", &CatalogEntry::note}};

const std::vector<std::string>& entry_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& [key, field] : kTextFields)
      out.emplace_back(key);
    out.emplace_back("date");
    out.emplace_back("action");
    return out;
  }();
  return keys;
}

const std::vector<std::string>& catalog_keys() {
  static const std::vector<std::string> keys{"title", "partial", "note", "entries"};
  return keys;
}

// What makes an entry unusable once its text fields are read.
enum class EntryProblem { none, missing_item, invalid_date, invalid_action };

// Checks an entry's item, then reads its date and action (absent or empty: not known) into it,
// each asked of `read(key)` only when what comes before it is usable; `date` and `action` keep
// them as written.
template <typename Read>
EntryProblem complete(CatalogEntry& e, Read&& read, std::optional<std::string>& date,
                      std::optional<std::string>& action) {
  if (text::fold(e.item).empty()) return EntryProblem::missing_item;
  date = read("date");
  if (date && !date->empty()) {
    const auto d = PartialDate::parse(*date);
    if (!d) return EntryProblem::invalid_date;
    e.date = *d;
  }
  action = read("action");
  if (action && !action->empty()) {
    const auto a = parse_action(*action);
    if (!a) return EntryProblem::invalid_action;
    e.action = *a;
  }
  return EntryProblem::none;
}

// A catalog as the bundled ones are written, read straight from read_plain's events without
// building YAML nodes (which cost more than all the rest of loading): a mapping of known keys,
// its `entries` a list of mappings of known keys to one-line text, no anchors. Anything else it
// declines, and the nodes are read as before, to report what is wrong where it is.
class PlainCatalog : public YAML::EventHandler {
 public:
  struct Entry {
    CatalogEntry entry;
    std::optional<std::string> date;
    std::optional<std::string> action;
  };
  std::vector<Entry> entries;
  std::uint64_t nodes = 0;

  bool read(std::string_view text) { return read_plain(text, *this) && state_ == State::done; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { value(anchor, nullptr); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { state_ = State::declined; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string& text) override {
    if (anchor != YAML::NullAnchor) {
      state_ = State::declined;
    } else if (state_ == State::root_key) {
      root_key(text);
    } else if (state_ == State::entry_key) {
      entry_key(text);
    } else {
      value(anchor, &text);
    }
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    ++nodes;
    state_ = state_ == State::root_value && key_ == kEntries && anchor == YAML::NullAnchor
                 ? State::entry_list
                 : State::declined;
  }
  void OnSequenceEnd() override {
    state_ = state_ == State::entry_list ? State::root_key : State::declined;
  }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    ++nodes;
    if (anchor != YAML::NullAnchor) {
      state_ = State::declined;
    } else if (state_ == State::start) {
      state_ = State::root_key;
    } else if (state_ == State::entry_list) {
      entries.emplace_back();
      seen_ = 0;
      state_ = State::entry_key;
    } else {
      state_ = State::declined;
    }
  }
  void OnMapEnd() override {
    if (state_ == State::entry_key) {
      state_ = State::entry_list;
    } else {
      // Without `entries` the catalog has a problem to report.
      const bool listed = (root_seen_ >> kEntries & 1) != 0;
      state_ = state_ == State::root_key && listed ? State::done : State::declined;
    }
  }

 private:
  enum class State {
    start,
    root_key,
    root_value,
    entry_list,
    entry_key,
    entry_value,
    done,
    declined
  };
  static constexpr std::size_t kEntries = 3;  // catalog_keys()[3]
  static constexpr std::size_t kPartial = 1;

  void root_key(const std::string& text) {
    ++nodes;
    key_ = claim_key(catalog_keys(), text, root_seen_);
    state_ = key_ == catalog_keys().size() ? State::declined : State::root_value;
  }
  void entry_key(const std::string& text) {
    ++nodes;
    key_ = claim_key(entry_keys(), text, seen_);
    state_ = key_ == entry_keys().size() ? State::declined : State::entry_value;
  }
  // A scalar value, or a null one (`text` null).
  void value(YAML::anchor_t anchor, const std::string* text) {
    ++nodes;
    if (anchor != YAML::NullAnchor) {
      state_ = State::declined;
    } else if (state_ == State::root_value) {
      // `entries` must be a list; `partial` is read as yaml-cpp reads a boolean only when plain.
      const bool usable = key_ == kEntries ? false
                          : key_ == kPartial
                              ? text == nullptr || *text == "true" || *text == "false"
                              : true;
      state_ = usable ? State::root_key : State::declined;
    } else if (state_ == State::entry_value) {
      Entry& e = entries.back();
      if (text != nullptr) {
        if (key_ < std::size(kTextFields)) {
          e.entry.*kTextFields[key_].second = *text;
        } else {
          (key_ == std::size(kTextFields) ? e.date : e.action) = *text;
        }
      }
      state_ = State::entry_key;
    } else {
      state_ = State::declined;
    }
  }

  State state_ = State::start;
  std::size_t key_ = 0;
  std::uint32_t root_seen_ = 0;
  std::uint32_t seen_ = 0;
};

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
  if (load_plain(file)) return true;
  const std::size_t reported = file.problems->size();
  const auto root = config::load(file);
  if (!root) return false;
  if (!root->IsMap()) {
    file.report(*root, "config.wrong-type", {{"key", "catalog"}, {"expected", "mapping"}});
    return false;
  }
  check_keys(file, *root, catalog_keys());
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
    check_keys(file, node, entry_keys());
    CatalogEntry e;
    e.catalog = file.source->name();
    for (const auto& [key, field] : kTextFields) {
      if (auto v = get_string(file, node, key)) e.*field = std::move(*v);
    }
    std::optional<std::string> date;
    std::optional<std::string> action;
    const auto read = [&](std::string_view key) { return get_string(file, node, key); };
    switch (complete(e, read, date, action)) {
      case EntryProblem::none:
        entries.push_back(std::move(e));
        break;
      case EntryProblem::missing_item:
        file.report(node, "catalog.missing-item");
        break;
      case EntryProblem::invalid_date:
        file.report(get(node, "date"), "catalog.invalid-date", {{"value", *date}});
        break;
      case EntryProblem::invalid_action: {
        std::vector<Arg> args{{"value", *action}};
        const std::vector<std::string> names(std::begin(kActionNames) + 1, std::end(kActionNames));
        if (auto s = text::suggest(*action, names)) args.push_back({"suggestion", *s});
        file.report(get(node, "action"), "catalog.invalid-action", std::move(args));
        break;
      }
    }
  }
  return file.problems->size() == reported;
}

bool Catalogs::load_plain(const YamlFile& file) {
  if (file.source->decode_error()) return false;
  const std::string_view text = file.source->text();
  PlainCatalog plain;
  if (!plain.read(text)) return false;
  // load() counts a text's nodes against the limit when it may hold aliases.
  if (text.find('*') != std::string_view::npos && plain.nodes > file.max_nodes) return false;
  for (PlainCatalog::Entry& e : plain.entries) {
    std::optional<std::string> date;
    std::optional<std::string> action;
    const auto read = [&](std::string_view key) { return key == "date" ? e.date : e.action; };
    if (complete(e.entry, read, date, action) != EntryProblem::none) return false;
  }
  files.push_back(file.source->name());
  for (PlainCatalog::Entry& e : plain.entries) {
    e.entry.catalog = file.source->name();
    entries.push_back(std::move(e.entry));
  }
  return true;
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
