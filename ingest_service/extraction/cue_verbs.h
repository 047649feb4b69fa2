// The speech and writing verbs that frame a quotation (lexicons/cue_verbs.txt),
// shared by the attributor and the speaker resolver.
//
// Thread-safe: the list is loaded once and never changes.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_CUE_VERBS_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_CUE_VERBS_H_

#include <optional>
#include <string>
#include <string_view>

namespace verbatim::extraction {

// The word a cue verb must have after it to be a cue ("it" of "As Lee put
// it"): empty for a verb that needs none ("said"); nullptr when `word` (any
// case) is no cue verb.
std::optional<std::string_view> CueVerbNeeds(std::string_view word);

// Whether `word` (any case) is a cue verb on its own ("said"; not "put").
bool IsCueVerb(std::string_view word);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_CUE_VERBS_H_
