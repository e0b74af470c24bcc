#include <algorithm>

#include "guidelint/guidelint.hpp"
#include "text/utf8.hpp"

namespace guidelint {

bool Element::blank() const {
  // Every rule asks, and a value nearly always starts with a character its first byte shows is
  // not a space.
  if (!text.empty() && !utf8::may_begin_space(static_cast<unsigned char>(text[0]))) return false;
  for (std::size_t i = 0; i < text.size();) {
    if (!utf8::is_space(utf8::next(text, i))) return false;
  }
  return true;
}

Span Element::source_span(std::uint32_t begin, std::uint32_t end) const {
  if (pieces.empty()) return span;
  end = std::min<std::uint32_t>(std::max(begin, end), static_cast<std::uint32_t>(text.size()));
  begin = std::min(begin, end);
  // The piece holding text offset t: the last one starting at or before it.
  const auto piece_of = [&](std::uint32_t t) -> std::size_t {
    const auto it =
        std::upper_bound(pieces.begin(), pieces.end(), t,
                         [](std::uint32_t v, const TextPiece& p) { return v < p.text; });
    return it == pieces.begin() ? 0 : static_cast<std::size_t>(it - pieces.begin() - 1);
  };
  const auto linear = [&](std::size_t i) { return pieces[i].exact; };
  const std::size_t b = piece_of(begin);
  const std::uint32_t from =
      linear(b) ? pieces[b].source + (std::max(begin, pieces[b].text) - pieces[b].text)
                : pieces[b].source;
  if (begin == end) return {from, from};
  const std::size_t e = piece_of(end - 1);
  const std::uint32_t to =
      linear(e) ? pieces[e].source + (end - pieces[e].text) : pieces[e].source_end;
  return {from, std::max(from, to)};
}

Span Element::value_span() const {
  if (text.empty()) return span;
  return source_span(0, static_cast<std::uint32_t>(text.size()));
}

std::string_view Element::item_text(const Item& item) const {
  const std::size_t end = std::min<std::size_t>(item.end, text.size());
  const std::size_t begin = std::min<std::size_t>(item.begin, end);
  return std::string_view(text).substr(begin, end - begin);
}

const Element* Guide::find(std::string_view id) const {
  for (const Element& e : elements) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

bool FileResult::fatal() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.fatal; });
}

std::size_t FileResult::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(),
      [&](const Diagnostic& d) { return d.severity == severity && !d.needs_review; }));
}

std::size_t FileResult::reviews() const {
  return static_cast<std::size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.needs_review; }));
}

void Summary::add(const FileResult& result) {
  ++files;
  guides += result.guides.size();
  errors += result.count(Severity::error);
  warnings += result.count(Severity::warning);
  infos += result.count(Severity::info);
  reviews += result.reviews();
  if (result.fatal()) ++fatal;
}

}  // namespace guidelint
