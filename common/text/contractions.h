// Words of a text with contractions spelled out (lexicons/contractions.txt):
// what two printings of one quote are compared by, so that an outlet's
// "cannot" matches another's "can't".
#ifndef VERBATIM_COMMON_TEXT_CONTRACTIONS_H_
#define VERBATIM_COMMON_TEXT_CONTRACTIONS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace verbatim::text {

// FoldedWords(text) with contractions spelled out: "We can't, we won't,
// we'll see" -> {"we", "can", "not", "we", "will", "not", "we", "will",
// "see"}. Input must be valid UTF-8. Thread-safe.
std::vector<std::string> SpelledOutWords(absl::string_view text);

// The same from words already folded by FoldedWords.
std::vector<std::string> SpellOut(const std::vector<std::string>& words);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_CONTRACTIONS_H_
