// placeholder-content: an element whose whole content is a generic phrase (相关法规, 详见附件, 无)
// or a mark only (/, —), or that holds template placeholders nobody filled in (XX市, 20XX年, ××,
// ○○, 【】); a list ending in a catch-all entry (其他材料) is reported for review.
//
// Also home of what the content rules share (rules/content.hpp): the built-in phrase lists, the
// phrase set and the options keyed by element id.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "rules/catalog_scan.hpp"
#include "rules/content.hpp"
#include "text/fold.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace guidelint::rules {
namespace content {

// ── Built-in lists ────────────────────────────────────────────────────────────────────────────

const std::vector<std::string>& default_placeholder_phrases() {
  static const std::vector<std::string> phrases = {
      // "the relevant laws": names none
      "相关法规", "相关法律法规", "有关法律法规", "相关法律", "有关法律", "法律法规", "相关政策",
      "有关政策", "相关文件", "有关文件", "依法", "依规", "依据相关法律法规", "根据相关法律法规",
      "依据有关法律法规", "根据有关法律法规", "依据相关规定", "根据相关规定", "依据有关规定",
      "根据有关规定", "按照相关规定", "按照有关规定", "相关规定", "有关规定", "按相关规定",
      "按有关规定", "按规定", "符合相关规定", "符合有关规定", "符合规定", "符合条件",
      "符合相关条件", "按规定时限办理", "按规定办理", "按相关规定办理", "按有关规定办理",
      "按规定时限",
      // "the relevant forms": lists none
      "相关表格", "相关材料", "有关材料", "相关资料", "有关资料", "相关证明", "相关证件",
      "其他材料", "其他相关材料",
      // a pointer elsewhere, with at most the attachment's number or title after it
      "详见附件*", "见附件*", "详见附表*", "见附表*", "参见附件*", "请见附件*", "详见附页*",
      "详见下表", "见下表", "详见说明",
      // nothing, or not yet
      "无", "暂无", "没有", "待定", "待补充", "待完善", "略", "同上", "见上", "如上", "不详",
      "未知", "空", "其他", "等", "null", "none", "N/A", "TBD"};
  return phrases;
}

const std::vector<std::string>& default_fee_phrases() {
  // 收费标准：无 is how many sites say "no fee" (the 德州 template asks for 不收费, but 无 is not
  // wrong). A charge without an amount ("按规定标准收取") is fee-basis's business.
  static const std::vector<std::string> phrases = [] {
    std::vector<std::string> out;
    for (const std::string& p : default_placeholder_phrases()) {
      if (p != "无" && p != "暂无" && p != "没有") out.push_back(p);
    }
    return out;
  }();
  return phrases;
}

const std::vector<std::string>& default_catch_all_materials() {
  static const std::vector<std::string> phrases = {
      "其他材料",           "其他相关材料",   "其他有关材料",     "其他资料",
      "其他相关资料",       "其他证明材料",   "其他相关证明材料", "其他必要材料",
      "其他需要提供的材料", "其他需要的材料", "其他要求的材料",   "其他文件",
      "其他相关文件",       "其他证件"};
  return phrases;
}

const std::vector<std::string>& default_catch_all_conditions() {
  static const std::vector<std::string> phrases = {"其他条件", "其他相关条件", "其他有关条件",
                                                   "其他情形"};
  return phrases;
}

const std::vector<std::string>& default_step_words() {
  static const std::vector<std::string> words = {
      "申请", "申报", "提交", "提交申请", "提出申请", "提交材料", "受理", "收件",
      "接件", "审核", "审查", "初审",     "复审",     "复核",     "核查", "审批",
      "审定", "核准", "批准", "决定",     "作出决定", "许可",     "发证", "发照",
      "颁证", "制证", "出证", "领证",     "取证",     "发放",     "办结", "办理",
      "送达", "反馈", "公示", "签发",     "归档",     "登记"};
  return words;
}

// ── Phrases ───────────────────────────────────────────────────────────────────────────────────

std::uint32_t code_points(std::string_view folded) {
  std::uint32_t n = 0;
  for (const char c : folded) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

namespace {

// The lead bytes of three-byte characters that all fold to one character (U+5000–U+9FFF,
// ideographs): counted without decoding them.
const std::array<bool, 16>& single_fold_leads() {
  static const auto leads = [] {
    std::array<bool, 16> t{};
    for (char32_t lead = 1; lead < 0xD; ++lead) {
      bool all = true;
      for (char32_t cp = lead << 12; all && cp < (lead + 1) << 12; ++cp)
        all = (text::table::entry(cp) & text::table::kMulti) == 0;
      t[lead] = all;
    }
    return t;
  }();
  return leads;
}

#if GUIDELINT_UTF8_AVX2
// A 16-entry nibble table in both halves of a vector, for _mm256_shuffle_epi8.
__attribute__((target("avx2"), always_inline)) inline __m256i nibble_table(
    const std::array<std::uint8_t, 16>& table) {
  return _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(table.data())));
}

// Read once at start-up: the scans below ask for each value.
const bool has_avx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));

// Does text surely fold to more than `limit` code points? Counts only the three-byte characters
// single_fold_leads knows fold to one, 32 bytes at a time, before the last 34: a lower bound,
// enough for the long values that counting is mostly given, without folding them.
__attribute__((target("avx2"))) bool surely_longer(std::string_view text, std::size_t limit) {
  static const auto leads = [] {
    std::array<std::uint8_t, 16> t{};
    for (std::size_t k = 0; k < t.size(); ++k)
      t[k] = single_fold_leads()[k] ? 0xFF : 0;
    return t;
  }();
  const __m256i single = nibble_table(leads);
  const __m256i high = _mm256_set1_epi8(static_cast<char>(0xF0));
  const __m256i three = _mm256_set1_epi8(static_cast<char>(0xE0));
  const __m256i top = _mm256_set1_epi8(static_cast<char>(0xC0));
  const __m256i continuation = _mm256_set1_epi8(static_cast<char>(0x80));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = 0;
  for (std::size_t i = 0; i + 34 <= text.size(); i += 32) {
    const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i third = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    // A lead byte E1–EC of an ideograph block, and its two continuation bytes.
    const __m256i lead =
        _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(in, high), three),
                         _mm256_shuffle_epi8(single, _mm256_and_si256(in, nibble)));
    const __m256i follows =
        _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(next, top), continuation),
                         _mm256_cmpeq_epi8(_mm256_and_si256(third, top), continuation));
    n += static_cast<std::size_t>(std::popcount(
        static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(lead, follows)))));
    if (n > limit) return true;
  }
  return false;
}
#endif

// fold_bounded, and without kWrite only counting: the characters are folded but not written.
template <bool kWrite>
bool fold_bounded_into(std::string_view text, std::size_t limit, std::string* out,
                       std::size_t* count) {
#if GUIDELINT_UTF8_AVX2
  if (text.size() / 3 > limit && has_avx2 && surely_longer(text, limit)) {
    if constexpr (kWrite) out->clear();
    if (count != nullptr) *count = limit + 1;  // as the loop below leaves it
    return false;
  }
#endif
  // Written through a pointer into room made once: a folded code point takes at most 4 bytes.
  const std::size_t room = (limit + 1) * 4;
  if (kWrite && room > 4096) {
    text::fold(text, *out);
    const std::size_t n = code_points(*out);
    if (count != nullptr) *count = n;
    return n <= limit;
  }
  char* begin = nullptr;
  if constexpr (kWrite) {
    out->resize(room);
    begin = out->data();
  }
  char* p = begin;
  std::size_t n = 0;
  const auto stop = [&] {
    if constexpr (kWrite) out->resize(static_cast<std::size_t>(p - begin));
    if (count != nullptr) *count = n;
  };
  char32_t one = 0;
  std::u32string scratch;
  const std::array<bool, 16>* single = nullptr;
  if constexpr (!kWrite) single = &single_fold_leads();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    if constexpr (!kWrite) {
      if ((bytes[i] & 0xF0) == 0xE0 && (*single)[bytes[i] & 0x0F] && i + 2 < text.size() &&
          ((bytes[i + 1] ^ 0x80u) | (bytes[i + 2] ^ 0x80u)) < 0x40) {
        if (++n > limit) {
          stop();
          return false;
        }
        i += 3;
        continue;
      }
    }
    // A three-byte character folding leaves as it is (most Chinese text) is copied as it is.
    std::size_t after = i;
    if (const char32_t cp = utf8::next_common(bytes, text.size(), after);
        cp != 0 && text::table::entry(cp) == 0) {
      if (++n > limit) {
        stop();
        return false;
      }
      if constexpr (kWrite) {
        std::memcpy(p, bytes + i, 3);
        p += 3;
      }
      i = after;
      continue;
    }
    for (const char32_t f : text::fold_code_point(utf8::next(text, i), one, scratch)) {
      if (++n > limit) {
        stop();
        return false;
      }
      if constexpr (!kWrite) continue;
      if (f < 0x80) {
        *p++ = static_cast<char>(f);
      } else if (f < 0x800) {
        *p++ = static_cast<char>(0xC0 | (f >> 6));
        *p++ = static_cast<char>(0x80 | (f & 0x3F));
      } else if (f < 0x10000) {
        *p++ = static_cast<char>(0xE0 | (f >> 12));
        *p++ = static_cast<char>(0x80 | ((f >> 6) & 0x3F));
        *p++ = static_cast<char>(0x80 | (f & 0x3F));
      } else {
        *p++ = static_cast<char>(0xF0 | (f >> 18));
        *p++ = static_cast<char>(0x80 | ((f >> 12) & 0x3F));
        *p++ = static_cast<char>(0x80 | ((f >> 6) & 0x3F));
        *p++ = static_cast<char>(0x80 | (f & 0x3F));
      }
    }
  }
  stop();
  return true;
}

}  // namespace

bool fold_bounded(std::string_view text, std::size_t limit, std::string& out, std::size_t* count) {
  return fold_bounded_into<true>(text, limit, &out, count);
}

bool count_bounded(std::string_view text, std::size_t limit, std::size_t* count) {
  return fold_bounded_into<false>(text, limit, nullptr, count);
}

PhraseSet::PhraseSet(std::vector<std::string> phrases) {
  for (std::string& p : phrases) {
    bool prefix = false;
    if (p.size() > 1 && p.back() == '*') {
      p.pop_back();
      prefix = true;
    }
    const std::string folded = text::fold(p);
    const std::uint32_t length = code_points(folded);
    if (length == 0) continue;  // marks only: every such value is reported anyway
    std::size_t i = 0;
    firsts_.push_back(utf8::next(folded, i));
    // A list number may come before the phrase, an attachment's title after it.
    longest_ = std::max<std::size_t>(longest_, length + (prefix ? 16 : 0) + 4);
    matcher_.add(p, static_cast<std::uint32_t>(phrases_.size()));
    phrases_.push_back(std::move(p));
    prefix_.push_back(prefix);
    lengths_.push_back(length);
  }
  std::sort(firsts_.begin(), firsts_.end());
  for (const char32_t c : firsts_) {
    if (c < 0x10000) bmp_firsts_[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  matcher_.build();
}

char32_t first_folded(std::string_view text) {
  if (text.empty()) return 0;
  // The first code point, decoded once: nearly always it begins no list number and folds to
  // itself or one other.
  std::size_t i = 0;
  char32_t c = utf8::next_fast(text, i);
  if (may_begin_enumerator(c)) {
    text.remove_prefix(enumerator_bytes(text));
    if (text.empty()) return 0;
    i = 0;
    c = utf8::next_fast(text, i);
  }
  char32_t one = 0;
  std::u32string scratch;
  for (;;) {
    const std::u32string_view f = text::fold_code_point(c, one, scratch);
    if (!f.empty()) return f.front();
    if (i >= text.size()) return 0;
    c = utf8::next_fast(text, i);
  }
}

namespace {

// Byte offset of the first character of text that folding keeps.
std::uint32_t lead(std::string_view text) {
  std::string f;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    f.clear();
    text::fold_code_point(utf8::next(text, i), f);
    if (!f.empty()) return static_cast<std::uint32_t>(at);
  }
  return static_cast<std::uint32_t>(text.size());
}

// What separates the entries of a list (UTF-8 strings, not byte sets).
constexpr std::array<std::string_view, 4> kListMarks = {"\n", "；", ";", "、"};

}  // namespace

std::optional<PhraseSet::Match> PhraseSet::whole(std::string_view text,
                                                 std::string_view folded) const {
  if (phrases_.empty() || folded.empty()) return std::nullopt;
  // A list's only entry, numbered: "1.详见附件", "（1）相关法规".
  if (const std::uint32_t skip = enumerator_bytes(text); skip > 0) {
    const std::string rest = text::fold(text.substr(skip));
    auto m = whole(text.substr(skip), rest);
    if (m) {
      m->begin += skip;
      m->end += skip;
    }
    return m;
  }
  const std::uint32_t total = code_points(folded);
  // Memory kept from call to call, one per thread (the call above returns before this).
  static thread_local std::vector<text::Matcher::Hit> hits;
  hits.clear();
  matcher_.find(text, hits);
  std::optional<Match> best;
  std::uint32_t first = 0xFFFFFFFF;
  for (const text::Matcher::Hit& h : hits) {
    const std::uint32_t length = lengths_[h.value];
    if (length == total) {
      // The whole value: the phrase is all that folding keeps.
      return Match{h.begin, h.end, h.value, true};
    }
    if (!prefix_[h.value] || length > total) continue;
    if (first == 0xFFFFFFFF) first = lead(text);
    if (h.begin != first) continue;
    // A reference after the phrase: short, one line, not a list.
    const std::string_view rest = text.substr(h.end);
    const bool list = std::any_of(kListMarks.begin(), kListMarks.end(), [&](std::string_view mark) {
      return rest.find(mark) != std::string_view::npos;
    });
    if (total - length > 16 || list) continue;
    if (!best || length > lengths_[best->phrase]) best = Match{h.begin, h.end, h.value, false};
  }
  return best;
}

// ── Options ───────────────────────────────────────────────────────────────────────────────────

bool read_element_map(const Setup& setup, std::string_view key, bool allow_default,
                      const std::function<bool(const std::string& id, const YAML::Node& entry,
                                               const YAML::Node& map)>& read) {
  const YAML::Node map = config::get(setup.options, key);
  if (!map.IsDefined()) return true;
  if (!map.IsMap()) {
    setup.file.report(map.IsNull() ? setup.options : map, "config.wrong-type",
                      {{"key", std::string(key)}, {"expected", "mapping"}});
    return false;
  }
  if (!config::check_keys(setup.file, map, {})) return false;
  const std::vector<std::string> known = setup.profile.ids();
  bool ok = true;
  for (const auto& kv : map) {
    const std::string& id = kv.first.Scalar();
    if (!(allow_default && id == "default") && setup.profile.find(id) == nullptr) {
      if (builtin_options(setup)) continue;
      std::vector<std::string> choices = known;
      if (allow_default) choices.emplace_back("default");
      std::vector<Arg> args{{"element", id}};
      if (auto s = text::suggest(id, choices)) args.push_back({"suggestion", *s});
      setup.file.report(kv.first, "config.unknown-element", std::move(args));
      ok = false;
      continue;
    }
    if (!read(id, kv.second, map)) ok = false;
  }
  return ok;
}

std::optional<std::vector<std::string>> phrase_list(const Setup& setup, const YAML::Node& map,
                                                    std::string_view key) {
  const YAML::Node node = config::get(map, key);
  if (node.IsNull()) {
    // `fees:` with nothing after it: say so rather than silently checking nothing (`[]` does).
    setup.file.report(node.Mark().pos >= 0 ? node : map, "config.wrong-type",
                      {{"key", std::string(key)}, {"expected", "list"}});
    return std::nullopt;
  }
  return config::get_strings(setup.file, map, key);
}

}  // namespace content

namespace {

using content::PhraseSet;

// ── Template placeholders ────────────────────────────────────────────────────────────────────

struct Cp {
  char32_t cp;
  std::uint32_t at;    // byte offset in the text
  std::uint32_t next;  // byte offset after it
};

bool is_x(char32_t c) {
  return c == U'X' || c == U'x' || c == U'Ｘ' || c == U'ｘ';
}
bool is_latin(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'Ａ' && c <= U'Ｚ') ||
         (c >= U'ａ' && c <= U'ｚ');
}
bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool is_times(char32_t c) {
  return c == U'×' || c == U'✕' || c == U'✖' || c == U'╳';
}
bool is_circle(char32_t c) {
  return c == U'○' || c == U'〇' || c == U'◯';
}
bool is_numeral(char32_t c) {
  static constexpr std::u32string_view numerals =
      U"零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾";
  return is_digit(c) || numerals.find(c) != std::u32string_view::npos;
}
bool is_underscore(char32_t c) {
  return c == U'_' || c == U'＿' || (c >= U'﹍' && c <= U'﹏');
}

// Characters after a lone X that make it stand for a number or a name: counters (X个工作日, X年
// X月), places and bodies (X市, X局, XX单位), document numbers (X财综字, X政发). Compared folded,
// so traditional forms count too. X光, X射线, X线, X刀, X染色体 are words, not placeholders.
bool placeholder_context(char32_t c) {
  static constexpr std::u32string_view after =
      U"个日天年月号元份条款项人名次层楼室栋幢周岁万千百省市县区镇乡村街路局厅委办处科队所站院"
      U"校厂店公单财政发字届期批类级部司〕］]）)";
  if (c == 0) return false;
  char32_t one = 0;
  std::u32string scratch;
  const std::u32string_view f = text::fold_code_point(c, one, scratch);
  // A bracket folds to nothing: look at it as written.
  return after.find(f.empty() ? c : f.front()) != std::u32string_view::npos;
}

bool starts_url(const std::vector<Cp>& cps, std::size_t i) {
  const auto lower = [&](std::size_t k) -> char32_t {
    if (k >= cps.size()) return 0;
    const char32_t c = cps[k].cp;
    return c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c;
  };
  const auto is = [&](std::u32string_view word) {
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (lower(i + k) != word[k]) return false;
    }
    return true;
  };
  return is(U"http://") || is(U"https://") || is(U"www.");
}

// Could text hold a template mark? One pass over the code points without keeping them: most
// elements hold none of the characters a mark is made of.
// What a BMP code point is to a template scan: 0 nothing, 1 a character a mark is made of, 2 an
// opening bracket, 3 a closing one. Made once: the scan below is one lookup per character.
const std::array<std::uint8_t, 0x10000>& template_classes() {
  static const auto table = [] {
    std::array<std::uint8_t, 0x10000> t{};
    for (const char32_t c : std::u32string_view(U"XxＸｘ×✕✖╳○〇◯某_＿﹍﹎﹏${"))
      t[c] = 1;
    for (const char32_t c : std::u32string_view(U"【（([〔［《〈「『｛〖"))
      t[c] = 2;
    for (const char32_t c : std::u32string_view(U"】）)]〕］》〉」』｝〗"))
      t[c] = 3;
    return t;
  }();
  return table;
}

#if GUIDELINT_UTF8_AVX2
// Each byte is classed by its two nibbles, looked up apart and the bits both give kept. Bits:
// 0 C3 (×), 1 E2 (╳ ○◯ ✕✖), 2 E3 (〇 【《…), 3 E6 (某), 4 EF (﹍ （［Ｘ＿ ｘ｛), 5 X x _ [ { (and
// DEL), 6 $ (. As the byte after a lead, the bits of the leads whose block it selects: 97 for C3
// and E2, 95 9C for E2, 80 for E3, 9F for E6, B9 BC BD for EF. As the byte after that, for E3: 87
// 88 8A 8C 8E 90 94 96 (and some other, not 81 82); for E6: 90 (查 and the rest of its block are
// common); for EF: 88 8D–8F 98 9B B8 BB BF (and some other, not 8C 9A); the other leads take any.
struct MarkTables {
  __m256i lead_lows, lead_highs, next_lows, next_highs, last_lows, last_highs;
};

// A bit for each of the 32 bytes from at that may begin a mark or an opening bracket; 34 bytes
// are read.
__attribute__((target("avx2"), always_inline)) inline std::uint32_t mark_candidates(
    const MarkTables& t, const unsigned char* at) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i ascii = _mm256_set1_epi8(0x60);
  const __m256i two_bytes = _mm256_set1_epi8(0x63);  // the leads the third byte does not narrow
  const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
  const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + 1));
  const __m256i third = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + 2));
  const __m256i lead = _mm256_and_si256(
      _mm256_shuffle_epi8(t.lead_lows, _mm256_and_si256(in, nibble)),
      _mm256_shuffle_epi8(t.lead_highs, _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble)));
  const __m256i after = _mm256_and_si256(
      _mm256_shuffle_epi8(t.next_lows, _mm256_and_si256(next, nibble)),
      _mm256_shuffle_epi8(t.next_highs, _mm256_and_si256(_mm256_srli_epi16(next, 4), nibble)));
  const __m256i last = _mm256_and_si256(
      _mm256_shuffle_epi8(t.last_lows, _mm256_and_si256(third, nibble)),
      _mm256_shuffle_epi8(t.last_highs, _mm256_and_si256(_mm256_srli_epi16(third, 4), nibble)));
  const __m256i hit = _mm256_and_si256(_mm256_and_si256(lead, _mm256_or_si256(after, ascii)),
                                       _mm256_or_si256(last, two_bytes));
  return ~static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(hit, _mm256_setzero_si256())));
}

// The first byte at or after i (a character's start) that may begin a mark or an opening bracket,
// 32 bytes at a time (see mark_candidates); n when there is none. Most text between two such
// bytes is passed over here, its last bytes too (most elements are short): in a copy padded with
// zeros, which begin nothing.
__attribute__((target("avx2"))) std::size_t next_mark_lead(const unsigned char* p, std::size_t n,
                                                           std::size_t i) {
  static constexpr std::array<std::uint8_t, 16> lead_low = {
      0, 0, 0x02, 0x05, 0x40, 0, 0x08, 0, 0x60, 0, 0, 0x20, 0, 0, 0, 0x30};
  static constexpr std::array<std::uint8_t, 16> lead_high = {0, 0, 0x40, 0, 0,    0x20, 0,    0x20,
                                                             0, 0, 0,    0, 0x01, 0,    0x1E, 0};
  static constexpr std::array<std::uint8_t, 16> next_low = {0x04, 0,    0, 0, 0,    0x02, 0, 0x03,
                                                            0,    0x10, 0, 0, 0x12, 0x10, 0, 0x08};
  static constexpr std::array<std::uint8_t, 16> next_high = {0,    0,    0, 0,    0, 0, 0, 0,
                                                             0x04, 0x0B, 0, 0x10, 0, 0, 0, 0};
  static constexpr std::array<std::uint8_t, 16> last_low = {
      0x0C, 0, 0, 0, 0x04, 0, 0x04, 0x04, 0x14, 0, 0x04, 0x10, 0x04, 0x10, 0x14, 0x10};
  static constexpr std::array<std::uint8_t, 16> last_high = {0,    0,    0, 0,    0, 0, 0, 0,
                                                             0x14, 0x1C, 0, 0x10, 0, 0, 0, 0};
  using content::nibble_table;
  const MarkTables t{nibble_table(lead_low),  nibble_table(lead_high), nibble_table(next_low),
                     nibble_table(next_high), nibble_table(last_low),  nibble_table(last_high)};
  for (; i + 34 <= n; i += 32) {
    if (const std::uint32_t hits = mark_candidates(t, p + i); hits != 0)
      return i + static_cast<std::size_t>(std::countr_zero(hits));
  }
  if (i >= n) return n;
  alignas(32) std::array<unsigned char, 66> tail{};
  std::memcpy(tail.data(), p + i, n - i);
  for (std::size_t k = 0; k < n - i; k += 32) {
    if (const std::uint32_t hits = mark_candidates(t, tail.data() + k); hits != 0)
      return i + k + static_cast<std::size_t>(std::countr_zero(hits));
  }
  return n;
}
#endif

bool may_hold_template(std::string_view text) {
  const auto& classes = template_classes();
  bool open = false;  // the last character other than a blank opened a bracket
  // How far to pass over a character that begins with this byte while no bracket is open: its
  // length, or 0 when it can be a mark (the ASCII marks and brackets, and the lead bytes of
  // U+00C0–U+00FF (×), U+2000–U+3FFF, U+6000–U+6FFF (某) and U+F000–U+FFFF), to be decoded.
  static const auto skip = [] {
    std::array<std::uint8_t, 256> t{};
    for (int b = 0; b < 256; ++b)
      t[b] = b >= 0xF0 && b <= 0xF7   ? 4
             : b >= 0xE0 && b <= 0xEF ? 3
             : b >= 0xC0 && b <= 0xDF ? 2
                                      : 1;
    for (const unsigned char b : std::string_view("Xx_${([)]}"))
      t[b] = 0;
    for (const unsigned char b : {0xC3, 0xE2, 0xE3, 0xE6, 0xEF})
      t[b] = 0;
    return t;
  }();
  // Of the three-byte characters those lead bytes begin, the blocks of 64 code points (a lead
  // byte and the next) that hold no mark or bracket: most of U+6000–U+6FFF, the dashes and quotes
  // of U+2000–U+203F.
  static const auto plain_block = [] {
    const auto& classes = template_classes();
    std::array<bool, 0x10000 / 64> t{};
    for (std::size_t b = 0; b < t.size(); ++b)
      t[b] = std::all_of(classes.begin() + static_cast<std::ptrdiff_t>(b * 64),
                         classes.begin() + static_cast<std::ptrdiff_t>(b * 64 + 64),
                         [](std::uint8_t k) { return k == 0; });
    return t;
  }();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
#if GUIDELINT_UTF8_AVX2
  const bool avx2 = content::has_avx2;
#endif
  for (std::size_t i = 0; i < text.size();) {
#if GUIDELINT_UTF8_AVX2
    // Outside brackets only a mark or an opening bracket counts: pass over the text up to one.
    if (!open && avx2) {
      i = next_mark_lead(bytes, text.size(), i);
      if (i >= text.size()) break;
    }
#endif
    const unsigned char byte = bytes[i];
    if (!open && skip[byte] != 0) {
      i += skip[byte];
      continue;
    }
    if (!open && (byte & 0xF0) == 0xE0 && i + 2 < text.size() &&
        plain_block[(byte & 0x0Fu) << 6 | (bytes[i + 1] & 0x3Fu)]) {
      i += 3;
      continue;
    }
    char32_t c = byte;
    if (byte < 0x80) {
      ++i;
    } else if ((byte & 0xF0) == 0xE0 && i + 2 < text.size()) {
      // Three bytes, as nearly all Chinese text: the element's text is valid UTF-8.
      c = (byte & 0x0Fu) << 12 | (bytes[i + 1] & 0x3Fu) << 6 | (bytes[i + 2] & 0x3Fu);
      i += 3;
    } else {
      c = utf8::next(text, i);
    }
    const std::uint8_t k = c < 0x10000 ? classes[c] : 0;
    if (k == 1 || (k == 3 && open)) return true;
    if (k == 2) {
      open = true;
    } else if (open && !utf8::is_space(c)) {
      open = false;
    }
  }
  return false;
}

// Template marks in text, as byte ranges, in order.
void find_templates(std::string_view text, std::vector<Item>& out) {
  std::vector<Cp> cps;
  cps.reserve(text.size() / 2);  // mostly three-byte characters
  for (std::size_t i = 0; i < text.size();) {
    const auto at = static_cast<std::uint32_t>(i);
    const char32_t c = utf8::next_fast(text, i);
    cps.push_back({c, at, static_cast<std::uint32_t>(i)});
  }
  const auto cp = [&](std::ptrdiff_t k) -> char32_t {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(cps.size()) ? 0 : cps[k].cp;
  };
  const auto add = [&](std::size_t b, std::size_t e) {
    out.push_back({cps[b].at, cps[e - 1].next});
  };
  const auto run_of = [&](std::size_t i, auto pred) {
    std::size_t j = i;
    while (j < cps.size() && pred(cps[j].cp))
      ++j;
    return j;
  };
  // Brackets with nothing but blanks inside: 【】, （ ）, 《》, [ ].
  static constexpr std::array<std::pair<char32_t, char32_t>, 13> pairs = {{{U'【', U'】'},
                                                                           {U'（', U'）'},
                                                                           {U'(', U')'},
                                                                           {U'[', U']'},
                                                                           {U'〔', U'〕'},
                                                                           {U'［', U'］'},
                                                                           {U'《', U'》'},
                                                                           {U'〈', U'〉'},
                                                                           {U'「', U'」'},
                                                                           {U'『', U'』'},
                                                                           {U'｛', U'｝'},
                                                                           {U'{', U'}'},
                                                                           {U'〖', U'〗'}}};

  for (std::size_t i = 0; i < cps.size();) {
    const char32_t c = cps[i].cp;
    const auto k = static_cast<std::ptrdiff_t>(i);
    if ((c == U'h' || c == U'H' || c == U'w' || c == U'W') && starts_url(cps, i)) {
      // Addresses are not templates (…/xxgk/…); skip to the end of the address.
      while (i < cps.size() && cps[i].cp > U' ' && cps[i].cp < 0x80)
        ++i;
      continue;
    }
    if (is_x(c)) {
      const std::size_t j = run_of(i, is_x);
      const auto e = static_cast<std::ptrdiff_t>(j);
      if (is_latin(cp(k - 1)) || is_latin(cp(e))) {
        i = j;  // part of a word (XXL, Xbox, taxi)
        continue;
      }
      if (j - i >= 2) {
        add(i, j);  // XX, XXX, 20XX
      } else {
        std::ptrdiff_t digits = 0;
        while (is_digit(cp(k - 1 - digits)))
          ++digits;
        const bool placeholder = digits < 6 &&
                                 !is_digit(cp(e)) &&  // a check digit (…1234X), a code (X0903), 2X2
                                 (cp(k - 1) == U'第' || placeholder_context(cp(e)) ||
                                  (digits >= 1 && (cp(e) == U'〕' || cp(e) == U']')));
        if (placeholder) add(i, j);
      }
      i = j;
      continue;
    }
    if (is_times(c)) {
      const std::size_t j = run_of(i, is_times);
      const auto e = static_cast<std::ptrdiff_t>(j);
      // Skipping spaces, what is either side: 210mm × 297mm multiplies.
      std::ptrdiff_t b = k - 1;
      while (b >= 0 && utf8::is_space(cps[b].cp))
        --b;
      std::ptrdiff_t a = e;
      while (a < static_cast<std::ptrdiff_t>(cps.size()) && utf8::is_space(cps[a].cp))
        ++a;
      const bool number = is_digit(cp(b)) || is_latin(cp(b)) || is_digit(cp(a)) || is_latin(cp(a));
      if (!number && (j - i >= 2 || placeholder_context(cp(e)))) add(i, j);
      i = j;
      continue;
    }
    if (is_circle(c)) {
      const std::size_t j = run_of(i, is_circle);
      // 二○○九年 is a year written with circles for zeros.
      if (j - i >= 2 && !is_numeral(cp(k - 1)) && !is_numeral(cp(static_cast<std::ptrdiff_t>(j))))
        add(i, j);
      i = j;
      continue;
    }
    if (c == U'某') {
      const std::size_t j = run_of(i, [](char32_t x) { return x == U'某'; });
      if (j - i >= 2) add(i, j);  // 某某单位
      i = j;
      continue;
    }
    if (is_underscore(c)) {
      const std::size_t j = run_of(i, is_underscore);
      if (j - i >= 3) add(i, j);  // ____年__月: a blank to fill in
      i = j;
      continue;
    }
    if ((c == U'$' && cp(k + 1) == U'{') || (c == U'{' && cp(k + 1) == U'{')) {
      // ${name}, {{name}}: a content system's variable left unexpanded.
      std::size_t j = i + 2;
      while (j < cps.size() && j < i + 40 && cps[j].cp != U'}' && cps[j].cp != U'\n')
        ++j;
      if (j < cps.size() && cps[j].cp == U'}') {
        const std::size_t end =
            c == U'{' && cp(static_cast<std::ptrdiff_t>(j) + 1) == U'}' ? j + 2 : j + 1;
        add(i, end);
        i = end;
        continue;
      }
    }
    bool bracket = false;
    const bool opens = c == U'{' || (c < 0x10000 && template_classes()[c] == 2);
    for (const auto& [open, close] : pairs) {
      if (!opens) break;
      if (c != open) continue;
      std::size_t j = i + 1;
      while (j < cps.size() && (utf8::is_space(cps[j].cp) || is_underscore(cps[j].cp)) &&
             cps[j].cp != U'\n')
        ++j;
      if (j < cps.size() && cps[j].cp == close) {
        add(i, j + 1);
        i = j + 1;
        bracket = true;
      }
      break;
    }
    if (!bracket) ++i;
  }
}

// ── The rule ─────────────────────────────────────────────────────────────────────────────────

struct Options {
  std::vector<std::string> elements;  // empty with all_elements
  bool all_elements = true;
  std::vector<std::string> exclude;
  // Phrase lists: [0] the default, then one per element that has its own.
  std::vector<PhraseSet> sets;                               // one per distinct list
  std::vector<std::pair<std::string, std::size_t>> phrases;  // element id (or default) → set
  bool templates = true;
  // Catch-all phrases per element: folded, and the shared list that finds the elements with any
  // (materials and conditions are read for catalog names anyway).
  struct CatchAll {
    std::string id;
    std::vector<std::string> folded;
    std::uint32_t list = 0;
  };
  std::vector<CatchAll> catch_all;
};

class PlaceholderContent final : public Rule {
 public:
  explicit PlaceholderContent(Options options) : o_(std::move(options)) {}

  void check(const Context& context, const Reporter& reporter) const override {
    std::vector<Item> marks;
    std::string folded;
    for (const Element& e : context.guide.elements) {
      if (e.id.empty() || e.blank() || !checked(e.id)) continue;
      const char32_t first = context.catalogs.first_folded(e);
      if (first == 0 && content::enumerator_bytes(e.text) == 0) {
        // Marks only: "/", "—", "……", "-".
        reporter.report("placeholder-content.phrase",
                        {{"label", label_of(context, e)}, {"phrase", e.text}}, e.value_span(),
                        e.id);
        continue;
      }
      // Only a short value can be a phrase: most are ruled out by their first character, and
      // the others are folded only as far as the longest phrase.
      const PhraseSet* set = find(e.id);
      if (set != nullptr && set->may_start(first) &&
          content::fold_bounded(e.text, set->longest(), folded)) {
        if (const auto m = set->whole(e.text, folded)) {
          std::vector<Arg> args{{"label", label_of(context, e)},
                                {"phrase", std::string(std::string_view(e.text).substr(
                                               m->begin, m->end - m->begin))}};
          if (!m->whole) args.push_back({"text", e.text});
          reporter.report(m->whole ? "placeholder-content.phrase" : "placeholder-content.reference",
                          std::move(args), e.source_span(m->begin, m->end), e.id);
          continue;
        }
      }
      if (o_.templates && may_hold_template(e.text)) {
        marks.clear();
        find_templates(e.text, marks);
        for (const Item& m : marks) {
          reporter.report(
              "placeholder-content.template",
              {{"label", label_of(context, e)}, {"placeholder", std::string(e.item_text(m))}},
              e.source_span(m.begin, m.end), e.id);
        }
      }
      for (const Options::CatchAll& c : o_.catch_all) {
        if (c.id != e.id) continue;
        const auto& hits = context.catalogs.phrases(e);
        if (std::any_of(hits.begin(), hits.end(), [&](const auto& h) { return h.list == c.list; }))
          catch_all(context, reporter, e, c.folded);
      }
    }
  }

 private:
  bool checked(const std::string& id) const {
    if (listed(o_.exclude, id)) return false;
    return o_.all_elements || listed(o_.elements, id);
  }

  const PhraseSet* find(const std::string& id) const {
    const PhraseSet* fallback = nullptr;
    for (const auto& [key, set] : o_.phrases) {
      if (key == id) return &o_.sets[set];
      if (key == "default") fallback = &o_.sets[set];
    }
    return fallback;
  }

  // An entry after the first that ends in a catch-all phrase ("县区规定需要提供的其他资料"):
  // legitimate when the rest of the list is complete, so a person should look.
  static void catch_all(const Context& context, const Reporter& reporter, const Element& e,
                        const std::vector<std::string>& phrases) {
    const std::vector<Item> list = content::entries(e);
    std::string folded;
    for (std::size_t k = 1; k < list.size(); ++k) {
      // The entry without its number: "5.县区规定需要提供的其他资料".
      Item at = list[k];
      at.begin += content::enumerator_bytes(e.item_text(at));
      std::string_view entry = e.item_text(at);
      // A remark in brackets at the end does not count: 其他材料（如有）.
      const std::size_t close = entry.rfind("）");
      if (close != std::string_view::npos && close + 3 == entry.size()) {
        const std::size_t open = entry.rfind("（");
        if (open != std::string_view::npos && open > 0) entry = entry.substr(0, open);
      }
      if (!content::fold_bounded(entry, 24, folded) || folded.empty()) continue;
      for (const std::string& p : phrases) {
        std::string_view f = folded;
        if (f.ends_with("等")) f.remove_suffix(std::string_view("等").size());
        if (!f.ends_with(p)) continue;
        const std::string_view before = f.substr(0, f.size() - p.size());
        // 无其他条件, 不需要其他材料: says there is nothing else.
        if (before.ends_with("无") || before.ends_with("不") || before.ends_with("没有") ||
            before.ends_with("不需要") || before.ends_with("无需") || before.ends_with("免"))
          break;
        reporter.review("placeholder-content.catch-all",
                        {{"label", label_of(context, e)},
                         {"item", std::string(e.item_text(at))},
                         {"count", static_cast<std::int64_t>(k)}},
                        e.source_span(at.begin, at.end), e.id);
        break;
      }
    }
  }

  Options o_;
};

}  // namespace

RuleType placeholder_content_type() {
  return RuleType{
      "placeholder-content",
      "要素内容只是“相关法规”“详见附件”“无”之类的套话，或留有未填写的模板占位符",
      {"elements", "exclude", "phrases", "templates", "catch_all"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        Options o;
        bool ok = true;
        if (config::get(setup.options, "elements").IsDefined()) {
          auto given = element_list_option(setup, "elements");
          if (given) {
            o.elements = std::move(*given);
            o.all_elements = false;
          } else {
            ok = false;
          }
        }
        if (config::get(setup.options, "exclude").IsDefined()) {
          auto given = element_list_option(setup, "exclude");
          if (given) {
            o.exclude = std::move(*given);
          } else {
            ok = false;
          }
        }
        // Built-in lists; each entry the options give replaces the list of that key.
        std::vector<std::pair<std::string, std::vector<std::string>>> phrases = {
            {"default", content::default_placeholder_phrases()},
            {"fees", content::default_fee_phrases()},
            {"fee_basis", content::default_fee_phrases()}};
        std::vector<std::pair<std::string, std::vector<std::string>>> catch_all = {
            {"materials", content::default_catch_all_materials()},
            {"conditions", content::default_catch_all_conditions()}};
        const auto put = [](auto& lists, const std::string& id, std::vector<std::string> list) {
          for (auto& [key, value] : lists) {
            if (key == id) {
              value = std::move(list);
              return;
            }
          }
          lists.emplace_back(id, std::move(list));
        };
        const auto reader = [&](auto& lists) {
          return [&](const std::string& id, const YAML::Node&, const YAML::Node& map) {
            auto list = content::phrase_list(setup, map, id);
            if (!list) return false;
            put(lists, id, std::move(*list));
            return true;
          };
        };
        ok = content::read_element_map(setup, "phrases", true, reader(phrases)) && ok;
        ok = content::read_element_map(setup, "catch_all", false, reader(catch_all)) && ok;
        if (config::get(setup.options, "templates").IsDefined()) {
          if (auto b = config::get_bool(setup.file, setup.options, "templates")) {
            o.templates = *b;
          } else {
            ok = false;
          }
        }
        if (!ok) return nullptr;
        // Lists alike (fees, fee_basis) share one automaton.
        std::vector<const std::vector<std::string>*> distinct;
        for (const auto& [id, list] : phrases) {
          std::size_t k = 0;
          while (k < distinct.size() && *distinct[k] != list)
            ++k;
          if (k == distinct.size()) {
            distinct.push_back(&list);
            o.sets.emplace_back(list);
          }
          o.phrases.emplace_back(id, k);
        }
        for (auto& [id, list] : catch_all) {
          Options::CatchAll c{id, {}, 0};
          std::vector<std::string> phrases;
          for (const std::string& p : list) {
            if (std::string f = text::fold(p); !f.empty()) {
              phrases.push_back(p);
              c.folded.push_back(std::move(f));
            }
          }
          if (c.folded.empty()) continue;
          c.list = setup.phrases.add(phrases);
          o.catch_all.push_back(std::move(c));
        }
        return std::make_unique<PlaceholderContent>(std::move(o));
      }};
}

}  // namespace guidelint::rules
