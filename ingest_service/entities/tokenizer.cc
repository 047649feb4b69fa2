#include "ingest_service/entities/tokenizer.h"

#include <array>
#include <cstdint>

#include "ingest_service/entities/text_util.h"

namespace verbatim::entities {
namespace {

bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c); }

constexpr uint8_t kDigitBit = 1;
constexpr uint8_t kUpperBit = 2;
constexpr uint8_t kLowerBit = 4;

// Class bits of ASCII letters and digits; 0 for every other byte.
constexpr auto kAsciiClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigitBit;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpperBit;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLowerBit;
  return table;
}();

bool EndsSentence(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':';
}

// Scans one word starting at `pos` (a word character, or a dot glued to an
// upper-case letter). Returns the end of the bytes consumed, which may extend
// past token.end over a possessive.
size_t ScanWord(std::string_view text, size_t pos, Token& token) {
  token.kind = TokenKind::kWord;
  token.begin = pos;
  size_t len = 0;
  if (text[pos] == '.') {
    token.leading_dot = true;
    ++pos;
  }
  bool seen_lower = false;
  bool first_letter = true;
  size_t last_hyphen_begin = 0;
  size_t last_hyphen_end = 0;
  bool tail_lower = false;
  token.all_upper = true;
  while (pos < text.size()) {
    auto byte = static_cast<unsigned char>(text[pos]);
    if (kAsciiClass[byte] != 0) {
      // ASCII fast path of the branch below: a branch-light run over
      // letters and digits.
      if (first_letter) {
        size_t k = pos;
        while (k < text.size() && IsAsciiAlnum(text[k]) && text[k] <= '9') {
          ++k;
        }
        if (k < text.size() && IsAsciiAlnum(text[k])) {
          token.upper_initial = text[k] <= 'Z';
          first_letter = false;
        }
      }
      // One table load per byte (bit 0 digit, 1 upper, 2 lower); whether an
      // upper-case letter follows a lower-case one is settled afterwards,
      // and only for runs that mix cases.
      const size_t run = pos;
      uint8_t classes = 0;
      do {
        classes |= kAsciiClass[byte];
        ++pos;
        if (pos >= text.size()) break;
        byte = static_cast<unsigned char>(text[pos]);
      } while (kAsciiClass[byte] != 0);
      bool lower_seen = seen_lower || (classes & kLowerBit) != 0;
      bool inner = false;
      if ((classes & kUpperBit) != 0 && lower_seen) {
        bool lower_before = seen_lower;
        for (size_t k = run; k < pos && !inner; ++k) {
          const uint8_t cls = kAsciiClass[static_cast<unsigned char>(text[k])];
          inner = (cls & kUpperBit) != 0 && lower_before;
          lower_before |= (cls & kLowerBit) != 0;
        }
      }
      const bool digit = (classes & kDigitBit) != 0;
      const bool letter = (classes & (kUpperBit | kLowerBit)) != 0;
      if (lower_seen) token.all_upper = false;
      seen_lower = lower_seen;
      token.inner_upper |= inner;
      token.has_digit |= digit;
      token.has_letter |= letter;
      continue;
    }
    // Most words end at an ASCII space or punctuation mark that cannot join
    // two word parts: stop without decoding.
    if (byte < 0x80 && byte != '\'' && byte != '-' && byte != '.') break;
    const char32_t c = DecodeUtf8(text, pos, len);
    if (IsWordChar(c)) {
      if (IsLetter(c)) {
        token.has_letter = true;
        const bool upper = IsUpper(c);
        const bool lower = IsLower(c);
        if (first_letter) {
          token.upper_initial = upper;
          first_letter = false;
        }
        if (lower) {
          token.all_upper = false;
          seen_lower = true;
        } else if (upper && seen_lower) {
          token.inner_upper = true;
        }
      } else {
        token.has_digit = true;
      }
      pos += len;
      continue;
    }
    // Joiners stay inside the word only between word characters.
    const size_t after = pos + len;
    size_t next_len = 0;
    const char32_t next =
        after < text.size() ? DecodeUtf8(text, after, next_len) : 0;
    if (IsApostrophe(c)) {
      const bool next_is_s = next == 's' || next == 'S';
      size_t after_s = after + 1;
      if (next_is_s && (after_s >= text.size() ||
                        !IsWordChar(DecodeUtf8(text, after_s, next_len)))) {
        token.end = pos;
        token.possessive = true;
        return after_s;
      }
      if (IsLetter(next)) {
        pos = after;
        continue;
      }
      // Plural possessive ("the Lamars' house"): a bare mark after s. A
      // curly one may also close a quotation, so it counts only before a
      // capitalised word ("Dock Workers’ Union").
      const char32_t prev = text[pos - 1];
      const bool capital_follows =
          next == ' ' && after + 1 < text.size() &&
          IsUpper(DecodeUtf8(text, after + 1, next_len));
      if ((prev == 's' || prev == 'S') && (c == '\'' || capital_follows)) {
        token.end = pos;
        token.possessive = true;
        token.plural_possessive = true;
        return after;
      }
      break;
    }
    if (IsHyphen(c) && IsWordChar(next)) {
      last_hyphen_begin = pos;
      pos = after;
      last_hyphen_end = pos;
      tail_lower = IsLower(next);
      continue;
    }
    if (c == '.' && IsLetter(next) && IsLetter(text[pos - 1])) {
      token.inner_dot = true;
      pos = after;
      continue;
    }
    break;
  }
  token.end = pos;
  if (!token.has_letter) token.all_upper = false;
  if (tail_lower && last_hyphen_end > token.begin) {
    token.hyphen_tail = last_hyphen_end;
    token.hyphen_begin = last_hyphen_begin;
  }
  if (pos < text.size() && text[pos] == '.') token.trailing_dot = true;
  return pos;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text,
                            absl::Span<const TextSpan> sentences) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  bool space = false;
  bool newline = true;  // the text start behaves like a line start
  bool boundary = true;
  size_t pos = 0;
  size_t len = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte == ' ') {
      space = true;
      ++pos;
      continue;
    }
    if (byte == '\n') {
      space = true;
      newline = true;
      ++pos;
      continue;
    }
    const char32_t c = DecodeUtf8(text, pos, len);
    if (IsSpace(c)) {
      space = true;
      if (c == '\n' || c == 0x2028 || c == 0x2029) newline = true;
      pos += len;
      continue;
    }
    Token& token = tokens.emplace_back();
    token.space_before = space;
    token.newline_before = newline;
    if (newline) boundary = true;
    size_t next_len = 0;
    const bool dot_word = c == '.' && space && pos + 1 < text.size() &&
                          IsUpper(DecodeUtf8(text, pos + 1, next_len));
    if (IsWordChar(c) || dot_word) {
      pos = ScanWord(text, pos, token);
      token.sentence_start = boundary;
      boundary = false;
    } else {
      token.kind = TokenKind::kPunct;
      token.punct = c;
      token.begin = pos;
      token.end = pos + len;
      pos += len;
      if (EndsSentence(c)) {
        // "Mr." and "K." do not end a sentence; a dot after a longer word or
        // a lower-case word does.
        const Token* prev =
            tokens.size() < 2 ? nullptr : &tokens[tokens.size() - 2];
        const bool abbreviation =
            c == '.' && prev != nullptr && prev->kind == TokenKind::kWord &&
            prev->end == token.begin && prev->upper_initial &&
            prev->end - prev->begin <= 3 && !prev->all_upper;
        const bool initial =
            c == '.' && prev != nullptr && prev->kind == TokenKind::kWord &&
            prev->end == token.begin && prev->end - prev->begin == 1;
        if (!abbreviation && !initial) boundary = true;
      } else if (c == 0x201C || (c == '"' && (space || newline))) {
        // A quotation opens a new sentence of the quoted speaker even in the
        // middle of the reporting sentence ('Free added, “When we ...').
        boundary = true;
      } else if (c == ',' || c == ';') {
        boundary = false;
      }
    }
    space = false;
    newline = false;
  }
  // Caller-provided sentence starts: the first word inside each span.
  size_t t = 0;
  for (const TextSpan& sentence : sentences) {
    while (t < tokens.size() && tokens[t].begin < sentence.begin) ++t;
    size_t u = t;
    while (u < tokens.size() && tokens[u].begin < sentence.end &&
           tokens[u].kind != TokenKind::kWord) {
      ++u;
    }
    if (u < tokens.size() && tokens[u].begin < sentence.end) {
      tokens[u].sentence_start = true;
    }
  }
  return tokens;
}

}  // namespace verbatim::entities
