#include "common/rpc/grpc_status.h"

#include <string>

#include "absl/strings/match.h"
#include "common/status/errors.h"
#include "google/rpc/error_details.pb.h"

namespace verbatim::rpc {
namespace {
constexpr absl::string_view kTypeUrlPrefix = "type.googleapis.com/";
}  // namespace

google::rpc::Status ToRpcStatus(const absl::Status& status) {
  google::rpc::Status result;
  result.set_code(static_cast<int>(status.code()));
  result.set_message(std::string(status.message()));
  if (status.ok()) return result;
  bool has_error_info = false;
  status.ForEachPayload([&](absl::string_view type_url, const absl::Cord& payload) {
    if (!absl::StartsWith(type_url, kTypeUrlPrefix)) return;
    google::protobuf::Any* any = result.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(payload));
    has_error_info |= absl::EndsWith(type_url, "google.rpc.ErrorInfo");
  });
  if (!has_error_info) {
    google::rpc::ErrorInfo info;
    info.set_reason(absl::StatusCodeToString(status.code()));
    info.set_domain(std::string(status::kErrorDomain));
    result.add_details()->PackFrom(info);
  }
  return result;
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()),
                      ToRpcStatus(status).SerializeAsString());
}

}  // namespace verbatim::rpc
