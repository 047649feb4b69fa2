#include "ingest_service/extraction/segmenter.h"

#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

namespace {

bool IsClosingPunct(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' ||
         c == ']' || c == 0xBB;
}

bool IsOpeningPunct(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '(' ||
         c == '[' || c == 0xAB;
}

// Characters joining two word parts into one token.
bool IsInnerJoiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == '&' ||
         c == 0x2010 || c == 0x2011;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void Tokenize(std::string_view text, entities::TextSpan range,
              std::vector<Token>& out) {
  size_t i = range.begin;
  const size_t end = std::min(range.end, text.size());
  while (i < end) {
    size_t len;
    const char32_t c = DecodeAt(text, i, len);
    if (IsSpace(c)) {
      i += len;
      continue;
    }
    // ".Paak": a period glued to a following capitalised word starts a token.
    const bool leading_dot = c == '.' && i + 1 < end &&
                             IsUpper(CharAt(text, i + 1)) &&
                             (i == range.begin || IsSpace(CharBefore(text, i)));
    if (!IsWordChar(c) && !leading_dot) {
      out.push_back({{i, i + len}, TokenKind::kPunct});
      i += len;
      continue;
    }
    const size_t b = i;
    i += len;
    while (i < end) {
      const char32_t d = DecodeAt(text, i, len);
      if (IsWordChar(d)) {
        i += len;
        continue;
      }
      // "65,000" is one number: a comma joins digits.
      const bool digit_comma = d == ',' && i > b && IsDigit(text[i - 1]) &&
                               i + len < end && IsDigit(text[i + len]);
      if ((IsInnerJoiner(d) || digit_comma) && i + len < end) {
        size_t len2;
        const char32_t e = DecodeAt(text, i + len, len2);
        if (IsWordChar(e)) {
          i += len + len2;
          continue;
        }
        // "U.S." keeps its final period when the token has an inner one.
        if (d == '.' &&
            text.substr(b, i - b).find('.') != std::string_view::npos) {
          i += len;
          break;
        }
      }
      break;
    }
    out.push_back({{b, i}, TokenKind::kWord});
  }
}

absl::StatusOr<Segmenter> Segmenter::Create() {
  return Segmenter(EmbeddedLexicon("abbreviations.txt"));
}

bool Segmenter::IsAbbreviation(std::string_view text, size_t word_begin,
                               size_t period) const {
  std::string_view word = text.substr(word_begin, period - word_begin);
  if (word.empty()) return false;
  // Initials: "K. Dot", "George W. Bush".
  size_t len;
  const char32_t first = DecodeAt(word, 0, len);
  if (len == word.size() && IsUpper(first)) return true;
  return abbreviations_.ContainsFolded(word);
}

void Segmenter::SplitSentences(std::string_view text, entities::TextSpan para,
                               int para_index, Segmentation& out) const {
  auto emit = [&](size_t b, size_t e) {
    const std::string_view s = TrimSpaces(text.substr(b, e - b));
    if (s.empty()) return;
    const size_t sb = static_cast<size_t>(s.data() - text.data());
    out.sentences.push_back({sb, sb + s.size()});
    out.sentence_paragraph.push_back(para_index);
  };
  size_t start = para.begin;
  size_t i = para.begin;
  size_t word_begin = para.begin;
  while (i < para.end) {
    // Only terminators matter; 0xE2 may start an ellipsis.
    i = FindAnyOf4(text, i, para.end, '.', '!', '?', '\xE2');
    if (i >= para.end) break;
    size_t len;
    const char32_t c = DecodeAt(text, i, len);
    // The word ending here starts after the previous space.
    // Bounded, so a huge line of periods stays linear; abbreviations are
    // short anyway.
    word_begin = i;
    while (word_begin > para.begin && i - word_begin < 24 &&
           !IsSpace(CharBefore(text, word_begin))) {
      word_begin = PrevCharStart(text, word_begin);
    }
    if (i - word_begin >= 24) word_begin = i;
    const bool terminal = c == '.' || c == '!' || c == '?' || c == 0x2026;
    if (!terminal) {
      i += len;
      continue;
    }
    size_t j = i + len;
    // Runs of terminators and closing marks: ?!, ." and .)
    while (j < para.end) {
      size_t l2;
      const char32_t d = DecodeAt(text, j, l2);
      if (d == '.' || d == '!' || d == '?' || d == 0x2026 ||
          IsClosingPunct(d)) {
        j += l2;
      } else {
        break;
      }
    }
    if (j >= para.end) break;
    if (!IsSpace(CharAt(text, j))) {
      i = j;
      continue;
    }
    size_t k = j;
    while (k < para.end && IsSpace(CharAt(text, k))) ++k;
    if (k >= para.end) break;
    const char32_t next = CharAt(text, k);
    const bool starts_sentence =
        IsUpper(next) || IsDigit(next) || IsOpeningPunct(next) ||
        (next >= 0x80 && IsWordChar(next) && !IsLower(next));
    const bool abbrev =
        c == '.' && j == i + 1 && IsAbbreviation(text, word_begin, i);
    if (starts_sentence && !abbrev) {
      emit(start, j);
      start = k;
    }
    i = k;
    word_begin = k;
  }
  emit(start, para.end);
}

Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view t = TrimSpaces(text.substr(pos, nl - pos));
    if (!t.empty()) {
      const size_t b = static_cast<size_t>(t.data() - text.data());
      const int index = static_cast<int>(out.paragraphs.size());
      out.paragraphs.push_back({b, b + t.size()});
      out.paragraph_first_sentence.push_back(
          static_cast<int>(out.sentences.size()));
      SplitSentences(text, {b, b + t.size()}, index, out);
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace verbatim::extraction
