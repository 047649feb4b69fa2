#include "common/catalog/keys.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/storage/key_codec.h"

namespace verbatim::catalog {

using storage::KeyReader;
using storage::KeyWriter;

std::string ArticleKey(uint64_t article_id) {
  return KeyWriter().Uint64(article_id).Release();
}

std::string ArticleVersionKey(uint64_t article_id, int64_t version) {
  return KeyWriter().Uint64(article_id).Int64Descending(version).Release();
}

std::string TimeIndexKey(int64_t time_us, uint64_t id) {
  return KeyWriter().Int64Descending(time_us).Uint64(id).Release();
}

std::string GroupPrefix(absl::string_view group) {
  return KeyWriter().String(group).Release();
}

std::string GroupTimeIndexKey(absl::string_view group, int64_t time_us,
                              uint64_t id) {
  return KeyWriter()
      .String(group)
      .Int64Descending(time_us)
      .Uint64(id)
      .Release();
}

std::string EntityVersionKey(absl::string_view entity_id, int64_t version) {
  return KeyWriter().String(entity_id).Int64Descending(version).Release();
}

std::string EntityNameKey(absl::string_view name_key,
                          absl::string_view entity_id) {
  return KeyWriter().String(name_key).String(entity_id).Release();
}

std::string QuoteVersionPrefix(uint64_t quote_id) {
  return KeyWriter().Uint64(quote_id).Release();
}

std::string QuoteVersionKey(uint64_t quote_id, int64_t version) {
  return KeyWriter().Uint64(quote_id).Int64Descending(version).Release();
}

std::string QuoteTermKey(absl::string_view term, uint64_t quote_id) {
  return KeyWriter().String(term).Uint64(quote_id).Release();
}

std::string QuoteShingleKey(uint64_t fingerprint, uint64_t quote_id) {
  return KeyWriter().Uint64(fingerprint).Uint64(quote_id).Release();
}

std::string IdempotencyKey(absl::string_view kind, absl::string_view value) {
  return KeyWriter().String(kind).String(value).Release();
}

bool DecodeTrailingId(absl::string_view key, uint64_t* id) {
  if (key.size() < 8) return false;
  return KeyReader(key.substr(key.size() - 8)).Uint64(id);
}

bool DecodeIndexTime(absl::string_view key, bool grouped, int64_t* time_us) {
  KeyReader reader(key);
  std::string group;
  if (grouped && !reader.String(&group)) return false;
  return reader.Int64Descending(time_us);
}

std::string EncodeEntityCounts(int64_t articles, int64_t quotes) {
  return KeyWriter().Int64(articles).Int64(quotes).Release();
}

bool DecodeEntityCounts(absl::string_view value, int64_t* articles,
                        int64_t* quotes) {
  KeyReader reader(value);
  return reader.Int64(articles) && reader.Int64(quotes) && reader.done();
}

std::string EncodeTermPosting(int count, size_t length) {
  return absl::StrCat(count, "/", length);
}

bool DecodeTermPosting(absl::string_view value, int* count, size_t* length) {
  const size_t slash = value.find('/');
  *length = 0;
  if (slash == absl::string_view::npos) return absl::SimpleAtoi(value, count);
  return absl::SimpleAtoi(value.substr(0, slash), count) &&
         absl::SimpleAtoi(value.substr(slash + 1), length);
}

std::string EncodeId(uint64_t id) { return KeyWriter().Uint64(id).Release(); }

bool DecodeId(absl::string_view value, uint64_t* id) {
  KeyReader reader(value);
  return reader.Uint64(id) && reader.done();
}

}  // namespace verbatim::catalog
