#include "ingest_service/rpc/request_codec.h"

#include "gtest/gtest.h"
#include "ingest_service/ingest/article_validation.h"

namespace verbatim::ingest {
namespace {

grpc::ByteBuffer Buffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

TEST(RequestCodecTest, RoundTripsAValidRequest) {
  v1::CreateArticleRequest request;
  request.set_request_id("r1");
  request.mutable_article()->set_body("“Hi,” she said.");
  request.mutable_article()->set_url("https://example.org/x");
  request.mutable_article()->mutable_publish_time()->set_seconds(1700000000);
  auto parsed = ParseCreateArticleRequest(SerializeToByteBuffer(request));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->SerializeAsString(), request.SerializeAsString());
}

TEST(RequestCodecTest, InvalidUtf8ReachesValidationAsAFieldError) {
  // article { body: "caf\xC3 au lait" } written by hand: protobuf would not
  // serialize it from a string field.
  const std::string body = "caf\xC3 au lait";
  const std::string article =
      std::string("\x32") + static_cast<char>(body.size()) + body;
  const std::string bytes =
      std::string("\x0a") + static_cast<char>(article.size()) + article;
  auto parsed = ParseCreateArticleRequest(Buffer(bytes));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  absl::Status status = ValidateCreateArticleRequest(*parsed, {});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "article.body: is not valid UTF-8");
}

TEST(RequestCodecTest, GarbageIsInvalidArgument) {
  auto parsed = ParseCreateArticleRequest(Buffer("\xff\xff\xff\xff"));
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace verbatim::ingest
