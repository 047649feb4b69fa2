#include "tests/e2e/service_pair.h"

#include <signal.h>
#include <sys/wait.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace verbatim::e2e {
namespace {
constexpr absl::Duration kStartTimeout = absl::Seconds(20);
}  // namespace

absl::StatusOr<std::unique_ptr<ServicePair>> ServicePair::Start(
    int catchup_interval_ms, const std::vector<std::string>& extra_args,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  std::unique_ptr<ServicePair> pair(new ServicePair());
  pair->credentials_ = credentials != nullptr
                           ? std::move(credentials)
                           : grpc::InsecureChannelCredentials();
  const std::string db = absl::StrCat("--db=", pair->dir_.path(), "/db");
  std::vector<std::string> ingest_args = {"--listen=127.0.0.1:0", db};
  ingest_args.insert(ingest_args.end(), extra_args.begin(), extra_args.end());
  auto ingest = ServiceProcess::Start(VERBATIM_INGEST_BINARY, ingest_args,
                                      pair->dir_.path() + "/ingest.log");
  if (!ingest.ok()) return ingest.status();
  pair->ingest_ = *std::move(ingest);
  std::vector<std::string> query_args = {
      "--listen=127.0.0.1:0", db,
      absl::StrCat("--secondary_path=", pair->dir_.path(), "/secondary"),
      absl::StrCat("--catchup_interval_ms=", catchup_interval_ms)};
  query_args.insert(query_args.end(), extra_args.begin(), extra_args.end());
  auto query = ServiceProcess::Start(VERBATIM_QUERY_BINARY, query_args,
                                     pair->dir_.path() + "/query.log");
  if (!query.ok()) return query.status();
  pair->query_ = *std::move(query);
  auto ingest_address = pair->ingest_->WaitForAddress(kStartTimeout);
  if (!ingest_address.ok()) return ingest_address.status();
  auto query_address = pair->query_->WaitForAddress(kStartTimeout);
  if (!query_address.ok()) return query_address.status();
  pair->ingest_address_ = *ingest_address;
  pair->query_address_ = *query_address;
  if (!WaitServing(pair->QueryChannel(), kStartTimeout)) {
    return absl::DeadlineExceededError("query service never reported SERVING");
  }
  return pair;
}

absl::Status ServicePair::Stop() {
  for (ServiceProcess* process : {ingest_.get(), query_.get()}) {
    auto status = process->StopWith(SIGTERM, absl::Seconds(10));
    if (!status.ok()) return status.status();
    if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
      return absl::InternalError(
          absl::StrCat("pid exited with wait status ", *status));
    }
  }
  return absl::OkStatus();
}

std::shared_ptr<grpc::Channel> ServicePair::IngestChannel() const {
  return grpc::CreateChannel(ingest_address_, credentials_);
}

std::shared_ptr<grpc::Channel> ServicePair::QueryChannel() const {
  return grpc::CreateChannel(query_address_, credentials_);
}

bool WaitServing(const std::shared_ptr<grpc::Channel>& channel,
                 absl::Duration timeout) {
  auto health = grpc::health::v1::Health::NewStub(channel);
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (health->Check(&context, request, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return true;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  return false;
}

}  // namespace verbatim::e2e
