// Answers the v1 QueryService requests from a store (normally a secondary
// instance following the ingest service's primary).
//
// Index rows are checked against the records they point to, so rows a
// secondary still shows after the primary removed them are skipped.
//
// Thread-safe: every method is const and reads the store only.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_QUERY_ENGINE_H_
#define VERBATIM_QUERY_SERVICE_QUERY_QUERY_ENGINE_H_

#include "absl/status/statusor.h"
#include "common/concurrency/work_pool.h"
#include "common/storage/store.h"
#include "verbatim/v1/query_service.pb.h"

namespace verbatim::query {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

class QueryEngine {
 public:
  // `store` and `read_pool` are not owned and must outlive the engine. The
  // records of a page are read in parallel on `read_pool`; null reads them
  // one after another.
  explicit QueryEngine(const storage::Store* store,
                       concurrency::WorkPool* read_pool = nullptr)
      : store_(*store), read_pool_(read_pool) {}

  // NOT_FOUND for unknown names (also in filters); INVALID_ARGUMENT for
  // malformed ones, bad filters, negative page sizes and page tokens issued
  // for other filters. Entity names of merged entities stand for the entity
  // they were merged into.
  absl::StatusOr<v1::Article> GetArticle(
      const v1::GetArticleRequest& request) const;
  absl::StatusOr<v1::ListArticlesResponse> ListArticles(
      const v1::ListArticlesRequest& request) const;
  absl::StatusOr<v1::Entity> GetEntity(
      const v1::GetEntityRequest& request) const;
  absl::StatusOr<v1::SearchEntitiesResponse> SearchEntities(
      const v1::SearchEntitiesRequest& request) const;
  absl::StatusOr<v1::Quote> GetQuote(const v1::GetQuoteRequest& request) const;
  absl::StatusOr<v1::ListQuotesResponse> ListQuotes(
      const v1::ListQuotesRequest& request) const;
  absl::StatusOr<v1::SearchQuotesResponse> SearchQuotes(
      const v1::SearchQuotesRequest& request) const;
  absl::StatusOr<v1::ListRelatedEntitiesResponse> ListRelatedEntities(
      const v1::ListRelatedEntitiesRequest& request) const;
  absl::StatusOr<v1::EntityTimeline> GetEntityTimeline(
      const v1::GetEntityTimelineRequest& request) const;

 private:
  const storage::Store& store_;
  concurrency::WorkPool* const read_pool_;
};

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_QUERY_ENGINE_H_
