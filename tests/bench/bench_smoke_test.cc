// Smoke tests of the benchmark tools. No timing is checked.
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "gmock/gmock.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "tests/bench/corpus.h"
#include "tests/bench/load_client.h"

namespace verbatim::bench {
namespace {

TEST(CorpusGeneratorTest, SameSeedSameBytes) {
  const CorpusGenerator a(42), b(42);
  for (uint64_t i : {0u, 1u, 2u, 3u, 777u, 123456u}) {
    EXPECT_EQ(CorpusGenerator::ToFileContents(a.Generate(i)),
              CorpusGenerator::ToFileContents(b.Generate(i)))
        << i;
  }
}

TEST(CorpusGeneratorTest, DifferentSeedsDiffer) {
  EXPECT_NE(CorpusGenerator(1).Generate(5).body,
            CorpusGenerator(2).Generate(5).body);
}

TEST(CorpusGeneratorTest, ArticlesAreTwoToEightKilobytesWithHeaders) {
  const CorpusGenerator gen(7);
  std::set<std::string> urls;
  for (uint64_t i = 0; i < 400; ++i) {
    const GeneratedArticle a = gen.Generate(i);
    EXPECT_GE(a.body.size(), 2000u) << i;
    EXPECT_LE(a.body.size(), 8192u) << i;
    EXPECT_FALSE(a.title.empty());
    EXPECT_THAT(a.date,
                ::testing::MatchesRegex("20[0-9][0-9]-[01][0-9]-[0-3][0-9]"));
    EXPECT_FALSE(a.source.empty());
    EXPECT_TRUE(urls.insert(a.url).second) << "duplicate url " << a.url;
  }
}

TEST(CorpusGeneratorTest, ReprintsShareQuotesAndBoilerplateIsPresent) {
  const CorpusGenerator gen(3);
  // Articles 0-2 cover one story: the main speaker is the same.
  EXPECT_EQ(gen.Generate(0).main_speaker, gen.Generate(1).main_speaker);
  EXPECT_EQ(gen.Generate(0).main_speaker, gen.Generate(2).main_speaker);
  int boilerplate = 0;
  for (uint64_t i = 0; i < 50; ++i) {
    const std::string body = gen.Generate(i).body;
    if (body.find("Advertisement") != std::string::npos ||
        body.find("Photo: ") != std::string::npos) {
      ++boilerplate;
    }
  }
  EXPECT_GT(boilerplate, 10);
}

TEST(LoadClientTest, FiftyArticleRunCompletes) {
  ScenarioOptions o;
  o.checkpoints = {50};
  o.streams = 2;
  o.query_requests = 20;
  o.lag_samples = 3;
  o.concurrent_ingest_queries = true;
  o.settle_time_budget_s = 10;
  auto result = RunScenario(o);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->article_errors, 0u);
  EXPECT_EQ(result->query_errors, 0u);
  EXPECT_GE(result->articles_created, 50u);
  bool has_bytes = false, has_settle = false;
  for (const Figure& f : result->figures) {
    has_bytes |= f.name == "bytes_per_article";
    has_settle |= f.name == "settle_after_bulk_s";
  }
  EXPECT_TRUE(has_bytes);
  EXPECT_TRUE(has_settle);
}

// Name and size of every file of a store directory.
std::map<std::string, uintmax_t> StoreFiles(const std::filesystem::path& db) {
  std::map<std::string, uintmax_t> files;
  for (const auto& entry : std::filesystem::directory_iterator(db)) {
    files[entry.path().filename().string()] =
        entry.is_regular_file() ? entry.file_size() : 0;
  }
  return files;
}

TEST(LoadClientTest, KeptStoreIsMeasuredAgainWithoutWritingIt) {
  const testing::TempDir work;
  ScenarioOptions first;
  first.checkpoints = {30};
  first.streams = 1;
  first.query_requests = 0;
  first.lag_samples = 0;
  first.work_dir = work.path();
  first.keep_store = true;
  auto ingested = RunScenario(first);
  ASSERT_TRUE(ingested.ok()) << ingested.status();
  ASSERT_EQ(ingested->articles_created, 30u);
  std::filesystem::path kept;
  for (const auto& entry : std::filesystem::directory_iterator(work.path())) {
    kept = entry.path();
  }
  ASSERT_TRUE(std::filesystem::is_directory(kept / "db"));
  const auto files_before = StoreFiles(kept / "db");

  ScenarioOptions again;
  again.kept_store = kept.string();
  again.work_dir = work.path();
  again.query_requests = 10;
  again.query_flags = {"--read_threads=2"};
  auto measured = RunScenario(again);
  ASSERT_TRUE(measured.ok()) << measured.status();
  EXPECT_EQ(measured->query_errors, 0u);
  EXPECT_EQ(measured->articles_sent, 0u);
  std::map<std::string, double> figures;
  for (const Figure& f : measured->figures) figures[f.name] = f.value;
  EXPECT_EQ(figures["stored_articles"], 30);
  EXPECT_EQ(figures["get_quote_samples"], 20);
  EXPECT_EQ(figures["list_quotes_samples"], 10);
  EXPECT_GT(figures["list_quotes_p50_us"], 0);
  EXPECT_EQ(StoreFiles(kept / "db"), files_before);

  again.kept_store = (kept / "missing").string();
  EXPECT_EQ(RunScenario(again).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace verbatim::bench
