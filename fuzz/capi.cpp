// The C API end to end, as a binding drives it: the first byte chooses the input's name (and so
// its format) and the locale; the rest is the input.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "guidelint/guidelint.h"

// An invariant of the API that failed: says which, then crashes so that libFuzzer keeps the input.
#define EXPECT(condition)                                                            \
  do {                                                                               \
    if (!(condition)) {                                                              \
      std::fprintf(stderr, "fuzz/capi.cpp:%d: expected %s\n", __LINE__, #condition); \
      std::abort();                                                                  \
    }                                                                                \
  } while (false)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static guidelint_engine* engine = [] {
    guidelint_engine* e = nullptr;
    guidelint_engine_new_default(&e);
    return e;
  }();
  static const char* const kNames[] = {"a.xml", "a.html", "a.json", "a.ndjson",
                                       "a.txt", "a.docx", "a.md",   nullptr};
  static const char* const kLocales[] = {"zh-Hans", "zh-Hant", "en", nullptr};
  if (size == 0) return 0;
  const unsigned choice = data[0];
  const char* name = kNames[choice % 8];
  const char* locale = kLocales[(choice / 8) % 4];
  guidelint_lint_options options{sizeof(guidelint_lint_options), nullptr, "2025-06-30"};
  guidelint_result* result = nullptr;
  // A buffer always lints: bad input is a result, not a failure.
  EXPECT(guidelint_lint_buffer(engine, reinterpret_cast<const char*>(data + 1), size - 1, name,
                               (choice & 0x80) ? &options : nullptr, &result) == GUIDELINT_OK);
  guidelint_summary summary;
  EXPECT(guidelint_result_summary(result, &summary) == GUIDELINT_OK);
  const std::size_t n = guidelint_result_count(result);
  for (std::size_t i = 0; i < n; ++i) {
    guidelint_diagnostic d;
    EXPECT(guidelint_result_diagnostic(result, i, locale, &d) == GUIDELINT_OK);
    // Strings are what they say they are (a message may quote a NUL from the input, so only
    // its terminator is checked).
    EXPECT(d.message.data[d.message.length] == '\0' && d.rule_id.length > 0);
    EXPECT(!d.has_span || (d.line > 0 && d.column > 0));
  }
  guidelint_diagnostic past;
  EXPECT(guidelint_result_diagnostic(result, n, locale, &past) == GUIDELINT_ERROR_RANGE);
  guidelint_string json;
  EXPECT(guidelint_result_json(result, locale, &json) == GUIDELINT_OK);
  guidelint_result_free(result);
  return 0;
}
