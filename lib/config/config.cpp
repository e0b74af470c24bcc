#include "config/config.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "config/builtin.hpp"
#include "source/file.hpp"
#include "text/suggest.hpp"

namespace guidelint::config {
namespace {

constexpr std::string_view kBuiltinPrefix = "builtin:";

bool looks_like_path(std::string_view name) {
  return name.find('/') != std::string_view::npos || name.ends_with(".yaml") ||
         name.ends_with(".yml");
}

class Loader {
 public:
  explicit Loader(Problems& problems) : problems_(problems) {}

  void load(const std::shared_ptr<const Source>& source, const std::filesystem::path& base_dir,
            const std::string& identity) {
    stack_.push_back(identity);
    const YamlFile file{source, &problems_};
    if (const auto root = config::load(file)) {
      if (root->IsNull()) {
        read(file, YAML::Node(YAML::NodeType::Map), base_dir);  // an empty file: the defaults
      } else if (!root->IsMap()) {
        file.report(*root, "config.wrong-type", {{"key", "config"}, {"expected", "mapping"}});
      } else {
        read(file, *root, base_dir);
      }
    }
    stack_.pop_back();
  }

  Resolved take() { return std::move(resolved_); }

  void extend_builtin(const YamlFile& from, const YAML::Node& at, const std::string& name) {
    const std::string path = "packs/" + name + ".yaml";
    const auto bytes = builtin::find(path);
    if (!bytes) {
      std::vector<Arg> args{{"pack", name}};
      if (auto s = text::suggest(name, builtin_names("packs"))) args.push_back({"suggestion", *s});
      from.report(at, "config.unknown-pack", std::move(args));
      return;
    }
    const std::string identity = std::string(kBuiltinPrefix) + name;
    if (cycle(from, at, identity)) return;
    load(std::make_shared<const Source>(std::string(kBuiltinPrefix) + path, std::string(*bytes)),
         {}, identity);
  }

 private:
  bool cycle(const YamlFile& from, const YAML::Node& at, const std::string& identity) {
    if (std::find(stack_.begin(), stack_.end(), identity) == stack_.end()) return false;
    from.report(at, "config.extends-cycle", {{"config", identity}});
    return true;
  }

  void read(const YamlFile& file, const YAML::Node& root, const std::filesystem::path& base_dir) {
    check_keys(file, root, {"extends", "profile", "catalogs", "rules", "overrides", "limits"});

    const YAML::Node extends = get(root, "extends");
    if (!extends.IsDefined()) {
      // A user's config that does not say what it extends builds on the national pack.
      if (stack_.size() == 1 && !stack_.front().starts_with(kBuiltinPrefix)) {
        extend_builtin(file, root, "national");
      }
    } else if (auto names = get_strings(file, root, "extends")) {
      for (std::size_t k = 0; k < names->size(); ++k) {
        const YAML::Node at = extends.IsSequence() ? extends[k] : extends;
        extend(file, at, (*names)[k], base_dir);
      }
    }

    if (auto profile = get_string(file, root, "profile")) {
      resolved_.profile = DataRef{*profile, base_dir, file, get(root, "profile")};
    }

    if (auto names = get_strings(file, root, "catalogs")) {
      const YAML::Node node = get(root, "catalogs");
      for (std::size_t k = 0; k < names->size(); ++k) {
        DataRef ref{(*names)[k], base_dir, file, node.IsSequence() ? node[k] : node};
        const auto same = [&](const DataRef& r) {
          return r.name == ref.name && (!looks_like_path(r.name) || r.base_dir == ref.base_dir);
        };
        if (std::none_of(resolved_.catalogs.begin(), resolved_.catalogs.end(), same))
          resolved_.catalogs.push_back(std::move(ref));
      }
    }

    read_rules(file, get(root, "rules"), resolved_.rules);
    read_overrides(file, get(root, "overrides"), base_dir);
    if (const YAML::Node limits = get(root, "limits"); limits.IsDefined())
      read_limits(file, limits, resolved_.limits);
  }

  void read_rules(const YamlFile& file, const YAML::Node& rules, std::vector<RuleSetting>& out) {
    if (!expect_map(file, rules, "rules") || !rules.IsMap()) return;
    check_keys(file, rules, {});
    std::set<std::string> seen;  // a repeated id was reported by check_keys; read the first only
    for (const auto& kv : rules) {
      if (kv.first.IsScalar() && seen.insert(kv.first.Scalar()).second) {
        read_rule(file, kv.first, kv.second, out);
      }
    }
  }

  void read_overrides(const YamlFile& file, const YAML::Node& list,
                      const std::filesystem::path& base_dir) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      file.report(list, "config.wrong-type", {{"key", "overrides"}, {"expected", "list"}});
      return;
    }
    for (const YAML::Node& entry : list) {
      if (!entry.IsMap()) {
        file.report(entry, "config.wrong-type", {{"key", "overrides"}, {"expected", "mapping"}});
        continue;
      }
      check_keys(file, entry, {"files", "rules"});
      Override o;
      std::error_code ec;
      o.base_dir = std::filesystem::absolute(base_dir.empty() ? "." : base_dir, ec);
      if (!get(entry, "files").IsDefined()) {
        file.report(entry, "config.missing-key", {{"key", "files"}});
        continue;
      }
      auto files = get_strings(file, entry, "files");
      if (!files) continue;
      o.files = std::move(*files);
      read_rules(file, get(entry, "rules"), o.rules);
      resolved_.overrides.push_back(std::move(o));
    }
  }

  void extend(const YamlFile& from, const YAML::Node& at, const std::string& name,
              const std::filesystem::path& base_dir) {
    if (!looks_like_path(name)) {
      extend_builtin(from, at, name);
      return;
    }
    const std::filesystem::path path = base_dir / name;
    std::error_code ec;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    const std::string identity = (ec ? path : canonical).string();
    if (cycle(from, at, identity)) return;
    std::string error;
    const auto source = read_source(path, &error);
    if (!source) {
      from.report(at, "config.unreadable", {{"path", path.string()}, {"detail", error}});
      return;
    }
    load(source, path.parent_path(), identity);
  }

  void read_rule(const YamlFile& file, const YAML::Node& key, const YAML::Node& value,
                 std::vector<RuleSetting>& out) {
    RuleSetting s;
    s.id = key.Scalar();
    s.file = file;
    s.node = key;
    if (value.IsScalar()) {
      s.severity = severity(file, value);
      if (!s.severity) return;
    } else if (value.IsMap()) {
      check_keys(file, value, {"type", "severity", "description", "options"});
      s.type = get_string(file, value, "type");
      s.type_node = get(value, "type");
      s.description = get_string(file, value, "description");
      if (const YAML::Node sev = get(value, "severity"); sev.IsDefined() && !sev.IsNull()) {
        s.severity = severity(file, sev);
        if (!s.severity) return;
      }
      s.options = get(value, "options");
      if (!expect_map(file, s.options, "options")) return;
    } else {
      file.report(value, "config.wrong-type", {{"key", s.id}, {"expected", "rule"}});
      return;
    }
    out.push_back(std::move(s));
  }

  static std::optional<Severity> severity(const YamlFile& file, const YAML::Node& node) {
    if (node.IsScalar()) {
      if (auto s = parse_severity(node.Scalar())) return s;
    }
    std::vector<Arg> args{{"value", node.IsScalar() ? node.Scalar() : std::string("?")}};
    if (node.IsScalar()) {
      if (auto s = text::suggest(node.Scalar(), {"off", "info", "warning", "error"})) {
        args.push_back({"suggestion", *s});
      }
    }
    file.report(node, "config.invalid-severity", std::move(args));
    return std::nullopt;
  }

  Problems& problems_;
  std::vector<std::string> stack_;
  Resolved resolved_;
};

}  // namespace

std::shared_ptr<const Source> read_source(const std::filesystem::path& path, std::string* error) {
  source::FileBytes file = source::read_file(path, 0xFFFFFFFFu);
  if (file.status != source::FileBytes::Status::ok) {
    if (error) {
      *error = file.status == source::FileBytes::Status::too_large
                   ? std::make_error_code(std::errc::file_too_large).message()
               : file.error.empty() ? std::make_error_code(std::errc::invalid_argument).message()
                                    : file.error;
    }
    return nullptr;
  }
  return std::make_shared<const Source>(path.string(), std::move(file.bytes));
}

namespace {

bool glob_here(std::string_view glob, std::string_view path) {
  // Iterative matching with backtracking to the last star (and the last double star).
  std::size_t g = 0, p = 0;
  std::size_t star_g = std::string_view::npos, star_p = 0;
  std::size_t deep_g = std::string_view::npos, deep_p = 0;
  while (p < path.size()) {
    if (glob.substr(g).starts_with("**")) {
      // "**/" matches zero or more folders; a trailing "**" everything.
      g += 2;
      if (g < glob.size() && glob[g] == '/') ++g;
      deep_g = g;
      deep_p = p;
      star_g = std::string_view::npos;
      continue;
    }
    if (g < glob.size() && glob[g] == '*') {
      star_g = ++g;
      star_p = p;
      continue;
    }
    if (g < glob.size() && (glob[g] == '?' ? path[p] != '/' : glob[g] == path[p])) {
      ++g;
      ++p;
      continue;
    }
    if (star_g != std::string_view::npos && path[star_p] != '/') {
      g = star_g;
      p = ++star_p;
      continue;
    }
    if (deep_g != std::string_view::npos) {
      g = deep_g;
      p = ++deep_p;
      star_g = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (g < glob.size() && (glob[g] == '*' || glob[g] == '/')) {
    if (glob[g] == '/' && !glob.substr(g).starts_with("/**")) return false;
    ++g;
  }
  return g == glob.size();
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  if (glob.starts_with("./")) glob.remove_prefix(2);
  if (glob.find('/') == std::string_view::npos) {
    const std::size_t slash = path.rfind('/');
    return glob_here(glob, slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  return glob_here(glob, path);
}

std::vector<std::string> builtin_names(std::string_view folder) {
  std::vector<std::string> out;
  const std::string prefix = std::string(folder) + "/";
  for (const builtin::File& f : builtin::files()) {
    if (!f.path.starts_with(prefix)) continue;
    std::string_view name = f.path.substr(prefix.size());
    if (name.ends_with(".yaml")) name.remove_suffix(5);
    out.emplace_back(name);
  }
  return out;
}

Resolved resolve(std::shared_ptr<const Source> source, const std::filesystem::path& base_dir,
                 Problems& problems) {
  Loader loader(problems);
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(source->name(), ec);
  loader.load(source, base_dir, ec ? source->name() : canonical.string());
  return loader.take();
}

Resolved resolve_builtin(std::string_view pack, Problems& problems) {
  Loader loader(problems);
  const auto source = std::make_shared<const Source>("<command line>", "");
  loader.extend_builtin(YamlFile{source, &problems}, YAML::Node(), std::string(pack));
  return loader.take();
}

}  // namespace guidelint::config
