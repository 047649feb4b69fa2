// UTF-8 and name-normalisation helpers shared by the recognizer stages.
//
// All functions are pure and thread-safe. ASCII takes a fast path; other code
// points are classified with ICU so accented names ("Beyoncé", "Łódź") behave
// like ASCII ones.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_TEXT_UTIL_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_TEXT_UTIL_H_

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace verbatim::entities {

// Decodes the code point starting at `pos` (which must be < text.size()) and
// stores its byte length in `len`. Invalid bytes decode as U+FFFD, length 1,
// so scanners always make progress.
inline char32_t DecodeUtf8(std::string_view text, size_t pos, size_t& len);

// Non-ASCII slow paths (ICU) of the classifiers below.
bool IsLetterSlow(char32_t c);
bool IsUpperSlow(char32_t c);
bool IsLowerSlow(char32_t c);
bool IsDigitSlow(char32_t c);
bool IsSpaceSlow(char32_t c);
char32_t DecodeUtf8Slow(std::string_view text, size_t pos, size_t& len);

// "R-Maine", "D-Calif.", "(R-IN)": a legislator's party and state, in any
// case. Never a name.
inline bool IsPartyTag(std::string_view word) {
  if (word.size() < 3 || word.size() > 8 || word[1] != '-') return false;
  const char party = static_cast<char>(word[0] | 0x20);
  const char state = static_cast<char>(word[2] | 0x20);
  return (party == 'r' || party == 'd' || party == 'i') && state >= 'a' &&
         state <= 'z';
}

// “ ‘ " open a quotation or quoted title; ClosingQuoteMark gives the mark
// that closes it (" for ").
inline bool IsOpeningQuoteMark(char32_t c) {
  return c == 0x201C || c == 0x2018 || c == '"';
}
inline char32_t ClosingQuoteMark(char32_t open) {
  if (open == 0x201C) return 0x201D;
  if (open == 0x2018) return 0x2019;
  return '"';
}

inline bool IsLetter(char32_t c) {
  return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : IsLetterSlow(c);
}
inline bool IsUpper(char32_t c) {
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : IsUpperSlow(c);
}
inline bool IsLower(char32_t c) {
  return c < 0x80 ? (c >= 'a' && c <= 'z') : IsLowerSlow(c);
}
inline bool IsDigit(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') : IsDigitSlow(c);
}
inline bool IsSpace(char32_t c) {
  return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : IsSpaceSlow(c);
}

// ASCII-only fast paths for the scanners' inner loops.
inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
// Whether `word` is one or more ASCII lower-case letters ("lok" of "Wong
// Kar-lok").
inline bool IsLowerAsciiWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
}
// Apostrophe-like marks: ' and U+2019.
bool IsApostrophe(char32_t c);
bool IsHyphen(char32_t c);  // '-' and U+2010/U+2011 (word-internal dashes)

// Removes ASCII whitespace from both ends.
std::string_view TrimAsciiSpace(std::string_view text);

// Whether `word` is a year ("2023") or an ordinal ("95th", "21ST"): the words
// that may open an event's name.
bool IsYearOrOrdinal(std::string_view word);

// Letters and digits only, lowercased: "K. Dot", "K-Dot" and "k.dot" all give
// "kdot". Two surface forms with equal squashed keys name the same entity.
std::string SquashedKey(std::string_view text);
// SquashedKey appended to `out`, for callers that reuse one buffer.
void AppendSquashedKey(std::string_view text, std::string& out);

inline char32_t DecodeUtf8(std::string_view text, size_t pos, size_t& len) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    len = 1;
    return byte;
  }
  return DecodeUtf8Slow(text, pos, len);
}

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_TEXT_UTIL_H_
