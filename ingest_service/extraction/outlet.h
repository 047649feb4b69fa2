// The article's outlet as an entity: a news outlet named in its own pages
// ("told Quarternote", a masthead line, "Subscribe to The Daily Glare") is an
// organisation, whatever the recognizer made of the word.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_OUTLET_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_OUTLET_H_

#include <string_view>

#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"

namespace verbatim::extraction {

// Makes `source` (the outlet, "The Daily Glare"; a leading "The" optional in
// the text) an ORG of `analysis`: entities named so become organisations,
// and printed occurrences of the name outside any mention become mentions
// of it, creating the entity if needed. A one-word name opening a sentence
// within a line ("Time will tell") is left alone. Names shorter than three
// letters and an empty `source` change nothing. `sentences` are the
// sentence spans of `text`, sorted.
void MarkOutlet(std::string_view text,
                absl::Span<const entities::TextSpan> sentences,
                std::string_view source, entities::EntityAnalysis& analysis);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_OUTLET_H_
