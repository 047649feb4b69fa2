#include "query_service/query/entity_quotes.h"

#include <algorithm>
#include <vector>

#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "google/protobuf/util/time_util.h"

namespace verbatim::query {
namespace {

using google::protobuf::util::TimeUtil;

// Whether `article_name` is the earliest printing of `quote` in an article
// that mentions the entity (appearances are kept earliest first).
absl::StatusOr<bool> FirstPrintingMentioning(const storage::Store& store,
                                             const v1::Quote& quote,
                                             const std::string& entity_id,
                                             const std::string& article_name) {
  for (const v1::Appearance& appearance : quote.appearances()) {
    if (appearance.article() == article_name) return true;
    auto article_id =
        catalog::ParseArticleName(appearance.article(), "article");
    if (!article_id.ok()) continue;
    // A printing's time is its article's index time (publish, else create).
    const int64_t time =
        TimeUtil::TimestampToMicroseconds(appearance.publish_time());
    absl::StatusOr<std::string> row =
        store.Get(storage::Family::kArticlesByEntity,
                  catalog::GroupTimeIndexKey(entity_id, time, *article_id));
    if (row.ok()) return false;
    if (!absl::IsNotFound(row.status())) return row.status();
  }
  return false;
}

// Distinct quote ids of an article, in the order it prints them.
std::vector<uint64_t> QuoteIdsOf(const v1::Article& article) {
  std::vector<uint64_t> ids;
  for (const v1::QuoteAppearance& appearance : article.quotes()) {
    auto id = catalog::ParseQuoteName(appearance.quote(), "quote");
    if (id.ok() && std::find(ids.begin(), ids.end(), *id) == ids.end())
      ids.push_back(*id);
  }
  return ids;
}

// A resume position: the article's index row and how many of its quotes an
// earlier page already went through.
std::string EncodeResume(absl::string_view row, uint64_t done) {
  return storage::KeyWriter().String(row).Uint64(done).Release();
}

}  // namespace

absl::StatusOr<std::string> ScanEntityQuotes(
    const storage::Store& store, catalog::RecordReader& reader,
    QuoteBatch& quotes, const std::string& entity_id, const KeyRange& range,
    const PageRequest& page, const std::function<bool(v1::Quote& quote)>& add) {
  std::string resume_row;
  uint64_t done_in_row = 0;
  if (!page.resume_key.empty()) {
    storage::KeyReader token(page.resume_key);
    if (!token.String(&resume_row) || !token.Uint64(&done_in_row) ||
        !token.done()) {
      return status::InvalidField("page_token",
                                  "is not a token this service issued");
    }
  }
  auto cursor = store.NewCursor(storage::Family::kArticlesByEntity, range.lower,
                                range.upper);
  if (!resume_row.empty()) cursor->Seek(resume_row);
  int added = 0;
  for (; cursor->Valid(); cursor->Next()) {
    const std::string row(cursor->key());
    if (row != resume_row) done_in_row = 0;
    uint64_t article_id;
    if (!catalog::DecodeTrailingId(row, &article_id)) continue;
    auto article = reader.ReadArticleVersion(article_id);
    if (absl::IsNotFound(article.status())) continue;
    if (!article.ok()) return article.status();
    const std::vector<uint64_t> quote_ids = QuoteIdsOf(article->record);
    for (size_t i = done_in_row; i < quote_ids.size(); ++i) {
      if (added == page.size) {
        return paging::EncodePageToken(EncodeResume(row, i), page.filters);
      }
      auto quote = quotes.TakeInOrder(quote_ids, i, page.size - added);
      if (absl::IsNotFound(quote.status())) continue;
      if (!quote.ok()) return quote.status();
      auto first = FirstPrintingMentioning(store, quote->record, entity_id,
                                           article->record.name());
      if (!first.ok()) return first.status();
      if (*first && add(quote->record)) ++added;
    }
  }
  if (absl::Status s = cursor->status(); !s.ok()) return s;
  return std::string();
}

}  // namespace verbatim::query
