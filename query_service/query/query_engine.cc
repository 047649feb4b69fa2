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
#include "query_service/query/index_scan.h"

namespace verbatim::query {
namespace {

using google::protobuf::util::TimeUtil;
using storage::Family;

constexpr size_t kMaxEntityCandidates = 1000;
constexpr size_t kMaxQueryWords = 32;

// Skips rows whose record is gone (deleted, or stale in a secondary).
template <typename T>
absl::StatusOr<std::optional<T>> UnlessNotFound(absl::StatusOr<T> value) {
  if (absl::IsNotFound(value.status())) return std::nullopt;
  if (!value.ok()) return value.status();
  return *std::move(value);
}

// The id of the entity now standing for `name` (merges are followed); empty
// for an empty name. NOT_FOUND for an unknown entity.
absl::StatusOr<std::string> OptionalEntityId(const storage::Store& store,
                                             const std::string& name,
                                             absl::string_view field) {
  if (name.empty()) return std::string();
  auto id = catalog::ParseEntityName(name, field);
  if (!id.ok()) return id.status();
  auto entity = catalog::ReadCanonicalEntity(store, *id);
  if (!entity.ok()) return entity.status();
  return catalog::EntityIdOf(entity->record.name());
}

bool Contains(const google::protobuf::RepeatedPtrField<std::string>& values,
              const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Offsets into an in-memory result list, as page tokens.
absl::StatusOr<size_t> ResumeOffset(const PageRequest& page) {
  if (page.resume_key.empty()) return 0;
  uint64_t offset = 0;
  if (!catalog::DecodeId(page.resume_key, &offset)) {
    return status::InvalidField("page_token", "is not a token this service issued");
  }
  return static_cast<size_t>(offset);
}

std::string NextOffsetToken(const PageRequest& page, size_t next, size_t total) {
  return next < total ? paging::EncodePageToken(catalog::EncodeId(next), page.filters)
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
  auto page = ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  auto entity_id = OptionalEntityId(store_, request.entity(), "entity");
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
  auto range = TimeRange(prefix, request.has_start_time() ? &request.start_time() : nullptr,
                         request.has_end_time() ? &request.end_time() : nullptr);
  if (!range.ok()) return range.status();

  v1::ListArticlesResponse response;
  auto next = ScanIndexPage(
      store_, family, range->lower, range->upper, *page,
      [&](absl::string_view key) -> absl::StatusOr<bool> {
        uint64_t id;
        if (!catalog::DecodeTrailingId(key, &id)) return false;
        auto article = UnlessNotFound(catalog::ReadArticle(store_, id));
        if (!article.ok()) return article.status();
        if (!article->has_value()) return false;
        if (!request.source().empty() && (*article)->source() != request.source()) {
          return false;
        }
        *response.add_articles() = **std::move(article);
        return true;
      });
  if (!next.ok()) return next.status();
  response.set_next_page_token(*next);
  return response;
}

absl::StatusOr<v1::Entity> QueryEngine::GetEntity(const v1::GetEntityRequest& request) const {
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
    return status::InvalidField("query", "must contain at least one letter or digit");
  }
  auto page = ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  auto offset = ResumeOffset(*page);
  if (!offset.ok()) return offset.status();
  auto ids = catalog::FindEntityIdsByNameKey(store_, key, true, kMaxEntityCandidates);
  if (!ids.ok()) return ids.status();

  struct Ranked {
    int rank;  // 0: the display name is the query, 1: an alias is, 2: prefix
    v1::Entity entity;
  };
  std::vector<Ranked> ranked;
  for (const std::string& id : *ids) {
    auto entity = UnlessNotFound(catalog::ReadEntity(store_, id));
    if (!entity.ok()) return entity.status();
    if (!entity->has_value()) continue;
    v1::Entity& record = (*entity)->record;
    if (request.type() != v1::ENTITY_TYPE_UNSPECIFIED && record.type() != request.type()) {
      continue;
    }
    int rank = 2;
    if (text::NameKey(record.display_name()) == key) {
      rank = 0;
    } else {
      for (const std::string& alias : record.aliases()) {
        if (text::NameKey(alias) == key) rank = 1;
      }
    }
    ranked.push_back({rank, std::move(record)});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.entity.article_count() != b.entity.article_count()) {
      return a.entity.article_count() > b.entity.article_count();
    }
    return a.entity.name() < b.entity.name();
  });
  v1::SearchEntitiesResponse response;
  const size_t end = std::min(ranked.size(), *offset + page->size);
  for (size_t i = *offset; i < end; ++i) *response.add_entities() = ranked[i].entity;
  response.set_next_page_token(NextOffsetToken(*page, end, ranked.size()));
  return response;
}

absl::StatusOr<v1::Quote> QueryEngine::GetQuote(const v1::GetQuoteRequest& request) const {
  auto id = catalog::ParseQuoteName(request.name(), "name");
  if (!id.ok()) return id.status();
  auto quote = catalog::ReadQuote(store_, *id);
  if (!quote.ok()) return quote.status();
  return quote->record;
}

absl::StatusOr<v1::ListQuotesResponse> QueryEngine::ListQuotes(
    const v1::ListQuotesRequest& request) const {
  auto page = ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  auto speaker_id = OptionalEntityId(store_, request.speaker(), "speaker");
  if (!speaker_id.ok()) return speaker_id.status();
  auto entity_id = OptionalEntityId(store_, request.entity(), "entity");
  if (!entity_id.ok()) return entity_id.status();
  const google::protobuf::Timestamp* start =
      request.has_start_time() ? &request.start_time() : nullptr;
  const google::protobuf::Timestamp* end =
      request.has_end_time() ? &request.end_time() : nullptr;
  auto all_times = TimeRange("", start, end);
  if (!all_times.ok()) return all_times.status();
  const int64_t start_us = start ? TimeUtil::TimestampToMicroseconds(*start) : 0;
  const int64_t end_us = end ? TimeUtil::TimestampToMicroseconds(*end) : 0;

  // Whether a quote passes every filter (the index used checks one of them).
  auto matches = [&](const v1::Quote& quote) {
    const int64_t time = catalog::QuoteIndexTimeMicros(quote);
    if (start != nullptr && time < start_us) return false;
    if (end != nullptr && time >= end_us) return false;
    if (!speaker_id->empty() && quote.speaker() != catalog::EntityName(*speaker_id)) {
      return false;
    }
    if (!entity_id->empty() &&
        !Contains(quote.mentioned_entities(), catalog::EntityName(*entity_id))) {
      return false;
    }
    if (!request.article().empty()) {
      bool printed = false;
      for (const v1::Appearance& a : quote.appearances()) printed |= a.article() == request.article();
      if (!printed) return false;
    }
    return true;
  };

  v1::ListQuotesResponse response;
  if (!request.article().empty()) {
    auto article_id = catalog::ParseArticleName(request.article(), "article");
    if (!article_id.ok()) return article_id.status();
    auto article = catalog::ReadArticle(store_, *article_id);
    if (!article.ok()) return article.status();
    std::vector<uint64_t> quote_ids;
    for (const v1::QuoteAppearance& appearance : article->quotes()) {
      auto id = catalog::ParseQuoteName(appearance.quote(), "quote");
      if (id.ok() && std::find(quote_ids.begin(), quote_ids.end(), *id) == quote_ids.end()) {
        quote_ids.push_back(*id);
      }
    }
    auto offset = ResumeOffset(*page);
    if (!offset.ok()) return offset.status();
    size_t i = *offset;
    for (; i < quote_ids.size() && response.quotes_size() < page->size; ++i) {
      auto quote = UnlessNotFound(catalog::ReadQuote(store_, quote_ids[i]));
      if (!quote.ok()) return quote.status();
      if (quote->has_value() && matches((*quote)->record)) {
        *response.add_quotes() = std::move((*quote)->record);
      }
    }
    response.set_next_page_token(NextOffsetToken(*page, i, quote_ids.size()));
    return response;
  }

  Family family = Family::kQuotesByTime;
  std::string prefix;
  if (!speaker_id->empty()) {
    family = Family::kQuotesBySpeaker;
    prefix = catalog::GroupPrefix(*speaker_id);
  } else if (!entity_id->empty()) {
    family = Family::kQuotesByEntity;
    prefix = catalog::GroupPrefix(*entity_id);
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
        auto quote = UnlessNotFound(catalog::ReadQuote(store_, id));
        if (!quote.ok()) return quote.status();
        // A row left from an older version of the quote is skipped: the
        // current version has its own row.
        if (!quote->has_value() ||
            catalog::QuoteIndexTimeMicros((*quote)->record) != row_time ||
            !matches((*quote)->record)) {
          return false;
        }
        *response.add_quotes() = std::move((*quote)->record);
        return true;
      });
  if (!next.ok()) return next.status();
  response.set_next_page_token(*next);
  return response;
}

absl::StatusOr<v1::SearchQuotesResponse> QueryEngine::SearchQuotes(
    const v1::SearchQuotesRequest& request) const {
  std::vector<std::string> words = text::FoldedWords(request.query());
  if (words.empty()) {
    return status::InvalidField("query", "must contain at least one word");
  }
  if (words.size() > kMaxQueryWords) {
    return status::LimitExceeded(absl::StatusCode::kInvalidArgument, "query",
                                 static_cast<int64_t>(words.size()), kMaxQueryWords,
                                 "words");
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  auto page = ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  // Longer words tend to be rarer: walk the longest word's postings and
  // probe the others.
  const std::string& driver = *std::max_element(
      words.begin(), words.end(),
      [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  const std::string prefix = catalog::GroupPrefix(driver);

  v1::SearchQuotesResponse response;
  auto next = ScanIndexPage(
      store_, Family::kQuoteTerms, prefix, storage::PrefixSuccessor(prefix), *page,
      [&](absl::string_view key) -> absl::StatusOr<bool> {
        uint64_t id;
        if (!catalog::DecodeTrailingId(key, &id)) return false;
        for (const std::string& word : words) {
          if (word == driver) continue;
          auto row = store_.Get(Family::kQuoteTerms, catalog::QuoteTermKey(word, id));
          if (absl::IsNotFound(row.status())) return false;
          if (!row.ok()) return row.status();
        }
        auto quote = UnlessNotFound(catalog::ReadQuote(store_, id));
        if (!quote.ok()) return quote.status();
        if (!quote->has_value()) return false;
        // The record is the truth: a secondary may still show term rows of
        // an older version.
        const std::vector<std::string> text_words = text::FoldedWords((*quote)->record.text());
        const std::set<std::string> present(text_words.begin(), text_words.end());
        for (const std::string& word : words) {
          if (!present.contains(word)) return false;
        }
        *response.add_quotes() = std::move((*quote)->record);
        return true;
      });
  if (!next.ok()) return next.status();
  response.set_next_page_token(*next);
  return response;
}

}  // namespace verbatim::query
