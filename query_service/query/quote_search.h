// Ranked full-text search over quotes (the quote_terms index).
#ifndef VERBATIM_QUERY_SERVICE_QUERY_QUOTE_SEARCH_H_
#define VERBATIM_QUERY_SERVICE_QUERY_QUOTE_SEARCH_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/concurrency/work_pool.h"
#include "common/storage/store.h"
#include "verbatim/v1/query_service.pb.h"

namespace verbatim::query {

// A parsed search query: every word must occur; each phrase must occur as
// consecutive words.
struct SearchQuery {
  // Folded, unique. Only those that are not stop words (text/stop_words.h)
  // have index rows, so only those find candidates.
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> phrases;  // folded words, 2 or more
};

// Splits `query` on double quotes: quoted parts are phrases. INVALID_ARGUMENT
// when there is no word, more than 32, or only stop words ("to be or not").
absl::StatusOr<SearchQuery> ParseSearchQuery(absl::string_view query);

// True when `words` contains `phrase` as consecutive words.
bool ContainsPhrase(const std::vector<std::string>& words,
                    const std::vector<std::string>& phrase);

// Answers SearchQuotes: quotes with a printing that has every word and
// phrase (any outlet's wording counts), passing the filters, ranked by BM25
// (k1 1.2, b 0.75). The search is bounded whatever
// the store's size: it walks the postings of the query's rarest indexed word
// newest first, keeps the quotes having every other word (read from their
// own postings or looked up by key, whichever is cheaper), and ranks the
// newest 5,000 of them. The walk stops after about 50,000 posting rows' worth
// of work: a search over very common words covers the newest quotes having
// them. Document frequencies are exact up to 4,096 quotes per word, and
// extrapolated from the newest rows beyond. The first page fixes the set of
// quotes searched (ids up to the highest seen), so later pages neither repeat
// nor skip results while ingest keeps writing. The quotes of a page are read
// in parallel on `read_pool` (null: one after another).
absl::StatusOr<v1::SearchQuotesResponse> SearchQuotes(
    const storage::Store& store, concurrency::WorkPool* read_pool,
    const v1::SearchQuotesRequest& request);

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_QUOTE_SEARCH_H_
