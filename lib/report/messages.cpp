#include "report/messages.hpp"

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "config/builtin.hpp"
#include "text/string_map.hpp"
#include "text/traditional.hpp"
#include "text/utf8.hpp"

namespace guidelint::report {

std::vector<std::string_view> message_files(std::string_view locale) {
  std::vector<std::string_view> out;
  const std::string main = "messages/" + std::string(locale) + ".yaml";
  const std::string folder = "messages/" + std::string(locale) + "/";
  if (const auto bytes = builtin::find(main)) out.push_back(*bytes);
  for (const builtin::File& f : builtin::files()) {
    if (f.path.starts_with(folder) && f.path.ends_with(".yaml")) out.push_back(f.bytes);
  }
  return out;
}

namespace {

// A template that is only text, plain {name} arguments and selects among such messages by a
// string argument, rendered without ICU: most are, and ICU's MessageFormat cost more than writing
// the rest of a finding's report. Templates with plural, typed arguments or quoting are left to
// ICU.
struct Plain {
  struct Piece;
  std::vector<Piece> pieces;
  std::size_t size = 0;  // of the literal pieces together
};

struct Plain::Piece {
  enum class Kind { text, argument, select };
  Kind kind = Kind::text;
  std::string text;  // the text, or the argument's name
  // A select's messages by key. Held by pointer: by value, whether a Plain can be destroyed
  // would depend on itself, which some compilers' library checks cannot settle.
  std::vector<std::pair<std::string, std::unique_ptr<Plain>>> cases;
};

// Reads the template from pattern[i] into `out` as plain pieces: to its end, or for a select's
// message (`nested`) to the } that closes it, where i is left. False when ICU's syntax needs ICU:
// an apostrophe that may quote (one before ' { } # |, or at the end), an argument other than
// {name} and {name, select, key {message} ... other {message}}, a stray }.
bool read_plain(std::string_view pattern, std::size_t& i, bool nested, Plain& out) {
  const auto literal = [&](std::string_view text) {
    if (out.pieces.empty() || out.pieces.back().kind != Plain::Piece::Kind::text)
      out.pieces.push_back({});
    out.pieces.back().text += text;
    out.size += text.size();
  };
  const auto name_char = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && c >= '0' && c <= '9');
  };
  const auto skip_space = [&](std::size_t at) {
    while (at < pattern.size() && (pattern[at] == ' ' || pattern[at] == '\t' ||
                                   pattern[at] == '\n' || pattern[at] == '\r'))
      ++at;
    return at;
  };
  // The position after `token` and the spaces after it, or npos when it is not at `at`.
  const auto expect = [&](std::size_t at, std::string_view token) {
    return pattern.substr(at).starts_with(token) ? skip_space(at + token.size())
                                                 : std::string_view::npos;
  };
  for (; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\'') {
      if (i + 1 == pattern.size() ||
          std::string_view("'{}#|").find(pattern[i + 1]) != std::string_view::npos)
        return false;
      literal("'");
    } else if (c == '{') {
      std::size_t e = i + 1;
      while (e < pattern.size() && name_char(pattern[e], e == i + 1))
        ++e;
      if (e == i + 1 || e == pattern.size()) return false;
      Plain::Piece piece{
          Plain::Piece::Kind::argument, std::string(pattern.substr(i + 1, e - i - 1)), {}};
      if (pattern[e] != '}') {
        piece.kind = Plain::Piece::Kind::select;
        e = expect(skip_space(e), ",");
        if (e != std::string_view::npos) e = expect(e, "select");
        if (e != std::string_view::npos) e = expect(e, ",");
        if (e == std::string_view::npos) return false;
        bool other = false;
        while (e < pattern.size() && pattern[e] != '}') {
          std::size_t k = e;
          while (k < pattern.size() && (name_char(pattern[k], false) || pattern[k] == '-'))
            ++k;
          std::string key(pattern.substr(e, k - e));
          k = skip_space(k);
          if (key.empty() || k == pattern.size() || pattern[k] != '{') return false;
          for (const auto& [known, message] : piece.cases) {
            if (known == key) return false;  // ICU refuses a key given twice
          }
          auto message = std::make_unique<Plain>();
          std::size_t end = k + 1;
          if (!read_plain(pattern, end, true, *message)) return false;
          other = other || key == "other";
          piece.cases.emplace_back(std::move(key), std::move(message));
          e = skip_space(end + 1);
        }
        if (e == pattern.size() || !other) return false;  // unclosed, or no `other` (ICU's error)
      }
      out.pieces.push_back(std::move(piece));
      i = e;
    } else if (c == '}') {
      return nested;
    } else {
      std::size_t e = i;
      while (e < pattern.size() && pattern[e] != '\'' && pattern[e] != '{' && pattern[e] != '}')
        ++e;
      literal(pattern.substr(i, e - i));
      i = e - 1;
    }
  }
  return !nested;  // a select's message ends with its }
}

// The template as plain pieces, or nullopt when ICU's syntax needs ICU (see read_plain).
std::optional<Plain> plain(std::string_view pattern) {
  Plain out;
  std::size_t i = 0;
  if (!read_plain(pattern, i, false, out)) return std::nullopt;
  return out;
}

// A number as ICU's default format writes it in the three locales: thousands grouped with
// commas, a hyphen-minus before negative ones ("-12,345").
void append_grouped(std::string& out, std::int64_t n) {
  char digits[20];
  const std::size_t count = static_cast<std::size_t>(
      std::to_chars(digits, digits + sizeof digits,
                    n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n))
          .ptr -
      digits);
  char text[28];  // a sign, 20 digits and 6 commas at most
  char* at = text;
  if (n < 0) *at++ = '-';
  for (std::size_t k = 0; k < count; ++k) {
    if (k > 0 && (count - k) % 3 == 0) *at++ = ',';
    *at++ = digits[k];
  }
  out.append(text, static_cast<std::size_t>(at - text));
}

// A plain template with its arguments, appended to out as ICU would render it; false when only
// ICU can say: an argument missing (ICU writes it as {name}), a string that is not valid UTF-8
// (ICU replaces what does not decode), a number to select by (an error).
bool render_plain(const Plain& p, const std::vector<Arg>& args, std::string& out) {
  out.reserve(out.size() + p.size + 64 * args.size());
  for (const Plain::Piece& piece : p.pieces) {
    if (piece.kind == Plain::Piece::Kind::text) {
      out += piece.text;
      continue;
    }
    const auto a = std::find_if(args.begin(), args.end(),
                                [&](const Arg& arg) { return arg.name == piece.text; });
    if (a == args.end()) return false;
    const auto* s = std::get_if<std::string>(&a->value);
    if (s != nullptr && utf8::find_invalid(*s) != std::string_view::npos) return false;
    if (piece.kind == Plain::Piece::Kind::select) {
      if (s == nullptr) return false;  // ICU's error: a select chooses by a string
      // The key equal to the argument, else `other`.
      const Plain* chosen = nullptr;
      for (const auto& [key, message] : piece.cases) {
        if (key == *s) {
          chosen = message.get();
          break;
        }
        if (key == "other") chosen = message.get();
      }
      if (!render_plain(*chosen, args, out)) return false;
    } else if (s != nullptr) {
      out += *s;
    } else {
      append_grouped(out, std::get<std::int64_t>(a->value));
    }
  }
  return true;
}

// Reads a message file written the way they all are, one `id: "template"` a line between
// comments and blank lines, into `templates` as YAML would; false, adding nothing, when the file
// has anything else (an escape other than \" and \\, a folded or unquoted value, indentation),
// which YAML then reads. Reading them with yaml-cpp cost more than all the rendering of a run.
bool read_flat(std::string_view bytes, std::map<std::string, std::string, std::less<>>& templates) {
  std::vector<std::pair<std::string, std::string>> read;
  const auto id_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  };
  while (!bytes.empty()) {
    const std::size_t eol = bytes.find('\n');
    std::string_view line = bytes.substr(0, eol);
    bytes = eol == std::string_view::npos ? std::string_view() : bytes.substr(eol + 1);
    if (line.empty() || line.front() == '#') continue;
    std::size_t i = 0;
    while (i < line.size() && id_char(line[i]))
      ++i;
    if (i == 0 || line.front() == '-' || line.substr(i, 3) != ": \"") return false;
    std::string value;
    std::size_t k = i + 3;
    // Copied a run at a time, up to each backslash and the closing quote.
    for (std::size_t run = k;; ++k) {
      if (k < line.size() && line[k] != '"' && line[k] != '\\') continue;
      value.append(line.substr(run, k - run));
      if (k == line.size() || line[k] == '"') break;
      if (k + 1 == line.size() || (line[k + 1] != '"' && line[k + 1] != '\\')) return false;
      run = ++k;  // the escaped character starts the next run
    }
    if (k + 1 != line.size()) return false;  // no closing quote, or something after it
    const std::string_view id = line.substr(0, i);
    if (id == "null" || id == "Null" || id == "NULL") return false;  // YAML's null, not a name
    read.emplace_back(std::string(id), std::move(value));
  }
  for (auto& [id, value] : read)
    templates[id] = std::move(value);
  return true;
}

struct Catalog {
  std::string icu_locale;
  std::map<std::string, std::string, std::less<>> templates;
  // A template's plain pieces, read on its first use as the ICU formats are: a run renders a few
  // dozen of the hundreds. One per template, made with the templates; hashed, as every finding
  // looks one up.
  struct Lazy {
    std::string_view pattern;  // in `templates`
    std::once_flag once;
    std::optional<Plain> plain;  // nullopt: not plain
  };
  text::StringMap<std::unique_ptr<Lazy>> plain;
  // Compiled on first use (under Messages' lock): a run renders a few dozen of the hundreds of
  // templates, and compiling them all cost a one-file run more than linting the file. A template
  // ICU cannot compile stays null, and its messages fall back to zh-Hans.
  mutable std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> formats;
};

// Each locale's templates are read on first use of that locale, so a run in one locale parses
// only its own files; immutable afterwards except for formatting, which ICU does not promise to
// be safe on one MessageFormat from several threads, hence the lock.
class Messages {
 public:
  static Messages& instance() {
    static Messages messages;
    return messages;
  }

  const Catalog* catalog(std::string_view locale) {
    const std::vector<std::string>& all = locales();
    for (std::size_t k = 0; k < all.size() && k < slots_.size(); ++k) {
      if (all[k] != locale) continue;
      std::call_once(slots_[k].once, [&] { load(all[k], slots_[k].catalog); });
      return &slots_[k].catalog;
    }
    return nullptr;
  }

  // Appends the message `id` of catalog `c` to `out`; nothing when the catalog has no such
  // template, or ICU cannot compile it.
  void format(std::string& out, const Catalog& c, std::string_view id,
              const std::vector<Arg>& args) {
    // Every template is there: most messages are found by one lookup.
    if (const auto p = c.plain.find(id); p != c.plain.end()) {
      Catalog::Lazy& t = *p->second;
      std::call_once(t.once, [&] { t.plain = plain(t.pattern); });
      const std::size_t start = out.size();
      if (t.plain && render_plain(*t.plain, args, out)) return;
      out.resize(start);
    }
    const auto pattern = c.templates.find(id);
    if (pattern == c.templates.end()) return;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const Arg& a : args) {
      names.push_back(icu::UnicodeString::fromUTF8(a.name));
      if (const auto* s = std::get_if<std::string>(&a.value)) {
        values.emplace_back(icu::UnicodeString::fromUTF8(*s));
      } else {
        values.emplace_back(static_cast<int64_t>(std::get<std::int64_t>(a.value)));
      }
    }
    icu::UnicodeString text;
    UErrorCode status = U_ZERO_ERROR;
    {
      const std::lock_guard lock(mutex_);
      auto it = c.formats.find(id);
      if (it == c.formats.end()) {
        UParseError parse_error;
        auto compiled = std::make_unique<icu::MessageFormat>(
            icu::UnicodeString::fromUTF8(pattern->second), icu::Locale(c.icu_locale.c_str()),
            parse_error, status);
        if (U_FAILURE(status)) compiled.reset();
        status = U_ZERO_ERROR;
        it = c.formats.emplace(std::string(id), std::move(compiled)).first;
      }
      if (!it->second) return;
      it->second->format(names.data(), values.data(), static_cast<int32_t>(args.size()), text,
                         status);
    }
    if (U_FAILURE(status)) {
      out += pattern->second;
      return;
    }
    text.toUTF8String(out);  // appends
  }

 private:
  Messages() = default;

  static void load(const std::string& locale, Catalog& c) {
    c.icu_locale = locale == "en" ? "en" : locale == "zh-Hant" ? "zh_Hant" : "zh_Hans";
    for (const std::string_view bytes : message_files(locale)) {
      if (read_flat(bytes, c.templates)) continue;
      const YAML::Node root = YAML::Load(std::string(bytes));
      for (const auto& kv : root)
        c.templates[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
    c.plain.reserve(c.templates.size());
    for (const auto& [id, pattern] : c.templates) {
      auto lazy = std::make_unique<Catalog::Lazy>();
      lazy->pattern = pattern;
      c.plain.emplace(id, std::move(lazy));
    }
  }

  struct Slot {
    std::once_flag once;
    Catalog catalog;
  };
  std::array<Slot, 3> slots_;  // one per entry of locales()
  std::mutex mutex_;
};

}  // namespace

const std::vector<std::string>& locales() {
  static const std::vector<std::string> all = {"zh-Hans", "zh-Hant", "en"};
  return all;
}

std::string match_locale(std::string_view name) {
  std::string n(name.substr(0, name.find_first_of(".@")));
  for (char& c : n) {
    if (c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (n == "zh-hant" || n.starts_with("zh-hant-") || n == "zh-tw" || n == "zh-hk" || n == "zh-mo") {
    return "zh-Hant";
  }
  if (n == "zh" || n.starts_with("zh-")) return "zh-Hans";
  if (n == "en" || n.starts_with("en-")) return "en";
  return {};
}

std::string_view message_template(std::string_view id, std::string_view locale) {
  const Catalog* c = Messages::instance().catalog(locale);
  if (c == nullptr) return {};
  const auto it = c->templates.find(id);
  return it == c->templates.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<std::string> message_ids(std::string_view locale) {
  std::vector<std::string> out;
  if (const Catalog* c = Messages::instance().catalog(locale)) {
    for (const auto& [id, pattern] : c->templates)
      out.push_back(id);
  }
  return out;
}

namespace {

// Profiles write element names in simplified script, and `label` is such a name when the guide
// gave none; a zh-Hant message shows them in traditional script. A label quoted from a
// traditional page is traditional already and stays as it is.
std::optional<std::vector<Arg>> in_traditional_script(const std::vector<Arg>& args) {
  std::optional<std::vector<Arg>> out;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const auto* value = std::get_if<std::string>(&args[k].value);
    if (value == nullptr || (args[k].name != "element" && args[k].name != "label")) continue;
    std::string traditional = text::to_traditional(*value);
    if (traditional == *value) continue;
    if (!out) out = args;
    (*out)[k].value = std::move(traditional);
  }
  return out;
}

}  // namespace

void render(std::string& out, std::string_view id, const std::vector<Arg>& given,
            std::string_view locale) {
  Messages& m = Messages::instance();
  const Catalog* c = m.catalog(locale);
  if (c == nullptr) c = m.catalog("zh-Hans");
  std::optional<std::vector<Arg>> traditional;
  if (locale == "zh-Hant") traditional = in_traditional_script(given);
  const std::vector<Arg>& args = traditional ? *traditional : given;
  const std::size_t start = out.size();
  m.format(out, *c, id, args);
  if (out.size() == start) m.format(out, *m.catalog("zh-Hans"), id, given);
  if (out.size() == start) {
    out += id;
    return;
  }
  for (const Arg& a : args) {
    if (a.name == std::string_view("suggestion")) m.format(out, *c, "note.did-you-mean", args);
  }
}

std::string render(std::string_view id, const std::vector<Arg>& args, std::string_view locale) {
  std::string text;
  render(text, id, args, locale);
  return text;
}

}  // namespace guidelint::report

namespace guidelint {

std::string render_message(const Diagnostic& diagnostic, std::string_view locale) {
  return report::render(diagnostic.message_id, diagnostic.args, locale);
}

std::string locale_from_environment() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value == nullptr || *value == '\0') continue;
    const std::string locale = report::match_locale(value);
    return locale.empty() ? "zh-Hans" : locale;
  }
  return "zh-Hans";
}

}  // namespace guidelint
