#include "common/rpc/auth.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status/errors.h"

namespace verbatim::rpc {
namespace {

constexpr absl::string_view kAuthorization = "authorization";
constexpr absl::string_view kBearer = "Bearer ";

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

}  // namespace

absl::Status CheckBearerToken(const grpc::ServerContextBase& context,
                              absl::string_view expected_token) {
  if (expected_token.empty()) return absl::OkStatus();
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(
      grpc::string_ref(kAuthorization.data(), kAuthorization.size()));
  if (it == metadata.end()) {
    return status::WithReason(
        absl::UnauthenticatedError("missing credentials: send metadata "
                                   "\"authorization: Bearer <token>\""),
        "MISSING_CREDENTIALS");
  }
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::ConsumePrefix(&value, kBearer) ||
      !ConstantTimeEquals(value, expected_token)) {
    return status::WithReason(
        absl::UnauthenticatedError("invalid bearer token"),
        "INVALID_CREDENTIALS");
  }
  return absl::OkStatus();
}

void AddBearerToken(grpc::ClientContext& context, absl::string_view token) {
  if (token.empty()) return;
  context.AddMetadata(std::string(kAuthorization),
                      absl::StrCat(kBearer, token));
}

}  // namespace verbatim::rpc
