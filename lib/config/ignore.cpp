#include "config/ignore.hpp"

namespace guidelint::config {
namespace {

// [...] at pattern[p] (just after the '['): does c belong? Sets `end` just past the ']'.
// Returns false with end = npos when the class is not closed (the '[' is then literal).
bool in_class(std::string_view pattern, std::size_t p, char c, std::size_t& end) {
  bool negate = false;
  if (p < pattern.size() && (pattern[p] == '!' || pattern[p] == '^')) {
    negate = true;
    ++p;
  }
  bool found = false;
  bool first = true;
  while (p < pattern.size() && (first || pattern[p] != ']')) {
    first = false;
    char lo = pattern[p];
    if (lo == '\\' && p + 1 < pattern.size()) lo = pattern[++p];
    ++p;
    char hi = lo;
    if (p + 1 < pattern.size() && pattern[p] == '-' && pattern[p + 1] != ']') {
      hi = pattern[p + 1];
      if (hi == '\\' && p + 2 < pattern.size()) {
        hi = pattern[p + 2];
        ++p;
      }
      p += 2;
    }
    if (static_cast<unsigned char>(lo) <= static_cast<unsigned char>(c) &&
        static_cast<unsigned char>(c) <= static_cast<unsigned char>(hi))
      found = true;
  }
  if (p >= pattern.size()) {
    end = std::string_view::npos;
    return false;
  }
  end = p + 1;
  return found != negate;
}

bool match_from(std::string_view pat, std::size_t p, std::string_view path, std::size_t s) {
  while (p < pat.size()) {
    const char c = pat[p];
    if (c == '*') {
      const bool deep = p + 1 < pat.size() && pat[p + 1] == '*' && (p == 0 || pat[p - 1] == '/') &&
                        (p + 2 == pat.size() || pat[p + 2] == '/');
      if (deep) {
        if (p + 2 == pat.size()) return true;  // "/**" at the end: everything below
        // "**/": zero or more folders.
        for (std::size_t t = s;; ++t) {
          if ((t == s || path[t - 1] == '/') && match_from(pat, p + 3, path, t)) return true;
          if (t == path.size()) return false;
        }
      }
      while (p < pat.size() && pat[p] == '*')
        ++p;
      for (std::size_t t = s;; ++t) {
        if (match_from(pat, p, path, t)) return true;
        if (t == path.size() || path[t] == '/') return false;
      }
    }
    if (s == path.size()) return false;
    if (c == '?') {
      if (path[s] == '/') return false;
    } else if (c == '[') {
      std::size_t end = 0;
      const bool in = in_class(pat, p + 1, path[s], end);
      if (end != std::string_view::npos) {
        if (!in || path[s] == '/') return false;
        p = end;
        ++s;
        continue;
      }
      if (path[s] != '[') return false;
    } else if (c == '\\' && p + 1 < pat.size()) {
      if (path[s] != pat[++p]) return false;
    } else if (path[s] != c) {
      return false;
    }
    ++p;
    ++s;
  }
  return s == path.size();
}

std::string folder_key(const std::filesystem::path& base) {
  std::string b = base.generic_string();
  if (b.empty() || b.back() != '/') b += '/';
  return b;
}

}  // namespace

bool wildmatch(std::string_view pattern, std::string_view path) {
  return match_from(pattern, 0, path, 0);
}

void IgnoreRules::add(std::string_view lines, const std::filesystem::path& base) {
  std::size_t i = 0;
  while (i <= lines.size()) {
    std::size_t end = lines.find('\n', i);
    if (end == std::string_view::npos) end = lines.size();
    std::string_view line = lines.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    add_pattern(line, base);
    if (end == lines.size()) break;
    i = end + 1;
  }
}

void IgnoreRules::add_pattern(std::string_view line, const std::filesystem::path& base) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  // Trailing spaces go unless escaped with a backslash.
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\'))
    line.remove_suffix(1);
  if (line.empty() || line.front() == '#') return;
  Pattern p;
  p.base = folder_key(base);
  if (line.front() == '!') {
    p.negate = true;
    line.remove_prefix(1);
  } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
    line.remove_prefix(1);
  }
  if (line.ends_with('/')) {
    p.dir_only = true;
    while (line.ends_with('/'))
      line.remove_suffix(1);
  }
  if (line.starts_with('/')) {
    p.anchored = true;
    while (line.starts_with('/'))
      line.remove_prefix(1);
  } else if (line.find('/') != std::string_view::npos) {
    p.anchored = true;
  }
  if (line.empty()) return;
  p.glob = std::string(line);
  patterns_.push_back(std::move(p));
}

int IgnoreRules::verdict(std::string_view path, bool is_dir) const {
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    const Pattern& p = *it;
    if (p.dir_only && !is_dir) continue;
    if (!path.starts_with(p.base)) continue;
    const std::string_view rel = path.substr(p.base.size());
    bool hit = false;
    if (p.anchored) {
      hit = wildmatch(p.glob, rel);
    } else {
      const std::size_t slash = rel.rfind('/');
      hit = wildmatch(p.glob, slash == std::string_view::npos ? rel : rel.substr(slash + 1));
    }
    if (hit) return p.negate ? -1 : 1;
  }
  return 0;
}

bool IgnoreRules::ignored(const std::filesystem::path& path, bool is_dir) const {
  if (patterns_.empty()) return false;
  const std::string full = path.generic_string();
  // A folder above the path that is ignored takes everything in it along.
  for (std::size_t slash = full.find('/', 1); slash != std::string::npos;
       slash = full.find('/', slash + 1)) {
    if (verdict(std::string_view(full).substr(0, slash), true) > 0) return true;
  }
  return verdict(full, is_dir) > 0;
}

}  // namespace guidelint::config
