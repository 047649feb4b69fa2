#include "ingest_service/extraction/lexicon.h"

#include <string>

#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "verbatim_entities_data.h"
#include "verbatim_extraction_data.h"

namespace verbatim::extraction {

absl::StatusOr<text::Lexicon> LoadLexicon(std::string_view basename) {
  const auto data = data::EmbeddedFile(basename);
  if (!data.has_value()) {
    return absl::NotFoundError("embedded lexicon not found: " +
                               std::string(basename));
  }
  return text::Lexicon::Parse(basename, *data);
}

const text::Lexicon& EmbeddedLexicon(std::string_view basename) {
  static absl::Mutex mutex(absl::kConstInit);
  static auto* const loaded =
      new absl::node_hash_map<std::string, const text::Lexicon*>();
  absl::MutexLock lock(&mutex);
  const std::string key(basename);
  const text::Lexicon*& lexicon = (*loaded)[key];
  if (lexicon == nullptr) {
    lexicon = &text::CompiledInLexicon(basename, data::EmbeddedFile(basename));
  }
  return *lexicon;
}

const text::Lexicon& DemonymLexicon() {
  static const text::Lexicon& lexicon = text::CompiledInLexicon(
      "demonyms.txt", entities::data::EmbeddedFile("demonyms.txt"));
  return lexicon;
}

}  // namespace verbatim::extraction
