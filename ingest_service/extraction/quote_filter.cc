#include "ingest_service/extraction/quote_filter.h"

namespace verbatim::extraction {

bool IsWeakQuote(const QuoteCandidate& q) {
  if (q.words < 3) return true;
  return q.title_case && !q.has_terminal && q.words <= 8;
}

bool KeepQuote(const QuoteCandidate& q, bool weak, bool adjacent_frame) {
  if (!q.closed) return false;
  if (q.words == 0) return false;
  if (weak) return adjacent_frame && q.words >= 2;
  return true;
}

}  // namespace verbatim::extraction
