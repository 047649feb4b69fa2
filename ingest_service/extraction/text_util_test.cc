#include "ingest_service/extraction/text_util.h"

#include <string>

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

TEST(TextUtilTest, FindAnyOf4MatchesScalarSearchAtEveryOffset) {
  // Exercises the 16-byte blocks and the scalar tail around each boundary.
  for (size_t len = 0; len < 70; ++len) {
    for (size_t at = 0; at <= len; ++at) {
      std::string s(len, 'x');
      if (at < len) s[at] = '"';
      const size_t want = at < len ? at : len;
      EXPECT_EQ(FindAnyOf4(s, 0, s.size(), '"', '\'', '\xE2', '\xC2'), want)
          << len << " " << at;
      // A range end before the match stops the search there.
      if (at > 0 && at < len) {
        EXPECT_EQ(FindAnyOf4(s, 0, at, '"', '\'', '\xE2', '\xC2'), at);
      }
    }
  }
}

TEST(TextUtilTest, DecodeAndClasses) {
  const std::string s = "a\xE2\x80\x9C\xC3\xA9";  // a “ é
  size_t len;
  EXPECT_EQ(DecodeAt(s, 0, len), U'a');
  EXPECT_EQ(DecodeAt(s, 1, len), 0x201Cu);
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(CharBefore(s, s.size()), 0xE9u);
  EXPECT_EQ(DecodeAt("\xE2\x80", 0, len), 0xFFFDu);  // truncated
  EXPECT_EQ(len, 1u);
  EXPECT_TRUE(IsWordChar(0xE9));
  EXPECT_FALSE(IsWordChar(0x201C));
  EXPECT_TRUE(IsSpace(0xA0));
  EXPECT_TRUE(IsDash(0x2014));
  EXPECT_EQ(TrimSpaces("\xC2\xA0 hi \t"), "hi");
  EXPECT_EQ(LastWord("the Compton rapper"), "rapper");
  EXPECT_EQ(LastWord("memo"), "memo");
  EXPECT_TRUE(StartsWithIgnoreCase("Photo Credit: x", "photo credit"));
  EXPECT_TRUE(EndsWithIgnoreCase("a YouTube Screenshot", "youtube screenshot"));
}

}  // namespace
}  // namespace verbatim::extraction
