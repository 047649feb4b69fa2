#include "common/text/fold.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

using ::testing::ElementsAre;

TEST(FoldTest, NicknameSpellingsShareAKey) {
  EXPECT_EQ(NameKey("K-Dot"), "kdot");
  EXPECT_EQ(NameKey("K.Dot"), "kdot");
  EXPECT_EQ(NameKey("k.dot"), "kdot");
  EXPECT_EQ(NameKey("K. Dot"), "kdot");
}

TEST(FoldTest, AccentsAndCaseAreFolded) {
  EXPECT_EQ(NameKey("Beyoncé Knowles"), "beyonceknowles");
  EXPECT_EQ(NameKey("ÉCOLE"), "ecole");
  EXPECT_EQ(NameKey("Straße"), "strasse");
}

TEST(FoldTest, WordsSplitOnPunctuationAndApostrophes) {
  EXPECT_THAT(FoldedWords("Don’t STOP, Beyoncé!"),
              ElementsAre("don", "t", "stop", "beyonce"));
  EXPECT_THAT(FoldedWords("Don't stop"), ElementsAre("don", "t", "stop"));
  EXPECT_THAT(FoldedWords(""), ElementsAre());
  EXPECT_THAT(FoldedWords("— … —"), ElementsAre());
}

TEST(FoldTest, NonLatinScriptsKeepTheirLetters) {
  EXPECT_THAT(FoldedWords("Привет мир"), ElementsAre("привет", "мир"));
  EXPECT_EQ(NameKey("東京"), "東京");
}

TEST(WithoutAccentsTest, KeepsLettersAndEverythingElse) {
  EXPECT_EQ(WithoutAccents("ciarán"), "ciaran");
  EXPECT_EQ(WithoutAccents("zoë o'brien-núñez"), "zoe o'brien-nunez");
  EXPECT_EQ(WithoutAccents("東京"), "東京");
}

TEST(LowerKeyTest, LowercasesKeepsAccentsAndFoldsTheApostrophe) {
  EXPECT_EQ(LowerKey("O\xE2\x80\x99Neil"), "o'neil");
  EXPECT_EQ(LowerKey("ÉLODIE"), "élodie");
  EXPECT_EQ(LowerKey("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
  std::string buffer = "x ";
  AppendLowerKey("Ada", buffer);
  EXPECT_EQ(buffer, "x ada");
}

TEST(AppendUtf8Test, EncodesOneToFourBytesAndSkipsNonCodePoints) {
  std::string out = "x";
  for (const char32_t c : {U'a', U'é', U'’', U'𝄞', char32_t{0x110000}}) {
    AppendUtf8(c, out);
  }
  EXPECT_EQ(out, "xaé’𝄞");
}

}  // namespace
}  // namespace verbatim::text
