// A minimal streaming JSON writer: enough for reports, with correct string escaping.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"
#include "text/utf8.hpp"

namespace guidelint::report {

inline void write_json_string(std::ostream& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.put('"');
  // Bytes that need no escape go out in runs: one write per run, not one put per byte.
  std::size_t run = 0;
  const auto flush = [&](std::size_t end) {
    if (end > run) out.write(s.data() + run, static_cast<std::streamsize>(end - run));
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // JSON must be UTF-8: a byte that does not decode (a file name in another encoding)
      // becomes U+FFFD instead of breaking the whole report.
      const std::size_t at = i;
      const char32_t cp = utf8::next(s, i);
      if (cp == utf8::kReplacement && i - at == 1) {
        flush(at);
        out << "\\ufffd";
        run = i;
      }
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    flush(i);
    ++i;
    run = i;
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\t':
        out << "\\t";
        break;
      default:
        out << "\\u00" << kHex[c >> 4] << kHex[c & 15];
    }
  }
  flush(s.size());
  out.put('"');
}

// A message's arguments as one JSON object: {"element":"收费标准","years":3}.
inline void write_json_args(std::ostream& out, const std::vector<Arg>& args) {
  out.put('{');
  for (std::size_t k = 0; k < args.size(); ++k) {
    if (k > 0) out.put(',');
    write_json_string(out, args[k].name);
    out.put(':');
    if (const auto* s = std::get_if<std::string>(&args[k].value)) {
      write_json_string(out, *s);
    } else {
      out << std::get<std::int64_t>(args[k].value);
    }
  }
  out.put('}');
}

}  // namespace guidelint::report
