// JSON and NDJSON exports of service platforms: a record, an array of records, records wrapped in
// {"data": …}, or one record per line. Field names are mapped to elements by the profile
// (task_name, accept_condition, transact_addr …; Chinese keys as labels). A field holding the
// whole guide as HTML (content, html, detail) is read as an HTML page, with positions still
// pointing into the JSON file. Parsed with RapidJSON's SAX reader, which gives the offset of
// every token, so every span is exact.
// SSE2 is part of every x86-64: RapidJSON then scans strings and white space 16 bytes at a time.
// (Not in sanitizer builds: the 16-byte loads may read past the string's end, within the page,
// which is safe but which AddressSanitizer and ThreadSanitizer report.)
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2) && !defined(GUIDELINT_SANITIZED)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/error/error.h>
#include <rapidjson/reader.h>
#include <rapidjson/stream.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <memory>

#include "parse/blocks.hpp"
#include "parse/html_blocks.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

// A JSON value with where it is. Strings and numbers keep their raw token's range; the decoded
// text of a string is built with its map when it is used. A container's values (an object's
// members, each with its key, an array's items) follow it in the document's values.
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct Value {
  enum class Type : std::uint8_t { null, boolean, number, string, array, object };
  Type type = Type::null;
  std::uint32_t begin = 0;  // first byte of the token ('"', '{', '[', digit, letter)
  std::uint32_t end = 0;    // just after its last byte
  Token key;                // an object's member: the key's string token
  std::uint32_t count = 0;  // a container: how many values it holds (not counting theirs)
  std::uint32_t size = 1;   // this value and, a container, all the values inside it
};

// The values directly inside a container: each follows the one before and all inside that.
class Inside {
 public:
  class iterator {
   public:
    explicit iterator(const Value* at) : at_(at) {}
    const Value& operator*() const { return *at_; }
    iterator& operator++() {
      at_ += at_->size;
      return *this;
    }
    bool operator!=(const iterator& other) const { return at_ != other.at_; }

   private:
    const Value* at_;
  };

  explicit Inside(const Value& v) : first_(&v + 1), end_(&v + v.size) {}
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(end_); }

 private:
  const Value* first_;
  const Value* end_;
};

// Every value of a document in the order it is written, each container followed by the values
// inside it: a container closes with no copying.
struct Values {
  std::vector<Value> all;
  std::vector<std::uint32_t> roots;  // the values at the top: a document, or NDJSON's lines

  // v is one of all.
  static Inside of(const Value& v) { return Inside(v); }
  const Value& root(std::size_t k) const { return all[roots[k]]; }
};

// Builds Values from RapidJSON's SAX events, taking offsets from the stream.
class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder> {
 public:
  Builder(std::string_view text, rapidjson::InsituStringStream& stream, std::size_t max_depth)
      : text_(text), stream_(stream), max_depth_(max_depth) {}

  bool Null() { return scalar(Value::Type::null, 4); }
  bool Bool(bool b) { return scalar(Value::Type::boolean, b ? 4 : 5); }
  bool RawNumber(const char*, rapidjson::SizeType length, bool) { return number(length); }
  bool String(const char*, rapidjson::SizeType length, bool) {
    Value v;
    v.type = Value::Type::string;
    const Token t = string_token(length);
    v.begin = t.begin;
    v.end = t.end;
    return add(v);
  }
  bool Key(const char*, rapidjson::SizeType length, bool) {
    key_ = string_token(length);
    return true;
  }
  bool StartObject() { return open(Value::Type::object); }
  bool StartArray() { return open(Value::Type::array); }
  bool EndObject(rapidjson::SizeType) { return close('}'); }
  bool EndArray(rapidjson::SizeType) { return close(']'); }

  bool too_deep() const { return too_deep_; }
  const Values& values() const { return values_; }
  void reserve(std::size_t values) {
    values_.all.reserve(values);
    stack_.reserve(64);
  }

 private:
  // The reader works on a copy of a string stream while it reads a string or a number and calls
  // the handler before writing the copy back: the stream's position is then the token's first
  // byte. (Null, true, false and brackets are read on the stream itself.)
  static_assert(rapidjson::StreamTraits<rapidjson::InsituStringStream>::copyOptimization == 1);

  // The string token that starts at the stream's position: up to its unescaped closing quote.
  // `decoded` is the length of the string read from it.
  Token string_token(std::size_t decoded) const {
    Token v;
    const std::size_t begin = std::min<std::size_t>(stream_.Tell(), text_.size());
    const auto closes = [&](std::size_t q) {
      std::size_t backslashes = 0;
      while (q - backslashes > begin + 1 && text_[q - 1 - backslashes] == '\\')
        ++backslashes;
      return backslashes % 2 == 0;
    };
    // Without escapes, the string is as long as the token's content: the quote after it closes
    // the token. (With escapes, that byte is inside the token, where no quote closes it.)
    std::size_t end = begin + 1 + decoded;
    if (end < text_.size() && text_[end] == '"' && closes(end)) {
      ++end;
    } else {
      end = text_.size();
      for (std::size_t q = text_.find('"', begin + 1); q != std::string_view::npos;
           q = text_.find('"', q + 1)) {
        if (closes(q)) {
          end = q + 1;
          break;
        }
      }
    }
    v.begin = static_cast<std::uint32_t>(begin);
    v.end = static_cast<std::uint32_t>(end);
    return v;
  }

  bool scalar(Value::Type type, std::size_t length) {
    Value v;
    v.type = type;
    v.end = static_cast<std::uint32_t>(stream_.Tell());
    v.begin = v.end - static_cast<std::uint32_t>(std::min<std::size_t>(length, v.end));
    return add(v);
  }

  bool number(std::size_t length) {
    Value v;
    v.type = Value::Type::number;
    v.begin = static_cast<std::uint32_t>(stream_.Tell());
    v.end = static_cast<std::uint32_t>(std::min(stream_.Tell() + length, text_.size()));
    return add(v);
  }

  bool open(Value::Type type) {
    if (stack_.size() >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    // The reader reports a container where its bracket is, before taking it. Its values follow
    // it until it closes; a document's root is one when it has.
    Value v;
    v.type = type;
    v.begin = static_cast<std::uint32_t>(stream_.Tell());
    place(v);
    stack_.push_back(static_cast<std::uint32_t>(values_.all.size()));
    values_.all.push_back(v);
    return true;
  }

  bool close(char bracket) {
    const std::uint32_t at_open = stack_.back();
    stack_.pop_back();
    Value& v = values_.all[at_open];
    const std::size_t at = text_.find(bracket, stream_.Tell());
    v.end = static_cast<std::uint32_t>(at == std::string_view::npos ? text_.size() : at + 1);
    v.size = static_cast<std::uint32_t>(values_.all.size() - at_open);
    if (stack_.empty()) values_.roots.push_back(at_open);
    return true;
  }

  // A value that is not a container.
  bool add(Value v) {
    place(v);
    if (stack_.empty()) values_.roots.push_back(static_cast<std::uint32_t>(values_.all.size()));
    values_.all.push_back(v);
    return true;
  }

  // A value inside the open container: one more of its values, an object's with the last key.
  void place(Value& v) {
    if (stack_.empty()) return;
    Value& container = values_.all[stack_.back()];
    ++container.count;
    if (container.type == Value::Type::object) v.key = key_;
  }

  std::string_view text_;
  rapidjson::InsituStringStream& stream_;
  std::vector<std::uint32_t> stack_;  // where each open container is in values_.all
  Values values_;
  Token key_;
  std::size_t max_depth_;
  bool too_deep_ = false;
};

std::string_view error_name(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty:
      return "empty";
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "not_singular";
    case rapidjson::kParseErrorValueInvalid:
      return "invalid_value";
    case rapidjson::kParseErrorObjectMissName:
      return "missing_name";
    case rapidjson::kParseErrorObjectMissColon:
      return "missing_colon";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "missing_comma_or_brace";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "missing_comma_or_bracket";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
    case rapidjson::kParseErrorStringEscapeInvalid:
      return "invalid_escape";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "unterminated_string";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "invalid_encoding";
    case rapidjson::kParseErrorNumberTooBig:
    case rapidjson::kParseErrorNumberMissFraction:
    case rapidjson::kParseErrorNumberMissExponent:
      return "invalid_number";
    default:
      return "other";
  }
}

// UTF-8 of a code point (not a surrogate, at most U+10FFFF) into out; returns its length.
std::size_t encode(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Hexadecimal digits' values; anything else counts as 0.
constexpr std::array<std::uint8_t, 256> kHexDigits = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c)
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0');
  for (int c = 'a'; c <= 'f'; ++c)
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 10);
  for (int c = 'A'; c <= 'F'; ++c)
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'A' + 10);
  return t;
}();

// The four hexadecimal digits at p.
unsigned hex4(const char* p) {
  const auto digit = [&](int k) -> unsigned {
    return kHexDigits[static_cast<unsigned char>(p[k])];
  };
  return (digit(0) << 12) | (digit(1) << 8) | (digit(2) << 4) | digit(3);
}

// Appends the decoded text of a string token to `out`, each escape an opaque piece standing for
// its bytes: append(out, decode_string(text, v)), without the string in between.
void decode_into(std::string_view text, const Value& v, TextBuilder& out) {
  const std::uint32_t from = v.begin + 1;
  const std::uint32_t to = v.end > from ? v.end - 1 : from;
  const std::size_t first_piece = out.pieces.size();
  std::size_t at = out.text.size();
  if (std::memchr(text.data() + from, '\\', to - from) == nullptr) {
    // Nothing to decode (most strings): the token's content as it is, one exact piece.
    if (from < to) {
      out.pieces.push_back({static_cast<std::uint32_t>(at), from, to, true});
      out.text.append(text.data() + from, to - from);
    }
    return;
  }
  // Escapes only shorten the text: it is written in place, and cut to its length at the end.
  out.text.resize(at + (to - from));
  char* const data = out.text.data();
  // TextBuilder::exact and opaque, except that text is never joined to a piece from before.
  const auto exact = [&](std::uint32_t b, std::uint32_t e) {
    if (b >= e) return;
    if (out.pieces.size() > first_piece && out.pieces.back().exact &&
        out.pieces.back().source_end == b) {
      out.pieces.back().source_end += e - b;
    } else {
      out.pieces.push_back({static_cast<std::uint32_t>(at), b, e, true});
    }
    std::memcpy(data + at, text.data() + b, e - b);
    at += e - b;
  };
  std::uint32_t run = from;
  for (std::uint32_t i = from; i < to;) {
    if (text[i] != '\\') {  // escapes often come one after another (\u4e8b\u9879)
      const void* backslash = std::memchr(text.data() + i, '\\', to - i);
      if (backslash == nullptr) break;
      i = static_cast<std::uint32_t>(static_cast<const char*>(backslash) - text.data());
    }
    if (i + 1 >= to) break;  // a lone backslash at the end is text
    // Strings exported with every character escaped ("\u4e8b\u9879…", six bytes each) take a
    // piece per character: room for them at once rather than growing one at a time, and, for an
    // element of many such strings, at least twice the room before.
    if (run == from) {
      const std::size_t wanted = out.pieces.size() + (to - i) / 6 + 2;
      if (wanted > out.pieces.capacity())
        out.pieces.reserve(std::max(wanted, 2 * out.pieces.capacity()));
    }
    exact(run, i);
    // Their characters from U+0800 (Chinese) outside the surrogates are three bytes each: a run
    // of them is written one after another.
    std::uint32_t k = i;
    while (k + 6 <= to && text[k] == '\\' && text[k + 1] == 'u') {
      const char32_t cp = hex4(text.data() + k + 2);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) break;
      out.pieces.push_back({static_cast<std::uint32_t>(at), k, k + 6, false});
      at += encode(cp, data + at);
      k += 6;
    }
    if (k != i) {
      i = k;
      run = i;
      continue;
    }
    // Written straight into place: an escape is never shorter than what it stands for.
    char* const put = data + at;
    std::size_t n = 1;
    std::uint32_t len = 2;
    switch (text[i + 1]) {
      case 'n':
        *put = '\n';
        break;
      case 't':
        *put = '\t';
        break;
      case 'r':
        *put = '\r';
        break;
      case 'b':
        *put = '\b';
        break;
      case 'f':
        *put = '\f';
        break;
      case 'u': {
        len = 6;
        char32_t cp = hex4(text.data() + i + 2);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 <= to && text.substr(i + 6, 2) == "\\u") {
          const char32_t low = hex4(text.data() + i + 8);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            len = 12;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = utf8::kReplacement;
        n = encode(cp, put);
        break;
      }
      default:  // \" \\ \/
        *put = text[i + 1];
    }
    out.pieces.push_back({static_cast<std::uint32_t>(at), i, i + len, false});
    at += n;
    i += len;
    run = i;
  }
  exact(run, to);
  out.text.resize(at);
}

// The decoded text of a string token, each escape an opaque piece standing for its bytes.
TextBuilder decode_string(std::string_view text, const Value& v) {
  TextBuilder out;
  decode_into(text, v, out);
  return out;
}

// Text [at, end) of `t` as a text of its own, with its pieces (which start at `first_piece`).
TextBuilder split_off(const TextBuilder& t, std::uint32_t at, std::size_t first_piece) {
  TextBuilder out;
  out.text = t.text.substr(at);
  out.pieces.assign(t.pieces.begin() + static_cast<std::ptrdiff_t>(first_piece), t.pieces.end());
  for (TextPiece& p : out.pieces)
    p.text -= at;
  return out;
}

// Takes `t` back to what it was: text and pieces added since are dropped.
void truncate(TextBuilder& t, std::size_t text_size, std::size_t pieces) {
  t.text.resize(text_size);
  t.pieces.resize(pieces);
}

// Maps every piece of text read from a string (HTML inside a JSON field) onto the Source.
void rebase(TextBuilder& t, const TextBuilder& outer) {
  compose(t.pieces, t.size(), outer.pieces, outer.size());
}

bool looks_like_html(std::string_view s) {
  static constexpr std::string_view kTags[] = {"<p",    "<div", "<table", "<br",    "<strong",
                                               "<span", "<li",  "<h1",    "<h2",    "<h3",
                                               "<td",   "<P>",  "<DIV",   "<TABLE", "<BR"};
  // One pass: any of them is somewhere if one starts at some '<'.
  for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    const std::string_view rest = s.substr(i);
    for (const std::string_view tag : kTags) {
      if (rest.starts_with(tag)) return true;
    }
  }
  return false;
}

// A date from epoch milliseconds, as platforms store them.
std::string date_of(std::string_view digits) {
  long long ms = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::string(digits);
    ms = ms * 10 + (c - '0');
    if (ms > 99999999999999LL) return std::string(digits);
  }
  if (ms < 100000000000LL) return std::string(digits);  // not milliseconds since 1973
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// A small table from field names (views into the file) to what they stand for: open addressing
// over a hash of the name's bytes. A file's records repeat a few dozen names.
template <typename T>
class KeyTable {
 public:
  template <typename Make>
  const T& find_or_add(std::string_view key, Make&& make) {
    if (slots_.empty()) slots_.resize(64);
    const std::uint32_t h = hash(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) break;
      if (s.hash == h && s.key == key) return s.value;
    }
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::size_t m = slots_.size() - 1;
    std::size_t i = h & m;
    while (slots_[i].used)
      i = (i + 1) & m;
    slots_[i] = Slot{key, h, true, make()};
    ++used_;
    return slots_[i].value;
  }

 private:
  struct Slot {
    std::string_view key;
    std::uint32_t hash = 0;
    bool used = false;
    T value{};
  };

  // The name's length and its first and last eight bytes: names differ there ("task_name",
  // "task_code", "accept_condition"), and the name is compared whole anyway.
  static std::uint32_t hash(std::string_view key) {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    if (key.size() >= 8) {
      std::memcpy(&head, key.data(), 8);
      std::memcpy(&tail, key.data() + key.size() - 8, 8);
    } else {
      for (const char c : key)
        head = (head << 8) | static_cast<unsigned char>(c);
    }
    const std::uint64_t h =
        ((head * 0x9E3779B97F4A7C15ull) ^ tail ^ key.size()) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<std::uint32_t>(h >> 32);
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].used)
        i = (i + 1) & mask;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

class RecordReader {
 public:
  RecordReader(std::string_view text, const Values& values, const Context& context)
      : text_(text), values_(values), profile_(context.profile), context_(context) {}

  // Is this object a guide record: does it hold at least two fields the profile knows?
  bool is_record(const Value& v) const {
    if (v.type != Value::Type::object) return false;
    int known = 0;
    for (const Value& member : values_.of(v)) {
      const std::string_view k = raw_key(member.key);
      const auto [def, field] = resolve(k);
      if ((def != nullptr || field == config::Field::html) && ++known == 2) return true;
    }
    return false;
  }

  // Records anywhere in the value, outermost first; a record's own contents are not searched.
  void find_records(const Value& v, std::vector<const Value*>& out, int depth = 0) const {
    if (depth > static_cast<int>(context_.limits.depth)) return;
    if (is_record(v)) {
      out.push_back(&v);
      return;
    }
    if (v.type != Value::Type::object && v.type != Value::Type::array) return;
    for (const Value& child : values_.of(v))
      find_records(child, out, depth + 1);
  }

  Guide guide(const Value& record) const {
    Guide g;
    g.span = {record.begin, record.begin + 1};
    g.elements.reserve(record.count);  // a field is an element at most (a page's field aside)
    for (const Value& value : values_.of(record)) {
      const Token& key = value.key;
      const std::string_view k = raw_key(key);
      const auto [def, field] = resolve(k);
      if (def == nullptr && field == config::Field::html && value.type == Value::Type::string) {
        html_elements(value, g);
        continue;
      }
      if (def == nullptr) {
        if (field == config::Field::updated) {
          g.updated = scalar_text(value);
          g.updated_span = Span{value.begin, value.end};
        }
        if (field == config::Field::region) g.region = scalar_text(value);
        continue;
      }
      read_element(key, value, *def, g.elements.emplace_back());
    }
    // A name and an implementing body from the fields when the HTML did not give them.
    for (const Element& e : g.elements) {
      if (e.id == "agency" && g.department.empty()) g.department = e.text;
      if (e.id == "code" && g.code.empty()) g.code = e.text;
    }
    return g;
  }

 private:
  // What a field name stands for, looked up once per distinct name in the file: records of an
  // export repeat the same few dozen names, and each record is looked at twice.
  std::pair<const config::ElementDef*, config::Field> resolve(std::string_view key) const {
    return resolved_.find_or_add(key, [&] { return profile_.resolve_name(key); });
  }

  std::string_view raw_key(const Token& key) const {
    return text_.substr(key.begin + 1, key.end > key.begin + 1 ? key.end - key.begin - 2 : 0);
  }

  std::string scalar_text(const Value& v) const {
    if (v.type == Value::Type::string) return decode_string(text_, v).text;
    if (v.type == Value::Type::number) return date_of(text_.substr(v.begin, v.end - v.begin));
    return std::string(text_.substr(v.begin, v.end - v.begin));
  }

  // The text a value contributes: strings decoded (HTML reduced to its text), numbers and
  // booleans as written, arrays one entry per line, objects by their name field or values.
  void collect(const Value& v, TextBuilder& out, std::vector<Item>* items, int depth = 0) const {
    if (depth > static_cast<int>(context_.limits.depth)) return;
    const auto entry = [&](const auto& add) {
      if (!out.text.empty()) out.block_break(v.begin);
      const std::uint32_t at = out.size();
      add();
      if (items != nullptr && out.size() > at) items->push_back({at, out.size()});
    };
    switch (v.type) {
      case Value::Type::string: {
        // Decoded onto the end of `out` as the entry it will most likely be, and taken back off
        // when it is blank or a page.
        const std::size_t text_mark = out.text.size();
        const std::size_t pieces_mark = out.pieces.size();
        out.block_break(v.begin);
        const std::uint32_t at = out.size();
        const std::size_t first_piece = out.pieces.size();
        decode_into(text_, v, out);
        const std::string_view decoded = std::string_view(out.text).substr(at);
        if (!looks_like_html(decoded)) {
          if (blank(decoded)) {
            truncate(out, text_mark, pieces_mark);
          } else if (items != nullptr) {
            items->push_back({at, out.size()});
          }
          break;
        }
        const TextBuilder s = split_off(out, at, first_piece);
        truncate(out, text_mark, pieces_mark);
        {
          HtmlDocument doc = read_html(s.text, nullptr, context_.limits.depth, false);
          for (Block& b : doc.blocks) {
            for_each_text(b, [&](TextBuilder& t) {
              rebase(t, s);
              if (!blank(t.text)) entry([&] { append(out, t); });
            });
          }
        }
        break;
      }
      case Value::Type::number:
      case Value::Type::boolean:
        entry([&] { out.exact(text_.substr(v.begin, v.end - v.begin), v.begin); });
        break;
      case Value::Type::array:
        for (const Value& item : values_.of(v))
          collect(item, out, items, depth + 1);
        break;
      case Value::Type::object: {
        // A material, a law, a window: its name field when it has one, else all its strings.
        for (const Value& value : values_.of(v)) {
          if (resolve(raw_key(value.key)).second == config::Field::material_name &&
              value.type == Value::Type::string) {
            entry([&] { decode_into(text_, value, out); });
            return;
          }
        }
        TextBuilder joined;
        for (const Value& value : values_.of(v)) {
          if (value.type != Value::Type::string) continue;
          const std::size_t text_mark = joined.text.size();
          const std::size_t pieces_mark = joined.pieces.size();
          if (!joined.text.empty()) joined.opaque(" ", value.begin, value.begin);
          const std::uint32_t at = joined.size();
          decode_into(text_, value, joined);
          if (blank(std::string_view(joined.text).substr(at)))
            truncate(joined, text_mark, pieces_mark);
        }
        if (!blank(joined.text)) entry([&] { append(out, joined); });
        break;
      }
      case Value::Type::null:
        break;
    }
  }

  // A block's texts: a row's cells, or its line.
  template <typename F>
  static void for_each_text(Block& b, F&& each) {
    if (b.kind == Block::Kind::row) {
      for (TextBuilder& c : b.cells)
        each(c);
    } else {
      each(b.text);
    }
  }

  // A field's element, read into `e` where it is kept (a new element at the end of the guide's).
  void read_element(const Token& key, const Value& value, const config::ElementDef& def,
                    Element& e) const {
    e.id = def.id;
    e.key.assign(raw_key(key));
    e.label = e.key;
    e.label_span = {key.begin + 1, key.end > key.begin + 1 ? key.end - 1 : key.begin + 1};
    e.span = {key.begin, value.end};
    TextBuilder text;
    collect(value, text, &e.items);
    e.text = std::move(text.text);
    e.pieces = std::move(text.pieces);
    e.links = std::move(text.links);
  }

  // A field holding the guide as HTML: its elements, with positions in the JSON file.
  void html_elements(const Value& value, Guide& g) const {
    const TextBuilder s = decode_string(text_, value);
    HtmlDocument doc = read_html(s.text, nullptr, context_.limits.depth, false);
    for (Block& b : doc.blocks) {
      for_each_text(b, [&](TextBuilder& t) { rebase(t, s); });
    }
    rebase(doc.title, s);
    Guide inner = recognise(doc.blocks, context_, doc.title);
    g.elements.reserve(g.elements.size() + inner.elements.size());
    for (Element& e : inner.elements) {
      if (e.key == "title") continue;  // a record names its item in its own fields
      g.elements.push_back(std::move(e));
    }
  }

  std::string_view text_;
  const Values& values_;
  const config::Profile& profile_;
  const Context& context_;
  // Keys point into text_, which outlives the reader.
  mutable KeyTable<std::pair<const config::ElementDef*, config::Field>> resolved_;
};

// A record's "guidelint-disable" field: a rule id, ids separated by commas, or a list of them
// (empty: every rule), for that record only.
std::optional<Directive> disable_field(std::string_view text, const Values& values,
                                       const Value& record) {
  for (const Value& value : values.of(record)) {
    const Token& key = value.key;
    if (text.substr(key.begin, key.end - key.begin) != "\"guidelint-disable\"") continue;
    Directive d;
    d.kind = Directive::Kind::disable_record;
    d.span = {key.begin, value.end};
    d.scope = {record.begin, record.end};
    std::vector<const Value*> strings;
    if (value.type == Value::Type::string) strings.push_back(&value);
    if (value.type == Value::Type::array) {
      for (const Value& item : values.of(value)) {
        if (item.type == Value::Type::string) strings.push_back(&item);
      }
    }
    for (const Value* v : strings) {
      const std::uint32_t from = v->begin + 1;
      const std::uint32_t to = v->end > from ? v->end - 1 : from;
      std::uint32_t i = from;
      while (i < to) {
        while (i < to && (text[i] == ',' || text[i] == ' '))
          ++i;
        const std::uint32_t begin = i;
        while (i < to && text[i] != ',' && text[i] != ' ')
          ++i;
        if (i > begin) d.rules.push_back({std::string(text.substr(begin, i - begin)), {begin, i}});
      }
    }
    return d;
  }
  return std::nullopt;
}

class JsonParser final : public Parser {
 public:
  std::string_view format() const override { return "json"; }
  std::vector<std::string> extensions() const override { return {".json", ".ndjson", ".jsonl"}; }

  void parse(const Source& source, const Context& context, Output& out) const override {
    const std::string_view text = source.text();
    if (blank(text)) {
      out.error(Span{0, 0}, "parse-error.empty");
      return;
    }
    // The reader reads a copy in place: it decodes each string over its own bytes instead of
    // copying every string out, and the decoded strings are not used (the Builder keeps offsets
    // into `text`). The copy ends with a NUL (a std::string's tail), as text() does, and holds
    // none (that input is binary, which no parser sees): the stream, which RapidJSON scans with
    // SIMD, fits.
    std::string scratch(text);
    rapidjson::InsituStringStream stream(scratch.data());
    Builder builder(text, stream, context.limits.depth);
    builder.reserve(text.size() / 32);
    rapidjson::Reader reader;
    // One value after another: a single document, or NDJSON's one record per line.
    while (true) {
      constexpr unsigned kFlags =
          rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag |
          rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag;
      const rapidjson::ParseResult r = reader.Parse<kFlags>(stream, builder);
      if (r.IsError()) {
        if (builder.too_deep()) {
          out.error(Span{0, 0}, "parse-error.too-deep",
                    {{"limit", static_cast<std::int64_t>(context.limits.depth)}});
          return;
        }
        if (r.Code() == rapidjson::kParseErrorDocumentEmpty && !builder.values().roots.empty())
          break;
        const auto at = static_cast<std::uint32_t>(std::min(r.Offset(), text.size()));
        // Records before the error (NDJSON lines) are still linted; the error stays fatal, since
        // what follows it is lost.
        out.error(Span{at, at}, "parse-error.json",
                  {{"problem", std::string(error_name(r.Code()))}});
        if (builder.values().roots.empty()) return;
        break;
      }
      while (stream.Peek() == ' ' || stream.Peek() == '\n' || stream.Peek() == '\r' ||
             stream.Peek() == '\t') {
        stream.Take();
      }
      if (stream.Peek() == '\0' && stream.Tell() >= text.size()) break;
    }
    const Values& values = builder.values();
    const RecordReader records(text, values, context);
    std::vector<const Value*> found;
    for (const std::uint32_t root : values.roots)
      records.find_records(values.all[root], found);
    if (found.empty()) {
      out.error(Span{values.root(0).begin, values.root(0).begin + 1}, "parse-error.json-no-record");
      return;
    }
    for (const Value* record : found) {
      if (!context.room_for_guide(out, Span{record->begin, record->begin + 1})) break;
      out.guides.push_back(records.guide(*record));
      if (auto d = disable_field(text, values, *record)) out.directives.push_back(std::move(*d));
    }
  }
};

}  // namespace

const Parser& json_parser() {
  static const JsonParser parser;
  return parser;
}

}  // namespace guidelint::parse
