// Paths as URI references, for the reports that link to the files they speak of (SARIF, the
// audit's HTML page).
#pragma once

#include <string>
#include <string_view>

namespace guidelint::report {

// A path as a URI reference (RFC 3986): relative paths stay relative, absolute ones become
// file: URIs; everything but unreserved characters and "/" is percent-encoded, UTF-8 bytes
// included, and ":" too, so that a first segment never reads as a scheme.
inline std::string uri_reference(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = path.starts_with('/') ? "file://" : "";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace guidelint::report
