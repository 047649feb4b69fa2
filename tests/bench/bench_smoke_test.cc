// Smoke tests of the benchmark tools. No timing is checked.
#include <set>
#include <string>

#include "gmock/gmock.h"
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

}  // namespace
}  // namespace verbatim::bench
