#include "query_service/query/text_diff.h"

#include "gtest/gtest.h"

namespace verbatim::query {
namespace {

TEST(DiffQuoteTextTest, SameWordsHaveNoEdits) {
  EXPECT_TRUE(
      DiffQuoteText("We will win, and soon.", "we will win and soon").empty());
}

TEST(DiffQuoteTextTest, CutWordsAtTheEndAndInside) {
  auto edits = DiffQuoteText("We will rebuild the pier before winter.",
                             "We will rebuild the pier.");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].kind(), v1::TextEdit::CUT);
  EXPECT_EQ(edits[0].canonical_text(), "before winter.");
}

TEST(DiffQuoteTextTest, ChangedWord) {
  auto edits =
      DiffQuoteText("I said, Okay, let us try.", "I said, OK, let us try.");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].kind(), v1::TextEdit::CHANGED);
  EXPECT_EQ(edits[0].canonical_text(), "Okay,");
  EXPECT_EQ(edits[0].printed_text(), "OK,");
}

TEST(DiffQuoteTextTest, BracketedInsertionsAndReplacements) {
  auto inserted =
      DiffQuoteText("I was there with her.", "I was there with her [Mara].");
  ASSERT_EQ(inserted.size(), 1u);
  EXPECT_EQ(inserted[0].kind(), v1::TextEdit::BRACKETED);
  EXPECT_EQ(inserted[0].printed_text(), "[Mara].");

  auto bracketed =
      DiffQuoteText("present with Mara Voss.", "present with Mara [Voss].");
  ASSERT_EQ(bracketed.size(), 1u);
  EXPECT_EQ(bracketed[0].kind(), v1::TextEdit::BRACKETED);
  EXPECT_EQ(bracketed[0].canonical_text(), "Voss.");
  EXPECT_EQ(bracketed[0].printed_text(), "[Voss].");
}

TEST(DiffQuoteTextTest, AddedWords) {
  auto edits = DiffQuoteText("We start now.", "Honestly, we start now.");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].kind(), v1::TextEdit::ADDED);
  EXPECT_EQ(edits[0].printed_text(), "Honestly,");
}

}  // namespace
}  // namespace verbatim::query
