#include "config/profile.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "text/fold.hpp"
#include "text/suggest.hpp"
#include "text/utf8.hpp"

namespace guidelint::config {
namespace {

constexpr std::u32string_view kNumerals = U"〇零一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾貳參陸";

// The numerals among the ideographs U+4E00…U+9FFF, a bit each (all but 〇 are there): the first
// character of nearly every line is asked about, nearly always an ideograph that is no numeral.
constexpr char32_t kIdeographs = 0x4E00;
constexpr auto kNumeralBits = [] {
  std::array<std::uint64_t, (0xA000 - kIdeographs) / 64> bits{};
  for (const char32_t c : kNumerals) {
    if (c == U'〇') continue;
    const char32_t k = c - kIdeographs;
    bits.at(k / 64) |= std::uint64_t{1} << (k % 64);  // at(): out of range does not compile
  }
  return bits;
}();

bool is_chinese_numeral(char32_t c) {
  const char32_t k = c - kIdeographs;
  if (k < kNumeralBits.size() * 64) return (kNumeralBits[k / 64] >> (k % 64) & 1) != 0;
  return c == U'〇';
}

bool is_digit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９');
}

bool is_bullet(char32_t c) {
  if (c > 0x3229) return false;           // past ㈩: the ideographs, and everything after them
  return (c >= 0x2460 && c <= 0x24FF) ||  // ① … ⑳, ⑴, ⒈ and other enclosed numbers
         (c >= 0x2776 && c <= 0x2793) ||  // ❶ … ➓
         (c >= 0x3220 && c <= 0x3229) ||  // ㈠ … ㈩
         c == U'◆' || c == U'◇' || c == U'●' || c == U'○' || c == U'■' || c == U'□' || c == U'★' ||
         c == U'☆' || c == U'※' || c == U'▲' || c == U'►' || c == U'▶' || c == U'•' || c == U'·' ||
         c == U'-' || c == U'*' || c == U'#';
}

bool is_separator(char32_t c) {
  return c == U'、' || c == U'.' || c == U'．' || c == U',' || c == U'，' || c == U')' ||
         c == U'）' || c == U':' || c == U'：';
}

// The code point at label[at], advancing `at`; U+0000 at the end.
char32_t peek(std::string_view label, std::size_t& at) {
  return at < label.size() ? utf8::next_fast(label, at) : U'\0';
}

// The first offset at or after i that is not whitespace. (Inline: nearly always the first
// byte tells, and a call would cost more than the test.)
[[gnu::always_inline]] inline std::size_t skip_spaces(std::string_view label, std::size_t i) {
  // Most text is ruled out by its first byte, without decoding it.
  while (i < label.size() && utf8::may_begin_space(static_cast<unsigned char>(label[i]))) {
    std::size_t j = i;
    if (!utf8::is_space(utf8::next(label, j))) break;
    i = j;
  }
  return i;
}

}  // namespace

std::string_view strip_enumerator(std::string_view label) {
  std::size_t i = skip_spaces(label, 0);
  std::size_t j = i;
  char32_t c = peek(label, j);
  if (is_bullet(c)) {
    i = skip_spaces(label, j);
    // "①、" and "⑴." may still carry a separator.
    std::size_t k = i;
    if (is_separator(peek(label, k))) i = k;
    return label.substr(skip_spaces(label, i));
  }
  const std::size_t start = i;
  bool open = false;
  if (c == U'(' || c == U'（') {
    open = true;
    i = j;
    c = peek(label, j);
  }
  // Whatever else the text starts with, it is not numbered.
  if (!is_chinese_numeral(c) && !is_digit(c)) return label.substr(start);
  bool chinese = false;
  bool digits = false;
  while (true) {
    std::size_t k = i;
    const char32_t d = peek(label, k);
    if (is_chinese_numeral(d) && !digits) {
      chinese = true;
    } else if ((is_digit(d) || ((d == '.' || d == U'．') && digits)) && !chinese) {
      // "4.1" keeps going through its dots; the final separator is handled below.
      std::size_t look = k;
      if ((d == '.' || d == U'．') && !is_digit(peek(label, look))) break;
      digits = true;
    } else {
      break;
    }
    i = k;
  }
  std::size_t k = i;
  const char32_t sep = peek(label, k);
  if (open) {
    if (sep != U')' && sep != U'）') return label.substr(start);
    i = k;
    std::size_t k2 = i;
    if (is_separator(peek(label, k2))) i = k2;
  } else if (is_separator(sep)) {
    i = k;
  } else if (chinese || !utf8::is_space(sep)) {
    // "一事项名称" is not numbered, and "12345" is a value, not a clause number.
    return label.substr(start);
  }
  return label.substr(skip_spaces(label, i));
}

// ── Labels ───────────────────────────────────────────────────────────────────────────────────

// The profile's folded labels as a trie over their code points, read backwards. Parsers ask
// resolve_label of nearly every line and cell, nearly always of text that is no label: a
// candidate is read from its end, a code point at a time, folding each, and most leave the trie
// at their first or second character, where folding the whole candidate and hashing it would cost
// more than all the rest of recognising. The candidate without its clause number
// (strip_enumerator) is a suffix of it: it is a label only if the walk from the end met a label's
// end on the way.
class LabelTrie {
 public:
  static constexpr std::size_t kNotFound = ~std::size_t{0};

  // `labels`: pairs of a folded label and its value (an element's index).
  template <typename Labels>
  explicit LabelTrie(const Labels& labels) {
    std::size_t edges = 0;
    for (const auto& [key, element] : labels)
      edges += key.size();
    std::size_t capacity = 64;
    while (capacity < 2 * edges)
      capacity *= 2;
    slots_.assign(capacity, Slot{kEmpty, 0});
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    element_.push_back(kNone);  // the root
    std::vector<char32_t> cps;
    for (const auto& [key, element] : labels) {
      cps.clear();
      for (std::size_t i = 0; i < key.size();)
        cps.push_back(utf8::next(key, i));
      std::uint32_t node = 0;
      for (std::size_t k = cps.size(); k-- > 0;)
        node = child_or_add(node, cps[k]);
      element_[node] = static_cast<std::uint32_t>(element);
    }
  }

  // The value of the key the text folds to, kNotFound if none.
  std::size_t find(std::string_view text) const {
    const std::uint32_t full = walk(text).full;
    return full == kNone ? kNotFound : full;
  }

  // The element the label names, as its folded form or without its clause number; kNotFound.
  std::size_t resolve(std::string_view label) const {
    const Walk w = walk(label);
    if (w.full != kNone) return w.full;
    if (!w.any) return kNotFound;
    const std::string_view stripped = strip_enumerator(label);
    if (stripped.size() == label.size()) return kNotFound;
    const Walk s = walk(stripped);
    return s.full == kNone ? kNotFound : s.full;
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  struct Slot {
    std::uint64_t key;  // node << 21 | code point
    std::uint32_t child;
  };

  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  std::uint32_t child(std::uint32_t node, char32_t cp) const {
    const std::uint64_t key = (std::uint64_t{node} << 21) | cp;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].child;
      if (slots_[i].key == kEmpty) return kNone;
    }
  }

  std::uint32_t child_or_add(std::uint32_t node, char32_t cp) {
    const std::uint64_t key = (std::uint64_t{node} << 21) | cp;
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot_of(key);
    for (; slots_[i].key != kEmpty; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].child;
    }
    const auto added = static_cast<std::uint32_t>(element_.size());
    element_.push_back(kNone);
    slots_[i] = {key, added};
    return added;
  }

  struct Walk {
    std::uint32_t full = kNone;  // the element the whole of the text folds to a label of
    bool any = false;            // a label's end was met: a suffix of the text folds to one
  };

  // The text read backwards, code point by code point as utf8::next reads it forwards: every
  // byte that is not a continuation byte starts a code point, and a code point of several bytes
  // is one that decodes to exactly those bytes; any other byte is one code point on its own.
  Walk walk(std::string_view s) const {
    Walk out;
    std::uint32_t node = 0;
    std::size_t end = s.size();
    while (end > 0) {
      const char32_t cp = previous(s, end);
      // text::fold keeps ASCII digits and lower-case letters as they are; other code points of
      // the BMP are one look in its table.
      if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) {
        node = child(node, cp);
      } else if (cp < 0x10000) {
        const std::uint32_t entry = text::table::entry(cp);
        if ((entry & text::table::kMulti) != 0) {
          const char32_t* folded = text::table::pool + (entry & 0xFFFFFF);
          for (std::uint32_t k = (entry >> 24) & 0x7F; k-- > 0 && node != kNone;)
            node = child(node, folded[k]);
        } else {
          node = child(node, entry == 0 ? cp : static_cast<char32_t>(entry));
        }
      } else {
        char32_t one = 0;
        std::u32string scratch;
        const std::u32string_view folded = text::fold_code_point(cp, one, scratch);
        for (std::size_t k = folded.size(); k-- > 0 && node != kNone;)
          node = child(node, folded[k]);
      }
      if (node == kNone) return out;
      if (element_[node] != kNone) {
        out.any = true;
        if (end == 0) out.full = element_[node];
      }
    }
    return out;
  }

  // The code point that ends s[0, end), as utf8::next reads s from the start: every byte that is
  // not a continuation byte starts a code point, and a code point of several bytes is one that
  // decodes to exactly those bytes; any other byte is one code point on its own. Moves `end` to
  // its start.
  static char32_t previous(std::string_view s, std::size_t& end) {
    const auto last = static_cast<unsigned char>(s[end - 1]);
    if (last < 0x80) {
      --end;
      return last;
    }
    // Chinese text: a three-byte sequence, checked as utf8::next checks it.
    if (end >= 3) {
      const auto b0 = static_cast<unsigned char>(s[end - 3]);
      const auto b1 = static_cast<unsigned char>(s[end - 2]);
      if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (last & 0xC0) == 0x80 &&
          !(b0 == 0xE0 && b1 < 0xA0) && !(b0 == 0xED && b1 >= 0xA0)) {
        end -= 3;
        return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
               (last & 0x3F);
      }
    }
    std::size_t lead = end - 1;
    while (lead > 0 && end - lead < 4 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80)
      --lead;
    std::size_t i = lead;
    const char32_t decoded = utf8::next(s, i);
    if (i == end) {
      end = lead;
      return decoded;
    }
    --end;
    return utf8::kReplacement;
  }

  std::vector<Slot> slots_;
  unsigned shift_ = 0;
  std::vector<std::uint32_t> element_;  // per node: the element whose label ends there, or kNone
};

namespace {

// Enough to spread a profile's few dozen ids: the length and the first, middle and last byte.
std::size_t id_hash(std::string_view id) {
  std::uint32_t h = static_cast<std::uint32_t>(id.size());
  if (!id.empty()) {
    const auto byte = [&](std::size_t k) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(id[k]));
    };
    h ^= byte(0) << 8 ^ byte(id.size() / 2) << 16 ^ byte(id.size() - 1) << 24;
  }
  h *= 0x9E3779B1u;
  return h ^ h >> 16;
}

}  // namespace

// Asked of every element of every guide, most of them ids: a hash probe rather than a scan.
const ElementDef* Profile::find(std::string_view id) const {
  if (by_id_.empty()) {  // a Profile not made by load
    for (const ElementDef& e : elements) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
  const std::size_t mask = by_id_.size() - 1;
  for (std::size_t slot = id_hash(id) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t k = by_id_[slot];
    if (k == 0) return nullptr;
    if (elements[k - 1].id == id) return &elements[k - 1];
  }
}

const ElementDef* Profile::resolve_label(std::string_view label) const {
  if (!labels_) return nullptr;
  const std::size_t k = labels_->resolve(label);
  return k == LabelTrie::kNotFound ? nullptr : &elements[k];
}

namespace {

// Each byte as field names are compared: A-Z lowered; '_', '-', ' ' and '.' dropped (0).
constexpr std::array<char, 256> kKeyBytes = [] {
  std::array<char, 256> bytes{};
  for (int c = 0; c < 256; ++c)
    bytes[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char c : {'_', '-', ' ', '.'})
    bytes[static_cast<unsigned char>(c)] = 0;
  return bytes;
}();

// A field name with case, '_', '-', ' ' and '.' ignored, written to `out` (room for key.size()
// bytes); its length. `ascii` tells whether it is all ASCII, already in folded form then.
std::size_t fold_key_bytes(std::string_view key, char* out, bool& ascii) {
  std::size_t n = 0;
  unsigned char any = 0;
  for (const char c : key) {
    const char folded = kKeyBytes[static_cast<unsigned char>(c)];
    any |= static_cast<unsigned char>(c);
    out[n] = folded;
    n += folded != 0 || c == 0;
  }
  ascii = any < 0x80;
  return n;
}

}  // namespace

std::string fold_key(std::string_view key) {
  std::string out(key.size(), '\0');
  bool ascii = true;
  out.resize(fold_key_bytes(key, out.data(), ascii));
  // Chinese field names fold as labels do.
  return ascii ? out : text::fold(out);
}

const Profile::Name* Profile::find_name(std::string_view key, bool& ascii) const {
  // Asked of every field of every JSON record: most are short, folded on the stack.
  std::array<char, 64> buffer;
  std::string heap;
  char* out = buffer.data();
  if (key.size() > buffer.size()) {
    heap.resize(key.size());
    out = heap.data();
  }
  const std::string_view folded{out, fold_key_bytes(key, out, ascii)};
  if (ascii) {
    const auto it = names_.find(folded);
    return it == names_.end() ? nullptr : &it->second;
  }
  // Chinese field names fold as labels do (fold_key): the trie folds as it reads.
  if (!name_trie_) return nullptr;
  const std::size_t k = name_trie_->find(folded);
  return k == LabelTrie::kNotFound ? nullptr : &named_[k];
}

std::pair<const ElementDef*, Field> Profile::resolve_name(std::string_view key) const {
  bool ascii = true;
  const Name* name = find_name(key, ascii);
  const Field field = name == nullptr ? Field::none : name->field;
  if (name != nullptr && name->element != Name::kNoElement)
    return {&elements[name->element], field};
  // Chinese field names are labels ("事项名称", "受理条件").
  return {ascii ? nullptr : resolve_label(key), field};
}

Field Profile::resolve_field(std::string_view key) const {
  bool ascii = true;
  const Name* name = find_name(key, ascii);
  return name == nullptr ? Field::none : name->field;
}

std::vector<std::string> Profile::ids() const {
  std::vector<std::string> out;
  for (const ElementDef& e : elements)
    out.push_back(e.id);
  return out;
}

namespace {

// Record fields as `fields:` names them, in the order their names are claimed.
constexpr std::pair<std::string_view, Field> kFields[] = {{"region", Field::region},
                                                          {"updated", Field::updated},
                                                          {"html", Field::html},
                                                          {"material_name", Field::material_name}};

// A profile as the bundled one is written, read straight from read_plain's events without
// building YAML nodes (which cost more than the rest of loading): known keys once each, one-line
// text, lists of text, no anchors or aliases; `sources` is passed over. Anything else it
// declines, and the nodes are read as before, to report what is wrong where it is.
class PlainProfile : public YAML::EventHandler {
 public:
  struct Element {
    ElementDef def;
    bool named = false;
  };
  std::optional<std::string> name;
  std::optional<std::string> title;
  std::vector<Element> elements;
  std::array<std::vector<std::string>, std::size(kFields)> fields;  // by kFields

  bool read(std::string_view text) {
    // A text that may hold aliases is counted against the node limit by load().
    return text.find('*') == std::string_view::npos && read_plain(text, *this) && ok_ && done_ &&
           has_elements_;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { node(Kind::null, anchor, {}); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ok_ = false; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string& text) override {
    node(Kind::scalar, anchor, text);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    node(Kind::sequence, anchor, {});
  }
  void OnSequenceEnd() override { end(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    node(Kind::map, anchor, {});
  }
  void OnMapEnd() override { end(); }

 private:
  enum class Kind { null, scalar, sequence, map };
  enum class In { root, sources, elements, element, list, fields };
  struct Level {
    In in;
    bool key_next = true;  // in a mapping: a key comes next, or the value of `key`
    std::string key;
    std::uint32_t seen = 0;  // the known keys met, by index
  };
  static constexpr std::string_view kRootKeys[] = {"name", "title", "sources", "elements",
                                                   "fields"};
  static constexpr std::string_view kElementKeys[] = {"name",         "required", "list", "labels",
                                                      "satisfied_by", "basis",    "keys"};

  // A boolean as yaml-cpp reads one, in the two spellings the plain form uses.
  static bool boolean(Kind kind, std::string_view text, bool& out) {
    if (kind == Kind::null) return true;
    if (kind != Kind::scalar || (text != "true" && text != "false")) return false;
    out = text == "true";
    return true;
  }

  // Where the items of a list (or a single text in its place) go.
  bool list_value(Kind kind, std::string_view text, std::vector<std::string>& out) {
    if (kind == Kind::scalar) out.emplace_back(text);
    if (kind == Kind::sequence) {
      list_ = &out;
      push(In::list);
    }
    return kind != Kind::map;
  }

  void node(Kind kind, YAML::anchor_t anchor, std::string_view text) {
    if (!ok_ || anchor != YAML::NullAnchor) {
      ok_ = false;
      return;
    }
    if (stack_.empty()) {
      ok_ = kind == Kind::map && !done_;
      push(In::root);
      return;
    }
    Level& top = stack_.back();
    if (top.in == In::sources) {
      if (kind == Kind::map || kind == Kind::sequence) push(In::sources);
      return;
    }
    if (top.in == In::list) {
      ok_ = kind == Kind::scalar;
      list_->emplace_back(text);
      return;
    }
    if (top.key_next) {
      ok_ = kind == Kind::scalar && key(top, text);
      top.key = text;
      top.key_next = false;
      return;
    }
    top.key_next = true;
    const std::string key = top.key;
    switch (top.in) {
      case In::root:
        if (key == "name" || key == "title") {
          ok_ = kind == Kind::scalar || kind == Kind::null;
          if (kind == Kind::scalar) (key == "name" ? name : title) = std::string(text);
        } else if (key == "sources") {
          if (kind == Kind::map || kind == Kind::sequence) push(In::sources);
        } else if (key == "elements") {
          ok_ = kind == Kind::map;
          has_elements_ = true;
          push(In::elements);
        } else {
          ok_ = kind == Kind::map || kind == Kind::null;
          if (kind == Kind::map) push(In::fields);
        }
        break;
      case In::elements:
        ok_ = kind == Kind::map;
        push(In::element);
        break;
      case In::element: {
        Element& e = elements.back();
        if (key == "name") {
          ok_ = kind == Kind::scalar || kind == Kind::null;
          e.named = kind == Kind::scalar;
          if (e.named) e.def.name = text;
        } else if (key == "required" || key == "list") {
          ok_ = boolean(kind, text, key == "list" ? e.def.list : e.def.required);
        } else {
          ok_ = list_value(kind, text,
                           key == "labels"         ? e.def.labels
                           : key == "satisfied_by" ? e.def.satisfied_by
                           : key == "basis"        ? e.def.basis
                                                   : e.def.keys);
        }
        break;
      }
      default:  // In::fields
        ok_ = list_value(kind, text, fields[field_index(key)]);
        break;
    }
  }

  static std::size_t field_index(std::string_view key) {
    const auto it = std::find_if(std::begin(kFields), std::end(kFields),
                                 [&](const auto& f) { return f.first == key; });
    return static_cast<std::size_t>(it - std::begin(kFields));
  }

  // A key of the mapping `top` is: known there, and not met before in it.
  bool key(Level& top, std::string_view text) {
    switch (top.in) {
      case In::root:
        return claim_key(kRootKeys, text, top.seen) != std::size(kRootKeys);
      case In::element:
        return claim_key(kElementKeys, text, top.seen) != std::size(kElementKeys);
      case In::fields: {
        const std::size_t k = field_index(text);
        if (k == std::size(kFields) || (top.seen >> k & 1) != 0) return false;
        top.seen |= std::uint32_t{1} << k;
        return true;
      }
      default: {  // In::elements: an element's id
        const bool again = std::any_of(elements.begin(), elements.end(),
                                       [&](const Element& e) { return e.def.id == text; });
        elements.emplace_back().def.id = text;
        return !again;
      }
    }
  }

  void push(In in) { stack_.push_back(Level{in, true, {}, 0}); }

  void end() {
    if (stack_.empty()) {
      ok_ = false;
      return;
    }
    done_ = stack_.size() == 1;
    stack_.pop_back();
  }

  std::vector<Level> stack_;
  std::vector<std::string>* list_ = nullptr;
  bool ok_ = true;
  bool done_ = false;
  bool has_elements_ = false;
};

}  // namespace

std::optional<Profile> Profile::load(const YamlFile& file) {
  Profile p;
  std::unordered_map<std::string, std::size_t> by_label;  // folded label -> element index
  // Both readings compile what they read with these. The element's JSON field names; calls
  // conflict(k) for each of its keys another element has already, with that element's index.
  const auto add_keys = [&](const ElementDef& e, const auto& conflict) {
    for (std::size_t k = 0; k < e.keys.size(); ++k) {
      Name& name = p.names_[fold_key(e.keys[k])];
      if (name.element == Name::kNoElement) {
        name.element = p.elements.size();
      } else if (name.element != p.elements.size()) {
        conflict(k, name.element);
      }
    }
  };
  // The element's own name (k 0), always one of its labels, and its labels (k 1 on), folded.
  const auto add_labels = [&](const ElementDef& e, const auto& conflict) {
    for (std::size_t k = 0; k <= e.labels.size(); ++k) {
      const std::string folded = text::fold(k == 0 ? e.name : e.labels[k - 1]);
      if (folded.empty()) continue;
      const auto [it, inserted] = by_label.emplace(folded, p.elements.size());
      if (!inserted && it->second != p.elements.size()) conflict(k, it->second);
    }
  };
  const auto add_field = [&](Field field, const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
      Name& name = p.names_[fold_key(key)];
      if (name.field == Field::none) name.field = field;
    }
  };
  const auto finish = [&] {
    p.labels_ = std::make_shared<const LabelTrie>(by_label);
    std::vector<std::pair<std::string_view, std::size_t>> by_name;  // -> index in named_
    by_name.reserve(p.names_.size());
    p.named_.reserve(p.names_.size());
    for (const auto& [folded, name] : p.names_) {
      by_name.emplace_back(folded, p.named_.size());
      p.named_.push_back(name);
    }
    p.name_trie_ = std::make_shared<const LabelTrie>(by_name);
    std::size_t capacity = 16;
    while (capacity < 4 * p.elements.size())
      capacity *= 2;
    p.by_id_.assign(capacity, 0);
    for (std::size_t k = 0; k < p.elements.size(); ++k) {
      std::size_t slot = id_hash(p.elements[k].id) & (capacity - 1);
      while (p.by_id_[slot] != 0)
        slot = (slot + 1) & (capacity - 1);
      p.by_id_[slot] = static_cast<std::uint32_t>(k + 1);
    }
    return std::optional<Profile>(std::move(p));
  };

  if (PlainProfile plain; !file.source->decode_error() && plain.read(file.source->text())) {
    bool ok = true;
    const auto conflict = [&](std::size_t, std::size_t) { ok = false; };
    p.name = plain.name.value_or("");
    p.title = plain.title.value_or("");
    for (PlainProfile::Element& element : plain.elements) {
      if (!element.named) element.def.name = element.def.id;
      add_keys(element.def, conflict);
      add_labels(element.def, conflict);
      p.elements.push_back(std::move(element.def));
    }
    for (std::size_t k = 0; k < std::size(kFields); ++k)
      add_field(kFields[k].second, plain.fields[k]);
    for (const ElementDef& e : p.elements) {
      for (const std::string& other : e.satisfied_by)
        ok = ok && p.find(other) != nullptr;
    }
    if (ok) return finish();
    // Something to report: read again from the nodes.
    p = Profile();
    by_label.clear();
  }

  const auto root = config::load(file);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    file.report(*root, "config.wrong-type", {{"key", "profile"}, {"expected", "mapping"}});
    return std::nullopt;
  }
  bool ok = check_keys(file, *root, {"name", "title", "sources", "elements", "fields"});
  p.name = get_string(file, *root, "name").value_or("");
  p.title = get_string(file, *root, "title").value_or("");
  const YAML::Node elements = get(*root, "elements");
  if (!elements.IsMap()) {
    file.report(elements.IsDefined() ? elements : *root, "config.wrong-type",
                {{"key", "elements"}, {"expected", "mapping"}});
    return std::nullopt;
  }
  ok = check_keys(file, elements, {}) && ok;
  for (const auto& kv : elements) {
    ElementDef e;
    e.id = kv.first.Scalar();
    const YAML::Node& def = kv.second;
    if (!def.IsMap()) {
      file.report(def, "config.wrong-type", {{"key", e.id}, {"expected", "mapping"}});
      ok = false;
      continue;
    }
    ok = check_keys(file, def,
                    {"name", "required", "list", "labels", "satisfied_by", "basis", "keys"}) &&
         ok;
    e.name = get_string(file, def, "name").value_or(e.id);
    e.required = get_bool(file, def, "required").value_or(false);
    e.list = get_bool(file, def, "list").value_or(false);
    e.labels = get_strings(file, def, "labels").value_or(std::vector<std::string>{});
    e.satisfied_by = get_strings(file, def, "satisfied_by").value_or(std::vector<std::string>{});
    e.basis = get_strings(file, def, "basis").value_or(std::vector<std::string>{});
    e.keys = get_strings(file, def, "keys").value_or(std::vector<std::string>{});
    const YAML::Node keys_node = get(def, "keys");
    add_keys(e, [&](std::size_t k, std::size_t other) {
      file.report(keys_node.IsSequence() ? keys_node[k] : keys_node, "config.key-conflict",
                  {{"key", e.keys[k]}, {"element", e.id}, {"other", p.elements[other].id}});
      ok = false;
    });
    const YAML::Node labels_node = get(def, "labels");
    add_labels(e, [&](std::size_t k, std::size_t other) {
      const YAML::Node at = k > 0 && labels_node.IsSequence() && k - 1 < labels_node.size()
                                ? labels_node[k - 1]
                                : def;
      file.report(at, "config.label-conflict",
                  {{"label", k == 0 ? e.name : e.labels[k - 1]},
                   {"element", e.id},
                   {"other", p.elements[other].id}});
      ok = false;
    });
    p.elements.push_back(std::move(e));
  }
  const YAML::Node fields = get(*root, "fields");
  if (expect_map(file, fields, "fields") && fields.IsMap()) {
    std::vector<std::string> names;
    for (const auto& [n, f] : kFields)
      names.emplace_back(n);
    ok = check_keys(file, fields, names) && ok;
    for (const auto& [n, f] : kFields)
      add_field(f, get_strings(file, fields, n).value_or(std::vector<std::string>{}));
  }
  // satisfied_by must name elements of this profile.
  const std::vector<std::string> ids = p.ids();
  for (const auto& kv : elements) {
    const YAML::Node sb = get(kv.second, "satisfied_by");
    if (!sb.IsSequence()) continue;
    for (const auto& item : sb) {
      if (!item.IsScalar() || p.find(item.Scalar())) continue;
      std::vector<Arg> args{{"element", item.Scalar()}};
      if (auto s = text::suggest(item.Scalar(), ids)) args.push_back({"suggestion", *s});
      file.report(item, "config.unknown-element", std::move(args));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return finish();
}

}  // namespace guidelint::config
