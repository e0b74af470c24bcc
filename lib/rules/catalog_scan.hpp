// Catalog names found in a guide's elements: each element folded once and passed once through
// the catalogs' automaton, on first use, whichever rules ask for it. Phrases other rules look
// for in the same elements are compiled into that automaton and found in the same pass.
#pragma once

#include <optional>
#include <vector>

#include "config/catalog.hpp"
#include "guidelint/guidelint.hpp"
#include "rules/rule.hpp"
#include "text/fold.hpp"

namespace guidelint::rules {

struct CatalogMatch {
  const config::CatalogEntry* entry;
  bool document;        // the certificate the item issues, not the item's name
  std::uint32_t begin;  // the matched characters in the element's text
  std::uint32_t end;
  Span span;  // the same in the Source
};

// Phrase lists rules look for in the elements catalog names are looked for in (the catch-all
// entries of materials and conditions), compiled with the catalogs' names into one automaton: an
// element is read once for all of them. Lists are added while the rules are set up.
class SharedPhrases {
 public:
  // One phrase found: which list, which phrase of it, and where in the element's text.
  struct Hit {
    std::uint32_t list;
    std::uint32_t phrase;
    std::uint32_t begin;
    std::uint32_t end;
  };

  // Adds a list; returns the id its hits carry.
  std::uint32_t add(const std::vector<std::string>& phrases);
  // Compiles the catalogs' names with the lists added; without lists, the catalogs' own
  // automaton is used as it is.
  void build(const config::Catalogs& catalogs);

  const text::Matcher& matcher() const { return combined_ ? own_ : catalogs_->matcher(); }
  // Matcher values below this are catalog names; the others are phrase(value).
  std::uint32_t names() const { return names_; }
  const Hit& phrase(std::uint32_t value) const { return phrases_[value - names_]; }

 private:
  std::vector<std::pair<std::string, Hit>> pending_;
  std::vector<Hit> phrases_;  // by matcher value - names_; begin and end unused
  std::uint32_t lists_ = 0;
  text::Matcher own_;
  bool combined_ = false;
  const config::Catalogs* catalogs_ = nullptr;
  std::uint32_t names_ = 0;
};

// Catalog names are matched in the elements' text as written (the automaton folds as it reads);
// an element's folded text is made only when a rule asks for it.
class CatalogScan {
 public:
  CatalogScan(const config::Catalogs& catalogs, const SharedPhrases& phrases, const Guide& guide);

  // The element's text folded.
  const std::string& folded(const Element& element);
  // content::first_folded of the element's text, for the rules that rule most values out by it.
  char32_t first_folded(const Element& element);
  // Catalog names in the element, in order; of overlapping names only the longest (so a
  // retained approval whose name holds a shorter catalog name is read as itself).
  const std::vector<CatalogMatch>& matches(const Element& element);
  // The shared phrase lists' hits in the element, in the order the automaton gives them.
  const std::vector<SharedPhrases::Hit>& phrases(const Element& element);
  // The entries the guide's item is: its name element is an entry's name, folded, with nothing
  // before it and at most a bracketed qualifier after it ("（新设）").
  // Found once per guide, whichever rules ask.
  const std::vector<const CatalogMatch*>& item();

 private:
  struct Cache {
    bool folded = false;
    bool matched = false;
    bool first_known = false;
    char32_t first = 0;
    std::string text;
    std::vector<CatalogMatch> matches;
    std::vector<SharedPhrases::Hit> phrases;
  };
  Cache& cache(const Element& element);
  Cache& scanned(const Element& element);

  const config::Catalogs& catalogs_;
  const SharedPhrases& shared_;
  const Guide& guide_;
  std::vector<Cache> cache_;
  std::vector<text::Matcher::Hit> hits_;
  std::optional<std::vector<const CatalogMatch*>> item_;
};

// Is the entry's decision in force on as_of? A partial date counts from its last possible day; an
// entry without a date is in force (its decision is in a catalog of past decisions), and its
// findings say the date is not known.
bool in_force(const config::CatalogEntry& entry, Date as_of);

// What a finding quotes of an entry: item, decision, decision_title, decision_date ("" when not
// known), years (whole years since the decision; -1 when not known), source, catalog, and
// decision_known / date_known ("yes" or "no").
std::vector<Arg> citation(const config::CatalogEntry& entry, Date as_of);

// How a finding names an element: its label as the guide wrote it, else the profile's name.
std::string label_of(const Context& context, const Element& element);

// Options that are phrases, folded for matching; reports a wrong type.
std::optional<std::vector<std::string>> phrase_list_option(const Setup& setup, std::string_view key,
                                                           std::vector<std::string> fallback);

}  // namespace guidelint::rules
