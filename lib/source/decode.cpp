#include "source/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace guidelint::source {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether s starts with `prefix` (lower case) ignoring ASCII case.
bool starts_with_lower(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (lower_ascii(s[k]) != prefix[k]) return false;
  }
  return true;
}

// The first occurrence of `needle` (lower case) in s, ignoring ASCII case, that starts at or
// after `from` and before `before`; npos when there is none.
std::size_t find_lower(std::string_view s, std::string_view needle, std::size_t from,
                       std::size_t before = std::string_view::npos) {
  // A letter's two cases are each found with memchr, the nearer tried first.
  const char first = needle.front();
  const char upper = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  const std::string_view within = s.substr(0, std::min(before, s.size()));
  std::size_t lower_at = within.find(first, from);
  std::size_t upper_at = upper == first ? std::string_view::npos : within.find(upper, from);
  for (std::size_t at = std::min(lower_at, upper_at); at != std::string_view::npos;
       at = std::min(lower_at, upper_at)) {
    if (starts_with_lower(s.substr(at), needle)) return at;
    if (at == lower_at) {
      lower_at = within.find(first, at + 1);
    } else {
      upper_at = within.find(upper, at + 1);
    }
  }
  return std::string_view::npos;
}

// The value after `key` (charset= or encoding=) up to a quote, space, ; or >.
std::string value_after(std::string_view head, std::size_t at) {
  std::size_t i = at;
  while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'' || head[i] == '='))
    ++i;
  std::size_t e = i;
  const auto ends = [](char c) {
    return c == ' ' || c == '"' || c == '\'' || c == ';' || c == '>' || c == '/' || c == '\t' ||
           c == '\r' || c == '\n';
  };
  while (e < head.size() && !ends(head[e]))
    ++e;
  return std::string(head.substr(i, e - i));
}

// ICU's name for a declared or detected encoding. GBK and GB2312 pages routinely use characters
// beyond those sets; GB18030 is their superset and decodes them all.
std::string icu_name(std::string_view name) {
  const std::string n = lower(name);
  if (n == "gbk" || n == "gb2312" || n == "gb_2312-80" || n == "x-gbk" || n == "cp936" ||
      n == "euc-cn" || n == "gb18030" || n == "windows-936") {
    return "GB18030";
  }
  if (n == "big5" || n == "x-big5" || n == "cp950" || n == "windows-950") return "Big5";
  if (n == "big5-hkscs") return "Big5-HKSCS";
  return std::string(name);
}

bool is_utf8_name(std::string_view name) {
  const std::string n = lower(name);
  return n == "utf-8" || n == "utf8";
}

// Transcodes with ICU into UTF-8 with a map to input offsets; stops at the first sequence that
// is not valid in the encoding.
void transcode(std::string_view bytes, std::uint32_t skip, const std::string& encoding,
               Decoded& out) {
  out.encoding = encoding;
  out.transcoded = true;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status)) {
    out.error_at = 0;
    out.error_id = "input.unknown-encoding";
    out.error_detail = encoding;
    out.transcoded = false;
    return;
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const std::string_view input = bytes.substr(skip);
  std::vector<UChar> units(input.size() + 1);
  std::vector<int32_t> offsets(input.size() + 1);
  const char* src = input.data();
  UChar* target = units.data();
  int32_t* off = offsets.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &src,
                 input.data() + input.size(), off, true, &status);
  const auto produced = static_cast<std::size_t>(target - units.data());
  if (U_FAILURE(status)) {
    // The bad sequence starts where ICU stopped consuming minus what it held back as invalid.
    char invalid[32];
    int8_t len = sizeof(invalid);
    UErrorCode s2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &len, &s2);
    const auto consumed = static_cast<std::uint32_t>(src - input.data());
    const std::uint32_t at = consumed >= static_cast<std::uint32_t>(std::max<int8_t>(len, 0))
                                 ? consumed - static_cast<std::uint32_t>(std::max<int8_t>(len, 0))
                                 : 0;
    out.error_at = skip + at;
    out.error_id = "input.undecodable";
    for (int8_t k = 0; k < std::min<int8_t>(len, 4); ++k) {
      out.error_detail +=
          fmt::format("{}0x{:02X}", k ? " " : "", static_cast<unsigned char>(invalid[k]));
    }
    out.transcoded = false;
    return;
  }
  out.text.reserve(produced * 3);
  // A UTF-16 unit makes at most three bytes: the map is written in place, and cut to size after.
  out.origin.resize(produced * 3 + 1);
  std::uint32_t* origin = out.origin.data();
  for (std::size_t i = 0; i < produced;) {
    char32_t cp = units[i];
    const std::uint32_t from = skip + static_cast<std::uint32_t>(std::max(offsets[i], 0));
    if (U16_IS_LEAD(units[i]) && i + 1 < produced && U16_IS_TRAIL(units[i + 1])) {
      cp = U16_GET_SUPPLEMENTARY(units[i], units[i + 1]);
      i += 2;
    } else {
      ++i;
    }
    const std::size_t before = out.text.size();
    utf8::append(out.text, cp);
    origin = std::fill_n(origin, out.text.size() - before, from);
  }
  *origin++ = static_cast<std::uint32_t>(bytes.size());
  out.origin.resize(static_cast<std::size_t>(origin - out.origin.data()));
}

// ICU's detector, asked to choose between the encodings Chinese guides come in.
std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                 ucsdet_close);
  if (U_FAILURE(status)) return "GB18030";
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup
  ucsdet_setText(det.get(), bytes.data(),
                 static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
  if (U_FAILURE(status)) return "GB18030";
  for (int32_t i = 0; i < found; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    if (name == "GB18030" || name == "Big5") return name;
  }
  return "GB18030";  // mainland pages are the common case
}

}  // namespace

std::string declared_encoding(std::string_view head) {
  // Only markup declares an encoding, and it starts with its declaration or its tags.
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || head[first] != '<') return {};
  head = head.substr(0, std::min<std::size_t>(head.size(), 1024));
  // Names are matched ignoring ASCII case, in place: every input passes here.
  if (starts_with_lower(head, "<?xml")) {
    const std::size_t end = head.find("?>");
    const std::size_t at = find_lower(head, "encoding", 0, end);
    if (at != std::string_view::npos) return value_after(head, at + 8);
    return {};
  }
  for (std::size_t at = find_lower(head, "<meta", 0); at != std::string_view::npos;
       at = find_lower(head, "<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::size_t cs = find_lower(head, "charset", at, end);
    if (cs != std::string_view::npos) return value_after(head, cs + 7);
  }
  return {};
}

Decoded decode(std::string_view bytes) {
  Decoded d;
  const auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) {
    d.skip = 3;
  } else if (starts("\xFF\xFE")) {
    transcode(bytes, 2, "UTF-16LE", d);
    return d;
  } else if (starts("\xFE\xFF")) {
    transcode(bytes, 2, "UTF-16BE", d);
    return d;
  }
  const std::string_view body = bytes.substr(d.skip);
  if (starts("PK\x03\x04")) {
    d.encoding = "zip";  // a Word document: its parser reads the archive
    return d;
  }
  // NUL bytes do not occur in text in any of the encodings above: this is a binary file.
  if (const std::size_t nul = body.substr(0, 8192).find('\0'); nul != std::string_view::npos) {
    d.error_at = d.skip + static_cast<std::uint32_t>(nul);
    d.error_id = "input.binary";
    return d;
  }
  const std::string declared = d.skip ? std::string() : declared_encoding(body);
  if (!declared.empty() && !is_utf8_name(declared)) {
    // Trust the declaration, as browsers do.
    transcode(bytes, 0, icu_name(declared), d);
    return d;
  }
  const std::size_t bad = utf8::find_invalid(body);
  if (bad == std::string_view::npos) return d;
  if (!declared.empty()) {  // declared UTF-8 but is not: report, do not guess
    d.error_at = d.skip + static_cast<std::uint32_t>(bad);
    d.error_id = "input.invalid-utf8";
    d.error_detail = fmt::format("0x{:02X}", static_cast<unsigned char>(body[bad]));
    return d;
  }
  transcode(bytes, 0, detect(body), d);
  return d;
}

}  // namespace guidelint::source
