// A load client for the real verbatim-ingest and verbatim-query binaries.
//
// RunScenario starts both services as child processes on a fresh store (or
// only the query service, on a kept one: ScenarioOptions::kept_store),
// streams generated articles through IngestService/StreamArticles on N
// concurrent streams, and measures (each figure as a "name value unit" line):
//  - ingest throughput (articles/s, MB/s of bodies) overall and in an early
//    and a late window, ingest CPU seconds, peak RSS (VmHWM) of both services;
//  - at each checkpoint (stored-article count): closed-loop single-client
//    latency percentiles of grpc.health.v1 Check (the gRPC floor), GetQuote,
//    ListQuotes(speaker, 50), SearchQuotes and SearchEntities, idle and while
//    another stream keeps ingesting (idle: optionally after the bulk load's
//    compactions have settled);
//  - visibility lag: CreateArticle ack -> first successful GetArticle on the
//    query service without a consistency token;
//  - store bytes per article (du of the db directory).
#ifndef VERBATIM_TESTS_BENCH_LOAD_CLIENT_H_
#define VERBATIM_TESTS_BENCH_LOAD_CLIENT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/bench/corpus.h"
#include "verbatim/v1/ingest_service.pb.h"

namespace verbatim::bench {

// The CreateArticle request that uploads a generated article.
v1::CreateArticleRequest ToRequest(const GeneratedArticle& a);

struct Figure {
  std::string name;
  double value = 0;
  std::string unit;
};

struct ScenarioOptions {
  uint64_t seed = 1;
  // Stored-article counts at which queries are measured; the last one is the
  // total ingested. Ingest pauses at each while queries run.
  std::vector<uint64_t> checkpoints = {10000};
  int streams = 4;
  bool sync = false;
  // Requests in flight per stream (pipelining over the bidi stream).
  int window = 8;
  // Query measurements; 0 skips them (ingest-only scenario).
  int query_requests = 2000;
  // Each operation is measured for at most this long (0: no limit), so one
  // slow operation cannot eat the run; the sample count is reported.
  double op_time_budget_s = 0;
  int lag_samples = 200;
  bool concurrent_ingest_queries = true;
  int catchup_interval_ms = 50;  // the query service's default
  // Per checkpoint segment: when ingest takes longer, it stops there, the
  // queries run at the size reached, and later checkpoints are skipped.
  // 0: no budget.
  double segment_time_budget_s = 0;
  // Before the idle queries of each checkpoint: wait (at most this long)
  // until the ingest service is idle, i.e. the bulk load's flushes and
  // compactions are done, and report how long that took and the CPU it used.
  // 0: measure right after the bulk load, while they still run.
  double settle_time_budget_s = 0;
  // Where the store and logs go (a fresh subdirectory is made and removed).
  std::string work_dir = "/tmp";
  // The directory of a store kept by an earlier run (keep_store; it holds
  // db/). When set, nothing is ingested: only the query service starts, as a
  // secondary of that store, and the idle queries run once at its size with
  // samples drawn from its articles. The store is not written.
  std::string kept_store;
  // Extra flags for the query service ("--read_threads=16").
  std::vector<std::string> query_flags;
  bool keep_store = false;
  // Prefix of every figure name (e.g. "sweep_s4_sync1_").
  std::string prefix;
  // Called with each figure as soon as it is measured (may be empty).
  std::function<void(const Figure&)> on_figure;
  // Progress lines go here (may be empty).
  std::function<void(const std::string&)> log;
};

struct ScenarioResult {
  std::vector<Figure> figures;
  uint64_t articles_sent = 0;
  uint64_t articles_created = 0;
  uint64_t article_errors = 0;  // per-article failure statuses
  uint64_t query_errors = 0;    // non-OK query RPCs
};

absl::StatusOr<ScenarioResult> RunScenario(const ScenarioOptions& options);

// Percentile (0..100) of `samples` (sorted in place), nearest rank.
double Percentile(std::vector<double>& samples, double p);

}  // namespace verbatim::bench

#endif  // VERBATIM_TESTS_BENCH_LOAD_CLIENT_H_
