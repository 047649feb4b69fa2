// The full set of gazetteers and word lists the recognizer consults, loaded
// from the data files in lexicons/ (embedded into the binary at build time).
//
// Immutable after loading; safe to share across threads.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_LEXICONS_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_LEXICONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/hash/hash.h"
#include "absl/status/statusor.h"
#include "common/text/lexicon.h"
#include "common/text/name_particles.h"
#include "ingest_service/entities/entity.h"

namespace verbatim::entities {

// A set of 64-bit word hashes in one flat array of 32-bit fingerprints with
// linear probing. The common-word set has about 250,000 forms and its
// lookups mostly miss the cache: one array (not absl's control bytes plus
// slots) and half-size entries make a lookup one cache line. Slot index and
// fingerprint come from different bits of the hash, so a false positive
// needs about 50 equal bits.
class WordHashSet {
 public:
  WordHashSet() = default;
  explicit WordHashSet(std::vector<uint64_t> hashes);

  bool contains(uint64_t hash) const {
    if (slots_.empty()) return false;
    const uint32_t fingerprint = Fingerprint(hash);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const uint32_t slot = slots_[i];
      if (slot == fingerprint) return true;
      if (slot == 0) return false;
    }
  }
  size_t size() const { return size_; }

 private:
  static uint32_t Fingerprint(uint64_t hash) {
    return static_cast<uint32_t>(hash >> 32) | 1u;  // 0 marks an empty slot
  }
  std::vector<uint32_t> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// What the single-word lexicons say about one word, gathered at load time so
// a token needs one hash lookup instead of one per lexicon. One bit is
// left; widen WordInfo::flags before adding a second.
enum WordFlag : uint32_t {
  kCommonWord = 1u << 0,  // dictionary word or a regular inflection of one
  kFirstName = 1u << 1,
  kHonorific = 1u << 2,
  kRole = 1u << 3,
  kSpeechVerb = 1u << 4,
  kWorkCue = 1u << 5,       // "album X"
  kWorkCueAfter = 1u << 6,  // also "X album"
  kOrgHead = 1u << 7,
  kPlaceHead = 1u << 8,
  kEventHead = 1u << 9,
  kDateWord = 1u << 10,
  kDemonym = 1u << 11,
  kParticle = 1u << 12,
  kStateAbbreviation = 1u << 13,
  kRegionCode = 1u << 14,
  kPlaceName = 1u << 15,         // a one-word place ("France")
  kOrgName = 1u << 16,           // a one-word organisation ("Reuters")
  kEventName = 1u << 17,         // a one-word event ("Oscars")
  kMinorTitleWord = 1u << 18,    // "of", "the": lower case in headlines
  kFunctionWord = 1u << 19,      // "the", "he": never a name alone
  kClosedClassWord = 1u << 20,   // "while", "many": nor these
  kNameAbbreviation = 1u << 21,  // "St." of "St. Louis"
  kRoleOpener = 1u << 22,        // "former" of "former TDE rapper"
  kWorkAdjective = 1u << 23,     // "short" of "X short film"
  kPlaceStart = 1u << 24,        // "Mount", "Lake", "San"
  kPlacePrefix = 1u << 25,       // "North", "Greater"
  kSpeechAdverb = 1u << 26,      // "also" of "X also said"
  kPersonListCue = 1u << 27,     // "featuring"
  kPlacePreposition = 1u << 28,  // "in", "near"
  kOrgCue = 1u << 29,            // "firm" of "his firm Brask Maritime"
  kEventOpener = 1u << 30,       // "Hurricane" of "Hurricane Dorian"
  kOrgOpener = 1u << 31,         // "CF" of "CF Albufera"
  kAnyHead = kOrgHead | kPlaceHead | kEventHead,
};

struct WordInfo {
  uint32_t flags = 0;
  Gender first_name_gender = Gender::kUnknown;
  Gender honorific_gender = Gender::kUnknown;
  Gender role_gender = Gender::kUnknown;
};

struct Lexicons {
  text::Lexicon common_words;  // lowercase dictionary words, inflections folded
  text::Lexicon first_names;   // value: m, f or empty
  text::Lexicon honorifics;    // value: m, f or empty
  text::Lexicon person_roles;  // value: m, f or empty
  text::Lexicon speech_verbs;
  text::Lexicon work_cues;
  text::Lexicon org_heads;
  text::Lexicon local_org_heads;   // "Gazette" of "Brookfield Gazette"
  text::Lexicon surname_prefixes;  // "mc" of "McCain"
  text::Lexicon org_names;         // value: canonical name or empty
  text::Lexicon place_heads;
  text::Lexicon places;        // countries, subdivisions, cities
  text::Lexicon region_codes;  // "GA" in "Atlanta, GA"
  text::Lexicon event_heads;
  text::Lexicon event_openers;  // "Hurricane" of "Hurricane Dorian"
  text::Lexicon org_openers;    // "CF" of "CF Albufera"
  text::Lexicon event_names;    // value: canonical name or empty
  text::Lexicon date_words;
  text::Lexicon demonyms;             // "American", "Republican", "Muslims"
  text::Lexicon state_abbreviations;  // "mich" of "Flint, Mich."
  text::Lexicon minor_title_words;
  text::Lexicon function_words;
  text::Lexicon closed_class_words;
  text::Lexicon name_abbreviations;
  text::Lexicon role_openers;
  text::Lexicon work_adjectives;
  text::Lexicon place_starts;
  text::Lexicon place_prefixes;
  text::Lexicon speech_adverbs;
  text::Lexicon person_list_cues;
  text::Lexicon org_cues;
  text::Lexicon aka_phrases;       // "also known as": multi-word entries
  text::Lexicon member_roles;      // "spokeswoman": looked up by key, no flag
  text::Lexicon past_tense_verbs;  // "went": looked up by key, no flag
  text::Lexicon credit_words;    // "photo" of "Photo Credit:", by key, no flag
  text::Lexicon post_nominals;   // "MP" of "Fiona MacLeod MP", by key, no flag
  text::Lexicon widget_openers;  // "share" of "Share: Facebook | X", by key
  text::Lexicon honorific_degrees;  // "most" of "the Most Rev.", by key
  text::Lexicon place_prepositions;
  // Matched against parts of a word rather than whole tokens, so they have
  // no flag (tokens carry cached flags; these are looked up directly).
  text::Lexicon domain_suffixes;  // "com" of "example.com"
  text::Lexicon author_suffixes;  // "directed" of "Williams-directed"

  // True when `lower` (a LowerKey) is a dictionary word, directly or as a
  // regular inflection ("awards", "talked") of one. Undoes the folding done
  // by scripts/derive_lexicons.py. One hash lookup.
  bool IsCommonWord(std::string_view lower) const {
    return IsCommonHash(WordHash(lower));
  }
  // The same for a word already hashed with WordHash.
  bool IsCommonHash(uint64_t hash) const { return common_forms.contains(hash); }
  // True when `lower` (a LowerKey) is a name particle that belongs to
  // surnames ("van", "bin"; not "of").
  bool IsSurnameParticle(std::string_view lower) const {
    return text::IsSurnameParticle(lower);
  }
  // True when `lower` (a LowerKey) is a person role or its plural
  // ("analysts", "presidents").
  bool IsRoleOrPlural(std::string_view lower) const {
    return person_roles.Contains(lower) ||
           (lower.size() > 3 && lower.back() == 's' &&
            person_roles.Contains(lower.substr(0, lower.size() - 1)));
  }

  // 64-bit hashes of every listed common word and its regular inflections,
  // built at load time so IsCommonWord needs no stemming. Hashes keep the
  // table compact; 64 bits keep collisions negligible (32 bits made about
  // one unknown word per article look common, differently in each process
  // since the hash is seeded per process).
  WordHashSet common_forms;

  static uint64_t WordHash(std::string_view lower) {
    return absl::Hash<absl::string_view>{}(
        absl::string_view(lower.data(), lower.size()));
  }

  // Flags of every word in any single-word lexicon (and one-word entries of
  // the name gazetteers), keyed by WordHash. kCommonWord is not stored here:
  // IsCommonWord answers it, only for the words that need it.
  absl::flat_hash_map<uint64_t, WordInfo> word_info;

  // What the lexicons other than the common words say about `lower` (a
  // LowerKey); all-zero if nothing.
  const WordInfo& Word(std::string_view lower) const {
    return WordByHash(WordHash(lower));
  }
  // The same for a word already hashed with WordHash.
  const WordInfo& WordByHash(uint64_t hash) const {
    static const WordInfo kNone;
    const auto it = word_info.find(hash);
    return it == word_info.end() ? kNone : it->second;
  }

  // Gender carried by a given name, honorific or role, if any.
  static Gender GenderOf(const text::Lexicon& lexicon, std::string_view lower);
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
