// Given names that are forms of one another ("Toby" and "Tobias", "Bill" and
// "William"), from lexicons/given_name_variants.txt.
#ifndef VERBATIM_COMMON_TEXT_GIVEN_NAMES_H_
#define VERBATIM_COMMON_TEXT_GIVEN_NAMES_H_

#include "absl/strings/string_view.h"

namespace verbatim::text {

// True when `a` and `b` (words of FoldedWords()) are the same given name or
// forms of one name. Thread-safe.
bool SameGivenName(absl::string_view a, absl::string_view b);

// True when the lexicon lists other forms of given name `name` (a word of
// FoldedWords()): SameGivenName can only be true for it and another word
// then. Thread-safe.
bool HasOtherForms(absl::string_view name);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_GIVEN_NAMES_H_
