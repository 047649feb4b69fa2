#include "query_service/query/quote_search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "common/text/fold.h"
#include "common/text/stop_words.h"
#include "query_service/query/index_scan.h"
#include "query_service/query/quote_filter.h"

namespace verbatim::query {
namespace {

constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxPostings = 100000;
constexpr size_t kMaxCandidates = 5000;
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

struct Posting {
  int count = 1;      // of the term in the quote
  size_t length = 0;  // of the quote, in words; 0 when unknown
};
// quote id -> the term's posting.
using Postings = absl::flat_hash_map<uint64_t, Posting>;

absl::StatusOr<Postings> ReadPostings(const storage::Store& store,
                                      const std::string& term,
                                      uint64_t max_id) {
  const std::string prefix = catalog::GroupPrefix(term);
  auto cursor = store.NewPrefixCursor(storage::Family::kQuoteTerms);
  Postings postings;
  for (cursor->Seek(prefix); cursor->Valid() && postings.size() < kMaxPostings;
       cursor->Next()) {
    uint64_t id;
    if (!catalog::DecodeTrailingId(cursor->key(), &id) || id > max_id) continue;
    Posting posting;
    if (!catalog::DecodeTermPosting(cursor->value(), &posting.count,
                                    &posting.length)) {
      posting = Posting();
    }
    postings[id] = posting;
  }
  if (absl::Status s = cursor->status(); !s.ok()) return s;
  return postings;
}

struct Scored {
  double score;
  uint64_t id;
};

// BM25 of each candidate from the postings alone, best first (newest first
// among equals), so that only the quotes of the page need to be read.
std::vector<Scored> RankByPostings(const std::vector<Postings>& postings,
                                   const std::vector<uint64_t>& candidates,
                                   uint64_t max_id) {
  const auto length_of = [&](uint64_t id) {
    size_t length = 0;
    for (const Postings& list : postings)
      length = std::max(length, list.at(id).length);
    return length;
  };
  double average_length = 0;
  size_t known = 0;
  for (uint64_t id : candidates) {
    if (const size_t length = length_of(id); length > 0) {
      average_length += static_cast<double>(length);
      ++known;
    }
  }
  average_length =
      known == 0 ? 1.0 : average_length / static_cast<double>(known);
  const double total = static_cast<double>(std::max<uint64_t>(max_id, 1));
  std::vector<Scored> scored;
  scored.reserve(candidates.size());
  for (uint64_t id : candidates) {
    const size_t length = length_of(id);
    const double length_norm =
        1 - kB +
        kB * (length == 0 ? 1.0 : static_cast<double>(length) / average_length);
    double score = 0;
    for (const Postings& list : postings) {
      const double df = static_cast<double>(list.size());
      const double idf = std::log(1 + (total - df + 0.5) / (df + 0.5));
      const double tf = list.at(id).count;
      score += idf * tf * (kK1 + 1) / (tf + kK1 * length_norm);
    }
    scored.push_back({score, id});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.id > b.id;
  });
  return scored;
}

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
  if (all.empty())
    return status::InvalidField("query", "must contain at least one word");
  if (all.size() > kMaxQueryWords) {
    return status::LimitExceeded(absl::StatusCode::kInvalidArgument, "query",
                                 static_cast<int64_t>(all.size()),
                                 kMaxQueryWords, "words");
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  if (std::all_of(all.begin(), all.end(), text::IsSearchStopWord)) {
    return status::InvalidField(
        "query",
        absl::StrCat("has only common words (", absl::StrJoin(all, ", "),
                     "), which are not indexed; add a less common "
                     "word, such as a name or a noun"));
  }
  parsed.words = std::move(all);
  return parsed;
}

bool ContainsPhrase(const std::vector<std::string>& words,
                    const std::vector<std::string>& phrase) {
  return std::search(words.begin(), words.end(), phrase.begin(),
                     phrase.end()) != words.end();
}

absl::StatusOr<v1::SearchQuotesResponse> SearchQuotes(
    const storage::Store& store, const v1::SearchQuotesRequest& request) {
  auto query = ParseSearchQuery(request.query());
  if (!query.ok()) return query.status();
  QuoteFilter::Fields fields;
  fields.speaker = request.speaker();
  fields.entity = request.entity();
  fields.source = request.source();
  fields.start_time =
      request.has_start_time() ? &request.start_time() : nullptr;
  fields.end_time = request.has_end_time() ? &request.end_time() : nullptr;
  auto filter = QuoteFilter::Create(store, fields);
  if (!filter.ok()) return filter.status();
  auto page =
      ParsePageRequest(request, request.page_size(), request.page_token());
  if (!page.ok()) return page.status();
  uint64_t offset = 0;
  uint64_t max_id = std::numeric_limits<uint64_t>::max();
  if (!page->resume_key.empty()) {
    storage::KeyReader reader(page->resume_key);
    if (!reader.Uint64(&offset) || !reader.Uint64(&max_id)) {
      return status::InvalidField("page_token",
                                  "is not a token this service issued");
    }
  }

  std::vector<Postings> postings;
  for (const std::string& word : query->words) {
    if (text::IsSearchStopWord(word)) continue;
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
                       [](const Postings& a, const Postings& b) {
                         return a.size() < b.size();
                       }) -
      postings.begin());
  std::vector<uint64_t> candidates;
  for (const auto& [id, count] : postings[driver]) {
    if (std::all_of(
            postings.begin(), postings.end(),
            [id = id](const Postings& list) { return list.contains(id); })) {
      candidates.push_back(id);
    }
  }
  std::sort(candidates.rbegin(), candidates.rend());
  if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);

  // Read quotes best first until the page is full: the record is the truth
  // (a secondary may still show term rows of an older version), so some
  // printing must have every word and phrase, and the filters must match.
  const std::vector<Scored> ranked =
      RankByPostings(postings, candidates, max_id);
  catalog::RecordReader reader(store);
  v1::SearchQuotesResponse response;
  uint64_t matched_so_far = 0;
  size_t next = 0;
  for (; next < ranked.size() && response.quotes_size() < page->size; ++next) {
    auto quote = reader.ReadQuote(ranked[next].id);
    if (absl::IsNotFound(quote.status())) continue;
    if (!quote.ok()) return quote.status();
    if (!filter->Matches(quote->record)) continue;
    bool matched = false;
    for (const std::string& printed :
         catalog::QuotePrintedTexts(quote->record)) {
      const std::vector<std::string> words = text::FoldedWords(printed);
      const std::set<std::string> present(words.begin(), words.end());
      matched = std::all_of(query->words.begin(), query->words.end(),
                            [&](const std::string& w) {
                              return present.contains(w);
                            }) &&
                std::all_of(query->phrases.begin(), query->phrases.end(),
                            [&](const auto& phrase) {
                              return ContainsPhrase(words, phrase);
                            });
      if (matched) break;
    }
    if (!matched) continue;
    // Results before the resume offset were returned by earlier pages.
    if (matched_so_far++ < offset) continue;
    *response.add_quotes() = std::move(quote->record);
  }
  if (next < ranked.size()) {
    response.set_next_page_token(paging::EncodePageToken(
        EncodeResume(matched_so_far, max_id), page->filters));
  }
  return response;
}

}  // namespace verbatim::query
