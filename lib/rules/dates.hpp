// Dates as guides write them (2023-05-06, 2023年5月6日, 二〇二三年五月六日, 20230506, Unix times,
// a month, a year), and where a guide says it was last updated. The stale-content rule and the
// audit's content-age figures both read a guide's date through here.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "config/profile.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint::rules::dates {

// A written date as the range of days it can be: a day, or only a month or a year.
struct WrittenDate {
  Date earliest;
  Date latest;
};

struct Parsed {
  WrittenDate date;
  std::size_t begin = 0;  // the date's characters in the text (a time after it left out)
  std::size_t end = 0;
};

// Reads the date a text starts with (spaces before it skipped), with a time of day or words
// after it; nullopt when it does not start with one, or with one before 1990.
std::optional<Parsed> parse_date(std::string_view text);

std::int64_t days_between(Date from, Date to);

// Where a guide says it was updated, and what it writes there (pointing into the guide).
struct Found {
  std::string_view written;
  Span span;
};

// The date the parser read for the guide (an XML attribute, a JSON field, a 更新时间 line), else
// an element that a label of that field names, or such a label followed by a date inside an
// element's text ("事项编码：… 更新时间：2024-07-20" on one line of a page).
std::optional<Found> find_update_date(const Guide& guide, const config::Profile& profile);

// Without blanks at either end.
std::string_view trim(std::string_view s);

}  // namespace guidelint::rules::dates
