#include "ingest_service/entities/text_util.h"

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

TEST(DecodeUtf8Test, DecodesAsciiAndMultiByte) {
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8("a", 0, len), U'a');
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(DecodeUtf8("\xE2\x80\x99", 0, len), char32_t{0x2019});
  EXPECT_EQ(len, 3u);
}

TEST(DecodeUtf8Test, InvalidByteAdvancesByOne) {
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8("\xFF"
                       "a",
                       0, len),
            char32_t{0xFFFD});
  EXPECT_EQ(len, 1u);
}

TEST(CharClassTest, ClassifiesNonAscii) {
  EXPECT_TRUE(IsUpper(U'É'));
  EXPECT_TRUE(IsLower(U'é'));
  EXPECT_TRUE(IsLetter(U'ł'));
  EXPECT_FALSE(IsLetter(U'—'));
  EXPECT_TRUE(IsSpace(char32_t{0xA0}));
  EXPECT_TRUE(IsApostrophe(char32_t{0x2019}));
}

TEST(SquashedKeyTest, IgnoresPunctuationCaseAndSpacing) {
  EXPECT_EQ(SquashedKey("J. Roc"), "jroc");
  EXPECT_EQ(SquashedKey("J-Roc"), "jroc");
  EXPECT_EQ(SquashedKey("j.roc"), "jroc");
  EXPECT_EQ(SquashedKey("JRoc"), "jroc");
}

TEST(TrimAsciiSpaceTest, TrimsBothEnds) {
  EXPECT_EQ(TrimAsciiSpace("  Ada Lovelace \n"), "Ada Lovelace");
  EXPECT_EQ(TrimAsciiSpace("   "), "");
}

}  // namespace
}  // namespace verbatim::entities
