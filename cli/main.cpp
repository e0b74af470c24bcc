// The guidelint command: argument handling and output only; linting is the library's.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <iterator>

#include "guidelint/guidelint.hpp"

namespace {

// Exit codes, as documented in the README and docs/cli.md.
constexpr int kExitClean = 0;     // no error-severity findings
constexpr int kExitFindings = 1;  // findings at error severity
constexpr int kExitFailure = 2;   // usage, config or input/output failure

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitFailure;
  }

  guidelint::LinterOptions options;
  if (!config.empty()) options.config = config;
  if (!as_of.empty()) options.lint.as_of = guidelint::Date::parse(as_of);
  options.lint.input_format = input_format;
  const guidelint::Linter linter(options);

  guidelint::FormatOptions format_options;
  format_options.locale = locale.empty() ? guidelint::locale_from_environment() : locale;
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

  guidelint::Summary summary;
  formatter->begin();
  const auto emit = [&](const std::vector<guidelint::FileResult>& results) {
    for (const guidelint::FileResult& r : results) {
      summary.add(r);
      formatter->file(r);
    }
  };
  if (stdin_used) {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    emit(linter.lint_source(std::make_shared<const guidelint::Source>(
        stdin_filename.empty() ? "<stdin>" : stdin_filename, std::move(bytes))));
  }
  for (const auto& file : linter.collect(inputs))
    emit(linter.lint_file(file));
  formatter->end(summary);
  std::cout.flush();

  if (summary.fatal > 0) return kExitFailure;
  return summary.errors > 0 ? kExitFindings : kExitClean;
}
