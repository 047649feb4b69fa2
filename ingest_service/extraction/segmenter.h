// Stage 3: paragraphs, sentences and word tokens.
//
// A hand-written splitter: ICU's BreakIterator is several times slower than the
// whole pipeline budget and splits after "Mr." and initials anyway.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_SEGMENTER_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/extraction/lexicon.h"

namespace verbatim::extraction {

struct Segmentation {
  // Non-empty lines, trimmed; news bodies put one paragraph per line.
  std::vector<entities::TextSpan> paragraphs;
  // Sentences in text order; each lies inside one paragraph.
  std::vector<entities::TextSpan> sentences;
  std::vector<int> sentence_paragraph;  // paragraph index of each sentence
  std::vector<int>
      paragraph_first_sentence;  // first sentence of each paragraph
};

enum class TokenKind { kWord, kPunct };

struct Token {
  entities::TextSpan span;
  TokenKind kind = TokenKind::kWord;
};

// Word tokens: letters/digits with inner apostrophes, hyphens and periods
// ("it’s", "co-founder", "U.S.", "K.Dot", ".Paak"); every other non-space
// character is a one-character punctuation token. Appends to `out`.
void Tokenize(std::string_view text, entities::TextSpan range,
              std::vector<Token>& out);

// Thread-safe after construction.
class Segmenter {
 public:
  // Takes lexicons/abbreviations.txt from EmbeddedLexicon (lexicon.h), which
  // aborts if the build lacks it; the status is always OK today.
  static absl::StatusOr<Segmenter> Create();
  explicit Segmenter(text::Lexicon abbreviations)
      : abbreviations_(std::move(abbreviations)) {}

  Segmentation Segment(std::string_view text) const;

 private:
  // Splits one paragraph into sentences.
  void SplitSentences(std::string_view text, entities::TextSpan para,
                      int para_index, Segmentation& out) const;
  bool IsAbbreviation(std::string_view text, size_t word_begin,
                      size_t period) const;

  text::Lexicon abbreviations_;
};

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_SEGMENTER_H_
