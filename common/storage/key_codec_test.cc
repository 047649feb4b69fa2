#include "common/storage/key_codec.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace verbatim::storage {
namespace {

TEST(KeyCodecTest, SignedIntegersSortNumerically) {
  const std::vector<int64_t> values = {
      std::numeric_limits<int64_t>::min(), -5, -1, 0, 1, 7,
      std::numeric_limits<int64_t>::max()};
  for (size_t i = 1; i < values.size(); ++i) {
    EXPECT_LT(KeyWriter().Int64(values[i - 1]).key(),
              KeyWriter().Int64(values[i]).key())
        << values[i - 1] << " vs " << values[i];
    EXPECT_GT(KeyWriter().Int64Descending(values[i - 1]).key(),
              KeyWriter().Int64Descending(values[i]).key());
  }
}

TEST(KeyCodecTest, UnsignedIntegersSortNumerically) {
  EXPECT_LT(KeyWriter().Uint64(255).key(), KeyWriter().Uint64(256).key());
  EXPECT_LT(KeyWriter().Uint64(0).key(),
            KeyWriter().Uint64(std::numeric_limits<uint64_t>::max()).key());
}

TEST(KeyCodecTest, StringsSortLikeTuplesAndAreNotPrefixesOfEachOther) {
  // ("a", 9) must sort before ("ab", 1) although "a\x00..." vs "ab": the
  // terminator keeps the string component whole.
  EXPECT_LT(KeyWriter().String("a").Uint64(9).key(),
            KeyWriter().String("ab").Uint64(1).key());
  EXPECT_LT(KeyWriter().String("a").key(),
            KeyWriter().String(std::string("a\0", 2)).key());
  EXPECT_LT(KeyWriter().String(std::string("a\0", 2)).key(),
            KeyWriter().String("ab").key());
  EXPECT_LT(KeyWriter().String("").key(), KeyWriter().String("a").key());
}

TEST(KeyCodecTest, RoundTripsEveryComponent) {
  const std::string text("nul\0inside", 10);
  std::string key = KeyWriter()
                        .String(text)
                        .Int64(-42)
                        .Int64Descending(1700000000)
                        .Uint64(99)
                        .String("")
                        .Release();
  KeyReader reader(key);
  std::string s;
  int64_t i = 0;
  int64_t d = 0;
  uint64_t u = 0;
  std::string empty = "x";
  ASSERT_TRUE(reader.String(&s));
  ASSERT_TRUE(reader.Int64(&i));
  ASSERT_TRUE(reader.Int64Descending(&d));
  ASSERT_TRUE(reader.Uint64(&u));
  ASSERT_TRUE(reader.String(&empty));
  EXPECT_TRUE(reader.done());
  EXPECT_EQ(s, text);
  EXPECT_EQ(i, -42);
  EXPECT_EQ(d, 1700000000);
  EXPECT_EQ(u, 99u);
  EXPECT_EQ(empty, "");
}

TEST(KeyCodecTest, RejectsMalformedInput) {
  uint64_t u;
  EXPECT_FALSE(KeyReader("short").Uint64(&u));
  std::string s;
  EXPECT_FALSE(KeyReader("unterminated").String(&s));
  EXPECT_FALSE(KeyReader(std::string("bad\0\x02", 5)).String(&s));
}

TEST(KeyCodecTest, PrefixSuccessorBoundsThePrefix) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor("a\xFF"), "b");
  EXPECT_EQ(PrefixSuccessor("\xFF\xFF"), "");
  const std::string prefix = KeyWriter().String("x").key();
  EXPECT_LT(KeyWriter().String("x").Uint64(~0ull).key(),
            PrefixSuccessor(prefix));
}

TEST(KeyCodecTest, LeadingStringLengthCoversEscapesAndTerminator) {
  const std::string plain = KeyWriter().String("ab").Uint64(7).Release();
  EXPECT_EQ(LeadingStringLength(plain), 4u);
  const std::string with_nul =
      KeyWriter().String(absl::string_view("a\0b", 3)).String("c").Release();
  EXPECT_EQ(LeadingStringLength(with_nul), 6u);
  EXPECT_EQ(LeadingStringLength(KeyWriter().Uint64(1).Release()), 0u);
  EXPECT_EQ(LeadingStringLength(""), 0u);
  EXPECT_EQ(LeadingStringLength(absl::string_view("a\0", 2)), 0u);
}

}  // namespace
}  // namespace verbatim::storage
