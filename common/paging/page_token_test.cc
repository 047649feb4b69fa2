#include "common/paging/page_token.h"

#include <string>

#include "gtest/gtest.h"

namespace verbatim::paging {
namespace {

TEST(PageTokenTest, RoundTripsBinaryKeys) {
  const std::string key("\x00\x01key\xFF", 6);
  const std::string token = EncodePageToken(key, "speaker=entities/a");
  auto decoded = DecodePageToken(token, "speaker=entities/a");
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, key);
}

TEST(PageTokenTest, TokenIsUrlSafe) {
  const std::string token = EncodePageToken(std::string(40, '\xFB'), "f");
  EXPECT_EQ(token.find_first_of("+/="), std::string::npos) << token;
}

TEST(PageTokenTest, RejectsOtherFilters) {
  const std::string token = EncodePageToken("k", "source=a");
  auto decoded = DecodePageToken(token, "source=b");
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(decoded.status().message().find("different filters"),
            std::string::npos);
}

TEST(PageTokenTest, RejectsGarbageTamperingAndTruncation) {
  EXPECT_FALSE(DecodePageToken("not base64 !!", "").ok());
  EXPECT_FALSE(DecodePageToken("", "").ok());
  std::string token = EncodePageToken("resume-here", "");
  token[token.size() - 2] = token[token.size() - 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(DecodePageToken(token, "").ok());
  EXPECT_FALSE(DecodePageToken(token.substr(0, 8), "").ok());
}

TEST(PageTokenTest, StableHashIsStable) {
  // Tokens outlive processes: the hash must never change between builds.
  EXPECT_EQ(StableHash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cull);
}

}  // namespace
}  // namespace verbatim::paging
