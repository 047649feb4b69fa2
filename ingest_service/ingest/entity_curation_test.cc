#include <memory>

#include "common/catalog/catalog_reader.h"
#include "common/testing/store_fixture.h"
#include "gtest/gtest.h"
#include "ingest_service/ingest/article_ingestor.h"

namespace verbatim::ingest {
namespace {

// Articles written for this test: one person under her full name, then under
// a short name the extractor cannot know is hers.
constexpr char kFullName[] =
    "The pier reopened on Monday.\n\n“We kept every promise we made to the "
    "fishing crews,” said Marisol Quintero, the harbor commissioner.\n";
constexpr char kShortName[] =
    "Crowds came back to the waterfront.\n\n“The crews can land their catch "
    "here again,” said Sol Quintero.\n";
constexpr char kLater[] =
    "A second pier is planned.\n\n“We start the north pier next spring,” said "
    "Sol Quintero.\n";

class EntityCurationTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure()) return;
    auto extractor = extraction::Extractor::Create();
    ASSERT_TRUE(extractor.ok());
    extractor_ = *std::move(extractor);
    auto ingestor = ArticleIngestor::Create(store_.get(), extractor_.get(), {});
    ASSERT_TRUE(ingestor.ok());
    ingestor_ = *std::move(ingestor);
  }

  v1::Article Create(const char* body, const std::string& url) {
    v1::CreateArticleRequest request;
    request.mutable_article()->set_body(body);
    request.mutable_article()->set_url(url);
    auto outcome = ingestor_->CreateArticle(request);
    EXPECT_TRUE(outcome.ok()) << outcome.status();
    return outcome.ok() ? outcome->article : v1::Article();
  }

  std::unique_ptr<extraction::Extractor> extractor_;
  std::unique_ptr<ArticleIngestor> ingestor_;
};

TEST_F(EntityCurationTest, AliasMergesThePastAndLinksTheFuture) {
  const v1::Article full = Create(kFullName, "https://x.example/1");
  const v1::Article short_name = Create(kShortName, "https://x.example/2");
  ASSERT_GE(short_name.quotes_size(), 1);
  ASSERT_EQ(short_name.quotes(0).speaker(), "entities/sol-quintero");

  auto entity =
      ingestor_->AddEntityAlias("entities/marisol-quintero", "Sol Quintero");
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->article_count(), 2);
  EXPECT_GE(entity->quote_count(), 2);

  // Past: the second article's quote and mentions now point at her.
  auto article = catalog::ReadArticle(*store_, 2);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->quotes(0).speaker(), "entities/marisol-quintero");
  EXPECT_EQ(article->quotes(0).speaker_display_name(), "Marisol Quintero");
  for (const auto& mention : article->mentions()) {
    EXPECT_NE(mention.entity(), "entities/sol-quintero");
  }
  auto quote = catalog::ReadQuote(*store_, 2);
  ASSERT_TRUE(quote.ok());
  EXPECT_EQ(quote->record.speaker(), "entities/marisol-quintero");

  // The old name still resolves, to her.
  auto merged = catalog::ReadEntity(*store_, "sol-quintero");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->record.merged_into(), "entities/marisol-quintero");
  auto canonical = catalog::ReadCanonicalEntity(*store_, "sol-quintero");
  ASSERT_TRUE(canonical.ok());
  EXPECT_EQ(canonical->record.name(), "entities/marisol-quintero");

  // Future: a new article under the short name links to her.
  const v1::Article later = Create(kLater, "https://x.example/3");
  ASSERT_GE(later.quotes_size(), 1);
  EXPECT_EQ(later.quotes(0).speaker(), "entities/marisol-quintero");
  auto after = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->record.article_count(), 3);

  // Deleting an article of the merged name decrements her counts.
  ASSERT_TRUE(ingestor_->DeleteArticle(short_name.name()).ok());
  after = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->record.article_count(), 2);
  (void)full;
}

TEST_F(EntityCurationTest, MergeEntitiesValidatesNames) {
  Create(kFullName, "https://x.example/1");
  Create(kShortName, "https://x.example/2");
  EXPECT_EQ(
      ingestor_->MergeEntities("entities/marisol-quintero", {}).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      ingestor_->MergeEntities("entities/nobody", {"entities/sol-quintero"})
          .status()
          .code(),
      absl::StatusCode::kNotFound);
  EXPECT_EQ(ingestor_->MergeEntities("entities/marisol-quintero", {"Sol"})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ingestor_->AddEntityAlias("entities/marisol-quintero", " ... ")
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);

  auto merged = ingestor_->MergeEntities(
      "entities/marisol-quintero",
      {"entities/sol-quintero", "entities/marisol-quintero"});
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->article_count(), 2);
  bool has_alias = false;
  for (const auto& alias : merged->aliases())
    has_alias |= alias == "Sol Quintero";
  EXPECT_TRUE(has_alias);
  // Merging again is a no-op: the merged name resolves to the target.
  auto again = ingestor_->MergeEntities("entities/marisol-quintero",
                                        {"entities/sol-quintero"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->article_count(), 2);
}

}  // namespace
}  // namespace verbatim::ingest
