// The audit scoring model: rules/audit/<name>.yaml or a file given with --model.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "config/builtin.hpp"
#include "config/yaml_util.hpp"
#include "guidelint/audit.hpp"

namespace guidelint {
namespace {

// Reading fails with a message naming the key, at the place of the node it is about, so that a
// hand-edited model is easy to fix.
struct Bad {
  std::string message;
  YAML::Mark mark = YAML::Mark::null_mark();
};

std::string scalar(const YAML::Node& node, std::string_view key) {
  if (!node || node.IsNull()) return {};
  if (!node.IsScalar()) throw Bad{"\"" + std::string(key) + "\" should be text", node.Mark()};
  return node.Scalar();
}

std::vector<std::string> strings(const YAML::Node& node, std::string_view key) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (node.IsScalar()) return {node.Scalar()};
  if (!node.IsSequence()) throw Bad{"\"" + std::string(key) + "\" should be a list", node.Mark()};
  for (const auto& item : node)
    out.push_back(scalar(item, key));
  return out;
}

long long number(const YAML::Node& node, std::string_view key, long long fallback, long long min,
                 long long max) {
  if (!node || node.IsNull()) return fallback;
  const std::string text = scalar(node, key);
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw Bad{"\"" + std::string(key) + "\" should be a whole number from " + std::to_string(min) +
                  " to " + std::to_string(max) + ", not \"" + text + "\"",
              node.Mark()};
  }
  return value;
}

void check_source(const AuditModel& model, const std::string& id, std::string_view key) {
  if (!id.empty() && model.source(id) == nullptr)
    throw Bad{"\"" + std::string(key) + "\" names no source in \"sources\": " + id};
}

AuditModel read(const YAML::Node& root, std::string file) {
  if (!root.IsMap()) throw Bad{"the model should be a mapping", root.Mark()};
  static const std::vector<std::string> kKeys = {
      "name", "title", "sources", "pass", "census", "elements", "stale", "group_by", "serious"};
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
      throw Bad{"unknown key \"" + key + "\"", kv.first.Mark()};
  }
  AuditModel m;
  m.file = std::move(file);
  m.name = scalar(root["name"], "name");
  m.title = scalar(root["title"], "title");
  if (const YAML::Node sources = root["sources"]; sources) {
    if (!sources.IsMap())
      throw Bad{"\"sources\" should be a mapping of ids to sources", sources.Mark()};
    for (const auto& kv : sources) {
      AuditSource s;
      s.id = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      if (!v.IsMap()) throw Bad{"source \"" + s.id + "\" should be a mapping", v.Mark()};
      s.title = scalar(v["title"], "title");
      s.number = scalar(v["number"], "number");
      s.date = scalar(v["date"], "date");
      s.url = scalar(v["url"], "url");
      s.clause = scalar(v["clause"], "clause");
      m.sources.push_back(std::move(s));
    }
  }
  if (const YAML::Node pass = root["pass"]; pass)
    m.pass_source = scalar(pass["source"], "pass.source");
  if (const YAML::Node census = root["census"]; census) {
    m.census_title = scalar(census["title"], "census.title");
    m.census_source = scalar(census["source"], "census.source");
    m.points_per_category = static_cast<int>(
        number(census["points_per_category"], "census.points_per_category", 2, 0, 1000));
    m.max_deduction =
        static_cast<int>(number(census["max_deduction"], "census.max_deduction", 16, 0, 100000));
    m.site_min_guides = static_cast<std::size_t>(
        number(census["site_min_guides"], "census.site_min_guides", 1, 1, 1LL << 40));
    if (census["missing_states"]) {
      m.missing_states = strings(census["missing_states"], "census.missing_states");
      for (const std::string& s : m.missing_states) {
        if (s != "missing" && s != "empty" && s != "placeholder")
          throw Bad{"census.missing_states: \"" + s + "\" is not missing, empty or placeholder",
                    census["missing_states"].Mark()};
      }
    }
    if (const YAML::Node cats = census["categories"]; cats) {
      if (!cats.IsSequence()) throw Bad{"\"census.categories\" should be a list", cats.Mark()};
      for (const auto& c : cats) {
        AuditCategory cat;
        cat.id = scalar(c["id"], "census.categories.id");
        cat.name = scalar(c["name"], "census.categories.name");
        cat.elements = strings(c["elements"], "census.categories.elements");
        if (cat.id.empty() || cat.elements.empty())
          throw Bad{"every census category needs an id and elements", c.Mark()};
        if (cat.name.empty()) cat.name = cat.id;
        m.categories.push_back(std::move(cat));
      }
    }
  }
  if (const YAML::Node e = root["elements"]; e)
    m.elements_source = scalar(e["source"], "elements.source");
  if (const YAML::Node stale = root["stale"]; stale) {
    m.stale_source = scalar(stale["source"], "stale.source");
    if (stale["buckets"]) {
      m.stale_days.clear();
      for (const std::string& s : strings(stale["buckets"], "stale.buckets")) {
        int days = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), days);
        if (ec != std::errc() || end != s.data() + s.size() || days <= 0 ||
            (!m.stale_days.empty() && days <= m.stale_days.back())) {
          throw Bad{"\"stale.buckets\" should be ascending whole numbers of days",
                    stale["buckets"].Mark()};
        }
        m.stale_days.push_back(days);
      }
      if (m.stale_days.empty())
        throw Bad{"\"stale.buckets\" should name at least one bound", stale["buckets"].Mark()};
    }
  }
  if (const YAML::Node g = root["group_by"]; g) {
    if (!g.IsMap()) throw Bad{"\"group_by\" should be a mapping (department:, region:)", g.Mark()};
    if (g["department"]) m.department_by = strings(g["department"], "group_by.department");
    if (g["region"]) m.region_by = strings(g["region"], "group_by.region");
    for (const auto* list : {&m.department_by, &m.region_by}) {
      for (const std::string& spec : *list) {
        if (!valid_audit_grouping(spec))
          throw Bad{"group_by: \"" + spec + "\" is not guide or dir:N (N from 1)", g.Mark()};
      }
    }
  }
  if (const YAML::Node s = root["serious"]; s) {
    m.max_findings = static_cast<std::size_t>(
        number(s["max_findings"], "serious.max_findings", 100, 0, 1000000));
    m.serious_rules = strings(s["rules"], "serious.rules");
  }
  check_source(m, m.pass_source, "pass.source");
  check_source(m, m.census_source, "census.source");
  check_source(m, m.elements_source, "elements.source");
  check_source(m, m.stale_source, "stale.source");
  return m;
}

}  // namespace

bool valid_audit_grouping(std::string_view spec) {
  if (spec == "guide") return true;
  if (!spec.starts_with("dir:")) return false;
  spec.remove_prefix(4);
  int n = 0;
  const auto [end, ec] = std::from_chars(spec.data(), spec.data() + spec.size(), n);
  return ec == std::errc() && end == spec.data() + spec.size() && n >= 1 && n <= 64;
}

const AuditSource* AuditModel::source(std::string_view id) const {
  for (const AuditSource& s : sources) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::optional<AuditModel> AuditModel::parse(std::string_view yaml, std::string file,
                                            std::string* error) {
  const auto at = [&](const YAML::Mark& mark) {
    return mark.line < 0
               ? file
               : file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
  };
  // Read as configs are: decoded, syntax errors placed, aliases that would expand past the
  // limit refused before anything walks them.
  config::Problems problems;
  const config::YamlFile yaml_file{std::make_shared<const Source>(file, std::string(yaml)),
                                   &problems};
  const std::optional<YAML::Node> root = config::load(yaml_file);
  if (!root) {
    if (error != nullptr) {
      *error = file;
      for (const FileResult& f : problems.take()) {
        for (const Diagnostic& d : f.diagnostics) {
          const Position p = f.source->position(d.span ? d.span->begin : 0);
          *error = file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
                   render_message(d, "en");
          break;
        }
      }
    }
    return std::nullopt;
  }
  try {
    return read(*root, file);
  } catch (const Bad& bad) {
    if (error != nullptr) *error = at(bad.mark) + ": " + bad.message;
  } catch (const YAML::Exception& e) {
    if (error != nullptr) *error = at(e.mark) + ": " + e.msg;
  }
  return std::nullopt;
}

std::optional<AuditModel> AuditModel::builtin(std::string_view name, std::string* error) {
  const std::string path = "audit/" + std::string(name) + ".yaml";
  const auto bytes = builtin::find(path);
  if (!bytes) {
    if (error != nullptr) *error = "no built-in audit model named \"" + std::string(name) + "\"";
    return std::nullopt;
  }
  return parse(*bytes, "builtin:" + path, error);
}

std::optional<AuditModel> AuditModel::load(const std::filesystem::path& file, std::string* error) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    if (error != nullptr) *error = file.string() + ": cannot be read";
    return std::nullopt;
  }
  return parse(text.str(), file.string(), error);
}

}  // namespace guidelint
