// A minimal streaming JSON writer: enough for reports, with correct string escaping.
#pragma once

#include <ostream>
#include <string_view>

namespace guidelint::report {

inline void write_json_string(std::ostream& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.put('"');
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
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
          out.put(ch);
        }
    }
  }
  out.put('"');
}

}  // namespace guidelint::report
