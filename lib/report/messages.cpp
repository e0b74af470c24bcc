#include "report/messages.hpp"

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "config/builtin.hpp"

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

struct Catalog {
  std::string icu_locale;
  std::map<std::string, std::string, std::less<>> templates;
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

  std::string format(std::string_view locale, std::string_view id, const std::vector<Arg>& args) {
    const Catalog* c = catalog(locale);
    if (c == nullptr) return {};
    const auto pattern = c->templates.find(id);
    if (pattern == c->templates.end()) return {};
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const Arg& a : args) {
      names.push_back(icu::UnicodeString::fromUTF8(a.name));
      if (const auto* s = std::get_if<std::string>(&a.value)) {
        values.emplace_back(icu::UnicodeString::fromUTF8(*s));
      } else {
        values.emplace_back(static_cast<int64_t>(std::get<std::int64_t>(a.value)));
      }
    }
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    {
      const std::lock_guard lock(mutex_);
      auto it = c->formats.find(id);
      if (it == c->formats.end()) {
        UParseError parse_error;
        auto compiled = std::make_unique<icu::MessageFormat>(
            icu::UnicodeString::fromUTF8(pattern->second), icu::Locale(c->icu_locale.c_str()),
            parse_error, status);
        if (U_FAILURE(status)) compiled.reset();
        status = U_ZERO_ERROR;
        it = c->formats.emplace(std::string(id), std::move(compiled)).first;
      }
      if (!it->second) return {};
      it->second->format(names.data(), values.data(), static_cast<int32_t>(args.size()), out,
                         status);
    }
    if (U_FAILURE(status)) return pattern->second;
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
  }

 private:
  Messages() = default;

  static void load(const std::string& locale, Catalog& c) {
    c.icu_locale = locale == "en" ? "en" : locale == "zh-Hant" ? "zh_Hant" : "zh_Hans";
    for (const std::string_view bytes : message_files(locale)) {
      const YAML::Node root = YAML::Load(std::string(bytes));
      for (const auto& kv : root)
        c.templates[kv.first.as<std::string>()] = kv.second.as<std::string>();
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

std::string render(std::string_view id, const std::vector<Arg>& args, std::string_view locale) {
  Messages& m = Messages::instance();
  std::string_view loc = m.catalog(locale) ? locale : std::string_view("zh-Hans");
  std::string text = m.format(loc, id, args);
  if (text.empty()) text = m.format("zh-Hans", id, args);
  if (text.empty()) return std::string(id);
  for (const Arg& a : args) {
    if (a.name == "suggestion") text += m.format(loc, "note.did-you-mean", args);
  }
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
