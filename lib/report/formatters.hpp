// The output formats, one per file.
#pragma once

#include <memory>
#include <ostream>

#include "guidelint/guidelint.hpp"

namespace guidelint::report {

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_json_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_sarif_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_junit_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_checkstyle_formatter(std::ostream& out,
                                                     const FormatOptions& options);
std::unique_ptr<Formatter> make_github_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_rdjson_formatter(std::ostream& out, const FormatOptions& options);

}  // namespace guidelint::report
