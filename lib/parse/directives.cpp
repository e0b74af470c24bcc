#include "parse/directives.hpp"

namespace guidelint::parse {

std::optional<Directive> read_directive(std::string_view comment, std::uint32_t at, Span span) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t i = 0;
  while (i < comment.size() && space(comment[i]))
    ++i;
  static constexpr std::pair<std::string_view, Directive::Kind> kKinds[] = {
      {"guidelint-disable-next-element", Directive::Kind::disable_next_element},
      {"guidelint-disable", Directive::Kind::disable},
      {"guidelint-enable", Directive::Kind::enable},
  };
  Directive d;
  d.span = span;
  bool found = false;
  for (const auto& [word, kind] : kKinds) {
    if (!comment.substr(i).starts_with(word)) continue;
    const std::size_t after = i + word.size();
    if (after < comment.size() && !space(comment[after])) continue;  // guidelint-disabled …
    d.kind = kind;
    i = after;
    found = true;
    break;
  }
  if (!found) return std::nullopt;
  const std::size_t why = comment.find("--", i);
  const std::size_t end = why == std::string_view::npos ? comment.size() : why;
  while (i < end) {
    while (i < end && (space(comment[i]) || comment[i] == ','))
      ++i;
    const std::size_t begin = i;
    while (i < end && !space(comment[i]) && comment[i] != ',')
      ++i;
    if (i > begin) {
      d.rules.push_back(
          {std::string(comment.substr(begin, i - begin)),
           Span{at + static_cast<std::uint32_t>(begin), at + static_cast<std::uint32_t>(i)}});
    }
  }
  return d;
}

}  // namespace guidelint::parse
