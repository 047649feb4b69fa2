// The entity and quote records one ingest or delete changes, and the index
// rows derived from them, written into one batch at the end.
//
// Records are versioned (catalog/keys.h): applying writes each changed record
// under the new version and deletes its old version. Index rows are derived
// from records, so applying diffs the rows of the old and the new record:
// rows only the old one had are deleted, rows only the new one has are put.
//
// Not thread-safe: used by one ingest at a time under the writer lock.
#ifndef VERBATIM_INGEST_SERVICE_INGEST_RECORD_CHANGES_H_
#define VERBATIM_INGEST_SERVICE_INGEST_RECORD_CHANGES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "common/catalog/catalog_reader.h"
#include "common/storage/store.h"
#include "verbatim/v1/entity.pb.h"
#include "verbatim/v1/quote.pb.h"

namespace verbatim::ingest {

// Shingles shared by so many stored quotes that their rows tell nothing about
// which quote a text is ("i do not", "we are going"). Linking learns them as
// it probes and skips them afterwards instead of reading their rows again,
// and new quote texts get no rows for them, since no probe would read those.
// Rows of a shingle only grow until an article is deleted, so the owner
// clears the set on delete. Not thread-safe; kept under the writer lock.
using CommonShingles = absl::flat_hash_set<uint64_t>;

class RecordChanges {
 public:
  // `common_shingles` (may be null; must outlive this) are left out of the
  // shingle rows of new quote texts.
  RecordChanges(const storage::Store& store, int64_t version,
                const CommonShingles* common_shingles = nullptr)
      : reader_(store), version_(version), common_shingles_(common_shingles) {}

  // The entity as changed so far in this batch, else as stored. NOT_FOUND
  // when neither exists. The pointer stays valid until Apply. Peek reads
  // without marking the record changed. Its article_count and quote_count
  // are 0: counts are EntityCountsOf.
  absl::StatusOr<v1::Entity*> MutableEntity(const std::string& entity_id);
  absl::StatusOr<const v1::Entity*> PeekEntity(const std::string& entity_id);
  // Starts a new entity; `entity_id` must not exist.
  v1::Entity* NewEntity(const std::string& entity_id);
  // Deletes the entity (with its counts); OK when there is none.
  absl::Status DeleteEntity(const std::string& entity_id);
  // True when `entity_id` exists in the store or was created in this batch.
  absl::StatusOr<bool> EntityExists(const std::string& entity_id);

  // Adds to the entity's counts, which are stored apart from its record so
  // that counting an article does not rewrite the record.
  absl::Status AddEntityCounts(const std::string& entity_id, int64_t articles,
                               int64_t quotes);
  // The entity's counts including this batch's additions.
  absl::StatusOr<catalog::EntityCounts> EntityCountsOf(
      const std::string& entity_id);

  absl::StatusOr<v1::Quote*> MutableQuote(uint64_t quote_id);
  absl::StatusOr<const v1::Quote*> PeekQuote(uint64_t quote_id);
  // The quote as changed in this batch, else only its head as stored
  // (RecordReader::ReadQuoteHead): enough to compare its text and speaker.
  // NOT_FOUND when neither exists. The pointer stays valid until Apply.
  absl::StatusOr<const v1::Quote*> PeekQuoteHead(uint64_t quote_id);
  v1::Quote* NewQuote(uint64_t quote_id);
  // Deletes a quote loaded (MutableQuote, PeekQuote) or created in this
  // batch; for any other id it only stops a later load from finding it.
  void DeleteQuote(uint64_t quote_id);
  // Quotes created in this batch, by id.
  std::map<uint64_t, v1::Quote*> new_quotes();

  // The shingle fingerprints (QuoteShingles) of `text`, computed once per
  // text in this batch: linking a printed quote, comparing it with the quotes
  // new in this batch, and writing a new quote's rows all need them.
  // `folded_words` are text::FoldedWords(text) when the caller has them.
  // The reference stays valid until this object is destroyed.
  const std::vector<uint64_t>& ShinglesOf(const std::string& text) const;
  const std::vector<uint64_t>& ShinglesOf(
      const std::string& text,
      const std::vector<std::string>& folded_words) const;

  // Writes every change into `batch`.
  void Apply(storage::Batch& batch) const;

 private:
  template <typename Record>
  struct Change {
    int64_t before_version = 0;  // its stored version; 0: not stored
    // As stored, kept only once the record is changed (Apply diffs it with
    // `after`): most loaded records are only peeked at.
    std::optional<Record> before;
    std::optional<Record> after;  // nullopt when deleted
    bool dirty = false;           // written by Apply

    // Call before changing `after`.
    void MarkDirty() {
      if (dirty) return;
      if (stored() && after.has_value()) before = *after;
      dirty = true;
    }
    bool stored() const { return before_version > 0; }
  };

  struct CountsChange {
    int64_t before_version = 0;  // 0: none stored
    catalog::EntityCounts after;
    bool dirty = false;
  };

  template <typename Id, typename Record, typename ReadFn>
  absl::StatusOr<Change<Record>*> Load(std::map<Id, Change<Record>>& changes,
                                       const Id& id, ReadFn read);
  absl::StatusOr<Change<v1::Entity>*> LoadEntity(const std::string& entity_id);
  absl::StatusOr<Change<v1::Quote>*> LoadQuote(uint64_t quote_id);
  absl::StatusOr<CountsChange*> LoadCounts(const std::string& entity_id);

  catalog::RecordReader reader_;
  const int64_t version_;
  const CommonShingles* const common_shingles_;
  std::map<std::string, Change<v1::Entity>> entities_;
  std::map<uint64_t, Change<v1::Quote>> quotes_;
  // Heads read by PeekQuoteHead of quotes not in quotes_ then.
  std::map<uint64_t, v1::Quote> quote_heads_;
  std::map<std::string, CountsChange> counts_;
  // ShinglesOf's memo; node-based so references stay valid.
  mutable std::map<std::string, std::vector<uint64_t>> shingles_;
};

// Appends `value` to `values` unless it is there already.
void AddUnique(const std::string& value,
               google::protobuf::RepeatedPtrField<std::string>* values);

// Shingle fingerprints of a quote text, deduplicated and sorted ascending:
// the winnowed hashes of its folded word 3-grams (the whole text when
// shorter). Winnowing keeps the smallest hash of every kWinnowWindow
// consecutive 3-grams (all of them for shorter texts), about 2/(window + 1)
// of them, and guarantees that two texts sharing a run of kWinnowWindow
// 3-grams (kWinnowWindow + 2 words) share a fingerprint: the index holds
// and probes a third of the rows a fingerprint per 3-gram would.
// A quote's first three words add one more fingerprint, made small so that
// every bottom-k probe includes it: a first part shorter than the window
// ("“Nobody lets you hide,” she said. “...”") is then found by a printing of
// the whole sentence, which it starts, and the other way round.
inline constexpr size_t kWinnowWindow = 4;
std::vector<uint64_t> QuoteShingles(const std::string& text);
// The same, of text already split into folded words.
std::vector<uint64_t> ShinglesOfWords(const std::vector<std::string>& words);

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_RECORD_CHANGES_H_
