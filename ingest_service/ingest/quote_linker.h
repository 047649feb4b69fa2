// Finds the utterance a printed quotation belongs to, so that the same quote
// reprinted by several outlets (with small edits, cuts or merged halves) is
// one Quote resource.
#ifndef VERBATIM_INGEST_SERVICE_INGEST_QUOTE_LINKER_H_
#define VERBATIM_INGEST_SERVICE_INGEST_QUOTE_LINKER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/storage/store.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::ingest {

// Share of the shorter text's words that must occur in the longer one.
inline constexpr double kSameUtteranceContainment = 0.6;
// The same for short texts, where one changed word changes the meaning
// ("We sail at ten" / "We sail at nine").
inline constexpr double kSameShortUtteranceContainment = 0.85;
inline constexpr size_t kShortUtteranceWords = 8;
// The same, when the two printings name different speakers.
inline constexpr double kSameUtteranceDespiteSpeaker = 0.85;
inline constexpr size_t kMinWordsDespiteSpeaker = 8;

// Share of a's folded words (with multiplicity) that also occur in b.
double WordContainment(const std::string& a, const std::string& b);

// Links the printed quotations of one article (or batch) to utterances.
// Candidates come from the shingle index, so the cost does not grow with the
// number of stored quotes: the smallest shingle hashes of a text (a bottom-k
// sketch) are probed, and a candidate is read only when the shingles it
// shares make the texts plausibly contain one another. A printing that shares
// no shingle (its words reordered) is compared with its speaker's latest
// quotes.
//
// Not thread-safe; used under the writer lock together with `changes`. The
// store, `changes` and `common` must outlive it. It sees the store as of its
// first probe.
class QuoteLinker {
 public:
  QuoteLinker(const storage::Store& store, RecordChanges& changes,
              CommonShingles& common);

  // Returns the id of a stored or newly created (in `changes`) utterance
  // whose text contains most of `text`'s words or is mostly contained in it,
  // spoken by `speaker` or by an unknown speaker (either side empty) — or, for
  // long nearly identical texts, by anyone — or nullopt. When a printing
  // merges two utterances, the one it starts with wins.
  //
  // `printed_here` maps utterances already printed by the same article to
  // the texts printed: an article that prints two different parts of a quote
  // (a split quote, a quote and its continuation) prints two utterances, so
  // such an utterance is only a candidate again for text overlapping a
  // printed one (a repeat, or a snippet and the whole) — or for the rest of
  // a sentence the attribution split, which opens in lower case ("“We told
  // them in writing,” he said, “in black and white ...”").
  absl::StatusOr<std::optional<uint64_t>> FindUtterance(
      const std::string& text, const std::string& speaker,
      const std::map<uint64_t, std::vector<std::string>>& printed_here);

 private:
  // Hits per candidate utterance among the probed shingles, and how many
  // shingles each candidate has (0 when unknown).
  struct Candidates {
    std::map<uint64_t, int> hits;
    std::map<uint64_t, size_t> shingle_counts;
    size_t probes = 0;
  };
  absl::Status ProbeStored(const std::vector<uint64_t>& shingles,
                           Candidates& out);
  void ProbeNew(const std::vector<uint64_t>& shingles, Candidates& out);
  // Appends the ids of `speaker`'s quotes in `changes_` and of their latest
  // stored ones.
  absl::Status ProbeSpeaker(const std::string& speaker,
                            std::vector<uint64_t>& out);
  // The candidate among `ids` (best first) that is the same utterance as the
  // printing of `words` (FoldedWords) by `speaker`, or nullopt.
  // `sentence_rest`: the printing continues a sentence split by its
  // attribution (FindUtterance).
  absl::StatusOr<std::optional<uint64_t>> BestCandidate(
      const std::vector<uint64_t>& ids, const std::vector<std::string>& words,
      const std::string& speaker, bool sentence_rest,
      const std::map<uint64_t, std::vector<std::string>>& printed_here);

  const storage::Store& store_;
  RecordChanges& changes_;
  CommonShingles& common_;
  std::unique_ptr<storage::PrefixCursor> shingle_cursor_;
  std::unique_ptr<storage::PrefixCursor> speaker_cursor_;
};

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_QUOTE_LINKER_H_
