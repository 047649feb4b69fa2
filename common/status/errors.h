// Constructors for the errors Verbatim returns, carrying machine-readable
// details (google.rpc.ErrorInfo, google.rpc.BadRequest) as absl::Status
// payloads keyed by their type URL. The RPC layer (common/rpc/grpc_status.h)
// turns the payloads into gRPC status details.
#ifndef VERBATIM_COMMON_STATUS_ERRORS_H_
#define VERBATIM_COMMON_STATUS_ERRORS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace verbatim::status {

// The ErrorInfo domain of every error this service produces.
inline constexpr absl::string_view kErrorDomain = "verbatim.v1";

// INVALID_ARGUMENT "<field>: <description>" with a BadRequest field violation
// and ErrorInfo reason INVALID_FIELD.
absl::Status InvalidField(absl::string_view field,
                          absl::string_view description);

// NOT_FOUND "<resource_name> not found" with ErrorInfo reason
// RESOURCE_NOT_FOUND and the resource name in its metadata.
absl::Status ResourceNotFound(absl::string_view resource_name);

// `code` (INVALID_ARGUMENT or RESOURCE_EXHAUSTED) "<field> is <actual> <unit>;
// the limit is <limit> <unit>" with ErrorInfo reason LIMIT_EXCEEDED and the
// numbers in metadata, plus a BadRequest field violation.
absl::Status LimitExceeded(absl::StatusCode code, absl::string_view field,
                           int64_t actual, int64_t limit,
                           absl::string_view unit);

// Returns `status` with an ErrorInfo payload of `reason` (replacing any).
absl::Status WithReason(absl::Status status, absl::string_view reason);

}  // namespace verbatim::status

#endif  // VERBATIM_COMMON_STATUS_ERRORS_H_
