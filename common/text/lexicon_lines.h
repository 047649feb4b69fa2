// The entry lines of a lexicon compiled into verbatim_text (lexicons/*.txt):
// stripped of surrounding spaces, without blank lines and '#' comments.
#ifndef VERBATIM_COMMON_TEXT_LEXICON_LINES_H_
#define VERBATIM_COMMON_TEXT_LEXICON_LINES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace verbatim::text {

// The lines of embedded lexicon `name`; empty when it is not compiled in
// (callers then fall back to words as printed).
std::vector<std::string> LexiconLines(absl::string_view name);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_LEXICON_LINES_H_
