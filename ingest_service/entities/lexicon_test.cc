#include "ingest_service/entities/lexicon.h"

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

TEST(LexiconTest, ParsesEntriesValuesAndComments) {
  auto lexicon = Lexicon::Parse("test",
                                "# a comment\n"
                                "Alpha\n"
                                "\n"
                                "beta=m\n"
                                "  Gamma Delta = canonical name  \n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  EXPECT_EQ(lexicon->size(), 3u);
  EXPECT_TRUE(lexicon->Contains("alpha"));
  EXPECT_FALSE(lexicon->Contains("Alpha"));  // keys are LowerKeys
  EXPECT_EQ(lexicon->Find("beta"), "m");
  EXPECT_EQ(lexicon->Find("alpha"), "");
  EXPECT_EQ(lexicon->Find("gamma delta"), "canonical name");
  EXPECT_FALSE(lexicon->Find("# a comment").has_value());
}

TEST(LexiconTest, HandlesMissingFinalNewlineAndCrLf) {
  auto lexicon = Lexicon::Parse("test", "one\r\ntwo");
  ASSERT_TRUE(lexicon.ok());
  EXPECT_TRUE(lexicon->Contains("one"));
  EXPECT_TRUE(lexicon->Contains("two"));
}

TEST(LexiconTest, RejectsEmptyEntry) {
  auto lexicon = Lexicon::Parse("broken", "fine\n=m\n");
  EXPECT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace verbatim::entities
