// Throughput of EntityRecognizer::Recognize over real articles (the PolNeAR
// development split under $VERBATIM_SHARED_DIR) or, without them, over
// generated news-like text. Reports bytes per second per core.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest_service/entities/candidate_finder.h"
#include "ingest_service/entities/entity_recognizer.h"
#include "ingest_service/entities/lexicons.h"
#include "ingest_service/entities/tokenizer.h"
#include "ingest_service/entities/type_classifier.h"

namespace verbatim::entities {
namespace {

std::vector<std::string> LoadArticles() {
  std::vector<std::string> articles;
  const char* shared = std::getenv("VERBATIM_SHARED_DIR");
  if (shared != nullptr) {
    const std::filesystem::path dir =
        std::filesystem::path(shared) / "corpus" / "polnear-dev";
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      articles.push_back(buffer.str());
    }
  }
  if (articles.empty()) {
    std::string text;
    for (int i = 0; i < 200; ++i) {
      text +=
          "Senator Maria Lopez told Reuters on Monday that the Budget "
          "Committee would meet in Denver, Colorado. “We will act,” Lopez "
          "said. Her adviser, Dr. James Carter of Stanford University, "
          "added that the film “Quiet Rivers” premiered at the Sundance "
          "Film Festival.\n";
    }
    articles.push_back(text);
  }
  return articles;
}

void BM_Recognize(benchmark::State& state) {
  static const auto* const articles =
      new std::vector<std::string>(LoadArticles());
  auto recognizer = EntityRecognizer::Create();
  if (!recognizer.ok()) {
    state.SkipWithError("recognizer failed to load");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& article : *articles) {
      benchmark::DoNotOptimize((*recognizer)->Recognize(article, {}));
      bytes += article.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Recognize)->Unit(benchmark::kMillisecond);

// Stage costs, to see where Recognize spends its time.
void BM_Tokenize(benchmark::State& state) {
  static const auto* const articles =
      new std::vector<std::string>(LoadArticles());
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& article : *articles) {
      benchmark::DoNotOptimize(Tokenize(article, {}));
      bytes += article.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_FindCandidates(benchmark::State& state) {
  static const auto* const articles =
      new std::vector<std::string>(LoadArticles());
  static const auto* const lex = new Lexicons(*LoadEmbeddedLexicons());
  std::vector<std::vector<Token>> tokens;
  for (const std::string& article : *articles) {
    tokens.push_back(Tokenize(article, {}));
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < articles->size(); ++i) {
      benchmark::DoNotOptimize(FindCandidates((*articles)[i], tokens[i], *lex));
      bytes += (*articles)[i].size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FindCandidates)->Unit(benchmark::kMillisecond);

void BM_Classify(benchmark::State& state) {
  static const auto* const articles =
      new std::vector<std::string>(LoadArticles());
  static const auto* const lex = new Lexicons(*LoadEmbeddedLexicons());
  std::vector<std::vector<Token>> tokens;
  std::vector<std::vector<Candidate>> candidates;
  for (const std::string& article : *articles) {
    tokens.push_back(Tokenize(article, {}));
    candidates.push_back(FindCandidates(article, tokens.back(), *lex));
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < articles->size(); ++i) {
      const TokenKeys keys((*articles)[i], tokens[i], *lex);
      for (const Candidate& c : candidates[i]) {
        benchmark::DoNotOptimize(Classify(keys, c));
      }
      bytes += (*articles)[i].size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Classify)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace verbatim::entities

BENCHMARK_MAIN();
