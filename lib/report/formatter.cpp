#include "report/formatters.hpp"

namespace guidelint {

Formatter::~Formatter() = default;

std::vector<std::string> formatter_names() {
  return {"text", "json"};
}

std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                          const FormatOptions& options) {
  if (name == "text") return report::make_text_formatter(out, options);
  if (name == "json") return report::make_json_formatter(out, options);
  return nullptr;
}

}  // namespace guidelint
