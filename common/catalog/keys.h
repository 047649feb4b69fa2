// The key layout of every column family (see storage/store.h for families).
//
// Records that change (articles when entities merge, entities, quotes) are
// never overwritten in place: each change writes the record under a new,
// higher version and deletes the old one, and readers take the highest
// version. Secondary instances may briefly still see a deleted older version,
// never a newer one hidden by an older.
//
// Each family's key components, then its value (index rows without one have
// an empty value):
// clang-format off
//   articles            Uint64(article_id) Int64Desc(version) -> Article
//   article_tombstones  Uint64(article_id)
//   articles_by_time    Int64Desc(time_us) Uint64(article_id)
//   articles_by_source  String(source) Int64Desc(time_us) Uint64(article_id)
//   articles_by_entity  String(entity_id) Int64Desc(time_us)
//                       Uint64(article_id)
//   idempotency         String(idempotency key) -> Uint64(article_id)
//   entities            String(entity_id) Int64Desc(version) -> Entity
//   entity_names        String(NameKey(form)) String(entity_id)
//   entity_skeletons    String(each PersonNameSkeletonKeys) String(entity_id)
//   entity_words        String(folded word of a name) String(entity_id)
//   entity_counts       String(entity_id) Int64Desc(version)
//                       -> Int64(articles) Int64(quotes)
//   quotes              Uint64(quote_id) Int64Desc(version) -> Quote
//   quotes_by_time      Int64Desc(time_us) Uint64(quote_id)
//   quotes_by_speaker   String(entity_id) Int64Desc(time_us) Uint64(quote_id)
//   quotes_by_entity    unused since schema 2 (quotes by entity are found
//                       through articles_by_entity); kept so older stores
//                       still open
//   quote_terms         String(folded word) Uint64(quote_id)
//                       -> "count/length"
//   quote_shingles      Uint64(text fingerprint) Uint64(quote_id)
//                       -> decimal shingle count of the quote
//   meta                "schema_version", "next_article_id",
//                       "next_quote_id", "next_version" -> decimal
// clang-format on
//
// time_us is the publish time in microseconds since the Unix epoch (the create
// time when an article has none). Descending time puts the newest first.
#ifndef VERBATIM_COMMON_CATALOG_KEYS_H_
#define VERBATIM_COMMON_CATALOG_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace verbatim::catalog {

// The prefix of an article's versions; also its tombstone key.
std::string ArticleKey(uint64_t article_id);
std::string ArticleVersionKey(uint64_t article_id, int64_t version);
std::string TimeIndexKey(int64_t time_us, uint64_t id);
// Index keys grouped under a string (source, entity id): the group prefix,
// and a full key.
std::string GroupPrefix(absl::string_view group);
std::string GroupTimeIndexKey(absl::string_view group, int64_t time_us,
                              uint64_t id);
std::string EntityVersionKey(absl::string_view entity_id, int64_t version);
std::string EntityNameKey(absl::string_view name_key,
                          absl::string_view entity_id);
std::string QuoteVersionPrefix(uint64_t quote_id);
std::string QuoteVersionKey(uint64_t quote_id, int64_t version);
std::string QuoteTermKey(absl::string_view term, uint64_t quote_id);
std::string QuoteShingleKey(uint64_t fingerprint, uint64_t quote_id);
std::string IdempotencyKey(absl::string_view kind, absl::string_view value);

// Decodes the trailing Uint64 id of a time-index key (grouped or not).
bool DecodeTrailingId(absl::string_view key, uint64_t* id);
// Decodes the time of TimeIndexKey / GroupTimeIndexKey.
bool DecodeIndexTime(absl::string_view key, bool grouped, int64_t* time_us);

// An entity's article and quote counts, kept apart from its record so that
// counting an article does not rewrite every entity it mentions.
std::string EncodeEntityCounts(int64_t articles, int64_t quotes);
bool DecodeEntityCounts(absl::string_view value, int64_t* articles,
                        int64_t* quotes);

// A term row's value: how often the term occurs in the quote, and the quote's
// length in words. Length 0 when the value does not say.
std::string EncodeTermPosting(int count, size_t length);
bool DecodeTermPosting(absl::string_view value, int* count, size_t* length);

std::string EncodeId(uint64_t id);
bool DecodeId(absl::string_view value, uint64_t* id);

}  // namespace verbatim::catalog

#endif  // VERBATIM_COMMON_CATALOG_KEYS_H_
