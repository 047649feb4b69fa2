#include "ingest_service/extraction/article_file.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

TEST(ArticleFileTest, HeaderBlock) {
  const ArticleFile f = ParseArticleFile(
      "title: Mayor opens bridge\ndate: 2021-03-04\nsource: gazette\n"
      "url: https://example.com/a\n\nThe mayor spoke.\nSecond line.\n");
  EXPECT_EQ(f.title, "Mayor opens bridge");
  EXPECT_EQ(f.date, "2021-03-04");
  EXPECT_EQ(f.source, "gazette");
  EXPECT_EQ(f.url, "https://example.com/a");
  EXPECT_EQ(f.body, "The mayor spoke.\nSecond line.\n");
}

TEST(ArticleFileTest, BareDatePrefixOnSameLine) {
  const ArticleFile f =
      ParseArticleFile(" date 2022-11-29 The band played on.\n\nMore text.");
  EXPECT_EQ(f.date, "2022-11-29");
  EXPECT_EQ(f.body, "The band played on.\n\nMore text.");
  EXPECT_TRUE(f.title.empty());
}

TEST(ArticleFileTest, NoHeaderIsAllBody) {
  const std::string text = "Subscribe\n\nThe council met on Tuesday.\n";
  const ArticleFile f = ParseArticleFile(text);
  EXPECT_EQ(f.body, text);
  EXPECT_TRUE(f.date.empty());
}

TEST(ArticleFileTest, DateWordThatIsNotAHeader) {
  const std::string text = "Date night was a success, she said.";
  EXPECT_EQ(ParseArticleFile(text).body, text);
}

TEST(ArticleFileTest, EmptyAndHeaderOnly) {
  EXPECT_EQ(ParseArticleFile("").body, "");
  const ArticleFile f = ParseArticleFile("title: Only\n");
  EXPECT_EQ(f.title, "Only");
  EXPECT_EQ(f.body, "");
}

TEST(ArticleFileTest, CrLfHeader) {
  const ArticleFile f =
      ParseArticleFile("title: T\r\ndate: 2020-01-02\r\n\r\nBody\r\n");
  EXPECT_EQ(f.title, "T");
  EXPECT_EQ(f.date, "2020-01-02");
  EXPECT_EQ(f.body, "Body\r\n");
}

}  // namespace
}  // namespace verbatim::extraction
