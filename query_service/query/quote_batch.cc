#include "query_service/query/quote_batch.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace verbatim::query {

void QuoteBatch::Read(absl::Span<const uint64_t> ids) {
  std::vector<uint64_t> wanted;
  for (uint64_t id : ids) {
    if (!read_.contains(id) &&
        std::find(wanted.begin(), wanted.end(), id) == wanted.end()) {
      wanted.push_back(id);
    }
  }
  std::vector<std::optional<absl::StatusOr<catalog::Versioned<v1::Quote>>>>
      results(wanted.size());
  auto read_one = [&](size_t i) {
    results[i] = catalog::ReadQuote(store_, wanted[i]);
  };
  if (pool_ != nullptr) {
    pool_->ParallelFor(wanted.size(), read_one);
  } else {
    for (size_t i = 0; i < wanted.size(); ++i) read_one(i);
  }
  for (size_t i = 0; i < wanted.size(); ++i) {
    read_.emplace(wanted[i], *std::move(results[i]));
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
