// The extraction pipeline: quotes, speakers and entities of one article body.
//
// Offsets are byte offsets into the body as given to Extract (before any
// normalization), half-open [begin, end).
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_EXTRACTOR_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/entities/entity.h"

namespace verbatim::extraction {

enum class QuoteKind { kDirect, kFragment };

struct QuoteAppearance {
  entities::TextSpan span;  // the text between the quote marks
  std::string text;         // that text, NFC-normalized
  QuoteKind kind = QuoteKind::kDirect;
  int speaker = -1;         // index into ExtractionResult::entities; -1 unknown
  std::string rule;         // name of the attribution sieve that fired
  double confidence = 0.0;  // in [0, 1]; 0 when speaker is unknown
  std::string cue;     // the cue as printed ("said", "according to", "—")
  int continues = -1;  // index of the previous part of a split quote
};

struct ExtractionResult {
  std::vector<QuoteAppearance> quotes;  // in text order
  std::vector<entities::Entity> entities;
  std::vector<entities::Mention> mentions;  // offsets into the original body
};

// What is known of an article besides its body.
struct ArticleContext {
  // The outlet that published it ("The Daily Glare"): where the body names
  // it, the name is that organisation's.
  std::string_view source;
};

// Thread-safe after construction: Extract is const.
class Extractor {
 public:
  // Loads embedded lexicons. Fails only on corrupt embedded data.
  static absl::StatusOr<std::unique_ptr<Extractor>> Create();
  virtual ~Extractor() = default;

  // Returns INVALID_ARGUMENT when `body` is not valid UTF-8; otherwise never
  // fails on any input (unbalanced marks, huge lines, binary-looking text).
  virtual absl::StatusOr<ExtractionResult> Extract(
      std::string_view body, const ArticleContext& context) const = 0;
  // The same without context.
  absl::StatusOr<ExtractionResult> Extract(std::string_view body) const {
    return Extract(body, ArticleContext{});
  }
};

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_EXTRACTOR_H_
