// Shared between the audit's aggregation and its formatters: localized labels, number
// formatting, the names of things.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "guidelint/audit.hpp"

namespace guidelint::audit {

// A label of the reports (rules/messages/<locale>/audit.yaml), "audit." + id.
std::string label(std::string_view id, std::string_view locale, std::vector<Arg> args = {});

// A share as the JSON writes it: a fraction with four decimals ("0.8125"); "0" for 0/0.
std::string fraction(std::size_t part, std::size_t whole);
// A share as people read it: "81.3%"; "—" for 0/0.
std::string percent(std::size_t part, std::size_t whole);

// The element and category names the built-in national profile gives ids, for elements no
// finding named.
std::string element_name(std::string_view id);

// The element states a census category can be missing in.
enum class ElementState : std::uint8_t { present = 0, placeholder = 1, empty = 2, missing = 3 };

}  // namespace guidelint::audit
