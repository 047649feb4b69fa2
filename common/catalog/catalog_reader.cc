#include "common/catalog/catalog_reader.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/util/time_util.h"
#include "google/protobuf/wire_format_lite.h"

namespace verbatim::catalog {
namespace {

using google::protobuf::util::TimeUtil;

template <typename Record>
bool ParseWhole(absl::string_view bytes, Record* record) {
  return record->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

// Reads the first (newest) version under `prefix` and parses it with
// `parse(bytes, &record)`.
template <typename Record,
          typename ParseFn = bool (*)(absl::string_view, Record*)>
absl::StatusOr<Versioned<Record>> ReadNewest(
    storage::PrefixCursor& cursor, const std::string& prefix,
    absl::string_view resource_name, ParseFn parse = &ParseWhole<Record>) {
  cursor.Seek(prefix);
  if (!cursor.Valid()) {
    if (absl::Status s = cursor.status(); !s.ok()) return s;
    return status::ResourceNotFound(resource_name);
  }
  Versioned<Record> result;
  storage::KeyReader reader(cursor.key().substr(prefix.size()));
  if (!reader.Int64Descending(&result.version) ||
      !parse(cursor.value(), &result.record)) {
    return absl::DataLossError(absl::StrCat("corrupt record ", resource_name));
  }
  return result;
}

// Entity ids from rows String(key) String(entity_id), in cursor order,
// unique, at most `limit`.
template <typename CursorT>
absl::StatusOr<std::vector<std::string>> CollectEntityIds(CursorT& cursor,
                                                          size_t limit) {
  std::vector<std::string> ids;
  for (; cursor.Valid() && ids.size() < limit; cursor.Next()) {
    storage::KeyReader reader(cursor.key());
    std::string row_key, id;
    if (!reader.String(&row_key) || !reader.String(&id)) continue;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (absl::Status s = cursor.status(); !s.ok()) return s;
  return ids;
}

// Parses the fields of a serialized Quote before its appearances and
// mentioned entities, and skips those.
bool ParseQuoteHead(absl::string_view bytes, v1::Quote* quote) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::CodedInputStream in(
      reinterpret_cast<const uint8_t*>(bytes.data()),
      static_cast<int>(bytes.size()));
  while (const uint32_t tag = in.ReadTag()) {
    const bool length_delimited = WireFormatLite::GetTagWireType(tag) ==
                                  WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    std::string* field = nullptr;
    switch (WireFormatLite::GetTagFieldNumber(tag)) {
      case v1::Quote::kNameFieldNumber:
        field = quote->mutable_name();
        break;
      case v1::Quote::kTextFieldNumber:
        field = quote->mutable_text();
        break;
      case v1::Quote::kSpeakerFieldNumber:
        field = quote->mutable_speaker();
        break;
      case v1::Quote::kSpeakerDisplayNameFieldNumber:
        field = quote->mutable_speaker_display_name();
        break;
      case v1::Quote::kKindFieldNumber: {
        uint32_t kind = 0;
        if (WireFormatLite::GetTagWireType(tag) !=
                WireFormatLite::WIRETYPE_VARINT ||
            !in.ReadVarint32(&kind)) {
          return false;
        }
        quote->set_kind(static_cast<v1::QuoteKind>(kind));
        continue;
      }
      default:
        if (!WireFormatLite::SkipField(&in, tag)) return false;
        continue;
    }
    if (!length_delimited || !WireFormatLite::ReadString(&in, field)) {
      return false;
    }
  }
  return in.ConsumedEntireMessage();
}

}  // namespace

storage::PrefixCursor& RecordReader::CursorFor(storage::Family family) {
  std::unique_ptr<storage::PrefixCursor>& cursor =
      cursors_[static_cast<int>(family)];
  if (cursor == nullptr) cursor = store_.NewPrefixCursor(family, from_);
  return *cursor;
}

absl::StatusOr<std::vector<std::string>> RecordReader::EntityIdsByNameKey(
    absl::string_view name_key, size_t limit) {
  return EntityIdsUnder(storage::Family::kEntityNames, name_key, limit);
}

absl::StatusOr<std::vector<std::string>> RecordReader::EntityIdsBySkeleton(
    absl::string_view skeleton, size_t limit) {
  return EntityIdsUnder(storage::Family::kEntitySkeletons, skeleton, limit);
}

absl::StatusOr<std::vector<std::string>> RecordReader::EntityIdsUnder(
    storage::Family family, absl::string_view key, size_t limit) {
  storage::PrefixCursor& cursor = CursorFor(family);
  cursor.Seek(GroupPrefix(key));
  return CollectEntityIds(cursor, limit);
}

absl::StatusOr<Versioned<v1::Article>> RecordReader::ReadArticleVersion(
    uint64_t article_id) {
  const std::string key = ArticleKey(article_id);
  const std::string name = ArticleName(article_id);
  // A secondary may still see a deleted article; the tombstone is write-once.
  absl::StatusOr<std::string> tombstone =
      store_.Get(storage::Family::kArticleTombstones, key);
  if (tombstone.ok()) return status::ResourceNotFound(name);
  if (!absl::IsNotFound(tombstone.status())) return tombstone.status();
  return ReadNewest<v1::Article>(CursorFor(storage::Family::kArticles), key,
                                 name);
}

absl::StatusOr<Versioned<v1::Entity>> RecordReader::ReadEntityRecord(
    absl::string_view entity_id) {
  return ReadNewest<v1::Entity>(CursorFor(storage::Family::kEntities),
                                GroupPrefix(entity_id), EntityName(entity_id));
}

absl::StatusOr<Versioned<v1::Entity>> RecordReader::ReadEntity(
    absl::string_view entity_id) {
  auto entity = ReadEntityRecord(entity_id);
  if (!entity.ok()) return entity;
  auto counts = ReadEntityCounts(entity_id);
  if (!counts.ok()) return counts.status();
  entity->record.set_article_count(counts->record.articles);
  entity->record.set_quote_count(counts->record.quotes);
  return entity;
}

absl::StatusOr<Versioned<EntityCounts>> RecordReader::ReadEntityCounts(
    absl::string_view entity_id) {
  const std::string prefix = GroupPrefix(entity_id);
  storage::PrefixCursor& cursor = CursorFor(storage::Family::kEntityCounts);
  cursor.Seek(prefix);
  Versioned<EntityCounts> result;
  if (!cursor.Valid()) {
    if (absl::Status s = cursor.status(); !s.ok()) return s;
    return result;
  }
  storage::KeyReader reader(cursor.key().substr(prefix.size()));
  if (!reader.Int64Descending(&result.version) ||
      !DecodeEntityCounts(cursor.value(), &result.record.articles,
                          &result.record.quotes)) {
    return absl::DataLossError(
        absl::StrCat("corrupt counts of ", EntityName(entity_id)));
  }
  return result;
}

absl::StatusOr<Versioned<v1::Quote>> RecordReader::ReadQuote(
    uint64_t quote_id) {
  return ReadNewest<v1::Quote>(CursorFor(storage::Family::kQuotes),
                               QuoteVersionPrefix(quote_id),
                               QuoteName(quote_id));
}

absl::StatusOr<Versioned<v1::Quote>> RecordReader::ReadQuoteHead(
    uint64_t quote_id) {
  return ReadNewest<v1::Quote>(CursorFor(storage::Family::kQuotes),
                               QuoteVersionPrefix(quote_id),
                               QuoteName(quote_id), &ParseQuoteHead);
}

absl::StatusOr<Versioned<v1::Article>> ReadArticleVersion(
    const storage::Store& store, uint64_t article_id) {
  return RecordReader(store).ReadArticleVersion(article_id);
}

absl::StatusOr<v1::Article> ReadArticle(const storage::Store& store,
                                        uint64_t article_id) {
  auto article = ReadArticleVersion(store, article_id);
  if (!article.ok()) return article.status();
  return std::move(article->record);
}

absl::StatusOr<Versioned<v1::Entity>> ReadEntity(const storage::Store& store,
                                                 absl::string_view entity_id) {
  return RecordReader(store).ReadEntity(entity_id);
}

absl::StatusOr<Versioned<v1::Entity>> ReadCanonicalEntity(
    const storage::Store& store, absl::string_view entity_id) {
  // Merges form chains when a merged-into entity is merged again; the bound
  // guards against a cycle in corrupt data.
  constexpr int kMaxHops = 16;
  RecordReader reader(store);
  std::string id(entity_id);
  for (int hop = 0; hop < kMaxHops; ++hop) {
    auto entity = reader.ReadEntity(id);
    if (!entity.ok() || entity->record.merged_into().empty()) return entity;
    id = EntityIdOf(entity->record.merged_into());
  }
  return absl::DataLossError(
      absl::StrCat("merge chain too long from ", EntityName(entity_id)));
}

std::string EntityIdOf(absl::string_view entity_name) {
  const size_t slash = entity_name.find('/');
  return std::string(slash == absl::string_view::npos
                         ? entity_name
                         : entity_name.substr(slash + 1));
}

absl::StatusOr<Versioned<v1::Quote>> ReadQuote(const storage::Store& store,
                                               uint64_t quote_id,
                                               storage::ReadFrom from) {
  return RecordReader(store, from).ReadQuote(quote_id);
}

namespace {

// Ids from rows String(key) String(entity_id) of `family`.
absl::StatusOr<std::vector<std::string>> IdsUnderKey(
    const storage::Store& store, storage::Family family, absl::string_view key,
    bool prefix, size_t limit) {
  // An exact match is the String(key) component; a prefix match drops its
  // terminator so longer keys match too.
  std::string lower = GroupPrefix(key);
  if (prefix) lower.resize(lower.size() - 2);
  auto cursor = store.NewCursor(family, lower, storage::PrefixSuccessor(lower));
  return CollectEntityIds(*cursor, limit);
}

}  // namespace

absl::StatusOr<std::vector<std::string>> FindEntityIdsByNameKey(
    const storage::Store& store, absl::string_view name_key, bool prefix,
    size_t limit) {
  if (!prefix) return RecordReader(store).EntityIdsByNameKey(name_key, limit);
  return IdsUnderKey(store, storage::Family::kEntityNames, name_key, prefix,
                     limit);
}

absl::StatusOr<std::vector<std::string>> FindEntityIdsByNameWord(
    const storage::Store& store, absl::string_view word_key, bool prefix,
    size_t limit) {
  return IdsUnderKey(store, storage::Family::kEntityWords, word_key, prefix,
                     limit);
}

absl::StatusOr<std::vector<std::string>> FindEntityIdsBySkeleton(
    const storage::Store& store, absl::string_view skeleton, size_t limit) {
  return RecordReader(store).EntityIdsBySkeleton(skeleton, limit);
}

absl::StatusOr<std::vector<std::string>> CoMentionedEntityIds(
    const storage::Store& store, absl::string_view entity_id,
    size_t max_articles) {
  const std::string prefix = GroupPrefix(entity_id);
  auto cursor = store.NewCursor(storage::Family::kArticlesByEntity, prefix,
                                storage::PrefixSuccessor(prefix));
  std::vector<std::string> ids;
  RecordReader reader(store);
  for (size_t n = 0; cursor->Valid() && n < max_articles; cursor->Next(), ++n) {
    uint64_t article_id;
    if (!DecodeTrailingId(cursor->key(), &article_id)) continue;
    auto article = reader.ReadArticleVersion(article_id);
    if (absl::IsNotFound(article.status())) continue;
    if (!article.ok()) return article.status();
    for (const v1::EntityMention& mention : article->record.mentions()) {
      const std::string id = EntityIdOf(mention.entity());
      if (!mention.entity().empty() && id != entity_id &&
          std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
      }
    }
  }
  if (absl::Status s = cursor->status(); !s.ok()) return s;
  return ids;
}

int64_t ArticleIndexTimeMicros(const v1::Article& article) {
  return TimeUtil::TimestampToMicroseconds(article.has_publish_time()
                                               ? article.publish_time()
                                               : article.create_time());
}

int64_t QuoteIndexTimeMicros(const v1::Quote& quote) {
  if (quote.appearances().empty()) return 0;
  return TimeUtil::TimestampToMicroseconds(quote.appearances(0).publish_time());
}

std::vector<std::string> QuotePrintedTexts(const v1::Quote& quote) {
  std::vector<std::string> texts = {quote.text()};
  for (const v1::Appearance& appearance : quote.appearances()) {
    if (std::find(texts.begin(), texts.end(), appearance.text()) ==
        texts.end()) {
      texts.push_back(appearance.text());
    }
  }
  return texts;
}

}  // namespace verbatim::catalog
