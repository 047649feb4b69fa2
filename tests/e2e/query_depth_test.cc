// The query service's richer lookups through a real gRPC client, on a
// generated multi-article corpus, and pagination while ingest keeps writing.
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_pair.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"
#include "verbatim/v1/query_service.grpc.pb.h"

namespace verbatim::e2e {
namespace {

// Fictional people and outlets; quote words are drawn from a list so that
// different quotes share few words and stay different utterances.
constexpr const char* kPeople[] = {"Ingrid Falk", "Tomas Reyes",
                                   "Ada Brook",   "Wendell Okafor",
                                   "Priya Lund",  "Mateo Sandoval"};
constexpr const char* kOutlets[] = {"Lakeport Ledger", "Harbor Times",
                                    "Valley Post"};
constexpr const char* kWords[] = {
    "bridge",   "ferry",       "budget",   "harvest",   "school",     "river",
    "market",   "tunnel",      "orchard",  "library",   "railway",    "clinic",
    "stadium",  "canal",       "festival", "garden",    "harbor",     "museum",
    "quarry",   "reservoir",   "theater",  "vineyard",  "windmill",   "airport",
    "bakery",   "cathedral",   "dairy",    "embassy",   "factory",    "granary",
    "hospital", "island",      "jetty",    "kiln",      "lighthouse", "mill",
    "nursery",  "observatory", "pier",     "quay",      "ranch",      "sawmill",
    "tannery",  "university",  "viaduct",  "warehouse", "yard",       "zoo"};
constexpr int kArticles = 30;
constexpr int64_t kFirstDay = 1750000000;

struct Corpus {
  std::vector<v1::CreateArticleRequest> requests;
  std::string reprinted_text;  // a quote printed by two outlets
};

Corpus MakeCorpus() {
  std::mt19937 random(7);
  Corpus corpus;
  std::string previous_quote;
  for (int i = 0; i < kArticles; ++i) {
    const std::string person = kPeople[i % 6];
    std::vector<std::string> words;
    for (int w = 0; w < 8; ++w)
      words.push_back(kWords[random() % std::size(kWords)]);
    std::string quote = absl::StrCat("We need ", absl::StrJoin(words, " "));
    // Every fifth article reprints the previous quote, cut short.
    const bool reprint = i % 5 == 4;
    if (reprint) {
      quote = previous_quote.substr(0, previous_quote.rfind(' '));
      corpus.reprinted_text = previous_quote;
    }
    previous_quote = quote;
    v1::CreateArticleRequest request;
    v1::Article* article = request.mutable_article();
    article->set_title(absl::StrCat("Town notes ", i));
    article->set_source(kOutlets[i % 3]);
    article->set_url(absl::StrCat("https://notes.example/", i));
    article->mutable_publish_time()->set_seconds(kFirstDay + 86400 * i);
    article->set_body(absl::StrCat(
        person, " spoke at the council in Lakeport.\n\n“", quote, ",” said ",
        reprint ? kPeople[(i - 1) % 6] : person, ".\n"));
    corpus.requests.push_back(request);
  }
  return corpus;
}

class QueryDepthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pair = ServicePair::Start();
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = pair->release();
    corpus_ = new Corpus(MakeCorpus());
    auto ingest = v1::IngestService::NewStub(pair_->IngestChannel());
    grpc::ClientContext context;
    auto stream = ingest->StreamArticles(&context);
    for (const auto& request : corpus_->requests)
      ASSERT_TRUE(stream->Write(request));
    stream->WritesDone();
    v1::CreateArticleResult result;
    std::string token;
    while (stream->Read(&result)) {
      ASSERT_EQ(result.status().code(), 0) << result.status().message();
      token = result.consistency_token();
    }
    ASSERT_TRUE(stream->Finish().ok());
    token_ = new std::string(token);
  }

  static void TearDownTestSuite() {
    if (pair_ != nullptr) {
      EXPECT_TRUE(pair_->Stop().ok());
    }
    delete pair_;
    delete corpus_;
    delete token_;
  }

  void SetUp() override {
    query_ = v1::QueryService::NewStub(pair_->QueryChannel());
  }

  // A context that reads everything the corpus upload wrote.
  std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("verbatim-consistency-token", *token_);
    return context;
  }

  static ServicePair* pair_;
  static Corpus* corpus_;
  static std::string* token_;
  std::unique_ptr<v1::QueryService::Stub> query_;
};

ServicePair* QueryDepthTest::pair_ = nullptr;
Corpus* QueryDepthTest::corpus_ = nullptr;
std::string* QueryDepthTest::token_ = nullptr;

TEST_F(QueryDepthTest, SearchEntitiesBySurnameFindsTheFullName) {
  v1::SearchEntitiesRequest request;
  request.set_query("Okafor");
  v1::SearchEntitiesResponse response;
  ASSERT_TRUE(query_->SearchEntities(Context().get(), request, &response).ok());
  ASSERT_GE(response.entities_size(), 1);
  EXPECT_EQ(response.entities(0).display_name(), "Wendell Okafor");
  EXPECT_EQ(response.entities(0).type(), v1::PERSON);
}

TEST_F(QueryDepthTest, WhereAQuoteFirstAppearedAndHowReprintsDiffer) {
  // Find the reprinted quote by a phrase from its cut-short printing.
  const std::string& text = corpus_->reprinted_text;
  const std::string phrase = text.substr(0, text.rfind(' '));
  v1::SearchQuotesRequest search;
  search.set_query(absl::StrCat("\"", phrase, "\""));
  v1::SearchQuotesResponse found;
  grpc::Status status = query_->SearchQuotes(Context().get(), search, &found);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_GE(found.quotes_size(), 1);
  const v1::Quote& quote = found.quotes(0);
  ASSERT_EQ(quote.appearances_size(), 2) << quote.DebugString();
  EXPECT_LT(quote.appearances(0).publish_time().seconds(),
            quote.appearances(1).publish_time().seconds());
  EXPECT_NE(quote.appearances(0).source(), quote.appearances(1).source());
  ASSERT_EQ(quote.appearances(1).edits_size(), 1);
  EXPECT_EQ(quote.appearances(1).edits(0).kind(), v1::TextEdit::CUT);

  v1::GetQuoteRequest get;
  get.set_name(quote.name());
  v1::Quote same;
  ASSERT_TRUE(query_->GetQuote(Context().get(), get, &same).ok());
  EXPECT_EQ(same.appearances_size(), 2);
}

TEST_F(QueryDepthTest, SearchFiltersBySourceAndTime) {
  v1::SearchQuotesRequest request;
  request.set_query("need");
  request.set_page_size(1000);
  request.set_source("Harbor Times");
  v1::SearchQuotesResponse response;
  ASSERT_TRUE(query_->SearchQuotes(Context().get(), request, &response).ok());
  ASSERT_GE(response.quotes_size(), 5);
  for (const v1::Quote& quote : response.quotes()) {
    bool printed = false;
    for (const auto& a : quote.appearances())
      printed |= a.source() == "Harbor Times";
    EXPECT_TRUE(printed);
  }
  request.clear_source();
  request.mutable_start_time()->set_seconds(kFirstDay + 86400 * 25);
  ASSERT_TRUE(query_->SearchQuotes(Context().get(), request, &response).ok());
  EXPECT_GE(response.quotes_size(), 4);
  EXPECT_LE(response.quotes_size(), 5);
}

TEST_F(QueryDepthTest, RelatedEntitiesAndTimeline) {
  v1::GetEntityRequest get;
  get.set_name("entities/ingrid-falk");
  v1::Entity ingrid;
  ASSERT_TRUE(query_->GetEntity(Context().get(), get, &ingrid).ok());
  ASSERT_GE(ingrid.article_count(), 5);

  v1::ListRelatedEntitiesRequest related;
  related.set_entity("entities/ingrid-falk");
  v1::ListRelatedEntitiesResponse response;
  ASSERT_TRUE(
      query_->ListRelatedEntities(Context().get(), related, &response).ok());
  ASSERT_GE(response.related_entities_size(), 1);
  // Every article of hers is set in Lakeport.
  EXPECT_EQ(response.related_entities(0).entity().display_name(), "Lakeport");
  EXPECT_EQ(response.related_entities(0).shared_article_count(),
            ingrid.article_count());

  v1::GetEntityTimelineRequest timeline_request;
  timeline_request.set_entity("entities/ingrid-falk");
  v1::EntityTimeline timeline;
  ASSERT_TRUE(
      query_->GetEntityTimeline(Context().get(), timeline_request, &timeline)
          .ok());
  int64_t articles = 0;
  int64_t quotes = 0;
  for (const v1::TimelineDay& day : timeline.days()) {
    articles += day.article_count();
    quotes += day.quote_count();
  }
  EXPECT_EQ(articles, ingrid.article_count());
  EXPECT_EQ(quotes, ingrid.quote_count() - 1);  // one quote was printed twice
  ASSERT_GE(timeline.days_size(), 2);
  EXPECT_LT(timeline.days(0).date(), timeline.days(1).date());
}

// Walks every page of ListArticles and ListQuotes while another client keeps
// uploading: nothing is seen twice, and everything stored before is seen.
TEST_F(QueryDepthTest, PaginationSeesEveryItemOnceWhileIngestWrites) {
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    auto ingest = v1::IngestService::NewStub(pair_->IngestChannel());
    for (int i = 0; !stop && i < 200; ++i) {
      v1::CreateArticleRequest request = corpus_->requests[i % kArticles];
      request.mutable_article()->set_url(
          absl::StrCat("https://more.example/", i));
      // Older and newer than the corpus, so new rows land on both sides.
      request.mutable_article()->mutable_publish_time()->set_seconds(
          kFirstDay + (i % 2 == 0 ? -86400 : 86400 * 400) - i);
      grpc::ClientContext context;
      v1::Article created;
      if (!ingest->CreateArticle(&context, request, &created).ok()) break;
    }
  });

  std::multiset<std::string> articles;
  v1::ListArticlesRequest list;
  list.set_page_size(7);
  do {
    v1::ListArticlesResponse page;
    ASSERT_TRUE(query_->ListArticles(Context().get(), list, &page).ok());
    for (const auto& article : page.articles()) articles.insert(article.url());
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());

  std::multiset<std::string> quotes;
  v1::ListQuotesRequest list_quotes;
  list_quotes.set_page_size(4);
  list_quotes.set_speaker("entities/tomas-reyes");
  do {
    v1::ListQuotesResponse page;
    ASSERT_TRUE(query_->ListQuotes(Context().get(), list_quotes, &page).ok());
    for (const auto& quote : page.quotes()) quotes.insert(quote.name());
    list_quotes.set_page_token(page.next_page_token());
  } while (!list_quotes.page_token().empty());
  stop = true;
  writer.join();

  for (int i = 0; i < kArticles; ++i) {
    EXPECT_EQ(articles.count(absl::StrCat("https://notes.example/", i)), 1u)
        << i;
  }
  for (const std::string& url : articles)
    EXPECT_EQ(articles.count(url), 1u) << url;
  EXPECT_GE(quotes.size(), 4u);
  for (const std::string& name : quotes)
    EXPECT_EQ(quotes.count(name), 1u) << name;
}

}  // namespace
}  // namespace verbatim::e2e
