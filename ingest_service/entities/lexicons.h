// The full set of gazetteers and word lists the recognizer consults, loaded
// from the data files in lexicons/ (embedded into the binary at build time).
//
// Immutable after loading; safe to share across threads.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_LEXICONS_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_LEXICONS_H_

#include <optional>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/entities/lexicon.h"

namespace verbatim::entities {

struct Lexicons {
  Lexicon common_words;  // lowercase dictionary words, inflections folded
  Lexicon first_names;   // value: m, f or empty
  Lexicon honorifics;    // value: m, f or empty
  Lexicon person_roles;  // value: m, f or empty
  Lexicon speech_verbs;
  Lexicon work_cues;
  Lexicon org_heads;
  Lexicon org_names;  // value: canonical name or empty
  Lexicon place_heads;
  Lexicon places;        // countries, subdivisions, cities
  Lexicon region_codes;  // "GA" in "Atlanta, GA"
  Lexicon event_heads;
  Lexicon event_names;  // value: canonical name or empty
  Lexicon date_words;
  Lexicon demonyms;             // "American", "Republican", "Muslims"
  Lexicon state_abbreviations;  // "mich" of "Flint, Mich."
  Lexicon name_particles;

  // True when `lower` (a LowerKey) is a dictionary word, directly or as a
  // regular inflection ("awards", "talked") of one. Mirrors the folding done
  // by scripts/derive_lexicons.py.
  bool IsCommonWord(std::string_view lower) const;

  // Gender carried by a given name, honorific or role, if any.
  static Gender GenderOf(const Lexicon& lexicon, std::string_view lower);
};

// Loads every lexicon through `source`, which maps a data file's basename to
// its contents. Returns NOT_FOUND when a file is missing and INVALID_ARGUMENT
// when one is corrupt.
absl::StatusOr<Lexicons> LoadLexicons(
    absl::FunctionRef<std::optional<std::string_view>(std::string_view)>
        source);

// LoadLexicons over the files embedded in this binary.
absl::StatusOr<Lexicons> LoadEmbeddedLexicons();

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_LEXICONS_H_
