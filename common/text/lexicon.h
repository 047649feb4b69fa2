// Word lists compiled into the binaries from lexicons/*.txt data files.
//
// File format: one entry per line, `entry` or `entry=value`; a line starting
// with '#' is a comment; surrounding spaces and blank lines are skipped.
// Entries are keyed by their LowerKey (fold.h), so lookups ignore case and
// curly apostrophes.
#ifndef VERBATIM_COMMON_TEXT_LEXICON_H_
#define VERBATIM_COMMON_TEXT_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace verbatim::text {

// The entry lines of lexicon text: trimmed, without blank lines and comments.
// The views point into `text`.
std::vector<std::string_view> LexiconEntryLines(std::string_view text);

// Immutable after Parse; lookups are thread-safe.
class Lexicon {
 public:
  Lexicon() = default;

  // Parses lexicon text. Returns INVALID_ARGUMENT, naming `name` and the
  // line, for an entry that is empty ("=m"): the file is corrupt. A key seen
  // again keeps its first value.
  static absl::StatusOr<Lexicon> Parse(std::string_view name,
                                       std::string_view text);

  // Lookups of a key that is already a LowerKey.
  bool Contains(std::string_view key) const;
  // The value after '=' (empty when the entry has none); nullopt when absent.
  std::optional<std::string_view> Find(std::string_view key) const;

  // The same for the LowerKey of `word` (no allocation for ASCII words of up
  // to 64 bytes; most absent words are rejected without hashing).
  bool ContainsFolded(std::string_view word) const;
  std::optional<std::string_view> FindFolded(std::string_view word) const;
  // FindFolded, else FindFolded of the singular of a plural of more than
  // three letters ("supporters" -> "supporter"; "gas" is no plural).
  std::optional<std::string_view> FindFoldedOrSingular(
      std::string_view word) const;

  // Each key once, with its value, in file order.
  const std::vector<std::pair<std::string, std::string>>& entries() const {
    return entries_;
  }
  size_t size() const { return entries_.size(); }

 private:
  // Folds `word` to its key and calls `f` with it.
  template <typename F>
  auto WithKey(std::string_view word, F&& f) const;
  // One bit per (first byte, second byte) pair of the keys.
  static size_t PairIndex(std::string_view key);
  bool MayContain(std::string_view key) const;
  // MayContain of the key `word` folds to, judged by its first two bytes.
  bool MayContainWord(std::string_view word) const;

  std::vector<uint64_t> pairs_ = std::vector<uint64_t>(1024, 0);
  absl::flat_hash_map<std::string, std::string> map_;
  std::vector<std::pair<std::string, std::string>> entries_;
};

// A lexicon compiled into the binary, parsed into one that lives as long as
// the process: `text` is the embedded file `name`, nullopt when it was not
// compiled in. A missing or corrupt file is a build defect, so this aborts
// with its name rather than return an error.
const Lexicon& CompiledInLexicon(std::string_view name,
                                 std::optional<std::string_view> text);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_LEXICON_H_
