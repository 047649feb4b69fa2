// Edit distances for telling misspellings of one name from different names.
#ifndef VERBATIM_COMMON_TEXT_EDIT_DISTANCE_H_
#define VERBATIM_COMMON_TEXT_EDIT_DISTANCE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace verbatim::text {

// Levenshtein distance in bytes (insertions, deletions, substitutions), or
// `limit` + 1 when it exceeds `limit` (computed in O(len * limit)).
int EditDistance(absl::string_view a, absl::string_view b, int limit);

// A spelling-tolerant key of a person's name: the first letter of the first
// word, "|", and the last word's consonants with repeats collapsed:
// "Jake Schreier" and "Jack Schreir" -> "j|schr". Empty for one-word names.
// Input: folded words (see fold.h).
std::string PersonNameSkeleton(absl::string_view display_name);

// The keys a person is indexed and looked up by: PersonNameSkeleton, then,
// when the surname keeps three or more consonants, the skeleton less each one
// of them, so that a consonant added or dropped ("Hoek" / "Hoeck",
// "Raghunathan" / "Ragunathan") still meets on one key from either side.
// Empty for one-word names.
std::vector<std::string> PersonNameSkeletonKeys(absl::string_view display_name);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_EDIT_DISTANCE_H_
