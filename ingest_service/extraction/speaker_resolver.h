// Stage 6: turns textual attributions into entity indices.
//
// Names go through EntityRecognizer::ResolveName (which widens "Lamar" to the
// article's "Kendrick Lamar" entity or adds a PERSON). Pronouns take the
// subject (first person mention) of the nearest preceding sentence that has a
// gender-compatible person outside quotes. Descriptions take the article's
// dominant entity of the matching kind (person or organisation). Split quotes
// and carry-overs copy the linked quote's speaker. A speaker known only by
// an initial-based stage name ("K-Dot") is read as an anaphor: the nearest
// recently mentioned person whose given name or surname has that initial.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_SPEAKER_RESOLVER_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_SPEAKER_RESOLVER_H_

#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/entities/entity_recognizer.h"
#include "ingest_service/extraction/attribution.h"
#include "ingest_service/extraction/quote_finder.h"
#include "ingest_service/extraction/segmenter.h"

namespace verbatim::extraction {

// Returns one entity index (or -1) per quote. May append entities and
// mentions to `analysis` (through ResolveName) and fill unknown genders from
// titles ("Mr.", "Ms."). `kept` says, per quote, whether the caller keeps it:
// the speakers of the others still give context to pronouns, but only known
// entities are taken for them (a title's frame adds no entity). Thread-
// compatible: `analysis` is caller-owned. `outlet` is the article's source
// ("The Pennine Post", may be empty): named in captions and credits, it is
// no guess for "the company said".
std::vector<int> ResolveSpeakers(
    std::string_view text, const Segmentation& seg,
    absl::Span<const QuoteCandidate> quotes,
    absl::Span<const Attribution> attributions, const std::vector<bool>& kept,
    absl::Span<const entities::TextSpan> boilerplate, std::string_view outlet,
    const entities::EntityRecognizer& recognizer,
    entities::EntityAnalysis& analysis);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_SPEAKER_RESOLVER_H_
