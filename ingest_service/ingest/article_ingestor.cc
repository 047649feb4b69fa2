#include "ingest_service/ingest/article_ingestor.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "google/protobuf/util/time_util.h"
#include "ingest_service/ingest/entity_linker.h"
#include "ingest_service/ingest/quote_linker.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::ingest {
namespace {

using google::protobuf::util::TimeUtil;
using storage::Family;

constexpr absl::string_view kNextArticleId = "next_article_id";
constexpr absl::string_view kNextQuoteId = "next_quote_id";
constexpr absl::string_view kNextVersion = "next_version";

// The idempotency keys an article is stored under, most specific first.
std::vector<std::string> IdempotencyKeys(
    const v1::CreateArticleRequest& request) {
  std::vector<std::string> keys;
  if (!request.request_id().empty()) {
    keys.push_back(catalog::IdempotencyKey("request", request.request_id()));
  }
  const v1::Article& article = request.article();
  if (!article.url().empty()) {
    keys.push_back(catalog::IdempotencyKey("url", CanonicalUrl(article.url())));
  } else {
    // Two independent 64-bit hashes make an accidental collision negligible.
    keys.push_back(catalog::IdempotencyKey(
        "body", absl::StrCat(paging::StableHash(article.body()), ":",
                             paging::StableHash(article.body(), 0x5bd1e995))));
  }
  return keys;
}

// The reverse row that lets DeleteArticle find the article's idempotency keys.
std::string IdempotencyReverseKey(uint64_t article_id) {
  return catalog::IdempotencyKey("article", catalog::EncodeId(article_id));
}

std::string EncodeKeyList(const std::vector<std::string>& keys) {
  storage::KeyWriter writer;
  for (const std::string& key : keys) writer.String(key);
  return writer.Release();
}

std::vector<std::string> DecodeKeyList(absl::string_view value) {
  std::vector<std::string> keys;
  storage::KeyReader reader(value);
  std::string key;
  while (!reader.done() && reader.String(&key)) keys.push_back(key);
  return keys;
}

// Index rows of an article record (not of its quotes or entities).
std::vector<std::pair<Family, std::string>> ArticleIndexRows(
    uint64_t id, const v1::Article& article) {
  const int64_t time = catalog::ArticleIndexTimeMicros(article);
  std::vector<std::pair<Family, std::string>> rows = {
      {Family::kArticlesByTime, catalog::TimeIndexKey(time, id)}};
  if (!article.source().empty()) {
    rows.emplace_back(Family::kArticlesBySource,
                      catalog::GroupTimeIndexKey(article.source(), time, id));
  }
  std::set<std::string> entities;
  for (const v1::EntityMention& mention : article.mentions()) {
    if (!mention.entity().empty()) entities.insert(mention.entity());
  }
  for (const v1::QuoteAppearance& quote : article.quotes()) {
    if (!quote.speaker().empty()) entities.insert(quote.speaker());
  }
  for (const std::string& entity : entities) {
    rows.emplace_back(
        Family::kArticlesByEntity,
        catalog::GroupTimeIndexKey(catalog::EntityIdOf(entity), time, id));
  }
  return rows;
}

v1::QuoteKind ToProtoKind(extraction::QuoteKind kind) {
  return kind == extraction::QuoteKind::kFragment ? v1::FRAGMENT : v1::DIRECT;
}

absl::StatusOr<uint64_t> ReadCounter(const storage::Store& store,
                                     absl::string_view key) {
  absl::StatusOr<std::string> value = store.Get(Family::kMeta, key);
  if (absl::IsNotFound(value.status())) return 1;
  if (!value.ok()) return value.status();
  uint64_t counter = 0;
  if (!absl::SimpleAtoi(*value, &counter)) {
    return absl::DataLossError(absl::StrCat("corrupt counter ", key));
  }
  return counter;
}

// The resource name of the entity extracted entity `index` was linked to;
// empty for -1 or an entity without a usable name.
std::string LinkedEntityName(const EntityLinks& links, int index) {
  if (index < 0 || index >= static_cast<int>(links.ids.size()) ||
      links.ids[index].empty()) {
    return "";
  }
  return catalog::EntityName(links.ids[index]);
}

// Adds the extraction's mentions to `article`; returns the entities named.
std::set<std::string> AddMentions(
    const extraction::ExtractionResult& extraction, const EntityLinks& links,
    v1::Article& article) {
  std::set<std::string> named;
  for (const entities::Mention& mention : extraction.mentions) {
    v1::EntityMention* out = article.add_mentions();
    out->set_entity(LinkedEntityName(links, mention.entity));
    if (mention.entity >= 0 &&
        mention.entity < static_cast<int>(extraction.entities.size())) {
      out->set_type(ToProtoType(extraction.entities[mention.entity].type));
    }
    out->set_text(mention.text);
    out->set_start_offset(static_cast<int64_t>(mention.span.begin));
    out->set_end_offset(static_cast<int64_t>(mention.span.end));
    out->set_in_boilerplate(mention.in_boilerplate);
    if (!out->entity().empty()) {
      out->set_link_confidence(links.confidence[mention.entity]);
      named.insert(out->entity());
    }
  }
  return named;
}

// Records that `article` prints `appearance` of `quote`, keeping the
// printings earliest first.
void AddPrinting(const v1::Article& article,
                 const google::protobuf::Timestamp& printed_at,
                 const extraction::QuoteAppearance& appearance,
                 v1::Quote& quote) {
  v1::Appearance* printed = quote.add_appearances();
  printed->set_article(article.name());
  printed->set_source(article.source());
  printed->set_url(article.url());
  *printed->mutable_publish_time() = printed_at;
  printed->set_text(appearance.text);
  printed->set_start_offset(static_cast<int64_t>(appearance.span.begin));
  printed->set_end_offset(static_cast<int64_t>(appearance.span.end));
  std::stable_sort(
      quote.mutable_appearances()->begin(), quote.mutable_appearances()->end(),
      [](const v1::Appearance& a, const v1::Appearance& b) {
        return TimeUtil::TimestampToMicroseconds(a.publish_time()) <
               TimeUtil::TimestampToMicroseconds(b.publish_time());
      });
}

// Adds `appearance`, spoken by `speaker` (may be empty) and belonging to
// utterance `quote_name`, to the article's quotes.
void AddQuoteAppearance(const extraction::QuoteAppearance& appearance,
                        const std::string& speaker,
                        const std::string& speaker_display_name,
                        const std::string& quote_name, v1::Article& article) {
  v1::QuoteAppearance* out = article.add_quotes();
  out->set_text(appearance.text);
  out->set_start_offset(static_cast<int64_t>(appearance.span.begin));
  out->set_end_offset(static_cast<int64_t>(appearance.span.end));
  out->set_kind(ToProtoKind(appearance.kind));
  out->set_speaker(speaker);
  out->set_speaker_display_name(speaker_display_name);
  out->mutable_attribution()->set_rule(appearance.rule);
  out->mutable_attribution()->set_confidence(appearance.confidence);
  out->mutable_attribution()->set_cue(appearance.cue);
  out->set_quote(quote_name);
  if (appearance.continues >= 0)
    out->set_previous_part_index(appearance.continues);
}

// The outcome of a request for an article that was stored before.
absl::StatusOr<CreateOutcome> ToOutcome(
    absl::StatusOr<std::optional<v1::Article>> stored) {
  if (!stored.ok()) return stored.status();
  CreateOutcome outcome;
  outcome.article = **std::move(stored);
  return outcome;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ArticleIngestor>> ArticleIngestor::Create(
    storage::Store* store, const extraction::Extractor* extractor,
    ArticleLimits limits) {
  std::unique_ptr<ArticleIngestor> ingestor(
      new ArticleIngestor(store, extractor, limits));
  auto article_id = ReadCounter(*store, kNextArticleId);
  auto quote_id = ReadCounter(*store, kNextQuoteId);
  auto version = ReadCounter(*store, kNextVersion);
  for (const auto* counter : {&article_id, &quote_id, &version}) {
    if (!counter->ok()) return counter->status();
  }
  absl::MutexLock lock(&ingestor->mu_);
  ingestor->counters_ = {*article_id, *quote_id,
                         static_cast<int64_t>(*version)};
  return ingestor;
}

absl::Status ArticleIngestor::CommitLocked(storage::Batch& batch,
                                           const RecordChanges& changes,
                                           const Counters& counters) {
  changes.Apply(batch);
  batch.Put(Family::kMeta, kNextArticleId,
            absl::StrCat(counters.next_article_id));
  batch.Put(Family::kMeta, kNextQuoteId, absl::StrCat(counters.next_quote_id));
  batch.Put(Family::kMeta, kNextVersion, absl::StrCat(counters.next_version));
  if (absl::Status s = store_->Write(batch); !s.ok()) return s;
  counters_ = counters;
  return absl::OkStatus();
}

absl::StatusOr<std::optional<v1::Article>> ArticleIngestor::FindStored(
    const std::vector<std::string>& keys) const {
  for (const std::string& key : keys) {
    absl::StatusOr<std::string> value = store_->Get(Family::kIdempotency, key);
    if (absl::IsNotFound(value.status())) continue;
    if (!value.ok()) return value.status();
    uint64_t id = 0;
    if (!catalog::DecodeId(*value, &id)) {
      return absl::DataLossError("corrupt idempotency record");
    }
    return catalog::ReadArticle(*store_, id);
  }
  return std::nullopt;
}

absl::StatusOr<CreateOutcome> ArticleIngestor::CreateArticle(
    const v1::CreateArticleRequest& request) {
  if (absl::Status s = ValidateCreateArticleRequest(request, limits_); !s.ok())
    return s;
  const std::vector<std::string> keys = IdempotencyKeys(request);
  // Skip extraction for a plain re-upload; checked again under the lock.
  auto stored = FindStored(keys);
  if (!stored.ok() || stored->has_value()) return ToOutcome(*std::move(stored));
  absl::StatusOr<extraction::ExtractionResult> extraction = extractor_->Extract(
      request.article().body(), {.source = request.article().source()});
  if (!extraction.ok()) {
    return status::InvalidField("article.body", extraction.status().message());
  }
  absl::MutexLock lock(&mu_);
  return StoreArticle(request, keys, *std::move(extraction));
}

absl::StatusOr<CreateOutcome> ArticleIngestor::StoreArticle(
    const v1::CreateArticleRequest& request,
    const std::vector<std::string>& keys,
    extraction::ExtractionResult extraction) {
  auto stored = FindStored(keys);
  if (!stored.ok() || stored->has_value()) return ToOutcome(*std::move(stored));
  Counters counters = counters_;
  const uint64_t article_id = counters.next_article_id++;
  const int64_t version = counters.next_version++;
  const google::protobuf::Timestamp now =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now()));

  CreateOutcome outcome;
  outcome.created = true;
  v1::Article& article = outcome.article;
  article = request.article();
  article.set_name(catalog::ArticleName(article_id));
  *article.mutable_create_time() = now;
  article.clear_quotes();
  article.clear_mentions();
  if (article.content_type().empty()) article.set_content_type("text/plain");
  const google::protobuf::Timestamp printed_at =
      article.has_publish_time() ? article.publish_time() : now;

  RecordChanges changes(*store_, version, &common_shingles_);
  auto links = LinkEntities(*store_, extraction.entities, now, changes);
  if (!links.ok()) return links.status();
  const std::set<std::string> article_entities =
      AddMentions(extraction, *links, article);

  QuoteLinker linker(*store_, changes, common_shingles_);
  std::map<std::string, int> quotes_by_speaker;
  std::map<uint64_t, std::vector<std::string>> printed_here;
  for (const extraction::QuoteAppearance& appearance : extraction.quotes) {
    const std::string speaker = LinkedEntityName(*links, appearance.speaker);
    const std::string speaker_display_name =
        speaker.empty() ? "" : links->display_names[appearance.speaker];
    auto utterance =
        linker.FindUtterance(appearance.text, speaker, printed_here);
    if (!utterance.ok()) return utterance.status();
    const uint64_t quote_id =
        utterance->has_value() ? **utterance : counters.next_quote_id++;
    v1::Quote* quote = nullptr;
    if (utterance->has_value()) {
      auto existing = changes.MutableQuote(quote_id);
      if (!existing.ok()) return existing.status();
      quote = *existing;
    } else {
      quote = changes.NewQuote(quote_id);
      quote->set_text(appearance.text);
      quote->set_kind(ToProtoKind(appearance.kind));
    }
    if (quote->speaker().empty() && !speaker.empty()) {
      quote->set_speaker(speaker);
      quote->set_speaker_display_name(speaker_display_name);
    }
    AddPrinting(article, printed_at, appearance, *quote);
    for (const std::string& entity : article_entities) {
      AddUnique(entity, quote->mutable_mentioned_entities());
    }
    AddQuoteAppearance(appearance, speaker, speaker_display_name, quote->name(),
                       article);
    if (!speaker.empty()) ++quotes_by_speaker[speaker];
    outcome.quote_ids.push_back(quote->name());
    printed_here[quote_id].push_back(appearance.text);
  }

  std::set<std::string> counted;
  for (const std::string& id : links->ids) {
    if (id.empty() || !counted.insert(id).second) continue;
    if (absl::Status s = changes.AddEntityCounts(
            id, 1, quotes_by_speaker[catalog::EntityName(id)]);
        !s.ok()) {
      return s;
    }
  }

  storage::Batch batch = store_->NewBatch();
  batch.Put(Family::kArticles, catalog::ArticleVersionKey(article_id, version),
            article.SerializeAsString());
  for (const auto& [family, key] : ArticleIndexRows(article_id, article)) {
    batch.Put(family, key, "");
  }
  for (const std::string& key : keys) {
    batch.Put(Family::kIdempotency, key, catalog::EncodeId(article_id));
  }
  batch.Put(Family::kIdempotency, IdempotencyReverseKey(article_id),
            EncodeKeyList(keys));
  if (absl::Status s = CommitLocked(batch, changes, counters); !s.ok())
    return s;

  outcome.entity_ids = std::move(links->ids);
  outcome.extraction = std::move(extraction);
  return outcome;
}

absl::Status ArticleIngestor::DeleteArticle(absl::string_view name) {
  auto article_id = catalog::ParseArticleName(name, "name");
  if (!article_id.ok()) return article_id.status();
  absl::MutexLock lock(&mu_);
  auto stored = catalog::ReadArticleVersion(*store_, *article_id);
  if (!stored.ok()) return stored.status();
  const v1::Article* article = &stored->record;

  Counters counters = counters_;
  RecordChanges changes(*store_, counters.next_version++);
  std::map<std::string, std::pair<int, int>>
      entity_decrements;  // articles, quotes
  for (const v1::EntityMention& mention : article->mentions()) {
    if (!mention.entity().empty())
      entity_decrements[mention.entity()].first = 1;
  }
  for (const v1::QuoteAppearance& quote : article->quotes()) {
    if (!quote.speaker().empty()) {
      entity_decrements[quote.speaker()].first = 1;
      ++entity_decrements[quote.speaker()].second;
    }
  }
  for (const auto& [entity_name, decrement] : entity_decrements) {
    const std::string id = catalog::EntityIdOf(entity_name);
    auto exists = changes.EntityExists(id);
    if (!exists.ok()) return exists.status();
    if (!*exists) continue;
    if (absl::Status s =
            changes.AddEntityCounts(id, -decrement.first, -decrement.second);
        !s.ok()) {
      return s;
    }
    auto counts = changes.EntityCountsOf(id);
    if (!counts.ok()) return counts.status();
    if (counts->articles <= 0) {
      if (absl::Status s = changes.DeleteEntity(id); !s.ok()) return s;
    }
  }

  std::set<std::string> quote_names;
  for (const v1::QuoteAppearance& quote : article->quotes())
    quote_names.insert(quote.quote());
  for (const std::string& quote_name : quote_names) {
    auto quote_id = catalog::ParseQuoteName(quote_name, "quote");
    if (!quote_id.ok()) continue;
    auto quote = changes.MutableQuote(*quote_id);
    if (absl::IsNotFound(quote.status())) continue;
    if (!quote.ok()) return quote.status();
    auto* appearances = (*quote)->mutable_appearances();
    appearances->erase(std::remove_if(appearances->begin(), appearances->end(),
                                      [&](const v1::Appearance& a) {
                                        return a.article() == name;
                                      }),
                       appearances->end());
    if (appearances->empty()) {
      changes.DeleteQuote(*quote_id);
      continue;
    }
    // What the quote is about now comes from the articles still printing it.
    (*quote)->clear_mentioned_entities();
    for (const v1::Appearance& appearance : *appearances) {
      auto other_id =
          catalog::ParseArticleName(appearance.article(), "article");
      if (!other_id.ok()) continue;
      auto other = catalog::ReadArticle(*store_, *other_id);
      if (!other.ok()) continue;
      for (const v1::EntityMention& mention : other->mentions()) {
        if (!mention.entity().empty()) {
          AddUnique(mention.entity(), (*quote)->mutable_mentioned_entities());
        }
      }
    }
  }

  storage::Batch batch = store_->NewBatch();
  batch.Delete(Family::kArticles,
               catalog::ArticleVersionKey(*article_id, stored->version));
  batch.Put(Family::kArticleTombstones, catalog::ArticleKey(*article_id), "");
  for (const auto& [family, key] : ArticleIndexRows(*article_id, *article)) {
    batch.Delete(family, key);
  }
  const std::string reverse_key = IdempotencyReverseKey(*article_id);
  absl::StatusOr<std::string> keys =
      store_->Get(Family::kIdempotency, reverse_key);
  if (keys.ok()) {
    for (const std::string& key : DecodeKeyList(*keys)) {
      batch.Delete(Family::kIdempotency, key);
    }
    batch.Delete(Family::kIdempotency, reverse_key);
  } else if (!absl::IsNotFound(keys.status())) {
    return keys.status();
  }
  if (absl::Status s = CommitLocked(batch, changes, counters); !s.ok())
    return s;
  // Its quotes' shingle rows may be gone: a common shingle may be rare again.
  common_shingles_.clear();
  return absl::OkStatus();
}

}  // namespace verbatim::ingest
