// Bearer-token authentication of calls.
#ifndef VERBATIM_COMMON_RPC_AUTH_H_
#define VERBATIM_COMMON_RPC_AUTH_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/client_context.h"
#include "grpcpp/server_context.h"

namespace verbatim::rpc {

// OK when `expected_token` is empty (authentication off) or the call carries
// metadata "authorization: Bearer <expected_token>"; otherwise
// UNAUTHENTICATED (ErrorInfo reason MISSING_CREDENTIALS or
// INVALID_CREDENTIALS). The comparison takes the same time for any token of
// the expected length.
absl::Status CheckBearerToken(const grpc::ServerContextBase& context,
                              absl::string_view expected_token);

// Adds "authorization: Bearer <token>" to a client call; nothing when empty.
void AddBearerToken(grpc::ClientContext& context, absl::string_view token);

}  // namespace verbatim::rpc

#endif  // VERBATIM_COMMON_RPC_AUTH_H_
