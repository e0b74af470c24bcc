// Lints one guide through the C++ API.
#include <guidelint/guidelint.hpp>

#include <iostream>
#include <memory>

int main() {
  const guidelint::EngineResult built = guidelint::Engine::builtin();
  if (!built.engine) return 2;
  auto source = std::make_shared<const guidelint::Source>(
      "guide.xml",
      "<guide><name>设立某类事项审批</name><legal_basis>相关法规</legal_basis></guide>");
  const guidelint::FileResult result = built.engine->lint(source, {});
  for (const guidelint::Diagnostic& d : result.diagnostics) {
    if (d.rule_id != "placeholder-content") continue;
    const guidelint::Position p = source->position(d.span->begin);
    std::cout << "cpp " << p.line << ':' << p.column << ' ' << d.rule_id << '\n';
  }
  std::cout << "cpp errors=" << result.count(guidelint::Severity::error) << '\n';
  return result.count(guidelint::Severity::error) > 0 ? 0 : 1;
}
