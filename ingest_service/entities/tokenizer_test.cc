#include "ingest_service/entities/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

std::vector<std::string> Words(std::string_view text,
                               const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord) {
      out.emplace_back(text.substr(t.begin, t.end - t.begin));
    }
  }
  return out;
}

const Token* Find(std::string_view text, const std::vector<Token>& tokens,
                  std::string_view word) {
  for (const Token& t : tokens) {
    if (text.substr(t.begin, t.end - t.begin) == word) return &t;
  }
  return nullptr;
}

TEST(TokenizerTest, SplitsPossessivesOff) {
  const std::string text = "Marta\xE2\x80\x99s new book and James's dog";
  const auto tokens = Tokenize(text, {});
  EXPECT_EQ(Words(text, tokens),
            (std::vector<std::string>{"Marta", "new", "book", "and", "James",
                                      "dog"}));
  EXPECT_TRUE(Find(text, tokens, "Marta")->possessive);
  EXPECT_TRUE(Find(text, tokens, "James")->possessive);
}

TEST(TokenizerTest, PluralPossessiveMarks) {
  // A straight mark after s always; a curly one only before a capital, as it
  // may close a quotation ("for the fans’ he said").
  const std::string text =
      "the Lamars' house, Dock Workers’ Union, for the fans’ he said";
  const auto tokens = Tokenize(text, {});
  EXPECT_TRUE(Find(text, tokens, "Lamars")->plural_possessive);
  EXPECT_TRUE(Find(text, tokens, "Workers")->plural_possessive);
  EXPECT_FALSE(Find(text, tokens, "fans")->possessive);
}

TEST(TokenizerTest, KeepsContractionsAndIrishNamesWhole) {
  const std::string text = "I\xE2\x80\x99m told O'Brien won't";
  const auto tokens = Tokenize(text, {});
  EXPECT_EQ(
      Words(text, tokens),
      (std::vector<std::string>{"I\xE2\x80\x99m", "told", "O'Brien", "won't"}));
}

TEST(TokenizerTest, DotsInsideAndBeforeNames) {
  const std::string text = "MC Lo .Fi met j.roc and Dr. Ames.";
  const auto tokens = Tokenize(text, {});
  const Token* fi = Find(text, tokens, ".Fi");
  ASSERT_NE(fi, nullptr);
  EXPECT_TRUE(fi->leading_dot);
  EXPECT_TRUE(fi->upper_initial);
  const Token* roc = Find(text, tokens, "j.roc");
  ASSERT_NE(roc, nullptr);
  EXPECT_TRUE(roc->inner_dot);
  EXPECT_FALSE(roc->upper_initial);
  EXPECT_TRUE(Find(text, tokens, "Dr")->trailing_dot);
}

TEST(TokenizerTest, RecordsLowerCaseHyphenTail) {
  const std::string text = "a Lena Ortiz-directed film by Smith-Jones";
  const auto tokens = Tokenize(text, {});
  const Token* directed = Find(text, tokens, "Ortiz-directed");
  ASSERT_NE(directed, nullptr);
  EXPECT_EQ(text.substr(directed->hyphen_tail), "directed film by Smith-Jones");
  EXPECT_EQ(Find(text, tokens, "Smith-Jones")->hyphen_tail, 0u);
}

TEST(TokenizerTest, HeadEndStopsBeforeAMultiByteHyphen) {
  // U+2011 (non-breaking hyphen) is three bytes: the head must not keep two.
  const std::string text = "a Lena Ortiz\xE2\x80\x91led team";
  const auto tokens = Tokenize(text, {});
  const Token* led = Find(text, tokens, "Ortiz\xE2\x80\x91led");
  ASSERT_NE(led, nullptr);
  EXPECT_EQ(text.substr(led->hyphen_tail, 3), "led");
  EXPECT_EQ(text.substr(led->begin, HeadEnd(*led) - led->begin), "Ortiz");
  const Token* lena = Find(text, tokens, "Lena");
  EXPECT_EQ(HeadEnd(*lena), lena->end);
}

TEST(TokenizerTest, CapitalisationFlags) {
  const std::string text = "NASA and bzTech and Ana";
  const auto tokens = Tokenize(text, {});
  EXPECT_TRUE(Find(text, tokens, "NASA")->all_upper);
  EXPECT_TRUE(Find(text, tokens, "bzTech")->inner_upper);
  EXPECT_FALSE(Find(text, tokens, "bzTech")->upper_initial);
  EXPECT_TRUE(Find(text, tokens, "Ana")->upper_initial);
  EXPECT_FALSE(Find(text, tokens, "Ana")->all_upper);
}

TEST(TokenizerTest, InfersSentenceStarts) {
  const std::string text =
      "Rain fell. Then Mr. Oduya spoke.\nNext line, \xE2\x80\x9CWe won\"";
  const auto tokens = Tokenize(text, {});
  EXPECT_TRUE(Find(text, tokens, "Rain")->sentence_start);
  EXPECT_TRUE(Find(text, tokens, "Then")->sentence_start);
  EXPECT_FALSE(Find(text, tokens, "Oduya")->sentence_start);  // after "Mr."
  EXPECT_TRUE(Find(text, tokens, "Next")->sentence_start);
  EXPECT_TRUE(Find(text, tokens, "Next")->newline_before);
  EXPECT_TRUE(Find(text, tokens, "We")->sentence_start);  // opens a quote
  EXPECT_FALSE(Find(text, tokens, "line")->sentence_start);
}

TEST(TokenizerTest, CallerSentencesAddStarts) {
  const std::string text = "alpha beta gamma";
  const TextSpan sentences[] = {{0, 10}, {11, 16}};
  const auto tokens = Tokenize(text, sentences);
  EXPECT_TRUE(Find(text, tokens, "gamma")->sentence_start);
  EXPECT_FALSE(Find(text, tokens, "beta")->sentence_start);
}

TEST(TokenizerTest, SurvivesInvalidUtf8AndEmptyInput) {
  EXPECT_TRUE(Tokenize("", {}).empty());
  const std::string text = "A\xFF\xFE B";
  const auto tokens = Tokenize(text, {});
  EXPECT_FALSE(tokens.empty());
}

}  // namespace
}  // namespace verbatim::entities
