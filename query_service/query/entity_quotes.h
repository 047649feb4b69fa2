// Quotes printed in articles that mention an entity, newest first.
//
// There is no index row per (entity, quote): an article with 20 entities and
// 10 quotes would need 200 of them, half of all the rows an ingest writes.
// Instead the articles mentioning the entity are scanned newest first and
// each quote is listed once, at the earliest of its printings in an article
// that mentions the entity.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_ENTITY_QUOTES_H_
#define VERBATIM_QUERY_SERVICE_QUERY_ENTITY_QUOTES_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "common/catalog/catalog_reader.h"
#include "common/storage/store.h"
#include "query_service/query/index_scan.h"
#include "query_service/query/quote_batch.h"
#include "verbatim/v1/quote.pb.h"

namespace verbatim::query {

// Visits the quotes of the articles mentioning `entity_id` whose index time
// (articles_by_entity) lies in `range`, from the page's resume position on,
// until `add` has accepted page.size quotes. `add` returns true when it took
// the quote (the caller's other filters). Returns the next page token, empty
// after the last article. NOT_FOUND records (deleted meanwhile) are skipped.
// Articles are read through `reader`, each article's quotes at once through
// `quotes`.
absl::StatusOr<std::string> ScanEntityQuotes(
    const storage::Store& store, catalog::RecordReader& reader,
    QuoteBatch& quotes, const std::string& entity_id, const KeyRange& range,
    const PageRequest& page, const std::function<bool(v1::Quote& quote)>& add);

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_ENTITY_QUOTES_H_
