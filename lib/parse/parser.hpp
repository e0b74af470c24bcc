// Parsers: one per input format, each turning a Source into Guides. A parser records what is
// there and where; it never decides what is wrong with a guide (that is for rules). Problems
// with the input itself (not well-formed, no guide in it) are fatal "parse-error" diagnostics.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "config/limits.hpp"
#include "config/profile.hpp"
#include "guidelint/guidelint.hpp"
#include "parse/directives.hpp"

namespace guidelint::parse {

struct Output;

// What a parser may consult: the profile, to recognise labels in formats that only have labels
// (HTML pages, text, Word documents), and field names in JSON exports; the limits on nesting,
// guides and unpacked sizes.
struct Context {
  const config::Profile& profile;
  const config::Limits& limits = config::default_limits();

  // Is there room for one more guide in `out`? When not, says so once (not fatal: the guides
  // before are linted) at `next`, where the first guide left out starts.
  bool room_for_guide(Output& out, Span next) const;
};

struct Output {
  std::vector<Guide> guides;
  std::vector<Diagnostic> diagnostics;
  // Set by parsers of binary formats (.docx): the text they read, which positions refer to.
  std::shared_ptr<const Source> derived;
  // Inline suppressions found in the input, in order of position.
  std::vector<Directive> directives;

  // A problem with the input itself. Fatal: the input could not be read at all; not fatal: part
  // of it was skipped and the rest is linted.
  void error(std::optional<Span> span, std::string message_id, std::vector<Arg> args = {},
             bool fatal = true);
};

class Parser {
 public:
  virtual ~Parser() = default;
  virtual std::string_view format() const = 0;
  virtual std::vector<std::string> extensions() const = 0;  // lower case, with the dot
  virtual void parse(const Source& source, const Context& context, Output& out) const = 0;
};

const std::vector<const Parser*>& parsers();
const Parser* parser_for_format(std::string_view format);
// A path's extension with its dot, as std::filesystem::path::extension gives it; empty when none.
std::string_view extension_of(std::string_view name);
// The parser a file name's extension selects (case-insensitive), or nullptr.
const Parser* parser_for_extension(std::string_view name);
// By the name's extension (case-insensitive); for names without a known extension (stdin, a
// buffer) by the content's first characters. nullptr when neither tells.
const Parser* parser_for(const Source& source);

const Parser& xml_parser();
const Parser& text_parser();
const Parser& html_parser();
const Parser& json_parser();
const Parser& docx_parser();

}  // namespace guidelint::parse
