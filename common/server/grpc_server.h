// The server skeleton both services share: listening, reflection, health,
// message limits, signal handling and graceful shutdown.
#ifndef VERBATIM_COMMON_SERVER_GRPC_SERVER_H_
#define VERBATIM_COMMON_SERVER_GRPC_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/server.h"

namespace verbatim::server {

struct ServerConfig {
  std::string listen_address;  // HOST:PORT; port 0 picks a free port
  int max_receive_message_bytes = 16 << 20;
  int max_send_message_bytes = 64 << 20;
  // PEM certificate chain and private key: TLS when both are set.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  // Fully qualified service names reported by the health service, e.g.
  // "verbatim.v1.QueryService", besides the whole-server entry "".
  std::vector<std::string> health_service_names;
};

// A started server. Health starts NOT_SERVING for "" and every service name.
class GrpcServer {
 public:
  // Starts serving `services` (not owned; they must outlive the server).
  // UNAVAILABLE when the address cannot be bound; INVALID_ARGUMENT when only
  // one of the TLS certificate and key is set.
  static absl::StatusOr<std::unique_ptr<GrpcServer>> Start(
      const ServerConfig& config, const std::vector<grpc::Service*>& services);

  // The bound port (useful with port 0).
  int port() const { return port_; }

  // Marks the overall health ("") and every service SERVING or NOT_SERVING.
  void SetServing(bool serving);

  // Stops accepting calls, lets in-flight calls finish for up to `grace`,
  // then cancels the rest. Idempotent.
  void Shutdown(absl::Duration grace);

 private:
  GrpcServer() = default;
  std::unique_ptr<grpc::Server> server_;
  std::vector<std::string> service_names_;
  int port_ = 0;
};

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts
// later. Call first thing in main, before any thread exists.
void BlockShutdownSignals();

// Waits for SIGTERM or SIGINT (blocked by BlockShutdownSignals) and returns it.
int WaitForShutdownSignal();

}  // namespace verbatim::server

#endif  // VERBATIM_COMMON_SERVER_GRPC_SERVER_H_
