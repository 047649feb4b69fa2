// Decides which quote candidates are quotations rather than titles, names or
// scare quotes (“We Cry Together”, the “Squad”, a so-called “deal”).
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_QUOTE_FILTER_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_QUOTE_FILTER_H_

#include "ingest_service/extraction/quote_finder.h"

namespace verbatim::extraction {

// True when the span reads like a title or scare quote on its own: under
// three words, or a short title-cased span without a sentence break inside
// (“Contract with America.” is a title with the sentence's period pulled in).
// Such spans are transparent to attribution frames and kept only when a
// speech frame touches them.
bool IsWeakQuote(const QuoteCandidate& q);

// Final decision once the frame is known. `framed_chain`: for an unclosed
// part of a multi-paragraph quote, the closing part has a speech frame.
// `framed_exclamation`: the span is an exclamation or question with a speech
// verb and its subject touching it (“Order!” cried the Speaker), speech even
// of one word.
bool KeepQuote(const QuoteCandidate& q, bool weak, bool adjacent_frame,
               bool framed_chain = false, bool framed_exclamation = false);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_QUOTE_FILTER_H_
