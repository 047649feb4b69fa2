// Stage 2: marks page furniture (ads, paywalls, navigation, photo credits and
// captions, repeated link lines) so no quotes are taken from it. Lines are
// marked, never deleted, so offsets stay valid.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_BOILERPLATE_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_BOILERPLATE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/extraction/lexicon.h"

namespace verbatim::extraction {

// Thread-safe after construction.
class BoilerplateMarker {
 public:
  // Loads lexicons/boilerplate.txt; fails on an unknown pattern kind.
  static absl::StatusOr<BoilerplateMarker> Create();
  // Builds a marker from pattern text in the boilerplate.txt format.
  static absl::StatusOr<BoilerplateMarker> FromPatterns(std::string_view text);

  // Returns the boilerplate lines of `text` (line spans without the newline),
  // in order. Lines matched by a pattern, wire/photo captions
  // ("PLACE – MONTH DAY: ..."), and short lines repeating an earlier line.
  std::vector<entities::TextSpan> Mark(std::string_view text) const;

  // True when this single line (untrimmed) matches a pattern or caption shape.
  bool IsBoilerplateLine(std::string_view line) const;

 private:
  static constexpr size_t kMaxEdge = 128;  // longest pattern

  std::vector<std::string> exact_, prefix_, suffix_, contains_;
  size_t max_exact_ = 0;   // longest exact pattern
  size_t max_head_ = 0;    // longest exact or prefix pattern
  size_t max_suffix_ = 0;  // longest suffix pattern
  // Bit per first two bytes of the contains patterns.
  std::array<uint64_t, 1024> contains_pairs_{};
};

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_BOILERPLATE_H_
