// What the parser and rule tests share: reading fixtures, linting them, finding an
// element and the text a span covers.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint::testing {

// A folder for the running test in the system's temporary folder, named after the test and the
// process: test runs side by side (from two build folders) must not share one.
inline std::filesystem::path temp_dir(const std::string& what) {
  return std::filesystem::temp_directory_path() /
         ("guidelint-" + what + "-" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
          std::to_string(::getpid()));
}

// The bytes of tests/fixtures/<name>.
inline std::string read_fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(GUIDELINT_FIXTURES) / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// Lints bytes under a name (which chooses the format) with the built-in national pack.
inline FileResult lint_bytes(const std::string& name, std::string bytes) {
  static const std::shared_ptr<const Engine> engine = Engine::builtin().engine;
  return engine->lint(std::make_shared<const Source>(name, std::move(bytes)), {});
}

inline FileResult lint_fixture(const std::string& name) {
  return lint_bytes(name, read_fixture(name));
}

// The same with the national profile and only the rule that reads structure, required-element:
// parser tests check what was recognised, not the content rules (which have tests of their own).
inline FileResult parse_bytes(const std::string& name, std::string bytes) {
  static const std::shared_ptr<const Engine> engine =
      Engine::from_yaml("extends: []\nprofile: national\nrules:\n  required-element: error\n",
                        "parser-tests.yaml", ".")
          .engine;
  return engine->lint(std::make_shared<const Source>(name, std::move(bytes)), {});
}

inline FileResult parse_fixture(const std::string& name) {
  return parse_bytes(name, read_fixture(name));
}

// The first element with this id in a guide; fails the test when there is none.
inline const Element& element_of(const Guide& guide, std::string_view id) {
  static const Element none;
  const Element* e = guide.find(id);
  EXPECT_NE(e, nullptr) << "no element " << id;
  return e != nullptr ? *e : none;
}

// The same in the first guide of a result.
inline const Element& element_of(const FileResult& r, std::string_view id) {
  static const Element none;
  if (r.guides.empty()) {
    ADD_FAILURE() << "no guide";
    return none;
  }
  return element_of(r.guides[0], id);
}

// The text of the Source that a span covers.
inline std::string_view text_at(const FileResult& r, Span s) {
  return r.source->text().substr(s.begin, s.end - s.begin);
}

// Line and column of an offset.
inline std::pair<std::uint32_t, std::uint32_t> line_column(const FileResult& r,
                                                           std::uint32_t offset) {
  const Position p = r.source->position(offset);
  return {p.line, p.column};
}

// The value of a finding's argument as text ("<none>" when it has no such argument).
inline std::string arg_of(const Diagnostic& d, std::string_view name) {
  for (const Arg& a : d.args) {
    if (a.name != name) continue;
    if (const auto* s = std::get_if<std::string>(&a.value)) return *s;
    return std::to_string(std::get<std::int64_t>(a.value));
  }
  return "<none>";
}

// The text a finding points at.
inline std::string_view text_of(const FileResult& r, const Diagnostic& d) {
  return r.source->text().substr(d.span->begin, d.span->end - d.span->begin);
}

// The findings of one rule, in order.
inline std::vector<const Diagnostic*> findings_of(const FileResult& r, std::string_view rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == rule) out.push_back(&d);
  }
  return out;
}

// The built-in national pack, built once.
inline const Engine& national_engine() {
  static const EngineResult r = Engine::builtin();
  return *r.engine;
}

// Lints text with an engine (the built-in national pack unless told) under a name that chooses
// the format, as on the day the linter runs.
inline FileResult lint_text(const std::string& text, const Engine& e = national_engine(),
                            const std::string& name = "g.txt") {
  return e.lint(std::make_shared<const Source>(name, text), {});
}

// An engine from a config that must build (the test fails, naming the first problem, if not).
inline std::shared_ptr<const Engine> engine_from(std::string_view yaml) {
  EngineResult r = Engine::from_yaml(yaml, "cfg.yaml", ".");
  EXPECT_TRUE(r.engine) << (r.problems.empty() || r.problems[0].diagnostics.empty()
                                ? std::string("no engine")
                                : render_message(r.problems[0].diagnostics[0], "en"));
  return r.engine;
}

// The problems of a config that must not build: "message-id message" in English, in order.
inline std::vector<std::string> config_errors(std::string_view yaml) {
  const EngineResult r = Engine::from_yaml(yaml, "cfg.yaml", ".");
  EXPECT_FALSE(r.engine);
  std::vector<std::string> out;
  for (const FileResult& f : r.problems) {
    for (const Diagnostic& d : f.diagnostics)
      out.push_back(d.message_id + " " + render_message(d, "en"));
  }
  return out;
}

// Lints each probe with both engines and expects the same findings of `rule` (message, place,
// review state); returns how many there were, so a test can see the probes found something.
inline std::size_t expect_same_findings(const Engine& a, const Engine& b, std::string_view rule,
                                        const std::vector<std::string>& probes) {
  std::size_t found = 0;
  for (const std::string& text : probes) {
    const FileResult ra = a.lint(std::make_shared<const Source>("g.txt", text), {});
    const FileResult rb = b.lint(std::make_shared<const Source>("g.txt", text), {});
    const auto ha = findings_of(ra, rule);
    const auto hb = findings_of(rb, rule);
    EXPECT_EQ(ha.size(), hb.size()) << text;
    for (std::size_t k = 0; k < std::min(ha.size(), hb.size()); ++k) {
      EXPECT_EQ(ha[k]->message_id, hb[k]->message_id) << text;
      EXPECT_EQ(ha[k]->span, hb[k]->span) << text;
      EXPECT_EQ(ha[k]->needs_review, hb[k]->needs_review) << text;
    }
    found += ha.size();
  }
  return found;
}

}  // namespace guidelint::testing
