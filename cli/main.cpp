// The guidelint command: argument handling and output only; linting is the library's.
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string_view>

#include "guidelint/audit.hpp"
#include "guidelint/guidelint.hpp"

namespace {

// Exit codes, as documented in the README and docs/cli.md.
constexpr int kExitClean = 0;     // no error-severity findings
constexpr int kExitFindings = 1;  // findings at error severity
constexpr int kExitFailure = 2;   // usage, config or input/output failure

// Colour for output to `fd`: --color=always or never decide; auto means a terminal, unless NO_COLOR
// is set (https://no-color.org) or the terminal says it cannot (TERM=dumb).
bool use_color(std::string_view when, int fd) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

const std::vector<std::string> kColorWhen{"auto", "always", "never"};

// --rule's value: empty when it is ID=SEVERITY, else why not.
std::string check_rule_flag(const std::string& v) {
  const std::size_t eq = v.find('=');
  if (eq == std::string::npos || eq == 0) return "not of the form ID=SEVERITY: " + v;
  return guidelint::parse_severity(v.substr(eq + 1))
             ? std::string()
             : "not a severity (off, info, warning, error): " + v.substr(eq + 1);
}

// --as-of's check: empty when v is a date.
std::string check_date(const std::string& v) {
  return guidelint::Date::parse(v) ? std::string() : "not a date of the form YYYY-MM-DD: " + v;
}

// The linter's options from the flags linting and auditing share.
guidelint::LinterOptions linter_options(const std::string& config, const std::string& as_of,
                                        const std::string& input_format, unsigned jobs,
                                        bool no_ignore,
                                        const std::vector<std::string>& ignore_patterns,
                                        const std::vector<std::string>& rule_flags) {
  guidelint::LinterOptions options;
  if (!config.empty()) options.config = config;
  if (!as_of.empty()) options.lint.as_of = guidelint::Date::parse(as_of);
  options.lint.input_format = input_format;
  options.jobs = jobs;
  options.ignore_files = !no_ignore;
  if (!no_ignore) options.ignore_patterns = ignore_patterns;
  for (const std::string& f : rule_flags) {
    const std::size_t eq = f.find('=');
    options.rule_flags.emplace_back(f.substr(0, eq), f.substr(eq + 1));
  }
  return options;
}

// `guidelint catalog import` is recognised as the first argument only, followed by `import` or an
// option, so that linting a file or folder named "catalog" (`guidelint a.xml catalog`, `guidelint
// catalog x.xml`) works as it always did.
bool catalog_command(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) != "catalog") return false;
  if (argc == 2) {
    std::error_code ec;
    return !std::filesystem::exists("catalog", ec);
  }
  const std::string_view next = argv[2];
  return next == "import" || next.starts_with("-");
}

struct ImportArgs {
  std::string file;
  std::string output;
  std::string locale;
  std::string color = "auto";
  guidelint::CatalogImportOptions options;
};

// Reads an annex table into a catalog: the YAML to stdout or --output, findings to stderr.
// Exit status: 0 every row read, 1 rows left out (reported), 2 usage, unreadable input, no table.
int catalog_import(const ImportArgs& args) {
  guidelint::CatalogImportResult result;
  if (args.file == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    result = guidelint::import_catalog(
        std::make_shared<const guidelint::Source>("<stdin>", std::move(bytes)), args.options);
  } else {
    result = guidelint::import_catalog(std::filesystem::path(args.file), args.options);
  }
  guidelint::FormatOptions format_options;
  format_options.locale = args.locale.empty() ? guidelint::locale_from_environment() : args.locale;
  format_options.color = use_color(args.color, STDERR_FILENO);
  guidelint::make_formatter("text", std::cerr, format_options)->file(result.report);
  if (result.report.fatal()) return kExitFailure;

  if (args.output.empty() || args.output == "-") {
    std::cout << result.yaml;
    std::cout.flush();
    if (!std::cout) return kExitFailure;
  } else {
    std::ofstream out(args.output, std::ios::binary);
    out << result.yaml;
    out.close();
    if (!out) {
      const std::error_code ec(errno, std::generic_category());
      guidelint::Diagnostic d;
      d.message_id = "catalog-import.unwritable";
      d.args = {{"path", args.output}, {"detail", ec.message()}};
      std::cerr << args.output << ": error: " << guidelint::render_message(d, format_options.locale)
                << " [catalog-import]\n";
      return kExitFailure;
    }
  }
  guidelint::Diagnostic summary;
  summary.message_id = "catalog-import.summary";
  summary.args = {{"value", static_cast<std::int64_t>(result.entries)},
                  {"errors", static_cast<std::int64_t>(result.left_out)}};
  std::cerr << (result.left_out > 0 ? "✖ " : "✔ ")
            << guidelint::render_message(summary, format_options.locale) << '\n';
  return result.left_out > 0 ? kExitFindings : kExitClean;
}

// What a lint run was asked to do, beyond the Linter's own options.
struct RunArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string stdin_filename;
  std::string color = "auto";
  std::string baseline_file;
  std::string baseline_write;
  bool baseline_prune = false;
  int max_warnings = -1;  // no limit
  guidelint::Severity threshold = guidelint::Severity::info;
  std::string progress = "auto";
};

// One of the command's own notes (rules/messages/<locale>/cli.yaml), rendered for the locale.
std::string note(std::string id, std::vector<guidelint::Arg> args, std::string_view locale) {
  guidelint::Diagnostic d;
  d.message_id = std::move(id);
  d.args = std::move(args);
  return guidelint::render_message(d, locale);
}

std::int64_t count(std::size_t n) {
  return static_cast<std::int64_t>(n);
}

// JSON string literal, for --list-rules --format json.
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + '"';
}

void pad(std::ostream& out, std::string_view s, std::size_t width) {
  out << s;
  for (std::size_t w = guidelint::display_width(s); w < width; ++w)
    out << ' ';
}

// A config that does not build: its problems on stderr, and the failure status.
int config_problems(const guidelint::EngineResult& built,
                    const guidelint::FormatOptions& format_options) {
  auto formatter = guidelint::make_formatter("text", std::cerr, format_options);
  for (const auto& problem : built.problems)
    formatter->file(problem);
  return kExitFailure;
}

// --list-rules: the rules the config for the working folder (or --config) runs.
int list_rules(const guidelint::Linter& linter, const std::string& format,
               const guidelint::FormatOptions& format_options) {
  const guidelint::EngineResult built = linter.engine_for("./.guidelint-list-rules");
  if (!built.engine) return config_problems(built, format_options);
  const auto& rules = built.engine->rules();
  if (format == "json") {
    std::cout << "[";
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto& r = rules[i];
      std::cout << (i ? ",\n " : "\n ") << "{\"id\":" << json_string(r.id)
                << ",\"type\":" << json_string(r.type) << ",\"severity\":\""
                << guidelint::to_string(r.severity)
                << "\",\"description\":" << json_string(r.description) << "}";
    }
    std::cout << "\n]\n";
    return kExitClean;
  }
  std::size_t id_w = 2, type_w = 4;
  for (const auto& r : rules) {
    id_w = std::max(id_w, guidelint::display_width(r.id));
    type_w = std::max(type_w, guidelint::display_width(r.type));
  }
  pad(std::cout, "id", id_w + 2);
  pad(std::cout, "type", type_w + 2);
  pad(std::cout, "severity", 10);
  std::cout << "description\n";
  for (const auto& r : rules) {
    pad(std::cout, r.id, id_w + 2);
    pad(std::cout, r.type, type_w + 2);
    pad(std::cout, guidelint::to_string(r.severity), 10);
    std::cout << r.description << '\n';
  }
  return kExitClean;
}

// --explain RULE: the rule's page; a rule a config defines under its own id shows its type's.
int explain(const guidelint::Linter& linter, const std::string& id, bool color,
            std::string_view locale) {
  std::optional<std::string> page = guidelint::rule_doc(id);
  if (!page) {
    if (const auto built = linter.engine_for("./.guidelint-explain"); built.engine) {
      for (const auto& r : built.engine->rules()) {
        if (r.id == id) page = guidelint::rule_doc(r.type);
      }
    }
  }
  if (!page) {
    std::cerr << "guidelint: " << note("cli.no-such-rule", {{"rule", id}}, locale) << '\n';
    return kExitFailure;
  }
  std::cout << guidelint::render_markdown(*page, color);
  return kExitClean;
}

// --print-config FILE: what applies to that file.
int print_config(const guidelint::Linter& linter, const std::string& file,
                 const guidelint::FormatOptions& format_options) {
  const guidelint::EngineResult built = linter.engine_for(file);
  if (!built.engine) return config_problems(built, format_options);
  std::cout << built.engine->effective_config(file);
  return kExitClean;
}

constexpr std::string_view kInitConfig =
    R"(# guidelint config: which rules check the guides in this folder and below (docs/config.md).
# Without `extends`, this file builds on the built-in national pack.
extends: national

# The elements a guide has and the labels they go by (docs/config.md#profiles).
# profile: national

# Catalogs of State Council decisions the catalog rules check against; add the complete
# official tables you hold, imported with `guidelint catalog import` (docs/catalogs.md).
# catalogs: [state-council-decisions, post-approval, pre-approval-retained, ./our-decisions.yaml]

# Severities: off, info, warning, error. `guidelint --list-rules` lists every rule;
# `guidelint --explain RULE` shows what one checks.
rules:
  # required-element: error
  # stale-content:
  #   severity: warning
  #   options:
  #     max_age_days: 365

# Other settings for some files, by pattern relative to this file.
# overrides:
#   - files: ["archive/**"]
#     rules:
#       stale-content: off
)";

// --init: a commented config in the working folder; an existing one is left alone.
int init_config(std::string_view locale) {
  const std::filesystem::path path = ".guidelint.yaml";
  std::error_code ec;
  if (std::filesystem::exists(path, ec) || std::filesystem::exists(".guidelint.yml", ec)) {
    std::cerr << "guidelint: " << note("cli.init-exists", {}, locale) << '\n';
    return kExitFailure;
  }
  std::ofstream out(path, std::ios::binary);
  out << kInitConfig;
  out.close();
  if (!out) {
    std::cerr << "guidelint: .guidelint.yaml: "
              << std::error_code(errno, std::generic_category()).message() << '\n';
    return kExitFailure;
  }
  std::cout << note("cli.init-written", {}, locale) << '\n';
  return kExitClean;
}

// A progress line on stderr for long runs: the files done so far, redrawn at most ten times a
// second, cleared at the end. The tree is walked as it is linted, so there is no total to show.
class Progress {
 public:
  // `after`: files done before the line first shows (a short run shows none).
  Progress(bool on, std::size_t after) : on_(on), after_(after) {}
  void step() {
    ++done_;
    if (!on_ || done_ <= after_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    std::cerr << "\rguidelint: " << done_ << " …" << std::flush;
  }
  ~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  bool on_;
  std::size_t after_;
  std::size_t done_ = 0;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// The lint run: every input through the linter, findings through the formatter, as they come.
int lint(const guidelint::Linter& linter, const guidelint::LinterOptions& options, RunArgs run,
         guidelint::FormatOptions format_options) {
  if (run.format == "sarif" && (options.config || !guidelint::find_config("."))) {
    // SARIF describes the rules run: --config's, else the built-in pack's (as configs found
    // beside the files extend it). The linter builds that engine anyway; asking it here saves
    // the formatter building another.
    if (const auto built = linter.engine_for("./.guidelint-sarif"); built.engine) {
      format_options.rules = built.engine->rules();
    }
  }
  auto formatter = guidelint::make_formatter(run.format, std::cout, format_options);

  if (run.paths.empty()) run.paths.emplace_back(".");
  std::vector<std::filesystem::path> inputs;
  bool stdin_used = false;
  for (const std::string& p : run.paths) {
    if (p == "-") {
      stdin_used = true;
    } else {
      inputs.emplace_back(p);
    }
  }

  std::optional<guidelint::Baseline> baseline;
  if (!run.baseline_file.empty()) {
    std::string error;
    baseline = guidelint::Baseline::load(run.baseline_file, &error);
    if (!baseline) {
      std::cerr << "guidelint: " << error << '\n';
      return kExitFailure;
    }
  } else if (!run.baseline_write.empty()) {
    const std::filesystem::path parent = std::filesystem::path(run.baseline_write).parent_path();
    baseline.emplace(parent.empty() ? std::filesystem::path(".") : parent);
  }
  std::size_t accepted = 0;

  Progress progress(
      run.progress == "always" || (run.progress == "auto" && ::isatty(STDERR_FILENO) == 1),
      run.progress == "always" ? 0 : 300);

  guidelint::Summary summary;
  formatter->begin();
  const auto below_threshold = [&](const guidelint::Diagnostic& d) {
    if (d.fatal) return false;  // an input or config that could not be read always shows
    if (d.needs_review) return run.threshold > guidelint::Severity::info;
    return d.severity < run.threshold;
  };
  const auto emit = [&](std::vector<guidelint::FileResult>&& results) {
    for (guidelint::FileResult& r : results) {
      if (!run.baseline_write.empty()) baseline->record(r);
      if (baseline) accepted += baseline->filter(r);
      std::erase_if(r.diagnostics, below_threshold);
      summary.add(r);
      formatter->file(r);
    }
  };
  if (stdin_used) {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    emit(linter.lint_source(std::make_shared<const guidelint::Source>(
        run.stdin_filename.empty() ? "<stdin>" : run.stdin_filename, std::move(bytes))));
  }
  std::vector<std::filesystem::path> ignored;
  linter.lint_paths(
      inputs,
      [&](std::vector<guidelint::FileResult>&& results) {
        emit(std::move(results));
        progress.step();
      },
      &ignored);
  formatter->end(summary);
  std::cout.flush();
  for (const auto& file : ignored) {
    std::cerr << "guidelint: "
              << note("cli.ignored", {{"path", file.string()}}, format_options.locale) << '\n';
  }
  if (baseline) {
    const std::string& file = run.baseline_write.empty() ? run.baseline_file : run.baseline_write;
    if (run.baseline_prune) baseline->prune();
    std::string error;
    if ((!run.baseline_write.empty() || run.baseline_prune) && !baseline->save(file, &error)) {
      std::cerr << "guidelint: " << error << '\n';
      return kExitFailure;
    }
    if (!run.baseline_write.empty()) {
      std::cerr << "guidelint: "
                << note("cli.baseline-written",
                        {{"path", file}, {"count", count(baseline->size())}}, format_options.locale)
                << '\n';
    } else if (accepted > 0) {
      std::cerr << "guidelint: "
                << note("cli.baseline-accepted", {{"path", file}, {"count", count(accepted)}},
                        format_options.locale)
                << '\n';
    }
  }
  if (!std::cout) return kExitFailure;
  if (summary.fatal > 0) return kExitFailure;
  if (summary.errors > 0) return kExitFindings;
  if (run.max_warnings >= 0 && summary.warnings > static_cast<std::size_t>(run.max_warnings)) {
    std::cerr << "guidelint: "
              << note("cli.max-warnings",
                      {{"count", count(summary.warnings)},
                       {"limit", std::int64_t{run.max_warnings}}},
                      format_options.locale)
              << '\n';
    return kExitFindings;
  }
  return kExitClean;
}

// `guidelint audit` is recognised as the first argument only, as `catalog` is: followed by an
// option, or when nothing named "audit" is there to lint (`guidelint audit` then lints the folder).
bool audit_command(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) != "audit") return false;
  if (argc > 2 && std::string_view(argv[2]).starts_with("-")) return true;
  std::error_code ec;
  return !std::filesystem::exists("audit", ec);
}

// A built-in model by name, else a model file.
std::optional<guidelint::AuditModel> load_model(const std::string& model, std::string* error) {
  const bool is_path =
      model.find('/') != std::string::npos || model.ends_with(".yaml") || model.ends_with(".yml");
  return is_path ? guidelint::AuditModel::load(model, error)
                 : guidelint::AuditModel::builtin(model, error);
}

// guidelint audit [OPTIONS] [PATH...]: lints like the lint command, then reports the site's
// figures instead of the findings. Exit status as for linting: 2 usage, config or unreadable
// input; 1 errors found or a compliance rate below --min-rate; 0 otherwise.
int audit_main(int argc, char** argv) {
  CLI::App app{
      "guidelint audit: measures a whole site as national spot checks do — compliance rate, "
      "missing elements, rules, abolished items, departments, regions, content age.\n"
      "Exit status: 0 no errors (or the rate at least --min-rate), 1 errors found (or the rate "
      "below --min-rate), 2 usage, config or input/output failure.",
      "guidelint audit"};
  std::vector<std::string> paths;
  std::string config, as_of, locale, input_format, format = "text", output, model = "national",
                                                   compare, link_base, progress = "auto";
  unsigned jobs = 0;
  std::vector<std::string> ignore_patterns, rule_flags, group_by;
  bool no_ignore = false;
  double min_rate = -1;
  int max_findings = -1;
  app.add_option("paths", paths, "Files and folders to audit (folders recursively)")
      ->type_name("PATH...");
  app.add_option("-c,--config", config,
                 "Use this config file instead of searching for .guidelint.yaml")
      ->type_name("FILE");
  app.add_option("-f,--format", format, "Report format")
      ->check(CLI::IsMember(guidelint::audit_format_names()))
      ->capture_default_str();
  app.add_option("-o,--output", output, "Write the report here instead of stdout")
      ->type_name("FILE");
  app.add_option("--model", model, "Scoring model: a built-in name or a YAML file (docs/audit.md)")
      ->type_name("NAME|FILE")
      ->capture_default_str();
  app.add_option("--compare", compare, "A previous audit's JSON report: show what changed")
      ->type_name("FILE");
  app.add_option("--group-by", group_by,
                 "How to name departments or regions: department=guide,dir:1 (the guide's own "
                 "metadata, else the first folder below the path); may be repeated")
      ->type_name("KIND=SPEC[,SPEC]")
      ->allow_extra_args(false)
      ->check([](const std::string& v) {
        const std::size_t eq = v.find('=');
        const std::string kind = v.substr(0, eq);
        if (eq == std::string::npos || (kind != "department" && kind != "region"))
          return "not of the form department=SPEC or region=SPEC: " + v;
        std::string rest = v.substr(eq + 1);
        for (std::size_t at = 0; at <= rest.size();) {
          const std::size_t comma = std::min(rest.find(',', at), rest.size());
          const std::string spec = rest.substr(at, comma - at);
          if (!guidelint::valid_audit_grouping(spec))
            return "not guide or dir:N (N from 1): " + spec;
          at = comma + 1;
        }
        return std::string();
      });
  app.add_option("--max-findings", max_findings,
                 "Serious findings listed in the report (default: the model's, 100)")
      ->type_name("N")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--min-rate", min_rate,
                 "Exit 1 when the compliance rate is below this percentage (instead of when "
                 "any guide fails)")
      ->type_name("PERCENT")
      ->check(CLI::Range(0.0, 100.0));
  app.add_option("--link-base", link_base,
                 "Prefix for links to guides in the HTML report (e.g. the site's address)")
      ->type_name("URL");
  app.add_option("--as-of", as_of, "The date rules and content age treat as today")
      ->type_name("YYYY-MM-DD")
      ->check(check_date);
  app.add_option("--locale", locale,
                 "Language of the report (default: from LC_ALL/LC_MESSAGES/LANG)")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "en"}));
  std::vector<std::string> input_formats;
  for (const auto& [name, exts] : guidelint::Engine::input_formats())
    input_formats.push_back(name);
  app.add_option("--input-format", input_format, "Read inputs as this format, whatever their names")
      ->check(CLI::IsMember(input_formats));
  app.add_option("-j,--jobs", jobs, "Files linted at once (default 0: one per core)")
      ->type_name("N")
      ->check(CLI::Range(0u, 1024u));
  app.add_option("--ignore-pattern", ignore_patterns,
                 "Leave out paths matching this pattern (.gitignore syntax); may be repeated")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  app.add_flag("--no-ignore", no_ignore, "Do not read .guidelintignore files or --ignore-pattern");
  app.add_option("--rule", rule_flags, "Set a rule's severity over every config: ID=SEVERITY")
      ->type_name("ID=SEVERITY")
      ->allow_extra_args(false)
      ->check(check_rule_flag);
  app.add_option("--progress", progress,
                 "A progress line on stderr for long runs: auto, always, never")
      ->check(CLI::IsMember(kColorWhen))
      ->capture_default_str();
  try {
    app.parse(argc - 1, argv + 1);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitFailure;
  }
  const std::string loc = locale.empty() ? guidelint::locale_from_environment() : locale;
  const auto fail = [&](std::string id, std::vector<guidelint::Arg> args) {
    std::cerr << "guidelint: " << note(std::move(id), std::move(args), loc) << '\n';
    return kExitFailure;
  };

  std::string error;
  std::optional<guidelint::AuditModel> audit_model = load_model(model, &error);
  if (!audit_model) return fail("audit.model-error", {{"detail", error}});
  for (const std::string& g : group_by) {
    const std::size_t eq = g.find('=');
    std::vector<std::string> specs;
    const std::string rest = g.substr(eq + 1);
    for (std::size_t at = 0; at <= rest.size();) {
      const std::size_t comma = std::min(rest.find(',', at), rest.size());
      specs.push_back(rest.substr(at, comma - at));
      at = comma + 1;
    }
    (g.starts_with("department") ? audit_model->department_by : audit_model->region_by) = specs;
  }
  if (max_findings >= 0) audit_model->max_findings = static_cast<std::size_t>(max_findings);

  guidelint::LinterOptions options =
      linter_options(config, as_of, input_format, jobs, no_ignore, ignore_patterns, rule_flags);
  if (paths.empty()) paths.emplace_back(".");
  // The report, and what it says of how it was made.
  guidelint::AuditOptions audit_options;
  audit_options.model = std::move(*audit_model);
  audit_options.as_of = options.lint.as_of;
  for (const std::string& p : paths)
    audit_options.roots.emplace_back(p);
  audit_options.settings.emplace_back(
      "config",
      config.empty() ? ".guidelint.yaml (per folder; built-in national pack where none)" : config);
  std::string flags;
  for (const std::string& f : rule_flags)
    flags += (flags.empty() ? "" : " ") + f;
  if (!flags.empty()) audit_options.settings.emplace_back("rule", flags);
  if (no_ignore) {
    audit_options.settings.emplace_back("ignore", "--no-ignore");
  } else if (!ignore_patterns.empty()) {
    std::string patterns;
    for (const std::string& p : ignore_patterns)
      patterns += (patterns.empty() ? "" : " ") + p;
    audit_options.settings.emplace_back("ignore-pattern", patterns);
  }
  if (!input_format.empty()) audit_options.settings.emplace_back("input-format", input_format);
  audit_options.record_guides = format == "json";
  guidelint::Audit audit(std::move(audit_options));

  if (!compare.empty()) {
    // A folder or a device would make the stream throw, or never end.
    std::error_code ec;
    std::string text;
    const auto type = std::filesystem::status(compare, ec).type();
    if (type != std::filesystem::file_type::regular && type != std::filesystem::file_type::fifo) {
      error = ec ? ec.message() : "not a regular file";
    } else if (std::ifstream in(compare, std::ios::binary); !in) {
      error = std::error_code(errno, std::generic_category()).message();
    } else {
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (error.empty() && !audit.compare_with(text, &error) && error.empty())
      error = "cannot be compared";
    if (!error.empty()) return fail("audit.compare-error", {{"path", compare}, {"detail", error}});
  }
  // The report written and the one compared with are never audited as guides, even when they
  // lie in the tree (the default path is the working folder).
  if (!output.empty() && output != "-") options.exclude_files.emplace_back(output);
  if (!compare.empty()) options.exclude_files.emplace_back(compare);

  const guidelint::Linter linter(options);
  Progress meter(progress == "always" || (progress == "auto" && ::isatty(STDERR_FILENO) == 1),
                 progress == "always" ? 0 : 300);
  std::vector<std::filesystem::path> inputs(paths.begin(), paths.end());
  std::vector<std::filesystem::path> ignored;
  linter.lint_paths(
      inputs,
      [&](std::vector<guidelint::FileResult>&& results) {
        for (const guidelint::FileResult& r : results)
          audit.add(r);
        meter.step();
      },
      &ignored);
  for (const auto& file : ignored)
    std::cerr << "guidelint: " << note("cli.ignored", {{"path", file.string()}}, loc) << '\n';

  guidelint::AuditFormatOptions format_options;
  format_options.locale = loc;
  format_options.link_base = link_base;
  if (!output.empty() && output != "-") {
    format_options.report_dir = std::filesystem::path(output).parent_path();
    if (format_options.report_dir.empty()) format_options.report_dir = ".";
  }
  if (output.empty() || output == "-") {
    guidelint::write_audit(audit, format, std::cout, format_options);
    std::cout.flush();
    if (!std::cout) {
      return fail(
          "audit.unwritable",
          {{"path", "-"}, {"detail", std::error_code(errno, std::generic_category()).message()}});
    }
  } else {
    std::ofstream out(output, std::ios::binary);
    guidelint::write_audit(audit, format, out, format_options);
    out.close();
    if (!out) {
      return fail("audit.unwritable",
                  {{"path", output},
                   {"detail", std::error_code(errno, std::generic_category()).message()}});
    }
  }
  const guidelint::AuditReport report = audit.report();
  if (report.unreadable > 0 || report.config_problems > 0) return kExitFailure;
  // With --min-rate the rate is the gate: a site can pass with some failing guides.
  // Compared in whole numbers where it can be: 29 passing of 100 meets --min-rate 29, which
  // 100.0 * 0.29 (28.999…) would not.
  const double passing_pct = static_cast<double>(report.passing) * 100.0;
  const double needed = min_rate * static_cast<double>(report.guides);
  if (min_rate >= 0 && (report.guides == 0 || passing_pct < needed * (1 - 1e-12))) {
    char rate[32], min[32];
    if (report.guides == 0) {
      std::snprintf(rate, sizeof rate, "—");
    } else {
      std::snprintf(rate, sizeof rate, "%.1f%%", 100.0 * report.compliance_rate());
    }
    std::snprintf(min, sizeof min, "%g%%", min_rate);
    std::cerr << "guidelint: " << note("audit.below-min-rate", {{"rate", rate}, {"min", min}}, loc)
              << '\n';
    return kExitFindings;
  }
  if (min_rate >= 0) return kExitClean;
  return report.errors > 0 ? kExitFindings : kExitClean;
}

// std::cout's buffer while the command runs: 64 KiB, filled whatever the size of each write.
// Reports write a file's findings at a time, and std::cout's own buffer handed every write of
// 1 KiB or more straight to a system call. Flushing (std::cerr is tied to std::cout, so before
// every note) writes it out; a failed write sets std::cout's badbit as before.
class StdoutBuffer final : public std::streambuf {
 public:
  StdoutBuffer() : bytes_(new char[kSize]), previous_(std::cout.rdbuf(this)) {
    setp(bytes_.get(), bytes_.get() + kSize);
  }
  ~StdoutBuffer() override {
    std::cout.flush();
    std::cout.rdbuf(previous_);
  }
  StdoutBuffer(const StdoutBuffer&) = delete;
  StdoutBuffer& operator=(const StdoutBuffer&) = delete;

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > epptr() - pptr()) {
      if (!drain()) return 0;
      if (n >= static_cast<std::streamsize>(kSize)) return write_all(s, n) ? n : 0;
    }
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr std::size_t kSize = 1 << 16;

  // Writes what the buffer holds and empties it.
  bool drain() {
    const bool ok = write_all(pbase(), pptr() - pbase());
    setp(bytes_.get(), bytes_.get() + kSize);
    return ok;
  }

  static bool write_all(const char* s, std::streamsize n) {
    while (n > 0) {
      const ssize_t written = ::write(STDOUT_FILENO, s, static_cast<std::size_t>(n));
      if (written < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      s += written;
      n -= written;
    }
    return true;
  }

  std::unique_ptr<char[]> bytes_;
  std::streambuf* previous_;
};

int run(int argc, char** argv) {
  if (audit_command(argc, argv)) return audit_main(argc, argv);
  CLI::App app{
      "guidelint: checks government service guides (办事指南) before they are published.\n"
      "Exit status: 0 no errors, 1 errors found, 2 usage, config or input/output failure.",
      "guidelint"};
  app.set_version_flag("-V,--version",
                       std::string("guidelint ") + std::string(guidelint::version()));

  RunArgs run;
  std::string config;
  std::string as_of;
  std::string locale;
  std::string input_format;
  app.add_option("paths", run.paths,
                 "Files and folders to lint (folders recursively); - reads stdin")
      ->type_name("PATH...");
  app.add_option("-c,--config", config,
                 "Use this config file instead of searching for .guidelint.yaml")
      ->type_name("FILE");
  std::vector<std::string> formats = guidelint::formatter_names();
  app.add_option("-f,--format", run.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  std::vector<std::string> input_formats;
  for (const auto& [name, exts] : guidelint::Engine::input_formats())
    input_formats.push_back(name);
  app.add_option("--input-format", input_format, "Read inputs as this format, whatever their names")
      ->check(CLI::IsMember(input_formats));
  app.add_option("--stdin-filename", run.stdin_filename,
                 "Name for input read from stdin (format choice, config lookup, messages)")
      ->type_name("NAME");
  app.add_option("--as-of", as_of, "The date rules treat as today (default: today)")
      ->type_name("YYYY-MM-DD")
      ->check(check_date);
  app.add_option("--locale", locale, "Language of messages (default: from LC_ALL/LC_MESSAGES/LANG)")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "en"}));
  app.add_option("--color", run.color,
                 "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always, "
                 "never")
      ->check(CLI::IsMember(kColorWhen))
      ->capture_default_str();
  unsigned jobs = 0;
  app.add_option("-j,--jobs", jobs, "Files linted at once (default 0: one per core)")
      ->type_name("N")
      ->check(CLI::Range(0u, 1024u));
  std::vector<std::string> ignore_patterns;
  app.add_option("--ignore-pattern", ignore_patterns,
                 "Leave out paths matching this pattern (.gitignore syntax, relative to the "
                 "working folder); may be repeated")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  app.add_option("--baseline", run.baseline_file,
                 "Report only findings this baseline file does not accept (docs/baseline.md)")
      ->type_name("FILE");
  app.add_option("--baseline-write", run.baseline_write,
                 "Accept every finding of this run: write them to FILE and report none")
      ->type_name("FILE")
      ->excludes("--baseline");
  app.add_flag("--baseline-prune", run.baseline_prune,
               "With --baseline: drop the entries no finding matched any more, and save")
      ->needs("--baseline");
  bool no_ignore = false;
  app.add_flag("--no-ignore", no_ignore, "Do not read .guidelintignore files or --ignore-pattern");

  // Gating (docs/cli.md#exit-status).
  std::vector<std::string> rule_flags;
  app.add_option("--rule", rule_flags,
                 "Set a rule's severity over every config: ID=off|info|warning|error; may be "
                 "repeated")
      ->type_name("ID=SEVERITY")
      ->allow_extra_args(false)
      ->check(check_rule_flag);
  app.add_option("--max-warnings", run.max_warnings,
                 "Exit 1 when there are more warnings than this (default: no limit)")
      ->type_name("N")
      ->check(CLI::Range(0, 1 << 30));
  std::string threshold = "info";
  app.add_option("--severity-threshold", threshold,
                 "Report only findings at this severity or above: info, warning, error")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->capture_default_str();
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "Report errors only (--severity-threshold error)");
  app.add_option("--progress", run.progress,
                 "A progress line on stderr for long runs: auto (over 300 files, at a terminal), "
                 "always, never")
      ->check(CLI::IsMember(kColorWhen))
      ->capture_default_str();

  // Rule discovery.
  bool list = false;
  std::string explain_id;
  std::string print_config_file;
  bool init = false;
  app.add_flag("--list-rules", list,
               "List the rules the config for the working folder (or --config) runs, and exit");
  app.add_option("--explain", explain_id, "Show the documentation of a rule, and exit")
      ->type_name("RULE");
  app.add_option("--print-config", print_config_file,
                 "Show the settings that apply to FILE (config layers, profile, catalogs, rules "
                 "with their options), and exit")
      ->type_name("FILE");
  app.add_flag("--init", init, "Write a commented .guidelint.yaml in the working folder, and exit");

  // guidelint catalog import FILE --decision … --date … (see docs/catalog-import.md)
  CLI::App* catalog = app.add_subcommand("catalog", "Catalogs of State Council decisions");
  catalog->require_subcommand(1);
  CLI::App* import_command = catalog->add_subcommand(
      "import",
      "Read the annex table of a decision (HTML page or CSV) into a catalog YAML.\n"
      "Exit status: 0 every row read, 1 rows left out (reported), 2 usage or input failure.");
  ImportArgs import_args;
  import_command->add_option("file", import_args.file, "The page or CSV file; - reads stdin")
      ->required()
      ->type_name("FILE");
  import_command
      ->add_option("--decision", import_args.options.decision, "The decision's number (文号)")
      ->required()
      ->type_name("NUMBER");
  import_command->add_option("--date", import_args.options.date, "The decision's date")
      ->required()
      ->type_name("YYYY[-MM[-DD]]")
      ->check([](const std::string& v) {
        return guidelint::valid_catalog_date(v)
                   ? std::string()
                   : "not a date of the form YYYY-MM-DD, YYYY-MM or YYYY: " + v;
      });
  import_command->add_option("--title", import_args.options.title,
                             "The decision's title (also the catalog's title)");
  import_command
      ->add_option("--source", import_args.options.source, "Where the table was published")
      ->type_name("URL");
  import_command
      ->add_option("--input-format", import_args.options.input_format,
                   "Read the file as this format, whatever its name")
      ->check(CLI::IsMember({"html", "csv"}));
  import_command
      ->add_option("-o,--output", import_args.output, "Write the YAML here instead of stdout")
      ->type_name("OUT");
  import_command
      ->add_option("--locale", import_args.locale,
                   "Language of messages (default: from LC_ALL/LC_MESSAGES/LANG)")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "en"}));
  import_command
      ->add_option("--color", import_args.color,
                   "Colour the findings on stderr: auto (on a terminal, unless NO_COLOR is set), "
                   "always, never")
      ->check(CLI::IsMember(kColorWhen))
      ->capture_default_str();
  if (!catalog_command(argc, argv)) {
    // Not the first argument: "catalog" names a path to lint.
    for (int i = 1; i < argc; ++i) {
      if (std::string_view(argv[i]) == "catalog") {
        app.remove_subcommand(catalog);  // and import_command with it
        import_command = nullptr;
        break;
      }
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitFailure;
  }
  if (import_command != nullptr && import_command->parsed()) {
    if (import_args.locale.empty()) import_args.locale = locale;
    return catalog_import(import_args);
  }

  const std::string message_locale = locale.empty() ? guidelint::locale_from_environment() : locale;
  if (init) return init_config(message_locale);

  guidelint::LinterOptions options =
      linter_options(config, as_of, input_format, jobs, no_ignore, ignore_patterns, rule_flags);
  // A baseline kept in the tree it covers is not a guide.
  for (const std::string& b : {run.baseline_file, run.baseline_write}) {
    if (!b.empty()) options.exclude_files.emplace_back(b);
  }
  run.threshold = quiet ? guidelint::Severity::error : *guidelint::parse_severity(threshold);
  // Never taken apart: the process ends with the command, and freeing the engine (every rule's
  // tables and catalogs) cost as much as linting a dozen guides. Held by a static, so that leak
  // checkers see it as still in use.
  static const guidelint::Linter* kept = nullptr;
  kept = new guidelint::Linter(options);
  const guidelint::Linter& linter = *kept;

  guidelint::FormatOptions format_options;
  format_options.locale = locale.empty() ? guidelint::locale_from_environment() : locale;
  format_options.color = use_color(run.color, STDOUT_FILENO);
  if (list) return list_rules(linter, run.format, format_options);
  if (!explain_id.empty())
    return explain(linter, explain_id, format_options.color, format_options.locale);
  if (!print_config_file.empty()) return print_config(linter, print_config_file, format_options);
  return lint(linter, options, run, format_options);
}

}  // namespace

int main(int argc, char** argv) {
  // Reports go through std::cout alone, not a stdio call per write. std::cerr stays tied to it,
  // so notes still come out after the findings before them.
  std::ios::sync_with_stdio(false);
  const StdoutBuffer buffer;
  return run(argc, argv);
}
