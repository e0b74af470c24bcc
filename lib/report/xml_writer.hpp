// Escaping for the XML reports (JUnit, checkstyle): one function for text and attribute values.
#pragma once

#include <ostream>
#include <string_view>

#include "text/utf8.hpp"

namespace guidelint::report {

enum class XmlPlace { attribute, text };

// Writes `s` as XML 1.0 character data for an attribute value (in double or single quotes) or
// an element's text. In attributes, tabs and line breaks become character references, which
// parsers would otherwise normalise to spaces; in text they stay as they are, but for carriage
// returns, which parsers would drop. Characters XML 1.0 cannot carry at all (other control
// characters, U+FFFE, U+FFFF) and bytes that are not UTF-8 (a file name in another encoding)
// become U+FFFD, so one odd input never makes the whole report unreadable.
inline void write_xml_escaped(std::ostream& out, std::string_view s,
                              XmlPlace place = XmlPlace::attribute) {
  const bool attribute = place == XmlPlace::attribute;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(s, i);
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      case '\'':
        out << "&apos;";
        break;
      case '\t':
        out << (attribute ? "&#9;" : "\t");
        break;
      case '\n':
        out << (attribute ? "&#10;" : "\n");
        break;
      case '\r':
        out << "&#13;";
        break;
      default:
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c == utf8::kReplacement && i - at == 1)) {
          out << "\xEF\xBF\xBD";
        } else {
          out.write(s.data() + at, static_cast<std::streamsize>(i - at));
        }
    }
  }
}

}  // namespace guidelint::report
