// thin-content: an element with less in it than a guide needs (per-element minimums of
// characters, list entries and procedure steps), or a procedure that only names generic steps
// (申请-审核-核准-发照) and so says nothing about where or how.
//
// Also home of the entries and steps of an element (rules/content.hpp).
#include <algorithm>
#include <array>

#include "rules/catalog_scan.hpp"
#include "rules/content.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace guidelint::rules {
namespace content {
namespace {

struct Cp {
  char32_t cp;
  std::uint32_t at;
  std::uint32_t next;
};

// The code points of text [begin, end), decoded only as far as they are looked at, a few at a
// time: an enumerator is a few characters long. Their memory is kept from use to use (one per
// thread; one at a time).
class Cps {
 public:
  Cps(std::string_view text, std::uint32_t begin, std::uint32_t end)
      : text_(text), i_(begin), end_(end) {}
  // Is there a code point k?
  bool has(std::size_t k) { return k < size_ || decode(k); }
  // Code point k, 0 past the end.
  char32_t at(std::size_t k) { return has(k) ? cps_[k].cp : 0; }
  // Code point k, looked at already.
  const Cp& operator[](std::size_t k) const { return cps_[k]; }

 private:
  // Decodes up to code point k, and a few more for the looks that follow; whether there is one.
  bool decode(std::size_t k) {
    constexpr std::size_t kAhead = 4;
    // A code point is at least a byte: the rest of the text has no more than its bytes.
    const std::size_t target = std::min(std::max(k + 1, size_ + kAhead), size_ + (end_ - i_));
    if (cps_.size() < target) cps_.resize(std::max(target, 2 * cps_.size()));
    Cp* const out = cps_.data();
    while (size_ < target && i_ < end_) {
      const auto at = static_cast<std::uint32_t>(i_);
      const char32_t c = utf8::next_fast(text_, i_);
      out[size_++] = {c, at, static_cast<std::uint32_t>(i_)};
    }
    return k < size_;
  }

  static std::vector<Cp>& memory() {
    static thread_local std::vector<Cp> cps;
    return cps;
  }

  std::string_view text_;
  std::size_t i_;
  std::size_t end_;
  std::vector<Cp>& cps_ = memory();  // [0, size_) decoded
  std::size_t size_ = 0;
};

bool digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool circled(char32_t c) {
  return (c >= U'①' && c <= U'⑳') || (c >= U'⑴' && c <= U'⒇');
}
bool arrow(char32_t c) {
  return (c >= 0x2190 && c <= 0x21FF) || (c >= 0x27F0 && c <= 0x27FF) ||
         (c >= 0x2900 && c <= 0x297F) || (c >= 0x2B00 && c <= 0x2B2F) ||
         (c >= 0x2794 && c <= 0x27BF) || c == U'＞' || c == U'>';
}
bool dash(char32_t c) {
  return c == U'-' || c == U'—' || c == U'－' || c == U'–' || c == U'―' || c == U'─' || c == U'~' ||
         c == U'～';
}
// Punctuation or a blank before an enumerator: where a new entry may start.
bool boundary(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return false;  // asked of every character: most are ideographs
  switch (c) {
    case 0:
    case U'，':
    case U',':
    case U'。':
    case U'.':
    case U'；':
    case U';':
    case U'：':
    case U':':
    case U'、':
    case U'）':
    case U')':
    case U'】':
    case U']':
      return true;
    default:
      return utf8::is_space(c);
  }
}

// Does an enumerator start at cps[k] ("1.", "2、", "（3）", "一、", "①", "第一步")? Returns its
// length in code points, 0 when none.
// `at(i)` is code point i, 0 past the end.
template <typename At>
std::size_t enumerator(At at, std::size_t k) {
  // Most characters begin none: ideographs other than 第 and the numerals, and plain letters.
  if (const char32_t c = at(k);
      (c >= 0x4E00 && c <= 0x9FFF && c != U'第' && !chinese_numeral(c)) || (c >= U'A' && c <= U'z'))
    return 0;
  if (circled(at(k))) return 1;
  if (at(k) == U'（' || at(k) == U'(') {
    std::size_t j = k + 1;
    while (digit(at(j)) || chinese_numeral(at(j)))
      ++j;
    if (j > k + 1 && j - k <= 4 && (at(j) == U'）' || at(j) == U')')) return j + 1 - k;
    return 0;
  }
  if (at(k) == U'第') {
    std::size_t j = k + 1;
    while (digit(at(j)) || chinese_numeral(at(j)))
      ++j;
    if (j > k + 1 && (at(j) == U'步' || at(j) == U'阶')) return j + 1 - k;
    return 0;
  }
  std::size_t j = k;
  if (digit(at(k))) {
    while (digit(at(j)))
      ++j;
    if (j - k > 2) return 0;
    // 1. and 1、 but not 1.5 or 2.1
    if ((at(j) == U'.' || at(j) == U'．') && !digit(at(j + 1))) return j + 1 - k;
    if (at(j) == U'、' || at(j) == U')' || at(j) == U'）') return j + 1 - k;
    return 0;
  }
  if (chinese_numeral(at(k))) {
    while (chinese_numeral(at(j)))
      ++j;
    if (j - k <= 2 && at(j) == U'、' && (k == 0 || boundary(at(k - 1)))) return j + 1 - k;
  }
  return 0;
}

// The enumerator at byte `at` of text [at, end), `before` being the code point before it (0 when
// none): the byte its last code point ends at; `at` when there is none.
std::uint32_t enumerator_end(std::string_view text, std::uint32_t at, std::uint32_t end,
                             char32_t before) {
  Cps cps(text, at, end);
  const std::size_t n =
      enumerator([&](std::size_t i) { return i == 0 ? before : cps.at(i - 1); }, 1);
  return n == 0 ? at : cps[n - 1].next;
}

// Is the character at p[i] one of U+4000–U+9FFF (nearly every ideograph a guide has), its three
// bytes well formed? None of them splits a list, begins a number or is a blank.
bool ideograph_at(const unsigned char* p, std::size_t n, std::size_t i) {
  return p[i] >= 0xE4 && p[i] <= 0xE9 && i + 2 < n &&
         ((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) < 0x40;
}

// Splits text [begin, end) into trimmed pieces at the code points `split` accepts (the split
// character is dropped) and before enumerators; pieces that fold to nothing are left out. Stops
// once `out` holds `limit` pieces. `split(c, before, after)`: c, the code point before it (0 when
// none) and a function that reads the one after it (0 when none).
template <typename Split>
void split(const Element& e, std::uint32_t begin, std::uint32_t end, Split split_at,
           std::vector<Item>& out, std::size_t limit = SIZE_MAX) {
  if (out.size() >= limit) return;
  const std::string_view text = e.text;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  // The piece being read: its first and last code points but blanks, and the one before its first.
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::uint32_t first = kNone;
  std::uint32_t last_end = 0;
  char32_t before_first = 0;
  char32_t first_cp = 0;
  const auto flush = [&] {
    if (first == kNone) return;
    const std::string_view piece = text.substr(first, last_end - first);
    // An enumerator alone ("1.") is not an entry.
    if (!count_bounded(piece, 0) && (!may_begin_enumerator(first_cp) ||
                                     enumerator_end(text, first, end, before_first) < last_end))
      out.push_back({first, last_end});
    first = kNone;
  };
  // Stands for an ideograph passed over undecoded, as the code point before the next one: it is
  // neither a digit nor a boundary, as that ideograph is not.
  constexpr char32_t kIdeograph = U'一';
  char32_t before = 0;  // the code point before i
  std::uint32_t start = begin;
  for (std::size_t i = begin; i < end;) {
    const auto at = static_cast<std::uint32_t>(i);
    // An ideograph after anything but a boundary splits nothing and begins no enumerator: most
    // characters are passed over without decoding them.
    if (ideograph_at(p, text.size(), i) && !boundary(before)) {
      if (first == kNone) {
        first = at;
        before_first = before;
        std::size_t j = i;
        first_cp = utf8::next_fast(text, j);  // 第一步 and 一、 may begin a piece
      }
      i += 3;
      last_end = static_cast<std::uint32_t>(i);
      before = kIdeograph;
      continue;
    }
    const char32_t c = utf8::next_fast(text, i);
    const auto next = static_cast<std::uint32_t>(i);
    const auto after = [&]() -> char32_t {
      std::size_t j = next;
      return j < end ? utf8::next_fast(text, j) : 0;
    };
    if (split_at(c, at > begin ? before : 0, after)) {
      flush();
      if (out.size() >= limit) return;
      start = next;
      before = c;
      continue;
    }
    if (at > start && !digit(before) &&
        (boundary(before) || digit(c) || circled(c) || c == U'（' || c == U'(') &&
        may_begin_enumerator(c) && enumerator_end(text, at, end, before) > at) {
      flush();
      if (out.size() >= limit) return;
      start = at;
    }
    if (!utf8::is_space(c)) {
      if (first == kNone) {
        first = at;
        before_first = before;
        first_cp = c;
      }
      last_end = next;
    }
    before = c;
  }
  if (out.size() < limit) flush();
}

bool entry_break(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'；' || c == U';';
}

template <typename After>
bool step_break(char32_t c, char32_t before, After after) {
  if (entry_break(c) || arrow(c) || c == U'，' || c == U',' || c == U'。') return true;
  if (!dash(c)) return false;
  // 9:00-17:00 and 2019-2020 are not two steps.
  return !(digit(before) && digit(after()));
}

}  // namespace

void entries(const Element& element, std::vector<Item>& out, std::size_t limit) {
  out.clear();
  if (element.items.size() >= 2) {
    for (const Item& item : element.items) {
      if (out.size() >= limit) break;
      if (!count_bounded(element.item_text(item), 0)) out.push_back(item);  // not empty
    }
    return;
  }
  split(
      element, 0, static_cast<std::uint32_t>(element.text.size()),
      [](char32_t c, char32_t, auto) { return entry_break(c); }, out, limit);
}

std::vector<Item> entries(const Element& element, std::size_t limit) {
  std::vector<Item> out;
  entries(element, out, limit);
  return out;
}

bool may_begin_enumerator(char32_t first) {
  return circled(first) || first == U'（' || first == U'(' || first == U'第' || digit(first) ||
         chinese_numeral(first);
}

std::uint32_t enumerator_bytes(std::string_view text) {
  // Nearly every value starts with a character no enumerator starts with: ruled out by that
  // character alone, without decoding further.
  std::size_t first_end = 0;
  if (!may_begin_enumerator(text.empty() ? 0 : utf8::next_fast(text, first_end))) return 0;
  // Enough code points for the longest enumerator and the blanks after it.
  std::array<Cp, 12> cps{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size() && n < cps.size(); ++n) {
    const auto at = static_cast<std::uint32_t>(i);
    const char32_t c = utf8::next_fast(text, i);
    cps[n] = {c, at, static_cast<std::uint32_t>(i)};
  }
  std::size_t k = enumerator([&](std::size_t i) -> char32_t { return i < n ? cps[i].cp : 0; }, 0);
  if (k == 0) return 0;
  while (k < n && utf8::is_space(cps[k].cp))
    ++k;
  return k < n ? cps[k].at : cps[n - 1].next;
}

std::vector<Item> steps(const Element& element) {
  std::vector<Item> out;
  for (const Item& entry : entries(element))
    split(
        element, entry.begin, entry.end,
        [](char32_t c, char32_t before, auto after) { return step_break(c, before, after); }, out);
  return out;
}

}  // namespace content

namespace {

struct Minimum {
  std::int64_t chars = 0;
  std::int64_t items = 0;
  std::int64_t steps = 0;
};

struct Options {
  std::vector<std::pair<std::string, Minimum>> minimums;
  std::vector<std::u32string> step_words;  // folded
  std::vector<char32_t> step_firsts;       // their first code points, sorted
  std::vector<char32_t> step_chars;        // all their code points, sorted
  std::vector<std::string> step_elements;
  content::PhraseSet ignore;
};

std::u32string to_u32(std::string_view utf8_text) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8_text.size();)
    out.push_back(utf8::next(utf8_text, i));
  return out;
}

// Glue between step names: numbering, arrows and connectives, as they are left after folding
// ("1.申请 2.受理" → "1申请2受理", "申请→受理" keeps its arrow).
bool glue(char32_t c) {
  // A switch, not a search of a list: asked of every character of every procedure.
  if (content::chinese_numeral(c)) return true;
  switch (c) {
    case U'第':
    case U'步':
    case U'和':
    case U'与':
    case U'及':
    case U'并':
    case U'或':
    case U'再':
    case U'后':
    case U'>':
    case U'~':
    case U'=':
    case U'|':
      return true;
    default:
      return (c >= U'0' && c <= U'9') || (c >= 0x2190 && c <= 0x21FF) ||
             (c >= 0x27F0 && c <= 0x27FF) || (c >= 0x2900 && c <= 0x297F) ||
             (c >= 0x2B00 && c <= 0x2B2F) || (c >= 0x2794 && c <= 0x27BF);
  }
}

// Is the text nothing but step names and glue, once folded? Returns the step names as written
// (the text's ranges), empty when it is not.
std::vector<Item> generic_steps(std::string_view text, const std::vector<std::u32string>& words) {
  std::u32string folded;
  std::vector<Item> origin;  // per folded code point: the character it came from
  std::u32string scratch;
  char32_t one = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto at = static_cast<std::uint32_t>(i);
    const char32_t c = utf8::next_fast(text, i);
    for (const char32_t f : text::fold_code_point(c, one, scratch)) {
      folded.push_back(f);
      origin.push_back({at, static_cast<std::uint32_t>(i)});
    }
    if (folded.size() > 120) return {};  // generic chains are short
  }
  if (folded.empty()) return {};
  // best[i]: the most step names in a cover of folded[0, i) by names and glue (-1: none);
  // from[i]: where the last piece of that cover starts, and whether it is a name.
  const std::size_t n = folded.size();
  std::vector<int> best(n + 1, -1);
  std::vector<std::pair<std::size_t, bool>> from(n + 1);
  best[0] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i] < 0) continue;
    if (glue(folded[i]) && best[i] > best[i + 1]) {
      best[i + 1] = best[i];
      from[i + 1] = {i, false};
    }
    for (const std::u32string& w : words) {
      if (folded.compare(i, w.size(), w) == 0 && best[i] + 1 > best[i + w.size()]) {
        best[i + w.size()] = best[i] + 1;
        from[i + w.size()] = {i, true};
      }
    }
  }
  std::vector<Item> names;
  if (best[n] <= 0) return names;
  for (std::size_t e = n; e > 0;) {
    const auto [b, name] = from[e];
    if (name) names.push_back({origin[b].begin, origin[e - 1].end});
    e = b;
  }
  std::reverse(names.begin(), names.end());
  return names;
}

class ThinContent final : public Rule {
 public:
  explicit ThinContent(Options options) : o_(std::move(options)) {}

  // Folded code points beyond which a procedure is no chain of step names.
  static constexpr std::int64_t kGenericLimit = 120;

  void check(const Context& context, const Reporter& reporter) const override {
    std::string folded;
    for (const Element& e : context.guide.elements) {
      if (e.id.empty()) continue;
      const Minimum* minimum = nullptr;
      for (const auto& [id, m] : o_.minimums) {
        if (id == e.id) minimum = &m;
      }
      const bool procedure = listed(o_.step_elements, e.id);
      if (minimum == nullptr && !procedure) continue;
      if (e.blank()) continue;  // required-element's business
      // Only a short value is a placeholder, a chain of step names or short of characters; most
      // are ruled out by their first character and none is folded further than these need.
      const char32_t first = context.catalogs.first_folded(e);
      if (first == 0) continue;  // marks only: placeholder-content's business
      const bool ignorable = o_.ignore.may_start(first);
      const bool chain = procedure &&
                         (glue(first) || std::binary_search(o_.step_firsts.begin(),
                                                            o_.step_firsts.end(), first)) &&
                         only_steps(e.text);
      std::int64_t limit = minimum != nullptr ? minimum->chars : 0;
      if (ignorable) limit = std::max<std::int64_t>(limit, o_.ignore.longest());
      if (chain) limit = std::max(limit, kGenericLimit);
      std::size_t folded_chars = 0;
      // The folded text itself only for the phrases to ignore; else its length is enough.
      const auto bound = static_cast<std::size_t>(limit);
      const bool complete = ignorable ? content::fold_bounded(e.text, bound, folded, &folded_chars)
                                      : content::count_bounded(e.text, bound, &folded_chars);
      // "无", "详见附件": placeholder-content's business.
      if (ignorable && complete && o_.ignore.whole(e.text, folded)) continue;
      // Made only for a finding: most values have none.
      const auto label = [&] { return label_of(context, e); };
      if (chain && complete) {
        if (const auto names = generic_steps(e.text, o_.step_words); names.size() >= 2) {
          std::string steps;
          for (const Item& name : names) {
            if (!steps.empty()) steps += "→";
            steps += e.item_text(name);
          }
          reporter.report("thin-content.generic-steps",
                          {{"label", label()},
                           {"steps", steps},
                           {"count", static_cast<std::int64_t>(names.size())}},
                          e.value_span(), e.id);
          continue;
        }
      }
      if (minimum == nullptr) continue;
      const auto chars = static_cast<std::int64_t>(folded_chars);
      if (complete && chars < minimum->chars) {
        reporter.report("thin-content.chars",
                        {{"label", label()}, {"count", chars}, {"minimum", minimum->chars}},
                        e.value_span(), e.id);
        continue;
      }
      // A value that is not blank has at least one entry and one step.
      if (minimum->items <= 1 && minimum->steps <= 1) continue;
      // Steps are entries split further: enough entries are enough steps.
      // Enough entries to meet both minimums are as good as all of them.
      const auto enough = static_cast<std::size_t>(std::max(minimum->items, minimum->steps));
      static thread_local std::vector<Item> list;  // its memory kept from guide to guide
      content::entries(e, list, enough);
      const auto entries = static_cast<std::int64_t>(list.size());
      if (entries < minimum->items) {
        reporter.report("thin-content.items",
                        {{"label", label()}, {"count", entries}, {"minimum", minimum->items}},
                        e.value_span(), e.id);
        continue;
      }
      if (entries < minimum->steps) {
        const auto steps = static_cast<std::int64_t>(content::steps(e).size());
        if (steps < minimum->steps) {
          reporter.report("thin-content.steps",
                          {{"label", label()}, {"count", steps}, {"minimum", minimum->steps}},
                          e.value_span(), e.id);
        }
      }
    }
  }

 private:
  // Can text be a chain of step names, all its folded characters glue or in a step word and no
  // more of them than generic_steps reads? Most procedures have another character in the first
  // few, and are then counted only as far as their minimum.
  bool only_steps(std::string_view text) const {
    std::size_t n = 0;
    char32_t one = 0;
    std::u32string scratch;
    for (std::size_t i = 0; i < text.size();) {
      for (const char32_t f : text::fold_code_point(utf8::next_fast(text, i), one, scratch)) {
        if (++n > static_cast<std::size_t>(kGenericLimit)) return false;
        if (!glue(f) && !std::binary_search(o_.step_chars.begin(), o_.step_chars.end(), f))
          return false;
      }
    }
    return true;
  }

  Options o_;
};

// A count: a whole number from 0 to 100000.
std::optional<std::int64_t> count_option(const Setup& setup, const YAML::Node& map,
                                         std::string_view key) {
  const YAML::Node node = config::get(map, key);
  if (!node.IsDefined()) return std::int64_t{0};
  const std::string text = node.IsScalar() ? node.Scalar() : std::string();
  const bool ok =
      !text.empty() && text.size() <= 6 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!ok || std::stoll(text) > 100000) {
    setup.file.report(node, "thin-content.invalid-minimum",
                      {{"key", std::string(key)}, {"value", node.IsScalar() ? text : "?"}});
    return std::nullopt;
  }
  return std::stoll(text);
}

}  // namespace

RuleType thin_content_type() {
  return RuleType{
      "thin-content",
      "要素内容过于简略：字数、条目或步骤少于最低要求，或办理流程只有“申请-审核-核准-"
      "发照”之类的通用步骤名称",
      {"minimums", "step_words", "step_elements", "ignore"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        Options o;
        bool ok = true;
        // Built-in minimums; each element the options name replaces its own.
        // 办理地点 and 办理时间 are contact-format's (an address, times of day).
        o.minimums = {{"legal_basis", {5, 0, 0}},
                      {"agency", {3, 0, 0}},
                      {"conditions", {4, 0, 0}},
                      {"materials", {4, 1, 0}},
                      {"procedure", {10, 0, 2}}};
        ok = content::read_element_map(
                 setup, "minimums", false,
                 [&](const std::string& id, const YAML::Node& entry, const YAML::Node& map) {
                   // `{}` for no minimum; `procedure:` with nothing after it is a mistake.
                   if (!entry.IsMap()) {
                     setup.file.report(entry.Mark().pos >= 0 ? entry : map, "config.wrong-type",
                                       {{"key", id}, {"expected", "mapping"}});
                     return false;
                   }
                   if (!config::check_keys(setup.file, entry, {"chars", "items", "steps"}))
                     return false;
                   const auto chars = count_option(setup, entry, "chars");
                   const auto items = count_option(setup, entry, "items");
                   const auto steps = count_option(setup, entry, "steps");
                   if (!chars || !items || !steps) return false;
                   const Minimum m{*chars, *items, *steps};
                   std::erase_if(o.minimums, [&](const auto& p) { return p.first == id; });
                   o.minimums.emplace_back(id, m);
                   return true;
                 }) &&
             ok;
        std::vector<std::string> words = content::default_step_words();
        if (config::get(setup.options, "step_words").IsDefined()) {
          if (auto given = content::phrase_list(setup, setup.options, "step_words")) {
            words = std::move(*given);
          } else {
            ok = false;
          }
        }
        for (const std::string& w : words) {
          if (std::u32string f = to_u32(text::fold(w)); !f.empty()) {
            o.step_firsts.push_back(f.front());
            o.step_chars.insert(o.step_chars.end(), f.begin(), f.end());
            o.step_words.push_back(std::move(f));
          }
        }
        std::sort(o.step_firsts.begin(), o.step_firsts.end());
        std::sort(o.step_chars.begin(), o.step_chars.end());
        o.step_elements = {"procedure"};
        if (config::get(setup.options, "step_elements").IsDefined()) {
          if (auto given = element_list_option(setup, "step_elements")) {
            o.step_elements = std::move(*given);
          } else {
            ok = false;
          }
        }
        std::vector<std::string> ignore = content::default_placeholder_phrases();
        if (config::get(setup.options, "ignore").IsDefined()) {
          if (auto given = content::phrase_list(setup, setup.options, "ignore")) {
            ignore = std::move(*given);
          } else {
            ok = false;
          }
        }
        if (!ok) return nullptr;
        o.ignore = content::PhraseSet(std::move(ignore));
        return std::make_unique<ThinContent>(std::move(o));
      }};
}

}  // namespace guidelint::rules
