// Decides the entity type of one candidate from its words (gazetteers, head
// nouns, given names, shape) and its neighbours (roles, speech verbs, work
// and place cues). Each cue votes; the strongest type wins.
//
// Thread-safe: pure function over its arguments.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_TYPE_CLASSIFIER_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_TYPE_CLASSIFIER_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "ingest_service/entities/candidate_finder.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/entities/lexicons.h"
#include "ingest_service/entities/token_keys.h"
#include "ingest_service/entities/tokenizer.h"

namespace verbatim::entities {

// Votes at or above this make a candidate an entity on its own; weaker ones
// count only when the name is already known in the article.
inline constexpr float kAcceptScore = 1.0f;

struct Classification {
  TextSpan span;  // the candidate's span, widened by an event's year
  std::array<float, 5> votes{};  // indexed by EntityType
  EntityType type = EntityType::kPerson;
  float score = 0;  // votes[type]
  // Every word is a dictionary word: the capitals may be typographic only.
  bool common_words_only = false;
  // Canonical name from a gazetteer ("Oscars" -> "Academy Awards"), or empty.
  std::string canonical;
  // The whole name is in a gazetteer of organisations, events or places.
  bool listed = false;
  Gender gender = Gender::kUnknown;
};

Classification Classify(std::string_view text, const std::vector<Token>& tokens,
                        const Candidate& candidate, const Lexicons& lex);
// The same over a shared per-article key cache (the fast path).
Classification Classify(const TokenKeys& keys, const Candidate& candidate);

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_TYPE_CLASSIFIER_H_
