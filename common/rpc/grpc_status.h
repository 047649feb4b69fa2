// The one place where absl::Status becomes grpc::Status.
#ifndef VERBATIM_COMMON_RPC_GRPC_STATUS_H_
#define VERBATIM_COMMON_RPC_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/support/status.h"

namespace verbatim::rpc {

// Same code and message; the status's google.rpc payloads become details of a
// google.rpc.Status sent in the grpc-status-details-bin trailer, always with
// an ErrorInfo (reason defaults to the code's name).
grpc::Status ToGrpcStatus(const absl::Status& status);

// The same conversion to google.rpc.Status, for per-item results of streams.
google::rpc::Status ToRpcStatus(const absl::Status& status);

}  // namespace verbatim::rpc

#endif  // VERBATIM_COMMON_RPC_GRPC_STATUS_H_
