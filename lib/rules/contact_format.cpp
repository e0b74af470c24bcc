// contact-format: a phone element holds a number one can dial (an area code and a 7- or 8-digit
// number, a mobile number, a service hotline such as 12345 or 95xxx); office hours name both the
// days and the times; an address says more than a city or a centre's name.
#include <algorithm>
#include <array>

#include "rules/catalog_scan.hpp"
#include "rules/format_scan.hpp"

namespace guidelint::rules {
namespace {

using scan::Char;

// Regions whose numbering plans are known.
constexpr std::array<std::string_view, 4> kRegions = {"mainland", "hk", "mo", "tw"};
enum Region : std::uint8_t { mainland, hk, mo, tw };

// What a number is, best first.
enum class Verdict : std::uint8_t { ok, no_area_code, foreign, bad_area_code, wrong };

// A run of digits as written: "0371", "1234", "5678" in "(0371) 1234-5678".
struct Group {
  std::string digits;
  std::size_t first = 0;  // chars [first, last)
  std::size_t last = 0;
  char32_t joined_by = 0;  // the separator before it ('-', ' ', '('); 0 for a run's first group
  bool extension = false;  // after 转 / 分机 / ext
};

// A number read from a run of groups.
struct Dialled {
  Verdict verdict = Verdict::wrong;
  Region region = mainland;
  std::size_t next = 0;  // the group after its last
  int digits = 0;        // without the country code
  bool area_code = false;
};

struct Settings {
  std::vector<std::string> phone_elements;
  std::vector<std::string> hours_elements;
  std::vector<std::string> place_elements;
  std::vector<Region> regions;
  std::vector<std::string> hotlines;  // digits, 'x' for any digit
  std::uint64_t hotline_lengths = 0;  // bit n: a hotline is n digits long (63: 63 or more)
  std::vector<std::u32string> ignore_before;
  std::vector<std::u32string> extension_words;
  scan::Phrases alternatives;
  scan::Phrases day_words;
  scan::Phrases time_words;
  scan::Phrases address_words;
  scan::Phrases not_address;
  scan::Phrases online;
};

bool digit_at(const std::string& d, std::size_t k, std::string_view set) {
  return k < d.size() && set.find(d[k]) != std::string_view::npos;
}

class ContactFormat final : public Rule {
 public:
  explicit ContactFormat(Settings s) : s_(std::move(s)) {}

  void check(const Context& context, const Reporter& reporter) const override {
    static thread_local Buffers b;
    for (const Element& e : context.guide.elements) {
      if (e.id.empty()) continue;
      const bool phone = listed(s_.phone_elements, e.id);
      const bool hours = listed(s_.hours_elements, e.id);
      const bool place = listed(s_.place_elements, e.id);
      if ((!phone && !hours && !place) || e.blank()) continue;
      scan::chars(e.text, b.chars);
      if (phone) check_phone(context, reporter, e, b);
      if (hours) check_hours(context, reporter, e, b.chars);
      if (place) check_place(context, reporter, e, b);
    }
  }

 private:
  // Memory kept from element to element and, one per thread, from guide to guide.
  struct Buffers {
    std::vector<Char> chars;  // the element's text
    std::vector<Group> run;
    std::vector<scan::Phrases::Hit> masked;
  };

  // ── Phones ────────────────────────────────────────────────────────────────────────────────

  void check_phone(const Context& context, const Reporter& reporter, const Element& e,
                   Buffers& b) const {
    const std::vector<Char>& s = b.chars;
    bool any = false;
    bool area_code_seen = false;
    runs(s, b.run, [&](const std::vector<Group>& run) {
      for (std::size_t p = 0; p < run.size();) {
        Dialled d = read(run, p);
        if (d.next <= p) d.next = p + 1;
        any = true;
        if (d.verdict == Verdict::no_area_code && area_code_seen) d.verdict = Verdict::ok;
        area_code_seen = area_code_seen || d.area_code;
        if (d.verdict != Verdict::ok)
          report_number(context, reporter, e, d, s[start_of(s, run[p])].begin,
                        s[run[d.next - 1].last - 1].end);
        p = d.next;
      }
    });
    if (any) return;
    // "咨询方式：网上咨询" may be all there is; "咨询电话：网上咨询" is a phone element without
    // one.
    const std::string label = label_of(context, e);
    if (text::fold(label).find("电话") == std::string::npos && s_.alternatives.any(s)) {
      reporter.review("contact-format.phone-elsewhere", {{"label", label}}, e.value_span(), e.id);
    } else {
      reporter.report("contact-format.phone-missing", {{"label", label}}, e.value_span(), e.id);
    }
  }

  // A number that is not ok: bytes [begin, end) of the element's text.
  static void report_number(const Context& context, const Reporter& reporter, const Element& e,
                            const Dialled& d, std::uint32_t begin, std::uint32_t end) {
    const Span span = e.source_span(begin, end);
    std::string label = label_of(context, e);
    std::string number = e.text.substr(begin, end - begin);
    switch (d.verdict) {
      case Verdict::ok:
        break;
      case Verdict::no_area_code:
        reporter.review("contact-format.phone-no-area-code",
                        {{"label", std::move(label)}, {"number", std::move(number)}}, span, e.id);
        break;
      case Verdict::foreign:
        reporter.review("contact-format.phone-region",
                        {{"label", std::move(label)},
                         {"number", std::move(number)},
                         {"region", std::string(kRegions[static_cast<std::size_t>(d.region)])}},
                        span, e.id);
        break;
      case Verdict::bad_area_code:
        reporter.report("contact-format.phone-area-code",
                        {{"label", std::move(label)}, {"number", std::move(number)}}, span, e.id);
        break;
      case Verdict::wrong:
        reporter.report("contact-format.phone-length",
                        {{"label", std::move(label)},
                         {"number", std::move(number)},
                         {"digits", static_cast<std::int64_t>(d.digits)}},
                        span, e.id);
        break;
    }
  }

  // Where a number's text starts: its first digit, or the '(' or '+' just before it.
  static std::size_t start_of(const std::vector<Char>& s, const Group& g) {
    if (g.first > 0 && (s[g.first - 1].c == '(' || s[g.first - 1].c == '+')) return g.first - 1;
    return g.first;
  }

  bool preceded_by(const std::vector<Char>& s, std::size_t i,
                   const std::vector<std::u32string>& phrases) const {
    // Phrases are not empty; most end otherwise than the character before i.
    const std::size_t last = scan::previous_kept(s, i);
    if (last == std::string::npos) return false;
    for (const std::u32string& p : phrases) {
      if (p.back() != s[last].c) continue;
      std::size_t k = last;
      std::size_t m = p.size() - 1;
      while (m > 0) {
        const std::size_t prev = scan::previous_kept(s, k);
        if (prev == std::string::npos || s[prev].c != p[m - 1]) break;
        k = prev;
        --m;
      }
      if (m == 0) return true;
    }
    return false;
  }

  // Runs of digit groups that may be phone numbers, each given to `each` in order: digits joined
  // by '-', spaces and brackets, with an extension after 转 / 分机. Digits inside web addresses,
  // e-mail addresses, dates, postal codes and amounts are not numbers to dial.
  template <typename Each>
  void runs(const std::vector<Char>& s, std::vector<Group>& run, Each&& each) const {
    const auto is_sep = [&](std::size_t k) {
      return k < s.size() && s[k].gap &&
             (s[k].c == '-' || s[k].c == ' ' || s[k].c == '(' || s[k].c == ')');
    };
    for (std::size_t i = 0; i < s.size();) {
      if (!scan::is_digit(s[i])) {
        ++i;
        continue;
      }
      run.clear();
      std::size_t k = i;
      // '(' or '+' before the first group: "(0371)", "(853)", "+86"
      char32_t joined = i > 0 && (s[i - 1].c == '(' || s[i - 1].c == '+') ? s[i - 1].c : 0;
      bool extension = false;
      while (true) {
        Group g;
        g.first = k;
        g.joined_by = joined;
        g.extension = extension;
        while (k < s.size() && scan::is_digit(s[k]))
          ++k;
        g.digits.resize(k - g.first);
        for (std::size_t d = g.first; d < k; ++d)
          g.digits[d - g.first] = static_cast<char>(s[d].c);
        g.last = k;
        run.push_back(std::move(g));
        // separators, at most three ("0371) - 1234")
        std::size_t j = k;
        joined = 0;
        while (is_sep(j) && j - k < 3) {
          if (joined != '-') joined = s[j].c;
          ++j;
        }
        if (j > k && j < s.size() && scan::is_digit(s[j])) {
          extension = false;
          k = j;
          continue;
        }
        // 转 8001, 分机 8001, ext. 8001
        std::size_t x = std::string::npos;
        const std::size_t after = scan::next_kept(s, k);
        for (const std::u32string& w : s_.extension_words) {
          x = scan::match_at(s, after, w);
          if (x != std::string::npos) break;
        }
        if (x != std::string::npos) {
          const std::size_t digit = scan::next_kept(s, x);
          if (digit < s.size() && scan::is_digit(s[digit]) && digit - x <= 2) {
            joined = 0;
            extension = true;
            k = digit;
            continue;
          }
        }
        break;
      }
      const std::size_t first = run.front().first;
      const std::size_t last = run.back().last;
      i = last;
      if (dialable(s, first, last, run)) each(run);
    }
  }

  bool dialable(const std::vector<Char>& s, std::size_t first, std::size_t last,
                const std::vector<Group>& run) const {
    // In a web or e-mail address, a code or a time: letters or marks right beside the digits.
    // "电话:0371…" is a number; "http://…/2020", "tel:", "9:00" are not.
    const std::size_t begin =
        run.front().joined_by == '(' || run.front().joined_by == '+' ? first - 1 : first;
    if (begin > 0) {
      const Char& b = s[begin - 1];
      if (!b.gap && scan::is_ascii_letter(b.c)) return false;
      if (b.gap && std::u32string_view(U"/@_=&?%#.").find(b.c) != std::u32string_view::npos) {
        return false;
      }
      if (b.gap && b.c == ':' && begin >= 2 &&
          (scan::is_ascii_letter(s[begin - 2].c) || scan::is_digit(s[begin - 2]))) {
        return false;
      }
    }
    if (last < s.size()) {
      const Char& a = s[last];
      if (!a.gap &&
          (scan::is_ascii_letter(a.c) ||
           std::u32string_view(U"年月日号室楼层路元个次位人天时分秒条款项期届米平万亿").find(a.c) !=
               std::u32string_view::npos)) {
        return false;
      }
      if (a.gap && a.c == '@') return false;
      const bool letter_next = last + 1 < s.size() && scan::is_ascii_letter(s[last + 1].c);
      if (a.gap && (a.c == '/' || a.c == '_' || a.c == '.' || a.c == '%') && letter_next) {
        return false;
      }
      if (a.gap && a.c == ':' && last + 2 < s.size() && scan::is_digit(s[last + 1]) &&
          scan::is_digit(s[last + 2])) {
        return false;  // a time, 9:00
      }
    }
    // A date: 2024-01-01.
    if (run.size() >= 2 && run.size() <= 3 && run[0].digits.size() == 4 &&
        (run[0].digits.starts_with("19") || run[0].digits.starts_with("20")) &&
        std::all_of(run.begin() + 1, run.end(),
                    [](const Group& g) { return g.digits.size() <= 2; })) {
      return false;
    }
    if (preceded_by(s, first, s_.ignore_before)) return false;
    std::size_t digits = 0;
    for (const Group& g : run)
      digits += g.digits.size();
    if (digits >= 5) return true;
    return run.size() == 1 && hotline(run[0].digits);
  }

  bool hotline(std::string_view d) const {
    // Most numbers are as long as no hotline: ruled out by their length.
    if ((s_.hotline_lengths >> std::min<std::size_t>(d.size(), 63) & 1) == 0) return false;
    return std::any_of(s_.hotlines.begin(), s_.hotlines.end(), [&](const std::string& h) {
      if (h.size() != d.size()) return false;
      for (std::size_t k = 0; k < h.size(); ++k) {
        if (h[k] != 'x' && h[k] != 'X' && h[k] != d[k]) return false;
      }
      return true;
    });
  }

  // Digits of groups p, p+1, … taken while fewer than `want`; the group after them.
  static std::pair<std::string, std::size_t> take(const std::vector<Group>& run, std::size_t p,
                                                  std::size_t want, std::string head = {}) {
    std::string d = std::move(head);
    if (d.empty() && p < run.size()) d = run[p++].digits;
    while (d.size() < want && p < run.size() && !run[p].extension)
      d += run[p++].digits;
    return {d, p};
  }

  // An extension after a complete number: "-8001" or "转8001".
  static std::size_t extension(const std::vector<Group>& run, std::size_t p) {
    if (p < run.size() && run[p].digits.size() <= 5 &&
        (run[p].extension || run[p].joined_by == '-')) {
      return p + 1;
    }
    return p;
  }

  Dialled read(const std::vector<Group>& run, std::size_t p) const {
    // A country code: +86, (852), 00853.
    const std::string& first = run[p].digits;
    std::string code;
    std::string rest;
    const std::size_t after = p + 1;
    const bool marked = run[p].joined_by == '(' || run[p].joined_by == '+';
    for (const std::string_view cc : {"852", "853", "886", "86"}) {
      if (first == cc && marked) {
        code = cc;
        break;
      }
      if (first.starts_with("00") && first.substr(2).starts_with(cc)) {
        code = cc;
        rest = first.substr(2 + cc.size());
        break;
      }
      if (first.size() > cc.size() && first.starts_with(cc) && run[p].joined_by == '+') {
        code = cc;
        rest = first.substr(cc.size());
        break;
      }
    }
    if (!code.empty()) {
      if (rest.empty() && after >= run.size()) return {Verdict::wrong, mainland, after, 0, false};
      const Region region = code == "852" ? hk : code == "853" ? mo : code == "886" ? tw : mainland;
      Dialled d = after_country_code(run, after, rest, region);
      if (std::find(s_.regions.begin(), s_.regions.end(), region) == s_.regions.end() &&
          d.verdict == Verdict::ok) {
        d.verdict = Verdict::foreign;
      }
      d.region = region;
      return d;
    }
    Dialled best;
    bool have = false;
    for (const Region r : s_.regions) {
      Dialled d = in_region(run, p, r);
      d.region = r;
      if (!have || d.verdict < best.verdict) best = d;
      have = true;
    }
    return best;
  }

  // The number after a country code: from group p, or from `head` (what followed the code in its
  // own group, "+8613812345678") and then group p.
  Dialled after_country_code(const std::vector<Group>& run, std::size_t p, const std::string& head,
                             Region region) const {
    Dialled d;
    d.area_code = true;
    switch (region) {
      case mainland: {
        auto [digits, next] = take(run, p, 11, head);
        if (digits.starts_with("1") && digits.size() == 11 && digit_at(digits, 1, "3456789")) {
          return {Verdict::ok, region, extension(run, next), 11, true};
        }
        // +86 10 1234 5678: the area code without its 0.
        std::vector<Group> local(run.begin() + static_cast<std::ptrdiff_t>(p), run.end());
        if (!head.empty()) local.insert(local.begin(), Group{head, 0, 0, 0, false});
        if (local.empty()) return {Verdict::wrong, region, p, 0, true};
        local.front().digits.insert(0, "0");
        local.front().joined_by = 0;
        Dialled m = in_region(local, 0, mainland);
        m.next += head.empty() ? p : p - 1;
        return m;
      }
      case hk:
      case mo: {
        auto [digits, next] = take(run, p, 8, head);
        const bool ok = digits.size() == 8 && digit_at(digits, 0, region == hk ? "235679" : "268");
        return {ok ? Verdict::ok : Verdict::wrong, region, extension(run, next),
                static_cast<int>(digits.size()), true};
      }
      case tw: {
        auto [digits, next] = take(run, p, 8, head);
        const bool ok = digits.size() == 8 || digits.size() == 9;
        return {ok ? Verdict::ok : Verdict::wrong, region, extension(run, next),
                static_cast<int>(digits.size()), true};
      }
    }
    return d;
  }

  Dialled in_region(const std::vector<Group>& run, std::size_t p, Region region) const {
    const std::string& first = run[p].digits;
    const auto done = [&](Verdict v, std::size_t next, std::size_t digits, bool area) {
      return Dialled{v, region, extension(run, next), static_cast<int>(digits), area};
    };
    if (hotline(first)) return done(Verdict::ok, p + 1, first.size(), false);
    switch (region) {
      case mainland: {
        if (first.starts_with("0")) {
          if ((first.size() == 3 || first.size() == 4) && p + 1 < run.size() &&
              !run[p + 1].extension) {
            // (0371) 1234 5678: the area code, then the local number in one or two groups.
            auto [local, next] = take(run, p + 1, 7);
            // Area codes: 010 and 02x before 8 digits, 0 and three digits before 7 or 8.
            const bool area =
                first.size() == 3 ? digit_at(first, 1, "12") : digit_at(first, 1, "3456789");
            const bool length =
                hotline(local) || (digit_at(local, 0, "123456789") &&
                                   (local.size() == 8 || (first.size() == 4 && local.size() == 7)));
            const Verdict v = !length ? Verdict::wrong
                              : area  ? Verdict::ok
                                      : Verdict::bad_area_code;
            return done(v, next, first.size() + local.size(), true);
          }
          // 03981234567: one group, the area code's length from its second digit.
          const std::size_t area = digit_at(first, 1, "12") ? 3 : 4;
          const std::size_t local = first.size() > area ? first.size() - area : 0;
          const bool length =
              (local == 8 || (local == 7 && area == 4)) && digit_at(first, area, "123456789");
          const Verdict v = !length                   ? Verdict::wrong
                            : digit_at(first, 1, "0") ? Verdict::bad_area_code
                                                      : Verdict::ok;
          return done(v, p + 1, first.size(), true);
        }
        if (first.starts_with("1")) {
          auto [digits, next] = take(run, p, 11);
          const bool ok = digits.size() == 11 && digit_at(digits, 1, "3456789");
          return done(ok ? Verdict::ok : Verdict::wrong, next, digits.size(), false);
        }
        if (first.starts_with("400") || first.starts_with("800")) {
          auto [digits, next] = take(run, p, 10);
          return done(hotline(digits) ? Verdict::ok : Verdict::wrong, next, digits.size(), false);
        }
        auto [digits, next] = take(run, p, 7);
        if (hotline(digits)) return done(Verdict::ok, next, digits.size(), false);
        if (digits.size() == 7 || digits.size() == 8) {
          return done(Verdict::no_area_code, next, digits.size(), false);
        }
        return done(Verdict::wrong, next, digits.size(), false);
      }
      case hk:
      case mo: {
        auto [digits, next] = take(run, p, 8);
        const bool ok = digits.size() == 8 && digit_at(digits, 0, region == hk ? "235679" : "268");
        return done(ok ? Verdict::ok : Verdict::wrong, next, digits.size(), false);
      }
      case tw: {
        if (first.starts_with("09")) {
          auto [digits, next] = take(run, p, 10);
          return done(digits.size() == 10 ? Verdict::ok : Verdict::wrong, next, digits.size(),
                      false);
        }
        if (first.starts_with("0") && digit_at(first, 1, "2345678")) {
          if (first.size() <= 4 && p + 1 < run.size() && !run[p + 1].extension) {
            auto [local, next] = take(run, p + 1, 7);
            const bool ok = local.size() >= 5 && local.size() <= 8 &&
                            first.size() + local.size() >= 9 && first.size() + local.size() <= 10;
            return done(ok ? Verdict::ok : Verdict::wrong, next, first.size() + local.size(), true);
          }
          const bool ok = first.size() == 9 || first.size() == 10;
          return done(ok ? Verdict::ok : Verdict::wrong, p + 1, first.size(), true);
        }
        auto [digits, next] = take(run, p, 7);
        return done(Verdict::wrong, next, digits.size(), false);
      }
    }
    return done(Verdict::wrong, p + 1, first.size(), false);
  }

  // ── Hours ─────────────────────────────────────────────────────────────────────────────────

  void check_hours(const Context& context, const Reporter& reporter, const Element& e,
                   const std::vector<Char>& s) const {
    const bool days = s_.day_words.any(s);
    const bool times = s_.time_words.any(s) || names_a_time(s);
    if (days && times) return;
    const char* id = days    ? "contact-format.hours-no-times"
                     : times ? "contact-format.hours-no-days"
                             : "contact-format.hours-vague";
    reporter.report(id, {{"label", label_of(context, e)}}, e.value_span(), e.id, Severity::warning);
  }

  // 9:00, 9：00, 8.30, 9时, 九点.
  static bool names_a_time(const std::vector<Char>& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto n = scan::number_at(s, i);
      if (!n) continue;
      const std::size_t k = n->last;
      if (k + 2 < s.size() && scan::is_digit(s[n->first]) && n->digits.size() <= 2 && s[k].gap &&
          s[k].c == ':' && scan::is_digit(s[k + 1]) && scan::is_digit(s[k + 2])) {
        return true;
      }
      // 8.30 reads as one number with a decimal point
      if (scan::is_digit(s[n->first]) && n->digits.size() == 5 && n->digits[2] == '.' &&
          n->value < 24) {
        return true;
      }
      if (scan::is_digit(s[n->first]) && n->digits.size() == 4 && n->digits[1] == '.' &&
          n->value < 10) {
        return true;
      }
      if (k < s.size() && !s[k].gap && (s[k].c == U'时' || s[k].c == U'点') && n->value <= 24) {
        return true;
      }
      i = n->last - 1;
    }
    return false;
  }

  // ── Places ────────────────────────────────────────────────────────────────────────────────

  void check_place(const Context& context, const Reporter& reporter, const Element& e,
                   Buffers& b) const {
    if (s_.online.any(b.chars)) return;
    s_.not_address.find(b.chars, b.masked);
    const std::vector<scan::Phrases::Hit>& masked = b.masked;
    std::size_t m = 0;  // both in order
    // Vague unless a word of an address is there, outside the words that are not one.
    const bool vague = s_.address_words.each(b.chars, [&](const scan::Phrases::Hit& h) {
      while (m < masked.size() && masked[m].end <= h.begin)
        ++m;
      return m < masked.size() && h.begin >= masked[m].begin && h.end <= masked[m].end;
    });
    if (!vague) return;
    reporter.report("contact-format.place-vague", {{"label", label_of(context, e)}}, e.value_span(),
                    e.id, Severity::warning);
  }

  Settings s_;
};

}  // namespace

RuleType contact_format_type() {
  return RuleType{
      "contact-format",
      "咨询和投诉电话应为可拨打的号码，办理时间应写明日期和时段，办理地点应写明具体地址",
      {"phone_elements", "hours_elements", "place_elements", "regions", "hotlines",
       "extension_words", "ignore_before", "alternatives", "day_words", "time_words",
       "address_words", "not_address", "online"},
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
        take(scan::elements_option(setup, "phone_elements", {"phone", "complaint_phone"}),
             s.phone_elements);
        take(scan::elements_option(setup, "hours_elements", {"hours"}), s.hours_elements);
        take(scan::elements_option(setup, "place_elements", {"place"}), s.place_elements);

        std::vector<std::string> regions;
        take(scan::strings_option(setup, "regions", {"mainland"}), regions);
        const YAML::Node regions_node = config::get(setup.options, "regions");
        for (std::size_t k = 0; k < regions.size(); ++k) {
          const auto at = std::find(kRegions.begin(), kRegions.end(), regions[k]);
          if (at == kRegions.end()) {
            setup.file.report(regions_node.IsSequence() ? regions_node[k] : regions_node,
                              "config.wrong-type",
                              {{"key", "regions"}, {"expected", "mainland, hk, mo, tw"}});
            ok = false;
            continue;
          }
          s.regions.push_back(static_cast<Region>(at - kRegions.begin()));
        }
        if (ok && s.regions.empty()) {
          setup.file.report(regions_node, "config.wrong-type",
                            {{"key", "regions"}, {"expected", "mainland, hk, mo, tw"}});
          ok = false;
        }

        take(scan::strings_option(setup, "hotlines",
                                  {// government service hotlines (123xx: 12345 政务服务便民热线,
                                   // 12315, 12333, 12348, 12366, 12367 …), weather, traffic police
                                   "123xx", "12110", "12117", "12121", "12122", "12123",
                                   // enterprise and bank service numbers, local service numbers
                                   "95xxx", "95xxxx", "96xxx", "96xxxx",
                                   // toll-free numbers
                                   "400xxxxxxx", "800xxxxxxx",
                                   // carriers and emergency numbers
                                   "10000", "10010", "10086", "110", "119", "120", "122"}),
             s.hotlines);
        for (const std::string& h : s.hotlines) {
          s.hotline_lengths |= std::uint64_t{1} << std::min<std::size_t>(h.size(), 63);
          if (h.empty() || h.find_first_not_of("0123456789xX") != std::string::npos) {
            setup.file.report(config::get(setup.options, "hotlines"), "config.wrong-type",
                              {{"key", "hotlines"}, {"expected", "digits and x"}});
            ok = false;
            break;
          }
        }

        std::vector<std::string> list;
        const auto folded = [](const std::vector<std::string>& in) {
          std::vector<std::u32string> out;
          for (const std::string& p : in) {
            if (std::u32string f = scan::fold32(p); !f.empty()) out.push_back(std::move(f));
          }
          std::stable_sort(out.begin(), out.end(),
                           [](const auto& a, const auto& b) { return a.size() > b.size(); });
          return out;
        };
        take(scan::strings_option(setup, "extension_words", {"转", "分机", "ext", "x"}), list);
        s.extension_words = folded(list);
        take(scan::strings_option(setup, "ignore_before",
                                  {"邮编", "邮政编码", "qq", "qq群", "微信", "邮箱", "信箱", "编码",
                                   "代码", "账号", "帐号", "编号", "传真号码前缀"}),
             list);
        s.ignore_before = folded(list);
        take(scan::strings_option(
                 setup, "alternatives",
                 {"http", "www", "@", "网上咨询", "在线咨询", "网站", "网址", "邮箱", "电子邮件",
                  "微信", "公众号", "留言", "信箱", "窗口咨询", "现场咨询", "app", "小程序"}),
             list);
        s.alternatives = scan::Phrases(list);
        take(scan::strings_option(
                 setup, "day_words",
                 {"工作日", "周一",   "周二",   "周三",   "周四",   "周五",   "周六",   "周日",
                  "周末",   "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日",
                  "星期天", "礼拜",   "每天",   "每日",   "全天",   "全年",   "节假日", "假日",
                  "假期",   "双休日", "公休日", "休息日", "24小时"}),
             list);
        s.day_words = scan::Phrases(list);
        take(scan::strings_option(
                 setup, "time_words",
                 {"上午", "下午", "中午", "早上", "晚上", "全天", "24小时", "全天候"}),
             list);
        s.time_words = scan::Phrases(list);
        take(scan::strings_option(
                 setup, "address_words",
                 {"路", "街", "大道", "巷",   "弄",   "胡同", "号",   "楼",     "层",   "室",
                  "座", "栋", "幢",   "单元", "大厦", "窗口", "大厅", "服务厅", "大堂", "柜台"}),
             list);
        s.address_words = scan::Phrases(list);
        take(scan::strings_option(setup, "not_address", {"街道办事处", "街道办", "街道"}), list);
        s.not_address = scan::Phrases(list);
        take(scan::strings_option(setup, "online",
                                  {"网上办理", "全程网办", "网上申请", "在线办理", "网上受理",
                                   "不见面审批", "无需到现场", "邮寄办理"}),
             list);
        s.online = scan::Phrases(list);
        if (!ok) return nullptr;
        return std::make_unique<ContactFormat>(std::move(s));
      }};
}

}  // namespace guidelint::rules
