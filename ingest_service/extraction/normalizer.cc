#include "ingest_service/extraction/normalizer.h"

#include <cstring>
#include <string>

#include "unicode/bytestream.h"
#include "unicode/edits.h"
#include "unicode/normalizer2.h"
#include "unicode/stringpiece.h"

namespace verbatim::extraction {

namespace {

// Index of the first non-ASCII byte, scanning 8 bytes at a time.
size_t AsciiPrefix(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace

absl::Status ValidateUtf8(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    i += AsciiPrefix(text.substr(i));
    if (i >= n) break;
    const auto b0 = static_cast<unsigned char>(text[i]);
    size_t need;
    char32_t min;
    char32_t c;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      min = 0x80;
      c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      need = 2;
      min = 0x800;
      c = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      min = 0x10000;
      c = b0 & 0x07;
    } else {
      return absl::InvalidArgumentError(
          std::string("invalid UTF-8 lead byte at offset ") +
          std::to_string(i));
    }
    if (i + need >= n) {
      return absl::InvalidArgumentError(
          std::string("truncated UTF-8 sequence at offset ") +
          std::to_string(i));
    }
    for (size_t k = 1; k <= need; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) {
        return absl::InvalidArgumentError(
            std::string("invalid UTF-8 continuation byte at offset ") +
            std::to_string(i + k));
      }
      c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      return absl::InvalidArgumentError(
          std::string("invalid UTF-8 code point at offset ") +
          std::to_string(i));
    }
    i += need + 1;
  }
  return absl::OkStatus();
}

absl::StatusOr<Normalizer> Normalizer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    return absl::InternalError(std::string("ICU NFC data unavailable: ") +
                               u_errorName(status));
  }
  return Normalizer(nfc);
}

absl::StatusOr<NormalizedText> Normalizer::Normalize(
    std::string_view text) const {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  NormalizedText out;
  out.original_ = text;
  const size_t ascii = AsciiPrefix(text);
  if (ascii == text.size()) return out;  // ASCII is always NFC.
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc_->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return out;

  status = U_ZERO_ERROR;
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(&out.owned_);
  nfc_->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) {
    // Valid UTF-8 cannot fail to normalize; keep the original rather than
    // losing the article if ICU disagrees.
    out.owned_.clear();
    return out;
  }
  out.identity_ = false;
  out.to_original_.resize(out.owned_.size() + 1);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = static_cast<uint32_t>(it.sourceIndex());
    const auto dst = static_cast<size_t>(it.destinationIndex());
    const auto new_len = static_cast<size_t>(it.newLength());
    for (size_t k = 0; k < new_len; ++k) {
      out.to_original_[dst + k] =
          it.hasChange() ? src : src + static_cast<uint32_t>(k);
    }
  }
  out.to_original_[out.owned_.size()] = static_cast<uint32_t>(text.size());
  return out;
}

}  // namespace verbatim::extraction
