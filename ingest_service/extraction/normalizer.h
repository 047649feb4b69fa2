// Stage 1: UTF-8 validation and NFC normalization with a map back to the
// original byte offsets.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_NORMALIZER_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "unicode/uversion.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace verbatim::extraction {

// OK when `text` is well-formed UTF-8 (no overlongs, surrogates or code points
// above U+10FFFF); INVALID_ARGUMENT naming the first bad byte offset otherwise.
absl::Status ValidateUtf8(std::string_view text);

// The NFC form of a text. Most news text is already NFC, so the common case
// keeps a view of the caller's bytes and an identity offset map.
class NormalizedText {
 public:
  // The NFC text. Views the original when it was already NFC, so the original
  // must outlive this object.
  std::string_view text() const { return identity_ ? original_ : owned_; }
  bool identity() const { return identity_; }
  // Maps a byte offset of text() (0..size inclusive) to the original text.
  // Offsets inside a rewritten character map to that character's start.
  size_t ToOriginal(size_t offset) const {
    return identity_ ? offset : to_original_[offset];
  }

 private:
  friend class Normalizer;
  bool identity_ = true;
  std::string_view original_;
  std::string owned_;
  std::vector<uint32_t> to_original_;  // size owned_.size() + 1
};

// Thread-safe: Normalize is const and ICU's Normalizer2 singletons are
// immutable.
class Normalizer {
 public:
  // Fails only when ICU's NFC data cannot be loaded.
  static absl::StatusOr<Normalizer> Create();

  // INVALID_ARGUMENT for malformed UTF-8; never fails otherwise.
  absl::StatusOr<NormalizedText> Normalize(std::string_view text) const;

 private:
  explicit Normalizer(const icu::Normalizer2* nfc) : nfc_(nfc) {}
  const icu::Normalizer2* nfc_;
};

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_NORMALIZER_H_
