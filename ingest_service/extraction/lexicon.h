// The extraction stages' lexicons (lexicons/*.txt, compiled into the binary;
// format in common/text/lexicon.h).
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_LEXICON_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_LEXICON_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "common/text/lexicon.h"

namespace verbatim::extraction {

// Parses the embedded file `basename`. NOT_FOUND when it was not compiled in;
// INVALID_ARGUMENT when it is corrupt.
absl::StatusOr<text::Lexicon> LoadLexicon(std::string_view basename);

// The embedded file `basename`, parsed on first use and kept for the life of
// the process, for the stages that are free functions. Thread-safe. A file
// that is missing or corrupt is a build defect: the process aborts with its
// name.
const text::Lexicon& EmbeddedLexicon(std::string_view basename);

// A lexicon of the entity recognizer's (entities/lexicons/`basename`: the
// nationality words of demonyms.txt, the legal forms of org_heads.txt), kept
// for the process like EmbeddedLexicon, so the two stages share one list.
const text::Lexicon& EntityLexicon(std::string_view basename);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_LEXICON_H_
