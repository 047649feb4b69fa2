#include "query_service/query/quote_filter.h"

#include <algorithm>

#include "common/catalog/catalog_reader.h"
#include "common/catalog/resource_names.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/query/index_scan.h"

namespace verbatim::query {

using google::protobuf::util::TimeUtil;

absl::StatusOr<std::string> ResolveEntityFilter(const storage::Store& store,
                                                const std::string& name,
                                                absl::string_view field) {
  if (name.empty()) return std::string();
  auto id = catalog::ParseEntityName(name, field);
  if (!id.ok()) return id.status();
  auto entity = catalog::ReadCanonicalEntity(store, *id);
  if (!entity.ok()) return entity.status();
  return catalog::EntityIdOf(entity->record.name());
}

absl::StatusOr<QuoteFilter> QuoteFilter::Create(const storage::Store& store,
                                                const Fields& fields) {
  QuoteFilter filter;
  auto speaker = ResolveEntityFilter(store, fields.speaker, "speaker");
  if (!speaker.ok()) return speaker.status();
  auto entity = ResolveEntityFilter(store, fields.entity, "entity");
  if (!entity.ok()) return entity.status();
  if (!fields.article.empty()) {
    auto article = catalog::ParseArticleName(fields.article, "article");
    if (!article.ok()) return article.status();
  }
  // Validates the range (values and order).
  auto range = TimeRange("", fields.start_time, fields.end_time);
  if (!range.ok()) return range.status();
  filter.speaker_id_ = *std::move(speaker);
  filter.speaker_name_ =
      filter.speaker_id_.empty() ? "" : catalog::EntityName(filter.speaker_id_);
  filter.entity_id_ = *std::move(entity);
  filter.entity_name_ =
      filter.entity_id_.empty() ? "" : catalog::EntityName(filter.entity_id_);
  filter.article_ = fields.article;
  filter.source_ = fields.source;
  if (fields.start_time)
    filter.start_us_ = TimeUtil::TimestampToMicroseconds(*fields.start_time);
  if (fields.end_time)
    filter.end_us_ = TimeUtil::TimestampToMicroseconds(*fields.end_time);
  return filter;
}

bool QuoteFilter::Matches(const v1::Quote& quote) const {
  const int64_t time = catalog::QuoteIndexTimeMicros(quote);
  if (start_us_ && time < *start_us_) return false;
  if (end_us_ && time >= *end_us_) return false;
  if (!speaker_name_.empty() && quote.speaker() != speaker_name_) return false;
  if (!entity_name_.empty()) {
    const auto& about = quote.mentioned_entities();
    if (std::find(about.begin(), about.end(), entity_name_) == about.end())
      return false;
  }
  if (!article_.empty() || !source_.empty()) {
    const auto& printed = quote.appearances();
    const bool found = std::any_of(
        printed.begin(), printed.end(), [&](const v1::Appearance& a) {
          return (article_.empty() || a.article() == article_) &&
                 (source_.empty() || a.source() == source_);
        });
    if (!found) return false;
  }
  return true;
}

}  // namespace verbatim::query
