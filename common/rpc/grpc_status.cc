#include "common/rpc/grpc_status.h"

#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
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
  // Payload order is unspecified; clients get ErrorInfo first, then the
  // rest by type URL.
  std::map<std::string, std::string> details;
  status.ForEachPayload(
      [&](absl::string_view type_url, const absl::Cord& payload) {
        if (absl::StartsWith(type_url, kTypeUrlPrefix)) {
          details[std::string(type_url)] = std::string(payload);
        }
      });
  const std::string error_info_url = absl::StrCat(
      kTypeUrlPrefix, google::rpc::ErrorInfo::descriptor()->full_name());
  auto info = details.extract(error_info_url);
  if (info.empty()) {
    google::rpc::ErrorInfo fallback;
    fallback.set_reason(absl::StatusCodeToString(status.code()));
    fallback.set_domain(std::string(status::kErrorDomain));
    result.add_details()->PackFrom(fallback);
  } else {
    google::protobuf::Any* any = result.add_details();
    any->set_type_url(info.key());
    any->set_value(info.mapped());
  }
  for (const auto& [type_url, value] : details) {
    google::protobuf::Any* any = result.add_details();
    any->set_type_url(type_url);
    any->set_value(value);
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
