#include "query_service/query/query_engine.h"

#include <algorithm>
#include <set>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "common/text/fold.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/query/entity_quotes.h"
#include "query_service/query/entity_stats.h"
#include "query_service/query/index_scan.h"
#include "query_service/query/quote_batch.h"
#include "query_service/query/quote_filter.h"
#include "query_service/query/quote_search.h"
#include "query_service/query/text_diff.h"

namespace verbatim::query {
namespace {

using google::protobuf::util::TimeUtil;
using storage::Family;

constexpr size_t kMaxEntityCandidates = 1000;
constexpr size_t kMaxArticlePageBytes = 1 << 20;

// Skips rows whose record is gone (deleted, or stale in a secondary).
template <typename T>
absl::StatusOr<std::optional<T>> UnlessNotFound(absl::StatusOr<T> value) {
  if (absl::IsNotFound(value.status())) return std::nullopt;
  if (!value.ok()) return value.status();
  return *std::move(value);
}

// Fills in how each printing differs from the canonical text.
void AddEdits(v1::Quote& quote) {
  for (v1::Appearance& appearance : *quote.mutable_appearances()) {
    for (v1::TextEdit& edit : DiffQuoteText(quote.text(), appearance.text())) {
      *appearance.add_edits() = std::move(edit);
    }
  }
}

// Offsets into an in-memory result list, as page tokens.
absl::StatusOr<size_t> ResumeOffset(const PageRequest& page) {
  if (page.resume_key.empty()) return 0;
  uint64_t offset = 0;
  if (!catalog::DecodeId(page.resume_key, &offset)) {
    return status::InvalidField("page_token",
                                "is not a token this service issued");
  }
  return static_cast<size_t>(offset);
}

std::string NextOffsetToken(const PageRequest& page, size_t next,
                            size_t total) {
  return next < total
             ? paging::EncodePageToken(catalog::EncodeId(next), page.filters)
             : std::string();
}

}  // namespace

absl::StatusOr<v1::Article> QueryEngine::GetArticle(
    const v1::GetArticleRequest& request) const {
  auto id = catalog::ParseArticleName(request.name(), "name");
  if (!id.ok()) return id.status();
  return catalog::ReadArticle(store_, *id);
}

absl::StatusOr<v1::ListArticlesResponse> QueryEngine::ListArticles(
    const v1::ListArticlesRequest& request) const {
  auto page =
      ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  auto entity_id = ResolveEntityFilter(store_, request.entity(), "entity");
  if (!entity_id.ok()) return entity_id.status();
  Family family = Family::kArticlesByTime;
  std::string prefix;
  if (!entity_id->empty()) {
    family = Family::kArticlesByEntity;
    prefix = catalog::GroupPrefix(*entity_id);
  } else if (!request.source().empty()) {
    family = Family::kArticlesBySource;
    prefix = catalog::GroupPrefix(request.source());
  }
  auto range = TimeRange(
      prefix, request.has_start_time() ? &request.start_time() : nullptr,
      request.has_end_time() ? &request.end_time() : nullptr);
  if (!range.ok()) return range.status();

  v1::ListArticlesResponse response;
  catalog::RecordReader reader(store_);
  auto next = ScanIndexPage(
      store_, family, range->lower, range->upper, *page,
      [&](absl::string_view key) -> absl::StatusOr<bool> {
        uint64_t id;
        if (!catalog::DecodeTrailingId(key, &id)) return false;
        auto article = UnlessNotFound(reader.ReadArticleVersion(id));
        if (!article.ok()) return article.status();
        if (!article->has_value()) return false;
        if (!request.source().empty() &&
            (*article)->record.source() != request.source()) {
          return false;
        }
        *response.add_articles() = std::move((*article)->record);
        return true;
      },
      // Articles carry their bodies: keep pages well under the 4 MB that
      // gRPC clients accept by default.
      [&] { return response.ByteSizeLong() >= kMaxArticlePageBytes; });
  if (!next.ok()) return next.status();
  response.set_next_page_token(*next);
  return response;
}

absl::StatusOr<v1::Entity> QueryEngine::GetEntity(
    const v1::GetEntityRequest& request) const {
  auto id = catalog::ParseEntityName(request.name(), "name");
  if (!id.ok()) return id.status();
  auto entity = catalog::ReadCanonicalEntity(store_, *id);
  if (!entity.ok()) return entity.status();
  return entity->record;
}

absl::StatusOr<v1::SearchEntitiesResponse> QueryEngine::SearchEntities(
    const v1::SearchEntitiesRequest& request) const {
  const std::string key = text::NameKey(request.query());
  if (key.empty()) {
    return status::InvalidField("query",
                                "must contain at least one letter or digit");
  }
  auto page =
      ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  auto offset = ResumeOffset(*page);
  if (!offset.ok()) return offset.status();
  auto ids =
      catalog::FindEntityIdsByNameKey(store_, key, true, kMaxEntityCandidates);
  if (!ids.ok()) return ids.status();
  auto word_ids =
      catalog::FindEntityIdsByNameWord(store_, key, true, kMaxEntityCandidates);
  if (!word_ids.ok()) return word_ids.status();
  for (const std::string& id : *word_ids) {
    if (std::find(ids->begin(), ids->end(), id) == ids->end())
      ids->push_back(id);
  }

  struct Ranked {
    // 0: the display name or an alias is the query; 1: a word of one is
    // ("Okafor"); 2: a name or word starts with it.
    int rank;
    v1::Entity entity;
  };
  std::vector<Ranked> ranked;
  catalog::RecordReader reader(store_);
  for (const std::string& id : *ids) {
    auto entity = UnlessNotFound(reader.ReadEntity(id));
    if (!entity.ok()) return entity.status();
    if (!entity->has_value() || !(*entity)->record.merged_into().empty())
      continue;
    v1::Entity& record = (*entity)->record;
    if (request.type() != v1::ENTITY_TYPE_UNSPECIFIED &&
        record.type() != request.type()) {
      continue;
    }
    int rank = 2;
    std::vector<std::string> names(record.aliases().begin(),
                                   record.aliases().end());
    names.push_back(record.display_name());
    for (const std::string& name : names) {
      if (text::NameKey(name) == key) rank = 0;
      for (const std::string& word : text::FoldedWords(name)) {
        if (word == key) rank = std::min(rank, 1);
      }
    }
    ranked.push_back({rank, std::move(record)});
  }
  std::stable_sort(
      ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.entity.article_count() != b.entity.article_count()) {
          return a.entity.article_count() > b.entity.article_count();
        }
        return a.entity.name() < b.entity.name();
      });
  v1::SearchEntitiesResponse response;
  const size_t end = std::min(ranked.size(), *offset + page->size);
  for (size_t i = *offset; i < end; ++i)
    *response.add_entities() = ranked[i].entity;
  response.set_next_page_token(NextOffsetToken(*page, end, ranked.size()));
  return response;
}

absl::StatusOr<v1::Quote> QueryEngine::GetQuote(
    const v1::GetQuoteRequest& request) const {
  auto id = catalog::ParseQuoteName(request.name(), "name");
  if (!id.ok()) return id.status();
  auto quote = catalog::ReadQuote(store_, *id);
  if (!quote.ok()) return quote.status();
  AddEdits(quote->record);
  return quote->record;
}

absl::StatusOr<v1::ListQuotesResponse> QueryEngine::ListQuotes(
    const v1::ListQuotesRequest& request) const {
  auto page =
      ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  const google::protobuf::Timestamp* start =
      request.has_start_time() ? &request.start_time() : nullptr;
  const google::protobuf::Timestamp* end =
      request.has_end_time() ? &request.end_time() : nullptr;
  QuoteFilter::Fields fields;
  fields.speaker = request.speaker();
  fields.entity = request.entity();
  fields.article = request.article();
  fields.start_time = start;
  fields.end_time = end;
  auto filter = QuoteFilter::Create(store_, fields);
  if (!filter.ok()) return filter.status();
  auto matches = [&](const v1::Quote& quote) { return filter->Matches(quote); };

  v1::ListQuotesResponse response;
  QuoteBatch quotes(store_, read_pool_);
  if (!request.article().empty()) {
    auto article_id = catalog::ParseArticleName(request.article(), "article");
    if (!article_id.ok()) return article_id.status();
    auto article = catalog::ReadArticle(store_, *article_id);
    if (!article.ok()) return article.status();
    std::vector<uint64_t> quote_ids;
    for (const v1::QuoteAppearance& appearance : article->quotes()) {
      auto id = catalog::ParseQuoteName(appearance.quote(), "quote");
      if (id.ok() && std::find(quote_ids.begin(), quote_ids.end(), *id) ==
                         quote_ids.end()) {
        quote_ids.push_back(*id);
      }
    }
    auto offset = ResumeOffset(*page);
    if (!offset.ok()) return offset.status();
    size_t i = *offset;
    for (; i < quote_ids.size() && response.quotes_size() < page->size; ++i) {
      auto quote = UnlessNotFound(quotes.TakeInOrder(
          quote_ids, i, page->size - response.quotes_size()));
      if (!quote.ok()) return quote.status();
      if (quote->has_value() && matches((*quote)->record)) {
        AddEdits((*quote)->record);
        *response.add_quotes() = std::move((*quote)->record);
      }
    }
    response.set_next_page_token(NextOffsetToken(*page, i, quote_ids.size()));
    return response;
  }

  if (filter->speaker_id().empty() && !filter->entity_id().empty()) {
    auto range =
        TimeRange(catalog::GroupPrefix(filter->entity_id()), start, end);
    if (!range.ok()) return range.status();
    catalog::RecordReader reader(store_);
    auto next = ScanEntityQuotes(store_, reader, quotes, filter->entity_id(),
                                 *range, *page, [&](v1::Quote& quote) {
                                   if (!matches(quote)) return false;
                                   AddEdits(quote);
                                   *response.add_quotes() = std::move(quote);
                                   return true;
                                 });
    if (!next.ok()) return next.status();
    response.set_next_page_token(*next);
    return response;
  }

  Family family = Family::kQuotesByTime;
  std::string prefix;
  if (!filter->speaker_id().empty()) {
    family = Family::kQuotesBySpeaker;
    prefix = catalog::GroupPrefix(filter->speaker_id());
  }
  auto range = TimeRange(prefix, start, end);
  if (!range.ok()) return range.status();
  auto next = ScanIndexPage(
      store_, family, range->lower, range->upper, *page,
      [&](absl::string_view key) -> absl::StatusOr<bool> {
        uint64_t id;
        int64_t row_time;
        if (!catalog::DecodeTrailingId(key, &id) ||
            !catalog::DecodeIndexTime(key, !prefix.empty(), &row_time)) {
          return false;
        }
        auto quote = UnlessNotFound(quotes.Take(id));
        if (!quote.ok()) return quote.status();
        // A row left from an older version of the quote is skipped: the
        // current version has its own row.
        if (!quote->has_value() ||
            catalog::QuoteIndexTimeMicros((*quote)->record) != row_time ||
            !matches((*quote)->record)) {
          return false;
        }
        AddEdits((*quote)->record);
        *response.add_quotes() = std::move((*quote)->record);
        return true;
      },
      nullptr,
      [&](const std::vector<std::string>& keys) {
        std::vector<uint64_t> ids;
        for (const std::string& key : keys) {
          uint64_t id;
          if (catalog::DecodeTrailingId(key, &id)) ids.push_back(id);
        }
        quotes.Read(ids);
      });
  if (!next.ok()) return next.status();
  response.set_next_page_token(*next);
  return response;
}

absl::StatusOr<v1::SearchQuotesResponse> QueryEngine::SearchQuotes(
    const v1::SearchQuotesRequest& request) const {
  auto response = query::SearchQuotes(store_, read_pool_, request);
  if (response.ok()) {
    for (v1::Quote& quote : *response->mutable_quotes()) AddEdits(quote);
  }
  return response;
}

absl::StatusOr<v1::ListRelatedEntitiesResponse>
QueryEngine::ListRelatedEntities(
    const v1::ListRelatedEntitiesRequest& request) const {
  return query::ListRelatedEntities(store_, request);
}

absl::StatusOr<v1::EntityTimeline> QueryEngine::GetEntityTimeline(
    const v1::GetEntityTimelineRequest& request) const {
  return query::GetEntityTimeline(store_, request);
}

}  // namespace verbatim::query
