// Rule pages at the prompt: the embedded docs/rules/<id>.md, rendered for a terminal.
#include <string>

#include "config/builtin.hpp"
#include "guidelint/guidelint.hpp"
#include "report/compiler_style.hpp"
#include "text/utf8.hpp"

namespace guidelint {
namespace {

struct Style {
  bool color;
  std::string_view on(std::string_view code) const { return color ? code : ""; }
  std::string_view off() const { return color ? "\033[0m" : ""; }
};

// Inline Markdown: **bold**, `code`, [text](url). Without colour, code keeps its backticks
// (they still mark it) and bold its plain text.
std::string inline_text(std::string_view s, const Style& style) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i).starts_with("**")) {
      const std::size_t end = s.find("**", i + 2);
      if (end != std::string_view::npos) {
        out += style.on("\033[1m");
        out += inline_text(s.substr(i + 2, end - i - 2), style);
        out += style.off();
        i = end + 2;
        continue;
      }
    }
    if (s[i] == '`') {
      const std::size_t end = s.find('`', i + 1);
      if (end != std::string_view::npos) {
        if (style.color) {
          out += "\033[36m";
          out += s.substr(i + 1, end - i - 1);
          out += style.off();
        } else {
          out += s.substr(i, end - i + 1);
        }
        i = end + 1;
        continue;
      }
    }
    if (s[i] == '[') {
      const std::size_t close = s.find("](", i);
      const std::size_t end = close == std::string_view::npos ? close : s.find(')', close);
      if (end != std::string_view::npos &&
          s.substr(i, close - i).find('\n') == std::string_view::npos) {
        const std::string_view text = s.substr(i + 1, close - i - 1);
        const std::string_view url = s.substr(close + 2, end - close - 2);
        out += inline_text(text, style);
        // Pages beside this one are named by their rule id; addresses are kept.
        if (url.starts_with("http")) {
          out += " <";
          out += url;
          out += '>';
        }
        i = end + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

std::optional<std::string> rule_doc(std::string_view id) {
  if (id.empty() || id.find('/') != std::string_view::npos) return std::nullopt;
  const auto bytes = builtin::find("docs/rules/" + std::string(id) + ".md");
  if (!bytes) return std::nullopt;
  return std::string(*bytes);
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t k = 0; k < utf8.size();)
    width += static_cast<std::size_t>(std::max(0, report::display_width(utf8::next(utf8, k))));
  return width;
}

std::string render_markdown(std::string_view markdown, bool color) {
  const Style style{color};
  std::string out;
  bool fence = false;
  std::size_t i = 0;
  while (i < markdown.size()) {
    std::size_t end = markdown.find('\n', i);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(i, end - i);
    i = end + 1;
    if (line.starts_with("```")) {
      fence = !fence;
      continue;
    }
    if (fence) {
      out += "    ";
      out += style.on("\033[36m");
      out += line;
      out += style.off();
      out += '\n';
      continue;
    }
    if (line.starts_with("#")) {
      std::size_t level = 0;
      while (level < line.size() && line[level] == '#')
        ++level;
      const std::string title = inline_text(line.substr(std::min(level + 1, line.size())), style);
      out += style.on(level == 1 ? "\033[1;4m" : "\033[1m");
      out += title;
      out += style.off();
      out += '\n';
      if (!color) {
        // Underlined the way plain-text documents do it, as wide as the title is shown.
        out.append(display_width(title), level == 1 ? '=' : level == 2 ? '-' : '~');
        out += '\n';
      }
      continue;
    }
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ')
      ++indent;
    const std::string_view rest = line.substr(indent);
    if (rest.starts_with("- ") || rest.starts_with("* ")) {
      out.append(indent, ' ');
      out += "• ";
      out += inline_text(rest.substr(2), style);
    } else {
      out += inline_text(line, style);
    }
    out += '\n';
  }
  return out;
}

}  // namespace guidelint
