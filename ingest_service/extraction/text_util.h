// Small byte-level helpers shared by the pipeline stages. All functions are
// pure and thread-safe. Text is assumed to be valid UTF-8 (validated once by
// the normalizer); decoding never reads past the end of the view.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_TEXT_UTIL_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace verbatim::extraction {

// Decodes the code point starting at `pos`; sets `len` to its byte length
// (at least 1, so callers always advance). Returns U+FFFD on malformed input.
char32_t DecodeMultiByte(std::string_view text, size_t pos, size_t& len);
inline char32_t DecodeAt(std::string_view text, size_t pos, size_t& len) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  return DecodeMultiByte(text, pos, len);
}

// Returns the start of the code point that ends at `pos` (exclusive), i.e. the
// previous character. Requires pos > 0.
size_t PrevCharStart(std::string_view text, size_t pos);

// Code point of the character ending at `pos`, or 0 at the start of text.
char32_t CharBefore(std::string_view text, size_t pos);
// Code point starting at `pos`, or 0 at the end of text.
char32_t CharAt(std::string_view text, size_t pos);

// Letters and digits, including every non-ASCII code point that is not
// punctuation or a space we know of (good enough for names in Latin, Cyrillic,
// CJK scripts without pulling ICU into the hot loop).
bool IsWordCharSlow(char32_t c);
bool IsSpaceSlow(char32_t c);
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return IsWordCharSlow(c);
}
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return IsSpaceSlow(c);
}
bool IsUpper(char32_t c);  // ASCII and Latin-1/Latin Extended-A upper case
bool IsLower(char32_t c);
bool IsDigit(char32_t c);
// Dashes used around asides and dash attribution: - – —.
bool IsDash(char32_t c);

// Returns the first position in [pos, end) holding one of the bytes a..d, or
// `end`. Scans 16 bytes at a time where SSE2 is available: the hot loops of
// the quote finder and sentence splitter are searches for a few rare bytes.
size_t FindAnyOf4(std::string_view text, size_t pos, size_t end, char a, char b,
                  char c, char d);

// ASCII lower-casing; non-ASCII bytes are copied unchanged.
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
// Trims ASCII and Unicode spaces (including NBSP) from both ends.
std::string_view TrimSpaces(std::string_view s);
// The text after the last ASCII space of `s` ("rapper" of "the Compton
// rapper"); all of `s` when it has none.
std::string_view LastWord(std::string_view s);
// Whether word `w` ends in a possessive 's or ’s after something ("Lee's").
bool IsPossessive(std::string_view w);
// Whether word `w` opens a relative clause about a subject: "who", "which"
// ("Kisaragi, who grew up in Osaka, said"), any case.
bool IsRelativePronoun(std::string_view w);
// "itself", "himself", "herself", "themselves", any case.
bool IsReflexivePronoun(std::string_view w);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_TEXT_UTIL_H_
