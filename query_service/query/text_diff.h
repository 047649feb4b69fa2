// Word-level differences between a printed quote and its canonical text, so
// readers see what an outlet cut, changed or added in brackets.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_TEXT_DIFF_H_
#define VERBATIM_QUERY_SERVICE_QUERY_TEXT_DIFF_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "verbatim/v1/quote.pb.h"

namespace verbatim::query {

// The edits that turn `canonical` into `printed`, in order. Words compare
// case-, accent- and punctuation-insensitively. Bracketed words ("[Paige]")
// are BRACKETED edits whether or not the canonical text has them bare. Empty
// when the texts have the same words, or when they are too long to align
// (over 2000 words each).
std::vector<v1::TextEdit> DiffQuoteText(absl::string_view canonical,
                                        absl::string_view printed);

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_TEXT_DIFF_H_
