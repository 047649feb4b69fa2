// Finds capitalised name sequences ("Kendrick Lamar", "Mr. Morale & The Big
// Steppers", "Anderson .Paak", "pgLang", "k.dot") and short quoted titles
// ("“We Cry Together”") in tokenized text.
//
// Thread-safe: pure functions over their arguments.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_CANDIDATE_FINDER_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_CANDIDATE_FINDER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "ingest_service/entities/entity.h"
#include "ingest_service/entities/lexicons.h"
#include "ingest_service/entities/token_keys.h"
#include "ingest_service/entities/tokenizer.h"

namespace verbatim::entities {

struct Candidate {
  size_t first = 0;  // token indices, inclusive
  size_t last = 0;
  TextSpan span;              // bytes of the name (without a hyphen tail)
  bool quoted_title = false;  // the whole content of a short quotation
  bool title_line = false;    // on a headline-style Title Case line
  bool credit = false;  // a lower-case item of a photo credit ("project3")
};

// Marks per token whether its line is written in Title Case (most content
// words capitalised), where capitals say little about names.
std::vector<bool> TitleCaseTokens(std::string_view text,
                                  const std::vector<Token>& tokens,
                                  const Lexicons& lex);
std::vector<bool> TitleCaseTokens(const TokenKeys& keys);

// Returns candidates in text order, without overlaps. Quoted titles win over
// the word sequences inside them.
std::vector<Candidate> FindCandidates(std::string_view text,
                                      const std::vector<Token>& tokens,
                                      const Lexicons& lex);
// The same over a shared per-article key cache (the fast path).
std::vector<Candidate> FindCandidates(const TokenKeys& keys);

// Whether `c` is a dateline's place: "SOUTHPORT —", "MILLBROOK, Ohio —",
// "LONDON (Reuters) —" open a line with the place in capitals, before a
// dash.
bool IsDateline(const std::vector<Token>& tokens, const Candidate& c);

// The lower-cased word of a token without leading dot, for lexicon lookups.
std::string TokenKey(std::string_view text, const Token& token);

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_CANDIDATE_FINDER_H_
