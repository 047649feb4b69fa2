#include "common/text/stop_words.h"

#include "common/text/fold.h"
#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

TEST(StopWordsTest, FunctionWordsAndContractionTailsAreStopWords) {
  for (const std::string& word : FoldedWords("The, and OF; we'll it's I'm")) {
    EXPECT_TRUE(IsSearchStopWord(word)) << word;
  }
}

TEST(StopWordsTest, ContentWordsNamesAndAcronymsAreIndexed) {
  for (const std::string& word :
       FoldedWords("ferry harbor Theresa May Will US WHO Don")) {
    EXPECT_FALSE(IsSearchStopWord(word)) << word;
  }
  EXPECT_FALSE(IsSearchStopWord(""));
  // Entries are folded words: an unfolded form is not one.
  EXPECT_FALSE(IsSearchStopWord("The"));
}

}  // namespace
}  // namespace verbatim::text
