// What every input-format target does with its bytes: lint them with the national pack, then
// render everything a report would (positions, messages in every locale, the JSON report), so
// that a bad span or a message argument is found too, not only a parser crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "guidelint/guidelint.hpp"

namespace guidelint::fuzz {

inline const Engine& engine() {
  static const std::shared_ptr<const Engine> e = Engine::builtin().engine;
  return *e;
}

inline void report(const FileResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    if (d.span) {
      (void)result.source->position(d.span->begin);
      (void)result.source->position(d.span->end);
    }
    for (const char* locale : {"zh-Hans", "zh-Hant", "en"})
      (void)render_message(d, locale);
  }
  std::ostringstream out;
  auto formatter = make_formatter("json", out, FormatOptions{});
  Summary summary;
  summary.add(result);
  formatter->begin();
  formatter->file(result);
  formatter->end(summary);
}

inline int lint(const std::uint8_t* data, std::size_t size, const char* name) {
  LintOptions options;
  options.as_of = Date{2025, 6, 30};
  auto source =
      std::make_shared<const Source>(name, std::string(reinterpret_cast<const char*>(data), size));
  report(engine().lint(std::move(source), options));
  return 0;
}

}  // namespace guidelint::fuzz
