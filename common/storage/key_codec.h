// Order-preserving encoding of composite RocksDB keys.
//
// Encoded keys compare (bytewise, as RocksDB's default comparator does) in the
// same order as the tuples they encode, component by component:
//   - unsigned integers: 8 bytes big-endian;
//   - signed integers: 8 bytes big-endian with the sign bit flipped;
//   - strings: bytes with 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x01,
//     so no encoded string is a prefix of another and "a" < "a\0" < "ab".
// A descending component is stored as its bitwise complement.
#ifndef VERBATIM_COMMON_STORAGE_KEY_CODEC_H_
#define VERBATIM_COMMON_STORAGE_KEY_CODEC_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace verbatim::storage {

class KeyWriter {
 public:
  KeyWriter& Uint64(uint64_t value);
  KeyWriter& Int64(int64_t value);
  // Larger values sort first.
  KeyWriter& Int64Descending(int64_t value);
  KeyWriter& String(absl::string_view value);

  const std::string& key() const { return key_; }
  std::string Release() { return std::move(key_); }

 private:
  std::string key_;
};

// Reads components back in the order they were written. Each getter returns
// false (and leaves the reader unusable) when the input is malformed.
class KeyReader {
 public:
  explicit KeyReader(absl::string_view key) : rest_(key) {}

  bool Uint64(uint64_t* value);
  bool Int64(int64_t* value);
  bool Int64Descending(int64_t* value);
  bool String(std::string* value);
  bool done() const { return rest_.empty(); }

 private:
  absl::string_view rest_;
};

// The length of the String component `key` starts with, terminator included;
// 0 when `key` does not start with a whole String component.
size_t LeadingStringLength(absl::string_view key);

// The smallest key greater than every key starting with `prefix`; empty when
// there is none (all bytes 0xFF). Used as an exclusive iteration bound.
std::string PrefixSuccessor(absl::string_view prefix);

}  // namespace verbatim::storage

#endif  // VERBATIM_COMMON_STORAGE_KEY_CODEC_H_
