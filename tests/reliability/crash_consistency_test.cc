// Crash consistency of verbatim-ingest, through the real binaries.
//
// One verbatim-query process follows one store for the whole test while
// verbatim-ingest is killed with SIGKILL at a random moment of a
// StreamArticles upload (seeded, varied delays; some trials kill right after
// the k-th acknowledgement arrives, some use two concurrent streams, some kill
// the restarted process again while it is recovering) and restarted on the
// same --db, 24 times (VERBATIM_CRASH_TRIALS overrides the count, e.g. for
// sanitizer builds). After each restart the test checks,
// through the query service only:
//   - every acknowledged article (status OK in its CreateArticleResult) is
//     stored and complete: GetArticle returns the body sent and the same
//     quotes and mentions as the acknowledgement; ListQuotes(article=...)
//     returns exactly its utterances; GetQuote returns each of them with this
//     article among its appearances; ListArticles lists it;
//   - nothing is half-written: every article ListArticles returns is complete
//     in the same sense and is one of the articles sent, byte for byte;
//   - the query service kept answering (health SERVING, ListArticles OK) while
//     ingest was dead, and catches up with the restarted ingest without being
//     restarted itself (a write after the restart becomes readable with its
//     consistency token).
// At the end every article is uploaded again without a crash: each is stored
// exactly once (acknowledged ones report created=false under the same name).
//
// What --sync=false (the default) risks. Each article is one atomic RocksDB
// WriteBatch that goes through the write-ahead log before the ack is sent. A
// process crash (SIGKILL, abort, OOM kill) loses nothing acknowledged: the WAL
// bytes were already handed to the kernel with write(2), the kernel writes them
// out after the process is gone, and recovery replays them; an unacknowledged
// article is either wholly present or wholly absent. That is what this test
// proves. A power loss or kernel crash is different: without fsync the last
// WAL writes may still be only in the page cache, so the most recent
// acknowledged articles (up to the last few seconds) can be lost — still
// atomically, never half an article, since RocksDB drops a torn WAL tail on
// recovery. Run ingest with --sync when an acknowledgement must survive power
// loss; every write then waits for fsync and throughput drops accordingly.
//
// SyncCrashConsistencyTest runs the same trials (6 by default,
// VERBATIM_CRASH_SYNC_TRIALS) against ingest started with --sync: the fsync
// path recovers the same way. Neither test can simulate a power loss (SIGKILL
// leaves the page cache intact); what --sync adds there rests on RocksDB's
// contract for WriteOptions::sync (the WAL is fdatasync'ed before Write
// returns, and the ack is sent only after Write returns). See
// tests/reliability/SANITIZERS.md, "Durability: --sync and power loss".
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/testing/temp_dir.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "tests/e2e/service_pair.h"
#include "tests/e2e/service_process.h"
#include "tests/reliability/article_generator.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"
#include "verbatim/v1/query_service.grpc.pb.h"

namespace verbatim::reliability {
namespace {

using e2e::ServiceProcess;
using google::protobuf::util::MessageDifferencer;

constexpr uint64_t kSeed = 0x5EEDC0FFEE;
constexpr int kTrials = 24;
constexpr int kSyncTrials = 6;
constexpr absl::Duration kStartTimeout = absl::Seconds(30);
constexpr absl::Duration kRpcTimeout = absl::Seconds(15);
constexpr char kTokenHeader[] = "verbatim-consistency-token";

std::unique_ptr<grpc::ClientContext> Context(const std::string& token = "") {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        absl::ToChronoMilliseconds(kRpcTimeout));
  if (!token.empty()) context->AddMetadata(kTokenHeader, token);
  return context;
}

// A positive count from the environment variable `name`, else `fallback`.
int TrialsFromEnv(const char* name, int fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  const int parsed = std::atoi(value);
  return parsed > 0 ? parsed : fallback;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

// What one StreamArticles call got back before the ingest process died.
struct StreamOutcome {
  std::vector<v1::CreateArticleResult> acked;  // status OK, in order
  int sent = 0;     // requests the transport accepted
  int results = 0;  // results received (any status)
  int failed = 0;   // results with an error status
};

class CrashConsistencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_flag_ = absl::StrCat("--db=", dir_.path(), "/db");
    ASSERT_TRUE(StartIngest());
    auto query = ServiceProcess::Start(
        VERBATIM_QUERY_BINARY,
        {"--listen=127.0.0.1:0", db_flag_,
         absl::StrCat("--secondary_path=", dir_.path(), "/secondary"),
         "--catchup_interval_ms=50"},
        dir_.path() + "/query.log");
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = *std::move(query);
    auto address = query_->WaitForAddress(kStartTimeout);
    ASSERT_TRUE(address.ok()) << address.status();
    query_channel_ = Channel(*address);
    query_stub_ = v1::QueryService::NewStub(query_channel_);
    ASSERT_TRUE(e2e::WaitServing(query_channel_, kStartTimeout));
  }

  std::vector<std::string> IngestArgs() const {
    std::vector<std::string> args = {"--listen=127.0.0.1:0", db_flag_};
    if (sync_) args.push_back("--sync");
    return args;
  }

  bool StartIngest() {
    auto ingest = ServiceProcess::Start(VERBATIM_INGEST_BINARY, IngestArgs(),
                                        dir_.path() + "/ingest.log");
    if (!ingest.ok()) {
      ADD_FAILURE() << ingest.status();
      return false;
    }
    ingest_ = *std::move(ingest);
    auto address = ingest_->WaitForAddress(kStartTimeout);
    if (!address.ok()) {
      ADD_FAILURE() << "ingest restart: " << address.status();
      return false;
    }
    ingest_channel_ = Channel(*address);
    ingest_stub_ = v1::IngestService::NewStub(ingest_channel_);
    if (!e2e::WaitServing(ingest_channel_, kStartTimeout)) {
      ADD_FAILURE() << "restarted ingest never reported SERVING";
      return false;
    }
    return true;
  }

  bool QueryServing() {
    auto health = grpc::health::v1::Health::NewStub(query_channel_);
    auto context = Context();
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(context.get(), request, &response).ok() &&
           response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
  }

  // Streams `requests` on one call; `on_ack(n)` runs after the n-th OK result.
  StreamOutcome Stream(const std::vector<v1::CreateArticleRequest>& requests,
                       const std::function<void(int)>& on_ack) {
    StreamOutcome outcome;
    auto context = Context();
    // Generous for the loaded machines tests run on; bounded all the same.
    context->set_deadline(
        std::chrono::system_clock::now() + std::chrono::seconds(60) +
        std::chrono::milliseconds(100 * static_cast<int64_t>(requests.size())));
    auto stream = ingest_stub_->StreamArticles(context.get());
    std::atomic<int> sent{0};
    std::thread writer([&] {
      for (const auto& request : requests) {
        if (!stream->Write(request)) return;
        sent.fetch_add(1);
      }
      stream->WritesDone();
    });
    v1::CreateArticleResult result;
    while (stream->Read(&result)) {
      ++outcome.results;
      if (result.status().code() == 0) {
        outcome.acked.push_back(result);
        if (on_ack) on_ack(static_cast<int>(outcome.acked.size()));
      } else {
        ++outcome.failed;
        ADD_FAILURE() << "article " << result.request_id()
                      << " rejected: " << result.status().message();
      }
    }
    context->TryCancel();
    writer.join();
    stream->Finish();
    outcome.sent = sent.load();
    return outcome;
  }

  // Pages through ListArticles; nullopt (and a failure) when a call fails.
  std::optional<std::vector<v1::Article>> ListAllArticles() {
    std::vector<v1::Article> all;
    v1::ListArticlesRequest request;
    request.set_page_size(1000);
    for (int page = 0; page < 1000; ++page) {
      v1::ListArticlesResponse response;
      auto context = Context();
      grpc::Status status =
          query_stub_->ListArticles(context.get(), request, &response);
      if (!status.ok()) {
        ADD_FAILURE() << "ListArticles: " << status.error_message();
        return std::nullopt;
      }
      for (auto& article : *response.mutable_articles())
        all.push_back(std::move(article));
      if (response.next_page_token().empty()) return all;
      request.set_page_token(response.next_page_token());
    }
    ADD_FAILURE() << "ListArticles never reached its last page";
    return std::nullopt;
  }

  // GetArticle, waiting for `token` when given.
  grpc::Status GetArticle(const std::string& name, const std::string& token,
                          v1::Article* article) {
    auto context = Context(token);
    v1::GetArticleRequest request;
    request.set_name(name);
    return query_stub_->GetArticle(context.get(), request, article);
  }

  // Checks that `name` is stored completely: the body sent, the quotes and
  // mentions of `expected` (the acknowledgement, or the stored article
  // itself), its utterances through ListQuotes and GetQuote. Returns the
  // number of problems found (each reported as a test failure).
  int CheckComplete(const std::string& name, const v1::Article& expected,
                    const std::string& token) {
    const std::string where = absl::StrCat(name, " (", expected.url(), ")");
    v1::Article stored;
    grpc::Status status = GetArticle(name, token, &stored);
    if (!status.ok()) {
      ADD_FAILURE() << where << ": GetArticle " << status.error_code() << " "
                    << status.error_message();
      return 1;
    }
    int problems = 0;
    auto sent = sent_by_url_.find(stored.url());
    if (sent == sent_by_url_.end()) {
      ADD_FAILURE() << where << ": stored article was never sent (url "
                    << stored.url() << ")";
      return 1;
    }
    const v1::Article& original = sent->second.article();
    if (stored.body() != original.body() ||
        stored.title() != original.title() ||
        stored.source() != original.source() ||
        stored.publish_time().seconds() != original.publish_time().seconds()) {
      ADD_FAILURE() << where << ": stored fields differ from the upload";
      ++problems;
    }
    if (stored.quotes_size() != expected.quotes_size() ||
        stored.mentions_size() != expected.mentions_size()) {
      ADD_FAILURE() << where << ": " << stored.quotes_size() << " quotes and "
                    << stored.mentions_size() << " mentions stored, "
                    << expected.quotes_size() << " and "
                    << expected.mentions_size() << " acknowledged";
      return problems + 1;
    }
    for (int i = 0; i < stored.quotes_size(); ++i) {
      if (!MessageDifferencer::Equals(stored.quotes(i), expected.quotes(i))) {
        ADD_FAILURE() << where << ": quote " << i << " differs:\nstored "
                      << stored.quotes(i).ShortDebugString() << "\nacked "
                      << expected.quotes(i).ShortDebugString();
        ++problems;
      }
    }
    for (int i = 0; i < stored.mentions_size(); ++i) {
      if (!MessageDifferencer::Equals(stored.mentions(i),
                                      expected.mentions(i))) {
        ADD_FAILURE() << where << ": mention " << i << " differs";
        ++problems;
      }
    }
    // Utterances: ListQuotes(article) must return exactly the quotes printed.
    std::set<std::string> printed;
    for (const auto& appearance : stored.quotes()) {
      if (appearance.quote().empty()) {
        ADD_FAILURE() << where << ": appearance without an utterance: "
                      << appearance.ShortDebugString();
        ++problems;
        continue;
      }
      printed.insert(appearance.quote());
    }
    std::set<std::string> listed;
    v1::ListQuotesRequest list;
    list.set_article(name);
    list.set_page_size(1000);
    v1::ListQuotesResponse quotes;
    auto context = Context();
    status = query_stub_->ListQuotes(context.get(), list, &quotes);
    if (!status.ok()) {
      ADD_FAILURE() << where << ": ListQuotes " << status.error_message();
      return problems + 1;
    }
    for (const auto& quote : quotes.quotes()) listed.insert(quote.name());
    if (listed != printed) {
      ADD_FAILURE() << where << ": ListQuotes(article) returned "
                    << listed.size() << " utterances, the article prints "
                    << printed.size();
      ++problems;
    }
    for (const auto& appearance : stored.quotes()) {
      if (appearance.quote().empty()) continue;
      v1::GetQuoteRequest get;
      get.set_name(appearance.quote());
      v1::Quote quote;
      auto quote_context = Context();
      status = query_stub_->GetQuote(quote_context.get(), get, &quote);
      if (!status.ok()) {
        ADD_FAILURE() << where << ": GetQuote(" << appearance.quote() << ") "
                      << status.error_message();
        ++problems;
        continue;
      }
      const bool found =
          std::any_of(quote.appearances().begin(), quote.appearances().end(),
                      [&](const auto& a) {
                        return a.article() == name &&
                               a.start_offset() == appearance.start_offset() &&
                               a.text() == appearance.text();
                      });
      if (!found) {
        ADD_FAILURE() << where << ": " << appearance.quote()
                      << " does not list this article's appearance at "
                      << appearance.start_offset();
        ++problems;
      }
    }
    return problems;
  }

  // Checks every acknowledged article after each of `trials` SIGKILLs; the
  // body of both tests below.
  void RunTrials(int trials);

  bool sync_ = false;  // start ingest with --sync
  testing::TempDir dir_;
  std::string db_flag_;
  std::unique_ptr<ServiceProcess> ingest_;
  std::unique_ptr<ServiceProcess> query_;
  std::shared_ptr<grpc::Channel> ingest_channel_;
  std::shared_ptr<grpc::Channel> query_channel_;
  std::unique_ptr<v1::IngestService::Stub> ingest_stub_;
  std::unique_ptr<v1::QueryService::Stub> query_stub_;
  std::map<std::string, v1::CreateArticleRequest> sent_by_url_;
};

void CrashConsistencyTest::RunTrials(int trials) {
  ArticleGenerator generator(kSeed);
  // name -> acknowledged article (without body) and its consistency token.
  std::map<std::string, std::pair<v1::Article, std::string>> acknowledged;
  int interrupted_trials = 0;
  int total_acked = 0;
  int total_sent = 0;

  for (int trial = 0; trial < trials; ++trial) {
    SCOPED_TRACE(absl::StrCat("trial ", trial));
    const std::string host = absl::StrCat("trial", trial, ".example");
    const bool two_streams = trial % 3 == 2;
    const bool kill_on_ack = trial % 3 == 1;
    // More than can be stored before the kill: the stream is cut mid-way.
    const int per_stream = 1500;
    std::vector<std::vector<v1::CreateArticleRequest>> batches(two_streams ? 2
                                                                           : 1);
    for (size_t s = 0; s < batches.size(); ++s) {
      for (int i = 0; i < per_stream; ++i) {
        auto request =
            generator.Next(host, absl::StrCat(trial, "-", s, "-", i));
        sent_by_url_[request.article().url()] = request;
        batches[s].push_back(std::move(request));
      }
    }
    // Varied crash points: early (before the first result), mid-stream, or
    // immediately after a given acknowledgement.
    const int delay_ms =
        trial % 4 == 0 ? generator.Uniform(0, 15) : generator.Uniform(20, 600);
    const int kill_after_acks = generator.Uniform(1, 60);
    const pid_t pid = ingest_->pid();
    std::atomic<bool> killed{false};
    auto kill_now = [&] {
      if (!killed.exchange(true)) kill(pid, SIGKILL);
    };

    std::vector<StreamOutcome> outcomes(batches.size());
    std::vector<std::thread> streams;
    for (size_t s = 0; s < batches.size(); ++s) {
      streams.emplace_back([&, s] {
        outcomes[s] = Stream(batches[s], [&](int acks) {
          if (kill_on_ack && acks == kill_after_acks) kill_now();
        });
      });
    }
    if (!kill_on_ack) {
      absl::SleepFor(absl::Milliseconds(delay_ms));
      kill_now();
    } else {
      // Bounded: if the k-th ack never comes, kill anyway.
      const absl::Time give_up = absl::Now() + absl::Seconds(20);
      while (!killed.load() && absl::Now() < give_up)
        absl::SleepFor(absl::Milliseconds(1));
      kill_now();
    }
    for (auto& thread : streams) thread.join();
    auto exit = ingest_->StopWith(SIGKILL, absl::Seconds(10));
    ASSERT_TRUE(exit.ok()) << exit.status();
    ASSERT_TRUE(WIFSIGNALED(*exit) && WTERMSIG(*exit) == SIGKILL)
        << "wait status " << *exit;

    int trial_acked = 0;
    int trial_sent = 0;
    bool interrupted = false;
    for (size_t s = 0; s < batches.size(); ++s) {
      trial_acked += static_cast<int>(outcomes[s].acked.size());
      trial_sent += static_cast<int>(batches[s].size());
      if (outcomes[s].results < static_cast<int>(batches[s].size()))
        interrupted = true;
      EXPECT_EQ(outcomes[s].failed, 0);
      for (const auto& result : outcomes[s].acked) {
        ASSERT_FALSE(result.article().name().empty());
        EXPECT_TRUE(result.created()) << result.article().name();
        EXPECT_FALSE(result.consistency_token().empty());
        acknowledged[result.article().name()] = {result.article(),
                                                 result.consistency_token()};
      }
    }
    interrupted_trials += interrupted ? 1 : 0;
    total_acked += trial_acked;
    total_sent += trial_sent;
    std::printf("trial %2d: %s, %-20s %4d of %4d acknowledged before SIGKILL\n",
                trial, two_streams ? "2 streams" : "1 stream",
                kill_on_ack
                    ? absl::StrCat("kill after ack ", kill_after_acks).c_str()
                    : absl::StrCat("kill after ", delay_ms, " ms").c_str(),
                trial_acked, trial_sent);
    std::fflush(stdout);

    // Ingest is dead: the query service keeps answering.
    EXPECT_TRUE(QueryServing())
        << "query service not SERVING while ingest is down";
    EXPECT_TRUE(ListAllArticles().has_value());

    if (trial % 6 == 5) {
      // A second crash while the restarted ingest is still opening the store
      // and replaying its write-ahead log.
      const int startup_kill_ms = generator.Uniform(0, 80);
      auto doomed = ServiceProcess::Start(VERBATIM_INGEST_BINARY, IngestArgs(),
                                          dir_.path() + "/ingest.log");
      ASSERT_TRUE(doomed.ok()) << doomed.status();
      absl::SleepFor(absl::Milliseconds(startup_kill_ms));
      ASSERT_TRUE((*doomed)->StopWith(SIGKILL, absl::Seconds(10)).ok());
      std::printf("          and killed again %d ms into the restart\n",
                  startup_kill_ms);
    }
    ASSERT_TRUE(StartIngest());

    // Every article acknowledged in this trial is there and complete.
    for (size_t s = 0; s < outcomes.size(); ++s) {
      for (const auto& result : outcomes[s].acked) {
        EXPECT_EQ(CheckComplete(result.article().name(), result.article(),
                                result.consistency_token()),
                  0);
      }
    }
    // The query service follows the restarted ingest: a new write becomes
    // readable with its token.
    {
      auto probe = generator.Next(host, absl::StrCat(trial, "-probe"));
      sent_by_url_[probe.article().url()] = probe;
      auto context = Context();
      v1::Article created;
      grpc::Status status =
          ingest_stub_->CreateArticle(context.get(), probe, &created);
      ASSERT_TRUE(status.ok()) << status.error_message();
      const auto token = context->GetServerInitialMetadata().find(kTokenHeader);
      ASSERT_NE(token, context->GetServerInitialMetadata().end());
      const std::string token_value(token->second.data(), token->second.size());
      created.clear_body();
      acknowledged[created.name()] = {created, token_value};
      EXPECT_EQ(CheckComplete(created.name(), created, token_value), 0)
          << "query service did not catch up with the restarted ingest";
    }
    // Nothing half-written: everything listed is complete, and everything
    // acknowledged so far is listed.
    auto listed = ListAllArticles();
    ASSERT_TRUE(listed.has_value());
    std::set<std::string> listed_names;
    for (const auto& article : *listed) {
      listed_names.insert(article.name());
      if (!absl::StrContains(article.url(), absl::StrCat("//", host, "/")))
        continue;
      auto ack = acknowledged.find(article.name());
      // Unacknowledged but stored (the ack was lost with the process): the
      // article must still be whole; compare it against itself and the upload.
      v1::Article reference;
      if (ack != acknowledged.end()) {
        reference = ack->second.first;
      } else {
        ASSERT_TRUE(GetArticle(article.name(), "", &reference).ok());
      }
      EXPECT_EQ(CheckComplete(article.name(), reference, ""), 0);
    }
    for (const auto& [name, ack] : acknowledged) {
      EXPECT_TRUE(listed_names.count(name))
          << name << " acknowledged but not listed";
    }
    if (HasFatalFailure()) return;
  }

  // The whole store at the end. The last trial's probe was written after
  // every other article and has been read back with its token, so the query
  // service has seen everything.
  auto listed = ListAllArticles();
  ASSERT_TRUE(listed.has_value());
  std::set<std::string> urls;
  int problems = 0;
  for (const auto& article : *listed) {
    EXPECT_TRUE(urls.insert(article.url()).second)
        << article.url() << " stored twice";
    auto ack = acknowledged.find(article.name());
    v1::Article reference;
    if (ack != acknowledged.end()) {
      reference = ack->second.first;
    } else {
      ASSERT_TRUE(GetArticle(article.name(), "", &reference).ok());
    }
    problems += CheckComplete(article.name(), reference, "");
  }
  EXPECT_EQ(problems, 0);
  for (const auto& [name, ack] : acknowledged) {
    EXPECT_TRUE(urls.count(ack.first.url()))
        << name << " acknowledged but not listed";
  }

  // Upload every stored article again, without crashes: each is recognised
  // (created=false, same name) and nothing new is stored.
  std::vector<v1::CreateArticleRequest> again_requests;
  std::map<std::string, std::string> name_by_url;
  for (const auto& article : *listed) {
    auto sent = sent_by_url_.find(article.url());
    if (sent == sent_by_url_.end()) continue;  // reported by CheckComplete
    again_requests.push_back(sent->second);
    name_by_url[article.url()] = article.name();
  }
  StreamOutcome again = Stream(again_requests, nullptr);
  ASSERT_EQ(again.results, static_cast<int>(again_requests.size()));
  ASSERT_EQ(static_cast<int>(again.acked.size()), again.results);
  for (const auto& result : again.acked) {
    EXPECT_FALSE(result.created()) << result.article().url() << " stored twice";
    EXPECT_EQ(result.article().name(), name_by_url[result.article().url()]);
  }
  {
    v1::Article last;
    ASSERT_TRUE(GetArticle(again.acked.back().article().name(),
                           again.acked.back().consistency_token(), &last)
                    .ok());
  }
  auto listed_again = ListAllArticles();
  ASSERT_TRUE(listed_again.has_value());
  EXPECT_EQ(listed_again->size(), listed->size());

  // The test must actually have crashed the ingest mid-upload most of the time.
  EXPECT_GE(interrupted_trials, trials / 2);
  EXPECT_GT(total_acked, 0);
  std::printf(
      "%d trials (%d interrupted mid-stream), %d articles streamed, %d "
      "acknowledged "
      "before a SIGKILL, %zu stored in the end (%zu without an "
      "acknowledgement), "
      "all complete\n",
      trials, interrupted_trials, total_sent, total_acked, listed->size(),
      listed->size() - acknowledged.size());
}

TEST_F(CrashConsistencyTest,
       AcknowledgedArticlesSurviveKill9AndNothingIsHalfWritten) {
  RunTrials(TrialsFromEnv("VERBATIM_CRASH_TRIALS", kTrials));
}

// The same with ingest fsyncing its WAL on every article (--sync).
class SyncCrashConsistencyTest : public CrashConsistencyTest {
 protected:
  SyncCrashConsistencyTest() { sync_ = true; }
};

TEST_F(SyncCrashConsistencyTest, WithSyncAcknowledgedArticlesSurviveKill9) {
  RunTrials(TrialsFromEnv("VERBATIM_CRASH_SYNC_TRIALS", kSyncTrials));
}

}  // namespace
}  // namespace verbatim::reliability
