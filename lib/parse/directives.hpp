// Inline suppressions written in guides: <!-- guidelint-disable rule-id -->, a
// "# guidelint-disable rule-id" line in text, a "guidelint-disable" field in a JSON record.
// Parsers find them where their format keeps comments; the engine applies them to findings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint::parse {

struct Directive {
  enum class Kind {
    disable,               // from here to a matching enable (or the end of the file)
    enable,                // ends a disable
    disable_next_element,  // the next element (or guide) only
    disable_record,        // a JSON record's field: that record
  };
  struct Rule {
    std::string id;
    Span span;  // where the id is written
  };
  Kind kind = Kind::disable;
  std::vector<Rule> rules;  // empty: every rule
  Span span;                // the whole comment, line or field
  Span scope;               // disable_record: the record
};

// Reads the text of a comment ("guidelint-disable a, b -- why") whose first byte is at `at` in
// the Source; `span` is the whole comment. nullopt when the comment is not a directive. Ids are
// separated by commas or spaces; "--" starts a free explanation, as in ESLint.
std::optional<Directive> read_directive(std::string_view comment, std::uint32_t at, Span span);

}  // namespace guidelint::parse
