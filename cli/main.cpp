// The guidelint command: argument handling and output only; linting is the library's.
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string_view>

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "guidelint: checks government service guides (办事指南) before they are published.\n"
      "Exit status: 0 no errors, 1 errors found, 2 usage, config or input/output failure.",
      "guidelint"};
  app.set_version_flag("-V,--version",
                       std::string("guidelint ") + std::string(guidelint::version()));

  std::vector<std::string> paths;
  std::string config;
  std::string format = "text";
  std::string stdin_filename;
  std::string as_of;
  std::string locale;
  std::string input_format;
  std::string color = "auto";
  app.add_option("paths", paths, "Files and folders to lint (folders recursively); - reads stdin")
      ->type_name("PATH...");
  app.add_option("-c,--config", config,
                 "Use this config file instead of searching for .guidelint.yaml")
      ->type_name("FILE");
  std::vector<std::string> formats = guidelint::formatter_names();
  app.add_option("-f,--format", format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  std::vector<std::string> input_formats;
  for (const auto& [name, exts] : guidelint::Engine::input_formats())
    input_formats.push_back(name);
  app.add_option("--input-format", input_format, "Read inputs as this format, whatever their names")
      ->check(CLI::IsMember(input_formats));
  app.add_option("--stdin-filename", stdin_filename,
                 "Name for input read from stdin (format choice, config lookup, messages)")
      ->type_name("NAME");
  app.add_option("--as-of", as_of, "The date rules treat as today (default: today)")
      ->type_name("YYYY-MM-DD")
      ->check([](const std::string& v) {
        return guidelint::Date::parse(v) ? std::string()
                                         : "not a date of the form YYYY-MM-DD: " + v;
      });
  app.add_option("--locale", locale, "Language of messages (default: from LC_ALL/LC_MESSAGES/LANG)")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "en"}));
  app.add_option("--color", color,
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
  std::string baseline_file;
  std::string baseline_write;
  bool baseline_prune = false;
  app.add_option("--baseline", baseline_file,
                 "Report only findings this baseline file does not accept (docs/baseline.md)")
      ->type_name("FILE");
  app.add_option("--baseline-write", baseline_write,
                 "Accept every finding of this run: write them to FILE and report none")
      ->type_name("FILE")
      ->excludes("--baseline");
  app.add_flag("--baseline-prune", baseline_prune,
               "With --baseline: drop the entries no finding matched any more, and save")
      ->needs("--baseline");
  bool no_ignore = false;
  app.add_flag("--no-ignore", no_ignore, "Do not read .guidelintignore files or --ignore-pattern");

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

  guidelint::LinterOptions options;
  if (!config.empty()) options.config = config;
  if (!as_of.empty()) options.lint.as_of = guidelint::Date::parse(as_of);
  options.lint.input_format = input_format;
  options.jobs = jobs;
  options.ignore_files = !no_ignore;
  if (!no_ignore) options.ignore_patterns = ignore_patterns;
  // A baseline kept in the tree it covers is not a guide.
  for (const std::string& b : {baseline_file, baseline_write}) {
    if (!b.empty()) options.exclude_files.emplace_back(b);
  }
  const guidelint::Linter linter(options);

  guidelint::FormatOptions format_options;
  format_options.locale = locale.empty() ? guidelint::locale_from_environment() : locale;
  format_options.color = use_color(color, STDOUT_FILENO);
  if (format == "sarif" && options.config) {
    // SARIF describes the rules run; without --config those are the built-in pack's (the
    // formatter's default), as configs found beside the files extend it.
    if (const guidelint::EngineResult built = guidelint::Engine::from_file(*options.config);
        built.engine) {
      format_options.rules = built.engine->rules();
    }
  }
  auto formatter = guidelint::make_formatter(format, std::cout, format_options);

  if (paths.empty()) paths.emplace_back(".");
  std::vector<std::filesystem::path> inputs;
  bool stdin_used = false;
  for (const std::string& p : paths) {
    if (p == "-") {
      stdin_used = true;
    } else {
      inputs.emplace_back(p);
    }
  }

  std::optional<guidelint::Baseline> baseline;
  if (!baseline_file.empty()) {
    std::string error;
    baseline = guidelint::Baseline::load(baseline_file, &error);
    if (!baseline) {
      std::cerr << "guidelint: " << error << '\n';
      return kExitFailure;
    }
  } else if (!baseline_write.empty()) {
    const std::filesystem::path parent = std::filesystem::path(baseline_write).parent_path();
    baseline.emplace(parent.empty() ? std::filesystem::path(".") : parent);
  }
  std::size_t accepted = 0;

  guidelint::Summary summary;
  formatter->begin();
  const auto emit = [&](std::vector<guidelint::FileResult>&& results) {
    for (guidelint::FileResult& r : results) {
      if (!baseline_write.empty()) baseline->record(r);
      if (baseline) accepted += baseline->filter(r);
      summary.add(r);
      formatter->file(r);
    }
  };
  if (stdin_used) {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    emit(linter.lint_source(std::make_shared<const guidelint::Source>(
        stdin_filename.empty() ? "<stdin>" : stdin_filename, std::move(bytes))));
  }
  std::vector<std::filesystem::path> ignored;
  const std::vector<std::filesystem::path> files = linter.collect(inputs, &ignored);
  for (const auto& file : ignored) {
    std::cerr << "guidelint: " << file.string()
              << ": left out by an ignore pattern (--no-ignore lints it)\n";
  }
  linter.lint_files(files, emit);
  formatter->end(summary);
  std::cout.flush();
  if (baseline) {
    const std::string& file = baseline_write.empty() ? baseline_file : baseline_write;
    if (baseline_prune) baseline->prune();
    std::string error;
    if ((!baseline_write.empty() || baseline_prune) && !baseline->save(file, &error)) {
      std::cerr << "guidelint: " << error << '\n';
      return kExitFailure;
    }
    if (!baseline_write.empty()) {
      std::cerr << "guidelint: " << file << ": " << baseline->size()
                << " entries written; findings in them are accepted from now on\n";
    } else if (accepted > 0) {
      std::cerr << "guidelint: " << accepted << " findings accepted by " << file << '\n';
    }
  }

  if (summary.fatal > 0) return kExitFailure;
  return summary.errors > 0 ? kExitFindings : kExitClean;
}
