// TLS with a throwaway CA, and bearer-token auth, on the real binaries.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "common/testing/temp_dir.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_pair.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"
#include "verbatim/v1/query_service.grpc.pb.h"

namespace verbatim::e2e {
namespace {

constexpr char kToken[] = "test-token-7f3a";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

int RunShell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Makes ca.pem, server.pem and server.key (for 127.0.0.1) in `dir`.
bool MakeCertificates(const std::string& dir) {
  const std::string quiet = " >/dev/null 2>&1";
  return RunShell(absl::StrCat(
             "cd ", dir,
             " && openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
             "-subj /CN=verbatim-test-ca -keyout ca.key -out ca.pem",
             quiet)) == 0 &&
         RunShell(absl::StrCat(
             "cd ", dir,
             " && openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 "
             "-keyout server.key -out server.csr",
             quiet)) == 0 &&
         RunShell(absl::StrCat(
             "cd ", dir,
             " && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost' > san.ext"
             " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key "
             "-CAcreateserial -days 1 -extfile san.ext -out server.pem",
             quiet)) == 0;
}

v1::CreateArticleRequest Article() {
  v1::CreateArticleRequest request;
  request.mutable_article()->set_body(
      "“The gates open at nine,” said Lena Marsh.");
  request.mutable_article()->set_url("https://secure.example/1");
  return request;
}

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (RunShell("command -v openssl >/dev/null") != 0)
      GTEST_SKIP() << "openssl is not installed";
    ASSERT_TRUE(MakeCertificates(certs_.path()));
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = ReadFile(certs_.path() + "/ca.pem");
    auto pair = ServicePair::Start(
        50,
        {absl::StrCat("--tls_cert=", certs_.path(), "/server.pem"),
         absl::StrCat("--tls_key=", certs_.path(), "/server.key"),
         absl::StrCat("--auth_token=", kToken)},
        grpc::SslCredentials(options));
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = *std::move(pair);
    ingest_ = v1::IngestService::NewStub(pair_->IngestChannel());
    query_ = v1::QueryService::NewStub(pair_->QueryChannel());
  }

  std::unique_ptr<grpc::ClientContext> Authorized() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
    return context;
  }

  int ArticleCount() {
    v1::ListArticlesRequest request;
    v1::ListArticlesResponse response;
    EXPECT_TRUE(
        query_->ListArticles(Authorized().get(), request, &response).ok());
    return response.articles_size();
  }

  testing::TempDir certs_;
  std::unique_ptr<ServicePair> pair_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
  std::unique_ptr<v1::QueryService::Stub> query_;
};

TEST_F(SecurityTest, IngestRequiresTheTokenAndWritesNothingWithoutIt) {
  v1::Article article;
  grpc::ClientContext missing;
  EXPECT_EQ(ingest_->CreateArticle(&missing, Article(), &article).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext wrong;
  wrong.AddMetadata("authorization", "Bearer not-the-token");
  EXPECT_EQ(ingest_->CreateArticle(&wrong, Article(), &article).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext stream_context;
  auto stream = ingest_->StreamArticles(&stream_context);
  stream->Write(Article());
  stream->WritesDone();
  v1::CreateArticleResult result;
  while (stream->Read(&result)) {
  }
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ArticleCount(), 0);

  auto context = Authorized();
  grpc::Status created =
      ingest_->CreateArticle(context.get(), Article(), &article);
  ASSERT_TRUE(created.ok()) << created.error_message();
  const auto& headers = context->GetServerInitialMetadata();
  auto token = headers.find("verbatim-consistency-token");
  ASSERT_NE(token, headers.end());
  auto read = Authorized();
  read->AddMetadata("verbatim-consistency-token",
                    std::string(token->second.data(), token->second.size()));
  v1::GetArticleRequest get;
  get.set_name(article.name());
  v1::Article fetched;
  EXPECT_TRUE(query_->GetArticle(read.get(), get, &fetched).ok());
}

TEST_F(SecurityTest, QueryRequiresTheTokenButHealthStaysOpen) {
  grpc::ClientContext missing;
  v1::ListArticlesRequest request;
  v1::ListArticlesResponse response;
  EXPECT_EQ(query_->ListArticles(&missing, request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(WaitServing(pair_->QueryChannel(), absl::Seconds(5)));
  // The built-in probe speaks TLS when given the CA.
  EXPECT_EQ(
      RunShell(absl::StrCat(
          VERBATIM_INGEST_BINARY, " --health_probe=", pair_->ingest_address(),
          " --tls_ca=", certs_.path(), "/ca.pem 2>/dev/null")),
      0);
  EXPECT_EQ(RunShell(absl::StrCat(VERBATIM_INGEST_BINARY, " --health_probe=",
                                  pair_->ingest_address(), " 2>/dev/null")),
            2);
}

TEST_F(SecurityTest, PlaintextClientsCannotTalkToTlsServers) {
  auto plaintext = v1::QueryService::NewStub(grpc::CreateChannel(
      pair_->query_address(), grpc::InsecureChannelCredentials()));
  auto context = Authorized();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(2));
  v1::ListArticlesRequest request;
  v1::ListArticlesResponse response;
  EXPECT_EQ(
      plaintext->ListArticles(context.get(), request, &response).error_code(),
      grpc::StatusCode::UNAVAILABLE);
}

TEST_F(SecurityTest, LoadToolUsesTlsAndToken) {
  const std::string file = certs_.path() + "/article.txt";
  std::ofstream(file)
      << "title: Gates\ndate: 2025-03-01\nurl: https://secure.example/2\n\n"
         "“The gates close at six,” said Lena Marsh.\n";
  const std::string command =
      absl::StrCat(VERBATIM_LOAD_BINARY, " --target=", pair_->ingest_address(),
                   " --tls_ca=", certs_.path(), "/ca.pem ", file, " > ",
                   certs_.path(), "/load.out 2>&1");
  EXPECT_NE(RunShell(command), 0) << "no token: must fail";
  EXPECT_EQ(
      RunShell(absl::StrCat("VERBATIM_AUTH_TOKEN=", kToken, " ", command)), 0)
      << ReadFile(certs_.path() + "/load.out");
  EXPECT_NE(ReadFile(certs_.path() + "/load.out")
                .find("loaded 1 articles (0 failed)"),
            std::string::npos);
}

}  // namespace
}  // namespace verbatim::e2e
