// The words quote search does not index (lexicons/search_stop_words.txt).
// Ingest writes no term rows for them, and search matches them against the
// quote text once other words have found the candidates: both sides must use
// this one list.
#ifndef VERBATIM_COMMON_TEXT_STOP_WORDS_H_
#define VERBATIM_COMMON_TEXT_STOP_WORDS_H_

#include "absl/strings/string_view.h"

namespace verbatim::text {

// True when `folded_word` (one word of FoldedWords()) is a search stop word.
// Thread-safe.
bool IsSearchStopWord(absl::string_view folded_word);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_STOP_WORDS_H_
