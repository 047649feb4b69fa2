// Stage 4: finds quoted spans by pairing quote marks per paragraph.
//
// Marks are paired by type with a stack (“ ” and " for doubles, ‘ ’ and ' for
// singles, « » guillemets), so odd counts never fail: a close without an
// opener is ignored and an opener left at paragraph end yields an unclosed
// span (the news convention for multi-paragraph quotes, whose earlier
// paragraphs open without closing). Apostrophes (it’s, ’90s, rock ’n’ roll,
// the players’ union) are not marks.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_QUOTE_FINDER_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_QUOTE_FINDER_H_

#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/extraction/segmenter.h"

namespace verbatim::extraction {

enum class QuoteMark { kDouble, kSingle, kGuillemet };

// Spans longer than this many words are never titles; longer word counts
// are not computed.
inline constexpr int kWordCap = 8;

struct QuoteCandidate {
  entities::TextSpan inner;  // text between the marks
  entities::TextSpan outer;  // including the marks (to paragraph end if open)
  int paragraph = -1;
  QuoteMark mark = QuoteMark::kDouble;
  bool closed = true;   // false: opened and never closed in its paragraph
  bool nested = false;  // inside an unclosed quote of the same paragraph
  // Unclosed, and the next paragraph opens with a mark of the same kind:
  // one part of a multi-paragraph quote.
  bool continues_next_paragraph = false;
  int words = 0;            // word tokens in `inner`, capped at kWordCap + 1
  bool title_case = false;  // every word capitalised or a short function word
  bool starts_upper = false;
  bool has_terminal = false;  // contains . ! ? … or ends with , ;
  // A sentence end followed by more words: two sentences, so not a title.
  bool inner_terminal = false;
  // A title's place: right after "on", "in", "at", "of" or "from", or after
  // one and a possessive ("on CBS's “Face the Nation”";
  // lexicons/title_prepositions.txt).
  bool after_title_preposition = false;
};

// Returns candidates in text order, skipping paragraphs that overlap
// `boilerplate` (sorted, disjoint spans). Spans nested in a closed quote are
// part of its text and not returned; spans inside an unclosed opener are
// returned with `nested` set, since the opener may be a stray mark. Linear in
// the text size; thread-safe (pure function).
std::vector<QuoteCandidate> FindQuotes(
    std::string_view text, const Segmentation& seg,
    absl::Span<const entities::TextSpan> boilerplate);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_QUOTE_FINDER_H_
