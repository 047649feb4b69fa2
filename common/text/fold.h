// Case- and accent-insensitive forms of names and words, so that lookups match
// "Beyoncé" with "beyonce" and "K.Dot" with "k-dot".
#ifndef VERBATIM_COMMON_TEXT_FOLD_H_
#define VERBATIM_COMMON_TEXT_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace verbatim::text {

// The letters and digits of `name`, accents removed and case folded, with
// everything else (spaces, dots, hyphens, apostrophes) dropped:
// "K. Dot" -> "kdot", "Beyoncé" -> "beyonce". Input must be valid UTF-8.
std::string NameKey(absl::string_view name);

// The words of `text` folded the same way, in order: "Don’t STOP, Beyoncé!"
// -> {"don", "t", "stop", "beyonce"}. Apostrophes split words so that curly
// and straight forms agree.
std::vector<std::string> FoldedWords(absl::string_view text);

// `text` with accents removed from its letters and nothing else changed:
// "ciarán" -> "ciaran", "Zoë O'Brien" -> "Zoe O'Brien". Input must be valid
// UTF-8.
std::string WithoutAccents(absl::string_view text);

// `text` lower-cased (Unicode simple case mapping, accents kept) with U+2019
// folded to ': the key of lexicon entries and of same-form comparisons
// ("O’Brien" -> "o'brien"). Invalid bytes become U+FFFD.
std::string LowerKey(std::string_view text);
// LowerKey appended to `out`, for callers that reuse one buffer.
void AppendLowerKey(std::string_view text, std::string& out);

// Appends the UTF-8 bytes of code point `c` to `out`; nothing for a value
// that is no code point.
void AppendUtf8(char32_t c, std::string& out);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_FOLD_H_
