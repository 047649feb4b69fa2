#include "common/text/contractions.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

using ::testing::ElementsAre;

TEST(SpelledOutWordsTest, ContractionsAndClosedFormsMatch) {
  EXPECT_EQ(SpelledOutWords("We can't go back"),
            SpelledOutWords("We cannot go back"));
  EXPECT_EQ(SpelledOutWords("We can’t go back"),
            SpelledOutWords("we can not go back"));
  EXPECT_THAT(SpelledOutWords("They won't, we'll see, don't worry"),
              ElementsAre("they", "will", "not", "we", "will", "see", "do",
                          "not", "worry"));
  EXPECT_THAT(SpelledOutWords("I'm sure they're right"),
              ElementsAre("i", "am", "sure", "they", "are", "right"));
  // Other words stay as FoldedWords prints them, "it's" included (is or has).
  EXPECT_THAT(SpelledOutWords("It's done"), ElementsAre("it", "s", "done"));
}

}  // namespace
}  // namespace verbatim::text
