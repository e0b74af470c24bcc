#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {
namespace fs = std::filesystem;

// A guide with a placeholder legal basis and a placeholder fee basis; `before` goes ahead of the
// elements, to move everything to other lines.
std::string guide(const std::string& code, const std::string& before = "",
                  const std::string& basis = "相关法规") {
  return "<guide code=\"" + code + "\">\n" + before +
         "<name>设立某类事项审批</name>\n<legal_basis>" + basis +
         "</legal_basis>\n<fee_basis>相关规定</fee_basis>\n</guide>\n";
}

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::temp_dir("baseline");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  FileResult lint(const std::string& name, const std::string& text) {
    return testing::lint_bytes((dir_ / name).string(), text);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  fs::path dir_;
};

TEST_F(BaselineTest, RecordedFindingsAreAcceptedWhereverTheirLinesMove) {
  const FileResult today = lint("a.xml", guide("0001"));
  ASSERT_GE(today.diagnostics.size(), 3u);
  Baseline written(dir_);
  written.record(today);
  std::string error;
  ASSERT_TRUE(written.save(dir_ / "baseline.json", &error)) << error;

  auto loaded = Baseline::load(dir_ / "baseline.json", &error);
  ASSERT_TRUE(loaded) << error;
  EXPECT_EQ(loaded->size(), written.size());
  // The same guide, everything three lines lower and re-indented: nothing is new.
  FileResult moved = lint("a.xml", guide("0001", "\n\n  \n"));
  const std::size_t before = moved.diagnostics.size();
  EXPECT_EQ(loaded->filter(moved), before);
  EXPECT_TRUE(moved.diagnostics.empty());
}

TEST_F(BaselineTest, NewFindingsAndExtraCopiesAreReported) {
  Baseline b(dir_);
  b.record(lint("a.xml", guide("0001")));
  // A different placeholder in the legal basis is a new finding; the fee basis one is not.
  FileResult changed = lint("a.xml", guide("0001", "", "详见附件"));
  b.filter(changed);
  ASSERT_FALSE(changed.diagnostics.empty());
  for (const Diagnostic& d : changed.diagnostics)
    EXPECT_EQ(d.element_id, "legal_basis") << d.message_id;

  // Accepted once, found twice: the second is new.
  Baseline once(dir_);
  const std::string two = "<guides>" + guide("0002") + guide("0002") + "</guides>";
  FileResult first = lint("b.xml", "<guides>" + guide("0002") + "</guides>");
  once.record(first);
  FileResult both = lint("b.xml", two);
  const std::size_t all = both.diagnostics.size();
  EXPECT_EQ(once.filter(both), all / 2);
  EXPECT_EQ(both.diagnostics.size(), all - all / 2);
}

TEST_F(BaselineTest, GuidesAreKnownByItemCodeElseByFileAndName) {
  Baseline b(dir_);
  b.record(lint("a.xml", guide("0001")));
  // A guide with a code is the same guide in another file (CMS exports move).
  FileResult elsewhere = lint("exports/other.xml", guide("0001"));
  b.filter(elsewhere);
  EXPECT_TRUE(elsewhere.diagnostics.empty());
  // Another code is another guide.
  FileResult other = lint("a.xml", guide("0009"));
  EXPECT_EQ(b.filter(other), 0u);

  // Without a code, the file and the item name say which guide it is.
  Baseline nocode(dir_);
  nocode.record(lint("n.xml", guide("")));
  FileResult same = lint("n.xml", guide(""));
  nocode.filter(same);
  EXPECT_TRUE(same.diagnostics.empty());
  FileResult renamed_file = lint("m.xml", guide(""));
  EXPECT_EQ(nocode.filter(renamed_file), 0u);
}

TEST_F(BaselineTest, FilesAreKeptRelativeToTheBaselinesFolder) {
  fs::create_directories(dir_ / "sub");
  Baseline b(dir_ / "sub");
  b.record(lint("n.xml", guide("")));
  std::string error;
  ASSERT_TRUE(b.save(dir_ / "sub" / "baseline.json", &error)) << error;
  std::ifstream in(dir_ / "sub" / "baseline.json");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_NE(text.find("\"file:../n.xml#设立某类事项审批\""), std::string::npos) << text;
  EXPECT_EQ(text.find(dir_.string()), std::string::npos) << text;
}

TEST_F(BaselineTest, PruneKeepsOnlyWhatWasStillFound) {
  Baseline b(dir_);
  b.record(lint("a.xml", guide("0001")));
  b.record(lint("c.xml", guide("0003")));
  const std::size_t all = b.size();
  FileResult a = lint("a.xml", guide("0001"));
  b.filter(a);
  b.prune();
  EXPECT_LT(b.size(), all);
  EXPECT_GT(b.size(), 0u);
  FileResult c = lint("c.xml", guide("0003"));
  EXPECT_EQ(b.filter(c), 0u);  // 0003's entries went
}

TEST_F(BaselineTest, FatalFindingsAreNeverAccepted) {
  Baseline b(dir_);
  const FileResult broken = lint("x.xml", "<guide><name>");
  ASSERT_TRUE(broken.fatal());
  b.record(broken);
  EXPECT_EQ(b.size(), 0u);
  FileResult again = lint("x.xml", "<guide><name>");
  EXPECT_EQ(b.filter(again), 0u);
  EXPECT_TRUE(again.fatal());
}

TEST_F(BaselineTest, BrokenBaselineFilesSayWhereAndWhy) {
  std::string error;
  EXPECT_FALSE(Baseline::load(dir_ / "none.json", &error));
  EXPECT_NE(error.find("none.json: "), std::string::npos) << error;

  write("broken.json", "{\n  \"version\": 1,\n  \"entries\": [\n    {\"guide\": \"x\",,}\n");
  EXPECT_FALSE(Baseline::load(dir_ / "broken.json", &error));
  EXPECT_NE(error.find("broken.json:4:"), std::string::npos) << error;
  EXPECT_NE(error.find("not JSON"), std::string::npos) << error;

  write("v2.json", "{\"version\": 2, \"entries\": []}");
  EXPECT_FALSE(Baseline::load(dir_ / "v2.json", &error));
  EXPECT_NE(error.find("version 2"), std::string::npos) << error;

  write("entry.json",
        "{\"version\": 1, \"entries\": [{\"guide\": \"g\", \"rule\": \"r\", \"hash\": \"h\", "
        "\"count\": 1}, {\"guide\": \"g\", \"rule\": 5, \"hash\": \"h\", \"count\": 1}]}");
  EXPECT_FALSE(Baseline::load(dir_ / "entry.json", &error));
  EXPECT_NE(error.find("entry 2"), std::string::npos) << error;

  write("empty.json", "");
  EXPECT_FALSE(Baseline::load(dir_ / "empty.json", &error));
  EXPECT_NE(error.find("not JSON"), std::string::npos) << error;

  write("ok.json", "{\"version\": 1, \"entries\": []}");
  const auto ok = Baseline::load(dir_ / "ok.json", &error);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->size(), 0u);
}

}  // namespace
}  // namespace guidelint
