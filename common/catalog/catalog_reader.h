// Reads records from a store, primary or secondary, following keys.h.
//
// Thread-safety: stateless functions; safe wherever the Store is.
#ifndef VERBATIM_COMMON_CATALOG_CATALOG_READER_H_
#define VERBATIM_COMMON_CATALOG_CATALOG_READER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/storage/store.h"
#include "verbatim/v1/article.pb.h"
#include "verbatim/v1/entity.pb.h"
#include "verbatim/v1/quote.pb.h"

namespace verbatim::catalog {

// A record together with the version it was read at.
template <typename Record>
struct Versioned {
  Record record;
  int64_t version = 0;
};

// How many live articles mention an entity and how many quotes it speaks.
struct EntityCounts {
  int64_t articles = 0;
  int64_t quotes = 0;
};

// Reads records through one re-aimed cursor per family: for operations that
// read many records (an ingest, a page of results). Each family is seen as of
// the first read in it. Not thread-safe; the store must outlive it.
class RecordReader {
 public:
  // With ReadFrom::kMemoryOnly, records not in memory read as UNAVAILABLE.
  explicit RecordReader(const storage::Store& store,
                        storage::ReadFrom from = storage::ReadFrom::kAnywhere)
      : store_(store), from_(from) {}

  // As the functions of the same names below.
  absl::StatusOr<Versioned<v1::Article>> ReadArticleVersion(
      uint64_t article_id);
  absl::StatusOr<Versioned<v1::Entity>> ReadEntity(absl::string_view entity_id);
  // The entity's record alone: article_count and quote_count are 0 (they are
  // ReadEntityCounts). NOT_FOUND when there is none.
  absl::StatusOr<Versioned<v1::Entity>> ReadEntityRecord(
      absl::string_view entity_id);
  absl::StatusOr<Versioned<v1::Quote>> ReadQuote(uint64_t quote_id);
  // The quote with only its name, text, speaker, speaker display name and
  // kind: for comparing many candidates, whose appearances would cost far
  // more to parse than the rest. NOT_FOUND when there is none.
  absl::StatusOr<Versioned<v1::Quote>> ReadQuoteHead(uint64_t quote_id);
  // The entity's counts; zero counts at version 0 when none were written.
  absl::StatusOr<Versioned<EntityCounts>> ReadEntityCounts(
      absl::string_view entity_id);
  // As FindEntityIdsByNameKey (exact) and FindEntityIdsBySkeleton below:
  // linking looks up every entity of an article.
  absl::StatusOr<std::vector<std::string>> EntityIdsByNameKey(
      absl::string_view name_key, size_t limit);
  absl::StatusOr<std::vector<std::string>> EntityIdsBySkeleton(
      absl::string_view skeleton, size_t limit);

 private:
  storage::PrefixCursor& CursorFor(storage::Family family);
  absl::StatusOr<std::vector<std::string>> EntityIdsUnder(
      storage::Family family, absl::string_view key, size_t limit);

  const storage::Store& store_;
  const storage::ReadFrom from_;
  std::array<std::unique_ptr<storage::PrefixCursor>,
             static_cast<int>(storage::Family::kCount)>
      cursors_;
};

// The newest version of the article; NOT_FOUND (naming the resource) when it
// is absent or deleted.
absl::StatusOr<Versioned<v1::Article>> ReadArticleVersion(
    const storage::Store& store, uint64_t article_id);
absl::StatusOr<v1::Article> ReadArticle(const storage::Store& store,
                                        uint64_t article_id);

// The newest version of the entity, with its counts; NOT_FOUND when there is
// none. A merged entity reads as a record whose merged_into names the entity
// it became.
absl::StatusOr<Versioned<v1::Entity>> ReadEntity(const storage::Store& store,
                                                 absl::string_view entity_id);

// Like ReadEntity, but follows merged_into to the entity now in use.
absl::StatusOr<Versioned<v1::Entity>> ReadCanonicalEntity(
    const storage::Store& store, absl::string_view entity_id);

// The id part of an entity resource name: "entities/a-b" -> "a-b".
std::string EntityIdOf(absl::string_view entity_name);

// The newest version of the utterance; NOT_FOUND when there is none. With
// ReadFrom::kMemoryOnly, UNAVAILABLE when reading it would need the disk.
absl::StatusOr<Versioned<v1::Quote>> ReadQuote(
    const storage::Store& store, uint64_t quote_id,
    storage::ReadFrom from = storage::ReadFrom::kAnywhere);

// Ids of entities with a name or alias whose NameKey equals `name_key`
// (exact) or starts with it (prefix), in key order, at most `limit`.
absl::StatusOr<std::vector<std::string>> FindEntityIdsByNameKey(
    const storage::Store& store, absl::string_view name_key, bool prefix,
    size_t limit);

// Ids of entities with a name or alias having a word (of several) equal to
// or starting with `word_key` ("okafor" for "Wendell Okafor").
absl::StatusOr<std::vector<std::string>> FindEntityIdsByNameWord(
    const storage::Store& store, absl::string_view word_key, bool prefix,
    size_t limit);

// Ids of PERSON entities whose display name has this PersonNameSkeleton.
absl::StatusOr<std::vector<std::string>> FindEntityIdsBySkeleton(
    const storage::Store& store, absl::string_view skeleton, size_t limit);

// Ids of the entities mentioned by up to `max_articles` of the newest
// articles that mention `entity_id` (its context, for telling namesakes and
// misspellings apart).
absl::StatusOr<std::vector<std::string>> CoMentionedEntityIds(
    const storage::Store& store, absl::string_view entity_id,
    size_t max_articles);

// The time an article is indexed under: its publish time, else create time.
int64_t ArticleIndexTimeMicros(const v1::Article& article);
// The time an utterance is indexed under: its earliest appearance.
int64_t QuoteIndexTimeMicros(const v1::Quote& quote);
// Every distinct text the utterance was printed as, canonical text first.
std::vector<std::string> QuotePrintedTexts(const v1::Quote& quote);

}  // namespace verbatim::catalog

#endif  // VERBATIM_COMMON_CATALOG_CATALOG_READER_H_
