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

namespace {

// Parses `basename` with `file` on first use; thread-safe.
const text::Lexicon& CachedLexicon(
    std::string_view basename,
    std::optional<std::string_view> (*file)(std::string_view)) {
  static absl::Mutex mutex(absl::kConstInit);
  static auto* const loaded =
      new absl::node_hash_map<std::string, const text::Lexicon*>();
  absl::MutexLock lock(&mutex);
  // Keyed by the function too: both stages may name a file alike.
  const std::string key =
      std::string(basename) +
      (file == &entities::data::EmbeddedFile ? "@entities" : "");
  const text::Lexicon*& lexicon = (*loaded)[key];
  if (lexicon == nullptr) {
    lexicon = &text::CompiledInLexicon(basename, file(basename));
  }
  return *lexicon;
}

}  // namespace

const text::Lexicon& EmbeddedLexicon(std::string_view basename) {
  return CachedLexicon(basename, &data::EmbeddedFile);
}

const text::Lexicon& EntityLexicon(std::string_view basename) {
  return CachedLexicon(basename, &entities::data::EmbeddedFile);
}

}  // namespace verbatim::extraction
