#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <map>

#include "audit/audit_impl.hpp"
#include "config/builtin.hpp"
#include "report/messages.hpp"

namespace guidelint::audit {

std::string label(std::string_view id, std::string_view locale, std::vector<Arg> args) {
  return report::render("audit." + std::string(id), args, locale);
}

std::string fraction(std::size_t part, std::size_t whole) {
  if (whole == 0) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", static_cast<double>(part) / static_cast<double>(whole));
  std::string s = buf;
  // Trailing zeros off, so that 1 and 0.5 read as such in the JSON.
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string element_name(std::string_view id) {
  static const std::map<std::string, std::string, std::less<>> names = [] {
    std::map<std::string, std::string, std::less<>> out;
    if (const auto bytes = builtin::find("profiles/national.yaml")) {
      try {
        const YAML::Node root = YAML::Load(std::string(*bytes));
        for (const auto& kv : root["elements"]) {
          if (kv.second["name"])
            out[kv.first.as<std::string>()] = kv.second["name"].as<std::string>();
        }
      } catch (const YAML::Exception&) {
        // The profile is checked by its own tests; without it ids stand for names.
      }
    }
    return out;
  }();
  const auto it = names.find(id);
  return it == names.end() ? std::string(id) : it->second;
}

}  // namespace guidelint::audit
