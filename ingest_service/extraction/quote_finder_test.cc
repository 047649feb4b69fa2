#include "ingest_service/extraction/quote_finder.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

std::vector<QuoteCandidate> Find(std::string_view text) {
  auto s = Segmenter::Create();
  EXPECT_TRUE(s.ok());
  const Segmentation seg = s->Segment(text);
  return FindQuotes(text, seg, {});
}

std::vector<std::string> Inner(std::string_view text) {
  std::vector<std::string> out;
  for (const QuoteCandidate& q : Find(text)) {
    out.emplace_back(text.substr(q.inner.begin, q.inner.end - q.inner.begin));
  }
  return out;
}

TEST(QuoteFinderTest, CurlyAndStraightDoubles) {
  EXPECT_EQ(
      Inner("“We will rebuild,” the mayor said. He added, \"It is done.\""),
      (std::vector<std::string>{"We will rebuild,", "It is done."}));
}

TEST(QuoteFinderTest, ApostrophesAreNotMarks) {
  EXPECT_EQ(Inner("It’s the band’s ’90s rock ’n’ roll sound, the players’ "
                  "union said. “I’m sure it’s fine,” she said."),
            (std::vector<std::string>{"I’m sure it’s fine,"}));
}

TEST(QuoteFinderTest, NestedSingleInsideDoubleIsPartOfText) {
  const std::string text =
      "“So I said, ‘Okay, how can this work,’” the director said.";
  EXPECT_EQ(
      Inner(text),
      (std::vector<std::string>{"So I said, ‘Okay, how can this work,’"}));
}

TEST(QuoteFinderTest, UnbalancedInnerSingleDoesNotBreakOuter) {
  const std::string text =
      "“So I say, ‘OK, how can I make this work? I wanted that,” he said.";
  EXPECT_EQ(Inner(text), (std::vector<std::string>{
                             "So I say, ‘OK, how can I make this work? I "
                             "wanted that,"}));
}

TEST(QuoteFinderTest, StraightQuoteMissingItsCloseEndsAtItsClauseBreak) {
  EXPECT_EQ(
      Inner("\"This is a sad day, Councillor Ana Ruiz said. \"We "
            "failed them.\""),
      (std::vector<std::string>{"This is a sad day,", "We failed them."}));
  // Without a clause break before the next opener, nothing is guessed.
  EXPECT_EQ(Inner("\"A plan \"nobody\" liked\" won."),
            (std::vector<std::string>{"A plan \"nobody\" liked"}));
}

TEST(QuoteFinderTest, OddCountsNeverFail) {
  EXPECT_EQ(Inner("He said ” nothing “ at all"),
            (std::vector<std::string>{" at all"}));
  // Three straight marks pair at most once.
  EXPECT_LE(Inner("\"\"\"").size(), 1u);
  EXPECT_TRUE(Inner("’’’‘‘‘").empty());
}

TEST(QuoteFinderTest, MultiParagraphOpenerIsUnclosed) {
  const auto q = Find("“First part of the speech\n“and its end,” he said.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].closed);
  EXPECT_TRUE(q[1].closed);
  EXPECT_EQ(q[1].paragraph, 1);
}

TEST(QuoteFinderTest, EditorialBracketsKept) {
  EXPECT_EQ(Inner("“I was with Taylour [Paige],” he said."),
            (std::vector<std::string>{"I was with Taylour [Paige],"}));
}

TEST(QuoteFinderTest, DescribesTitles) {
  const auto q = Find(
      "The song “We Cry Together” and a so-called “deal” and "
      "“we as a society kind of shy away from,”");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_TRUE(q[0].title_case);
  EXPECT_EQ(q[0].words, 3);
  EXPECT_EQ(q[1].words, 1);
  EXPECT_FALSE(q[2].title_case);
  EXPECT_TRUE(q[2].has_terminal);
  EXPECT_FALSE(q[2].starts_upper);
}

TEST(QuoteFinderTest, SkipsBoilerplateParagraphs) {
  const std::string text =
      "“Watch the video” below\n“Real quote here,” he said.";
  auto s = Segmenter::Create();
  ASSERT_TRUE(s.ok());
  const Segmentation seg = s->Segment(text);
  const std::vector<entities::TextSpan> bp = {{0, 23}};
  const auto q = FindQuotes(text, seg, bp);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].paragraph, 1);
}

}  // namespace
}  // namespace verbatim::extraction

namespace verbatim::extraction {
namespace {

TEST(QuoteFinderTest, PluralPossessiveInsideSingleQuote) {
  EXPECT_EQ(Inner("‘It’s the players’ view, not ours,’ the coach said."),
            (std::vector<std::string>{"It’s the players’ view, not ours,"}));
}

TEST(QuoteFinderTest, SingleClosesAtAPossessiveWhenNothingElseCloses) {
  EXPECT_EQ(Inner("The walkout had been ‘planned for days’ and was aimed at "
                  "voters at home."),
            (std::vector<std::string>{"planned for days"}));
  EXPECT_EQ(Inner("‘The ministers’ plan failed,’ she said."),
            (std::vector<std::string>{"The ministers’ plan failed,"}));
}

TEST(QuoteFinderTest, BritishMultiParagraphOpenerIsUnclosed) {
  const auto q = Find("‘For thirty years we were promised.\n‘It was not us.’");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].closed);
  EXPECT_TRUE(q[0].continues_next_paragraph);
  EXPECT_TRUE(q[1].closed);
  // A single left open inside a paragraph is an elision, not a quote,
  // unless it opens a sentence after a closed part.
  EXPECT_TRUE(Inner("The band’s ‘best days are behind them.").empty());
  const auto parts = Find(
      "‘It was the lights,’ she said. ‘They stay on.\n"
      "‘All night.’");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_FALSE(parts[1].closed);
  EXPECT_TRUE(parts[1].continues_next_paragraph);
  // So does one after a colon or comma that introduces it.
  const auto colon = Find(
      "Speaking from home, she said: ‘I saw it on the news.\n"
      "‘I heard him and I just screamed.’");
  ASSERT_EQ(colon.size(), 2u);
  EXPECT_TRUE(colon[0].continues_next_paragraph);
  // Straight singles too, when they open the paragraph.
  const auto straight = Find("'It's a proper pitch.\n'The lads were great.'");
  ASSERT_EQ(straight.size(), 2u);
  EXPECT_TRUE(straight[0].continues_next_paragraph);
}

TEST(QuoteFinderTest, DoubledApostrophesAreNotMarks) {
  EXPECT_TRUE(Inner("''We will win,'' Mr. Roy said.").empty());
  EXPECT_EQ(Inner("He said 'Okay, fine then' and left."),
            (std::vector<std::string>{"Okay, fine then"}));
}

}  // namespace
}  // namespace verbatim::extraction
