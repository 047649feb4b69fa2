#include "common/server/health_probe.h"

#include <cstdio>

#include "common/rpc/client_channel.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace verbatim::server {

int RunHealthProbe(const std::string& address, const std::string& service,
                   const std::string& tls_ca_path, absl::Duration timeout) {
  auto created = rpc::CreateClientChannel(address, tls_ca_path);
  if (!created.ok()) {
    std::fprintf(stderr, "health probe: %s\n",
                 std::string(created.status().message()).c_str());
    return kProbeConnectionFailed;
  }
  std::shared_ptr<grpc::Channel> channel = *std::move(created);
  const auto deadline = absl::ToChronoTime(absl::Now() + timeout);
  if (!channel->WaitForConnected(deadline)) {
    std::fprintf(stderr, "health probe: cannot connect to %s\n",
                 address.c_str());
    return kProbeConnectionFailed;
  }
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(deadline);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    std::fprintf(stderr, "health probe: %s: %s\n", address.c_str(),
                 status.error_message().c_str());
    return kProbeRpcFailed;
  }
  const std::string state =
      grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
          response.status());
  std::fprintf(stderr, "health probe: %s is %s\n", address.c_str(),
               state.c_str());
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING
             ? kProbeServing
             : kProbeNotServing;
}

}  // namespace verbatim::server
