// Quotes of a page read ahead at once. On a store larger than memory each
// record read may wait for the disk (about 150 µs per cold read on the
// benchmark machine); reading a page's quotes on a WorkPool lets those waits
// overlap instead of adding up.
//
// Not thread-safe: one per request. The store and the pool must outlive it.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_QUOTE_BATCH_H_
#define VERBATIM_QUERY_SERVICE_QUERY_QUOTE_BATCH_H_

#include <cstddef>
#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "common/catalog/catalog_reader.h"
#include "common/concurrency/work_pool.h"
#include "common/storage/store.h"
#include "verbatim/v1/quote.pb.h"

namespace verbatim::query {

class QuoteBatch {
 public:
  // `pool` may be null: reads then run one after another on the caller.
  QuoteBatch(const storage::Store& store, concurrency::WorkPool* pool)
      : store_(store), pool_(pool) {}

  // Reads the quotes `ids` and keeps them for Take, together with those read
  // before and not taken yet. Quotes in memory (memtables, block cache) are
  // read on the caller's thread, the others in parallel on the pool.
  void Read(absl::Span<const uint64_t> ids);

  // The quote `id` as Read found it, or read now when no Read included it.
  // NOT_FOUND when there is none. Each read result is returned once.
  absl::StatusOr<catalog::Versioned<v1::Quote>> Take(uint64_t id);

  // Take(ids[i]), first reading ids[i, i + ahead) when ids[i] was not read:
  // for walking a list of ids of which the next `ahead` will likely be used.
  absl::StatusOr<catalog::Versioned<v1::Quote>> TakeInOrder(
      absl::Span<const uint64_t> ids, size_t i, size_t ahead);

 private:
  const storage::Store& store_;
  concurrency::WorkPool* const pool_;
  absl::flat_hash_map<uint64_t, absl::StatusOr<catalog::Versioned<v1::Quote>>>
      read_;
};

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_QUOTE_BATCH_H_
