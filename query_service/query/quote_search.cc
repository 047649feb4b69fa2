#include "query_service/query/quote_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

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
#include "query_service/query/quote_batch.h"
#include "query_service/query/quote_filter.h"

namespace verbatim::query {
namespace {

constexpr size_t kMaxQueryWords = 32;
// Rows of each term read, newest first, before choosing the rarest term to
// drive the search: below this a term's document frequency is exact.
constexpr size_t kScannedPostings = 4096;
// The work one search may do finding candidates, in posting rows read (a
// lookup by key counts kProbeCostInRows): past it, the search covers the
// newest quotes having the rarest word that it examined so far. Measured at 1M
// articles, a posting row read backwards costs ~0.4 µs and a key lookup ~13 µs.
constexpr double kProbeCostInRows = 30;
constexpr double kWorkBudgetRows = 50000;
constexpr size_t kMaxCandidates = 5000;
// Driver rows whose membership in the other terms is looked up at once.
constexpr size_t kProbeBatch = 256;
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

struct Posting {
  int count = 1;      // of the term in the quote
  size_t length = 0;  // of the quote, in words; 0 when unknown
};

Posting DecodePosting(absl::string_view value) {
  Posting posting;
  if (!catalog::DecodeTermPosting(value, &posting.count, &posting.length)) {
    posting = Posting();
  }
  return posting;
}

// One term's posting rows read newest first (descending quote id, from the
// search's highest id down) as far as needed.
class TermPostings {
 public:
  TermPostings(const storage::Store& store, std::string term, uint64_t max_id)
      : term_(std::move(term)),
        decided_from_(max_id),
        cursor_(store.NewPrefixCursor(storage::Family::kQuoteTerms)) {
    cursor_->SeekForPrev(catalog::GroupPrefix(term_),
                         catalog::QuoteTermKey(term_, max_id));
    Settle();
  }

  // Reads until `rows` rows are held or the term has no more.
  absl::Status ReadUpTo(size_t rows) {
    for (; cursor_->Valid() && rows_.size() < rows; cursor_->Prev()) Take();
    Settle();
    return cursor_->status();
  }

  // Reads every row whose id is >= `id`.
  absl::Status ReadDownTo(uint64_t id) {
    while (cursor_->Valid() && decided_from_ > id) {
      Take();
      cursor_->Prev();
      Settle();
    }
    return cursor_->status();
  }

  const std::string& term() const { return term_; }
  bool complete() const { return !cursor_->Valid(); }
  const std::vector<std::pair<uint64_t, Posting>>& rows() const {
    return rows_;
  }
  uint64_t newest() const { return rows_.empty() ? 0 : rows_.front().first; }
  // Every row with an id in [decided_from(), max_id] has been read.
  uint64_t decided_from() const { return complete() ? 0 : decided_from_; }

  // Whether `id` has a row, when the rows read decide it (nullopt: not read
  // that far back).
  std::optional<const Posting*> Find(uint64_t id) const {
    // Rows are in descending id order.
    auto it = std::lower_bound(
        rows_.begin(), rows_.end(), id,
        [](const auto& row, uint64_t sought) { return row.first > sought; });
    if (it != rows_.end() && it->first == id) return &it->second;
    if (id >= decided_from()) return nullptr;
    return std::nullopt;
  }

  // Rows per quote id in the range read (from the term's newest row down):
  // quote ids grow with time, so this assumes the term's recent rate holds
  // further back.
  double Density() const {
    if (complete() || rows_.empty()) return 0;
    const double span = static_cast<double>(newest() - decided_from_ + 1);
    return static_cast<double>(rows_.size()) / span;
  }

  // How many quotes up to the search's highest id have the term: exact once
  // complete, else extrapolated by Density().
  double DocumentFrequency(uint64_t max_id) const {
    const double read = static_cast<double>(rows_.size());
    if (complete()) return read;
    return std::max(read, Density() * static_cast<double>(max_id));
  }

 private:
  void Take() {
    uint64_t id;
    if (!catalog::DecodeTrailingId(cursor_->key(), &id)) return;
    rows_.emplace_back(id, DecodePosting(cursor_->value()));
  }
  // Ids above the row under the cursor are decided.
  void Settle() {
    uint64_t id;
    if (cursor_->Valid() && catalog::DecodeTrailingId(cursor_->key(), &id)) {
      decided_from_ = id + 1;
    }
  }

  std::string term_;
  uint64_t decided_from_;
  std::unique_ptr<storage::PrefixCursor> cursor_;
  std::vector<std::pair<uint64_t, Posting>> rows_;  // descending id
};

// A quote having every term, with its posting of each.
struct Candidate {
  uint64_t id;
  std::vector<Posting> postings;  // by term
};

// Decides which of `batch` (newest first; `keep` marks those still in) have
// `term`, filling their postings at `index`: by reading the term's rows down
// to the batch's oldest id when that is cheaper than looking the undecided
// ids up by key (Bloom filters make absent keys cheap, but a lookup still
// costs as much as reading about kProbeCostInRows rows in order). Adds the
// work done, in rows, to `work`.
absl::Status DecideTerm(const storage::Store& store, TermPostings& term,
                        size_t index, std::vector<Candidate>& batch,
                        std::vector<bool>& keep, double& work) {
  std::vector<size_t> undecided;
  for (size_t b = 0; b < batch.size(); ++b) {
    if (keep[b] && !term.Find(batch[b].id).has_value()) undecided.push_back(b);
  }
  if (!undecided.empty()) {
    const uint64_t oldest = batch[undecided.back()].id;
    const double rows_to_read =
        term.Density() * static_cast<double>(term.decided_from() - oldest);
    if (rows_to_read <=
        kProbeCostInRows * static_cast<double>(undecided.size())) {
      const size_t read_before = term.rows().size();
      if (absl::Status s = term.ReadDownTo(oldest); !s.ok()) return s;
      work += static_cast<double>(term.rows().size() - read_before);
    } else {
      work += kProbeCostInRows * static_cast<double>(undecided.size());
      std::vector<std::string> keys;
      for (size_t b : undecided)
        keys.push_back(catalog::QuoteTermKey(term.term(), batch[b].id));
      std::vector<absl::StatusOr<std::string>> values =
          store.MultiGet(storage::Family::kQuoteTerms, keys);
      for (size_t k = 0; k < undecided.size(); ++k) {
        if (values[k].ok()) {
          batch[undecided[k]].postings[index] = DecodePosting(*values[k]);
        } else if (absl::IsNotFound(values[k].status())) {
          keep[undecided[k]] = false;
        } else {
          return values[k].status();
        }
      }
    }
  }
  for (size_t b = 0; b < batch.size(); ++b) {
    if (!keep[b]) continue;
    const std::optional<const Posting*> found = term.Find(batch[b].id);
    if (!found.has_value()) continue;  // looked up above
    if (*found == nullptr) {
      keep[b] = false;
    } else {
      batch[b].postings[index] = **found;
    }
  }
  return absl::OkStatus();
}

// Candidates newest first: walks the rarest term's rows and keeps the ids
// every other term has.
absl::StatusOr<std::vector<Candidate>> FindCandidates(
    const storage::Store& store, std::vector<TermPostings>& terms,
    uint64_t max_id) {
  size_t driver = 0;
  const auto rank = [&](const TermPostings& list) {
    return std::pair(!list.complete(), list.DocumentFrequency(max_id));
  };
  for (size_t t = 1; t < terms.size(); ++t) {
    if (rank(terms[t]) < rank(terms[driver])) driver = t;
  }
  TermPostings& walked = terms[driver];
  std::vector<Candidate> candidates;
  double work = 0;
  for (const TermPostings& term : terms)
    work += static_cast<double>(term.rows().size());
  for (size_t begin = 0;
       candidates.size() < kMaxCandidates && work < kWorkBudgetRows;
       begin += kProbeBatch) {
    const size_t read_before = walked.rows().size();
    if (absl::Status s = walked.ReadUpTo(begin + kProbeBatch); !s.ok()) {
      return s;
    }
    work += static_cast<double>(walked.rows().size() - read_before);
    const auto& rows = walked.rows();
    if (begin >= rows.size()) break;
    std::vector<Candidate> batch;
    for (size_t i = begin; i < std::min(rows.size(), begin + kProbeBatch);
         ++i) {
      Candidate candidate{rows[i].first,
                          std::vector<Posting>(terms.size(), Posting())};
      candidate.postings[driver] = rows[i].second;
      batch.push_back(std::move(candidate));
    }
    std::vector<bool> keep(batch.size(), true);
    for (size_t t = 0; t < terms.size(); ++t) {
      if (t == driver) continue;
      if (absl::Status s = DecideTerm(store, terms[t], t, batch, keep, work);
          !s.ok()) {
        return s;
      }
    }
    for (size_t b = 0; b < batch.size() && candidates.size() < kMaxCandidates;
         ++b) {
      if (keep[b]) candidates.push_back(std::move(batch[b]));
    }
  }
  return candidates;
}

struct Scored {
  double score;
  uint64_t id;
};

// BM25 of each candidate from the postings alone, best first (newest first
// among equals), so that only the quotes of the page need to be read.
std::vector<Scored> RankByPostings(const std::vector<TermPostings>& terms,
                                   const std::vector<Candidate>& candidates,
                                   uint64_t max_id) {
  const auto length_of = [](const Candidate& candidate) {
    size_t length = 0;
    for (const Posting& posting : candidate.postings)
      length = std::max(length, posting.length);
    return length;
  };
  double average_length = 0;
  size_t known = 0;
  for (const Candidate& candidate : candidates) {
    if (const size_t length = length_of(candidate); length > 0) {
      average_length += static_cast<double>(length);
      ++known;
    }
  }
  average_length =
      known == 0 ? 1.0 : average_length / static_cast<double>(known);
  const double total = static_cast<double>(std::max<uint64_t>(max_id, 1));
  std::vector<double> idf;
  for (const TermPostings& term : terms) {
    const double df = term.DocumentFrequency(max_id);
    idf.push_back(std::log(1 + (total - df + 0.5) / (df + 0.5)));
  }
  std::vector<Scored> scored;
  scored.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    const size_t length = length_of(candidate);
    const double length_norm =
        1 - kB +
        kB * (length == 0 ? 1.0 : static_cast<double>(length) / average_length);
    double score = 0;
    for (size_t t = 0; t < terms.size(); ++t) {
      const double tf = candidate.postings[t].count;
      score += idf[t] * tf * (kK1 + 1) / (tf + kK1 * length_norm);
    }
    scored.push_back({score, candidate.id});
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
    const storage::Store& store, concurrency::WorkPool* read_pool,
    const v1::SearchQuotesRequest& request) {
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

  std::vector<TermPostings> terms;
  for (const std::string& word : query->words) {
    if (text::IsSearchStopWord(word)) continue;
    terms.emplace_back(store, word, max_id);
    if (absl::Status s = terms.back().ReadUpTo(kScannedPostings); !s.ok()) {
      return s;
    }
  }
  if (page->resume_key.empty()) {
    max_id = 0;
    for (const TermPostings& term : terms)
      max_id = std::max(max_id, term.newest());
  }
  auto candidates = FindCandidates(store, terms, max_id);
  if (!candidates.ok()) return candidates.status();

  // Read quotes best first until the page is full: the record is the truth
  // (a secondary may still show term rows of an older version), so some
  // printing must have every word and phrase, and the filters must match.
  const std::vector<Scored> ranked = RankByPostings(terms, *candidates, max_id);
  std::vector<uint64_t> ranked_ids;
  ranked_ids.reserve(ranked.size());
  for (const Scored& scored : ranked) ranked_ids.push_back(scored.id);
  QuoteBatch quotes(store, read_pool);
  v1::SearchQuotesResponse response;
  uint64_t matched_so_far = 0;
  size_t next = 0;
  for (; next < ranked.size() && response.quotes_size() < page->size; ++next) {
    // Results before the resume offset are read too (to count them).
    const size_t ahead =
        page->size - response.quotes_size() +
        (matched_so_far < offset ? offset - matched_so_far : 0);
    auto quote = quotes.TakeInOrder(ranked_ids, next, ahead);
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
