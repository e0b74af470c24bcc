// Runs the built guidelint command as users do and compares its output with golden files
// (tests/golden). Set GUIDELINT_UPDATE_GOLDEN=1 to rewrite them after an intended change.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
                 const std::string& environment = "LANG=C.UTF-8") {
  const fs::path tmp =
      fs::temp_directory_path() / ("guidelint-cli-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::create_directories(tmp);
  std::ofstream(tmp / "in", std::ios::binary) << stdin_text;
  const std::string command =
      std::string("cd '" GUIDELINT_FIXTURES "' && env -u LC_ALL -u LC_MESSAGES ") + environment +
      " '" GUIDELINT_CLI "' " + args + " <'" + (tmp / "in").string() + "' >'" +
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
  for (const char* option : {"--config", "--format", "--stdin-filename", "--as-of", "--version"}) {
    EXPECT_NE(h.out.find(option), std::string::npos) << option;
  }
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
}

}  // namespace
