#include "tests/bench/load_client.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <semaphore>
#include <sstream>
#include <thread>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/text/stop_words.h"
#include "google/protobuf/util/time_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "tests/bench/corpus.h"
#include "tests/e2e/service_process.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"
#include "verbatim/v1/query_service.grpc.pb.h"

namespace verbatim::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// ---------------------------------------------------------------------------
// /proc and the file system.

// A field of /proc/PID/status in KiB (VmHWM, VmRSS), -1 if unreadable.
double ProcStatusKib(pid_t pid, const std::string& field) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) {
      std::istringstream fields(line.substr(field.size() + 1));
      double kib = -1;
      fields >> kib;
      return kib;
    }
  }
  return -1;
}

// utime + stime of a process in seconds.
double ProcCpuSeconds(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/stat"));
  std::string stat((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  const size_t paren = stat.rfind(')');
  if (paren == std::string::npos) return 0;
  std::vector<std::string> f = absl::StrSplit(stat.substr(paren + 2), ' ');
  // After the command: state is field 3 (index 0 here); utime 14, stime 15.
  if (f.size() < 13) return 0;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  return (std::stod(f[11]) + std::stod(f[12])) / ticks;
}

double SelfCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Like du: allocated blocks of every file under `dir`.
uint64_t DuBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    struct stat st {};
    if (lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      total += static_cast<uint64_t>(st.st_blocks) * 512;
    }
  }
  return total;
}

std::string CountLabel(uint64_t n) {
  if (n >= 1000000 && n % 1000000 == 0) return absl::StrCat(n / 1000000, "m");
  if (n >= 1000 && n % 1000 == 0) return absl::StrCat(n / 1000, "k");
  return absl::StrCat(n);
}

// ---------------------------------------------------------------------------

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address, int id) {
  grpc::ChannelArguments args;
  // Distinct arguments give each stream its own connection.
  args.SetInt("verbatim.bench.channel_id", id);
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

// A fixed-size uniform sample of a stream of strings.
class Reservoir {
 public:
  explicit Reservoir(size_t cap, uint64_t seed) : cap_(cap), state_(seed | 1) {}
  void Add(std::string value) {
    ++seen_;
    if (items_.size() < cap_) {
      items_.push_back(std::move(value));
      return;
    }
    const uint64_t j = Next() % seen_;
    if (j < cap_) items_[j] = std::move(value);
  }
  const std::vector<std::string>& items() const { return items_; }

 private:
  uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  size_t cap_;
  uint64_t state_;
  uint64_t seen_ = 0;
  std::vector<std::string> items_;
};

// What the query benchmarks ask for, sampled from ingest results.
struct QuerySamples {
  std::mutex mu;
  Reservoir quotes{4096, 11};    // quotes/{id}
  Reservoir speakers{4096, 12};  // entities/{slug}, one per attributed quote
  Reservoir search_terms{4096, 13};    // two content words of a quote
  Reservoir entity_queries{4096, 14};  // a speaker's surname
  std::string last_article;
  uint64_t last_article_id = 0;
};

// A word a reader would search for: 4+ letters and not a stop word (which
// search refuses on its own).
bool IsContentWord(const std::string& word) {
  return word.size() >= 4 &&
         !text::IsSearchStopWord(absl::AsciiStrToLower(word));
}

// A search a reader would type: two consecutive content words of a quote,
// e.g. "science block"; one word when the quote has no such pair; empty when
// it has none.
std::string SearchTerms(const std::string& text, uint64_t pick) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w.push_back(c);
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  std::vector<size_t> pairs;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (IsContentWord(words[i]) && IsContentWord(words[i + 1]))
      pairs.push_back(i);
  }
  if (!pairs.empty()) {
    const size_t i = pairs[pick % pairs.size()];
    return absl::StrCat(words[i], " ", words[i + 1]);
  }
  for (const std::string& word : words) {
    if (IsContentWord(word)) return word;
  }
  return "";
}

void Collect(const v1::Article& article, QuerySamples& samples) {
  std::lock_guard<std::mutex> lock(samples.mu);
  const std::string& name = article.name();
  uint64_t id = 0;
  if (name.rfind("articles/", 0) == 0)
    id = std::strtoull(name.c_str() + 9, nullptr, 10);
  if (id >= samples.last_article_id) {
    samples.last_article_id = id;
    samples.last_article = name;
  }
  uint64_t k = id * 2654435761u;
  for (const v1::QuoteAppearance& q : article.quotes()) {
    ++k;
    if (!q.quote().empty()) samples.quotes.Add(q.quote());
    if (!q.speaker().empty()) {
      samples.speakers.Add(q.speaker());
      const std::string& display = q.speaker_display_name();
      const size_t space = display.rfind(' ');
      samples.entity_queries.Add(
          space == std::string::npos ? display : display.substr(space + 1));
    }
    const std::string terms = SearchTerms(q.text(), k);
    if (!terms.empty()) samples.search_terms.Add(terms);
  }
}

// Counts shared by the ingest streams.
struct IngestCounters {
  std::atomic<uint64_t> sent{0}, created{0}, errors{0}, body_bytes{0};
  std::mutex error_mu;
  std::string first_error;
};

// Streams the articles `indices` over one StreamArticles call with up to
// `window` requests in flight. `done_seconds[j]` (if not null) receives the
// completion time of indices[j] relative to `t0`. Stops early when `stop`.
absl::Status RunStream(const std::shared_ptr<grpc::Channel>& channel,
                       const CorpusGenerator& gen,
                       const std::vector<uint64_t>& indices, int window,
                       Clock::time_point t0, float* done_seconds,
                       QuerySamples* samples, IngestCounters& counters,
                       const std::atomic<bool>* stop) {
  auto stub = v1::IngestService::NewStub(channel);
  grpc::ClientContext context;
  auto stream = stub->StreamArticles(&context);
  std::counting_semaphore<4096> slots(window);
  std::thread reader([&] {
    v1::CreateArticleResult result;
    while (stream->Read(&result)) {
      slots.release();
      const int64_t j = result.index();
      if (done_seconds != nullptr && j >= 0 &&
          static_cast<size_t>(j) < indices.size()) {
        done_seconds[j] = static_cast<float>(Seconds(t0));
      }
      if (result.status().code() != 0) {
        counters.errors.fetch_add(1);
        std::lock_guard<std::mutex> lock(counters.error_mu);
        if (counters.first_error.empty()) {
          counters.first_error = absl::StrCat("code ", result.status().code(),
                                              ": ", result.status().message());
        }
        continue;
      }
      if (result.created()) counters.created.fetch_add(1);
      if (samples != nullptr) Collect(result.article(), *samples);
    }
  });
  for (uint64_t index : indices) {
    if (stop != nullptr && stop->load()) break;
    slots.acquire();
    v1::CreateArticleRequest request = ToRequest(gen.Generate(index));
    counters.body_bytes.fetch_add(request.article().body().size());
    counters.sent.fetch_add(1);
    if (!stream->Write(request)) break;
  }
  stream->WritesDone();
  reader.join();
  grpc::Status status = stream->Finish();
  if (!status.ok()) {
    return absl::UnavailableError(
        absl::StrCat("StreamArticles: ", status.error_message()));
  }
  return absl::OkStatus();
}

// Latency samples (microseconds) and failures of one operation.
struct OpSamples {
  std::vector<double> us;
  uint64_t errors = 0;
  std::string first_error;
};

class Querier {
 public:
  Querier(const std::shared_ptr<grpc::Channel>& channel)
      : query_(v1::QueryService::NewStub(channel)),
        health_(grpc::health::v1::Health::NewStub(channel)) {}

  // Runs `n` timed calls (after `warmup` untimed ones) of `op`, sequentially.
  // Stops early after `budget_s` seconds of timed calls (0: no limit).
  OpSamples Measure(const std::string& op, const QuerySamples& samples, int n,
                    int warmup, double budget_s) {
    OpSamples out;
    uint64_t k = 0x1234567;
    Clock::time_point timed_start = Clock::now();
    const Clock::time_point warmup_start = Clock::now();
    for (int i = -warmup; i < n; ++i) {
      // Warm-up is bounded too: a quarter of the budget.
      if (i < 0 && budget_s > 0 && Seconds(warmup_start) > budget_s / 4) i = 0;
      if (i == 0) timed_start = Clock::now();
      if (i > 20 && budget_s > 0 && Seconds(timed_start) > budget_s) break;
      k = k * 6364136223846793005ULL + 1442695040888963407ULL;
      const auto start = Clock::now();
      grpc::Status status = Call(op, samples, k >> 17);
      const double us =
          std::chrono::duration<double, std::micro>(Clock::now() - start)
              .count();
      if (i < 0) continue;
      if (status.ok()) {
        out.us.push_back(us);
      } else {
        ++out.errors;
        if (out.first_error.empty()) {
          out.first_error = absl::StrCat(op, ": ", status.error_code(), " ",
                                         status.error_message());
        }
      }
    }
    return out;
  }

 private:
  static const std::string& Pick(const Reservoir& r, uint64_t k) {
    static const std::string kEmpty;
    return r.items().empty() ? kEmpty : r.items()[k % r.items().size()];
  }

  grpc::Status Call(const std::string& op, const QuerySamples& s, uint64_t k) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    if (op == "health") {
      grpc::health::v1::HealthCheckRequest request;
      grpc::health::v1::HealthCheckResponse response;
      return health_->Check(&context, request, &response);
    }
    if (op == "get_quote") {
      v1::GetQuoteRequest request;
      request.set_name(Pick(s.quotes, k));
      v1::Quote response;
      return query_->GetQuote(&context, request, &response);
    }
    if (op == "list_quotes") {
      v1::ListQuotesRequest request;
      request.set_speaker(Pick(s.speakers, k));
      request.set_page_size(50);
      v1::ListQuotesResponse response;
      return query_->ListQuotes(&context, request, &response);
    }
    if (op == "search_quotes") {
      v1::SearchQuotesRequest request;
      request.set_query(Pick(s.search_terms, k));
      request.set_page_size(50);
      v1::SearchQuotesResponse response;
      return query_->SearchQuotes(&context, request, &response);
    }
    if (op == "search_entities") {
      v1::SearchEntitiesRequest request;
      request.set_query(Pick(s.entity_queries, k));
      request.set_page_size(50);
      v1::SearchEntitiesResponse response;
      return query_->SearchEntities(&context, request, &response);
    }
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, op);
  }

  std::unique_ptr<v1::QueryService::Stub> query_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
};

bool ArticleVisible(v1::QueryService::Stub& stub, const std::string& name) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  v1::GetArticleRequest request;
  request.set_name(name);
  v1::Article response;
  return stub.GetArticle(&context, request, &response).ok();
}

// A fresh directory under `parent`, removed with its contents when this
// object dies unless `keep`.
class ScratchDir {
 public:
  static absl::StatusOr<ScratchDir> Make(const std::string& parent,
                                         const std::string& prefix, bool keep) {
    std::string pattern = absl::StrCat(parent, "/", prefix, "XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) {
      return absl::InternalError(
          absl::StrCat("mkdtemp in ", parent, " failed"));
    }
    return ScratchDir(std::move(pattern), keep);
  }
  ScratchDir(ScratchDir&& other) noexcept
      : path_(std::exchange(other.path_, "")), keep_(other.keep_) {}
  ScratchDir& operator=(ScratchDir&&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    if (!keep_ && !path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  ScratchDir(std::string path, bool keep)
      : path_(std::move(path)), keep_(keep) {}
  std::string path_;
  bool keep_;
};

class Scenario {
 public:
  explicit Scenario(const ScenarioOptions& options)
      : o_(options), gen_(options.seed) {}

  absl::StatusOr<ScenarioResult> Run();

 private:
  void Emit(const std::string& name, double value, const std::string& unit) {
    Figure f{o_.prefix + name, value, unit};
    if (o_.on_figure) o_.on_figure(f);
    result_.figures.push_back(std::move(f));
  }
  void Log(const std::string& line) {
    if (o_.log) o_.log(line);
  }
  absl::Status StartServices();
  absl::Status StartQueryService(const std::string& secondary_path,
                                 const std::string& log_path);
  // RunScenario on a kept store (ScenarioOptions::kept_store).
  absl::StatusOr<ScenarioResult> RunOnKeptStore();
  // Fills samples_ from `count` articles drawn uniformly from the stored ones
  // (ids 1..N, found by probing GetArticle); returns N.
  absl::StatusOr<uint64_t> SampleStoredArticles(int count);
  // Ingests [begin, end) on all streams; stops early (truncated_) when the
  // segment time budget runs out.
  absl::Status Ingest(uint64_t begin, uint64_t end);
  absl::Status WaitVisible(const std::string& name, double timeout_s,
                           double* waited_ms);
  void MeasureQueries(const std::string& suffix);
  // Waits until the ingest service uses under 5 % of a core for a second, or
  // the settle budget runs out; emits the wait and the CPU spent meanwhile.
  void Settle(const std::string& suffix);
  // Emits name + "_p50_ms" + suffix etc.
  void MeasureLag(const std::string& name, const std::string& suffix,
                  int samples);
  void StartBackgroundIngest();
  void StopBackgroundIngest(const std::string& suffix);
  void EmitPercentiles(const std::string& op, OpSamples& s,
                       const std::string& suffix);

  const ScenarioOptions o_;
  const CorpusGenerator gen_;
  ScenarioResult result_;
  std::string dir_;
  std::unique_ptr<e2e::ServiceProcess> ingest_, query_;
  std::string ingest_address_, query_address_;
  std::vector<std::shared_ptr<grpc::Channel>> ingest_channels_;
  std::shared_ptr<grpc::Channel> query_channel_;
  QuerySamples samples_;
  IngestCounters main_counters_;
  std::vector<float> done_seconds_;  // by article index, main ingest
  Clock::time_point t0_;
  double ingest_seconds_ = 0, ingest_cpu_ = 0, client_cpu_ = 0;
  // Articles beyond the main range (background ingest, lag probes).
  std::atomic<uint64_t> next_extra_{0};
  std::atomic<bool> bg_stop_{false};
  std::thread bg_thread_;
  IngestCounters bg_counters_;
  Clock::time_point bg_start_;
  bool truncated_ = false;
  uint64_t completed_ = 0;  // main-ingest articles answered so far
};

absl::Status Scenario::StartServices() {
  const std::string db = absl::StrCat("--db=", dir_, "/db");
  std::vector<std::string> ingest_args = {"--listen=127.0.0.1:0", db};
  if (o_.sync) ingest_args.push_back("--sync");
  auto ingest = e2e::ServiceProcess::Start(VERBATIM_INGEST_BINARY, ingest_args,
                                           dir_ + "/ingest.log");
  if (!ingest.ok()) return ingest.status();
  ingest_ = *std::move(ingest);
  auto ingest_address = ingest_->WaitForAddress(absl::Seconds(60));
  if (!ingest_address.ok()) return ingest_address.status();
  ingest_address_ = *ingest_address;
  for (int i = 0; i < o_.streams; ++i) {
    ingest_channels_.push_back(MakeChannel(ingest_address_, i));
  }
  return StartQueryService(dir_ + "/secondary", dir_ + "/query.log");
}

absl::Status Scenario::StartQueryService(const std::string& secondary_path,
                                         const std::string& log_path) {
  std::vector<std::string> args = {
      "--listen=127.0.0.1:0", absl::StrCat("--db=", dir_, "/db"),
      absl::StrCat("--secondary_path=", secondary_path),
      absl::StrCat("--catchup_interval_ms=", o_.catchup_interval_ms)};
  args.insert(args.end(), o_.query_flags.begin(), o_.query_flags.end());
  auto query =
      e2e::ServiceProcess::Start(VERBATIM_QUERY_BINARY, args, log_path);
  if (!query.ok()) return query.status();
  query_ = *std::move(query);
  auto query_address = query_->WaitForAddress(absl::Seconds(60));
  if (!query_address.ok()) return query_address.status();
  query_address_ = *query_address;
  query_channel_ = MakeChannel(query_address_, 1000);
  // Wait for SERVING.
  auto health = grpc::health::v1::Health::NewStub(query_channel_);
  const auto start = Clock::now();
  while (Seconds(start) < 60) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (health->Check(&context, request, &response).ok() &&
        response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      return absl::OkStatus();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return absl::DeadlineExceededError("query service never reported SERVING");
}

absl::Status Scenario::Ingest(uint64_t begin, uint64_t end) {
  const double cpu0 = ProcCpuSeconds(ingest_->pid());
  const double self0 = SelfCpuSeconds();
  const auto start = Clock::now();
  const uint64_t created0 = main_counters_.created.load();
  const uint64_t bytes0 = main_counters_.body_bytes.load();
  std::vector<std::vector<uint64_t>> per_stream(o_.streams);
  for (uint64_t i = begin; i < end; ++i)
    per_stream[i % o_.streams].push_back(i);
  // done_seconds_ is by article index: each stream writes its own slots
  // through a per-stream staging vector, copied back after the join.
  std::vector<std::vector<float>> done(o_.streams);
  std::vector<absl::Status> statuses(o_.streams);
  std::vector<std::thread> threads;
  std::atomic<bool> stop{false};
  std::mutex watchdog_mu;
  std::condition_variable watchdog_cv;
  bool finished = false;
  std::thread watchdog([&] {
    if (o_.segment_time_budget_s <= 0) return;
    std::unique_lock<std::mutex> lock(watchdog_mu);
    if (!watchdog_cv.wait_for(
            lock, std::chrono::duration<double>(o_.segment_time_budget_s),
            [&] { return finished; })) {
      stop = true;
    }
  });
  for (int s = 0; s < o_.streams; ++s) {
    done[s].assign(per_stream[s].size(), 0.0f);
    threads.emplace_back([&, s] {
      statuses[s] =
          RunStream(ingest_channels_[s], gen_, per_stream[s], o_.window, t0_,
                    done[s].data(), &samples_, main_counters_, &stop);
    });
  }
  for (std::thread& t : threads) t.join();
  {
    std::lock_guard<std::mutex> lock(watchdog_mu);
    finished = true;
  }
  watchdog_cv.notify_all();
  watchdog.join();
  const uint64_t sent_before = completed_;
  completed_ = main_counters_.sent.load();
  if (stop.load()) {
    truncated_ = true;
    Log(absl::StrCat("segment time budget of ", o_.segment_time_budget_s,
                     " s reached: stored ", completed_, " of ", end,
                     " articles"));
  }
  const double seconds = Seconds(start);
  for (int s = 0; s < o_.streams; ++s) {
    if (!statuses[s].ok()) return statuses[s];
    for (size_t j = 0; j < per_stream[s].size(); ++j) {
      done_seconds_[per_stream[s][j]] = done[s][j];
    }
  }
  const double cpu = ProcCpuSeconds(ingest_->pid()) - cpu0;
  const double self = SelfCpuSeconds() - self0;
  ingest_seconds_ += seconds;
  ingest_cpu_ += cpu;
  client_cpu_ += self;
  const double n = static_cast<double>(completed_ - sent_before);
  const double mb =
      static_cast<double>(main_counters_.body_bytes.load() - bytes0) / 1e6;
  Log(absl::StrCat("ingested [", begin, ", ", end, ") in ", seconds,
                   " s: ", n / seconds, " articles/s, ", mb / seconds,
                   " MB/s, created ", main_counters_.created.load() - created0,
                   ", errors ", main_counters_.errors.load(),
                   main_counters_.first_error.empty()
                       ? ""
                       : " (" + main_counters_.first_error + ")"));
  const std::string label = CountLabel(truncated_ ? completed_ : end);
  Emit(absl::StrCat("ingest_articles_per_s_to_", label), n / seconds,
       "articles/s");
  Emit(absl::StrCat("ingest_rss_mib_at_", label),
       ProcStatusKib(ingest_->pid(), "VmRSS") / 1024, "MiB");
  return absl::OkStatus();
}

absl::Status Scenario::WaitVisible(const std::string& name, double timeout_s,
                                   double* waited_ms) {
  auto stub = v1::QueryService::NewStub(query_channel_);
  const auto start = Clock::now();
  while (Seconds(start) < timeout_s) {
    if (ArticleVisible(*stub, name)) {
      if (waited_ms != nullptr) *waited_ms = Seconds(start) * 1000;
      return absl::OkStatus();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return absl::DeadlineExceededError(
      absl::StrCat(name, " not visible after ", timeout_s, " s"));
}

void Scenario::EmitPercentiles(const std::string& op, OpSamples& s,
                               const std::string& suffix) {
  if (s.errors > 0) {
    result_.query_errors += s.errors;
    Log(absl::StrCat("errors in ", op, suffix, ": ", s.errors, " (",
                     s.first_error, ")"));
  }
  Emit(absl::StrCat(op, "_p50_us", suffix), Percentile(s.us, 50), "us");
  Emit(absl::StrCat(op, "_p99_us", suffix), Percentile(s.us, 99), "us");
  Emit(absl::StrCat(op, "_p999_us", suffix), Percentile(s.us, 99.9), "us");
  Emit(absl::StrCat(op, "_errors", suffix), static_cast<double>(s.errors),
       "count");
  Emit(absl::StrCat(op, "_samples", suffix), static_cast<double>(s.us.size()),
       "count");
}

void Scenario::MeasureQueries(const std::string& suffix) {
  Querier querier(query_channel_);
  const int n = o_.query_requests;
  // The floor first and last, so drifting load shows.
  for (const char* op : {"health", "get_quote", "list_quotes", "search_quotes",
                         "search_entities"}) {
    // The two cheap point reads get more samples: their p99.9 matters.
    const bool cheap =
        std::string(op) == "health" || std::string(op) == "get_quote";
    OpSamples s = querier.Measure(op, samples_, cheap ? 2 * n : n,
                                  std::min(100, n / 4), o_.op_time_budget_s);
    EmitPercentiles(op, s, suffix);
  }
}

void Scenario::Settle(const std::string& suffix) {
  // Idle: background flushes and compactions have finished.
  constexpr double kIdleCpuShare = 0.05;
  constexpr double kWindowS = 1.0;
  const auto start = Clock::now();
  const double cpu_at_start = ProcCpuSeconds(ingest_->pid());
  double cpu = cpu_at_start;
  bool idle = false;
  while (!idle && Seconds(start) < o_.settle_time_budget_s) {
    std::this_thread::sleep_for(std::chrono::duration<double>(kWindowS));
    const double now = ProcCpuSeconds(ingest_->pid());
    idle = now - cpu < kIdleCpuShare * kWindowS;
    cpu = now;
  }
  const double waited = Seconds(start);
  Log(absl::StrCat(idle ? "ingest service idle after " : "still busy after ",
                   waited, " s"));
  Emit("settle_after_bulk_s" + suffix, waited, "s");
  Emit("settle_ingest_cpu_s" + suffix, cpu - cpu_at_start, "s");
  Emit("settled" + suffix, idle ? 1 : 0, "bool");
}

void Scenario::MeasureLag(const std::string& name, const std::string& suffix,
                          int samples) {
  auto ingest = v1::IngestService::NewStub(ingest_channels_[0]);
  auto query = v1::QueryService::NewStub(query_channel_);
  std::vector<double> lags;
  uint64_t failures = 0;
  uint64_t k = 99;
  for (int i = 0; i < samples; ++i) {
    // Unaligned with the catch-up period.
    k = k * 6364136223846793005ULL + 1442695040888963407ULL;
    std::this_thread::sleep_for(std::chrono::microseconds((k >> 33) % 20000));
    v1::CreateArticleRequest request =
        ToRequest(gen_.Generate(next_extra_.fetch_add(1)));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    v1::Article article;
    if (!ingest->CreateArticle(&context, request, &article).ok()) {
      ++failures;
      continue;
    }
    const auto acked = Clock::now();
    bool seen = false;
    while (Seconds(acked) < 30) {
      if (ArticleVisible(*query, article.name())) {
        seen = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (seen) {
      lags.push_back(Seconds(acked) * 1000);
    } else {
      ++failures;
    }
  }
  Emit(name + "_p50_ms" + suffix, Percentile(lags, 50), "ms");
  Emit(name + "_p99_ms" + suffix, Percentile(lags, 99), "ms");
  Emit(name + "_max_ms" + suffix, lags.empty() ? 0 : lags.back(), "ms");
  Emit(name + "_failures" + suffix, static_cast<double>(failures), "count");
}

void Scenario::StartBackgroundIngest() {
  bg_stop_ = false;
  bg_counters_.created = 0;
  bg_counters_.sent = 0;
  bg_counters_.body_bytes = 0;
  bg_start_ = Clock::now();
  bg_thread_ = std::thread([this] {
    // A long run of fresh indices; the stream stops when asked.
    const uint64_t first = next_extra_.fetch_add(1000000);
    std::vector<uint64_t> indices(1000000);
    for (uint64_t j = 0; j < indices.size(); ++j) indices[j] = first + j;
    auto channel = MakeChannel(ingest_address_, 2000);
    (void)RunStream(channel, gen_, indices, o_.window, t0_, nullptr, nullptr,
                    bg_counters_, &bg_stop_);
  });
  // Let it reach its steady rate.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
}

void Scenario::StopBackgroundIngest(const std::string& suffix) {
  bg_stop_ = true;
  bg_thread_.join();
  const double s = Seconds(bg_start_);
  Emit("concurrent_ingest_articles_per_s" + suffix,
       static_cast<double>(bg_counters_.created.load()) / s, "articles/s");
  result_.articles_created += bg_counters_.created.load();
  result_.article_errors += bg_counters_.errors.load();
}

absl::StatusOr<ScenarioResult> Scenario::Run() {
  if (!o_.kept_store.empty()) return RunOnKeptStore();
  auto dir = ScratchDir::Make(o_.work_dir, "verbatim-bench-", o_.keep_store);
  if (!dir.ok()) return dir.status();
  dir_ = dir->path();

  if (absl::Status s = StartServices(); !s.ok()) return s;
  Log(absl::StrCat("services up: ingest ", ingest_address_, " (pid ",
                   ingest_->pid(), "), query ", query_address_, " (pid ",
                   query_->pid(), "), store ", dir_));
  const uint64_t total = o_.checkpoints.empty() ? 0 : o_.checkpoints.back();
  done_seconds_.assign(total, 0.0f);
  next_extra_ = total;
  t0_ = Clock::now();

  uint64_t begin = 0;
  for (size_t c = 0; c < o_.checkpoints.size(); ++c) {
    const uint64_t end = o_.checkpoints[c];
    if (absl::Status s = Ingest(begin, end); !s.ok()) return s;
    begin = end;
    const bool last = c + 1 == o_.checkpoints.size() || truncated_;
    const std::string label = CountLabel(truncated_ ? completed_ : end);
    const std::string suffix = "_at_" + label;
    std::string last_article;
    {
      std::lock_guard<std::mutex> lock(samples_.mu);
      last_article = samples_.last_article;
    }
    if (last_article.empty())
      return absl::InternalError("no article was created");
    double waited_ms = 0;
    if (absl::Status s = WaitVisible(last_article, 120, &waited_ms); !s.ok())
      return s;
    Emit("catchup_after_bulk_ms" + suffix, waited_ms, "ms");
    Emit("store_du_live_bytes" + suffix,
         static_cast<double>(DuBytes(dir_ + "/db")), "bytes");
    if (o_.query_requests <= 0) continue;
    if (o_.settle_time_budget_s > 0) Settle(suffix);
    Log(absl::StrCat("measuring queries at ", label, " stored articles"));
    MeasureQueries(suffix);
    if (o_.lag_samples > 0)
      MeasureLag("visibility_lag", suffix, o_.lag_samples);
    if (o_.concurrent_ingest_queries) {
      Log("measuring queries under concurrent ingest");
      StartBackgroundIngest();
      MeasureQueries("_ingesting" + suffix);
      if (o_.lag_samples > 0) {
        MeasureLag("visibility_lag_ingesting", suffix, o_.lag_samples);
      }
      StopBackgroundIngest(suffix);
    }
    if (last) {
      // The headline names: the largest store measured.
      std::vector<Figure> copies;
      for (const Figure& f : result_.figures) {
        const std::string full_suffix = o_.prefix.empty() ? suffix : suffix;
        if (f.name.size() > full_suffix.size() &&
            f.name.compare(f.name.size() - full_suffix.size(),
                           full_suffix.size(), full_suffix) == 0 &&
            f.name.find("_to_") == std::string::npos) {
          copies.push_back(
              {f.name.substr(0, f.name.size() - full_suffix.size()), f.value,
               f.unit});
        }
      }
      for (Figure& f : copies) {
        if (o_.on_figure) o_.on_figure(f);
        result_.figures.push_back(std::move(f));
      }
      break;
    }
  }

  // Throughput over the whole main ingest, and early vs late windows.
  const double n = static_cast<double>(completed_);
  const double mb = static_cast<double>(main_counters_.body_bytes.load()) / 1e6;
  Emit("ingest_articles_per_s", n / ingest_seconds_, "articles/s");
  Emit("ingest_mb_per_s", mb / ingest_seconds_, "MB/s");
  Emit("ingest_mean_article_bytes", mb * 1e6 / n, "bytes");
  Emit("ingest_cpu_ms_per_article", ingest_cpu_ * 1000 / n, "ms");
  Emit("ingest_articles_per_cpu_s", n / std::max(ingest_cpu_, 1e-9),
       "articles/s");
  Emit("client_cpu_ms_per_article", client_cpu_ * 1000 / n, "ms");
  {
    std::vector<float> sorted;
    for (float t : done_seconds_) {
      if (t > 0) sorted.push_back(t);
    }
    std::sort(sorted.begin(), sorted.end());
    const uint64_t done = sorted.size();
    const uint64_t w =
        std::min<uint64_t>({10000, done / 4, o_.checkpoints.front()});
    if (w >= 40) {
      // Ranks [w/10, w) and [total - w, total): skips connection warm-up.
      const double early =
          (w - w / 10) / std::max(1e-9, double(sorted[w - 1] - sorted[w / 10]));
      const double late =
          (w - 1) / std::max(1e-9, double(sorted[done - 1] - sorted[done - w]));
      Emit("ingest_rate_early_articles_per_s", early, "articles/s");
      Emit("ingest_rate_late_articles_per_s", late, "articles/s");
      Emit("ingest_late_over_early", late / early, "ratio");
      Emit("ingest_window_articles", static_cast<double>(w), "articles");
    }
  }
  Emit("ingest_peak_rss_mib", ProcStatusKib(ingest_->pid(), "VmHWM") / 1024,
       "MiB");
  Emit("query_peak_rss_mib", ProcStatusKib(query_->pid(), "VmHWM") / 1024,
       "MiB");
  result_.articles_sent += main_counters_.sent.load();
  result_.articles_created += main_counters_.created.load();
  result_.article_errors += main_counters_.errors.load();
  Emit("articles_created", static_cast<double>(result_.articles_created),
       "articles");
  Emit("article_errors", static_cast<double>(result_.article_errors), "count");

  // Store size after a clean shutdown (memtables flushed by the close).
  const uint64_t live = DuBytes(dir_ + "/db");
  for (auto* p : {&query_, &ingest_}) {
    auto status = (*p)->StopWith(SIGTERM, absl::Seconds(120));
    if (!status.ok()) Log(std::string(status.status().message()));
  }
  const uint64_t closed = DuBytes(dir_ + "/db");
  const double stored =
      static_cast<double>(std::max<uint64_t>(1, result_.articles_created));
  Emit("store_du_live_bytes_end", static_cast<double>(live), "bytes");
  Emit("store_du_bytes", static_cast<double>(closed), "bytes");
  Emit("bytes_per_article", static_cast<double>(closed) / stored, "bytes");
  return std::move(result_);
}

absl::StatusOr<uint64_t> Scenario::SampleStoredArticles(int count) {
  auto stub = v1::QueryService::NewStub(query_channel_);
  auto exists = [&](uint64_t id) {
    return ArticleVisible(*stub, absl::StrCat("articles/", id));
  };
  if (!exists(1)) return absl::NotFoundError("the kept store has no articles");
  // Ids are dense from 1 (the bench never deletes): double, then bisect.
  uint64_t low = 1, high = 2;
  while (exists(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const uint64_t mid = low + (high - low) / 2;
    (exists(mid) ? low : high) = mid;
  }
  uint64_t k = o_.seed * 0x9E3779B97F4A7C15ULL + 1;
  for (int i = 0; i < count; ++i) {
    k = k * 6364136223846793005ULL + 1442695040888963407ULL;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    v1::GetArticleRequest request;
    request.set_name(absl::StrCat("articles/", 1 + (k >> 11) % low));
    v1::Article article;
    if (stub->GetArticle(&context, request, &article).ok()) {
      Collect(article, samples_);
    }
  }
  return low;
}

absl::StatusOr<ScenarioResult> Scenario::RunOnKeptStore() {
  dir_ = o_.kept_store;
  if (!std::filesystem::is_directory(dir_ + "/db")) {
    return absl::NotFoundError(absl::StrCat("no store at ", dir_, "/db"));
  }
  // The secondary's own files and the log go to a scratch directory: the
  // kept store is only read.
  auto scratch =
      ScratchDir::Make(o_.work_dir, "verbatim-bench-query-", /*keep=*/false);
  if (!scratch.ok()) return scratch.status();
  if (absl::Status s = StartQueryService(scratch->path() + "/secondary",
                                         scratch->path() + "/query.log");
      !s.ok()) {
    return s;
  }
  Log(absl::StrCat("query service up on the kept store ", dir_, ": ",
                   query_address_, " (pid ", query_->pid(), ")"));
  absl::StatusOr<uint64_t> stored = SampleStoredArticles(4096);
  if (stored.ok()) {
    Log(absl::StrCat("measuring queries at ", *stored, " stored articles"));
    Emit("stored_articles", static_cast<double>(*stored), "articles");
    if (o_.query_requests > 0) MeasureQueries("");
    Emit("query_peak_rss_mib", ProcStatusKib(query_->pid(), "VmHWM") / 1024,
         "MiB");
  }
  // Stopped before its scratch directory goes.
  auto status = query_->StopWith(SIGTERM, absl::Seconds(120));
  if (!status.ok()) Log(std::string(status.status().message()));
  if (!stored.ok()) return stored.status();
  return std::move(result_);
}

}  // namespace

v1::CreateArticleRequest ToRequest(const GeneratedArticle& a) {
  v1::CreateArticleRequest request;
  v1::Article* article = request.mutable_article();
  article->set_title(a.title);
  article->set_url(a.url);
  article->set_source(a.source);
  *article->mutable_publish_time() =
      google::protobuf::util::TimeUtil::SecondsToTimestamp(
          a.publish_unix_seconds);
  article->set_body(a.body);
  return request;
}

double Percentile(std::vector<double>& samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const double rank =
      std::ceil(p / 100.0 * static_cast<double>(samples.size()));
  const size_t i =
      static_cast<size_t>(std::clamp(rank, 1.0, double(samples.size()))) - 1;
  return samples[i];
}

absl::StatusOr<ScenarioResult> RunScenario(const ScenarioOptions& options) {
  if (options.streams < 1 || options.window < 1 ||
      options.checkpoints.empty()) {
    return absl::InvalidArgumentError(
        "streams, window and checkpoints must be positive");
  }
  for (size_t i = 1; i < options.checkpoints.size(); ++i) {
    if (options.checkpoints[i] <= options.checkpoints[i - 1]) {
      return absl::InvalidArgumentError("checkpoints must increase");
    }
  }
  Scenario scenario(options);
  return scenario.Run();
}

}  // namespace verbatim::bench
