// Word lists compiled into the binary from lexicons/*.txt.
//
// File format: one entry per line, `#` starts a comment line, surrounding
// spaces are trimmed, blank lines are skipped. An entry may carry a value after
// a TAB ("he\tmale").
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_LEXICON_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace verbatim::extraction {

// Immutable after construction; lookups are thread-safe.
class Lexicon {
 public:
  Lexicon() = default;

  // Parses lexicon text; never fails.
  static Lexicon FromText(std::string_view text);
  // Loads the embedded file `basename`; NOT_FOUND when it was not compiled in.
  static absl::StatusOr<Lexicon> Load(std::string_view basename);

  // Exact lookup of an already lower-cased key.
  bool Contains(std::string_view key) const;
  // Lookup after ASCII lower-casing `word` (no allocation for short words).
  bool ContainsFolded(std::string_view word) const;
  // Value stored after the TAB, empty when none; nullptr when absent.
  const std::string* Find(std::string_view key) const;
  const std::string* FindFolded(std::string_view word) const;
  // FindFolded, else the same for the singular of a plural of more than
  // three letters ("supporters" -> "supporter").
  const std::string* FindFoldedOrSingular(std::string_view word) const;

  // Entries in file order (for patterns that are not set lookups).
  const std::vector<std::pair<std::string, std::string>>& entries() const {
    return entries_;
  }
  size_t size() const { return entries_.size(); }

 private:
  // Bit per (first byte, second byte) pair of the lower-cased entries, so
  // most non-entries are rejected without hashing.
  static size_t PairIndex(std::string_view folded_or_raw);
  bool MayContainFolded(std::string_view word) const;

  std::vector<uint64_t> pairs_ = std::vector<uint64_t>(1024, 0);
  absl::flat_hash_map<std::string, std::string> map_;
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_LEXICON_H_
