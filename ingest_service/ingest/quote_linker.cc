#include "ingest_service/ingest/quote_linker.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"
#include "common/catalog/keys.h"
#include "common/storage/key_codec.h"
#include "common/text/fold.h"

namespace verbatim::ingest {
namespace {

// Probing only the smallest shingle hashes (a bottom-k sketch) keeps lookups
// bounded for long quotes while still hitting any quote sharing much text.
constexpr size_t kProbeShingles = 16;
constexpr size_t kMaxRowsPerShingle = 64;
constexpr size_t kMaxCandidates = 8;
constexpr size_t kOpeningWords = 3;
// One way: the same text printed twice in one article (a pull quote), or a
// snippet and then the whole.
constexpr double kOverlapContainment = 0.8;

// The first words of a text, folded: "It challenged me ..." -> "it challenged me".
std::string OpeningWords(const std::string& text) {
  std::vector<std::string> words = text::FoldedWords(text);
  if (words.size() > kOpeningWords) words.resize(kOpeningWords);
  return absl::StrJoin(words, " ");
}

}  // namespace

double WordContainment(const std::string& a, const std::string& b) {
  const std::vector<std::string> words_a = text::FoldedWords(a);
  if (words_a.empty()) return 0.0;
  absl::flat_hash_map<std::string, int> counts;
  for (std::string& word : text::FoldedWords(b)) ++counts[word];
  int shared = 0;
  for (const std::string& word : words_a) {
    auto it = counts.find(word);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++shared;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(words_a.size());
}

absl::StatusOr<std::optional<uint64_t>> FindUtterance(
    const storage::Store& store, RecordChanges& changes, const std::string& text,
    const std::string& speaker,
    const std::map<uint64_t, std::vector<std::string>>& printed_here) {
  const std::vector<uint64_t> shingles = QuoteShingles(text);
  if (shingles.empty()) return std::nullopt;
  std::map<uint64_t, int> hits;
  const size_t probes = std::min(kProbeShingles, shingles.size());
  for (size_t i = 0; i < probes; ++i) {
    const std::string prefix = storage::KeyWriter().Uint64(shingles[i]).Release();
    auto cursor = store.NewCursor(storage::Family::kQuoteShingles, prefix,
                                  storage::PrefixSuccessor(prefix));
    for (size_t rows = 0; cursor->Valid() && rows < kMaxRowsPerShingle;
         cursor->Next(), ++rows) {
      uint64_t quote_id;
      if (catalog::DecodeTrailingId(cursor->key(), &quote_id)) ++hits[quote_id];
    }
    if (absl::Status s = cursor->status(); !s.ok()) return s;
  }
  for (const auto& [quote_id, quote] : changes.new_quotes()) {
    const std::vector<uint64_t> theirs = QuoteShingles(quote->text());
    for (size_t i = 0; i < probes; ++i) {
      if (std::binary_search(theirs.begin(), theirs.end(), shingles[i])) ++hits[quote_id];
    }
  }
  std::vector<std::pair<int, uint64_t>> ranked;
  for (const auto& [quote_id, count] : hits) ranked.emplace_back(count, quote_id);
  std::sort(ranked.rbegin(), ranked.rend());
  if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);

  // A printing that merges two utterances belongs to the one it starts
  // with; among equally good candidates, prefer the one starting alike.
  const std::string opening = OpeningWords(text);
  std::optional<uint64_t> best;
  std::pair<bool, double> best_score{false, 0.0};
  for (const auto& [count, quote_id] : ranked) {
    if (auto it = printed_here.find(quote_id); it != printed_here.end()) {
      const bool repeat = std::any_of(
          it->second.begin(), it->second.end(), [&](const std::string& printed) {
            return std::max(WordContainment(text, printed), WordContainment(printed, text)) >=
                   kOverlapContainment;
          });
      if (!repeat) continue;
    }
    auto quote = changes.PeekQuote(quote_id);
    if (absl::IsNotFound(quote.status())) continue;
    if (!quote.ok()) return quote.status();
    const double containment = std::max(WordContainment(text, (*quote)->text()),
                                        WordContainment((*quote)->text(), text));
    const bool speakers_differ = !speaker.empty() && !(*quote)->speaker().empty() &&
                                 (*quote)->speaker() != speaker;
    // Different speakers usually mean different utterances, unless the text
    // is long and nearly identical (then one outlet misattributed it, or
    // named the speaker by an alias not yet linked).
    const size_t words = std::min(text::FoldedWords(text).size(),
                                  text::FoldedWords((*quote)->text()).size());
    const double needed = words < kShortUtteranceWords ? kSameShortUtteranceContainment
                                                       : kSameUtteranceContainment;
    const bool same = speakers_differ
                          ? containment >= kSameUtteranceDespiteSpeaker &&
                                words >= kMinWordsDespiteSpeaker
                          : containment >= needed;
    if (!same) continue;
    const std::pair<bool, double> score{OpeningWords((*quote)->text()) == opening,
                                        containment};
    if (!best.has_value() || score > best_score) {
      best_score = score;
      best = quote_id;
    }
  }
  return best;
}

}  // namespace verbatim::ingest
