// A lexicon is a data file with one entry per line: `entry` or
// `entry=value`, `#` starting a comment line. Entries are matched by
// LowerKey, so lookups are case-insensitive and fold U+2019 to '.
//
// Immutable after Parse; safe to share across threads.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_LEXICON_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_LEXICON_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace verbatim::entities {

class Lexicon {
 public:
  Lexicon() = default;

  // Parses `data`. `name` only labels errors. Returns INVALID_ARGUMENT for a
  // line with an empty entry (e.g. "=m"): that means the file is corrupt.
  static absl::StatusOr<Lexicon> Parse(std::string_view name,
                                       std::string_view data);

  // `key` must already be a LowerKey.
  bool Contains(std::string_view key) const {
    return entries_.contains(absl::string_view(key.data(), key.size()));
  }

  // The value after '=' (empty when the entry has none), or nullopt when the
  // key is absent.
  std::optional<std::string_view> Find(std::string_view key) const;

  size_t size() const { return entries_.size(); }

  // Calls `fn` with every entry key, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const auto& [key, value] : entries_) fn(std::string_view(key));
  }

 private:
  absl::flat_hash_map<std::string, std::string> entries_;
};

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_LEXICON_H_
