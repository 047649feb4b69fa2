#include "common/rpc/auth.h"

#include "gtest/gtest.h"

namespace verbatim::rpc {
namespace {

// Client metadata cannot be set on a server context outside a call, so the
// checks against real calls live in tests/e2e; here only the off switch.
TEST(AuthTest, EmptyExpectedTokenDisablesTheCheck) {
  grpc::ServerContext context;
  EXPECT_TRUE(CheckBearerToken(context, "").ok());
}

TEST(AuthTest, MissingCredentialsAreUnauthenticated) {
  grpc::ServerContext context;
  absl::Status status = CheckBearerToken(context, "secret");
  EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_NE(status.message().find("authorization: Bearer"), std::string::npos);
}

}  // namespace
}  // namespace verbatim::rpc
