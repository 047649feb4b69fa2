#include "query_service/query/entity_stats.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/time/time.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "query_service/query/index_scan.h"
#include "query_service/query/quote_filter.h"

namespace verbatim::query {
namespace {

using storage::Family;

constexpr size_t kRelatedScanLimit = 2000;
constexpr size_t kTimelineScanLimit = 100000;

absl::StatusOr<std::string> RequiredEntity(const storage::Store& store,
                                           const std::string& name) {
  if (name.empty()) return status::InvalidField("entity", "is required");
  return ResolveEntityFilter(store, name, "entity");
}

// Calls visit(key) for up to `limit` rows of `family` in [lower, upper).
template <typename Visit>
absl::Status ScanRows(const storage::Store& store, Family family,
                      std::string lower, std::string upper, size_t limit,
                      Visit visit) {
  auto cursor = store.NewCursor(family, std::move(lower), std::move(upper));
  for (size_t n = 0; cursor->Valid() && n < limit; cursor->Next(), ++n) {
    if (absl::Status s = visit(cursor->key()); !s.ok()) return s;
  }
  return cursor->status();
}

// The quote a speaker-index row points at, if the row is current.
absl::StatusOr<std::optional<v1::Quote>> CurrentQuote(
    const storage::Store& store, absl::string_view key,
    const std::string& speaker) {
  uint64_t id;
  int64_t time;
  if (!catalog::DecodeTrailingId(key, &id) ||
      !catalog::DecodeIndexTime(key, true, &time)) {
    return std::nullopt;
  }
  auto quote = catalog::ReadQuote(store, id);
  if (absl::IsNotFound(quote.status())) return std::nullopt;
  if (!quote.ok()) return quote.status();
  if (quote->record.speaker() != speaker ||
      catalog::QuoteIndexTimeMicros(quote->record) != time) {
    return std::nullopt;
  }
  return std::move(quote->record);
}

std::string Day(int64_t time_us) {
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixMicros(time_us),
                          absl::UTCTimeZone());
}

}  // namespace

absl::StatusOr<v1::ListRelatedEntitiesResponse> ListRelatedEntities(
    const storage::Store& store,
    const v1::ListRelatedEntitiesRequest& request) {
  auto id = RequiredEntity(store, request.entity());
  if (!id.ok()) return id.status();
  auto page =
      ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  const std::string self = catalog::EntityName(*id);
  const std::string prefix = catalog::GroupPrefix(*id);

  std::map<std::string, std::pair<int64_t, int64_t>>
      counts;  // articles, quotes
  absl::Status scanned =
      ScanRows(store, Family::kArticlesByEntity, prefix,
               storage::PrefixSuccessor(prefix), kRelatedScanLimit,
               [&](absl::string_view key) -> absl::Status {
                 uint64_t article_id;
                 if (!catalog::DecodeTrailingId(key, &article_id))
                   return absl::OkStatus();
                 auto article = catalog::ReadArticle(store, article_id);
                 if (absl::IsNotFound(article.status()))
                   return absl::OkStatus();
                 if (!article.ok()) return article.status();
                 std::set<std::string> named;
                 for (const v1::EntityMention& mention : article->mentions()) {
                   if (!mention.entity().empty() && mention.entity() != self) {
                     named.insert(mention.entity());
                   }
                 }
                 for (const std::string& entity : named) ++counts[entity].first;
                 return absl::OkStatus();
               });
  if (!scanned.ok()) return scanned;
  scanned = ScanRows(
      store, Family::kQuotesBySpeaker, prefix, storage::PrefixSuccessor(prefix),
      kRelatedScanLimit, [&](absl::string_view key) -> absl::Status {
        auto quote = CurrentQuote(store, key, self);
        if (!quote.ok()) return quote.status();
        if (!quote->has_value()) return absl::OkStatus();
        for (const std::string& entity : (*quote)->mentioned_entities()) {
          if (entity != self) ++counts[entity].second;
        }
        return absl::OkStatus();
      });
  if (!scanned.ok()) return scanned;

  std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> ranked(
      counts.begin(), counts.end());
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  uint64_t offset = 0;
  if (!page->resume_key.empty() &&
      !catalog::DecodeId(page->resume_key, &offset)) {
    return status::InvalidField("page_token",
                                "is not a token this service issued");
  }
  v1::ListRelatedEntitiesResponse response;
  size_t i = offset;
  for (; i < ranked.size() && response.related_entities_size() < page->size;
       ++i) {
    auto entity =
        catalog::ReadEntity(store, catalog::EntityIdOf(ranked[i].first));
    if (absl::IsNotFound(entity.status())) continue;
    if (!entity.ok()) return entity.status();
    v1::RelatedEntity* related = response.add_related_entities();
    *related->mutable_entity() = std::move(entity->record);
    related->set_shared_article_count(ranked[i].second.first);
    related->set_shared_quote_count(ranked[i].second.second);
  }
  if (i < ranked.size()) {
    response.set_next_page_token(
        paging::EncodePageToken(catalog::EncodeId(i), page->filters));
  }
  return response;
}

absl::StatusOr<v1::EntityTimeline> GetEntityTimeline(
    const storage::Store& store, const v1::GetEntityTimelineRequest& request) {
  auto id = RequiredEntity(store, request.entity());
  if (!id.ok()) return id.status();
  auto range =
      TimeRange(catalog::GroupPrefix(*id),
                request.has_start_time() ? &request.start_time() : nullptr,
                request.has_end_time() ? &request.end_time() : nullptr);
  if (!range.ok()) return range.status();
  const std::string self = catalog::EntityName(*id);

  std::map<std::string, std::pair<int64_t, int64_t>> days;  // articles, quotes
  absl::Status scanned =
      ScanRows(store, Family::kArticlesByEntity, range->lower, range->upper,
               kTimelineScanLimit, [&](absl::string_view key) -> absl::Status {
                 uint64_t article_id;
                 int64_t time;
                 if (!catalog::DecodeTrailingId(key, &article_id) ||
                     !catalog::DecodeIndexTime(key, true, &time)) {
                   return absl::OkStatus();
                 }
                 // Rows of deleted articles may linger in a secondary;
                 // tombstones don't.
                 auto tombstone = store.Get(Family::kArticleTombstones,
                                            catalog::ArticleKey(article_id));
                 if (tombstone.ok()) return absl::OkStatus();
                 if (!absl::IsNotFound(tombstone.status()))
                   return tombstone.status();
                 ++days[Day(time)].first;
                 return absl::OkStatus();
               });
  if (!scanned.ok()) return scanned;
  scanned =
      ScanRows(store, Family::kQuotesBySpeaker, range->lower, range->upper,
               kTimelineScanLimit, [&](absl::string_view key) -> absl::Status {
                 auto quote = CurrentQuote(store, key, self);
                 if (!quote.ok()) return quote.status();
                 if (quote->has_value()) {
                   ++days[Day(catalog::QuoteIndexTimeMicros(**quote))].second;
                 }
                 return absl::OkStatus();
               });
  if (!scanned.ok()) return scanned;

  v1::EntityTimeline timeline;
  timeline.set_entity(self);
  for (const auto& [date, count] : days) {
    v1::TimelineDay* day = timeline.add_days();
    day->set_date(date);
    day->set_article_count(count.first);
    day->set_quote_count(count.second);
  }
  return timeline;
}

}  // namespace verbatim::query
