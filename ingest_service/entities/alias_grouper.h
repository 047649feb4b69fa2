// Groups the typed name spans of one article into entities: repeated names,
// surnames and given names of a full name ("Lamar", "Kendrick"), honorific
// forms ("Mr. Musk"), nicknames that differ only in punctuation, case or
// spacing ("K-Dot", "K. Dot", "k.dot"), gazetteer nicknames ("Oscars"),
// organisations' short names ("Corvane" for "Corvane Brands Inc.") and
// explicit "aka" links.
//
// Thread-safe: const methods, no mutable state.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_ALIAS_GROUPER_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_ALIAS_GROUPER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/entities/lexicons.h"

namespace verbatim::entities {

struct NamedSpan {
  TextSpan span;
  std::string text;  // surface form
  EntityType type = EntityType::kPerson;
  float score = 0;      // classifier votes for `type`
  bool strong = false;  // an entity on its own; weak spans only join others
  bool common_words_only = false;
  std::string canonical;  // gazetteer canonical name, or empty
  bool listed = false;    // the whole name is in a gazetteer
  Gender gender = Gender::kUnknown;
  // A nickname printed inside the full name ('Pieter “Piet” van der Berg'):
  // an alias, never the entity's display name.
  bool inner_nickname = false;
};

class AliasGrouper {
 public:
  explicit AliasGrouper(const Lexicons& lex) : lex_(lex) {}

  // Returns entities and mentions (sorted by span.begin). `same_as` lists
  // pairs of indices into `spans` known to name one entity ("X aka Y").
  // Weak spans that match no entity are dropped.
  EntityAnalysis Group(const std::vector<NamedSpan>& spans,
                       absl::Span<const std::pair<int, int>> same_as) const;

  // The entity of `analysis` that `name` refers to, or -1. Matches whole
  // names, punctuation-insensitive forms and single given names or surnames
  // of PERSON entities. A person's whole name or surname comes first:
  // "Jordan" is the Jim Jordan named before rather than the country; other
  // entities match only whole, and before a person's given name ("Corvane"
  // is the organisation Corvane, not a person named Corvane Halo).
  int Match(const EntityAnalysis& analysis, std::string_view name) const;

  // Lower-cased words of a name without honorifics, a leading year or
  // ordinal, possessive endings, a trailing legal form and surname particles
  // before a word: "Mr. Musk" -> {"musk"}, "Halstead Foods Co." ->
  // {"halstead", "foods"}, "Margit van der Berg" -> {"margit", "berg"}.
  std::vector<std::string> CoreWords(std::string_view name) const;

  // CoreWords joined by single spaces into `joined` (cleared first), without
  // a vector of strings; returns the number of words.
  size_t CoreKey(std::string_view name, std::string& joined) const;

  // A person's name without the honorifics before it when at least two words
  // remain ("Gen. Michael Flynn" -> "Michael Flynn"); `name` itself otherwise
  // ("Mr. Alexander", "Dr. Dre" stay as printed).
  std::string_view WithoutHonorifics(std::string_view name) const;

  // `name` without trailing legal forms (lexicons/org_heads.txt, `legal`):
  // "Corvex Systems, Inc." -> "Corvex Systems"; `name` itself when it is one.
  std::string_view WithoutLegalForm(std::string_view name) const;

 private:
  // Whether the first word `lower` of an organisation's name ending in
  // `last` (both lower case) can stand for the whole name: not a place,
  // demonym, given name, title or head noun, nor the town of a local
  // newspaper, club or council, nor the founder of a foundation or institute
  // (lexicons/local_org_heads.txt). A dictionary word may ("Ardent" of
  // "Ardent Aerospace"), but Group takes it for the name only where the short
  // mention is itself typed an organisation ("an Ardent spokeswoman").
  bool IsShortName(std::string_view lower, std::string_view last) const;

  const Lexicons& lex_;
};

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_ALIAS_GROUPER_H_
