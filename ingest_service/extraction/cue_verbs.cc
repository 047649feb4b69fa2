#include "ingest_service/extraction/cue_verbs.h"

#include "ingest_service/extraction/lexicon.h"

namespace verbatim::extraction {
namespace {

const Lexicon& CueVerbLexicon() {
  // Compiled into the binary: loading cannot fail.
  static const Lexicon* const verbs =
      new Lexicon(Lexicon::Load("cue_verbs.txt").value());
  return *verbs;
}

}  // namespace

const std::string* CueVerbNeeds(std::string_view word) {
  return CueVerbLexicon().FindFolded(word);
}

bool IsCueVerb(std::string_view word) {
  const std::string* needs = CueVerbNeeds(word);
  return needs != nullptr && needs->empty();
}

}  // namespace verbatim::extraction
