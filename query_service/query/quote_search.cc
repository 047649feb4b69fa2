#include "query_service/query/quote_search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "common/text/fold.h"
#include "query_service/query/index_scan.h"
#include "query_service/query/quote_filter.h"

namespace verbatim::query {
namespace {

constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxPostings = 100000;
constexpr size_t kMaxCandidates = 5000;
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// quote id -> count of the term in the quote.
using Postings = absl::flat_hash_map<uint64_t, int>;

absl::StatusOr<Postings> ReadPostings(const storage::Store& store, const std::string& term,
                                      uint64_t max_id) {
  const std::string prefix = catalog::GroupPrefix(term);
  auto cursor = store.NewCursor(storage::Family::kQuoteTerms, prefix,
                                storage::PrefixSuccessor(prefix));
  Postings postings;
  for (; cursor->Valid() && postings.size() < kMaxPostings; cursor->Next()) {
    uint64_t id;
    if (!catalog::DecodeTrailingId(cursor->key(), &id) || id > max_id) continue;
    int count = 1;
    if (!absl::SimpleAtoi(cursor->value(), &count)) count = 1;
    postings[id] = count;
  }
  if (absl::Status s = cursor->status(); !s.ok()) return s;
  return postings;
}

struct Scored {
  double score;
  uint64_t id;
  v1::Quote quote;
};

// The resume position of a search: how many results were returned, and the
// highest quote id the search covers.
std::string EncodeResume(uint64_t offset, uint64_t max_id) {
  return storage::KeyWriter().Uint64(offset).Uint64(max_id).Release();
}

}  // namespace

absl::StatusOr<SearchQuery> ParseSearchQuery(absl::string_view query) {
  SearchQuery parsed;
  std::vector<std::string> all;
  int part = 0;
  for (absl::string_view piece : absl::StrSplit(query, '"')) {
    std::vector<std::string> words = text::FoldedWords(piece);
    if (part++ % 2 == 1 && words.size() >= 2) parsed.phrases.push_back(words);
    all.insert(all.end(), words.begin(), words.end());
  }
  if (all.empty()) return status::InvalidField("query", "must contain at least one word");
  if (all.size() > kMaxQueryWords) {
    return status::LimitExceeded(absl::StatusCode::kInvalidArgument, "query",
                                 static_cast<int64_t>(all.size()), kMaxQueryWords, "words");
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  parsed.words = std::move(all);
  return parsed;
}

bool ContainsPhrase(const std::vector<std::string>& words,
                    const std::vector<std::string>& phrase) {
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

absl::StatusOr<v1::SearchQuotesResponse> SearchQuotes(const storage::Store& store,
                                                      const v1::SearchQuotesRequest& request) {
  auto query = ParseSearchQuery(request.query());
  if (!query.ok()) return query.status();
  QuoteFilter::Fields fields;
  fields.speaker = request.speaker();
  fields.entity = request.entity();
  fields.source = request.source();
  fields.start_time = request.has_start_time() ? &request.start_time() : nullptr;
  fields.end_time = request.has_end_time() ? &request.end_time() : nullptr;
  auto filter = QuoteFilter::Create(store, fields);
  if (!filter.ok()) return filter.status();
  auto page = ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  uint64_t offset = 0;
  uint64_t max_id = std::numeric_limits<uint64_t>::max();
  if (!page->resume_key.empty()) {
    storage::KeyReader reader(page->resume_key);
    if (!reader.Uint64(&offset) || !reader.Uint64(&max_id)) {
      return status::InvalidField("page_token", "is not a token this service issued");
    }
  }

  std::vector<Postings> postings;
  for (const std::string& word : query->words) {
    auto list = ReadPostings(store, word, max_id);
    if (!list.ok()) return list.status();
    postings.push_back(*std::move(list));
  }
  if (page->resume_key.empty()) {
    max_id = 0;
    for (const Postings& list : postings) {
      for (const auto& [id, count] : list) max_id = std::max(max_id, id);
    }
  }
  // Walk the shortest list, newest quotes first, keeping ids in every list.
  const size_t driver = static_cast<size_t>(
      std::min_element(postings.begin(), postings.end(),
                       [](const Postings& a, const Postings& b) { return a.size() < b.size(); }) -
      postings.begin());
  std::vector<uint64_t> candidates;
  for (const auto& [id, count] : postings[driver]) {
    if (std::all_of(postings.begin(), postings.end(),
                    [id = id](const Postings& list) { return list.contains(id); })) {
      candidates.push_back(id);
    }
  }
  std::sort(candidates.rbegin(), candidates.rend());
  if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);

  std::vector<Scored> scored;
  std::vector<size_t> lengths;
  for (uint64_t id : candidates) {
    auto quote = catalog::ReadQuote(store, id);
    if (absl::IsNotFound(quote.status())) continue;
    if (!quote.ok()) return quote.status();
    if (!filter->Matches(quote->record)) continue;
    // The record is the truth (a secondary may still show term rows of an
    // older version): some printing must have every word and phrase.
    std::vector<std::string> words;
    bool matched = false;
    for (const std::string& printed : catalog::QuotePrintedTexts(quote->record)) {
      words = text::FoldedWords(printed);
      const std::set<std::string> present(words.begin(), words.end());
      matched = std::all_of(query->words.begin(), query->words.end(),
                            [&](const std::string& w) { return present.contains(w); }) &&
                std::all_of(query->phrases.begin(), query->phrases.end(),
                            [&](const auto& phrase) { return ContainsPhrase(words, phrase); });
      if (matched) break;
    }
    if (!matched) continue;
    lengths.push_back(words.size());
    scored.push_back({0.0, id, std::move(quote->record)});
  }
  double average_length = 1.0;
  if (!lengths.empty()) {
    average_length = 0;
    for (size_t length : lengths) average_length += static_cast<double>(length);
    average_length /= static_cast<double>(lengths.size());
  }
  const double total = static_cast<double>(std::max<uint64_t>(max_id, 1));
  for (size_t i = 0; i < scored.size(); ++i) {
    const double length_norm = 1 - kB + kB * static_cast<double>(lengths[i]) / average_length;
    for (const Postings& list : postings) {
      const double df = static_cast<double>(list.size());
      const double idf = std::log(1 + (total - df + 0.5) / (df + 0.5));
      const double tf = list.at(scored[i].id);
      scored[i].score += idf * tf * (kK1 + 1) / (tf + kK1 * length_norm);
    }
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.id > b.id;
  });

  v1::SearchQuotesResponse response;
  const size_t end = std::min<size_t>(scored.size(), offset + page->size);
  for (size_t i = offset; i < end; ++i) *response.add_quotes() = std::move(scored[i].quote);
  if (end < scored.size()) {
    response.set_next_page_token(
        paging::EncodePageToken(EncodeResume(end, max_id), page->filters));
  }
  return response;
}

}  // namespace verbatim::query
