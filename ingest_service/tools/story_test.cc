// Whole stories through the ingest pipeline: articles of our own writing
// (testdata/stories/NAME/*.txt, ingested in file-name order into one store)
// against NAME/expected.tsv, which lists every quote each article yields:
// its file, its opening words, its speaker's display name (empty for none)
// and an utterance label (quotes with one label must be one stored quote,
// quotes with different labels different ones). The stories carry what real
// articles do: split and reprinted quotes, descriptions, nicknames,
// misspelt names, party tags, single marks, boilerplate.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "common/storage/store.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"
#include "ingest_service/extraction/extractor.h"
#include "ingest_service/ingest/article_ingestor.h"
#include "ingest_service/tools/article_request.h"

namespace verbatim::tools {
namespace {

struct ExpectedQuote {
  std::string file;
  std::string opening;
  std::string speaker;
  std::string utterance;
};

std::vector<ExpectedQuote> ReadExpected(const std::filesystem::path& path) {
  std::vector<ExpectedQuote> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    if (fields.size() != 4) {
      ADD_FAILURE() << path << ": malformed line " << line;
      continue;
    }
    out.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  return out;
}

std::vector<std::filesystem::path> StoryDirectories() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(VERBATIM_STORIES_DIR)) {
    if (entry.is_directory()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One quote as the pipeline stored it.
struct FoundQuote {
  std::string file;
  std::string text;
  std::string speaker;
  std::string quote_id;
};

std::vector<FoundQuote> IngestStory(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  auto extractor = extraction::Extractor::Create();
  testing::TempDir store_dir;
  auto store = storage::Store::OpenPrimary(store_dir.path(), {});
  EXPECT_TRUE(extractor.ok() && store.ok());
  if (!extractor.ok() || !store.ok()) return {};
  auto ingestor =
      ingest::ArticleIngestor::Create(store->get(), extractor->get(), {});
  EXPECT_TRUE(ingestor.ok()) << ingestor.status();
  if (!ingestor.ok()) return {};
  std::vector<FoundQuote> out;
  for (const auto& path : files) {
    auto request = ReadArticleRequest(path.string());
    EXPECT_TRUE(request.ok()) << path << ": " << request.status();
    if (!request.ok()) continue;
    auto outcome = (*ingestor)->CreateArticle(*request);
    EXPECT_TRUE(outcome.ok()) << path << ": " << outcome.status();
    if (!outcome.ok()) continue;
    const extraction::ExtractionResult& r = outcome->extraction;
    for (size_t i = 0; i < r.quotes.size(); ++i) {
      const int speaker = r.quotes[i].speaker;
      out.push_back(
          {path.filename().string(), r.quotes[i].text,
           speaker >= 0 && speaker < static_cast<int>(r.entities.size())
               ? r.entities[speaker].display_name
               : "",
           i < outcome->quote_ids.size() ? outcome->quote_ids[i] : ""});
    }
  }
  return out;
}

TEST(StoryTest, EveryStoryYieldsItsQuotesSpeakersAndUtterances) {
  const std::vector<std::filesystem::path> stories = StoryDirectories();
  ASSERT_FALSE(stories.empty()) << "no stories under " << VERBATIM_STORIES_DIR;
  for (const auto& dir : stories) {
    SCOPED_TRACE(dir.filename().string());
    const std::vector<ExpectedQuote> expected =
        ReadExpected(dir / "expected.tsv");
    const std::vector<FoundQuote> found = IngestStory(dir);
    ASSERT_EQ(found.size(), expected.size());
    std::map<std::string, std::string> id_of_utterance;
    std::map<std::string, std::string> utterance_of_id;
    for (size_t i = 0; i < found.size(); ++i) {
      const ExpectedQuote& want = expected[i];
      const FoundQuote& got = found[i];
      SCOPED_TRACE(want.file + ": " + want.opening);
      EXPECT_EQ(got.file, want.file);
      EXPECT_TRUE(got.text.starts_with(want.opening)) << got.text;
      EXPECT_EQ(got.speaker, want.speaker);
      auto [id, new_utterance] =
          id_of_utterance.try_emplace(want.utterance, got.quote_id);
      EXPECT_EQ(id->second, got.quote_id)
          << "utterance " << want.utterance << " stored as two quotes";
      auto [utterance, new_id] =
          utterance_of_id.try_emplace(got.quote_id, want.utterance);
      EXPECT_EQ(utterance->second, want.utterance)
          << got.quote_id << " links two utterances";
    }
  }
}

}  // namespace
}  // namespace verbatim::tools
