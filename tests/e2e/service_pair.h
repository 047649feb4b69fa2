// verbatim-ingest and verbatim-query on one temporary store, as processes.
#ifndef VERBATIM_TESTS_E2E_SERVICE_PAIR_H_
#define VERBATIM_TESTS_E2E_SERVICE_PAIR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/testing/temp_dir.h"
#include "grpcpp/channel.h"
#include "grpcpp/security/credentials.h"
#include "tests/e2e/service_process.h"

namespace verbatim::e2e {

class ServicePair {
 public:
  // Starts both services on 127.0.0.1 with free ports and waits until the
  // query service reports SERVING. `extra_args` go to both binaries.
  static absl::StatusOr<std::unique_ptr<ServicePair>> Start(
      int catchup_interval_ms = 50,
      const std::vector<std::string>& extra_args = {},
      std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

  // SIGTERMs both and returns OK when each exited with status 0 in time.
  absl::Status Stop();

  const std::string& ingest_address() const { return ingest_address_; }
  const std::string& query_address() const { return query_address_; }
  std::shared_ptr<grpc::Channel> IngestChannel() const;
  std::shared_ptr<grpc::Channel> QueryChannel() const;

 private:
  ServicePair() = default;
  testing::TempDir dir_;
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::unique_ptr<ServiceProcess> query_;
  std::string ingest_address_;
  std::string query_address_;
};

// Polls grpc.health.v1 Check on `channel` until SERVING or `timeout`.
// (Health is open even when the services require a bearer token.)
bool WaitServing(const std::shared_ptr<grpc::Channel>& channel,
                 absl::Duration timeout);

}  // namespace verbatim::e2e

#endif  // VERBATIM_TESTS_E2E_SERVICE_PAIR_H_
