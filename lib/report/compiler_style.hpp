// A diagnostic as compilers print one: the headline `file:line:col: severity: message [rule-id]`
// and the source line under it with the offending characters underlined. Shared by the text
// report and by the formats that carry a human-readable rendering (JUnit, rdjson).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "guidelint/guidelint.hpp"

namespace guidelint::report {

// The severity word of the text report: "error", "warning", "info", or "needs-review" whatever
// the severity of a finding that needs review. Never localized, so lines stay parseable.
std::string_view severity_word(const Diagnostic& d);

// Terminal cells a code point takes: 2 for East Asian Wide and Fullwidth characters, 0 for
// combining marks and other zero-width characters, 1 otherwise (ambiguous-width characters
// included, as most terminals show them).
int display_width(char32_t c);

// ANSI colours, or none: every escape sequence is empty when colour is off.
struct Palette {
  explicit Palette(bool color) : on(color) {}
  bool on;
  std::string_view bold() const { return on ? "\033[1m" : ""; }
  std::string_view reset() const { return on ? "\033[0m" : ""; }
  std::string_view caret() const { return on ? "\033[1;32m" : ""; }
  std::string_view failed() const { return on ? "\033[1;31m" : ""; }
  std::string_view passed() const { return on ? "\033[1;32m" : ""; }
  std::string_view severity(const Diagnostic& d) const;
};

// `file:line:col: severity: message [rule-id]` and a line break; `file: severity: …` for a
// finding without a place.
void write_headline(std::ostream& out, const Source& source, const Diagnostic& d,
                    std::string_view locale, const Palette& palette);

// Text on one line, whatever it holds: control characters, line separators and bidirectional
// controls shown as visible symbols (␛, ␊, ↵ …), tabs as a space. For names and messages taken
// from the input, so that they cannot act on a terminal.
std::string printable(std::string_view s);

// The summary of a run after its mark: "5 个文件，6 份指南：13 个错误，…；1 项待人工复核".
std::string summary_text(const Summary& s, std::string_view locale);

// The source line where `span` starts, then a line underlining the span (^~~~) by display
// width, tabs expanded to 8 cells:
//
//      9 |   <procedure>申请→审核→发证</procedure>
//        |              ^~~~~~~~~~~~~~
//
// A span going on past its first line is underlined to the end of that line; an empty span gets
// a single caret. A line wider than about 100 cells is shown as a window around the span, cut
// ends marked with "…". Control characters, line separators and bidirectional controls are
// shown as visible symbols, so a source line can never act on the terminal.
void write_code_frame(std::ostream& out, const Source& source, Span span, const Palette& palette);

}  // namespace guidelint::report
