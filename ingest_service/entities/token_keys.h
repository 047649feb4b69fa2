// Per-article cache of each token's lower-cased key and lexicon facts, so the
// candidate finder and the classifier look every word up at most once.
//
// Not thread-safe (it fills its cache lazily from const methods); make one
// per Recognize call. The referenced text, tokens and lexicons must outlive
// it.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_TOKEN_KEYS_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_TOKEN_KEYS_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ingest_service/entities/lexicons.h"
#include "ingest_service/entities/tokenizer.h"

namespace verbatim::entities {

class TokenKeys {
 public:
  TokenKeys(std::string_view text, const std::vector<Token>& tokens,
            const Lexicons& lex);

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const Lexicons& lex() const { return lex_; }

  // LowerKey of word token `i` without a leading dot or a lower-case hyphen
  // tail ("Florida-based" gives "florida"); empty for punctuation.
  std::string_view Key(size_t i) const;

  // text::Lexicon facts of word token `i` (all-zero for punctuation).
  const WordInfo& Info(size_t i) const;

  // Whether word token `i` has any of `flags`. kCommonWord is looked up
  // only when asked for, since its table is the largest.
  bool Has(size_t i, uint32_t flags) const;

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  const Lexicons& lex_;
  struct Entry {
    std::string_view key;
    const WordInfo* info = nullptr;
    bool has_key = false;
    int8_t common = -1;  // -1 unknown, 0 no, 1 yes
  };
  // The lexicon answers for one distinct word. The lexicon tables are
  // megabytes and a probe mostly misses the cache, while an article repeats
  // its words (names above all): each distinct word is looked up once.
  struct WordFacts {
    const WordInfo* info = nullptr;
    int8_t common = -1;
  };
  // The facts of word token `i`'s key, with that key's WordHash.
  std::pair<const uint64_t, WordFacts>& Facts(size_t i) const;

  mutable std::vector<Entry> entries_;
  mutable absl::flat_hash_map<uint64_t, WordFacts> facts_;  // by WordHash
  // Keys that are not a slice of the text, packed into one buffer reserved
  // up front so views into it stay valid and a key costs no allocation.
  mutable std::string arena_;
  // The rare keys longer than their surface form (some non-ASCII case
  // mappings) once the arena is full; a deque keeps them in place.
  mutable std::deque<std::string> owned_;
};

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_TOKEN_KEYS_H_
