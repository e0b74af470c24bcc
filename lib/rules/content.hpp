// What the content rules (placeholder-content, thin-content, legal-basis-citation) share: the
// built-in phrase lists their options default to, a phrase set that matches whole values, options
// keyed by element id, the entries and steps of a list element, and the citation parser.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"
#include "text/matcher.hpp"

namespace guidelint::rules::content {

// ── Built-in lists (the national pack repeats them, where provinces tune them) ──────────────────

// Generic phrases that say nothing when they are the whole value. A trailing * lets a short
// reference follow ("详见附件2—申报材料").
const std::vector<std::string>& default_placeholder_phrases();
// The same without the words that legitimately mean "none" for a fee (收费标准：无).
const std::vector<std::string>& default_fee_phrases();
// Catch-all entries ending a list ("其他材料"), by element.
const std::vector<std::string>& default_catch_all_materials();
const std::vector<std::string>& default_catch_all_conditions();
// Names of procedure steps that say nothing about where or how (申请, 受理, 审核 …).
const std::vector<std::string>& default_step_words();

// ── Phrases matched against a whole value ────────────────────────────────────────────────────

// Phrases, folded for matching (script, width, case, spaces and punctuation do not matter). A
// phrase matches a value when it is the value's whole folded text, or, for a phrase written with
// a trailing *, its beginning followed by at most a short reference on the same line.
class PhraseSet {
 public:
  struct Match {
    std::uint32_t begin;  // the phrase in the value's text
    std::uint32_t end;
    std::size_t phrase;  // index into phrases()
    bool whole;          // the phrase is the whole value; else a reference follows it
  };

  PhraseSet() = default;
  explicit PhraseSet(std::vector<std::string> phrases);

  // The phrase the whole value is, or nullopt. `folded` is text::fold(text).
  std::optional<Match> whole(std::string_view text, std::string_view folded) const;
  // Can a phrase start with this folded code point (first_folded of a value)? Most values are
  // ruled out by their first character without folding them.
  bool may_start(char32_t first) const {
    if (first < 0x10000) return (bmp_firsts_[first >> 6] >> (first & 63) & 1) != 0;
    return std::binary_search(firsts_.begin(), firsts_.end(), first);
  }
  // The most folded code points a matching value can have.
  std::size_t longest() const { return longest_; }
  const std::vector<std::string>& phrases() const { return phrases_; }

 private:
  std::vector<std::string> phrases_;  // as written, without the *
  std::vector<bool> prefix_;
  std::vector<std::uint32_t> lengths_;  // folded code points
  std::vector<char32_t> firsts_;        // sorted
  // The same as a bit for each BMP code point: one load where most values are ruled out.
  std::vector<std::uint64_t> bmp_firsts_ = std::vector<std::uint64_t>(0x10000 / 64);
  std::size_t longest_ = 0;
  text::Matcher matcher_;
};

// The first code point folding keeps of text after a leading list number ("1.", "（一）"); 0 when
// the text folds to nothing.
char32_t first_folded(std::string_view text);

// Folded code points of a folded UTF-8 string.
std::uint32_t code_points(std::string_view folded);

// Folds text into out (reusing its memory), stopping once it has more than `limit` code points:
// returns false then, with out holding no more than the first limit + 1 (none when the value's
// length alone rules it out). The content rules look at short values only (a whole-value phrase,
// a count below a minimum), so long elements are not folded whole. `count`, when given, gets the
// code points folded, limit + 1 when there are more.
bool fold_bounded(std::string_view text, std::size_t limit, std::string& out,
                  std::size_t* count = nullptr);
// The same without keeping the folded text: whether text folds to at most `limit` code points,
// and how many it has up to limit + 1.
bool count_bounded(std::string_view text, std::size_t limit, std::size_t* count = nullptr);

// ── Options ───────────────────────────────────────────────────────────────────────────────────

// Reads an option that maps element ids (and `default` when allowed) to values: calls `read` for
// each entry in order. Reports a non-mapping, duplicate keys and unknown element ids (with a
// suggestion; skipped silently in built-in options). Returns false when anything was reported,
// by this or by `read`.
bool read_element_map(const Setup& setup, std::string_view key, bool allow_default,
                      const std::function<bool(const std::string& id, const YAML::Node& entry,
                                               const YAML::Node& map)>& read);

// A list of phrases under map[key]; reports a wrong type.
std::optional<std::vector<std::string>> phrase_list(const Setup& setup, const YAML::Node& map,
                                                    std::string_view key);

// ── Entries and steps of an element ──────────────────────────────────────────────────────────

// The entries of an element, as ranges of its text: its items when the input marked them, else its
// lines and numbered entries ("1.申请书 2.身份证"), split at line breaks, "；" and enumerators.
// Entries that fold to nothing are left out. At most `limit` of them, the first.
std::vector<Item> entries(const Element& element, std::size_t limit = SIZE_MAX);
// The same into out (cleared first), whose memory is kept from call to call.
void entries(const Element& element, std::vector<Item>& out, std::size_t limit = SIZE_MAX);
// 一 to 十: the numerals of list numbers (一、 （三）) and, with more, of article numbers.
inline bool chinese_numeral(char32_t c) {
  switch (c) {
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
      return true;
    default:
      return false;
  }
}
// Bytes of an enumerator at the start of text and the blanks after it ("1.", "（一）", "①",
// "第一步"); 0 when there is none.
std::uint32_t enumerator_bytes(std::string_view text);
// Can a list number begin with this code point? enumerator_bytes is 0 for a text whose first
// code point cannot.
bool may_begin_enumerator(char32_t first);
// Finer: each entry split further at arrows, dashes and commas, as a procedure's steps are
// written on one line ("申请-审核-核准-发照", "受理→审查→决定").
std::vector<Item> steps(const Element& element);

// ── Citations in a legal basis ───────────────────────────────────────────────────────────────

// One thing a legal basis cites: a title in 《》 (〈〉, <<>>, ＜＜＞＞, «», and 「」 or 『』 around
// a law's name), a law named without brackets (中华人民共和国水法, 食品安全法第三十五条), or a
// document number (国发〔2015〕11号, 国务院令第412号), with the article references after it.
struct Citation {
  enum class Kind { title, bare, document };
  struct Article {
    std::uint32_t begin;  // in the text: "第三十五条第一款"
    std::uint32_t end;
  };
  Kind kind = Kind::title;
  std::uint32_t begin = 0;  // the title with its brackets, the name, or the number
  std::uint32_t end = 0;
  // In the text parsed: the title without brackets, the name, or the number, as written.
  std::string_view title;
  std::string_view number;  // a title's document number written after it: 《…》（国务院令第721号）
  bool law = false;  // the title names a law, regulation or rule (…法, …条例, …办法 …)
  // Its article references: Citations::articles [first_article, first_article + article_count).
  std::uint32_t first_article = 0;
  std::uint32_t article_count = 0;
};

struct Citations {
  std::vector<Citation> citations;
  // Every article reference, in order: those before any citation ("第十二条" alone), which belong
  // to no title, then each citation's.
  std::vector<Citation::Article> all_articles;
  std::uint32_t loose = 0;  // how many belong to no title

  std::span<const Citation::Article> articles(const Citation& c) const {
    return std::span(all_articles).subspan(c.first_article, c.article_count);
  }
  std::span<const Citation::Article> loose_articles() const {
    return std::span(all_articles).first(loose);
  }
  bool any_article() const { return !all_articles.empty(); }
};

// Parses the citations of a legal basis, in order. Recognises simplified and traditional script,
// full-width digits, Chinese numerals (第四十八条, 第4.2条), chains (第三十五条第一款第二项),
// lists (第七条、第八条) and ranges (第十一条至第十三条). The citations point into text.
Citations parse_citations(std::string_view text);
// The same into out, whose memory is kept from call to call.
void parse_citations(std::string_view text, Citations& out);

}  // namespace guidelint::rules::content
