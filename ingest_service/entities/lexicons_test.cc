#include "ingest_service/entities/lexicons.h"

#include <map>
#include <string>
#include <string_view>

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
  // Any country's regions, unless the name is also a word or a given name.
  EXPECT_TRUE(lex->places.Contains("arequipa"));
  EXPECT_FALSE(lex->places.Contains("central"));
  EXPECT_TRUE(lex->places.Contains("andes"));  // ranges, rivers, seas
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
  struct Case {
    std::string_view word;
    WordFlag flag;
    bool set;
  };
  for (const Case& c :
       {Case{"over", kMinorTitleWord, true}, Case{"they", kFunctionWord, true},
        Case{"while", kFunctionWord, false},
        Case{"while", kClosedClassWord, true},
        Case{"bros", kNameAbbreviation, true},
        Case{"former", kRoleOpener, true},
        Case{"sophomore", kWorkAdjective, true},
        Case{"mount", kPlaceStart, true}, Case{"greater", kPlacePrefix, true},
        Case{"greater", kPlaceStart, false},
        Case{"reportedly", kSpeechAdverb, true},
        Case{"starring", kPersonListCue, true},
        Case{"throughout", kPlacePreposition, true}}) {
    EXPECT_EQ((lex->Word(c.word).flags & c.flag) != 0, c.set)
        << c.word << " flag " << c.flag;
  }
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
