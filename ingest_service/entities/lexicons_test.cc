#include "ingest_service/entities/lexicons.h"

#include <map>
#include <string>

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

TEST(LexiconsTest, EmbeddedLexiconsLoad) {
  auto lex = LoadEmbeddedLexicons();
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_GT(lex->common_words.size(), 10000u);
  EXPECT_GT(lex->first_names.size(), 500u);
  EXPECT_TRUE(lex->places.Contains("germany"));  // ISO 3166-1
  EXPECT_TRUE(lex->places.Contains("texas"));    // ISO 3166-2
  EXPECT_TRUE(lex->places.Contains("chicago"));  // hand-written cities
  EXPECT_TRUE(lex->region_codes.Contains("tx"));
  EXPECT_TRUE(lex->org_heads.Contains("university"));
  EXPECT_TRUE(lex->event_heads.Contains("festival"));
}

TEST(LexiconsTest, CommonWordsFoldRegularInflections) {
  auto lex = LoadEmbeddedLexicons();
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(lex->IsCommonWord("river"));
  EXPECT_TRUE(lex->IsCommonWord("rivers"));
  EXPECT_TRUE(lex->IsCommonWord("walked"));
  EXPECT_TRUE(lex->IsCommonWord("cities"));
  EXPECT_TRUE(lex->IsCommonWord("okay"));  // extra_common_words.txt
  EXPECT_FALSE(lex->IsCommonWord("xqzv"));
}

TEST(LexiconsTest, ClosedWordListsSetFlags) {
  auto lex = LoadEmbeddedLexicons();
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(lex->Word("over").flags & kMinorTitleWord);
  EXPECT_TRUE(lex->Word("they").flags & kFunctionWord);
  EXPECT_FALSE(lex->Word("while").flags & kFunctionWord);
  EXPECT_TRUE(lex->Word("while").flags & kClosedClassWord);
  EXPECT_TRUE(lex->Word("bros").flags & kNameAbbreviation);
  EXPECT_TRUE(lex->Word("former").flags & kRoleOpener);
  EXPECT_TRUE(lex->Word("sophomore").flags & kWorkAdjective);
  EXPECT_TRUE(lex->Word("mount").flags & kPlaceStart);
  EXPECT_TRUE(lex->Word("greater").flags & kPlacePrefix);
  EXPECT_FALSE(lex->Word("greater").flags & kPlaceStart);
  EXPECT_TRUE(lex->Word("reportedly").flags & kSpeechAdverb);
  EXPECT_TRUE(lex->Word("starring").flags & kPersonListCue);
  EXPECT_TRUE(lex->Word("throughout").flags & kPlacePreposition);
  // Word parts, not tokens: looked up directly.
  EXPECT_TRUE(lex->domain_suffixes.Contains("html"));
  EXPECT_TRUE(lex->author_suffixes.Contains("co-written"));
}

TEST(LexiconsTest, GenderFromLexiconValues) {
  auto lex = LoadEmbeddedLexicons();
  ASSERT_TRUE(lex.ok());
  EXPECT_EQ(Lexicons::GenderOf(lex->first_names, "margaret"), Gender::kFemale);
  EXPECT_EQ(Lexicons::GenderOf(lex->first_names, "george"), Gender::kMale);
  EXPECT_EQ(Lexicons::GenderOf(lex->honorifics, "mrs"), Gender::kFemale);
  EXPECT_EQ(Lexicons::GenderOf(lex->honorifics, "dr"), Gender::kUnknown);
}

TEST(LexiconsTest, MissingFileIsNotFound) {
  auto lex =
      LoadLexicons([](std::string_view) -> std::optional<std::string_view> {
        return std::nullopt;
      });
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kNotFound);
}

TEST(LexiconsTest, CorruptFileIsInvalidArgument) {
  auto lex = LoadLexicons(
      [](std::string_view name) -> std::optional<std::string_view> {
        if (name == "honorifics.txt") return std::string_view("=m\n");
        return std::string_view("word\n");
      });
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace verbatim::entities
