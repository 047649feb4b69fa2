// ArticleIngestor's curation methods: aliases and merges of entities.
#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "common/text/fold.h"
#include "ingest_service/ingest/article_ingestor.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::ingest {
namespace {

using storage::Family;

constexpr size_t kMaxAliasBytes = 200;
constexpr size_t kMaxMergedEntities = 100;

void AddAliasOnce(const std::string& alias, v1::Entity& entity) {
  if (text::NameKey(alias).empty() ||
      text::NameKey(alias) == text::NameKey(entity.display_name())) {
    return;
  }
  AddUnique(alias, entity.mutable_aliases());
}

// The id of a live (not merged) entity named `name`.
absl::StatusOr<std::string> LiveEntityId(const storage::Store& store,
                                         absl::string_view name,
                                         absl::string_view field) {
  auto id = catalog::ParseEntityName(name, field);
  if (!id.ok()) return id.status();
  auto entity = catalog::ReadCanonicalEntity(store, *id);
  if (!entity.ok()) return entity.status();
  return catalog::EntityIdOf(entity->record.name());
}

}  // namespace

absl::StatusOr<v1::Entity> ArticleIngestor::AddEntityAlias(
    absl::string_view entity, absl::string_view alias) {
  const std::string trimmed(absl::StripAsciiWhitespace(alias));
  if (text::NameKey(trimmed).empty()) {
    return status::InvalidField("alias", "must contain a letter or digit");
  }
  if (trimmed.size() > kMaxAliasBytes) {
    return status::LimitExceeded(absl::StatusCode::kInvalidArgument, "alias",
                                 static_cast<int64_t>(trimmed.size()),
                                 kMaxAliasBytes, "bytes");
  }
  absl::MutexLock lock(&mu_);
  auto target_id = LiveEntityId(*store_, entity, "entity");
  if (!target_id.ok()) return target_id.status();
  auto target = catalog::ReadEntity(*store_, *target_id);
  if (!target.ok()) return target.status();

  // Entities of the same type stored under the alias are the same entity.
  auto namesakes = catalog::FindEntityIdsByNameKey(
      *store_, text::NameKey(trimmed), false, kMaxMergedEntities);
  if (!namesakes.ok()) return namesakes.status();
  for (const std::string& id : *namesakes) {
    if (id == *target_id) continue;
    auto other = catalog::ReadEntity(*store_, id);
    if (!other.ok() || other->record.type() != target->record.type() ||
        text::NameKey(other->record.display_name()) != text::NameKey(trimmed)) {
      continue;
    }
    if (absl::Status s = MergeLocked(id, *target_id); !s.ok()) return s;
  }

  Counters counters = counters_;
  RecordChanges changes(*store_, counters.next_version++);
  auto record = changes.MutableEntity(*target_id);
  if (!record.ok()) return record.status();
  AddAliasOnce(trimmed, **record);
  v1::Entity result = **record;
  auto counts = changes.EntityCountsOf(*target_id);
  if (!counts.ok()) return counts.status();
  result.set_article_count(counts->articles);
  result.set_quote_count(counts->quotes);
  storage::Batch batch = store_->NewBatch();
  if (absl::Status s = CommitLocked(batch, changes, counters); !s.ok())
    return s;
  return result;
}

absl::StatusOr<v1::Entity> ArticleIngestor::MergeEntities(
    absl::string_view entity, const std::vector<std::string>& merged) {
  if (merged.empty()) {
    return status::InvalidField("merged_entities",
                                "must name at least one entity");
  }
  if (merged.size() > kMaxMergedEntities) {
    return status::LimitExceeded(
        absl::StatusCode::kInvalidArgument, "merged_entities",
        static_cast<int64_t>(merged.size()), kMaxMergedEntities, "entities");
  }
  absl::MutexLock lock(&mu_);
  auto target_id = LiveEntityId(*store_, entity, "entity");
  if (!target_id.ok()) return target_id.status();
  std::vector<std::string> sources;
  for (size_t i = 0; i < merged.size(); ++i) {
    auto id = LiveEntityId(*store_, merged[i],
                           absl::StrCat("merged_entities[", i, "]"));
    if (!id.ok()) return id.status();
    // Already merged into the target (or the target itself): nothing to do.
    if (*id != *target_id) sources.push_back(*id);
  }
  for (const std::string& source : sources) {
    if (absl::Status s = MergeLocked(source, *target_id); !s.ok()) return s;
  }
  auto result = catalog::ReadEntity(*store_, *target_id);
  if (!result.ok()) return result.status();
  return result->record;
}

absl::Status ArticleIngestor::MergeLocked(const std::string& source_id,
                                          const std::string& target_id) {
  const std::string source_name = catalog::EntityName(source_id);
  const std::string target_name = catalog::EntityName(target_id);
  Counters counters = counters_;
  const int64_t version = counters.next_version++;
  RecordChanges changes(*store_, version);
  storage::Batch batch = store_->NewBatch();

  auto target = changes.MutableEntity(target_id);
  if (!target.ok()) return target.status();
  auto source = changes.MutableEntity(source_id);
  if (!source.ok()) return source.status();

  // Every article of the source: rewrite its references and re-index it.
  const std::string prefix = catalog::GroupPrefix(source_id);
  auto cursor = store_->NewCursor(Family::kArticlesByEntity, prefix,
                                  storage::PrefixSuccessor(prefix));
  int64_t new_articles = 0;
  std::set<uint64_t> quote_ids;
  for (; cursor->Valid(); cursor->Next()) {
    uint64_t article_id;
    int64_t time;
    if (!catalog::DecodeTrailingId(cursor->key(), &article_id) ||
        !catalog::DecodeIndexTime(cursor->key(), true, &time)) {
      continue;
    }
    batch.Delete(Family::kArticlesByEntity, cursor->key());
    const std::string target_row =
        catalog::GroupTimeIndexKey(target_id, time, article_id);
    absl::StatusOr<std::string> already =
        store_->Get(Family::kArticlesByEntity, target_row);
    if (absl::IsNotFound(already.status())) {
      ++new_articles;
      batch.Put(Family::kArticlesByEntity, target_row, "");
    } else if (!already.ok()) {
      return already.status();
    }
    auto article = catalog::ReadArticleVersion(*store_, article_id);
    if (absl::IsNotFound(article.status())) continue;
    if (!article.ok()) return article.status();
    v1::Article& record = article->record;
    for (v1::EntityMention& mention : *record.mutable_mentions()) {
      if (mention.entity() == source_name) mention.set_entity(target_name);
    }
    for (v1::QuoteAppearance& quote : *record.mutable_quotes()) {
      if (quote.speaker() == source_name) {
        quote.set_speaker(target_name);
        quote.set_speaker_display_name((*target)->display_name());
      }
      auto quote_id = catalog::ParseQuoteName(quote.quote(), "quote");
      if (quote_id.ok()) quote_ids.insert(*quote_id);
    }
    batch.Delete(Family::kArticles,
                 catalog::ArticleVersionKey(article_id, article->version));
    batch.Put(Family::kArticles,
              catalog::ArticleVersionKey(article_id, version),
              record.SerializeAsString());
  }
  if (absl::Status s = cursor->status(); !s.ok()) return s;

  for (uint64_t quote_id : quote_ids) {
    auto quote = changes.PeekQuote(quote_id);
    if (absl::IsNotFound(quote.status())) continue;
    if (!quote.ok()) return quote.status();
    const bool spoken = (*quote)->speaker() == source_name;
    const auto& about = (*quote)->mentioned_entities();
    const bool mentioned =
        std::find(about.begin(), about.end(), source_name) != about.end();
    if (!spoken && !mentioned) continue;
    auto mutable_quote = changes.MutableQuote(quote_id);
    if (!mutable_quote.ok()) return mutable_quote.status();
    v1::Quote& record = **mutable_quote;
    if (spoken) {
      record.set_speaker(target_name);
      record.set_speaker_display_name((*target)->display_name());
    }
    if (mentioned) {
      auto* entities = record.mutable_mentioned_entities();
      entities->erase(
          std::remove(entities->begin(), entities->end(), source_name),
          entities->end());
      AddUnique(target_name, entities);
    }
  }

  AddAliasOnce((*source)->display_name(), **target);
  for (const std::string& alias : (*source)->aliases())
    AddAliasOnce(alias, **target);
  auto source_counts = changes.EntityCountsOf(source_id);
  if (!source_counts.ok()) return source_counts.status();
  if (absl::Status s = changes.AddEntityCounts(target_id, new_articles,
                                               source_counts->quotes);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = changes.AddEntityCounts(
          source_id, -source_counts->articles, -source_counts->quotes);
      !s.ok()) {
    return s;
  }
  (*source)->clear_aliases();
  (*source)->set_merged_into(target_name);

  if (absl::Status s = CommitLocked(batch, changes, counters); !s.ok())
    return s;
  return absl::OkStatus();
}

}  // namespace verbatim::ingest
