// Splits article text into word and punctuation tokens with the orthographic
// facts name finding needs (capitalisation, dots, possessives, line breaks).
//
// Stateless and thread-safe. One pass over the bytes; the only allocation is
// the returned vector.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_TOKENIZER_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_TOKENIZER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"

namespace verbatim::entities {

enum class TokenKind { kWord, kPunct };

struct Token {
  size_t begin = 0;  // byte range, without a possessive 's or trailing dot
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  char32_t punct = 0;  // the code point of a kPunct token

  bool upper_initial = false;  // first letter is upper case
  bool all_upper = false;      // has letters, none lower case
  bool inner_upper = false;    // upper case after a lower case ("pgLang")
  bool has_digit = false;
  bool has_letter = false;
  bool leading_dot = false;        // ".Paak": a dot glued to the front
  bool inner_dot = false;          // "K.Dot", "k.dot", "U.S"
  bool trailing_dot = false;       // a '.' follows directly ("Mr.", "Inc.")
  bool possessive = false;         // "’s", or a bare mark after s
  bool plural_possessive = false;  // that bare mark ("Dock Workers' Union")
  bool space_before = false;
  bool newline_before = false;  // a line break separates it from the last
  bool sentence_start = false;  // first word of a sentence, line or quote
  // Start of a lower-case tail after the last hyphen ("Williams-directed"
  // gives the offset of "directed"), or 0 when there is none.
  size_t hyphen_tail = 0;
  // Start of that hyphen: it is one to three bytes long (U+2011).
  size_t hyphen_begin = 0;
};

// End of `token` without its lower-case hyphen tail ("Williams" of
// "Williams-directed").
inline size_t HeadEnd(const Token& token) {
  return token.hyphen_tail ? token.hyphen_begin : token.end;
}

// Tokenizes `text`. `sentences` (may be empty) adds sentence starts found by
// the caller to those the tokenizer infers from punctuation and line breaks.
std::vector<Token> Tokenize(std::string_view text,
                            absl::Span<const TextSpan> sentences);

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_TOKENIZER_H_
