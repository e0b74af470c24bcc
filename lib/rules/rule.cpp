#include "rules/rule.hpp"

#include <algorithm>

#include "text/suggest.hpp"

namespace guidelint::rules {

void Reporter::report(std::string message_id, std::vector<Arg> args, Span span,
                      std::string element_id, Severity at_most) const {
  add(std::move(message_id), std::move(args), span, std::move(element_id), at_most, false);
}

void Reporter::review(std::string message_id, std::vector<Arg> args, Span span,
                      std::string element_id) const {
  add(std::move(message_id), std::move(args), span, std::move(element_id), Severity::error, true);
}

void Reporter::add(std::string message_id, std::vector<Arg> args, Span span, std::string element_id,
                   Severity at_most, bool needs_review) const {
  if (budget_ != nullptr) {
    if (budget_->left == 0) {
      ++budget_->dropped;
      return;
    }
    --budget_->left;
  }
  Diagnostic d;
  d.rule_id = rule_.id;
  d.severity = std::min(rule_.severity, at_most);
  d.message_id = std::move(message_id);
  d.args = std::move(args);
  d.span = span;
  d.element_id = std::move(element_id);
  d.guide = guide_;
  d.needs_review = needs_review;
  out_.push_back(std::move(d));
}

bool builtin_options(const Setup& setup) {
  return setup.file.source && setup.file.source->name().starts_with("builtin:");
}

std::optional<std::vector<std::string>> element_list_option(const Setup& setup,
                                                            std::string_view key) {
  const YAML::Node node = config::get(setup.options, key);
  if (node.IsDefined() && node.IsNull()) {
    // `elements:` with nothing after it: say so rather than silently using no elements.
    setup.file.report(node.Mark().pos >= 0 ? node : setup.options, "config.wrong-type",
                      {{"key", std::string(key)}, {"expected", "list"}});
    return std::nullopt;
  }
  auto ids = config::get_strings(setup.file, setup.options, key);
  if (!ids) return std::nullopt;
  if (builtin_options(setup)) {
    std::erase_if(*ids, [&](const std::string& id) { return setup.profile.find(id) == nullptr; });
    return ids;
  }
  const std::vector<std::string> known = setup.profile.ids();
  bool ok = true;
  for (std::size_t k = 0; k < ids->size(); ++k) {
    if (setup.profile.find((*ids)[k])) continue;
    std::vector<Arg> args{{"element", (*ids)[k]}};
    if (auto s = text::suggest((*ids)[k], known)) args.push_back({"suggestion", *s});
    setup.file.report(node.IsSequence() ? node[k] : node, "config.unknown-element",
                      std::move(args));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return ids;
}

}  // namespace guidelint::rules
