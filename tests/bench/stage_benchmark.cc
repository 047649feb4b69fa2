// In-process stage benchmarks on the generated corpus (tests/bench/corpus.h):
//  - BM_GenerateCorpus: the generator itself (what the load client pays);
//  - BM_ExtractPipeline: Extractor::Extract, bytes per CPU second on one core;
//  - BM_CreateArticle: ArticleIngestor::CreateArticle against a temporary
//    RocksDB store (extraction + linking + one WriteBatch per article), the
//    store growing as the benchmark runs.
//
// CPU time is the reported time: the machine is shared, wall time measures
// the neighbours. Env VERBATIM_BENCH_SEED (default 1) selects the corpus.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "common/storage/store.h"
#include "common/testing/temp_dir.h"
#include "google/protobuf/util/time_util.h"
#include "ingest_service/extraction/extractor.h"
#include "ingest_service/ingest/article_ingestor.h"
#include "tests/bench/corpus.h"
#include "tests/bench/load_client.h"

namespace verbatim::bench {
namespace {

uint64_t Seed() {
  const char* s = std::getenv("VERBATIM_BENCH_SEED");
  return s ? std::strtoull(s, nullptr, 10) : 1;
}

// ~10 MB of generated bodies.
const std::vector<std::string>& Bodies() {
  static const auto* bodies = [] {
    auto* out = new std::vector<std::string>;
    const CorpusGenerator gen(Seed());
    size_t total = 0;
    for (uint64_t i = 0; total < (10u << 20); ++i) {
      out->push_back(gen.Generate(i).body);
      total += out->back().size();
    }
    return out;
  }();
  return *bodies;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const std::string& b : Bodies()) n += b.size();
  return n;
}

void BM_GenerateCorpus(benchmark::State& state) {
  const CorpusGenerator gen(Seed());
  uint64_t index = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    GeneratedArticle a = gen.Generate(index++);
    bytes += static_cast<int64_t>(a.body.size());
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(index));
}
BENCHMARK(BM_GenerateCorpus)->Unit(benchmark::kMicrosecond);

void BM_ExtractPipeline(benchmark::State& state) {
  auto extractor = extraction::Extractor::Create();
  if (!extractor.ok()) {
    state.SkipWithError("Extractor::Create failed");
    return;
  }
  const auto& bodies = Bodies();
  size_t quotes = 0, entities = 0;
  for (auto _ : state) {
    for (const std::string& b : bodies) {
      auto r = (*extractor)->Extract(b);
      if (r.ok()) {
        quotes += r->quotes.size();
        entities += r->entities.size();
      }
    }
  }
  // (No DoNotOptimize(quotes): its "+m,r" asm constraint miscompiles with
  // GCC 12 and garbles the counter; the counters below keep the work alive.)
  const double passes = static_cast<double>(state.iterations());
  state.counters["corpus_MB"] = static_cast<double>(TotalBytes()) / 1e6;
  state.counters["articles"] = static_cast<double>(bodies.size());
  state.counters["quotes_per_article"] =
      static_cast<double>(quotes) /
      (passes * static_cast<double>(bodies.size()));
  state.counters["entities_per_article"] =
      static_cast<double>(entities) /
      (passes * static_cast<double>(bodies.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bodies.size()));
}
BENCHMARK(BM_ExtractPipeline)->Unit(benchmark::kMillisecond);

// One iteration = one new article. Arg 0: articles stored before timing.
void BM_CreateArticle(benchmark::State& state) {
  testing::TempDir dir;
  auto store = storage::Store::OpenPrimary(dir.path() + "/db", {.sync = false});
  auto extractor = extraction::Extractor::Create();
  if (!store.ok() || !extractor.ok()) {
    state.SkipWithError("open failed");
    return;
  }
  auto ingestor =
      ingest::ArticleIngestor::Create(store->get(), extractor->get(), {});
  if (!ingestor.ok()) {
    state.SkipWithError("ArticleIngestor::Create failed");
    return;
  }
  const CorpusGenerator gen(Seed());
  uint64_t index = 0;
  for (; index < static_cast<uint64_t>(state.range(0)); ++index) {
    (void)(*ingestor)->CreateArticle(ToRequest(gen.Generate(index)));
  }
  // Requests are made outside the timed region, in batches.
  std::vector<v1::CreateArticleRequest> pending;
  size_t next = 0;
  int64_t bytes = 0, failures = 0, created = 0;
  for (auto _ : state) {
    if (next == pending.size()) {
      state.PauseTiming();
      pending.clear();
      for (int k = 0; k < 256; ++k)
        pending.push_back(ToRequest(gen.Generate(index++)));
      next = 0;
      state.ResumeTiming();
    }
    const v1::CreateArticleRequest& request = pending[next++];
    auto outcome = (*ingestor)->CreateArticle(request);
    if (!outcome.ok())
      ++failures;
    else if (outcome->created)
      ++created;
    bytes += static_cast<int64_t>(request.article().body().size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["failures"] = static_cast<double>(failures);
  state.counters["created"] = static_cast<double>(created);
}
// Arg 3000: the same after 3,000 articles (prefill is not timed; the full
// run.sh measures it, --quick skips it).
// Fixed iterations: Google Benchmark would otherwise call the function (and
// redo the prefill) once per iteration-count estimate.
BENCHMARK(BM_CreateArticle)->Arg(0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CreateArticle)
    ->Arg(3000)
    ->Iterations(300)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace verbatim::bench

BENCHMARK_MAIN();
