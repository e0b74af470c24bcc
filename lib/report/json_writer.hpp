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
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // JSON must be UTF-8: a byte that does not decode (a file name in another encoding)
      // becomes U+FFFD instead of breaking the whole report.
      const std::size_t at = i;
      const char32_t cp = utf8::next(s, i);
      if (cp == utf8::kReplacement && i - at == 1) {
        out << "\\ufffd";
      } else {
        out.write(s.data() + at, static_cast<std::streamsize>(i - at));
      }
      continue;
    }
    ++i;
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
        if (c < 0x20) {
          out << "\\u00" << kHex[c >> 4] << kHex[c & 15];
        } else {
          out.put(static_cast<char>(c));
        }
    }
  }
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
