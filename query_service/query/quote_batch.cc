#include "query_service/query/quote_batch.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace verbatim::query {

void QuoteBatch::Read(absl::Span<const uint64_t> ids) {
  std::vector<uint64_t> wanted;
  absl::flat_hash_set<uint64_t> seen;
  for (uint64_t id : ids) {
    if (!read_.contains(id) && seen.insert(id).second) wanted.push_back(id);
  }
  // Without a pool everything is read here. With one, only what is in memory
  // is: a hit costs a few microseconds, less than handing it to another
  // thread; the reads that would wait for the disk go to the pool.
  catalog::RecordReader reader(store_, pool_ == nullptr
                                           ? storage::ReadFrom::kAnywhere
                                           : storage::ReadFrom::kMemoryOnly);
  std::vector<uint64_t> cold;
  for (uint64_t id : wanted) {
    auto quote = reader.ReadQuote(id);
    if (pool_ == nullptr || quote.ok() || absl::IsNotFound(quote.status())) {
      read_.emplace(id, std::move(quote));
    } else {
      cold.push_back(id);
    }
  }
  if (cold.empty()) return;
  std::vector<absl::StatusOr<catalog::Versioned<v1::Quote>>> results(
      cold.size());
  pool_->ParallelFor(cold.size(), [&](size_t i) {
    results[i] = catalog::ReadQuote(store_, cold[i]);
  });
  for (size_t i = 0; i < cold.size(); ++i) {
    read_.emplace(cold[i], std::move(results[i]));
  }
}

absl::StatusOr<catalog::Versioned<v1::Quote>> QuoteBatch::Take(uint64_t id) {
  auto it = read_.find(id);
  if (it == read_.end()) return catalog::ReadQuote(store_, id);
  absl::StatusOr<catalog::Versioned<v1::Quote>> quote = std::move(it->second);
  read_.erase(it);
  return quote;
}

absl::StatusOr<catalog::Versioned<v1::Quote>> QuoteBatch::TakeInOrder(
    absl::Span<const uint64_t> ids, size_t i, size_t ahead) {
  if (!read_.contains(ids[i])) Read(ids.subspan(i, std::max<size_t>(1, ahead)));
  return Take(ids[i]);
}

}  // namespace verbatim::query
