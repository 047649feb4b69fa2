#include "ingest_service/ingest/article_validation.h"

#include "gtest/gtest.h"

namespace verbatim::ingest {
namespace {

v1::CreateArticleRequest Valid() {
  v1::CreateArticleRequest request;
  request.mutable_article()->set_body("“Hello,” she said.");
  request.mutable_article()->set_url("https://example.org/a");
  return request;
}

absl::StatusCode CodeOf(const v1::CreateArticleRequest& request,
                        ArticleLimits limits = {}) {
  return ValidateCreateArticleRequest(request, limits).code();
}

TEST(ArticleValidationTest, AcceptsAPlainArticle) {
  EXPECT_EQ(CodeOf(Valid()), absl::StatusCode::kOk);
}

TEST(ArticleValidationTest, RejectsMissingOrBlankBody) {
  v1::CreateArticleRequest request;
  EXPECT_EQ(CodeOf(request), absl::StatusCode::kInvalidArgument);
  request = Valid();
  request.mutable_article()->set_body(" \n\t ");
  absl::Status status = ValidateCreateArticleRequest(request, {});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "article.body: must contain text");
}

TEST(ArticleValidationTest, OversizedBodyNamesTheLimit) {
  v1::CreateArticleRequest request = Valid();
  request.mutable_article()->set_body(std::string(2000, 'a'));
  ArticleLimits limits;
  limits.max_body_bytes = 1000;
  absl::Status status = ValidateCreateArticleRequest(request, limits);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(status.message().find("limit is 1000 bytes"), std::string::npos)
      << status.message();
}

TEST(ArticleValidationTest, RejectsInvalidUtf8AndNul) {
  v1::CreateArticleRequest request = Valid();
  request.mutable_article()->set_body("bad \xC3\x28 bytes");
  EXPECT_EQ(CodeOf(request), absl::StatusCode::kInvalidArgument);
  request = Valid();
  request.mutable_article()->set_title(std::string("a\0b", 3));
  EXPECT_EQ(CodeOf(request), absl::StatusCode::kInvalidArgument);
}

TEST(ArticleValidationTest, RejectsBadUrlsTimesAndContentTypes) {
  for (const char* url :
       {"example.org/a", "ftp://x/y", "https://", "http://a b"}) {
    v1::CreateArticleRequest request = Valid();
    request.mutable_article()->set_url(url);
    EXPECT_EQ(CodeOf(request), absl::StatusCode::kInvalidArgument) << url;
  }
  v1::CreateArticleRequest request = Valid();
  request.mutable_article()->mutable_publish_time()->set_seconds(
      -1000000000000LL);
  EXPECT_EQ(CodeOf(request), absl::StatusCode::kInvalidArgument);
  request = Valid();
  request.mutable_article()->set_content_type("text/html");
  EXPECT_EQ(CodeOf(request), absl::StatusCode::kInvalidArgument);
}

TEST(ArticleValidationTest, CanonicalUrlIgnoresCaseOfHostFragmentAndSlash) {
  EXPECT_EQ(CanonicalUrl("HTTPS://Example.ORG/Path/#top"),
            "https://example.org/Path");
  EXPECT_EQ(CanonicalUrl("https://example.org/"), "https://example.org");
  EXPECT_EQ(CanonicalUrl("https://example.org/a?b=C"),
            "https://example.org/a?b=C");
}

}  // namespace
}  // namespace verbatim::ingest
