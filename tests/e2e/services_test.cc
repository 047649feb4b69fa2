// Both services as real processes on 127.0.0.1, driven by a C++ gRPC client.
#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/testing/temp_dir.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_pair.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"
#include "verbatim/v1/query_service.grpc.pb.h"

namespace verbatim::e2e {
namespace {

// Articles written for this test.
constexpr char kBridgeArticle[] =
    "The county opened bids for the river bridge on Tuesday.\n\n"
    "“Every truck in the valley will save twenty minutes a day once this "
    "bridge is open,” said Odile Brennan, the county engineer.\n\n"
    "Brennan said the work would take two years.\n";
constexpr char kBridgeReprint[] =
    "Bids for the river bridge are open.\n\n"
    "“Every truck in the valley will save twenty minutes a day,” Odile "
    "Brennan said on Tuesday.\n";

v1::CreateArticleRequest Article(const std::string& body,
                                 const std::string& url,
                                 const std::string& source) {
  v1::CreateArticleRequest request;
  request.mutable_article()->set_body(body);
  request.mutable_article()->set_url(url);
  request.mutable_article()->set_source(source);
  request.mutable_article()->set_title("River bridge");
  request.mutable_article()->mutable_publish_time()->set_seconds(1750000000);
  return request;
}

google::rpc::ErrorInfo ErrorInfoOf(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  google::rpc::ErrorInfo info;
  for (const auto& any : details.details()) {
    if (any.UnpackTo(&info)) break;
  }
  return info;
}

class ServicesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto pair = ServicePair::Start();
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = pair->release();
  }

  static void TearDownTestSuite() {
    // Graceful shutdown: SIGTERM ends both with status 0 within the grace.
    if (pair_ != nullptr) {
      EXPECT_TRUE(pair_->Stop().ok());
    }
    delete pair_;
    pair_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(pair_, nullptr);
    ingest_channel_ = pair_->IngestChannel();
    query_channel_ = pair_->QueryChannel();
    ingest_stub_ = v1::IngestService::NewStub(ingest_channel_);
    query_stub_ = v1::QueryService::NewStub(query_channel_);
  }

  grpc::Status GetArticle(const std::string& name, v1::Article* article) {
    grpc::ClientContext context;
    v1::GetArticleRequest request;
    request.set_name(name);
    return query_stub_->GetArticle(&context, request, article);
  }

  // Polls the query service until GetArticle's code is `code`; returns how
  // long it took, or nullopt after `timeout`.
  std::optional<absl::Duration> WaitForArticleCode(const std::string& name,
                                                   grpc::StatusCode code,
                                                   absl::Duration timeout) {
    const absl::Time start = absl::Now();
    while (absl::Now() - start < timeout) {
      v1::Article article;
      if (GetArticle(name, &article).error_code() == code)
        return absl::Now() - start;
      absl::SleepFor(absl::Milliseconds(5));
    }
    return std::nullopt;
  }

  int ListArticleCount() {
    grpc::ClientContext context;
    v1::ListArticlesRequest request;
    request.set_page_size(1000);
    v1::ListArticlesResponse response;
    EXPECT_TRUE(query_stub_->ListArticles(&context, request, &response).ok());
    return response.articles_size();
  }

  static ServicePair* pair_;
  std::shared_ptr<grpc::Channel> ingest_channel_;
  std::shared_ptr<grpc::Channel> query_channel_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<v1::QueryService::Stub> query_stub_;
};

ServicePair* ServicesTest::pair_ = nullptr;

TEST_F(ServicesTest, BothServicesReportServing) {
  EXPECT_TRUE(WaitServing(ingest_channel_, absl::Seconds(5)));
  EXPECT_TRUE(WaitServing(query_channel_, absl::Seconds(5)));
}

TEST_F(ServicesTest, AcknowledgedArticleIsQueryableWithinOneSecond) {
  grpc::ClientContext context;
  v1::Article created;
  grpc::Status status = ingest_stub_->CreateArticle(
      &context,
      Article(kBridgeArticle, "https://valley.example/bridge", "Valley Post"),
      &created);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_FALSE(created.name().empty());
  ASSERT_GE(created.quotes_size(), 1);
  EXPECT_EQ(created.quotes(0).speaker_display_name(), "Odile Brennan");

  auto lag = WaitForArticleCode(created.name(), grpc::StatusCode::OK,
                                absl::Seconds(1));
  ASSERT_TRUE(lag.has_value()) << created.name() << " not visible within 1 s";
  v1::Article fetched;
  ASSERT_TRUE(GetArticle(created.name(), &fetched).ok());
  EXPECT_EQ(fetched.body(), kBridgeArticle);
  EXPECT_EQ(fetched.quotes_size(), created.quotes_size());
}

TEST_F(ServicesTest, StreamReportsEachItemAndReuploadIsIdempotent) {
  grpc::ClientContext context;
  auto stream = ingest_stub_->StreamArticles(&context);
  v1::CreateArticleRequest bad = Article("   ", "", "Valley Post");
  ASSERT_TRUE(stream->Write(
      Article(kBridgeReprint, "https://hills.example/b", "Hill Herald")));
  ASSERT_TRUE(stream->Write(bad));
  ASSERT_TRUE(stream->Write(
      Article(kBridgeReprint, "https://hills.example/b", "Hill Herald")));
  stream->WritesDone();
  std::vector<v1::CreateArticleResult> results;
  v1::CreateArticleResult result;
  while (stream->Read(&result)) results.push_back(result);
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].status().code(), 0);
  EXPECT_EQ(results[1].status().code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(results[1].index(), 1);
  EXPECT_EQ(results[2].status().code(), 0);
  EXPECT_FALSE(results[2].created());
  EXPECT_EQ(results[2].article().name(), results[0].article().name());

  ASSERT_TRUE(WaitForArticleCode(results[0].article().name(),
                                 grpc::StatusCode::OK, absl::Seconds(1)));
  const int count = ListArticleCount();
  grpc::ClientContext again_context;
  v1::Article again;
  ASSERT_TRUE(ingest_stub_
                  ->CreateArticle(
                      &again_context,
                      Article(kBridgeReprint, "https://hills.example/b", "x"),
                      &again)
                  .ok());
  EXPECT_EQ(again.name(), results[0].article().name());
  absl::SleepFor(absl::Milliseconds(200));
  EXPECT_EQ(ListArticleCount(), count);
}

TEST_F(ServicesTest, DeleteArticleRemovesItFromQueries) {
  grpc::ClientContext context;
  v1::Article created;
  ASSERT_TRUE(
      ingest_stub_
          ->CreateArticle(&context,
                          Article("Short note. “We are closed on Monday,” "
                                  "said Priya Lund.",
                                  "https://notes.example/closed", "Notes"),
                          &created)
          .ok());
  ASSERT_TRUE(WaitForArticleCode(created.name(), grpc::StatusCode::OK,
                                 absl::Seconds(1)));

  grpc::ClientContext delete_context;
  v1::DeleteArticleRequest request;
  request.set_name(created.name());
  google::protobuf::Empty empty;
  ASSERT_TRUE(
      ingest_stub_->DeleteArticle(&delete_context, request, &empty).ok());
  EXPECT_TRUE(WaitForArticleCode(created.name(), grpc::StatusCode::NOT_FOUND,
                                 absl::Seconds(1)));

  grpc::ClientContext again_context;
  grpc::Status again =
      ingest_stub_->DeleteArticle(&again_context, request, &empty);
  EXPECT_EQ(again.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ErrorInfoOf(again).reason(), "RESOURCE_NOT_FOUND");
}

TEST_F(ServicesTest, BadRequestsGetCanonicalCodesWithErrorInfo) {
  v1::Article article;
  grpc::Status malformed = GetArticle("articles/abc", &article);
  EXPECT_EQ(malformed.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::ErrorInfo info = ErrorInfoOf(malformed);
  EXPECT_EQ(info.reason(), "INVALID_FIELD");
  EXPECT_EQ(info.domain(), "verbatim.v1");
  EXPECT_EQ(info.metadata().at("field"), "name");

  grpc::Status missing = GetArticle("articles/999999", &article);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(missing.error_message(), "articles/999999 not found");

  grpc::ClientContext context;
  v1::Article created;
  grpc::Status bad_url = ingest_stub_->CreateArticle(
      &context, Article("Valid body.", "not a url", "x"), &created);
  EXPECT_EQ(bad_url.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(bad_url.error_message().find("article.url"), std::string::npos);

  grpc::ClientContext list_context;
  v1::ListQuotesRequest list;
  list.set_page_size(-5);
  v1::ListQuotesResponse quotes;
  EXPECT_EQ(query_stub_->ListQuotes(&list_context, list, &quotes).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServicesTest, QuotesBySpeakerAcrossOutlets) {
  grpc::ClientContext context;
  v1::Article first;
  ASSERT_TRUE(ingest_stub_
                  ->CreateArticle(
                      &context,
                      Article(kBridgeArticle, "https://valley.example/bridge",
                              "Valley Post"),
                      &first)
                  .ok());
  ASSERT_GE(first.quotes_size(), 1);
  const std::string speaker = first.quotes(0).speaker();
  ASSERT_EQ(speaker, "entities/odile-brennan");
  const absl::Time deadline = absl::Now() + absl::Seconds(1);
  v1::ListQuotesResponse response;
  grpc::Status status;
  do {
    grpc::ClientContext list_context;
    v1::ListQuotesRequest request;
    request.set_speaker(speaker);
    response.Clear();
    // NOT_FOUND until the query service has caught up with the new speaker.
    status = query_stub_->ListQuotes(&list_context, request, &response);
  } while ((!status.ok() || response.quotes_size() == 0) &&
           absl::Now() < deadline);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_GE(response.quotes_size(), 1);
  EXPECT_EQ(response.quotes(0).speaker_display_name(), "Odile Brennan");
}

TEST_F(ServicesTest, CurationRelinksPastQuotesForQueries) {
  for (const auto& [body, url] :
       {std::pair{"“The ferry will run all winter,” said Wendell Okafor, the "
                  "harbor master.",
                  "https://curation.example/1"},
        std::pair{"“We have two new boats,” said Del Okafor on Friday.",
                  "https://curation.example/2"}}) {
    grpc::ClientContext context;
    v1::Article created;
    ASSERT_TRUE(ingest_stub_
                    ->CreateArticle(
                        &context, Article(body, url, "Harbor Times"), &created)
                    .ok());
  }
  grpc::ClientContext alias_context;
  v1::AddEntityAliasRequest alias;
  alias.set_entity("entities/wendell-okafor");
  alias.set_alias("Del Okafor");
  v1::Entity entity;
  grpc::Status status =
      ingest_stub_->AddEntityAlias(&alias_context, alias, &entity);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(entity.article_count(), 2);

  // The query service sees the merge: both quotes under one speaker, and the
  // old name resolves to the entity it became.
  const absl::Time deadline = absl::Now() + absl::Seconds(1);
  v1::ListQuotesResponse quotes;
  do {
    grpc::ClientContext context;
    v1::ListQuotesRequest request;
    request.set_speaker("entities/del-okafor");
    quotes.Clear();
    status = query_stub_->ListQuotes(&context, request, &quotes);
  } while ((!status.ok() || quotes.quotes_size() < 2) &&
           absl::Now() < deadline);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(quotes.quotes_size(), 2);
  for (const v1::Quote& quote : quotes.quotes()) {
    EXPECT_EQ(quote.speaker(), "entities/wendell-okafor");
  }
  grpc::ClientContext get_context;
  v1::GetEntityRequest get;
  get.set_name("entities/del-okafor");
  v1::Entity resolved;
  ASSERT_TRUE(query_stub_->GetEntity(&get_context, get, &resolved).ok());
  EXPECT_EQ(resolved.name(), "entities/wendell-okafor");
}

// With catch-up effectively off, only the consistency token makes a fresh
// write visible: the query service must catch up on demand.
TEST(ConsistencyTokenTest, QueryWaitsForTheWriteItNames) {
  auto pair = ServicePair::Start(/*catchup_interval_ms=*/600000);
  ASSERT_TRUE(pair.ok()) << pair.status();
  auto ingest_stub = v1::IngestService::NewStub((*pair)->IngestChannel());
  auto query_stub = v1::QueryService::NewStub((*pair)->QueryChannel());
  v1::Article article;
  grpc::Status status;

  grpc::ClientContext create_context;
  v1::Article created;
  ASSERT_TRUE(ingest_stub
                  ->CreateArticle(
                      &create_context,
                      Article(kBridgeArticle, "https://token.example/1", "T"),
                      &created)
                  .ok());
  const auto& headers = create_context.GetServerInitialMetadata();
  auto token = headers.find("verbatim-consistency-token");
  ASSERT_NE(token, headers.end());

  grpc::ClientContext without_token;
  v1::GetArticleRequest request;
  request.set_name(created.name());
  EXPECT_EQ(
      query_stub->GetArticle(&without_token, request, &article).error_code(),
      grpc::StatusCode::NOT_FOUND);

  grpc::ClientContext with_token;
  with_token.AddMetadata(
      "verbatim-consistency-token",
      std::string(token->second.data(), token->second.size()));
  status = query_stub->GetArticle(&with_token, request, &article);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(article.name(), created.name());

  grpc::ClientContext bad_token;
  bad_token.AddMetadata("verbatim-consistency-token", "not-a-token");
  EXPECT_EQ(query_stub->GetArticle(&bad_token, request, &article).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  grpc::ClientContext future_token;
  future_token.AddMetadata("verbatim-consistency-token", "s999999999");
  future_token.set_deadline(std::chrono::system_clock::now() +
                            std::chrono::milliseconds(300));
  EXPECT_EQ(
      query_stub->GetArticle(&future_token, request, &article).error_code(),
      grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST(LoadToolTest, ReportsUnreachableServerAndFails) {
  testing::TempDir dir;
  const std::string file = dir.path() + "/a.txt";
  FILE* out = fopen(file.c_str(), "w");
  ASSERT_NE(out, nullptr);
  fputs("title: T\ndate: 2024-05-01\n\nBody text.\n", out);
  fclose(out);
  const std::string command = absl::StrCat(
      VERBATIM_LOAD_BINARY, " --target=127.0.0.1:1 ", file, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[256];
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  EXPECT_NE(WEXITSTATUS(status), 0) << output;
  EXPECT_NE(output.find("loaded 0 articles (1 failed)"), std::string::npos)
      << output;
}

}  // namespace
}  // namespace verbatim::e2e
