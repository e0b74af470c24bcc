// The output formats, one per file.
#pragma once

#include <memory>
#include <ostream>

#include "guidelint/guidelint.hpp"

namespace guidelint::report {

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options);
std::unique_ptr<Formatter> make_json_formatter(std::ostream& out, const FormatOptions& options);

}  // namespace guidelint::report
