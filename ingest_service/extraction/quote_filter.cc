#include "ingest_service/extraction/quote_filter.h"

namespace verbatim::extraction {

bool IsWeakQuote(const QuoteCandidate& q) {
  if (q.words < 3) return true;
  // “Contract with America.” and “Fox News Sunday,” are titles even with
  // the sentence's punctuation pulled inside the marks.
  return q.title_case && !q.inner_terminal && q.words <= 8;
}

bool KeepQuote(const QuoteCandidate& q, bool weak, bool adjacent_frame,
               bool framed_chain, bool framed_exclamation) {
  // Paragraph-initial marks that never close are block excerpts and
  // transcripts far more often than speech, unless the chain of
  // paragraphs ends in a quote with a speech frame.
  if (!q.closed) return q.continues_next_paragraph && framed_chain && !weak;
  if (q.words == 0) return false;
  // "In an interview on CBS's “Face the Nation,” Paul Ryan said": a title
  // in a title's place, whatever frame touches it.
  if (weak && q.after_title_preposition) return false;
  if (weak) return adjacent_frame && (q.words >= 2 || framed_exclamation);
  return true;
}

}  // namespace verbatim::extraction
