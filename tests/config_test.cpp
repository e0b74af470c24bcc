#include <gtest/gtest.h>

#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "config/builtin.hpp"
#include "config/yaml_util.hpp"
#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

struct Problem {
  std::string file;
  std::string message_id;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string suggestion;
};

std::vector<Problem> problems(const EngineResult& r) {
  std::vector<Problem> out;
  for (const FileResult& f : r.problems) {
    for (const Diagnostic& d : f.diagnostics) {
      Problem p;
      p.file = f.source->name();
      p.message_id = d.message_id;
      if (d.span) {
        const Position pos = f.source->position(d.span->begin);
        p.line = pos.line;
        p.column = pos.column;
      }
      for (const Arg& a : d.args) {
        if (a.name == "suggestion") p.suggestion = std::get<std::string>(a.value);
      }
      EXPECT_EQ(d.rule_id, "config-error");
      EXPECT_TRUE(d.fatal);
      out.push_back(p);
    }
  }
  return out;
}

EngineResult from(std::string_view yaml) {
  return Engine::from_yaml(yaml, "cfg.yaml", ".");
}

const RuleInfo* rule(const EngineResult& r, std::string_view id) {
  for (const RuleInfo& info : r.engine->rules()) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

TEST(Config, BuiltinNationalPackBuilds) {
  const EngineResult r = Engine::builtin("national");
  ASSERT_TRUE(r.engine) << (r.problems.empty() ? "" : render_message(r.problems[0].diagnostics[0]));
  std::vector<std::string> ids;
  for (const RuleInfo& info : r.engine->rules())
    ids.push_back(info.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"abolished-item", "contact-format", "delegated-item",
                                           "fee-basis", "legal-basis-citation", "link-to-homepage",
                                           "placeholder-content", "post-approval-precondition",
                                           "required-element", "stale-content", "thin-content",
                                           "time-limit-format"}));
  EXPECT_EQ(rule(r, "required-element")->severity, Severity::error);
  EXPECT_EQ(rule(r, "delegated-item")->severity, Severity::warning);
}

TEST(Config, EmptyConfigMeansTheNationalPack) {
  const EngineResult r = from("");
  ASSERT_TRUE(r.engine);
  EXPECT_EQ(r.engine->rules().size(), Engine::builtin().engine->rules().size());
}

TEST(Config, SeverityOverride) {
  const EngineResult r = from("rules:\n  required-element: warning\n");
  ASSERT_TRUE(r.engine);
  EXPECT_EQ(rule(r, "required-element")->severity, Severity::warning);
  const EngineResult off = from("extends: national\nrules:\n  required-element: {severity: off}\n");
  ASSERT_TRUE(off.engine);
  EXPECT_EQ(rule(off, "required-element"), nullptr);
  EXPECT_EQ(off.engine->rules().size(), r.engine->rules().size() - 1);
}

TEST(Config, UnknownKeyNamesLineColumnAndSuggestion) {
  const auto p = problems(from("extends: national\nrulse:\n  required-element: warning\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].file, "cfg.yaml");
  EXPECT_EQ(p[0].message_id, "config.unknown-key");
  EXPECT_EQ(p[0].line, 2u);
  EXPECT_EQ(p[0].column, 1u);
  EXPECT_EQ(p[0].suggestion, "rules");
}

// A "billion laughs": nine levels of nine aliases stand for 9^9 phrases in a few hundred bytes.
// Refused at the alias that crosses the limit, before anything walks the expansion.
TEST(Config, AliasesThatExpandPastTheLimitAreRefused) {
  std::string yaml =
      "x0: &a0 [相关法规, 相关法规, 相关法规, 相关法规, 相关法规, 相关法规, 相关法规, 相关法规, "
      "相关法规]\n";
  for (int i = 1; i <= 8; ++i) {
    yaml += "x" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k)
      yaml += (k ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  yaml += "rules:\n  placeholder-content:\n    options:\n      phrases:\n        default: *a8\n";
  const auto p = problems(from(yaml));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.yaml-too-large");
  EXPECT_EQ(p[0].line, 7u);  // the level where the expansion first passes two million nodes

  // Aliases used as configs use them (the national pack shares its phrase lists) are fine.
  const auto ok = from(
      "rules:\n  placeholder-content:\n    options:\n      phrases:\n"
      "        default: &p [相关法规, 详见附件]\n        fees: *p\n");
  EXPECT_TRUE(ok.engine) << (ok.problems.empty() ? "" : ok.problems[0].diagnostics[0].message_id);
}

TEST(Config, UnknownRuleIdWithSuggestion) {
  const auto p = problems(from("rules:\n  requred-element: error\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.unknown-rule");
  EXPECT_EQ(p[0].line, 2u);
  EXPECT_EQ(p[0].column, 3u);
  EXPECT_EQ(p[0].suggestion, "required-element");
}

TEST(Config, InvalidSeverity) {
  const auto p = problems(from("rules:\n  required-element: eror\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.invalid-severity");
  EXPECT_EQ(p[0].column, 21u);
  EXPECT_EQ(p[0].suggestion, "error");
}

TEST(Config, WrongTypes) {
  auto p = problems(from("rules: [required-element]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.wrong-type");
  p = problems(from("- a\n- b\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.wrong-type");
  p = problems(from("rules:\n  required-element:\n    options: [a]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.wrong-type");
  EXPECT_EQ(p[0].line, 3u);
}

TEST(Config, YamlSyntaxErrorHasAPosition) {
  const auto p = problems(from("rules:\n  required-element: [error\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.yaml-syntax");
  EXPECT_GE(p[0].line, 2u);
}

TEST(Config, UnknownPackAndDuplicateKeys) {
  auto p = problems(from("extends: natonal\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.unknown-pack");
  EXPECT_EQ(p[0].suggestion, "national");
  p = problems(from("rules:\n  required-element: error\n  required-element: warning\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.duplicate-key");
  EXPECT_EQ(p[0].line, 3u);
}

TEST(Config, RuleOptionsAreChecked) {
  auto p = problems(from("rules:\n  required-element:\n    options:\n      elemnts: [fees]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.unknown-key");
  EXPECT_EQ(p[0].suggestion, "elements");
  p = problems(from("rules:\n  required-element:\n    options:\n      exclude: [fess]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.unknown-element");
  EXPECT_EQ(p[0].line, 4u);
  EXPECT_EQ(p[0].column, 17u);
  EXPECT_EQ(p[0].suggestion, "fees");
}

TEST(Config, AnEmptyOptionListIsAnErrorNotASilentlyDisabledRule) {
  for (const char* yaml : {"rules:\n  required-element:\n    options: {elements: }\n",
                           "rules:\n  required-element:\n    options:\n      exclude:\n"}) {
    const auto p = problems(from(yaml));
    ASSERT_EQ(p.size(), 1u) << yaml;
    EXPECT_EQ(p[0].message_id, "config.wrong-type") << yaml;
  }
}

TEST(Config, EveryProblemIsReportedInOneRun) {
  const auto p =
      problems(from("extends: national\nrules:\n  x: error\n  x: warning\n"
                    "  y:\n    type: nope\n  required-element: eror\n"));
  std::vector<std::string> ids;
  for (const Problem& q : p)
    ids.push_back(q.message_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"config.duplicate-key", "config.invalid-severity",
                                           "config.unknown-rule", "config.unknown-rule-type"}));
}

TEST(Config, NewRuleInstancesNeedAKnownType) {
  ASSERT_TRUE(from("rules:\n  fees-required:\n    type: required-element\n    severity: warning\n"
                   "    options: {elements: [fees]}\n")
                  .engine);
  const auto p = problems(from("rules:\n  fees-required:\n    type: required-elemnt\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.unknown-rule-type");
  EXPECT_EQ(p[0].line, 3u);
  EXPECT_EQ(p[0].column, 11u);
  EXPECT_EQ(p[0].suggestion, "required-element");
}

class ConfigFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::temp_dir("config");
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "sub");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(ConfigFiles, ExtendsAFileRelativeToTheConfig) {
  write("base.yaml", "rules:\n  required-element: info\n");
  write("sub/.guidelint.yaml", "extends: [national, ../base.yaml]\n");
  const EngineResult r = Engine::from_file(dir_ / "sub/.guidelint.yaml");
  ASSERT_TRUE(r.engine);
  EXPECT_EQ(rule(r, "required-element")->severity, Severity::info);
}

TEST_F(ConfigFiles, ExtendsCycleIsAnError) {
  write("a.yaml", "extends: b.yaml\n");
  write("b.yaml", "extends: a.yaml\n");
  const auto p = problems(Engine::from_file(dir_ / "a.yaml"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.extends-cycle");
  EXPECT_EQ(p[0].line, 1u);
  EXPECT_EQ(p[0].column, 10u);
}

TEST_F(ConfigFiles, MissingFiles) {
  EXPECT_EQ(problems(Engine::from_file(dir_ / "nope.yaml"))[0].message_id, "config.unreadable");
  write("c.yaml", "extends: ./missing.yaml\nprofile: ./missing-profile.yaml\n");
  const auto p = problems(Engine::from_file(dir_ / "c.yaml"));
  ASSERT_GE(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.unreadable");
  EXPECT_EQ(p[0].line, 1u);
}

TEST_F(ConfigFiles, CustomProfile) {
  write("p.yaml",
        "name: tiny\nelements:\n  name: {name: 事项名称, required: true}\n"
        "  fees: {name: 收费标准, required: true, labels: [费用]}\n");
  write("c.yaml", "profile: ./p.yaml\n");
  const EngineResult r = Engine::from_file(dir_ / "c.yaml");
  ASSERT_TRUE(r.engine);
  // The profile's own label names the element: required-element finds it (the other rules of
  // the national pack run too, on the elements this profile has).
  const auto required = [&](std::string xml) {
    const FileResult f =
        r.engine->lint(std::make_shared<const Source>("g.xml", std::move(xml)), {});
    return std::count_if(f.diagnostics.begin(), f.diagnostics.end(),
                         [](const Diagnostic& d) { return d.rule_id == "required-element"; });
  };
  EXPECT_EQ(required("<guide><name>x</name><a label=\"费 用\">10元</a></guide>"), 0);
  EXPECT_EQ(required("<guide><name>x</name></guide>"), 1);
}

TEST_F(ConfigFiles, FindConfigSearchesUpward) {
  write(".guidelint.yaml", "rules: {}\n");
  const auto found = find_config(dir_ / "sub");
  ASSERT_TRUE(found);
  EXPECT_TRUE(std::filesystem::equivalent(*found, dir_ / ".guidelint.yaml"));
}

// Every broken config in fixtures/broken-configs says what it must produce in "# expect: FILE
// MESSAGE-ID LINE:COLUMN" lines: the engine is not built, and exactly those problems come out, at
// those places, whatever file (an extended config, a catalog) they are in. Configs take literal
// phrases, folded, never regular expressions, so there is no invalid-regex case to have.
TEST(Config, BrokenConfigsReportEachProblemWhereItIs) {
  const std::filesystem::path dir = std::filesystem::path(GUIDELINT_FIXTURES) / "broken-configs";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::size_t checked = 0;
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file);
    std::vector<std::string> expected;
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with("# expect: ")) expected.push_back(line.substr(10));
    }
    if (expected.empty()) continue;  // a file the others extend
    ++checked;
    const EngineResult r = Engine::from_file(file);
    EXPECT_FALSE(r.engine) << file.filename();
    std::vector<std::string> got;
    for (const FileResult& f : r.problems) {
      const std::string name =
          std::filesystem::path(f.source->name()).lexically_relative(dir).generic_string();
      for (const Diagnostic& d : f.diagnostics) {
        EXPECT_EQ(d.rule_id, "config-error");
        EXPECT_TRUE(d.fatal);
        // Every problem reads as a sentence, not as its id.
        EXPECT_NE(render_message(d, "en"), d.message_id);
        const Position p = f.source->position(d.span ? d.span->begin : 0);
        got.push_back(name + " " + d.message_id + " " + std::to_string(p.line) + ":" +
                      std::to_string(p.column));
      }
    }
    EXPECT_EQ(got, expected) << file.filename();
  }
  EXPECT_GE(checked, 14u);
}

// Every event a YAML parser sends, as text: kind, mark, tag, anchor, style and value.
class Recorder : public YAML::EventHandler {
 public:
  std::vector<std::string> events;

  void OnDocumentStart(const YAML::Mark& m) override { add("document", m); }
  void OnDocumentEnd() override { events.emplace_back("document end"); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { add("null &" + id(a), m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override { add("alias *" + id(a), m); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string& value) override {
    add("scalar " + tag + " &" + id(a) + " [" + value + "]", m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value style) override {
    add("sequence " + tag + " &" + id(a) + " style " + id(style), m);
  }
  void OnSequenceEnd() override { events.emplace_back("sequence end"); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value style) override {
    add("map " + tag + " &" + id(a) + " style " + id(style), m);
  }
  void OnMapEnd() override { events.emplace_back("map end"); }
  void OnAnchor(const YAML::Mark& m, const std::string& name) override { add("anchor " + name, m); }

 private:
  static std::string id(std::size_t n) { return std::to_string(n); }
  void add(const std::string& what, const YAML::Mark& m) {
    events.push_back(what + " at " + id(m.pos) + " " + id(m.line) + ":" + id(m.column));
  }
};

std::vector<std::string> yaml_cpp_events(std::string_view text) {
  Recorder r;
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  while (parser.HandleNextDocument(r)) {
  }
  return r.events;
}

// The two trees alike in every field config code reads or emits, aliases included: the same
// node met twice in one is met twice, at the same places, in the other.
void expect_same_nodes(const YAML::Node& a, const YAML::Node& b, std::vector<YAML::Node>& seen_a,
                       std::vector<YAML::Node>& seen_b, const std::string& where) {
  ASSERT_EQ(a.Type(), b.Type()) << where;
  EXPECT_EQ(a.Mark().pos, b.Mark().pos) << where;
  EXPECT_EQ(a.Mark().line, b.Mark().line) << where;
  EXPECT_EQ(a.Mark().column, b.Mark().column) << where;
  if (!a.IsDefined() || a.IsNull()) return;
  EXPECT_EQ(a.Tag(), b.Tag()) << where;
  EXPECT_EQ(a.Style(), b.Style()) << where;
  const auto first = [](const std::vector<YAML::Node>& seen, const YAML::Node& n) {
    for (std::size_t k = 0; k < seen.size(); ++k) {
      if (seen[k].is(n)) return k;
    }
    return seen.size();
  };
  const std::size_t ka = first(seen_a, a);
  EXPECT_EQ(ka, first(seen_b, b)) << where;
  if (ka < seen_a.size()) return;
  seen_a.push_back(a);
  seen_b.push_back(b);
  if (a.IsScalar()) {
    EXPECT_EQ(a.Scalar(), b.Scalar()) << where;
    return;
  }
  ASSERT_EQ(a.size(), b.size()) << where;
  auto ib = b.begin();
  std::size_t k = 0;
  for (auto ia = a.begin(); ia != a.end(); ++ia, ++ib, ++k) {
    const std::string at = where + "/" + std::to_string(k);
    if (a.IsSequence()) {
      expect_same_nodes(*ia, *ib, seen_a, seen_b, at);
    } else {
      expect_same_nodes(ia->first, ib->first, seen_a, seen_b, at + "(key)");
      expect_same_nodes(ia->second, ib->second, seen_a, seen_b, at);
    }
  }
}

// The plain reader is what every bundled pack, profile, catalog and audit model is read with:
// it must send what yaml-cpp's parser sends, mark for mark, and build the same nodes.
TEST(ReadPlain, EveryBundledFileReadsAsYamlCppReadsIt) {
  std::size_t checked = 0;
  for (const builtin::File& f : builtin::files()) {
    if (!f.path.ends_with(".yaml") || f.path.starts_with("messages/")) continue;
    ++checked;
    Recorder plain;
    ASSERT_TRUE(config::read_plain(f.bytes, plain)) << f.path << " is not in the plain subset";
    EXPECT_EQ(plain.events, yaml_cpp_events(f.bytes)) << f.path;

    config::NodeBuilder builder;
    ASSERT_TRUE(config::read_plain(f.bytes, builder));
    std::vector<YAML::Node> seen_a, seen_b;
    expect_same_nodes(builder.root(), YAML::Load(std::string(f.bytes)), seen_a, seen_b,
                      std::string(f.path));
  }
  EXPECT_GE(checked, 6u);
}

// Texts at the edges of the subset: each is either given up (and read by yaml-cpp) or read
// exactly as yaml-cpp reads it.
TEST(ReadPlain, GivesUpOnWhatItCannotReadExactly) {
  const std::vector<std::pair<std::string, bool>> cases = {
      // {text, whether the plain reader reads it}
      {"a: 1\nb: [x, y]\n", true},
      {"a:\n  - x\n  - k: v\n    l: w\n", true},
      {"a: &p [x, 'y''s', \"q\\\"\"]\nb: *p\nc: {k: v, l: [1, 2]}\n", true},
      {"a: x # comment\n# comment\nb: ~\nc: null\n", true},
      {"a: [x,\n    y]\n", true},
      {"a: http://example.org/x?y=1\n", true},
      {"a: \" x \"\nb: ''\nc: \"\"\nd: 'a\"b'\n", true},
      {"a: 'it''s ''x'''\nb: \"q\\\"x\\\\y\\\"\"\nc: ['a''', \"\\\\\"]\n", true},
      {"a: 'x''\n", false},
      {"a: \"x\\\n", false},
      {"a: \"x\\\"\n", false},
      {"  a: 1\n  b: {k: [x, y], l: z}\n", true},
      {"\xEF\xBB\xBF"
       "a: x\n",
       false},
      {"a: x\x04y\n", false},
      {std::string(600, '[') + std::string(600, ']') + "\n", false},
      {std::string(1100, 'k') + ": x\n", false},
      {"- a\n- b: c\n", true},
      {"a: plain\n  continued\n", false},
      {"a: plain\n    # deeper comment\nb: c\n", false},
      {"a:\nb: c\n", false},
      {"a: b: c\n", false},
      {"a: \"x\\ty\"\n", false},
      {"a: 'multi\n  line'\n", false},
      {"a: |\n  block\n", false},
      {"a: !tag x\n", false},
      {"a:\n- x\n", false},
      {"a: [x\n  y]\n", false},
      {"a: [x, ]\n", false},
      {"a: [x?]\n", false},
      {"a: {k}\n", false},
      {"a: *missing\n", false},
      {"a: x\n---\nb: y\n", false},
      {"a:\tx\n", false},
      {"a: x\r\n", false},
      {"a: -x\n", false},
      {"null: x\n", false},
      {"a: x\n b: y\n", false},
      {"", false},
  };
  for (const auto& [text, plain] : cases) {
    Recorder r;
    const bool read = config::read_plain(text, r);
    EXPECT_EQ(read, plain) << text;
    if (read) {
      EXPECT_EQ(r.events, yaml_cpp_events(text)) << text;
    }
  }
}

// Texts made at random of the pieces configs are written with, at random depths: whatever the
// plain reader reads it must read as yaml-cpp does.
TEST(ReadPlain, AgreesWithYamlCppOnRandomTexts) {
  const std::vector<std::string> keys = {"a", "b-c", "d_e", "1", "null", "x.y", "节点"};
  const std::vector<std::string> values = {"x",
                                           "y z",
                                           "~",
                                           "null",
                                           "'q''s'",
                                           "\"d\\\"q\"",
                                           "[x, y]",
                                           "{k: v}",
                                           "*p",
                                           "&p v",
                                           "&p [x]",
                                           "http://a/b",
                                           "-x",
                                           "x #c",
                                           "x:y",
                                           "x: y",
                                           "[x,\n  y]",
                                           "[x, {k: [y]}]",
                                           "\"\"",
                                           "''",
                                           "[]",
                                           "{}",
                                           "[x, ]",
                                           "[a: b]",
                                           "{k}",
                                           "\"a\\tb\"",
                                           "x  ",
                                           "'a\n  b'",
                                           "&p\n  [x]",
                                           "[x?]",
                                           "[*p]",
                                           "x # c: d",
                                           "[\"a\", 'b']",
                                           "?x",
                                           "|\n  t",
                                           "'a' b",
                                           "[a] b",
                                           "*p b",
                                           "&p",
                                           "x\\y",
                                           "{k: v, l: *p}",
                                           "[&p x]",
                                           "\"a\" # c",
                                           "a,b",
                                           "[a,b]",
                                           "{k: }",
                                           "[x\n]",
                                           "x\n\n  y"};
  std::mt19937 random(20261127);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  std::size_t read = 0;
  for (int n = 0; n < 4000; ++n) {
    std::string text;
    const int lines = std::uniform_int_distribution<int>(1, 8)(random);
    for (int l = 0; l < lines; ++l) {
      text += std::string(std::uniform_int_distribution<std::size_t>(0, 3)(random) * 2, ' ');
      switch (std::uniform_int_distribution<int>(0, 6)(random)) {
        case 0:
          text += pick(keys) + ":";
          break;
        case 1:
          text += "- " + pick(values);
          break;
        case 2:
          text += "- " + pick(keys) + ": " + pick(values);
          break;
        case 3:
          text += "# " + pick(values);
          break;
        default:
          text += pick(keys) + ": " + pick(values);
      }
      text += '\n';
    }
    Recorder plain;
    if (!config::read_plain(text, plain)) continue;
    ++read;
    std::vector<std::string> expected;
    try {
      expected = yaml_cpp_events(text);
    } catch (const YAML::Exception& e) {
      ADD_FAILURE() << "yaml-cpp refuses what the plain reader read: " << e.what() << "\n" << text;
      continue;
    }
    EXPECT_EQ(plain.events, expected) << text;
  }
  EXPECT_GT(read, 200u);
}

// What yaml-cpp reports of a text outside the subset is kept, position and all.
TEST(ReadPlain, SyntaxErrorsStillComeFromYamlCpp) {
  const auto p = problems(from("rules:\n  thin-content: [a\n  b: c\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message_id, "config.yaml-syntax");
}

}  // namespace
}  // namespace guidelint
