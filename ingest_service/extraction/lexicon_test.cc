#include "ingest_service/extraction/lexicon.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

TEST(LexiconTest, ParsesEntriesCommentsAndValues) {
  const Lexicon lex =
      Lexicon::FromText("# comment\nsaid\n\n  told  \nhe\tmale\n");
  EXPECT_EQ(lex.size(), 3u);
  EXPECT_TRUE(lex.Contains("said"));
  EXPECT_TRUE(lex.Contains("told"));
  EXPECT_TRUE(lex.ContainsFolded("SAID"));
  ASSERT_NE(lex.FindFolded("He"), nullptr);
  EXPECT_EQ(*lex.FindFolded("He"), "male");
  EXPECT_EQ(lex.Find("she"), nullptr);
}

TEST(LexiconTest, FindsThePluralOfAnEntry) {
  const Lexicon lex = Lexicon::FromText("supporter\tperson\nga\n");
  ASSERT_NE(lex.FindFoldedOrSingular("Supporters"), nullptr);
  EXPECT_EQ(*lex.FindFoldedOrSingular("Supporters"), "person");
  EXPECT_NE(lex.FindFoldedOrSingular("supporter"), nullptr);
  // Three letters or fewer are no plural: "gas" is no "ga" + s.
  EXPECT_EQ(lex.FindFoldedOrSingular("gas"), nullptr);
}

TEST(LexiconTest, EmbeddedFilesLoad) {
  for (const char* name :
       {"cue_verbs.txt", "abbreviations.txt", "boilerplate.txt",
        "role_nouns.txt", "pronouns.txt", "honorifics.txt",
        "title_function_words.txt", "object_prepositions.txt",
        "voice_roles.txt", "adjective_endings.txt"}) {
    auto lex = Lexicon::Load(name);
    ASSERT_TRUE(lex.ok()) << name;
    EXPECT_GT(lex->size(), 3u) << name;
  }
  EXPECT_FALSE(Lexicon::Load("missing.txt").ok());
}

}  // namespace
}  // namespace verbatim::extraction
