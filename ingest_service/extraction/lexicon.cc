#include "ingest_service/extraction/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
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
  // Never destroyed: references outlive static destruction order.
  static auto* const loaded =
      new absl::node_hash_map<std::string, text::Lexicon>();
  absl::MutexLock lock(&mutex);
  const std::string key(basename);
  if (auto it = loaded->find(key); it != loaded->end()) return it->second;
  absl::StatusOr<text::Lexicon> lexicon = LoadLexicon(basename);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "fatal: %s\n", lexicon.status().ToString().c_str());
    std::abort();
  }
  return loaded->emplace(key, *std::move(lexicon)).first->second;
}

}  // namespace verbatim::extraction
