#include "ingest_service/extraction/normalizer.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

TEST(NormalizerTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(ValidateUtf8("abc\xFF").ok());
  EXPECT_FALSE(ValidateUtf8("\xC3").ok());              // truncated
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());          // overlong
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());      // surrogate
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80").ok());  // > U+10FFFF
  EXPECT_TRUE(ValidateUtf8("caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D").ok());
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  auto r = n->Normalize("bad \x80 byte");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(NormalizerTest, AlreadyNfcIsIdentity) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  const std::string s =
      "Ren\xC3\xA9"
      "e said \xE2\x80\x9Chi\xE2\x80\x9D";
  auto r = n->Normalize(s);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->identity());
  EXPECT_EQ(r->text(), s);
  EXPECT_EQ(r->ToOriginal(5), 5u);
}

TEST(NormalizerTest, ComposesAndMapsOffsets) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  // "Rene" + combining acute (2 bytes) + "e said" -> "René" precomposed.
  const std::string s =
      "Rene\xCC\x81"
      "e said";
  auto r = n->Normalize(s);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->identity());
  EXPECT_EQ(r->text(),
            "Ren\xC3\xA9"
            "e said");
  // "e" after the accent: normalized offset 5 -> original 6.
  EXPECT_EQ(r->ToOriginal(5), 6u);
  EXPECT_EQ(r->ToOriginal(0), 0u);
  EXPECT_EQ(r->ToOriginal(r->text().size()), s.size());
  // " said" keeps its relative position.
  EXPECT_EQ(s.substr(r->ToOriginal(7)), "said");
}

}  // namespace
}  // namespace verbatim::extraction
