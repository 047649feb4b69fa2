#include "query_service/query/query_engine.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "ingest_service/ingest/article_ingestor.h"

namespace verbatim::query {
namespace {

// Sentences written for these tests; two fictional people, three outlets.
constexpr const char* kBodies[] = {
    "The council voted on the transit budget.\n\n“The buses will run every ten "
    "minutes by June,” said Ingrid Falk, the transport director.\n",
    "Ingrid Falk spoke to reporters in Lakeport.\n\n“Fares will not rise this "
    "year, whatever the council decides,” Falk said.\n",
    "The ferry union disagreed.\n\n“Nobody asked the ferry crews what they "
    "think of the transit budget,” said Tomas Reyes, the union chair.\n",
    "Reyes repeated his complaint on Friday.\n\n“Nobody asked the ferry crews "
    "what they think,” Tomas Reyes told the council.\n",
    "A short notice about the library hours, with no quotes at all.\n",
};

class QueryEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::Store::OpenPrimary(dir_.path() + "/db", {});
    ASSERT_TRUE(store.ok());
    store_ = *std::move(store);
    auto extractor = extraction::Extractor::Create();
    ASSERT_TRUE(extractor.ok());
    extractor_ = *std::move(extractor);
    auto ingestor = ingest::ArticleIngestor::Create(store_.get(), extractor_.get(), {});
    ASSERT_TRUE(ingestor.ok());
    int day = 0;
    for (const char* body : kBodies) {
      v1::CreateArticleRequest request;
      request.mutable_article()->set_body(body);
      request.mutable_article()->set_source(day % 2 == 0 ? "Lakeport Ledger" : "Harbor Times");
      request.mutable_article()->mutable_publish_time()->set_seconds(1700000000 + 86400 * day++);
      ASSERT_TRUE((*ingestor)->CreateArticle(request).ok());
    }
    // Queries go through a secondary instance, as in the service.
    auto secondary = storage::Store::OpenSecondary(dir_.path() + "/db", dir_.path() + "/sec");
    ASSERT_TRUE(secondary.ok()) << secondary.status();
    secondary_ = *std::move(secondary);
    ASSERT_TRUE(secondary_->CatchUp().ok());
    ASSERT_TRUE(secondary_->CatchUp().ok());
    engine_ = std::make_unique<QueryEngine>(secondary_.get());
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<storage::Store> secondary_;
  std::unique_ptr<extraction::Extractor> extractor_;
  std::unique_ptr<QueryEngine> engine_;
};

TEST_F(QueryEngineTest, GetArticleFoundNotFoundAndMalformed) {
  v1::GetArticleRequest request;
  request.set_name("articles/2");
  auto article = engine_->GetArticle(request);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->body(), kBodies[1]);
  request.set_name("articles/99");
  EXPECT_EQ(engine_->GetArticle(request).status().code(), absl::StatusCode::kNotFound);
  request.set_name("articles/abc");
  EXPECT_EQ(engine_->GetArticle(request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, ListArticlesPagesNewestFirstAndSeesEachOnce) {
  v1::ListArticlesRequest request;
  request.set_page_size(2);
  std::vector<std::string> names;
  int pages = 0;
  do {
    auto response = engine_->ListArticles(request);
    ASSERT_TRUE(response.ok()) << response.status();
    for (const auto& article : response->articles()) names.push_back(article.name());
    request.set_page_token(response->next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names, (std::vector<std::string>{"articles/5", "articles/4", "articles/3",
                                             "articles/2", "articles/1"}));
}

TEST_F(QueryEngineTest, ListArticlesFiltersBySourceTimeAndEntity) {
  v1::ListArticlesRequest request;
  request.set_source("Harbor Times");
  auto by_source = engine_->ListArticles(request);
  ASSERT_TRUE(by_source.ok());
  ASSERT_EQ(by_source->articles_size(), 2);
  EXPECT_EQ(by_source->articles(0).name(), "articles/4");

  request.Clear();
  request.mutable_start_time()->set_seconds(1700000000 + 86400);
  request.mutable_end_time()->set_seconds(1700000000 + 3 * 86400);
  auto by_time = engine_->ListArticles(request);
  ASSERT_TRUE(by_time.ok());
  ASSERT_EQ(by_time->articles_size(), 2);
  EXPECT_EQ(by_time->articles(0).name(), "articles/3");
  EXPECT_EQ(by_time->articles(1).name(), "articles/2");

  request.Clear();
  request.set_entity("entities/ingrid-falk");
  auto by_entity = engine_->ListArticles(request);
  ASSERT_TRUE(by_entity.ok());
  EXPECT_EQ(by_entity->articles_size(), 2);
}

TEST_F(QueryEngineTest, RejectsBadPagingAndFilters) {
  v1::ListArticlesRequest request;
  request.set_page_size(-1);
  EXPECT_EQ(engine_->ListArticles(request).status().code(), absl::StatusCode::kInvalidArgument);

  request.set_page_size(1);
  auto first = engine_->ListArticles(request);
  ASSERT_TRUE(first.ok());
  request.set_page_token(first->next_page_token());
  request.set_source("Lakeport Ledger");  // other filters: the token is refused
  EXPECT_EQ(engine_->ListArticles(request).status().code(), absl::StatusCode::kInvalidArgument);

  request.Clear();
  request.set_page_token("garbage");
  EXPECT_EQ(engine_->ListArticles(request).status().code(), absl::StatusCode::kInvalidArgument);
  request.Clear();
  request.mutable_start_time()->set_seconds(2000000000);
  request.mutable_end_time()->set_seconds(1000000000);
  EXPECT_EQ(engine_->ListArticles(request).status().code(), absl::StatusCode::kInvalidArgument);
  request.Clear();
  request.set_entity("Ingrid Falk");
  EXPECT_EQ(engine_->ListArticles(request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, SearchEntitiesBySurnameAndPrefixExactFirst) {
  v1::SearchEntitiesRequest request;
  request.set_query("falk");
  auto by_alias = engine_->SearchEntities(request);
  ASSERT_TRUE(by_alias.ok()) << by_alias.status();
  ASSERT_GE(by_alias->entities_size(), 1);
  EXPECT_EQ(by_alias->entities(0).display_name(), "Ingrid Falk");
  EXPECT_EQ(by_alias->entities(0).article_count(), 2);

  request.set_query("ingr");
  auto by_prefix = engine_->SearchEntities(request);
  ASSERT_TRUE(by_prefix.ok());
  ASSERT_GE(by_prefix->entities_size(), 1);
  EXPECT_EQ(by_prefix->entities(0).name(), "entities/ingrid-falk");

  request.set_query("  ...  ");
  EXPECT_EQ(engine_->SearchEntities(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, ListQuotesBySpeakerAndArticle) {
  v1::ListQuotesRequest request;
  request.set_speaker("entities/tomas-reyes");
  auto by_speaker = engine_->ListQuotes(request);
  ASSERT_TRUE(by_speaker.ok()) << by_speaker.status();
  // Both printings of the ferry-crew complaint are one utterance.
  ASSERT_EQ(by_speaker->quotes_size(), 1);
  EXPECT_EQ(by_speaker->quotes(0).appearances_size(), 2);
  EXPECT_EQ(by_speaker->quotes(0).appearances(0).article(), "articles/3");

  request.Clear();
  request.set_article("articles/2");
  auto by_article = engine_->ListQuotes(request);
  ASSERT_TRUE(by_article.ok());
  ASSERT_EQ(by_article->quotes_size(), 1);
  EXPECT_EQ(by_article->quotes(0).speaker(), "entities/ingrid-falk");

  request.Clear();
  auto all = engine_->ListQuotes(request);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->quotes_size(), 3);
}

TEST_F(QueryEngineTest, SearchQuotesMatchesAllWordsCaseInsensitive) {
  v1::SearchQuotesRequest request;
  request.set_query("FERRY crews");
  auto response = engine_->SearchQuotes(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->quotes_size(), 1);
  EXPECT_EQ(response->quotes(0).speaker_display_name(), "Tomas Reyes");

  request.set_query("ferry june");
  response = engine_->SearchQuotes(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->quotes_size(), 0);
  request.set_query("!!!");
  EXPECT_EQ(engine_->SearchQuotes(request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, GetQuoteAndEntity) {
  v1::GetQuoteRequest quote_request;
  quote_request.set_name("quotes/1");
  auto quote = engine_->GetQuote(quote_request);
  ASSERT_TRUE(quote.ok()) << quote.status();
  EXPECT_EQ(quote->speaker_display_name(), "Ingrid Falk");
  quote_request.set_name("quotes/999");
  EXPECT_EQ(engine_->GetQuote(quote_request).status().code(), absl::StatusCode::kNotFound);

  v1::GetEntityRequest entity_request;
  entity_request.set_name("entities/ingrid-falk");
  auto entity = engine_->GetEntity(entity_request);
  ASSERT_TRUE(entity.ok());
  EXPECT_EQ(entity->type(), v1::PERSON);
  entity_request.set_name("entities/nobody-here");
  EXPECT_EQ(engine_->GetEntity(entity_request).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace verbatim::query
