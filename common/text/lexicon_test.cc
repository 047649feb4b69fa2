#include "common/text/lexicon.h"

#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

TEST(LexiconTest, ParsesEntriesValuesAndComments) {
  auto lexicon = Lexicon::Parse("test",
                                "# a comment\n"
                                "Alpha\n"
                                "\n"
                                "beta=m\n"
                                "  Gamma Delta = canonical name  \n"
                                "alpha=second\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  EXPECT_EQ(lexicon->size(), 3u);
  EXPECT_TRUE(lexicon->Contains("alpha"));
  EXPECT_FALSE(lexicon->Contains("Alpha"));  // keys are LowerKeys
  EXPECT_EQ(lexicon->Find("beta"), "m");
  EXPECT_EQ(lexicon->Find("alpha"), "");  // the first value stays
  EXPECT_EQ(lexicon->Find("gamma delta"), "canonical name");
  EXPECT_FALSE(lexicon->Find("# a comment").has_value());
  ASSERT_EQ(lexicon->entries().size(), 3u);
  EXPECT_EQ(lexicon->entries()[1].first, "beta");
  EXPECT_EQ(lexicon->entries()[2].second, "canonical name");
}

TEST(LexiconTest, HandlesMissingFinalNewlineAndCrLf) {
  auto lexicon = Lexicon::Parse("test", "one\r\ntwo");
  ASSERT_TRUE(lexicon.ok());
  EXPECT_TRUE(lexicon->Contains("one"));
  EXPECT_TRUE(lexicon->Contains("two"));
}

TEST(LexiconTest, RejectsEmptyEntryNamingTheFile) {
  auto lexicon = Lexicon::Parse("broken.txt", "fine\n=m\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(lexicon.status().message().find("broken.txt"),
            absl::string_view::npos);
}

TEST(LexiconTest, FoldedLookupsIgnoreCaseAccentsStayAndApostrophesFold) {
  auto lexicon = Lexicon::Parse("test", "he=male\nÉlodie\no'neil\n");
  ASSERT_TRUE(lexicon.ok());
  EXPECT_TRUE(lexicon->ContainsFolded("HE"));
  EXPECT_EQ(lexicon->FindFolded("He"), "male");
  EXPECT_TRUE(lexicon->ContainsFolded("ÉLODIE"));
  EXPECT_FALSE(lexicon->ContainsFolded("Elodie"));
  EXPECT_TRUE(lexicon->ContainsFolded("O\xE2\x80\x99Neil"));
  EXPECT_FALSE(lexicon->FindFolded("she").has_value());
  EXPECT_FALSE(lexicon->ContainsFolded(""));
  const std::string long_word(100, 'h');
  EXPECT_FALSE(lexicon->ContainsFolded(long_word));
}

TEST(LexiconTest, FindsThePluralOfAnEntry) {
  auto lexicon = Lexicon::Parse("test", "supporter=person\nga\n");
  ASSERT_TRUE(lexicon.ok());
  EXPECT_EQ(lexicon->FindFoldedOrSingular("Supporters"), "person");
  EXPECT_EQ(lexicon->FindFoldedOrSingular("supporter"), "person");
  // Three letters or fewer are no plural: "gas" is no "ga" + s.
  EXPECT_FALSE(lexicon->FindFoldedOrSingular("gas").has_value());
}

TEST(LexiconEntryLinesTest, SkipsCommentsAndBlankLinesAndTrims) {
  const std::vector<std::string_view> lines =
      LexiconEntryLines("# head\n  one two \n\n\t# indented comment\nthree");
  EXPECT_EQ(lines, (std::vector<std::string_view>{"one two", "three"}));
}

}  // namespace
}  // namespace verbatim::text
