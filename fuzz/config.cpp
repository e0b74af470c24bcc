// Config YAML: every key, type and reference a config can hold. A config that builds lints a
// small guide, so that options that pass checking are also exercised.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace guidelint;
  const EngineResult built = Engine::from_yaml(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml", "/nonexistent");
  for (const FileResult& problem : built.problems)
    fuzz::report(problem);
  if (built.engine) {
    static const std::string guide =
        "<guide code=\"1\"><name>设立水利旅游项目审批</name><legal_basis>相关法规</legal_basis>"
        "<materials><item>申请书</item><item>其他材料</item></materials>"
        "<fees>不收费</fees><procedure>申请-审核-发证</procedure></guide>";
    LintOptions options;
    options.as_of = Date{2025, 6, 30};
    fuzz::report(built.engine->lint(std::make_shared<const Source>("g.xml", guide), options));
    (void)built.engine->effective_config("g.xml");
  }
  return 0;
}
