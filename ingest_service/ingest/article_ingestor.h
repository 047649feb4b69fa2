// Stores articles with their extraction, linked to what earlier articles said,
// and applies curation (aliases, merges): the single writer of the store.
//
// Each CreateArticle or DeleteArticle is one store batch: an article is stored
// completely or not at all. Extraction runs concurrently in the caller's
// thread; linking and writing are serialized so that entity and quote ids are
// stable and race-free.
#ifndef VERBATIM_INGEST_SERVICE_INGEST_ARTICLE_INGESTOR_H_
#define VERBATIM_INGEST_SERVICE_INGEST_ARTICLE_INGESTOR_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/storage/store.h"
#include "ingest_service/extraction/extractor.h"
#include "ingest_service/ingest/article_validation.h"
#include "ingest_service/ingest/quote_linker.h"
#include "ingest_service/ingest/record_changes.h"
#include "verbatim/v1/ingest_service.pb.h"

namespace verbatim::ingest {

struct CreateOutcome {
  v1::Article article;   // as stored
  bool created = false;  // false: it was stored before and is returned as is
  // When created: what extraction found, with the ids it was linked to
  // (entity_ids[i] for extraction.entities[i], quote_ids[j] for quotes[j]).
  extraction::ExtractionResult extraction;
  std::vector<std::string> entity_ids;
  std::vector<std::string> quote_ids;
};

// Thread-safe.
class ArticleIngestor {
 public:
  // Reads the id counters from `store` (not owned; must outlive this).
  static absl::StatusOr<std::unique_ptr<ArticleIngestor>> Create(
      storage::Store* store, const extraction::Extractor* extractor,
      ArticleLimits limits);

  // Validates, extracts, links and stores the article. Returns the stored
  // article (created=false) when the same request_id, url or (without url)
  // body was stored before. INVALID_ARGUMENT / RESOURCE_EXHAUSTED for bad
  // requests; nothing is written then.
  absl::StatusOr<CreateOutcome> CreateArticle(
      const v1::CreateArticleRequest& request);

  // Removes the article, its appearances, mentions, index rows and
  // idempotency keys; entities and quotes left with no article are removed.
  // NOT_FOUND when there is no such article.
  absl::Status DeleteArticle(absl::string_view name);

  // Adds `alias` to the entity named `entity` and merges into it any other
  // entity of its type whose display name is the alias. Returns the entity.
  // INVALID_ARGUMENT for a malformed name or empty alias; NOT_FOUND for an
  // unknown entity.
  absl::StatusOr<v1::Entity> AddEntityAlias(absl::string_view entity,
                                            absl::string_view alias);

  // Merges each of `merged` into `entity` (each merge is one atomic batch):
  // aliases, article mentions, quote speakers and counts move over, and the
  // merged entity becomes a pointer to `entity`. Returns the entity.
  absl::StatusOr<v1::Entity> MergeEntities(
      absl::string_view entity, const std::vector<std::string>& merged);

  // The store sequence number after the last write (consistency token).
  uint64_t LastSequenceNumber() const { return store_->LatestSequenceNumber(); }

 private:
  ArticleIngestor(storage::Store* store, const extraction::Extractor* extractor,
                  ArticleLimits limits)
      : store_(store), extractor_(extractor), limits_(limits) {}

  struct Counters {
    uint64_t next_article_id = 1;
    uint64_t next_quote_id = 1;
    int64_t next_version = 1;
  };

  absl::StatusOr<CreateOutcome> StoreArticle(
      const v1::CreateArticleRequest& request,
      const std::vector<std::string>& idempotency_keys,
      extraction::ExtractionResult extraction)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The article stored under any of the idempotency keys, if any.
  absl::StatusOr<std::optional<v1::Article>> FindStored(
      const std::vector<std::string>& keys) const;
  // Adds `changes` and `counters` to `batch`, writes it, and adopts the
  // counters once the write succeeded.
  absl::Status CommitLocked(storage::Batch& batch, const RecordChanges& changes,
                            const Counters& counters)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Moves everything of entity `source_id` to `target_id` in one batch.
  absl::Status MergeLocked(const std::string& source_id,
                           const std::string& target_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  storage::Store* const store_;
  const extraction::Extractor* const extractor_;
  const ArticleLimits limits_;
  absl::Mutex mu_;
  Counters counters_ ABSL_GUARDED_BY(mu_);
  CommonShingles common_shingles_ ABSL_GUARDED_BY(mu_);
};

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_ARTICLE_INGESTOR_H_
