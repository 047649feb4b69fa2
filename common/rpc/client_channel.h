// Channels from our command-line clients to the services.
#ifndef VERBATIM_COMMON_RPC_CLIENT_CHANNEL_H_
#define VERBATIM_COMMON_RPC_CLIENT_CHANNEL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"

namespace verbatim::rpc {

// A channel to `target`: plaintext when `tls_ca_path` is empty, otherwise TLS
// trusting the PEM certificates in that file. NOT_FOUND when it is unreadable.
absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateClientChannel(
    const std::string& target, const std::string& tls_ca_path);

// The contents of a file; NOT_FOUND naming it when it cannot be read.
absl::StatusOr<std::string> ReadFileContents(const std::string& path);

}  // namespace verbatim::rpc

#endif  // VERBATIM_COMMON_RPC_CLIENT_CHANNEL_H_
