#include "query_service/query/query_engine.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/storage/store.h"
#include "common/testing/store_fixture.h"
#include "gmock/gmock.h"
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

class QueryEngineTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure()) return;
    auto extractor = extraction::Extractor::Create();
    ASSERT_TRUE(extractor.ok());
    extractor_ = *std::move(extractor);
    auto ingestor =
        ingest::ArticleIngestor::Create(store_.get(), extractor_.get(), {});
    ASSERT_TRUE(ingestor.ok());
    ingestor_ = *std::move(ingestor);
    int day = 0;
    for (const char* body : kBodies) {
      v1::CreateArticleRequest request;
      request.mutable_article()->set_body(body);
      request.mutable_article()->set_source(day % 2 == 0 ? "Lakeport Ledger"
                                                         : "Harbor Times");
      request.mutable_article()->mutable_publish_time()->set_seconds(
          1700000000 + 86400 * day++);
      ASSERT_TRUE(ingestor_->CreateArticle(request).ok());
    }
    // Queries go through a secondary instance, as in the service.
    auto secondary =
        storage::Store::OpenSecondary(store_path(), dir_.path() + "/sec");
    ASSERT_TRUE(secondary.ok()) << secondary.status();
    secondary_ = *std::move(secondary);
    ASSERT_TRUE(secondary_->CatchUp().ok());
    ASSERT_TRUE(secondary_->CatchUp().ok());
    engine_ = std::make_unique<QueryEngine>(secondary_.get(), &read_pool_);
  }

  void CatchUp() {
    ASSERT_TRUE(secondary_->CatchUp().ok());
    ASSERT_TRUE(secondary_->CatchUp().ok());
  }

  std::unique_ptr<storage::Store> secondary_;
  // Every test reads pages in parallel, as the service does.
  concurrency::WorkPool read_pool_{3};
  std::unique_ptr<extraction::Extractor> extractor_;
  std::unique_ptr<ingest::ArticleIngestor> ingestor_;
  std::unique_ptr<QueryEngine> engine_;
};

TEST_F(QueryEngineTest, GetArticleFoundNotFoundAndMalformed) {
  v1::GetArticleRequest request;
  request.set_name("articles/2");
  auto article = engine_->GetArticle(request);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->body(), kBodies[1]);
  request.set_name("articles/99");
  EXPECT_EQ(engine_->GetArticle(request).status().code(),
            absl::StatusCode::kNotFound);
  request.set_name("articles/abc");
  EXPECT_EQ(engine_->GetArticle(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, ListArticlesPagesNewestFirstAndSeesEachOnce) {
  v1::ListArticlesRequest request;
  request.set_page_size(2);
  std::vector<std::string> names;
  int pages = 0;
  do {
    auto response = engine_->ListArticles(request);
    ASSERT_TRUE(response.ok()) << response.status();
    for (const auto& article : response->articles())
      names.push_back(article.name());
    request.set_page_token(response->next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names,
            (std::vector<std::string>{"articles/5", "articles/4", "articles/3",
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
  EXPECT_EQ(engine_->ListArticles(request).status().code(),
            absl::StatusCode::kInvalidArgument);

  request.set_page_size(1);
  auto first = engine_->ListArticles(request);
  ASSERT_TRUE(first.ok());
  request.set_page_token(first->next_page_token());
  request.set_source("Lakeport Ledger");  // other filters: the token is refused
  EXPECT_EQ(engine_->ListArticles(request).status().code(),
            absl::StatusCode::kInvalidArgument);

  request.Clear();
  request.set_page_token("garbage");
  EXPECT_EQ(engine_->ListArticles(request).status().code(),
            absl::StatusCode::kInvalidArgument);
  request.Clear();
  request.mutable_start_time()->set_seconds(2000000000);
  request.mutable_end_time()->set_seconds(1000000000);
  EXPECT_EQ(engine_->ListArticles(request).status().code(),
            absl::StatusCode::kInvalidArgument);
  request.Clear();
  request.set_entity("Ingrid Falk");
  EXPECT_EQ(engine_->ListArticles(request).status().code(),
            absl::StatusCode::kInvalidArgument);
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

TEST_F(QueryEngineTest, ListQuotesByEntityListsEachQuoteOnceAcrossPages) {
  // A later article mentioning Falk reprints Reyes's quote and adds two.
  v1::CreateArticleRequest request;
  request.mutable_article()->set_body(
      "Ingrid Falk and Tomas Reyes met in Lakeport.\n\n“Nobody asked the ferry "
      "crews "
      "what they think of the transit budget,” said Tomas Reyes.\n\n“We will "
      "meet the "
      "union every month from now on,” Falk said.\n\n“The ferry timetable "
      "changes in "
      "May,” Falk added.\n");
  request.mutable_article()->set_source("Harbor Times");
  request.mutable_article()->mutable_publish_time()->set_seconds(1700000000 +
                                                                 86400 * 9);
  ASSERT_TRUE(ingestor_->CreateArticle(request).ok());
  CatchUp();

  v1::ListQuotesRequest list;
  list.set_entity("entities/ingrid-falk");
  list.set_page_size(1);
  std::vector<std::string> texts;
  for (int pages = 0; pages < 10; ++pages) {
    auto response = engine_->ListQuotes(list);
    ASSERT_TRUE(response.ok()) << response.status();
    ASSERT_LE(response->quotes_size(), 1);
    for (const v1::Quote& quote : response->quotes())
      texts.push_back(quote.text());
    if (response->next_page_token().empty()) break;
    list.set_page_token(response->next_page_token());
  }
  // Newest first by the earliest printing in an article mentioning her: the
  // three quotes of day 9 (Reyes's reprint included, listed once), then her
  // own two from days 0 and 1 — never Reyes's quote of day 3, which does not
  // mention her.
  ASSERT_EQ(texts.size(), 5u) << absl::StrJoin(texts, " | ");
  EXPECT_EQ(std::set<std::string>(texts.begin(), texts.end()).size(), 5u);
  EXPECT_TRUE(absl::StrContains(texts[3], "Fares will not rise"));
  EXPECT_TRUE(absl::StrContains(texts[4], "buses will run"));
}

// Walks every page of `request` (one quote per page) and returns the quote
// names and page tokens in order.
template <typename Request, typename Method>
std::vector<std::string> WalkQuotePages(const QueryEngine& engine,
                                        Request request, Method method) {
  std::vector<std::string> seen;
  request.set_page_size(1);
  for (int pages = 0; pages < 20; ++pages) {
    auto response = (engine.*method)(request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (!response.ok()) break;
    for (const v1::Quote& quote : response->quotes())
      seen.push_back(quote.name());
    seen.push_back("token:" + response->next_page_token());
    if (response->next_page_token().empty()) break;
    request.set_page_token(response->next_page_token());
  }
  return seen;
}

TEST_F(QueryEngineTest, ParallelReadsPageLikeSequentialReads) {
  const QueryEngine sequential(secondary_.get());
  v1::ListQuotesRequest by_speaker, by_entity, by_article, by_time;
  by_speaker.set_speaker("entities/ingrid-falk");
  by_entity.set_entity("entities/ingrid-falk");
  by_article.set_article("articles/4");
  for (const v1::ListQuotesRequest& request :
       {by_speaker, by_entity, by_article, by_time}) {
    const std::vector<std::string> pages =
        WalkQuotePages(*engine_, request, &QueryEngine::ListQuotes);
    EXPECT_GE(pages.size(), 2u) << request.ShortDebugString();
    EXPECT_EQ(pages,
              WalkQuotePages(sequential, request, &QueryEngine::ListQuotes))
        << request.ShortDebugString();
  }
  v1::SearchQuotesRequest search;
  search.set_query("ferry crews");
  const std::vector<std::string> found =
      WalkQuotePages(*engine_, search, &QueryEngine::SearchQuotes);
  EXPECT_GE(found.size(), 2u);
  EXPECT_EQ(found,
            WalkQuotePages(sequential, search, &QueryEngine::SearchQuotes));
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
  EXPECT_EQ(engine_->SearchQuotes(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, SearchQuotesChecksStopWordsInTheText) {
  // Stop words have no index rows, yet every word must still occur.
  v1::SearchQuotesRequest request;
  request.set_query("fares will not rise");
  auto response = engine_->SearchQuotes(request);
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(response->quotes_size(), 1);
  EXPECT_EQ(response->quotes(0).speaker_display_name(), "Ingrid Falk");
  request.set_query("ferry crews not");
  response = engine_->SearchQuotes(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->quotes_size(), 0);
  request.set_query("\"what they think\"");
  response = engine_->SearchQuotes(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->quotes_size(), 1);

  request.set_query("what they did");
  const auto only_stop_words = engine_->SearchQuotes(request);
  EXPECT_EQ(only_stop_words.status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(only_stop_words.status().message(),
              ::testing::HasSubstr("only common words"));
}

TEST_F(QueryEngineTest, GetQuoteAndEntity) {
  v1::GetQuoteRequest quote_request;
  quote_request.set_name("quotes/1");
  auto quote = engine_->GetQuote(quote_request);
  ASSERT_TRUE(quote.ok()) << quote.status();
  EXPECT_EQ(quote->speaker_display_name(), "Ingrid Falk");
  quote_request.set_name("quotes/999");
  EXPECT_EQ(engine_->GetQuote(quote_request).status().code(),
            absl::StatusCode::kNotFound);

  v1::GetEntityRequest entity_request;
  entity_request.set_name("entities/ingrid-falk");
  auto entity = engine_->GetEntity(entity_request);
  ASSERT_TRUE(entity.ok());
  EXPECT_EQ(entity->type(), v1::PERSON);
  entity_request.set_name("entities/nobody-here");
  EXPECT_EQ(engine_->GetEntity(entity_request).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(QueryEngineTest, SearchQuotesPhrasesFiltersAndProvenance) {
  v1::SearchQuotesRequest request;
  request.set_query("\"ferry crews\" nobody");
  auto phrase = engine_->SearchQuotes(request);
  ASSERT_TRUE(phrase.ok()) << phrase.status();
  ASSERT_EQ(phrase->quotes_size(), 1);
  // The reprint cut words; provenance says which.
  const v1::Quote& quote = phrase->quotes(0);
  ASSERT_EQ(quote.appearances_size(), 2);
  EXPECT_TRUE(quote.appearances(0).edits().empty());
  ASSERT_EQ(quote.appearances(1).edits_size(), 1) << quote.DebugString();
  EXPECT_EQ(quote.appearances(1).edits(0).kind(), v1::TextEdit::CUT);
  EXPECT_EQ(quote.appearances(1).edits(0).canonical_text(),
            "of the transit budget,");

  request.set_query("\"crews ferry\"");
  auto wrong_order = engine_->SearchQuotes(request);
  ASSERT_TRUE(wrong_order.ok());
  EXPECT_EQ(wrong_order->quotes_size(), 0);

  request.set_query("buses");
  request.set_speaker("entities/ingrid-falk");
  auto by_speaker = engine_->SearchQuotes(request);
  ASSERT_TRUE(by_speaker.ok());
  ASSERT_EQ(by_speaker->quotes_size(), 1);
  EXPECT_EQ(by_speaker->quotes(0).speaker(), "entities/ingrid-falk");
  request.set_speaker("entities/nobody");
  EXPECT_EQ(engine_->SearchQuotes(request).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(QueryEngineTest, SearchRanksMoreFrequentTermsFirst) {
  for (const char* body :
       {"“Ferries, ferries and more ferries for the islands,” said Ada Brook.",
        "“One of the ferries was late,” said Ada Brook."}) {
    v1::CreateArticleRequest create;
    create.mutable_article()->set_body(body);
    ASSERT_TRUE(ingestor_->CreateArticle(create).ok());
  }
  CatchUp();
  v1::SearchQuotesRequest request;
  request.set_query("ferries");
  auto response = engine_->SearchQuotes(request);
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->quotes_size(), 2);
  EXPECT_NE(response->quotes(0).text().find("more ferries"), std::string::npos);
}

// Distinct words, so that each quote below is its own utterance.
constexpr const char* kPlaces[] = {"Granite quarries and willow marshes",
                                   "Copper mines near meadow farms",
                                   "Thunder bays with lantern boats",
                                   "Orchard hills beside saffron fields",
                                   "Glacier lakes and timber camps",
                                   "Falcon cliffs above velvet dunes",
                                   "Cobalt reefs past maple groves",
                                   "Juniper moors under harvest skies",
                                   "Sparrow creeks by old mills",
                                   "Quiet coves of amber sand",
                                   "Northern fjords with iron bridges",
                                   "Southern deltas full of reeds"};

TEST_F(QueryEngineTest, SearchPagesSeeEachResultOnceWhileIngestWrites) {
  for (int i = 0; i < 6; ++i) {
    v1::CreateArticleRequest create;
    create.mutable_article()->set_body(absl::StrCat(
        "“", kPlaces[i], " need a lighthouse lamp,” said Ada Brook."));
    ASSERT_TRUE(ingestor_->CreateArticle(create).ok());
  }
  CatchUp();
  v1::SearchQuotesRequest request;
  request.set_query("lighthouse lamp");
  request.set_page_size(2);
  std::set<std::string> seen;
  int results = 0;
  int extra = 6;
  do {
    auto response = engine_->SearchQuotes(request);
    ASSERT_TRUE(response.ok()) << response.status();
    for (const auto& quote : response->quotes()) {
      seen.insert(quote.name());
      ++results;
    }
    request.set_page_token(response->next_page_token());
    // More matching quotes arrive between pages.
    v1::CreateArticleRequest create;
    create.mutable_article()->set_body(absl::StrCat(
        "“", kPlaces[extra++], " need a lighthouse lamp,” said Ada Brook."));
    ASSERT_TRUE(ingestor_->CreateArticle(create).ok());
    CatchUp();
  } while (!request.page_token().empty());
  EXPECT_EQ(results, 6);
  EXPECT_EQ(seen.size(), 6u);
}

TEST_F(QueryEngineTest, RelatedEntitiesAndTimeline) {
  v1::ListRelatedEntitiesRequest related;
  related.set_entity("entities/tomas-reyes");
  auto response = engine_->ListRelatedEntities(related);
  ASSERT_TRUE(response.ok()) << response.status();
  for (const auto& entity : response->related_entities()) {
    EXPECT_NE(entity.entity().name(), "entities/tomas-reyes");
    EXPECT_GE(entity.shared_article_count(), 1);
  }

  v1::GetEntityTimelineRequest timeline_request;
  timeline_request.set_entity("entities/ingrid-falk");
  auto timeline = engine_->GetEntityTimeline(timeline_request);
  ASSERT_TRUE(timeline.ok()) << timeline.status();
  ASSERT_EQ(timeline->days_size(), 2);
  EXPECT_EQ(timeline->days(0).date(), "2023-11-14");
  EXPECT_EQ(timeline->days(0).article_count(), 1);
  EXPECT_EQ(timeline->days(0).quote_count(), 1);
  EXPECT_EQ(timeline->days(1).date(), "2023-11-15");

  timeline_request.mutable_start_time()->set_seconds(1700000000 + 86400);
  timeline = engine_->GetEntityTimeline(timeline_request);
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->days_size(), 1);
  EXPECT_EQ(timeline->days(0).date(), "2023-11-15");

  timeline_request.set_entity("");
  EXPECT_EQ(engine_->GetEntityTimeline(timeline_request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace verbatim::query
