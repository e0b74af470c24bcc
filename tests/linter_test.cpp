#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"
#include "parse/parser.hpp"

namespace guidelint {
namespace {
namespace fs = std::filesystem;

// The walk chooses files by extension without making a std::filesystem::path of each: the
// extension it reads must be the one std::filesystem gives.
TEST(FileSelection, ExtensionIsStdFilesystemsAndCaseInsensitive) {
  for (const char* name :
       {"a.xml", "dir/a.XML", "dir.d/a", "a.b.json", ".profile", "dir/.hidden", "dir/.hidden.xml",
        ".", "..", "dir/..", "dir/", "a.", "/abs/x.Html", "x..docx", "noext", ""}) {
    EXPECT_EQ(parse::extension_of(name), fs::path(name).extension().string()) << name;
  }
  EXPECT_EQ(parse::parser_for_extension("G.XmL"), parse::parser_for_format("xml"));
  EXPECT_EQ(parse::parser_for_extension("dir/g.JSONL"), parse::parser_for_format("json"));
  EXPECT_EQ(parse::parser_for_extension("g.htm"), parse::parser_for_format("html"));
  EXPECT_EQ(parse::parser_for_extension("dir.xml/g"), nullptr);
  EXPECT_EQ(parse::parser_for_extension(".xml"), nullptr);
  EXPECT_EQ(parse::parser_for_extension("g.xmlx"), nullptr);
}

class LinterTree : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::temp_dir("linter");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::vector<std::string> names(const std::vector<fs::path>& paths) {
    std::vector<std::string> out;
    for (const fs::path& p : paths)
      out.push_back(fs::relative(p, dir_).generic_string());
    return out;
  }
  fs::path dir_;
};

TEST_F(LinterTree, CollectWalksSortedSkipsHiddenAndLinkLoops) {
  write("b/2.xml", "<guide/>");
  write("b/1.XML", "<guide/>");
  write("a.xml", "<guide/>");
  write("notes.log", "x");
  write(".git/x.xml", "<guide/>");
  fs::create_directory_symlink(dir_, dir_ / "b" / "loop");
  const Linter linter({});
  EXPECT_EQ(names(linter.collect({dir_})),
            (std::vector<std::string>{"a.xml", "b/1.XML", "b/2.xml"}));
  // A path that does not exist is kept so that linting it reports the problem.
  EXPECT_EQ(names(linter.collect({dir_ / "missing.xml", dir_ / "a.xml"})),
            (std::vector<std::string>{"missing.xml", "a.xml"}));
}

TEST_F(LinterTree, MissingAndUnreadableFilesAreOneFatalDiagnosticEach) {
  const Linter linter({});
  const auto results = linter.lint_file(dir_ / "missing.xml");
  ASSERT_EQ(results.size(), 1u);
  ASSERT_EQ(results[0].diagnostics.size(), 1u);
  EXPECT_EQ(results[0].diagnostics[0].rule_id, "io-error");
  EXPECT_EQ(results[0].diagnostics[0].message_id, "io.not-found");
  EXPECT_TRUE(results[0].fatal());
  EXPECT_FALSE(results[0].diagnostics[0].span);
}

TEST_F(LinterTree, PipesAndDevicesAreNotRead) {
  write("a.xml", "<guide/>");
  ASSERT_EQ(::mkfifo((dir_ / "pipe.xml").c_str(), 0600), 0);
  const Linter linter({});
  // Walking a folder skips them; naming one explicitly reports it instead of blocking on it.
  EXPECT_EQ(names(linter.collect({dir_})), (std::vector<std::string>{"a.xml"}));
  const auto r = linter.lint_file(dir_ / "pipe.xml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].diagnostics.at(0).message_id, "io.not-a-file");
  EXPECT_EQ(linter.lint_file("/dev/zero").at(0).diagnostics.at(0).message_id, "io.not-a-file");
}

TEST_F(LinterTree, ConfigFoundPerFolderAndItsProblemsReportedOnce) {
  write("good/.guidelint.yaml", "rules:\n  required-element: warning\n");
  write("good/g.xml", "<guide><name>甲</name></guide>");
  write("bad/.guidelint.yaml", "rules:\n  required-element: loud\n");
  write("bad/1.xml", "<guide/>");
  write("bad/2.xml", "<guide/>");
  const Linter linter({});
  const auto good = linter.lint_file(dir_ / "good/g.xml");
  ASSERT_EQ(good.size(), 1u);
  EXPECT_EQ(good[0].count(Severity::warning), 10u);
  EXPECT_EQ(good[0].count(Severity::error), 0u);

  const auto first = linter.lint_file(dir_ / "bad/1.xml");
  ASSERT_EQ(first.size(), 2u);  // the config's problem, then the file not linted
  EXPECT_EQ(first[0].diagnostics.at(0).message_id, "config.invalid-severity");
  EXPECT_EQ(first[1].diagnostics.at(0).message_id, "io.config-broken");
  const auto second = linter.lint_file(dir_ / "bad/2.xml");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].diagnostics.at(0).message_id, "io.config-broken");
  EXPECT_TRUE(second[0].fatal());
}

TEST_F(LinterTree, ExplicitConfigOverridesDiscovery) {
  write(".guidelint.yaml", "rules:\n  required-element: loud\n");
  write("override.yaml", "rules:\n  required-element: info\n");
  write("g.xml", "<guide><name>甲</name></guide>");
  LinterOptions options;
  options.config = dir_ / "override.yaml";
  const Linter linter(options);
  const auto r = linter.lint_file(dir_ / "g.xml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].count(Severity::info), 10u);
}

TEST_F(LinterTree, IgnoreFilesLeaveOutWhatTheyNameInTheirFolderAndBelow) {
  write(".guidelintignore", "# drafts are not published\n*.draft.xml\narchive/\n");
  write("a.xml", "<guide/>");
  write("a.draft.xml", "<guide/>");
  write("archive/old.xml", "<guide/>");
  write("sub/.guidelintignore", "!keep.draft.xml\n/local.xml\n");
  write("sub/keep.draft.xml", "<guide/>");
  write("sub/other.draft.xml", "<guide/>");
  write("sub/local.xml", "<guide/>");
  write("sub/deeper/local.xml", "<guide/>");
  const Linter linter({});
  EXPECT_EQ(names(linter.collect({dir_})),
            (std::vector<std::string>{"a.xml", "sub/deeper/local.xml", "sub/keep.draft.xml"}));
  // Walking a subfolder still reads the ignore files above it.
  EXPECT_EQ(names(linter.collect({dir_ / "sub"})),
            (std::vector<std::string>{"sub/deeper/local.xml", "sub/keep.draft.xml"}));
  // A path named explicitly that the files ignore is left out, and said so.
  std::vector<fs::path> ignored;
  EXPECT_EQ(names(linter.collect({dir_ / "a.draft.xml", dir_ / "archive/old.xml", dir_ / "a.xml"},
                                 &ignored)),
            (std::vector<std::string>{"a.xml"}));
  EXPECT_EQ(names(ignored), (std::vector<std::string>{"a.draft.xml", "archive/old.xml"}));

  LinterOptions off;
  off.ignore_files = false;
  EXPECT_EQ(names(Linter(off).collect({dir_})).size(), 7u);
}

TEST_F(LinterTree, IgnorePatternsAreRelativeToTheWorkingFolder) {
  write("a.xml", "<guide/>");
  write("b/c.xml", "<guide/>");
  write("b/d.xml", "<guide/>");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir_);
  LinterOptions options;
  options.ignore_patterns = {"b/c.xml", "/a.xml"};
  const auto files = Linter(options).collect({dir_});
  fs::current_path(cwd);
  EXPECT_EQ(names(files), (std::vector<std::string>{"b/d.xml"}));
}

// Many files through several threads: the results arrive in the files' order, the same as one
// thread gives, whatever the number of threads.
TEST_F(LinterTree, ParallelRunsEmitInOrderWithTheSerialResults) {
  std::vector<fs::path> files;
  for (int i = 0; i < 300; ++i) {
    const std::string name = "g" + std::to_string(1000 + i) + ".xml";
    // Every fifth guide has a name, so results differ from file to file.
    write(name, i % 5 ? "<guide/>" : "<guide><name>事项" + std::to_string(i) + "</name></guide>");
    files.push_back(dir_ / name);
  }
  files.push_back(dir_ / "missing.xml");
  const auto run = [&](unsigned jobs) {
    LinterOptions options;
    options.jobs = jobs;
    const Linter linter(options);
    std::vector<std::string> out;
    linter.lint_files(files, [&](std::vector<FileResult>&& results) {
      for (const FileResult& r : results)
        out.push_back(r.source->name() + " " + std::to_string(r.diagnostics.size()));
    });
    return out;
  };
  const auto serial = run(1);
  ASSERT_EQ(serial.size(), files.size());
  EXPECT_TRUE(serial[0].starts_with((dir_ / "g1000.xml").string() + " "));
  EXPECT_NE(serial[0].substr(serial[0].rfind(' ')), serial[1].substr(serial[1].rfind(' ')));
  EXPECT_EQ(serial.back(), (dir_ / "missing.xml").string() + " 1");
  EXPECT_EQ(run(2), serial);  // the calling thread and one more, the window filling up
  EXPECT_EQ(run(4), serial);
  EXPECT_EQ(run(0), serial);   // one per core
  EXPECT_EQ(run(64), serial);  // more threads than the window holds
}

// A broken config's problems come once, just before the first file it governs, whichever thread
// happened to build its engine first.
TEST_F(LinterTree, ParallelRunsReportConfigProblemsBeforeTheFirstFileInOrder) {
  write("bad/.guidelint.yaml", "rules:\n  required-element: loud\n");
  std::vector<fs::path> files;
  for (int i = 0; i < 40; ++i) {
    const std::string name = (i < 20 ? "good/" : "bad/") + std::to_string(100 + i) + ".xml";
    write(name, "<guide/>");
    files.push_back(dir_ / name);
  }
  for (int round = 0; round < 5; ++round) {
    LinterOptions options;
    options.jobs = 4;
    std::vector<std::string> ids;
    Linter(options).lint_files(files, [&](std::vector<FileResult>&& results) {
      for (const FileResult& r : results)
        ids.push_back(fs::path(r.source->name()).filename().string() + ":" +
                      r.diagnostics.at(0).message_id);
    });
    ASSERT_EQ(ids.size(), 41u);
    EXPECT_EQ(ids[20], ".guidelint.yaml:config.invalid-severity");
    EXPECT_EQ(ids[21], "120.xml:io.config-broken");
    EXPECT_EQ(ids[40], "139.xml:io.config-broken");
  }
}

TEST_F(LinterTree, AnEmitThatThrowsStopsTheRunCleanly) {
  std::vector<fs::path> files;
  for (int i = 0; i < 50; ++i) {
    write(std::to_string(i) + ".xml", "<guide/>");
    files.push_back(dir_ / (std::to_string(i) + ".xml"));
  }
  LinterOptions options;
  options.jobs = 3;
  const Linter linter(options);
  int seen = 0;
  EXPECT_THROW(linter.lint_files(files,
                                 [&](std::vector<FileResult>&&) {
                                   if (++seen == 5) throw std::runtime_error("disk full");
                                 }),
               std::runtime_error);
  EXPECT_EQ(seen, 5);
}

}  // namespace
}  // namespace guidelint
