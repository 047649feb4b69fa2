#include "ingest_service/extraction/cue_verbs.h"

#include "ingest_service/extraction/lexicon.h"

namespace verbatim::extraction {
namespace {

const text::Lexicon& CueVerbLexicon() {
  static const text::Lexicon& lexicon = EmbeddedLexicon("cue_verbs.txt");
  return lexicon;
}

}  // namespace

std::optional<std::string_view> CueVerbNeeds(std::string_view word) {
  return CueVerbLexicon().FindFolded(word);
}

bool IsCueVerb(std::string_view word) {
  std::optional<std::string_view> needs = CueVerbNeeds(word);
  return needs.has_value() && needs->empty();
}

}  // namespace verbatim::extraction
