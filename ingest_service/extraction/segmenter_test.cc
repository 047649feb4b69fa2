#include "ingest_service/extraction/segmenter.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  auto s = Segmenter::Create();
  EXPECT_TRUE(s.ok());
  const Segmentation seg = s->Segment(text);
  std::vector<std::string> out;
  for (const auto& sp : seg.sentences) {
    out.emplace_back(text.substr(sp.begin, sp.end - sp.begin));
  }
  return out;
}

TEST(SegmenterTest, ParagraphsAreLines) {
  auto s = Segmenter::Create();
  ASSERT_TRUE(s.ok());
  const Segmentation seg = s->Segment("  First para.\n\nSecond one.  \n");
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(seg.paragraphs[0].begin, 2u);
  EXPECT_EQ(seg.sentence_paragraph.size(), seg.sentences.size());
  EXPECT_EQ(seg.paragraph_first_sentence[1], 1);
}

TEST(SegmenterTest, AbbreviationsAndInitialsDoNotSplit) {
  EXPECT_EQ(Sentences("Dr. Maria Ortiz met Sen. Hal Byrd in the U.S. Capitol. "
                      "They spoke on Jan. 4 with George W. Bush."),
            (std::vector<std::string>{
                "Dr. Maria Ortiz met Sen. Hal Byrd in the U.S. Capitol.",
                "They spoke on Jan. 4 with George W. Bush."}));
}

TEST(SegmenterTest, SplitsAfterClosingQuote) {
  EXPECT_EQ(Sentences("“We won.” He smiled! Was it over? “Yes,” she said."),
            (std::vector<std::string>{"“We won.”", "He smiled!", "Was it over?",
                                      "“Yes,” she said."}));
}

TEST(SegmenterTest, NoSplitBeforeLowercase) {
  EXPECT_EQ(
      Sentences("It cost $3.5 million, i.e. a lot. done"),
      (std::vector<std::string>{"It cost $3.5 million, i.e. a lot. done"}));
}

TEST(SegmenterTest, TokenizerKeepsInnerPunctuation) {
  const std::string text =
      "K.Dot’s co-founder, .Paak and the U.S. “team” of 65,000, 7, 8";
  std::vector<Token> toks;
  Tokenize(text, {0, text.size()}, toks);
  std::vector<std::string> words;
  for (const Token& t : toks) {
    words.emplace_back(text.substr(t.span.begin, t.span.end - t.span.begin));
  }
  EXPECT_EQ(words,
            (std::vector<std::string>{"K.Dot’s", "co-founder", ",", ".Paak",
                                      "and", "the", "U.S.", "“", "team", "”",
                                      "of", "65,000", ",", "7", ",", "8"}));
}

}  // namespace
}  // namespace verbatim::extraction
