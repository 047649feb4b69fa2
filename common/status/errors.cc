#include "common/status/errors.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace verbatim::status {
namespace {

constexpr absl::string_view kErrorInfoUrl =
    "type.googleapis.com/google.rpc.ErrorInfo";
constexpr absl::string_view kBadRequestUrl =
    "type.googleapis.com/google.rpc.BadRequest";

void SetErrorInfo(
    absl::Status& status, absl::string_view reason,
    std::initializer_list<std::pair<absl::string_view, std::string>> metadata) {
  google::rpc::ErrorInfo info;
  info.set_reason(std::string(reason));
  info.set_domain(std::string(kErrorDomain));
  for (const auto& [key, value] : metadata) {
    (*info.mutable_metadata())[std::string(key)] = value;
  }
  status.SetPayload(kErrorInfoUrl, absl::Cord(info.SerializeAsString()));
}

void SetFieldViolation(absl::Status& status, absl::string_view field,
                       absl::string_view description) {
  google::rpc::BadRequest bad_request;
  auto* violation = bad_request.add_field_violations();
  violation->set_field(std::string(field));
  violation->set_description(std::string(description));
  status.SetPayload(kBadRequestUrl,
                    absl::Cord(bad_request.SerializeAsString()));
}

}  // namespace

absl::Status InvalidField(absl::string_view field,
                          absl::string_view description) {
  absl::Status status =
      absl::InvalidArgumentError(absl::StrCat(field, ": ", description));
  SetErrorInfo(status, "INVALID_FIELD", {{"field", std::string(field)}});
  SetFieldViolation(status, field, description);
  return status;
}

absl::Status ResourceNotFound(absl::string_view resource_name) {
  absl::Status status =
      absl::NotFoundError(absl::StrCat(resource_name, " not found"));
  SetErrorInfo(status, "RESOURCE_NOT_FOUND",
               {{"resource", std::string(resource_name)}});
  return status;
}

absl::Status LimitExceeded(absl::StatusCode code, absl::string_view field,
                           int64_t actual, int64_t limit,
                           absl::string_view unit) {
  const std::string description = absl::StrCat(
      "is ", actual, " ", unit, "; the limit is ", limit, " ", unit);
  absl::Status status(code, absl::StrCat(field, " ", description));
  SetErrorInfo(status, "LIMIT_EXCEEDED",
               {{"field", std::string(field)},
                {"limit", absl::StrCat(limit)},
                {"actual", absl::StrCat(actual)},
                {"unit", std::string(unit)}});
  SetFieldViolation(status, field, description);
  return status;
}

absl::Status WithReason(absl::Status status, absl::string_view reason) {
  if (status.ok()) return status;
  SetErrorInfo(status, reason, {});
  return status;
}

}  // namespace verbatim::status
