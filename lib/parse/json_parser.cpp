#include "parse/parser.hpp"

namespace guidelint::parse {
namespace {

class Stub final : public Parser {
 public:
  std::string_view format() const override { return "json"; }
  std::vector<std::string> extensions() const override { return {}; }
  void parse(const Source&, const Context&, Output& out) const override {
    out.error(std::nullopt, "parse-error.unknown-format", {{"formats", "json"}});
  }
};

}  // namespace

const Parser& json_parser() {
  static const Stub parser;
  return parser;
}

}  // namespace guidelint::parse
