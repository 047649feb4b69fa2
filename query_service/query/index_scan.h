// Paged scans over index column families.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_INDEX_SCAN_H_
#define VERBATIM_QUERY_SERVICE_QUERY_INDEX_SCAN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/storage/store.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"

namespace verbatim::query {

// A validated page request: how many items, and where to resume.
struct PageRequest {
  int size = 0;
  std::string resume_key;  // empty: from the start
  std::string filters;     // fingerprint source for the next token
};

// Reads page_size and page_token from a list request. The filters are the
// request itself without its page fields, so a token only works with them.
// INVALID_ARGUMENT for a negative size or a foreign, stale or tampered token.
absl::StatusOr<PageRequest> ParsePageRequest(
    const google::protobuf::Message& request, int32_t page_size,
    const std::string& page_token);

// Visits index rows of `family` in [lower, upper) from the page's resume key
// on. `visit` returns true when it added an item for the row. Stops when the
// page has page.size items or `full` (if given) says so; returns the next
// page token, empty after the last row. Rows are taken from the index as many
// at a time as the page still lacks items; `read_ahead` (if given) sees each
// such group before its rows are visited, to read their records at once.
absl::StatusOr<std::string> ScanIndexPage(
    const storage::Store& store, storage::Family family,
    const std::string& lower, const std::string& upper, const PageRequest& page,
    const std::function<absl::StatusOr<bool>(absl::string_view key)>& visit,
    const std::function<bool()>& full = nullptr,
    const std::function<void(const std::vector<std::string>& keys)>&
        read_ahead = nullptr);

// Key bounds [lower, upper) of the rows under `prefix` whose descending time
// component lies in [start, end); unset times leave that side open.
struct KeyRange {
  std::string lower;
  std::string upper;
};
absl::StatusOr<KeyRange> TimeRange(const std::string& prefix,
                                   const google::protobuf::Timestamp* start,
                                   const google::protobuf::Timestamp* end);

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_INDEX_SCAN_H_
