#include "parse/parser.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace guidelint::parse {

void Output::error(std::optional<Span> span, std::string message_id, std::vector<Arg> args,
                   bool fatal) {
  Diagnostic d;
  d.rule_id = "parse-error";
  d.severity = Severity::error;
  d.message_id = std::move(message_id);
  d.args = std::move(args);
  d.span = span;
  d.fatal = fatal;
  diagnostics.push_back(std::move(d));
}

bool Context::room_for_guide(Output& out, Span next) const {
  if (out.guides.size() < limits.guides_per_file) return true;
  const bool said = std::any_of(
      out.diagnostics.begin(), out.diagnostics.end(),
      [](const Diagnostic& d) { return d.message_id == "parse-error.too-many-guides"; });
  if (!said) {
    out.error(next, "parse-error.too-many-guides",
              {{"limit", static_cast<std::int64_t>(limits.guides_per_file)}}, false);
  }
  return false;
}

const std::vector<const Parser*>& parsers() {
  static const std::vector<const Parser*> all = {&xml_parser(), &html_parser(), &json_parser(),
                                                 &docx_parser(), &text_parser()};
  return all;
}

const Parser* parser_for_format(std::string_view format) {
  for (const Parser* p : parsers()) {
    if (p->format() == format) return p;
  }
  return nullptr;
}

namespace {

// Every parser's extensions, gathered once: a folder walk asks for each entry, and each file's
// lint asks again.
const std::vector<std::pair<std::string, const Parser*>>& extension_table() {
  static const auto table = [] {
    std::vector<std::pair<std::string, const Parser*>> all;
    for (const Parser* p : parsers()) {
      for (std::string& ext : p->extensions())
        all.emplace_back(std::move(ext), p);
    }
    return all;
  }();
  return table;
}

}  // namespace

std::string_view extension_of(std::string_view name) {
  // As std::filesystem::path::extension: from the last dot of the last component, except in a
  // name that is only a leading dot's ("." , "..", ".profile").
  const std::string_view file = name.substr(name.rfind('/') + 1);
  if (file == "." || file == "..") return {};
  const std::size_t dot = file.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return file.substr(dot);
}

const Parser* parser_for_extension(std::string_view name) {
  const std::string_view ext = extension_of(name);
  if (ext.empty()) return nullptr;
  for (const auto& [known, p] : extension_table()) {
    if (known.size() == ext.size() &&
        std::equal(known.begin(), known.end(), ext.begin(), [](char k, char c) {
          return k == static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        })) {
      return p;
    }
  }
  return nullptr;
}

const Parser* parser_for(const Source& source) {
  if (const Parser* p = parser_for_extension(source.name())) return p;
  // No known extension (stdin, a buffer): look at the content.
  if (source.encoding() == "zip") return parser_for_format("docx");
  const std::string_view text = source.text();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return nullptr;
  if (text[first] == '{' || text[first] == '[') return parser_for_format("json");
  if (text[first] == '<') {
    std::string head(text.substr(first, 1024));
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // The first tag after any declaration, comments and doctype decides: the native format's
    // root, or else a page.
    std::size_t at = 0;
    while (at < head.size()) {
      at = head.find_first_not_of(" \t\r\n", at);
      if (at == std::string::npos) break;
      const std::string_view rest = std::string_view(head).substr(at);
      const char* close = rest.starts_with("<!--")                           ? "-->"
                          : rest.starts_with("<?") || rest.starts_with("<!") ? ">"
                                                                             : nullptr;
      if (close == nullptr) break;
      const std::size_t end = head.find(close, at);
      if (end == std::string::npos) break;
      at = end + std::string_view(close).size();
    }
    const bool xml = at < head.size() && std::string_view(head).substr(at).starts_with("<guide");
    return parser_for_format(xml ? "xml" : "html");
  }
  // Anything else that decoded as text is read as text.
  return parser_for_format("text");
}

}  // namespace guidelint::parse
