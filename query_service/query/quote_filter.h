// The filters ListQuotes and SearchQuotes share, checked against records.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_QUOTE_FILTER_H_
#define VERBATIM_QUERY_SERVICE_QUERY_QUOTE_FILTER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "common/storage/store.h"
#include "google/protobuf/timestamp.pb.h"
#include "verbatim/v1/quote.pb.h"

namespace verbatim::query {

// The id of the entity now standing for entity resource name `name` (merges
// are followed); empty for an empty name. INVALID_ARGUMENT naming `field` for
// a malformed name, NOT_FOUND for an unknown entity.
absl::StatusOr<std::string> ResolveEntityFilter(const storage::Store& store,
                                                const std::string& name,
                                                absl::string_view field);

class QuoteFilter {
 public:
  struct Fields {
    std::string speaker;  // entity resource names, as requested
    std::string entity;
    std::string article;  // article resource name
    std::string source;   // outlet
    const google::protobuf::Timestamp* start_time = nullptr;
    const google::protobuf::Timestamp* end_time = nullptr;
  };

  // Validates and resolves the fields (see ResolveEntityFilter; time ranges
  // must be valid and ordered).
  static absl::StatusOr<QuoteFilter> Create(const storage::Store& store,
                                            const Fields& fields);

  // True when `quote` passes every filter.
  bool Matches(const v1::Quote& quote) const;

  // Resolved entity ids; empty when that filter is unset.
  const std::string& speaker_id() const { return speaker_id_; }
  const std::string& entity_id() const { return entity_id_; }

 private:
  QuoteFilter() = default;
  std::string speaker_name_, speaker_id_;
  std::string entity_name_, entity_id_;
  std::string article_, source_;
  std::optional<int64_t> start_us_, end_us_;
};

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_QUOTE_FILTER_H_
