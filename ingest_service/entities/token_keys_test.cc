#include "ingest_service/entities/token_keys.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

class TokenKeysTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = LoadEmbeddedLexicons();
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = new Lexicons(*std::move(lex));
  }
  static const Lexicons* lex_;
};

const Lexicons* TokenKeysTest::lex_ = nullptr;

TEST_F(TokenKeysTest, KeysAreLowerCaseWithoutDotsOrTails) {
  const std::string text = "Dr. Ana .Fi met ÉLODIE in a Texas-based band";
  const std::vector<Token> tokens = Tokenize(text, {});
  const TokenKeys keys(text, tokens, *lex_);
  std::vector<std::string> got;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kWord) got.emplace_back(keys.Key(i));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"dr", "ana", "fi", "met", "élodie",
                                           "in", "a", "texas", "band"}));
  // Punctuation has an empty key and no flags.
  EXPECT_TRUE(keys.Key(1).empty());
  EXPECT_FALSE(keys.Has(1, ~0u));
}

TEST_F(TokenKeysTest, FlagsComeFromTheLexicons) {
  const std::string text = "Mrs Ana said the album Kenya";
  const std::vector<Token> tokens = Tokenize(text, {});
  const TokenKeys keys(text, tokens, *lex_);
  EXPECT_TRUE(keys.Has(0, kHonorific));
  EXPECT_EQ(keys.Info(0).honorific_gender, Gender::kFemale);
  EXPECT_TRUE(keys.Has(1, kFirstName));
  EXPECT_TRUE(keys.Has(2, kSpeechVerb));
  EXPECT_TRUE(keys.Has(3, kCommonWord));
  EXPECT_TRUE(keys.Has(4, kWorkCue | kWorkCueAfter));
  EXPECT_TRUE(keys.Has(5, kPlaceName));
  EXPECT_FALSE(keys.Has(5, kCommonWord));
}

TEST_F(TokenKeysTest, AccentedNamesFindTheirBareEntries) {
  // The lexicons list "ciaran" and "zoe"; the key stays as printed.
  const std::string text = "Ciarán met Zoë";
  const std::vector<Token> tokens = Tokenize(text, {});
  const TokenKeys keys(text, tokens, *lex_);
  EXPECT_EQ(keys.Key(0), "ciarán");
  EXPECT_TRUE(keys.Has(0, kFirstName));
  EXPECT_EQ(keys.Info(0).first_name_gender, Gender::kMale);
  EXPECT_TRUE(keys.Has(2, kFirstName));
}

TEST_F(TokenKeysTest, RepeatedLookupsAreStable) {
  const std::string text = "Lena Brandt and LENA";
  const std::vector<Token> tokens = Tokenize(text, {});
  const TokenKeys keys(text, tokens, *lex_);
  const std::string_view first = keys.Key(0);
  for (size_t i = 0; i < tokens.size(); ++i) keys.Key(i);
  EXPECT_EQ(first, "lena");
  EXPECT_EQ(keys.Key(3), "lena");
}

}  // namespace
}  // namespace verbatim::entities
