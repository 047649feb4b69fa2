// Read-your-writes across the two services: the ingest service hands out the
// store position after a write, and the query service waits for it.
#ifndef VERBATIM_COMMON_RPC_CONSISTENCY_TOKEN_H_
#define VERBATIM_COMMON_RPC_CONSISTENCY_TOKEN_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace verbatim::rpc {

// The metadata key carrying the token, in responses and requests.
inline constexpr absl::string_view kConsistencyTokenHeader =
    "verbatim-consistency-token";

// The token for a store sequence number (opaque to clients).
std::string EncodeConsistencyToken(uint64_t sequence_number);

// The sequence number of a token; INVALID_ARGUMENT naming the header when
// the token is malformed.
absl::StatusOr<uint64_t> DecodeConsistencyToken(absl::string_view token);

}  // namespace verbatim::rpc

#endif  // VERBATIM_COMMON_RPC_CONSISTENCY_TOKEN_H_
