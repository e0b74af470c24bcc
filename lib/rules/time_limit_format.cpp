// time-limit-format: a time limit states a number and a unit (20个工作日, 三十日, 45 (工作日)) or
// says the item is done at once (即办, 当场办结); "按规定时限办理" does not. A promised limit
// (承诺时限) is not longer than the legal one (法定时限).
#include <algorithm>
#include <array>
#include <span>

#include "rules/catalog_scan.hpp"
#include "rules/format_scan.hpp"

namespace guidelint::rules {
namespace {

enum class Unit : std::uint8_t { immediate, workday, day, week, month, year, hour, minute, second };
constexpr std::array<std::string_view, 9> kUnitNames = {
    "immediate", "workday", "day", "week", "month", "year", "hour", "minute", "second"};

// `none` marks words that hold a marker but are none (法定节假日, 告知承诺).
enum class Role : std::uint8_t { general, legal, promised, extension, none };

// One limit read from an element: a number and a unit, or "at once".
struct Limit {
  Unit unit = Unit::immediate;
  double value = 0;
  std::string number;  // in Arabic digits; empty for immediate
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // the characters in the element's text
  Role role = Role::general;
  bool inferred = false;  // the role was guessed from the other limits of its element
  const Element* element = nullptr;

  // The calendar time the limit can take, in days. A working day is at least a day and, counted
  // over a weekend and a week-long public holiday, at most 1.4 days plus 5; a month 28 to 31 days.
  double low() const {
    switch (unit) {
      case Unit::immediate:
        return 0;
      case Unit::workday:
      case Unit::day:
        return value;
      case Unit::week:
        return value * 7;
      case Unit::month:
        return value * 28;
      case Unit::year:
        return value * 365;
      case Unit::hour:
        return value / 24;
      case Unit::minute:
        return value / 1440;
      case Unit::second:
        return value / 86400;
    }
    return value;
  }
  double high() const {
    switch (unit) {
      case Unit::workday:
        return value * 1.4 + 5;
      case Unit::month:
        return value * 31;
      case Unit::year:
        return value * 366;
      default:
        return low();
    }
  }
};

struct Settings {
  std::vector<std::string> elements;
  std::vector<std::string> legal_elements;
  std::vector<std::string> promised_elements;
  std::vector<std::pair<std::u32string, Unit>> units;  // longest first
  std::vector<std::u32string> counters;                // 个, between a number and its unit
  scan::Phrases immediate;
  scan::Phrases vague;
  scan::Phrases unlimited;
  scan::Phrases markers;  // values: Role
  bool compare = true;
};

class TimeLimitFormat final : public Rule {
 public:
  explicit TimeLimitFormat(Settings s) : s_(std::move(s)) {}

  void check(const Context& context, const Reporter& reporter) const override {
    static thread_local Buffers b;
    std::vector<Limit>& all = b.limits;
    all.clear();
    for (const Element& e : context.guide.elements) {
      if (!listed(s_.elements, e.id) || e.blank()) continue;
      const Role role = listed(s_.legal_elements, e.id)      ? Role::legal
                        : listed(s_.promised_elements, e.id) ? Role::promised
                                                             : Role::general;
      scan::chars(e.text, b.chars);
      const std::size_t before = all.size();
      read(e, role, b, all);
      if (all.size() == before) report_unreadable(context, reporter, e, b.chars);
    }
    if (s_.compare) compare(context, reporter, all);
  }

 private:
  // Memory kept from element to element and, one per thread, from guide to guide.
  struct Buffers {
    std::vector<scan::Char> chars;  // the element's text
    std::vector<scan::Phrases::Hit> hits;
    std::vector<Limit> limits;  // the guide's
  };

  // The element's limits, appended to `all`.
  void read(const Element& e, Role role, Buffers& b, std::vector<Limit>& all) const {
    const std::vector<scan::Char>& s = b.chars;
    const auto first = static_cast<std::ptrdiff_t>(all.size());
    for (std::size_t i = 0; i < s.size();) {
      const auto n = scan::number_at(s, i);
      if (!n) {
        ++i;
        continue;
      }
      i = n->last;
      if (auto limit = unit_after(s, *n)) all.push_back(std::move(*limit));
    }
    s_.immediate.find(s, b.hits);
    for (const auto& h : b.hits) {
      Limit l;
      l.begin = h.begin;
      l.end = h.end;
      all.push_back(l);
    }
    const std::span<Limit> limits(all.begin() + first, all.end());
    std::sort(limits.begin(), limits.end(),
              [](const Limit& a, const Limit& b) { return a.begin < b.begin; });
    // Roles: the last marker (法定, 承诺, 可延长) since the previous limit, else the element's.
    s_.markers.find(s, b.hits);
    const std::vector<scan::Phrases::Hit>& markers = b.hits;
    std::uint32_t previous_end = 0;
    bool has_legal = false;
    bool has_promised = false;
    std::size_t next_marker = 0;  // markers and limits are both in order
    for (Limit& l : limits) {
      l.element = &e;
      l.role = role;
      for (; next_marker < markers.size() && markers[next_marker].end <= l.begin; ++next_marker) {
        const auto& m = markers[next_marker];
        if (m.begin >= previous_end && m.value != static_cast<std::uint32_t>(Role::none))
          l.role = static_cast<Role>(m.value);
      }
      previous_end = l.end;
      has_legal = has_legal || l.role == Role::legal;
      has_promised = has_promised || l.role == Role::promised;
    }
    // "20个工作日（法定时限45个工作日）": an unmarked limit beside a legal one is the promise.
    if (role == Role::general && has_legal != has_promised) {
      for (Limit& l : limits) {
        if (l.role != Role::general) continue;
        l.role = has_legal ? Role::promised : Role::legal;
        l.inferred = true;
      }
    }
  }

  // The unit after a number: spaces and brackets, then 个, then a unit ("45 (工作日)",
  // "20個工作天").
  std::optional<Limit> unit_after(const std::vector<scan::Char>& s, const scan::Number& n) const {
    const auto spacing = [&](std::size_t k) {
      while (
          k < s.size() && s[k].gap &&
          (s[k].c == ' ' || s[k].c == '(' || s[k].c == '[' || s[k].c == 0x3010 || s[k].c == 0x3014))
        ++k;
      return k;
    };
    std::size_t k = spacing(n.last);
    for (const std::u32string& c : s_.counters) {
      const std::size_t end = scan::match_at(s, k, c);
      if (end != std::string::npos) {
        k = spacing(end);
        break;
      }
    }
    for (const auto& [phrase, unit] : s_.units) {
      const std::size_t end = scan::match_at(s, k, phrase);
      if (end == std::string::npos) continue;
      const std::size_t before = scan::previous_kept(s, n.first);
      const char32_t prev = before == std::string::npos ? 0 : s[before].c;
      const std::size_t after = scan::next_kept(s, end);
      // Dates are not limits: 2015年, 3月1日.
      if (unit == Unit::year && n.value >= 100) return std::nullopt;
      if ((unit == Unit::day || unit == Unit::month) && (prev == U'年' || prev == U'月'))
        return std::nullopt;
      if (unit == Unit::month && after < s.size() && scan::is_digit(s[after])) return std::nullopt;
      Limit l;
      l.unit = unit;
      l.value = n.value;
      l.number = n.digits;
      l.begin = s[n.first].begin;
      l.end = s[end - 1].end;
      return l;
    }
    return std::nullopt;
  }

  void report_unreadable(const Context& context, const Reporter& reporter, const Element& e,
                         const std::vector<scan::Char>& s) const {
    const std::string label = label_of(context, e);
    std::optional<scan::Phrases::Hit> vague;  // the first
    s_.vague.each(s, [&](const scan::Phrases::Hit& h) {
      vague = h;
      return false;
    });
    if (vague) {
      const std::string phrase = e.text.substr(vague->begin, vague->end - vague->begin);
      reporter.report("time-limit-format.vague", {{"label", label}, {"phrase", phrase}},
                      e.value_span(), e.id);
      return;
    }
    if (s_.unlimited.any(s)) {
      reporter.review("time-limit-format.unlimited", {{"label", label}}, e.value_span(), e.id);
      return;
    }
    // "服务承诺如下：" — the limits follow in a table the input did not attach to the label.
    std::size_t last = s.size();
    while (last > 0 && s[last - 1].gap && s[last - 1].c == ' ')
      --last;
    if ((last > 0 && s[last - 1].gap && s[last - 1].c == ':') ||
        text::fold(e.text).ends_with("如下")) {
      reporter.review("time-limit-format.follows", {{"label", label}}, e.value_span(), e.id);
      return;
    }
    const std::size_t first = scan::next_kept(s, 0);
    if (const auto n = scan::number_at(s, first);
        n && scan::is_digit(s[first]) && scan::next_kept(s, n->last) == s.size()) {
      reporter.review("time-limit-format.no-unit", {{"label", label}, {"number", n->digits}},
                      e.value_span(), e.id);
      return;
    }
    reporter.report("time-limit-format.missing", {{"label", label}}, e.value_span(), e.id);
  }

  void compare(const Context& context, const Reporter& reporter,
               const std::vector<Limit>& all) const {
    const Limit* legal = nullptr;  // the most lenient legal limit
    for (const Limit& l : all) {
      if (l.role == Role::legal && (legal == nullptr || l.high() > legal->high())) legal = &l;
    }
    if (legal == nullptr) return;
    for (const Limit& p : all) {
      if (p.role != Role::promised || p.unit == Unit::immediate) continue;
      bool longer = false;
      bool maybe = false;
      if (legal->unit == Unit::immediate) {
        longer = true;
      } else if (p.unit == legal->unit) {
        longer = p.value > legal->value;
      } else if (p.low() > legal->high()) {
        longer = true;
      } else {
        maybe = p.high() > legal->low();
      }
      if (!longer && !maybe) continue;
      std::vector<Arg> args{{"label", label_of(context, *p.element)},
                            {"promised", p.number},
                            {"promised_unit", std::string(kUnitNames[static_cast<int>(p.unit)])},
                            {"legal", legal->number},
                            {"legal_unit", std::string(kUnitNames[static_cast<int>(legal->unit)])}};
      const Span span = p.element->source_span(p.begin, p.end);
      if (longer && !p.inferred && !legal->inferred) {
        reporter.report("time-limit-format.promised-longer", std::move(args), span, p.element->id);
      } else {
        reporter.review(longer ? "time-limit-format.promised-longer"
                               : "time-limit-format.promised-maybe-longer",
                        std::move(args), span, p.element->id);
      }
    }
  }

  Settings s_;
};

const std::vector<std::pair<std::string_view, std::vector<std::string>>>& default_units() {
  static const std::vector<std::pair<std::string_view, std::vector<std::string>>> units = {
      {"workday", {"工作日", "工作天", "办公日"}},
      {"day", {"日", "天", "自然日", "日历日"}},
      {"week", {"周", "星期"}},
      {"month", {"月"}},
      {"year", {"年"}},
      {"hour", {"小时", "钟头"}},
      {"minute", {"分钟"}},
      {"second", {"秒", "秒钟"}},
  };
  return units;
}

}  // namespace

RuleType time_limit_format_type() {
  return RuleType{
      "time-limit-format",
      "办理时限应写明数字和单位（如“20个工作日”）或“即办”，承诺时限不得长于法定时限",
      {"elements", "legal_elements", "promised_elements", "units", "counters", "immediate", "vague",
       "unlimited", "legal_markers", "promised_markers", "extension_markers", "not_markers",
       "compare"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        Settings s;
        bool ok = true;
        const auto take = [&](auto&& value, auto& into) {
          if (value) {
            into = std::move(*value);
          } else {
            ok = false;
          }
        };
        take(scan::elements_option(setup, "elements",
                                   {"time_limit", "legal_time_limit", "promised_time_limit"}),
             s.elements);
        take(scan::elements_option(setup, "legal_elements", {"legal_time_limit"}),
             s.legal_elements);
        take(scan::elements_option(setup, "promised_elements", {"promised_time_limit"}),
             s.promised_elements);
        take(scan::bool_option(setup, "compare", true), s.compare);

        // units: {workday: [工作日, 工作天], day: [日, 天], …}; kinds not given have no units.
        std::vector<std::pair<std::string, std::vector<std::string>>> units;
        if (const YAML::Node node = config::get(setup.options, "units"); node.IsDefined()) {
          std::vector<std::string> kinds;
          for (std::size_t k = 1; k < kUnitNames.size(); ++k)
            kinds.emplace_back(kUnitNames[k]);
          if (!node.IsMap()) {
            setup.file.report(node.Mark().pos >= 0 ? node : setup.options, "config.wrong-type",
                              {{"key", "units"}, {"expected", "mapping"}});
            ok = false;
          } else if (!config::check_keys(setup.file, node, kinds)) {
            ok = false;
          } else {
            for (const std::string& kind : kinds) {
              if (!config::get(node, kind).IsDefined()) continue;
              if (auto list = scan::strings_option(Setup{setup.id, node, setup.file, setup.profile,
                                                         setup.catalogs, setup.phrases},
                                                   kind, {})) {
                units.emplace_back(kind, std::move(*list));
              } else {
                ok = false;
              }
            }
          }
        } else {
          for (const auto& [kind, list] : default_units())
            units.emplace_back(std::string(kind), list);
        }
        for (const auto& [kind, list] : units) {
          const auto at = std::find(kUnitNames.begin(), kUnitNames.end(), kind);
          for (const std::string& phrase : list) {
            std::u32string f = scan::fold32(phrase);
            if (!f.empty())
              s.units.emplace_back(std::move(f), static_cast<Unit>(at - kUnitNames.begin()));
          }
        }
        std::stable_sort(s.units.begin(), s.units.end(), [](const auto& a, const auto& b) {
          return a.first.size() > b.first.size();
        });

        std::vector<std::string> counters;
        take(scan::strings_option(setup, "counters", {"个"}), counters);
        for (const std::string& c : counters) {
          if (std::u32string f = scan::fold32(c); !f.empty()) s.counters.push_back(std::move(f));
        }

        std::vector<std::string> list;
        take(scan::strings_option(
                 setup, "immediate",
                 {"即办",     "即时办结", "即时办理", "即时",     "即来即办", "随到随办",
                  "当场办结", "当场办理", "当场发放", "当场出证", "当场作出", "当即办理",
                  "立即办理", "立即",     "立等可取", "现场办结", "当日办结", "当天办结",
                  "当日办理", "当天办理", "实时办结", "即刻"}),
             list);
        s.immediate = scan::Phrases(list);
        take(scan::strings_option(
                 setup, "vague",
                 {"按规定时限", "按照规定时限", "规定时限内",   "规定时间内",   "法定时限内",
                  "法定期限内", "依法定时限",   "按规定",       "按照规定",     "依规定",
                  "按有关规定", "按相关规定",   "按照有关规定", "按照相关规定", "尽快",
                  "及时",       "另行通知",     "视情况",       "根据情况",     "根据实际",
                  "按程序",     "待定"}),
             list);
        s.vague = scan::Phrases(list);
        take(scan::strings_option(setup, "unlimited",
                                  {"没有时限", "无时限", "不限时", "无期限", "不设时限", "没有期限",
                                   "无办理时限", "不受时限"}),
             list);
        s.unlimited = scan::Phrases(list);

        std::vector<std::string> markers;
        std::vector<std::uint32_t> roles;
        for (const auto& [key, role, fallback] :
             {std::tuple{"legal_markers", Role::legal, std::vector<std::string>{"法定"}},
              std::tuple{"promised_markers", Role::promised, std::vector<std::string>{"承诺"}},
              std::tuple{"extension_markers", Role::extension,
                         std::vector<std::string>{"延长", "延期", "顺延"}},
              std::tuple{"not_markers", Role::none,
                         std::vector<std::string>{"法定节假日", "法定假日", "法定假期",
                                                  "法定代表人", "告知承诺", "承诺书", "承诺制"}}}) {
          if (auto given = scan::strings_option(setup, key, fallback)) {
            for (std::string& m : *given) {
              markers.push_back(std::move(m));
              roles.push_back(static_cast<std::uint32_t>(role));
            }
          } else {
            ok = false;
          }
        }
        s.markers = scan::Phrases(std::move(markers), std::move(roles));
        if (!ok) return nullptr;
        return std::make_unique<TimeLimitFormat>(std::move(s));
      }};
}

}  // namespace guidelint::rules
