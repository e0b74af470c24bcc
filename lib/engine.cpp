// The Engine: a config compiled once (profile, rule instances), then lint() per input:
// decode -> parse -> resolve -> check.
#include <algorithm>
#include <map>
#include <mutex>

#include "config/builtin.hpp"
#include "config/catalog.hpp"
#include "config/config.hpp"
#include "config/profile.hpp"
#include "parse/parser.hpp"
#include "rules/catalog_scan.hpp"
#include "rules/dates.hpp"
#include "rules/rule.hpp"
#include "rules/suppressions.hpp"
#include "text/suggest.hpp"

namespace guidelint {

struct Engine::Impl {
  struct Instance {
    RuleInfo info;
    std::unique_ptr<rules::Rule> rule;
    // As configured (null: the rule type's defaults), for --print-config. Behind a pointer:
    // assigning a YAML::Node writes into the node it refers to, so sorting instances that held
    // nodes would mix their options up.
    std::shared_ptr<const YAML::Node> options;
  };
  // The rules that run on a file: the config's, or the config's with some overrides applied.
  struct RuleSet {
    std::vector<Instance> instances;
    std::vector<RuleInfo> infos;
    rules::SharedPhrases phrases;  // the rules' lists, with the catalogs' names
  };
  config::Profile profile;
  config::Catalogs catalogs;
  RuleSet rules;
  // For `overrides:`: the settings, and the rule sets of the combinations of overrides met so
  // far, made on first use (an engine is shared by threads, hence the lock).
  config::Resolved resolved;
  std::vector<config::RuleSetting> flags;  // --rule, after everything
  mutable std::mutex variants_mutex;
  mutable std::map<std::vector<bool>, std::unique_ptr<RuleSet>> variants;
  // Where settings kept in `resolved` report to once the engine is built (nothing is expected:
  // each override was compiled alone at build time); guarded by the lock.
  mutable config::Problems late_problems;

  // For each `overrides:` entry, the first of its globs that matches a file of this name, or -1;
  // empty when none matches.
  std::vector<int> overrides_for(std::string_view name) const;
  const RuleSet& rules_for(const std::string& name) const;
};

struct EngineAccess {
  using Impl = Engine::Impl;
  static std::shared_ptr<const Engine> make(std::unique_ptr<const Engine::Impl> impl) {
    return std::shared_ptr<const Engine>(new Engine(std::move(impl)));
  }
  static const Engine::Impl& impl(const Engine& e) { return *e.impl_; }
};

namespace {

// The Source a profile or catalog reference names: a built-in one, or a file beside the config
// that names it. nullptr after reporting a problem.
std::shared_ptr<const Source> read_data(const config::DataRef& ref, std::string_view folder,
                                        std::string_view unknown_id, std::string_view arg) {
  const bool is_path = ref.name.find('/') != std::string::npos || ref.name.ends_with(".yaml") ||
                       ref.name.ends_with(".yml");
  if (!is_path) {
    const std::string path = std::string(folder) + "/" + ref.name + ".yaml";
    const auto bytes = builtin::find(path);
    if (!bytes) {
      std::vector<Arg> args{{std::string(arg), ref.name}};
      if (auto s = text::suggest(ref.name, config::builtin_names(folder))) {
        args.push_back({"suggestion", *s});
      }
      ref.file.report(ref.node, std::string(unknown_id), std::move(args));
      return nullptr;
    }
    return std::make_shared<const Source>("builtin:" + path, std::string(*bytes));
  }
  std::string error;
  const auto path = ref.base_dir / ref.name;
  auto source = config::read_source(path, &error);
  if (!source) {
    ref.file.report(ref.node, "config.unreadable", {{"path", path.string()}, {"detail", error}});
  }
  return source;
}

std::optional<config::Profile> load_profile(const config::Resolved& resolved,
                                            config::Problems& problems) {
  std::shared_ptr<const Source> source;
  if (!resolved.profile) {
    const auto bytes = builtin::find("profiles/national.yaml");
    source = std::make_shared<const Source>("builtin:profiles/national.yaml", std::string(*bytes));
  } else {
    source = read_data(*resolved.profile, "profiles", "config.unknown-profile", "profile");
    if (!source) return std::nullopt;
  }
  return config::Profile::load(config::YamlFile{source, &problems, resolved.limits.yaml_nodes});
}

void load_catalogs(const config::Resolved& resolved, config::Catalogs& catalogs,
                   config::Problems& problems) {
  for (const config::DataRef& ref : resolved.catalogs) {
    if (auto source = read_data(ref, "catalogs", "config.unknown-catalog", "catalog")) {
      catalogs.load(config::YamlFile{source, &problems, resolved.limits.yaml_nodes});
    }
  }
  catalogs.build();
}

// One rule id's settings after every config layer has had its say.
struct Merged {
  std::string id;
  std::string type;
  Severity severity = Severity::error;
  std::string description;
  YAML::Node options;
  config::YamlFile options_file;
  config::YamlFile type_file;  // where the type was named (or the rule first defined)
  YAML::Node type_node;
};

std::vector<Merged> merge(const std::vector<config::RuleSetting>& settings) {
  std::vector<Merged> merged;
  for (const config::RuleSetting& s : settings) {
    auto it =
        std::find_if(merged.begin(), merged.end(), [&](const Merged& m) { return m.id == s.id; });
    if (it == merged.end()) {
      std::string type = s.type.value_or(rules::find_rule_type(s.id) ? s.id : "");
      if (type.empty()) {
        std::vector<std::string> known;
        for (const Merged& m : merged)
          known.push_back(m.id);
        for (const rules::RuleType& t : rules::rule_types())
          known.emplace_back(t.name);
        std::vector<Arg> args{{"rule", s.id}};
        if (auto sug = text::suggest(s.id, known)) args.push_back({"suggestion", *sug});
        s.file.report(s.node, "config.unknown-rule", std::move(args));
        continue;
      }
      merged.push_back(Merged{s.id,
                              type,
                              Severity::error,
                              {},
                              YAML::Node(YAML::NodeType::Undefined),
                              s.file,
                              s.file,
                              s.node});
      it = merged.end() - 1;
    }
    // reset(), not assignment: assigning a YAML::Node writes through to the node it referred to
    // and copies every node of the other's document into its own.
    if (s.type) {
      it->type = *s.type;
      it->type_file = s.file;
      it->type_node.reset(s.type_node);
    }
    if (s.severity) it->severity = *s.severity;
    if (s.description) it->description = *s.description;
    if (s.options.IsDefined() && !s.options.IsNull()) {
      it->options.reset(s.options);
      it->options_file = s.file;
    }
  }
  return merged;
}

// Compiles rule settings into rule instances; problems go to `problems`.
EngineAccess::Impl::RuleSet build_rules(const std::vector<config::RuleSetting>& settings,
                                        const config::Profile& profile,
                                        const config::Catalogs& catalogs,
                                        config::Problems& problems) {
  EngineAccess::Impl::RuleSet out;
  for (const Merged& m : merge(settings)) {
    const rules::RuleType* type = rules::find_rule_type(m.type);
    if (type == nullptr) {
      std::vector<std::string> names;
      for (const rules::RuleType& t : rules::rule_types())
        names.emplace_back(t.name);
      std::vector<Arg> args{{"type", m.type}};
      if (auto s = text::suggest(m.type, names)) args.push_back({"suggestion", *s});
      m.type_file.report(m.type_node, "config.unknown-rule-type", std::move(args));
      continue;
    }
    if (m.options.IsMap() && !config::check_keys(m.options_file, m.options, type->option_keys))
      continue;
    if (m.severity == Severity::off) continue;
    const rules::Setup setup{m.id, m.options, m.options_file, profile, catalogs, out.phrases};
    const std::size_t reported = problems.size();
    auto rule = type->create(setup);
    if (!rule) {
      if (problems.size() == reported) {
        m.options_file.report(m.options, "config.invalid-options", {{"rule", m.id}});
      }
      continue;
    }
    RuleInfo info{m.id, m.type, m.severity,
                  m.description.empty() ? std::string(type->description) : m.description};
    std::shared_ptr<const YAML::Node> options;
    if (m.options.IsDefined() && !m.options.IsNull())
      options = std::make_shared<const YAML::Node>(m.options);
    out.instances.push_back({info, std::move(rule), std::move(options)});
  }
  std::sort(out.instances.begin(), out.instances.end(),
            [](const auto& a, const auto& b) { return a.info.id < b.info.id; });
  for (const auto& i : out.instances)
    out.infos.push_back(i.info);
  out.phrases.build(catalogs);
  return out;
}

// The settings with the chosen overrides applied after them, in order, and the command line's
// flags last.
std::vector<config::RuleSetting> with_overrides(const config::Resolved& resolved,
                                                const std::vector<bool>& chosen,
                                                const std::vector<config::RuleSetting>& flags) {
  std::vector<config::RuleSetting> settings = resolved.rules;
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    if (!chosen[k]) continue;
    const auto& more = resolved.overrides[k].rules;
    settings.insert(settings.end(), more.begin(), more.end());
  }
  settings.insert(settings.end(), flags.begin(), flags.end());
  return settings;
}

// --rule flags as rule settings: written out as a config layer of their own, named "--rule", so
// that a wrong id or severity is reported like one in a file, with a suggestion.
std::vector<config::RuleSetting> flag_settings(const RuleFlags& flags, config::Problems& problems) {
  if (flags.empty()) return {};
  YAML::Emitter yaml;
  yaml << YAML::BeginMap << YAML::Key << "extends" << YAML::Value << YAML::Flow << YAML::BeginSeq
       << YAML::EndSeq << YAML::Key << "rules" << YAML::Value << YAML::BeginMap;
  for (const auto& [id, severity] : flags)
    yaml << YAML::Key << id << YAML::Value << severity;
  yaml << YAML::EndMap << YAML::EndMap;
  const auto source = std::make_shared<const Source>("--rule", std::string(yaml.c_str()) + "\n");
  std::error_code ec;
  return config::resolve(source, std::filesystem::current_path(ec), problems).rules;
}

EngineResult build(const config::Resolved& resolved, const RuleFlags& rule_flags,
                   config::Problems& problems) {
  const std::vector<config::RuleSetting> flags = flag_settings(rule_flags, problems);
  auto impl = std::make_unique<EngineAccess::Impl>();
  auto profile = load_profile(resolved, problems);
  // Without a profile no rule can be set up; otherwise go on, so that every problem of the
  // config is reported in one run rather than one fix at a time.
  if (!profile) return EngineResult{nullptr, problems.take()};
  impl->profile = std::move(*profile);
  load_catalogs(resolved, impl->catalogs, problems);
  impl->rules =
      build_rules(with_overrides(resolved, {}, flags), impl->profile, impl->catalogs, problems);
  // Each override is compiled once here, so that its problems are reported with the config's.
  for (std::size_t k = 0; k < resolved.overrides.size(); ++k) {
    std::vector<bool> chosen(resolved.overrides.size(), false);
    chosen[k] = true;
    auto set = std::make_unique<EngineAccess::Impl::RuleSet>(build_rules(
        with_overrides(resolved, chosen, flags), impl->profile, impl->catalogs, problems));
    impl->variants.emplace(std::move(chosen), std::move(set));
  }
  if (!problems.empty()) return EngineResult{nullptr, problems.take()};
  impl->resolved = resolved;
  impl->flags = flags;
  // The settings' files pointed at this build's problem list, which is about to go.
  const auto repoint = [&](std::vector<config::RuleSetting>& settings) {
    for (config::RuleSetting& s : settings)
      s.file.problems = &impl->late_problems;
  };
  repoint(impl->resolved.rules);
  repoint(impl->flags);
  for (config::Override& o : impl->resolved.overrides)
    repoint(o.rules);
  return EngineResult{EngineAccess::make(std::move(impl)), {}};
}

void resolve(const config::Profile& profile, Guide& guide) {
  for (Element& e : guide.elements) {
    if (!e.id.empty()) continue;
    if (profile.find(e.key)) {
      e.id = e.key;
    } else if (const config::ElementDef* def =
                   profile.resolve_label(e.label.empty() ? e.key : e.label)) {
      e.id = def->id;
    } else if (guide.updated.empty() &&
               profile.resolve_name(config::strip_enumerator(e.label.empty() ? e.key : e.label))
                       .second == config::Field::updated) {
      // "更新时间：2024-03-01" on a page: the guide's date, not an element.
      guide.updated = e.text;
      guide.updated_span = e.value_span();
    }
  }
  if (guide.name.empty()) {
    if (const Element* name = guide.find("name")) guide.name = name->text;
  }
  // A date labelled inside an element's text ("事项编码：… 更新时间：2024-07-20" on one line of a
  // page) is the guide's too, for every reader of the model, as stale-content reads it.
  if (rules::dates::trim(guide.updated).empty()) {
    if (const auto found = rules::dates::find_update_date(guide, profile)) {
      guide.updated = std::string(found->written);
      guide.updated_span = found->span;
    }
  }
  if (guide.department.empty()) {
    if (const Element* agency = guide.find("agency")) guide.department = agency->text;
  }
}

}  // namespace

std::vector<int> Engine::Impl::overrides_for(std::string_view name) const {
  if (resolved.overrides.empty()) return {};
  std::error_code ec;
  const std::filesystem::path path = std::filesystem::absolute(name, ec).lexically_normal();
  std::vector<int> matching(resolved.overrides.size(), -1);
  bool any = false;
  for (std::size_t k = 0; k < matching.size(); ++k) {
    const config::Override& o = resolved.overrides[k];
    const std::string relative =
        path.lexically_relative(o.base_dir.lexically_normal()).generic_string();
    if (relative.empty() || relative.starts_with("..")) continue;
    for (std::size_t g = 0; g < o.files.size() && matching[k] < 0; ++g) {
      if (config::glob_match(o.files[g], relative)) matching[k] = static_cast<int>(g);
    }
    any = any || matching[k] >= 0;
  }
  if (!any) matching.clear();
  return matching;
}

const Engine::Impl::RuleSet& Engine::Impl::rules_for(const std::string& name) const {
  const std::vector<int> matching = overrides_for(name);
  if (matching.empty()) return rules;
  std::vector<bool> chosen(matching.size());
  for (std::size_t k = 0; k < matching.size(); ++k)
    chosen[k] = matching[k] >= 0;
  const std::lock_guard lock(variants_mutex);
  auto it = variants.find(chosen);
  if (it == variants.end()) {
    auto set = std::make_unique<RuleSet>(
        build_rules(with_overrides(resolved, chosen, flags), profile, catalogs, late_problems));
    it = variants.emplace(chosen, std::move(set)).first;
  }
  return *it->second;
}

Engine::Engine(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

EngineResult Engine::builtin(std::string_view pack, const RuleFlags& flags) {
  config::Problems problems;
  const config::Resolved resolved = config::resolve_builtin(pack, problems);
  return build(resolved, flags, problems);
}

EngineResult Engine::from_file(const std::filesystem::path& path, const RuleFlags& flags) {
  config::Problems problems;
  std::string error;
  const auto source = config::read_source(path, &error);
  if (!source) {
    problems.add(std::make_shared<const Source>(path.string(), ""), std::nullopt,
                 "config.unreadable", {{"path", path.string()}, {"detail", error}});
    return EngineResult{nullptr, problems.take()};
  }
  const config::Resolved resolved = config::resolve(source, path.parent_path(), problems);
  return build(resolved, flags, problems);
}

EngineResult Engine::from_yaml(std::string_view yaml, std::string name,
                               const std::filesystem::path& base_dir) {
  config::Problems problems;
  const auto source = std::make_shared<const Source>(std::move(name), std::string(yaml));
  const config::Resolved resolved = config::resolve(source, base_dir, problems);
  return build(resolved, {}, problems);
}

const std::vector<RuleInfo>& Engine::rules() const {
  return impl_->rules.infos;
}

std::string Engine::effective_config(std::string_view file) const {
  const Impl& impl = *impl_;
  const Impl::RuleSet& set = impl.rules_for(std::string(file));
  YAML::Emitter out;
  out << YAML::BeginMap;
  // The files whose settings took part, in the order they apply.
  std::vector<std::string> layers;
  const auto layer = [&](const config::RuleSetting& s) {
    const std::string& name = s.file.source->name();
    if (std::find(layers.begin(), layers.end(), name) == layers.end()) layers.push_back(name);
  };
  for (const config::RuleSetting& s : impl.resolved.rules)
    layer(s);
  std::vector<std::string> overrides;
  const std::vector<int> matching = impl.overrides_for(file);
  for (std::size_t k = 0; k < matching.size(); ++k) {
    if (matching[k] < 0) continue;
    const config::Override& o = impl.resolved.overrides[k];
    overrides.push_back(o.files[static_cast<std::size_t>(matching[k])] + " (" +
                        o.base_dir.generic_string() + ")");
    for (const config::RuleSetting& s : o.rules)
      layer(s);
  }
  for (const config::RuleSetting& s : impl.flags)
    layer(s);
  out << YAML::Key << "file" << YAML::Value << std::string(file);
  out << YAML::Key << "layers" << YAML::Value << YAML::BeginSeq;
  for (const std::string& l : layers)
    out << l;
  out << YAML::EndSeq;
  if (!overrides.empty()) {
    out << YAML::Key << "overrides" << YAML::Value << YAML::BeginSeq;
    for (const std::string& o : overrides)
      out << o;
    out << YAML::EndSeq;
  }
  out << YAML::Key << "profile" << YAML::Value
      << (impl.resolved.profile ? impl.resolved.profile->name : std::string("national"));
  out << YAML::Key << "catalogs" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const config::DataRef& c : impl.resolved.catalogs)
    out << c.name;
  out << YAML::EndSeq;
  const config::Limits& l = impl.resolved.limits;
  out << YAML::Key << "limits" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "input_bytes" << YAML::Value << l.input_bytes;
  out << YAML::Key << "depth" << YAML::Value << l.depth;
  out << YAML::Key << "guides_per_file" << YAML::Value << l.guides_per_file;
  out << YAML::Key << "findings_per_guide" << YAML::Value << l.findings_per_guide;
  out << YAML::Key << "yaml_nodes" << YAML::Value << l.yaml_nodes;
  out << YAML::Key << "docx_entry_bytes" << YAML::Value << l.docx_entry_bytes;
  out << YAML::Key << "docx_ratio" << YAML::Value << l.docx_ratio;
  out << YAML::EndMap;
  out << YAML::Key << "rules" << YAML::Value << YAML::BeginMap;
  for (const Impl::Instance& i : set.instances) {
    out << YAML::Key << i.info.id << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << i.info.type;
    out << YAML::Key << "severity" << YAML::Value << std::string(to_string(i.info.severity));
    if (i.options) out << YAML::Key << "options" << YAML::Value << *i.options;
    out << YAML::EndMap;
  }
  out << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::vector<std::pair<std::string, std::vector<std::string>>> Engine::input_formats() {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const parse::Parser* p : parse::parsers())
    out.emplace_back(p->format(), p->extensions());
  return out;
}

std::uint64_t Engine::max_input_bytes() const {
  return impl_->resolved.limits.input_bytes;
}

FileResult Engine::lint(std::shared_ptr<const Source> source, const LintOptions& options) const {
  if (!source) source = std::make_shared<const Source>("", "");
  FileResult result{source, {}, {}};
  parse::Output out;
  const config::Limits& limits = impl_->resolved.limits;
  if (source->bytes().size() > limits.input_bytes) {
    out.error(std::nullopt, "input.too-large",
              {{"detail", std::to_string(source->bytes().size())},
               {"limit", static_cast<std::int64_t>(limits.input_bytes)}});
  } else if (const auto& bad = source->decode_error()) {
    std::vector<Arg> args{{"detail", bad->detail}, {"encoding", bad->encoding}};
    // Past 4 GiB, the Source itself refused the input, whatever the config's limit.
    if (bad->message_id == "input.too-large")
      args.push_back({"limit", static_cast<std::int64_t>(config::Limits::kMaxInputBytes)});
    out.error(Span{bad->offset, bad->offset + 1}, bad->message_id, std::move(args));
  } else {
    const parse::Parser* parser = options.input_format.empty()
                                      ? parse::parser_for(*source)
                                      : parse::parser_for_format(options.input_format);
    if (parser == nullptr) {
      std::string formats;
      for (const parse::Parser* p : parse::parsers()) {
        formats += (formats.empty() ? "" : ", ") + std::string(p->format());
      }
      out.error(std::nullopt, "parse-error.unknown-format", {{"formats", formats}});
    } else {
      parser->parse(*source, parse::Context{impl_->profile, limits}, out);
      if (out.derived) result.source = out.derived;
    }
  }
  result.guides = std::move(out.guides);
  result.diagnostics = std::move(out.diagnostics);

  const Impl::RuleSet& rules = impl_->rules_for(source->name());
  const Date as_of = options.as_of.value_or(Date::today());
  for (std::size_t g = 0; g < result.guides.size(); ++g) {
    Guide& guide = result.guides[g];
    resolve(impl_->profile, guide);
    // Rules see the text the guide was read from (for a Word document, its derived text).
    // Catalog names are looked for once per element, whichever rules ask.
    rules::CatalogScan scan(impl_->catalogs, rules.phrases, guide);
    const rules::Context context{*result.source, guide, impl_->profile, as_of, scan};
    rules::FindingBudget budget{limits.findings_per_guide};
    for (const Impl::Instance& instance : rules.instances) {
      instance.rule->check(context, rules::Reporter(result.diagnostics, instance.info,
                                                    static_cast<int>(g), &budget));
    }
    if (budget.dropped > 0) {
      Diagnostic d;
      d.rule_id = "resource-limit";
      d.severity = Severity::warning;
      d.message_id = "resource-limit.findings";
      d.args = {{"dropped", static_cast<std::int64_t>(budget.dropped)},
                {"limit", static_cast<std::int64_t>(limits.findings_per_guide)}};
      d.span = guide.span;
      d.guide = static_cast<int>(g);
      result.diagnostics.push_back(std::move(d));
    }
  }
  rules::apply_suppressions(out.directives, result.guides, rules.infos, result.diagnostics);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     const std::uint32_t pa = a.span ? a.span->begin : 0;
                     const std::uint32_t pb = b.span ? b.span->begin : 0;
                     if (a.span.has_value() != b.span.has_value()) return !a.span.has_value();
                     return pa < pb;
                   });
  return result;
}

}  // namespace guidelint
