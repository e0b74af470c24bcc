// The filter stage: a file's inline suppressions applied to its findings.
#pragma once

#include <vector>

#include "guidelint/guidelint.hpp"
#include "parse/directives.hpp"

namespace guidelint::rules {

// Drops the findings the directives cover (by the place a finding points at) and adds a
// "suppression" warning for each directive, or rule id in it, that names no rule or covers no
// finding. `rules` are the engine's rule instances; only their findings can be suppressed.
void apply_suppressions(const std::vector<parse::Directive>& directives,
                        const std::vector<Guide>& guides, const std::vector<RuleInfo>& rules,
                        std::vector<Diagnostic>& diagnostics);

}  // namespace guidelint::rules
