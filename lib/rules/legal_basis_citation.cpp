// legal-basis-citation: the legal basis names at least one law, regulation or document — a title
// in 《》 or a document number (国发〔2015〕11号, 国务院令第412号) — rather than "根据有关规定";
// a basis that cites laws without naming any article is reported for review.
//
// Also home of the citation parser (rules/content.hpp).
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
  bool taken;  // part of a citation found already
};

bool han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == U'〇';
}
// The CJK Unified Ideographs block: no bracket, digit or mark the parser looks for is in it.
bool common_han(char32_t c) {
  return c >= 0x4E00 && c <= 0x9FFF;
}
bool digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool numeral(char32_t c) {
  switch (c) {
    case U'.':
    case U'．':
    case U'零':
    case U'〇':
    case U'○':
    case U'百':
    case U'千':
    case U'两':
    case U'兩':
      return true;
    default:
      return digit(c) || chinese_numeral(c);
  }
}
bool space(char32_t c) {
  return utf8::is_space(c);
}

// The last code points folding keeps of a name, last first: two at most, as many as the longest
// suffix of a law's name has.
struct Tail {
  std::array<char32_t, 2> last{};
  std::size_t kept = 0;

  // Puts c before those kept, when there is room.
  void prepend(char32_t c) {
    if (kept < last.size()) last[kept++] = c;
  }
};

// Does a name whose folded text ends so end like a law, regulation or rule?
bool law_suffix(const Tail& tail) {
  static constexpr std::u32string_view suffixes[] = {U"法",   U"法典", U"条例", U"规定",
                                                     U"办法", U"细则", U"规则", U"通则",
                                                     U"准则", U"决定", U"规程", U"章程"};
  return std::any_of(std::begin(suffixes), std::end(suffixes), [&](std::u32string_view suffix) {
    if (suffix.size() > tail.kept) return false;
    for (std::size_t k = 0; k < suffix.size(); ++k) {
      if (suffix[suffix.size() - 1 - k] != tail.last[k]) return false;
    }
    return true;
  });
}

// Does text fold to nothing (marks and blanks only)?
bool folds_away(std::string_view text) {
  char32_t one = 0;
  std::u32string scratch;
  for (std::size_t i = 0; i < text.size();) {
    if (!text::fold_code_point(utf8::next_fast(text, i), one, scratch).empty()) return false;
  }
  return true;
}

// Does a title or name end like a law, regulation or rule?
bool law_name(std::string_view name) {
  // Leave out a qualifier in brackets at the end: 《…实施细则（林业部分）》, （试行）.
  std::string_view core = name;
  for (const std::string_view close : {"）", ")"}) {
    if (!core.ends_with(close)) continue;
    const std::size_t open = core.rfind(close == ")" ? "(" : "（");
    if (open != std::string_view::npos && open > 0) core = core.substr(0, open);
  }
  // The suffixes are two code points at most: only the end of the name is folded, back to where
  // folding has kept two of its characters.
  Tail tail;
  std::u32string scratch;
  char32_t one = 0;
  std::size_t end = core.size();
  while (end > 0 && tail.kept < tail.last.size()) {
    std::size_t begin = end - 1;
    while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(core[begin]) & 0xC0) == 0x80)
      --begin;
    std::size_t i = begin;
    const char32_t c = utf8::next_fast(core, i);
    if (i != end) {
      // Not one well-formed character: fold the whole name, as the rest of the parser reads it.
      const std::string folded = text::fold(core);
      tail = Tail{};
      for (std::size_t k = folded.size(); k > 0 && tail.kept < tail.last.size();) {
        std::size_t at = k - 1;
        while (at > 0 && (static_cast<unsigned char>(folded[at]) & 0xC0) == 0x80)
          --at;
        std::size_t next = at;
        tail.prepend(utf8::next(folded, next));
        k = at;
      }
      break;
    }
    const std::u32string_view f = text::fold_code_point(c, one, scratch);
    for (auto it = f.rbegin(); it != f.rend(); ++it)
      tail.prepend(*it);
    end = begin;
  }
  return law_suffix(tail);
}

class Parser {
 public:
  Parser(std::string_view text, Citations& out) : text_(text), out_(out) {
    out_.citations.clear();
    out_.all_articles.clear();
    out_.loose = 0;
    ref_cps_.clear();
    // A code point is at least a byte: room for the text made at once (the memory only grows),
    // then written without a check per code point.
    Scratch& s = scratch_;
    if (s.cps.size() < text.size()) {
      s.cps.resize(text.size());
      s.marks.resize(text.size());
    }
    Cp* cps = s.cps.data();
    std::uint32_t* marks = s.marks.data();
    std::size_t n = 0;
    std::size_t m = 0;
    for (std::size_t i = 0; i < text.size();) {
      const auto at = static_cast<std::uint32_t>(i);
      const char32_t c = utf8::next_fast(text, i);
      marks[m] = static_cast<std::uint32_t>(n);
      // Not a common ideograph, or 令, 第 or 中; without a branch, as most characters are not.
      m += static_cast<std::size_t>(!common_han(c) | (c == U'令') | (c == U'第') | (c == U'中'));
      cps[n++] = {c, at, static_cast<std::uint32_t>(i), false};
    }
    cps_ = cps;
    size_ = n;
    marks_ = std::span<const std::uint32_t>(marks, m);
  }

  void run() {
    titles();
    documents();
    articles();
    named();
    // Each pass finds its citations in order; sorted already when one pass found them all (the
    // sort would move each one).
    const auto before = [](const Citation& a, const Citation& b) { return a.begin < b.begin; };
    if (!std::is_sorted(out_.citations.begin(), out_.citations.end(), before))
      std::sort(out_.citations.begin(), out_.citations.end(), before);
    attach();
  }

 private:
  char32_t at(std::size_t k) const { return k < size_ ? cps_[k].cp : 0; }
  std::string_view slice(std::size_t b, std::size_t e) const {
    return text_.substr(cps_[b].at, cps_[e - 1].next - cps_[b].at);
  }
  // Is code point k part of a citation found already?
  bool inside_title(std::size_t k) const { return k < size_ && cps_[k].taken; }

  void add(Citation::Kind kind, std::size_t b, std::size_t e, std::string_view title, bool law) {
    Citation c;
    c.kind = kind;
    c.begin = cps_[b].at;
    c.end = cps_[e - 1].next;
    c.title = title;
    c.law = law;
    out_.citations.push_back(c);
    for (std::size_t k = b; k < e; ++k)
      cps_[k].taken = true;
  }

  // The closing bracket of a title opened at k (`open` code points long), nested titles
  // counted; npos when it does not close on the same line within 120 characters.
  std::size_t close_of(std::size_t k, std::u32string_view open, std::u32string_view close) const {
    int depth = 0;
    for (std::size_t j = k; j < size_ && j < k + 120; ++j) {
      const char32_t c = at(j);
      if (c == U'\n') return std::string::npos;
      // Most characters neither open nor close: ruled out by their first.
      if (c != open[0] && c != close[0]) continue;
      const auto is = [&](std::u32string_view w) {
        for (std::size_t n = 1; n < w.size(); ++n) {
          if (at(j + n) != w[n]) return false;
        }
        return c == w[0];
      };
      if (is(open)) {
        ++depth;
        j += open.size() - 1;
      } else if (is(close)) {
        if (--depth == 0) return j;
        j += close.size() - 1;
      }
    }
    return std::string::npos;
  }

  void titles() {
    struct Kind {
      std::u32string_view open, close;
      bool law_only;  // 「」 and 『』 quote anything; they cite only when they hold a law's name
    };
    static constexpr Kind kinds[] = {{U"《", U"》", false},     {U"<<", U">>", false},
                                     {U"＜＜", U"＞＞", false}, {U"〈", U"〉", false},
                                     {U"«", U"»", false},       {U"＜", U"＞", false},
                                     {U"「", U"」", true},      {U"『", U"』", true}};
    // The characters a title opens with, compared first: most characters open none.
    static constexpr auto firsts = [] {
      std::array<char32_t, std::size(kinds)> f{};
      for (std::size_t n = 0; n < f.size(); ++n)
        f[n] = kinds[n].open[0];
      return f;
    }();
    std::size_t from = 0;  // past the last title found
    for (const std::uint32_t k : marks_) {
      const char32_t c = at(k);
      if (k < from || common_han(c)) continue;  // no bracket is a common ideograph
      if (std::none_of(firsts.begin(), firsts.end(), [c](char32_t f) { return f == c; })) continue;
      for (const Kind& kind : kinds) {
        if (at(k) != kind.open[0] || (kind.open.size() > 1 && at(k + 1) != kind.open[1])) continue;
        const std::size_t close = close_of(k, kind.open, kind.close);
        if (close == std::string::npos) break;
        const std::size_t b = k + kind.open.size();
        const std::size_t e = close + kind.close.size();
        if (close > b) {
          const std::string_view inner = slice(b, close);
          const bool has_han =
              std::any_of(cps_ + b, cps_ + close, [](const Cp& c) { return han(c.cp); });
          const bool law = law_name(inner);
          if (has_han && (law || !kind.law_only)) {
            add(Citation::Kind::title, k, e, inner, law);
            from = e;
          }
        }
        break;
      }
    }
  }

  // The issuer before a document number: the characters up to 8 back, cut after words that
  // introduce it (根据国发… → 国发…).
  std::size_t issuer(std::size_t k) const {
    std::size_t b = k;
    while (b > 0 && k - b < 8 && han(at(b - 1)) && !inside_title(b - 1))
      --b;
    static constexpr std::u32string_view before = U"据照依按和及与的、";
    for (std::size_t j = k; j > b; --j) {
      if (before.find(at(j - 1)) != std::u32string_view::npos) return j;
    }
    return b;
  }

  // A number after `k`: optional 第, digits or numerals, 号. Returns the end, or npos.
  std::size_t number_end(std::size_t k) const {
    while (space(at(k)))
      ++k;
    if (at(k) == U'第') ++k;
    const std::size_t from = k;
    while (numeral(at(k)) && at(k) != U'.' && at(k) != U'．')
      ++k;
    if (k == from || k - from > 6) return std::string::npos;
    while (space(at(k)))
      ++k;
    return at(k) == U'号' || at(k) == U'號' ? k + 1 : std::string::npos;
  }

  void documents() {
    static constexpr std::u32string_view opens = U"〔[［(（【﹝";
    static constexpr std::u32string_view closes = U"〕]］)）】﹞";
    std::size_t from = 1;  // past the last number found
    for (const std::uint32_t k : marks_) {
      if (k < from || (common_han(at(k)) && at(k) != U'令') || inside_title(k)) continue;
      std::size_t end = std::string::npos;
      if (opens.find(at(k)) != std::u32string_view::npos && han(at(k - 1))) {
        // 国发〔2015〕11号
        std::size_t j = k + 1;
        while (space(at(j)))
          ++j;
        const std::size_t year = j;
        while (digit(at(j)))
          ++j;
        while (space(at(j)))
          ++j;
        if (j - year >= 4 && closes.find(at(j)) != std::u32string_view::npos)
          end = number_end(j + 1);
      } else if (at(k) == U'令' && han(at(k - 1))) {
        // 国务院令第412号, 农业部令2017年第5号
        std::size_t j = k + 1;
        while (space(at(j)))
          ++j;
        const std::size_t year = j;
        while (digit(at(j)))
          ++j;
        if (j > year) j = at(j) == U'年' ? j + 1 : year;
        if (at(j) == U'第') end = number_end(j);
      }
      if (end == std::string::npos) continue;
      const std::size_t b = issuer(k);
      if (b == k) continue;
      add(Citation::Kind::document, b, end, slice(b, end), false);
      from = end;
    }
  }

  void articles() {
    std::size_t from = 0;  // past the last reference found
    for (const std::uint32_t k : marks_) {
      if (k < from || at(k) != U'第' || inside_title(k)) continue;
      std::size_t e = reference(k);
      if (e == k) continue;
      // 第三十五条第一款第二项: one reference.
      for (std::size_t more = reference(e); more != e; more = reference(e))
        e = more;
      out_.all_articles.push_back({cps_[k].at, cps_[e - 1].next});
      ref_cps_.emplace_back(k, e);
      from = e;
    }
  }

  // The end of an article reference at k (第…条/款/项/目/章/节/编/部分/点, also 第（二）项),
  // k when there is none.
  std::size_t reference(std::size_t k) const {
    if (at(k) != U'第') return k;
    std::size_t j = k + 1;
    const bool bracket = at(j) == U'（' || at(j) == U'(';
    if (bracket) ++j;
    const std::size_t from = j;
    while (numeral(at(j)))
      ++j;
    if (j == from || at(j - 1) == U'.' || at(j - 1) == U'．') return k;
    if (bracket) {
      if (at(j) != U'）' && at(j) != U')') return k;
      ++j;
    }
    static constexpr std::u32string_view units = U"条條款项項目章节節编編点點";
    if (units.find(at(j)) != std::u32string_view::npos) return j + 1;
    if (at(j) == U'部' && at(j + 1) == U'分') return j + 2;
    return k;
  }

  // Laws named without brackets: 中华人民共和国水法, or a name ending like a law right before
  // an article (食品安全法第三十五条).
  void named() {
    for (const std::u32string_view prefix : {U"中华人民共和国", U"中華人民共和國"}) {
      std::size_t from = 0;  // past the last name read
      for (const std::uint32_t k : marks_) {
        if (k < from || k + prefix.size() > size_ || at(k) != prefix[0]) continue;
        bool is = !inside_title(k);
        for (std::size_t n = 1; is && n < prefix.size(); ++n)
          is = at(k + n) == prefix[n];
        if (!is) continue;
        std::size_t e = k + prefix.size();
        while (e < size_ && han(at(e)) && at(e) != U'第' && !inside_title(e))
          ++e;
        const std::string_view name = slice(k, e);
        if (e > k + prefix.size() && law_name(name)) {
          add(Citation::Kind::bare, k, e, name, true);
        }
        from = e + 1;
      }
    }
    for (const auto& [rb, re] : ref_cps_) {
      std::size_t b = rb;
      while (b > 0 && han(at(b - 1)) && !inside_title(b - 1))
        --b;
      if (b == rb) continue;
      std::string_view name = slice(b, rb);
      std::size_t skip = 0;
      for (const std::string_view verb :
           {"根据", "依据", "按照", "依照", "参照", "遵照", "据", "依", "按"}) {
        if (name.starts_with(verb)) {
          skip = utf8_length(verb);
          break;
        }
      }
      b += skip;
      if (b >= rb || rb - b < 2) continue;
      name = slice(b, rb);
      bool generic = false;
      for (const std::string_view word :
           {"相关", "有关", "上述", "其他", "其它", "本", "该", "国家", "法律", "法规", "各"}) {
        generic = generic || name.starts_with(word);
      }
      if (generic || !law_name(name)) continue;
      add(Citation::Kind::bare, b, rb, name, true);
    }
  }

  static std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
      n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }

  // Each reference belongs to the citation before it; a document number right after a title is
  // the title's number.
  void attach() {
    // Merged in place: citations [0, kept) are done.
    std::vector<Citation>& all = out_.citations;
    std::size_t kept = 0;
    for (std::size_t r = 0; r < all.size(); ++r) {
      Citation& c = all[r];
      if (c.kind == Citation::Kind::document && kept > 0 &&
          all[kept - 1].kind == Citation::Kind::title && all[kept - 1].number.empty()) {
        Citation& title = all[kept - 1];
        const std::string_view between =
            text_.substr(title.end, c.begin - std::min(c.begin, title.end));
        if (between.size() <= 8 && folds_away(between)) {
          title.number = c.title;
          std::uint32_t end = std::max(title.end, c.end);
          // The bracket around the number: 《…》（国务院令第721号）.
          for (const std::string_view close : {"）", ")"}) {
            if (text_.substr(end).starts_with(close)) {
              end += static_cast<std::uint32_t>(close.size());
              break;
            }
          }
          title.end = end;
          continue;
        }
      }
      if (r != kept) all[kept] = c;
      ++kept;
    }
    all.erase(all.begin() + static_cast<std::ptrdiff_t>(kept), all.end());
    // A reference's owner is the last citation that begins at or before it: with both in order,
    // each citation's references follow one another, after those that have no owner.
    std::size_t before = 0;  // citations that begin at or before the reference
    const std::vector<Citation::Article>& refs = out_.all_articles;
    for (std::size_t r = 0; r < refs.size(); ++r) {
      while (before < all.size() && all[before].begin <= refs[r].begin)
        ++before;
      if (before == 0) {
        ++out_.loose;
        continue;
      }
      Citation& owner = all[before - 1];
      if (owner.article_count == 0) owner.first_article = static_cast<std::uint32_t>(r);
      ++owner.article_count;
    }
  }

  // What a parse reads and marks, its memory kept from call to call (one per thread: rules run
  // in several at once).
  struct Scratch {
    std::vector<Cp> cps;
    // The code points the passes start at: all but the common ideographs, and of those 令 (a
    // decree's number), 第 (an article) and 中 (中华人民共和国…). Most of a basis is none of them.
    std::vector<std::uint32_t> marks;
    std::vector<std::pair<std::size_t, std::size_t>> ref_cps;
  };
  static Scratch& scratch() {
    static thread_local Scratch s;
    return s;
  }

  std::string_view text_;
  Citations& out_;
  Scratch& scratch_ = scratch();
  // The text's code points, scratch_.cps [0, size_).
  Cp* cps_ = nullptr;
  std::size_t size_ = 0;
  std::span<const std::uint32_t> marks_;
  std::vector<std::pair<std::size_t, std::size_t>>& ref_cps_ = scratch_.ref_cps;
};

}  // namespace

Citations parse_citations(std::string_view text) {
  Citations out;
  parse_citations(text, out);
  return out;
}

void parse_citations(std::string_view text, Citations& out) {
  Parser(text, out).run();
}

}  // namespace content

namespace {

using content::Citation;

// How a finding quotes a citation: 《…》（number）第…条、第…款.
std::string quote(std::string_view text, const content::Citations& parsed, const Citation& c) {
  std::string out;
  if (c.kind == Citation::Kind::title) out += "《";
  out += c.title;
  if (c.kind == Citation::Kind::title) out += "》";
  if (!c.number.empty()) {
    out += "（";
    out += c.number;
    out += "）";
  }
  const std::span<const Citation::Article> articles = parsed.articles(c);
  for (std::size_t k = 0; k < articles.size(); ++k) {
    if (k > 0) out += "、";
    out += text.substr(articles[k].begin, articles[k].end - articles[k].begin);
  }
  return out;
}

// At most `limit` characters of text, with "…" when cut.
std::string excerpt(std::string_view text, std::size_t limit) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < text.size() && n < limit; ++n)
    utf8::next(text, i);
  std::string out(text.substr(0, i));
  if (i < text.size()) out += "…";
  return out;
}

class LegalBasisCitation final : public Rule {
 public:
  LegalBasisCitation(std::vector<std::string> elements, bool articles)
      : elements_(std::move(elements)), articles_(articles) {}

  void check(const Context& context, const Reporter& reporter) const override {
    for (const Element& e : context.guide.elements) {
      if (!listed(elements_, e.id) || e.blank()) continue;
      static thread_local content::Citations parsed;  // its memory kept from call to call
      content::parse_citations(e.text, parsed);
      if (parsed.citations.empty()) {
        reporter.report("legal-basis-citation.none",
                        {{"label", label_of(context, e)}, {"text", excerpt(e.text, 40)}},
                        e.value_span(), e.id);
        continue;
      }
      if (!articles_ || parsed.any_article()) continue;
      std::string laws;
      std::string citations;
      const Citation* first = nullptr;
      std::int64_t count = 0;
      for (const Citation& c : parsed.citations) {
        if (!citations.empty()) citations += "；";
        citations += quote(e.text, parsed, c);
        if (!c.law) continue;
        if (!laws.empty()) laws += "、";
        laws += quote(e.text, parsed, c);
        if (first == nullptr) first = &c;
        ++count;
      }
      // Only documents (通知, 意见): they have no articles to name.
      if (first == nullptr) continue;
      reporter.review("legal-basis-citation.no-article",
                      {{"label", label_of(context, e)},
                       {"laws", laws},
                       {"count", count},
                       {"citations", citations}},
                      e.source_span(first->begin, first->end), e.id);
    }
  }

 private:
  std::vector<std::string> elements_;
  bool articles_;
};

}  // namespace

RuleType legal_basis_citation_type() {
  return RuleType{"legal-basis-citation",
                  "设定依据应写明法律法规的名称（《…》）或文件文号，而不是“根据有关规定”；未写条款"
                  "的提请人工确认",
                  {"elements", "articles"},
                  [](const Setup& setup) -> std::unique_ptr<Rule> {
                    std::vector<std::string> elements = {"legal_basis"};
                    bool ok = true;
                    if (config::get(setup.options, "elements").IsDefined()) {
                      if (auto given = element_list_option(setup, "elements")) {
                        elements = std::move(*given);
                      } else {
                        ok = false;
                      }
                    }
                    bool articles = true;
                    if (config::get(setup.options, "articles").IsDefined()) {
                      if (auto b = config::get_bool(setup.file, setup.options, "articles")) {
                        articles = *b;
                      } else {
                        ok = false;
                      }
                    }
                    if (!ok) return nullptr;
                    return std::make_unique<LegalBasisCitation>(std::move(elements), articles);
                  }};
}

}  // namespace guidelint::rules
