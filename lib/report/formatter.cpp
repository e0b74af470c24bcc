#include <utility>

#include "report/formatters.hpp"

namespace guidelint {
namespace {

using Factory = std::unique_ptr<Formatter> (*)(std::ostream&, const FormatOptions&);

// Every output format, one file each in lib/report/; the first is the default.
constexpr std::pair<std::string_view, Factory> kFormatters[] = {
    {"text", report::make_text_formatter},
    {"json", report::make_json_formatter},
    {"sarif", report::make_sarif_formatter},
    {"junit", report::make_junit_formatter},
    {"checkstyle", report::make_checkstyle_formatter},
    {"github", report::make_github_formatter},
    {"rdjson", report::make_rdjson_formatter},
};

}  // namespace

Formatter::~Formatter() = default;

std::vector<std::string> formatter_names() {
  std::vector<std::string> names;
  for (const auto& [name, make] : kFormatters)
    names.emplace_back(name);
  return names;
}

std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                          const FormatOptions& options) {
  for (const auto& [known, make] : kFormatters) {
    if (known == name) return make(out, options);
  }
  return nullptr;
}

}  // namespace guidelint
