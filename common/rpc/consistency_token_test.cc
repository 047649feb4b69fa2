#include "common/rpc/consistency_token.h"

#include "gtest/gtest.h"

namespace verbatim::rpc {
namespace {

TEST(ConsistencyTokenTest, RoundTrips) {
  auto decoded = DecodeConsistencyToken(EncodeConsistencyToken(123456789));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, 123456789u);
}

TEST(ConsistencyTokenTest, RejectsMalformedTokens) {
  for (const char* bad :
       {"", "123", "s", "s-1", "sabc", "s99999999999999999999999"}) {
    EXPECT_EQ(DecodeConsistencyToken(bad).status().code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
}

}  // namespace
}  // namespace verbatim::rpc
