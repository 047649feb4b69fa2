// Throughput of the extraction pipeline on >= 10 MB of news text.
//
// Articles come from $VERBATIM_SHARED_DIR/corpus (default: ../shared beside
// the checkout); each copy is varied (paragraph order rotated, a counter
// appended) so no two articles are byte-identical. Without the corpora the
// benchmark falls back to synthetic articles built from sentences below.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "ingest_service/extraction/article_file.h"
#include "ingest_service/extraction/attribution.h"
#include "ingest_service/extraction/boilerplate.h"
#include "ingest_service/extraction/extractor.h"
#include "ingest_service/extraction/normalizer.h"
#include "ingest_service/extraction/quote_filter.h"
#include "ingest_service/extraction/quote_finder.h"
#include "ingest_service/extraction/segmenter.h"

namespace verbatim::extraction {
namespace {

constexpr size_t kTargetBytes = 10u << 20;

std::vector<std::string> LoadSeedArticles() {
  std::vector<std::string> out;
  std::string dir;
  if (const char* env = std::getenv("VERBATIM_SHARED_DIR")) {
    dir = env;
  } else {
    dir = "../shared";
    for (const char* c :
         {"../shared", "../../shared", "../../../shared", "/work/shared"}) {
      if (std::filesystem::exists(std::string(c) + "/corpus")) {
        dir = c;
        break;
      }
    }
  }
  const std::filesystem::path corpus = std::filesystem::path(dir) / "corpus";
  std::error_code ec;
  if (!std::filesystem::exists(corpus, ec)) return out;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(corpus, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    out.push_back(ParseArticleFile(buf.str()).body);
  }
  return out;
}

std::vector<std::string> SyntheticArticles() {
  const char* kSentences[] = {
      "The city council approved the budget on Tuesday after a long debate.",
      "“We have waited years for this moment,” Mayor Ann Lee said.",
      "“It is not perfect, but it is ours,” she added. “Now we build.”",
      "Council member Tom Ruiz, who voted against the plan, said the costs "
      "were “simply too high for a town of this size.”",
      "According to the city’s finance office, the plan adds 40 new jobs.",
      "Advertisement",
      "Dr. Maria Ortiz, the county’s chief medical officer, told reporters: "
      "“The clinic will open in the spring.”",
      "The so-called “Green Line” will connect the two halves of the city.",
      "“I don’t think anyone expected it to pass,” said Hal Byrd, a local "
      "business owner.",
  };
  std::vector<std::string> out;
  for (int a = 0; a < 50; ++a) {
    std::string article;
    for (int p = 0; p < 30; ++p) {
      article += kSentences[(a * 7 + p * 3) % std::size(kSentences)];
      article += (p % 3 == 2) ? "\n\n" : " ";
    }
    out.push_back(std::move(article));
  }
  return out;
}

// Builds >= 10 MB of articles with varied copies.
const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* corpus = [] {
    std::vector<std::string> seeds = LoadSeedArticles();
    if (seeds.empty()) seeds = SyntheticArticles();
    auto* out = new std::vector<std::string>;
    size_t total = 0;
    for (size_t copy = 0; total < kTargetBytes; ++copy) {
      for (const std::string& s : seeds) {
        // Rotate paragraphs so the copies differ in layout.
        std::vector<std::string> paras;
        size_t pos = 0;
        while (pos <= s.size()) {
          size_t nl = s.find('\n', pos);
          if (nl == std::string::npos) nl = s.size();
          paras.push_back(s.substr(pos, nl - pos));
          pos = nl + 1;
        }
        std::string v;
        for (size_t k = 0; k < paras.size(); ++k) {
          v += paras[(k + copy) % paras.size()];
          v += '\n';
        }
        v += "Copy " + std::to_string(copy) + ".\n";
        total += v.size();
        out->push_back(std::move(v));
        if (total >= kTargetBytes) break;
      }
    }
    return out;
  }();
  return *corpus;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const std::string& s : Corpus()) n += s.size();
  return n;
}

void BM_ExtractPipeline(benchmark::State& state) {
  auto extractor = Extractor::Create();
  if (!extractor.ok()) {
    state.SkipWithError("Extractor::Create failed");
    return;
  }
  const auto& corpus = Corpus();
  size_t quotes = 0;
  for (auto _ : state) {
    for (const std::string& a : corpus) {
      auto r = (*extractor)->Extract(a);
      if (r.ok()) quotes += r->quotes.size();
    }
  }
  benchmark::DoNotOptimize(quotes);
  state.counters["corpus_MB"] =
      static_cast<double>(TotalBytes()) / (1024.0 * 1024.0);
  state.counters["articles"] = static_cast<double>(corpus.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(TotalBytes()));
}
// CPU time: the build machine is shared, so wall time measures the neighbours.
BENCHMARK(BM_ExtractPipeline)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  auto n = Normalizer::Create();
  for (auto _ : state) {
    for (const std::string& a : Corpus()) {
      auto r = n->Normalize(a);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(TotalBytes()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Boilerplate(benchmark::State& state) {
  auto m = BoilerplateMarker::Create();
  for (auto _ : state) {
    for (const std::string& a : Corpus()) {
      auto r = m->Mark(a);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(TotalBytes()));
}
BENCHMARK(BM_Boilerplate)->Unit(benchmark::kMillisecond);

void BM_SegmentQuotesAttribution(benchmark::State& state) {
  auto seg = Segmenter::Create();
  auto attr = Attributor::Create();
  for (auto _ : state) {
    for (const std::string& a : Corpus()) {
      const Segmentation s = seg->Segment(a);
      const auto quotes = FindQuotes(a, s, {});
      std::vector<bool> boundary;
      for (const auto& q : quotes) boundary.push_back(!IsWeakQuote(q));
      auto r = attr->Attribute(a, s, quotes, boundary);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(TotalBytes()));
}
BENCHMARK(BM_SegmentQuotesAttribution)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace verbatim::extraction

BENCHMARK_MAIN();
