// Paths left out of a run: .guidelintignore files (gitignore syntax) and --ignore-pattern.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace guidelint::config {

// Does a gitignore-style pattern match a path (both '/'-separated, the path relative to the
// pattern's folder)? `*`, `?` and `[...]` stay within a folder name; `**/`, `/**/` and `/**`
// span folders; a backslash makes the next character literal.
bool wildmatch(std::string_view pattern, std::string_view path);

// The rules of one or more ignore files, in order: as in git, the last pattern that matches
// decides, `!` re-includes, and nothing below an ignored folder can be re-included.
class IgnoreRules {
 public:
  // Adds the lines of an ignore file (or command-line patterns) whose paths are relative to
  // `base` (an absolute, lexically normal folder).
  void add(std::string_view lines, const std::filesystem::path& base);
  void add_pattern(std::string_view pattern, const std::filesystem::path& base);

  // Is this absolute, lexically normal path ignored, by a pattern for it or for a folder above
  // it? is_dir tells whether it is a folder.
  bool ignored(const std::filesystem::path& path, bool is_dir) const;
  // The same, for a path whose folders above are known not to be ignored (a walk that does not
  // enter ignored folders).
  bool ignored_here(const std::filesystem::path& path, bool is_dir) const {
    return verdict(path.generic_string(), is_dir) > 0;
  }
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string glob;  // without the leading '!' or '/', and the trailing '/'
    std::string base;  // generic form, ending in '/'
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;  // a '/' at the start or in the middle: relative to base only
  };
  // The last pattern's verdict for this path alone (not its parents): 1 ignored, -1 re-included,
  // 0 none matched.
  int verdict(std::string_view path, bool is_dir) const;

  std::vector<Pattern> patterns_;
};

}  // namespace guidelint::config
