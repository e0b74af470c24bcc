// Resource limits: the `limits:` config section, and each limit refusing what is past it with a
// diagnostic that says which limit and where.
#include <gtest/gtest.h>

#include "config/limits.hpp"

namespace guidelint {
namespace {

struct Read {
  config::Limits limits;
  std::vector<std::string> problems;  // "message-id@line:column"
};

Read read_limits(std::string_view yaml) {
  auto source = std::make_shared<const Source>("limits.yaml", std::string(yaml));
  config::Problems problems;
  const config::YamlFile file{source, &problems};
  Read out;
  if (auto root = config::load(file))
    config::read_limits(file, config::get(*root, "limits"), out.limits);
  for (const FileResult& f : problems.take()) {
    for (const Diagnostic& d : f.diagnostics) {
      const Position p = f.source->position(d.span ? d.span->begin : 0);
      out.problems.push_back(d.message_id + "@" + std::to_string(p.line) + ":" +
                             std::to_string(p.column));
    }
  }
  return out;
}

TEST(LimitsConfig, NamedLimitsMoveAndTheOthersKeepTheirDefaults) {
  const Read r = read_limits("limits:\n  depth: 64\n  input_bytes: 8MiB\n  guides_per_file: 5\n");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.limits.depth, 64u);
  EXPECT_EQ(r.limits.input_bytes, 8u << 20);
  EXPECT_EQ(r.limits.guides_per_file, 5u);
  EXPECT_EQ(r.limits.findings_per_guide, config::Limits{}.findings_per_guide);
  EXPECT_EQ(r.limits.docx_ratio, config::Limits{}.docx_ratio);
}

TEST(LimitsConfig, BadValuesAndUnknownKeysAreReportedWhereTheyAre) {
  const Read r = read_limits(
      "limits:\n"
      "  depth: 0\n"
      "  input_bytes: 5GiB\n"
      "  guides_per_file: many\n"
      "  findings_per_guide: [1]\n"
      "  docx_ratios: 10\n");
  EXPECT_EQ(r.problems,
            (std::vector<std::string>{"config.unknown-key@6:3", "config.invalid-limit@3:16",
                                      "config.invalid-limit@2:10", "config.invalid-limit@4:20",
                                      "config.invalid-limit@5:23"}));
  EXPECT_EQ(r.limits.depth, config::Limits{}.depth);
  EXPECT_EQ(r.limits.input_bytes, config::Limits{}.input_bytes);
}

}  // namespace
}  // namespace guidelint
