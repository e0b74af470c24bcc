// Runs the built guidelint command as users do and compares its output with golden files
// (tests/golden). Set GUIDELINT_UPDATE_GOLDEN=1 to rewrite them after an intended change.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace {
namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs guidelint in the fixtures folder with a fixed environment; `stdin_text` is fed to it.
CliRun guidelint(const std::string& args, const std::string& stdin_text = "",
                 const std::string& environment = "LANG=C.UTF-8",
                 const fs::path& cwd = GUIDELINT_FIXTURES) {
  const fs::path tmp =
      fs::temp_directory_path() / ("guidelint-cli-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::create_directories(tmp);
  std::ofstream(tmp / "in", std::ios::binary) << stdin_text;
  // Linting runs on a fixed date, so that findings about dates do not change with the calendar.
  const bool import = args.starts_with("catalog import") || args.starts_with("catalog --");
  const std::string as_of =
      import || args.find("--as-of") != std::string::npos ? "" : "--as-of 2025-06-30 ";
  const std::string command =
      "cd '" + cwd.string() + "' && env -u LC_ALL -u LC_MESSAGES -u NO_COLOR " + environment +
      " '" GUIDELINT_CLI "' " + as_of + args + " <'" + (tmp / "in").string() + "' >'" +
      (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "'";
  const int status = std::system(command.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp / "out");
  r.err = slurp(tmp / "err");
  fs::remove_all(tmp);
  return r;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(GUIDELINT_GOLDEN) / name;
  const char* update = std::getenv("GUIDELINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << "missing golden file " << path;
  EXPECT_EQ(actual, slurp(path)) << "output differs from " << path;
}

TEST(Cli, CleanGuideExitsZero) {
  const CliRun r = guidelint("good.xml");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  expect_golden("good.txt", r.out);
}

TEST(Cli, FindingsAsTextExitOne) {
  const CliRun r =
      guidelint("incomplete.xml blank-fees.xml traditional.xml many.xml gbk-declared.xml");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_golden("findings.txt", r.out);
}

TEST(Cli, FindingsAsJson) {
  const CliRun r = guidelint(
      "--format json incomplete.xml blank-fees.xml traditional.xml many.xml gbk-declared.xml");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_golden("findings.json", r.out);
}

TEST(Cli, FindingsInEnglishAndTraditional) {
  CliRun r = guidelint("--locale en incomplete.xml");
  EXPECT_EQ(r.exit_code, 1);
  expect_golden("findings-en.txt", r.out);
  r = guidelint("--locale zh-Hant incomplete.xml");
  expect_golden("findings-zh-Hant.txt", r.out);
}

TEST(Cli, LocaleFromEnvironment) {
  const CliRun en = guidelint("--locale en incomplete.xml");
  const CliRun hant = guidelint("--locale zh-Hant incomplete.xml");
  const CliRun hans = guidelint("incomplete.xml");
  EXPECT_NE(en.out, hans.out);
  EXPECT_EQ(guidelint("incomplete.xml", "", "LANG=en_US.UTF-8").out, en.out);
  EXPECT_EQ(guidelint("incomplete.xml", "", "LANG=zh_TW.UTF-8").out, hant.out);
  EXPECT_EQ(guidelint("incomplete.xml", "", "LANG=en_US.UTF-8 LC_MESSAGES=zh_HK.UTF-8").out,
            hant.out);
  EXPECT_EQ(guidelint("incomplete.xml", "", "LANG=zh_CN.UTF-8").out, hans.out);
  // --locale wins over the environment.
  EXPECT_EQ(guidelint("--locale en incomplete.xml", "", "LANG=zh_TW.UTF-8").out, en.out);
}

TEST(Cli, BadInputBesideGoodInput) {
  // Every bad file yields exactly one clear error; the good files are still linted; exit 2.
  const CliRun r = guidelint(
      "--format json malformed.xml invalid-utf8.xml undecodable-gbk.xml blank.xml zero.xml "
      "does-not-exist.xml good.xml incomplete.xml");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_golden("bad-input.json", r.out);
  const CliRun text = guidelint(
      "malformed.xml invalid-utf8.xml undecodable-gbk.xml blank.xml zero.xml "
      "does-not-exist.xml good.xml incomplete.xml");
  EXPECT_EQ(text.exit_code, 2);
  expect_golden("bad-input.txt", text.out);
}

TEST(Cli, FoldersAreWalkedAndConfigsFound) {
  const CliRun r = guidelint("configured");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;  // only warnings there
  expect_golden("configured.txt", r.out);
}

TEST(Cli, UnknownConfigKeyIsAnErrorWithPosition) {
  const CliRun r = guidelint("--config bad-config/unknown-key.yaml good.xml");
  EXPECT_EQ(r.exit_code, 2);
  expect_golden("unknown-config-key.txt", r.out);
  EXPECT_NE(
      r.out.find(
          "bad-config/unknown-key.yaml:4:5: error: 未知的配置项“severty”（是否应为“severity”？）"
          " [config-error]"),
      std::string::npos)
      << r.out;
}

TEST(Cli, StdinWithAFileName) {
  const CliRun r = guidelint("--stdin-filename 来自CMS.xml -",
                             slurp(fs::path(GUIDELINT_FIXTURES) / "blank-fees.xml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("来自CMS.xml:10:3: error: 必备要素“收费标准”"), std::string::npos) << r.out;
  const CliRun unnamed = guidelint("-", "<guide><name>甲</name></guide>");
  EXPECT_EQ(unnamed.exit_code, 1);
  EXPECT_NE(unnamed.out.find("<stdin>:1:1: error:"), std::string::npos) << unnamed.out;
}

// ── output formats and colour ────────────────────────────────────────────────────────────────

// Findings with CJK and full-width text, tabs, a combining mark, a minified one-line JSON file of
// 65 KB, a Word document, a finding that needs review and one that cites a catalog, a multi-line
// span, and a path that does not exist.
const std::string kFormatInputs = "incomplete.xml report docx/label-table.docx does-not-exist.xml";

TEST(CliFormats, TextWithCodeFrames) {
  const CliRun r = guidelint(kFormatInputs);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_golden("formats.txt", r.out);
  // The tab before 0000-1234567 reaches column 24, where the number is underlined.
  EXPECT_NE(r.out.find("   11 | 咨询电话：              0000-1234567\n"
                       "      |                         ^~~~~~~~~~~~\n"),
            std::string::npos)
      << r.out;
  // The 65 KB line is shown as a window around the finding.
  for (std::size_t at = 0; (at = r.out.find("\n    1 | ", at)) != std::string::npos; ++at)
    EXPECT_LT(r.out.find('\n', at + 1) - at, 400u);
}

TEST(CliFormats, EveryMachineFormat) {
  for (const auto& [format, golden] :
       std::vector<std::pair<std::string, std::string>>{{"sarif", "formats.sarif"},
                                                        {"junit", "formats.junit.xml"},
                                                        {"checkstyle", "formats.checkstyle.xml"},
                                                        {"github", "formats.github.txt"},
                                                        {"rdjson", "formats.rdjson"}}) {
    const CliRun r = guidelint("--format " + format + " " + kFormatInputs);
    EXPECT_EQ(r.exit_code, 2) << format << r.err;  // the missing path
    EXPECT_EQ(r.err, "") << format;
    expect_golden(golden, r.out);
    // Colour is for the text format only.
    EXPECT_EQ(guidelint("--color always --format " + format + " " + kFormatInputs).out, r.out)
        << format;
  }
}

TEST(CliFormats, SarifDescribesTheRulesOfTheConfigGiven) {
  const CliRun r =
      guidelint("--format sarif --config configured/.guidelint.yaml configured/incomplete.xml");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("/docs/rules/required-element.md\",\"defaultConfiguration\":{\"level\":"
                       "\"warning\"}"),
            std::string::npos)
      << r.out;
  const CliRun builtin = guidelint("--format sarif configured/incomplete.xml");
  EXPECT_NE(builtin.out.find("/docs/rules/required-element.md\",\"defaultConfiguration\":{"
                             "\"level\":\"error\"}"),
            std::string::npos)
      << builtin.out;
  // Descriptions are in the locale of the run.
  EXPECT_NE(guidelint("--format sarif --locale en good.xml")
                .out.find("\"shortDescription\":{\"text\":\"the config is valid\"}"),
            std::string::npos);
}

TEST(CliColor, AlwaysNeverAndNotOnAFileByDefault) {
  const CliRun plain = guidelint("blank-fees.xml");
  EXPECT_EQ(plain.out.find('\033'), std::string::npos) << "auto: stdout is a file";
  EXPECT_EQ(guidelint("--color never blank-fees.xml").out, plain.out);
  EXPECT_EQ(guidelint("--color=never blank-fees.xml").out, plain.out);
  const CliRun always = guidelint("--color=always blank-fees.xml");
  EXPECT_NE(always.out.find("\033[1mblank-fees.xml:10:3:\033[0m \033[1;31merror:\033[0m "),
            std::string::npos)
      << always.out;
  EXPECT_NE(always.out.find("\033[1;32m^~"), std::string::npos) << always.out;
  EXPECT_NE(always.out.find("\033[1;31m✖\033[0m "), std::string::npos) << always.out;
  // Without the escapes it is the plain output, byte for byte.
  EXPECT_EQ(std::regex_replace(always.out, std::regex("\033\\[[0-9;]*m"), ""), plain.out);
  // A flag given for this run wins over NO_COLOR, as no-color.org asks.
  EXPECT_EQ(guidelint("--color always blank-fees.xml", "", "LANG=C.UTF-8 NO_COLOR=1").out,
            always.out);
  EXPECT_EQ(guidelint("--color sometimes blank-fees.xml").exit_code, 2);
  // catalog import colours its findings on stderr the same way.
  const std::string import =
      "catalog import --decision x --date 2015 --locale zh-Hans catalog-import/broken.html";
  EXPECT_EQ(guidelint(import).err.find('\033'), std::string::npos);
  EXPECT_NE(guidelint(import + " --color always").err.find("\033[1;31merror:"), std::string::npos);
}

// guidelint on a terminal: script(1) gives it a pseudo-terminal for stdout.
std::string on_terminal(const std::string& environment) {
  const fs::path out = fs::temp_directory_path() / ("guidelint-tty-" + std::to_string(::getpid()));
  const std::string command =
      std::string("cd '" GUIDELINT_FIXTURES "' && env -u NO_COLOR LANG=C.UTF-8 TERM=xterm ") +
      environment + " script -qec \"'" GUIDELINT_CLI "' --as-of 2025-06-30 blank-fees.xml\" " +
      "/dev/null </dev/null >'" + out.string() + "' 2>&1";
  EXPECT_NE(std::system(command.c_str()), -1);
  std::string text = slurp(out);
  fs::remove(out);
  EXPECT_NE(text.find("blank-fees.xml:10:3:"), std::string::npos) << text;
  return text;
}

TEST(CliColor, AutoColoursATerminalUnlessNoColorOrADumbTerminal) {
  EXPECT_NE(on_terminal("").find("\033[1;31merror:"), std::string::npos);
  EXPECT_EQ(on_terminal("NO_COLOR=1").find('\033'), std::string::npos);
  // An empty NO_COLOR does not count (no-color.org).
  EXPECT_NE(on_terminal("NO_COLOR=").find("\033[1;31merror:"), std::string::npos);
  EXPECT_EQ(on_terminal("TERM=dumb").find('\033'), std::string::npos);
}

// A folder of its own for tests that write files; removed at the end of the test.
class CliTree : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("guidelint-cli-tree-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void copy(const std::string& fixture, const std::string& to) {
    fs::create_directories((dir_ / to).parent_path());
    fs::copy_file(fs::path(GUIDELINT_FIXTURES) / fixture, dir_ / to,
                  fs::copy_options::overwrite_existing);
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string at(const std::string& name) const { return "'" + (dir_ / name).string() + "'"; }
  fs::path dir_;
};

TEST_F(CliTree, ParallelRunsPrintTheSameReportInTheSameOrder) {
  const char* fixtures[] = {"good.xml",      "incomplete.xml",  "blank-fees.xml",
                            "malformed.xml", "traditional.xml", "many.xml"};
  for (int i = 0; i < 60; ++i)
    copy(fixtures[i % 6], "d" + std::to_string(i % 7) + "/" + std::to_string(i) + ".xml");
  const CliRun one = guidelint("-j 1 " + at(""));
  EXPECT_EQ(one.exit_code, 2) << one.err;  // malformed.xml
  for (const char* jobs : {"-j 2", "-j 5", "--jobs 0"}) {
    const CliRun many = guidelint(std::string(jobs) + " " + at(""));
    EXPECT_EQ(many.exit_code, one.exit_code) << jobs;
    EXPECT_EQ(many.out, one.out) << jobs;
  }
  EXPECT_EQ(guidelint("-j 1 --format json " + at("")).out,
            guidelint("-j 3 --format json " + at("")).out);
  EXPECT_EQ(guidelint("-j -1 " + at("")).exit_code, 2);
}

TEST_F(CliTree, IgnoreFilesPatternsAndNoIgnore) {
  copy("good.xml", "a.xml");
  copy("incomplete.xml", "drafts/b.xml");
  copy("incomplete.xml", "c.draft.xml");
  write(".guidelintignore", "# not published yet\ndrafts/\n*.draft.xml\n");
  const CliRun r = guidelint("--format json " + at(""));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("a.xml"), std::string::npos);
  EXPECT_EQ(r.out.find("b.xml"), std::string::npos);
  EXPECT_EQ(r.out.find("c.draft.xml"), std::string::npos);
  // Named explicitly: left out, and said so.
  const CliRun named = guidelint(at("c.draft.xml") + " " + at("a.xml"));
  EXPECT_EQ(named.exit_code, 0);
  EXPECT_NE(named.err.find("c.draft.xml：被忽略规则排除"), std::string::npos) << named.err;
  const CliRun all = guidelint("--no-ignore " + at(""));
  EXPECT_EQ(all.exit_code, 1);
  EXPECT_NE(all.out.find("b.xml"), std::string::npos);
  // Patterns on the command line are relative to the working folder (the fixtures here).
  const CliRun pattern = guidelint(
      "--format json --ignore-pattern 'configured/' "
      "--ignore-pattern '/good.xml' configured good.xml many.xml");
  EXPECT_EQ(pattern.out.find("configured/"), std::string::npos) << pattern.out;
  EXPECT_NE(pattern.out.find("\"many.xml\""), std::string::npos) << pattern.out;
  EXPECT_NE(pattern.err.find("good.xml：被忽略规则排除"), std::string::npos) << pattern.err;
  EXPECT_EQ(guidelint("--ignore-pattern '*.xml' " + at("")).out, guidelint(at("")).out)
      << "a pattern does not reach outside the working folder";
}

TEST_F(CliTree, BaselineAcceptsTodaysFindingsAndReportsOnlyNewOnes) {
  copy("incomplete.xml", "site/a.xml");
  copy("blank-fees.xml", "site/b.xml");
  const CliRun before = guidelint(at("site"));
  EXPECT_EQ(before.exit_code, 1);

  // Written inside the tree it covers: it is not linted as a guide.
  const CliRun write_run =
      guidelint("--baseline-write " + at("site/baseline.json") + " " + at("site"));
  EXPECT_EQ(write_run.exit_code, 0) << write_run.out << write_run.err;
  EXPECT_NE(write_run.err.find("条记录"), std::string::npos) << write_run.err;
  const std::string written = slurp(dir_ / "site/baseline.json");
  EXPECT_NE(written.find("\"rule\": \"required-element\""), std::string::npos) << written;
  EXPECT_EQ(written.find(dir_.string()), std::string::npos) << "paths are relative";

  const CliRun clean = guidelint("--baseline " + at("site/baseline.json") + " " + at("site"));
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
  EXPECT_NE(clean.out.find("0 个错误，0 个警告"), std::string::npos) << clean.out;
  EXPECT_NE(clean.err.find("已由"), std::string::npos) << clean.err;

  // Lines move (a comment on top) and one new problem comes: only that one is reported.
  std::string b = slurp(dir_ / "site/b.xml");
  const std::size_t guide = b.find("<guide");
  b.insert(guide, "<!-- 2025 edition -->\n\n");
  b.insert(b.find("</guide>"), "<legal_basis>相关法规</legal_basis>\n");
  write("site/b.xml", b);
  const CliRun fresh =
      guidelint("--format json --baseline " + at("site/baseline.json") + " " + at("site"));
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_NE(fresh.out.find("\"rule\":\"placeholder-content\""), std::string::npos) << fresh.out;
  EXPECT_EQ(fresh.out.find("\"rule\":\"required-element\""), std::string::npos) << fresh.out;

  // a.xml fixed by deleting it: pruning drops its entries.
  fs::remove(dir_ / "site/a.xml");
  const CliRun prune =
      guidelint("--baseline " + at("site/baseline.json") + " --baseline-prune " + at("site"));
  EXPECT_EQ(prune.exit_code, 1);
  EXPECT_LT(slurp(dir_ / "site/baseline.json").size(), written.size());

  write("broken.json", "{\"version\": 1,\n \"entries\": [}\n");
  const CliRun broken = guidelint("--baseline " + at("broken.json") + " " + at("site"));
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken.json:2:"), std::string::npos) << broken.err;
  EXPECT_EQ(guidelint("--baseline-prune " + at("site")).exit_code, 2);  // needs --baseline
}

TEST(CliDiscovery, ListRulesAsATableAndAsJson) {
  const CliRun r = guidelint("--list-rules");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("id ")) << r.out;
  for (const char* id : {"required-element", "placeholder-content", "abolished-item",
                         "stale-content", "thin-content", "contact-format"}) {
    EXPECT_NE(r.out.find(std::string("\n") + id + " "), std::string::npos) << id << r.out;
  }
  // Columns line up: every row's severity starts where the header's does.
  const std::size_t column = r.out.find("severity");
  const std::size_t row = r.out.find("\nthin-content");
  ASSERT_NE(row, std::string::npos);
  EXPECT_EQ(r.out.substr(row + 1 + column, 7), "warning") << r.out;
  const CliRun json = guidelint("--list-rules --format json");
  EXPECT_NE(json.out.find("{\"id\":\"thin-content\",\"type\":\"thin-content\","
                          "\"severity\":\"warning\",\"description\":\""),
            std::string::npos)
      << json.out;
  // The config decides: in configured/, required-element is a warning.
  const CliRun configured = guidelint("--config configured/.guidelint.yaml --list-rules");
  EXPECT_NE(
      configured.out.find("\nrequired-element            required-element            warning"),
      std::string::npos)
      << configured.out;
  const CliRun flagged = guidelint("--rule thin-content=off --list-rules");
  EXPECT_EQ(flagged.out.find("thin-content"), std::string::npos) << flagged.out;
}

TEST(CliDiscovery, ExplainShowsTheRulePageForATerminal) {
  const CliRun r = guidelint("--explain thin-content --color never");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("thin-content\n============\n")) << r.out.substr(0, 80);
  EXPECT_NE(r.out.find("• Type: `thin-content`"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("**"), std::string::npos) << "bold marks are rendered";
  const CliRun color = guidelint("--explain thin-content --color always");
  EXPECT_NE(color.out.find("\033[1;4mthin-content\033[0m"), std::string::npos);
  EXPECT_NE(color.out.find("\033[36mthin-content\033[0m"), std::string::npos);

  const CliRun unknown = guidelint("--explain thin-contnet");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("没有名为“thin-contnet”的规则"), std::string::npos);
  // Pseudo-rules that findings carry have pages too.
  EXPECT_EQ(guidelint("--explain parse-error").exit_code, 0);
}

TEST(CliDiscovery, PrintConfigShowsLayersOverridesAndFlags) {
  const CliRun r = guidelint("--print-config configured/incomplete.xml");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("layers:\n  - builtin:packs/national.yaml\n  - "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(".guidelint.yaml\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  required-element:\n    type: required-element\n    severity: warning\n"
                       "    options:\n      exclude: [fees]\n"),
            std::string::npos)
      << r.out;
  const CliRun flagged = guidelint("--rule required-element=info --print-config configured/x.xml");
  EXPECT_NE(flagged.out.find("  - --rule\n"), std::string::npos) << flagged.out;
  EXPECT_NE(flagged.out.find("required-element:\n    type: required-element\n    severity: info"),
            std::string::npos)
      << flagged.out;
  const CliRun broken =
      guidelint("--print-config bad-config/x.xml --config bad-config/unknown-key.yaml");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("unknown-key.yaml:4:5"), std::string::npos) << broken.err;
}

TEST_F(CliTree, InitWritesACommentedConfigThatLoadsAndNeverOverwrites) {
  copy("incomplete.xml", "a.xml");
  const CliRun before = guidelint("a.xml", "", "LANG=C.UTF-8", dir_);
  const CliRun r = guidelint("--init", "", "LANG=C.UTF-8", dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string written = slurp(dir_ / ".guidelint.yaml");
  EXPECT_NE(written.find("extends: national"), std::string::npos);
  EXPECT_NE(written.find("# "), std::string::npos);
  // It is a config guidelint reads without complaint, and it changes nothing yet.
  const CliRun lint = guidelint("a.xml", "", "LANG=C.UTF-8", dir_);
  EXPECT_EQ(lint.exit_code, 1);
  EXPECT_EQ(lint.out.find("config-error"), std::string::npos) << lint.out;
  EXPECT_EQ(lint.out, before.out);
  write(".guidelint.yaml", "# mine\n");
  const CliRun again = guidelint("--init", "", "LANG=C.UTF-8", dir_);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(slurp(dir_ / ".guidelint.yaml"), "# mine\n");
}

TEST(CliGating, QuietThresholdMaxWarningsAndRuleFlags) {
  const CliRun all = guidelint("configured");  // only warnings there
  EXPECT_EQ(all.exit_code, 0);
  ASSERT_NE(all.out.find(": warning: "), std::string::npos);
  const CliRun quiet = guidelint("-q configured");
  EXPECT_EQ(quiet.out.find(": warning: "), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find("0 个警告"), std::string::npos) << quiet.out;
  EXPECT_EQ(guidelint("--severity-threshold error configured").out, quiet.out);
  EXPECT_EQ(guidelint("--severity-threshold warning configured").out, all.out);

  const CliRun strict = guidelint("--max-warnings 0 configured");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("超过 --max-warnings 允许的 0 个"), std::string::npos) << strict.err;
  const CliRun english = guidelint("--locale en --max-warnings 0 configured");
  EXPECT_NE(english.err.find("warnings, more than --max-warnings 0 allows"), std::string::npos)
      << english.err;
  EXPECT_EQ(guidelint("--max-warnings 1000 configured").exit_code, 0);

  // --rule wins over the config found beside the file and over the pack.
  const CliRun raised = guidelint("--rule required-element=error configured");
  EXPECT_EQ(raised.exit_code, 1);
  EXPECT_NE(raised.out.find(": error: "), std::string::npos);
  const CliRun off = guidelint(
      "--rule required-element=off --rule stale-content=off "
      "--rule thin-content=off --rule contact-format=off configured");
  EXPECT_EQ(off.out.find("[required-element]"), std::string::npos) << off.out;
  EXPECT_EQ(guidelint("--rule required-element configured").exit_code, 2);
  EXPECT_EQ(guidelint("--rule required-element=loud configured").exit_code, 2);
  const CliRun unknown = guidelint("--rule requird-element=off good.xml");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.out.find("--rule:"), std::string::npos) << unknown.out;
  EXPECT_NE(unknown.out.find("required-element"), std::string::npos) << "a suggestion";
}

TEST_F(CliTree, ProgressOnlyWhenAskedOrAtATerminal) {
  for (int i = 0; i < 5; ++i)
    copy("good.xml", std::to_string(i) + ".xml");
  const CliRun always = guidelint("--progress always " + at(""));
  EXPECT_NE(always.err.find("\rguidelint: 1 …"), std::string::npos) << always.err;
  EXPECT_TRUE(always.err.ends_with("\r\033[K")) << "the line is cleared at the end";
  EXPECT_EQ(always.out, guidelint(at("")).out) << "stdout is not touched";
  EXPECT_EQ(guidelint(at("")).err, "") << "not a terminal, not asked";
}

// Per file of a JSON report: its diagnostics, and how many of them are fatal.
struct FileCounts {
  int diagnostics = 0;
  int fatal = 0;
};
std::map<std::string, FileCounts> per_file(const std::string& json) {
  std::map<std::string, FileCounts> out;
  std::istringstream lines(json);
  std::string line, file;
  while (std::getline(lines, line)) {
    if (line.starts_with("{\"file\":\"")) {
      file = line.substr(9, line.find('"', 9) - 9);
      out[file];
    } else if (line.starts_with("  {\"rule\":") && !file.empty()) {
      ++out[file].diagnostics;
      if (line.find("\"fatal\":true") != std::string::npos) ++out[file].fatal;
    }
  }
  return out;
}

// A thousand files, one in ten broken in some way: every good file's findings are reported,
// every broken one yields exactly one fatal finding, nothing hangs, and the exit status is 2.
TEST_F(CliTree, NothingLostInAThousandFilesWithOneInTenBroken) {
  const std::string good = slurp(fs::path(GUIDELINT_FIXTURES) / "good.xml");
  const std::string incomplete = slurp(fs::path(GUIDELINT_FIXTURES) / "incomplete.xml");
  const auto alone = [&](const std::string& fixture) {
    return per_file(guidelint("--format json " + fixture).out)[fixture].diagnostics;
  };
  const int good_findings = alone("good.xml");
  const int incomplete_findings = alone("incomplete.xml");
  ASSERT_GT(incomplete_findings, good_findings);
  std::map<std::string, int> expected;  // file -> diagnostics; -1: broken
  const bool root = ::geteuid() == 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string name =
        "d" + std::to_string(i / 100) + "/f" + std::to_string(1000 + i) + ".xml";
    if (i % 10 != 9) {
      write(name, i % 2 ? incomplete : good);
      expected[name] = i % 2 ? incomplete_findings : good_findings;
      continue;
    }
    switch ((i / 10) % 6) {
      case 0:
        write(name, incomplete.substr(0, incomplete.size() / 2));  // truncated
        break;
      case 1: {
        static constexpr char kBinary[] =
            "\x7f"
            "ELF\x02\x01\x01\0\0\0\xff\xfe";
        write(name, std::string(kBinary, sizeof kBinary - 1));  // binary
        break;
      }
      case 2:
        write(name, slurp(fs::path(GUIDELINT_FIXTURES) / "undecodable-gbk.xml"));
        break;
      case 3:
        write(name, "");  // empty
        break;
      case 4:
        // Unreadable: a permission root ignores, so as root a link to nowhere instead.
        if (root) {
          fs::create_directories((dir_ / name).parent_path());
          fs::create_symlink(dir_ / "nowhere.xml", dir_ / name);
        } else {
          write(name, good);
          fs::permissions(dir_ / name, fs::perms::none);
        }
        break;
      default:
        write(name, "<guide><name>甲</name><guide>");  // malformed
        break;
    }
    expected[name] = -1;
  }
  // A folder that links back up the tree: not followed, so no file is linted twice.
  fs::create_directory_symlink(dir_, dir_ / "d3" / "loop");

  const CliRun r = guidelint("-j 2 --format json .", "", "LANG=C.UTF-8", dir_);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  const auto files = per_file(r.out);
  EXPECT_EQ(files.size(), 1000u);
  int broken = 0;
  for (const auto& [name, want] : expected) {
    const auto it = files.find("./" + name);
    ASSERT_NE(it, files.end()) << name << " is missing from the report";
    if (want < 0) {
      ++broken;
      EXPECT_EQ(it->second.diagnostics, 1) << name;
      EXPECT_EQ(it->second.fatal, 1) << name;
    } else {
      EXPECT_EQ(it->second.diagnostics, want) << name;
      EXPECT_EQ(it->second.fatal, 0) << name;
    }
  }
  EXPECT_EQ(broken, 100);
  EXPECT_NE(r.out.find("\"fatal\":100"), std::string::npos) << "summary counts the broken files";
  for (const auto& [name, want] : expected) {
    if (want < 0 && !root)
      fs::permissions(dir_ / name, fs::perms::owner_all, fs::perm_options::add);
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(guidelint("--format yaml good.xml").exit_code, 2);
  EXPECT_EQ(guidelint("--as-of 2024-02-30 good.xml").exit_code, 2);
  EXPECT_EQ(guidelint("--no-such-option").exit_code, 2);
  const CliRun asof = guidelint("--as-of 2015-01-01 good.xml");
  EXPECT_EQ(asof.exit_code, 0);
}

TEST(Cli, VersionAndHelp) {
  const CliRun v = guidelint("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(std::regex_search(v.out, std::regex(R"(^guidelint \d+\.\d+\.\d+)"))) << v.out;
  const CliRun h = guidelint("--help");
  EXPECT_EQ(h.exit_code, 0);
  for (const char* option :
       {"--config", "--format", "--stdin-filename", "--as-of", "--color", "--version"}) {
    EXPECT_NE(h.out.find(option), std::string::npos) << option;
  }
}

// The dynamic symbols the shared library defines, one "address type name" a line.
std::string slurp_symbols() {
  const fs::path tmp = fs::temp_directory_path() / ("guidelint-nmc-" + std::to_string(::getpid()));
  const std::string command =
      "nm -D --defined-only '" GUIDELINT_SHARED_LIB "' > '" + tmp.string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0);
  std::string out = slurp(tmp);
  fs::remove(tmp);
  return out;
}

TEST(SharedLibrary, ExportsOnlyThePublicApiWithASoname) {
  const fs::path tmp = fs::temp_directory_path() / ("guidelint-nm-" + std::to_string(::getpid()));
  const std::string command =
      "nm -D --defined-only '" GUIDELINT_SHARED_LIB "' | c++filt > '" + tmp.string() +
      "' && objdump -p '" GUIDELINT_SHARED_LIB "' | grep SONAME >> '" + tmp.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::istringstream lines(slurp(tmp));
  fs::remove(tmp);
  const std::regex symbol(R"(^[0-9a-f]+ [A-Za-z] (.*)$)");
  const std::regex allowed(
      R"(^((typeinfo|typeinfo name|vtable) for )?guidelint::.*|^guidelint_.*)");
  int exported = 0;
  bool soname = false;
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (line.find("SONAME") != std::string::npos) {
      soname = line.find("libguidelint.so.0") != std::string::npos;
      continue;
    }
    if (!std::regex_match(line, m, symbol)) continue;
    ++exported;
    EXPECT_TRUE(std::regex_match(m[1].str(), allowed)) << "exported: " << m[1];
    // Internal namespaces stay hidden.
    EXPECT_EQ(m[1].str().find("guidelint::config::"), std::string::npos) << m[1];
    EXPECT_EQ(m[1].str().find("guidelint::text::"), std::string::npos) << m[1];
  }
  EXPECT_GT(exported, 10);
  EXPECT_TRUE(soname);
  // Every function the C header declares is there.
  const std::string symbols = slurp_symbols();
  const std::string header =
      slurp(fs::path(GUIDELINT_SOURCE_DIR) / "include" / "guidelint" / "guidelint.h");
  const std::regex declared(R"(GUIDELINT_C_API [^;(]*?\b(guidelint_[a-z_0-9]+)\()");
  int functions = 0;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), declared);
       it != std::sregex_iterator(); ++it) {
    ++functions;
    const std::string name = (*it)[1].str();
    EXPECT_NE(symbols.find(" " + name + "\n"), std::string::npos) << name << " is not exported";
  }
  EXPECT_GE(functions, 12);
}

// ── guidelint catalog import ─────────────────────────────────────────────────────────────────

const std::string kImport =
    "catalog import --decision 国发〔2015〕11号 --date 2015-02-24 --locale zh-Hans ";

TEST(CliCatalogImport, EveryRowReadExitsZeroWithYamlOnStdout) {
  const CliRun r = guidelint(kImport + "catalog-import/gbk-page.html --source http://www.gov.cn/a");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("# Written by guidelint catalog import")) << r.out;
  EXPECT_NE(r.out.find("  - item: \"基本医疗保险定点零售药店资格审查\"\n"
                       "    agency: \"统筹地区人力资源社会保障部门\"\n"
                       "    decision: \"国发〔2015〕11号\"\n"
                       "    date: \"2015-02-24\"\n"
                       "    action: \"取消\"\n"
                       "    source: \"http://www.gov.cn/a\"\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("partial: false\n"), std::string::npos);
  EXPECT_EQ(r.err, "✔ 导入 2 条，0 行无法读取，未导入\n");
}

TEST(CliCatalogImport, RowsLeftOutAreReportedAndExitOne) {
  const fs::path out =
      fs::temp_directory_path() / ("guidelint-import-" + std::to_string(::getpid()) + ".yaml");
  const CliRun r = guidelint(kImport + "catalog-import/broken.html -o '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");  // the YAML went to the file
  const std::string yaml = slurp(out);
  fs::remove(out);
  EXPECT_NE(yaml.find("item: \"外商投资旅行社业务许可\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("item: \"出口商品商标注册审批\""), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("港口岸线使用审批"), std::string::npos) << yaml;
  // Each row left out, with the row in the page under it.
  expect_golden("catalog-import-broken.txt", r.err);
  EXPECT_NE(
      r.err.find("catalog-import/broken.html:7:9: error: “项目名称”一栏为空：此行未导入 "
                 "[catalog-import]\n"
                 "    7 | <tr><td>2</td><td></td><td>商务部</td><td>《对外贸易法》</td><td>取消"
                 "</td></tr>\n"
                 "      |         ^\n"),
      std::string::npos)
      << r.err;
  EXPECT_TRUE(r.err.ends_with("\n✖ 导入 2 条，6 行无法读取，未导入\n")) << r.err;
}

TEST(CliCatalogImport, CsvFromStdinInEnglish) {
  const CliRun r = guidelint(
      "catalog import - --decision 国发〔2015〕11号 --date 2015-02 --input-format csv --locale en",
      "序号,项目名称,处理决定\r\n1,\"甲, 乙审批\",取消\r\n2,,取消\r\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("  - item: \"甲, 乙审批\"\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    date: \"2015-02\"\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.err,
            "<stdin>:3:1: error: the \"项目名称\" cell is empty; the row is not imported "
            "[catalog-import]\n"
            "    3 | 2,,取消\n"
            "      | ^\n"
            "✖ entries imported: 1; 1 row could not be read and was left out\n");
}

TEST(CliCatalogImport, UsageAndInputFailuresExitTwo) {
  // No table: reported, nothing written.
  CliRun r = guidelint(kImport + "catalog-import/no-table.html");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "catalog-import/no-table.html: error: 没有找到附件表：没有表头含“序号”和“项目名称”"
            "（或“事项名称”等）的表格 [catalog-import]\n");
  r = guidelint(kImport + "catalog-import/no-such-file.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-file.csv: error: 文件或目录不存在 [catalog-import]"),
            std::string::npos)
      << r.err;
  // Dates: YYYY-MM-DD, YYYY-MM or YYYY.
  EXPECT_EQ(guidelint("catalog import catalog-import/quoted.csv --decision x --date 2015-02-30")
                .exit_code,
            2);
  EXPECT_EQ(
      guidelint("catalog import catalog-import/quoted.csv --decision x --date 2015-13").exit_code,
      2);
  EXPECT_EQ(
      guidelint("catalog import catalog-import/quoted.csv --decision x --date 2015年").exit_code,
      2);
  EXPECT_EQ(
      guidelint("catalog import catalog-import/quoted.csv --decision x --date 2015").exit_code, 0);
  // Required options and arguments, unknown formats and options.
  EXPECT_EQ(guidelint("catalog import catalog-import/quoted.csv --date 2015").exit_code, 2);
  EXPECT_EQ(guidelint("catalog import catalog-import/quoted.csv --decision x").exit_code, 2);
  EXPECT_EQ(guidelint("catalog import --decision x --date 2015").exit_code, 2);
  EXPECT_EQ(guidelint("catalog import catalog-import/quoted.csv --decision x --date 2015 "
                      "--input-format xls")
                .exit_code,
            2);
  EXPECT_EQ(guidelint("catalog import catalog-import/quoted.csv --decision x --date 2015 --bogus")
                .exit_code,
            2);
  EXPECT_EQ(guidelint("catalog --decision x").exit_code, 2);  // import, or no option
}

TEST(CliCatalogImport, HelpAndLintingUnchanged) {
  const CliRun help = guidelint("catalog import --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* option :
       {"--decision", "--date", "--title", "--source", "--input-format", "--output"}) {
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
  }
  EXPECT_NE(guidelint("--help").out.find("catalog"), std::string::npos);
  // "catalog" anywhere but first, or not followed by import or an option, is a path to lint as
  // before (whether or not there is such a file or folder).
  const auto last_line = [](const std::string& out) {
    const std::size_t end = out.find_last_not_of('\n');
    const std::size_t begin = out.rfind('\n', end);
    return out.substr(begin == std::string::npos ? 0 : begin + 1);
  };
  for (const auto& [args, same] : std::vector<std::pair<std::string, std::string>>{
           {"good.xml catalog", "good.xml ./catalog"},
           {"catalog good.xml", "./catalog good.xml"},
           {"--format json catalog", "--format json ./catalog"}}) {
    const CliRun a = guidelint(args);
    const CliRun b = guidelint(same);
    EXPECT_EQ(a.exit_code, b.exit_code) << args;
    EXPECT_EQ(last_line(a.out), last_line(b.out)) << args << "\n" << a.out << a.err;
    EXPECT_EQ(a.err, "") << args;
  }
  // Alone, it is the folder when there is one, and the command otherwise.
  const CliRun alone = guidelint("catalog");
  if (fs::exists(fs::path(GUIDELINT_FIXTURES) / "catalog")) {
    EXPECT_EQ(alone.exit_code, guidelint("./catalog").exit_code);
    EXPECT_EQ(last_line(alone.out), last_line(guidelint("./catalog").out));
  } else {
    EXPECT_EQ(alone.exit_code, 2);
    EXPECT_NE(alone.err.find("A subcommand is required"), std::string::npos) << alone.err;
  }
}

// guidelint audit (docs/audit.md). The fixtures folder has a folder named "audit", so the command
// is recognised here by the option that follows it.
TEST(CliAudit, TextReportAndExitStatus) {
  // A broken file is reported and counted; the others are audited; the status is 2.
  const CliRun r = guidelint("audit --as-of 2025-06-30 --locale en audit/site");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("Compliance rate   16.7%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken.xml"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6 guides checked, 1 passing, compliance rate 16.7%; 6 points deducted"),
            std::string::npos)
      << r.out;
  // Errors only: 1. A clean guide: 0, unless below --min-rate.
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 audit/site/民政局").exit_code, 1);
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 audit/site/民政局/good.xml").exit_code, 0);
  EXPECT_EQ(
      guidelint("audit --as-of 2025-06-30 --min-rate 100 audit/site/民政局/good.xml").exit_code, 0);
  // With --min-rate the rate decides: 民政局 has one guide of two passing.
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 --min-rate 50 audit/site/民政局").exit_code, 0);
  const CliRun low = guidelint("audit --as-of 2025-06-30 --min-rate 60 audit/site/民政局");
  EXPECT_EQ(low.exit_code, 1);
  EXPECT_NE(low.err.find("合格率 50.0% 低于 --min-rate 要求的 60%"), std::string::npos) << low.err;
}

TEST(CliAudit, JsonHtmlOutputFileAndGrouping) {
  const fs::path tmp =
      fs::temp_directory_path() / ("guidelint-audit-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  const CliRun json =
      guidelint("audit --as-of 2025-06-30 -f json --group-by department=dir:1 -o '" +
                (tmp / "a.json").string() + "' audit/site");
  EXPECT_EQ(json.exit_code, 2) << json.err;
  EXPECT_EQ(json.out, "");
  const std::string report = slurp(tmp / "a.json");
  EXPECT_NE(report.find("\"schema\":\"guidelint-audit\",\"schema_version\":1"), std::string::npos);
  EXPECT_NE(report.find("\"by\":[\"dir:1\"],\"rows\":[{\"name\":\"卫健委\",\"guides\":2"),
            std::string::npos)
      << report;
  const CliRun html =
      guidelint("audit --as-of 2025-06-30 -f html --link-base https://example.gov.cn/ audit/site");
  EXPECT_EQ(html.exit_code, 2);
  EXPECT_TRUE(html.out.starts_with("<!DOCTYPE html>")) << html.out.substr(0, 100);
  // Links under --link-base name each file below the folder audited, not the folder itself.
  EXPECT_NE(html.out.find("href=\"https://example.gov.cn/%E5%8D%AB%E5%81%A5%E5%A7%94/"),
            std::string::npos)
      << html.out;
  EXPECT_EQ(html.out.find("https://example.gov.cn/audit/"), std::string::npos);
  // Written elsewhere, the report's links lead from its own folder to the files.
  const CliRun away = guidelint("audit --as-of 2025-06-30 -f html -o '" +
                                (tmp / "away.html").string() + "' audit/site");
  EXPECT_EQ(away.exit_code, 2) << away.err;
  const std::string page = slurp(tmp / "away.html");
  const std::string marker = "class=\"guide\" href=\"";
  const std::size_t at = page.find(marker);
  ASSERT_NE(at, std::string::npos);
  std::string href = page.substr(at + marker.size());
  href = href.substr(0, href.find('"'));
  std::string decoded;
  for (std::size_t k = 0; k < href.size(); ++k) {
    if (href[k] == '%' && k + 2 < href.size()) {
      decoded += static_cast<char>(std::stoi(href.substr(k + 1, 2), nullptr, 16));
      k += 2;
    } else {
      decoded += href[k];
    }
  }
  EXPECT_TRUE(fs::exists(tmp / decoded)) << href;
  // --compare: what changed since the earlier report.
  const CliRun before = guidelint("audit --as-of 2025-06-01 -f json -o '" +
                                  (tmp / "before.json").string() + "' audit/before");
  EXPECT_EQ(before.exit_code, 1) << before.err;
  const CliRun compared = guidelint("audit --as-of 2025-06-30 -f json --compare '" +
                                    (tmp / "before.json").string() + "' audit/site");
  EXPECT_NE(compared.out.find("\"newly_failing\":3,\"newly_passing\":1,\"findings_fixed\":1,"
                              "\"findings_new\":6,\"guides_gone\":1"),
            std::string::npos)
      << compared.out.substr(0, 2000);
  fs::remove_all(tmp);
}

TEST(CliAudit, UsageModelAndCompareFailuresExitTwo) {
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 --format sarif audit/site").exit_code, 2);
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 --group-by department=folder audit/site").exit_code,
            2);
  const CliRun model = guidelint("audit --as-of 2025-06-30 --model no/such/model.yaml audit/site");
  EXPECT_EQ(model.exit_code, 2);
  EXPECT_NE(model.err.find("计分模型无法使用"), std::string::npos) << model.err;
  const fs::path odd =
      fs::temp_directory_path() / ("guidelint-model-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(odd) << "name: odd\ngroup_by: [1]\n";
  const CliRun grouping =
      guidelint("audit --as-of 2025-06-30 --model '" + odd.string() + "' audit/site");
  EXPECT_EQ(grouping.exit_code, 2);
  EXPECT_NE(grouping.err.find("group_by"), std::string::npos) << grouping.err;
  fs::remove(odd);
  const CliRun compare = guidelint("audit --as-of 2025-06-30 --compare good.xml audit/site");
  EXPECT_EQ(compare.exit_code, 2);
  EXPECT_NE(compare.err.find("good.xml"), std::string::npos) << compare.err;
  EXPECT_NE(guidelint("audit --as-of 2025-06-30 --help").out.find("--compare"), std::string::npos);
  // A broken config is counted and listed, and the files it governs are not checked.
  const CliRun config =
      guidelint("audit --as-of 2025-06-30 -f json -c bad-config/unknown-key.yaml good.xml");
  EXPECT_EQ(config.exit_code, 2);
  EXPECT_NE(config.out.find("\"unreadable\":1,\"config_problems\":1,\"guides\":0"),
            std::string::npos)
      << config.out.substr(0, 3000);
  EXPECT_NE(config.out.find("unknown-key.yaml"), std::string::npos);
}

// Reports that are hostile, odd or repeated: never a crash, never a report audited as a guide,
// the same tree compared with itself shows no change.
TEST(CliAudit, CompareFilesOutputInTheTreeAndBoundaries) {
  const fs::path tmp =
      fs::temp_directory_path() / ("guidelint-audit-edge-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp / "site");
  const std::string good = slurp(fs::path(GUIDELINT_FIXTURES) / "good.xml");
  // A file-level finding (text directly in <guides>) fails both guides of the file.
  std::ofstream(tmp / "site" / "stray.xml")
      << "<guides>stray\n"
      << good.substr(good.find("<guide ")) << good.substr(good.find("<guide ")) << "</guides>\n";
  std::ofstream(tmp / "site" / "good.xml") << good;
  const std::string site = "'" + (tmp / "site").string() + "'";

  // Not a report, not a file: exit 2 with the reason, no crash.
  std::ofstream(tmp / "bad.json")
      << R"({"schema":"guidelint-audit","schema_version":1,"guides":[1, "x", {"key": 3}]})";
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 -f json --compare '" + (tmp / "bad.json").string() +
                      "' " + site)
                .exit_code,
            1);
  std::ofstream(tmp / "v0.json") << R"({"schema":"guidelint-audit","schema_version":0})";
  const CliRun v0 =
      guidelint("audit --as-of 2025-06-30 --compare '" + (tmp / "v0.json").string() + "' " + site);
  EXPECT_EQ(v0.exit_code, 2) << v0.err;
  const CliRun dir = guidelint("audit --as-of 2025-06-30 --compare '" + tmp.string() + "' " + site);
  EXPECT_EQ(dir.exit_code, 2) << dir.err;
  EXPECT_NE(dir.err.find(tmp.string()), std::string::npos) << dir.err;

  // The report written into the tree audited, twice: the second run does not audit the first's
  // report, and compared with itself nothing changed.
  const std::string report = "'" + (tmp / "site" / "report.json").string() + "'";
  const CliRun first = guidelint("audit --as-of 2025-06-30 -f json -o " + report + " " + site);
  EXPECT_EQ(first.exit_code, 1) << first.err;
  const std::string before = slurp(tmp / "site" / "report.json");
  EXPECT_NE(before.find("\"guides\":3,\"passing\":1"), std::string::npos) << before.substr(0, 800);
  const CliRun again = guidelint("audit --as-of 2025-06-30 -f json --compare " + report + " -o " +
                                 report + " " + site);
  EXPECT_EQ(again.exit_code, 1) << again.err;
  const std::string after = slurp(tmp / "site" / "report.json");
  EXPECT_NE(after.find("\"guides\":3,\"passing\":1"), std::string::npos) << after.substr(0, 800);
  EXPECT_NE(after.find("\"newly_failing\":0,\"newly_passing\":0,\"findings_fixed\":0,"
                       "\"findings_new\":0,\"guides_gone\":0"),
            std::string::npos)
      << after.substr(0, 3000);

  // --min-rate in whole numbers: 29 passing of 100 meets 29 (100 x 0.29 is 28.999… in floating
  // point).
  fs::create_directories(tmp / "hundred");
  for (int i = 0; i < 100; ++i) {
    std::ofstream(tmp / "hundred" / ("g" + std::to_string(100 + i) + ".xml"))
        << (i < 29 ? good : std::string("<guide><name>临时救助</name></guide>"));
  }
  const std::string hundred = "'" + (tmp / "hundred").string() + "'";
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 --min-rate 29 " + hundred).exit_code, 0);
  EXPECT_EQ(guidelint("audit --as-of 2025-06-30 --min-rate 29.5 " + hundred).exit_code, 1);

  // Names with control characters are shown, not obeyed, in the terminal tables.
  std::ofstream(tmp / "hundred" / "a\x1b[31mred\nfake.xml") << good;
  const CliRun text = guidelint("audit --as-of 2025-06-30 " + hundred);
  EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
  fs::remove_all(tmp);
}

// The audit reads a guide's update date as stale-content does: in Chinese numerals, as a 14-digit
// timestamp, or labelled inside an element's text; every guide the rule calls stale is counted
// stale.
TEST(CliAudit, ContentAgeAgreesWithStaleContent) {
  const fs::path tmp =
      fs::temp_directory_path() / ("guidelint-audit-age-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  const std::string good = slurp(fs::path(GUIDELINT_FIXTURES) / "good.xml");
  const std::string date = "updated=\"2025-03-18\"";
  const std::string name = "<name label=\"事项名称\">林木采伐许可证核发</name>";
  ASSERT_NE(good.find(date), std::string::npos);
  ASSERT_NE(good.find(name), std::string::npos);
  const auto with = [&](const std::string& updated, const std::string& extra = "") {
    std::string g = good;
    g.replace(g.find(date), date.size(), "updated=\"" + updated + "\"");
    g.replace(g.find(name), name.size(), name + extra);
    return g;
  };
  std::ofstream(tmp / "a.xml") << with("二〇二三年五月六日");
  std::ofstream(tmp / "b.xml") << with("20230506143000");
  std::ofstream(tmp / "c.xml") << with(
      "", "<note label=\"说明\">事项编码：123 更新时间：2024年1月2日</note>");
  const std::string dir = "'" + tmp.string() + "'";
  const CliRun lint = guidelint("--as-of 2025-06-30 -f json " + dir);
  std::size_t stale = 0;
  for (std::size_t at = 0;
       (at = lint.out.find("\"stale-content.too-old\"", at)) != std::string::npos; ++at)
    ++stale;
  EXPECT_EQ(stale, 3u) << lint.out.substr(0, 2000);
  const CliRun audit = guidelint("audit --as-of 2025-06-30 -f json " + dir);
  EXPECT_NE(audit.out.find("\"basis\":\"stale-content\",\"stale\":3,"), std::string::npos)
      << audit.out.substr(0, 3000);
  EXPECT_NE(audit.out.find("\"no_date\":0,\"unreadable_date\":0,\"future_date\":0"),
            std::string::npos);
  fs::remove_all(tmp);
}

}  // namespace
