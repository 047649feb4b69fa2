#include "ingest_service/extraction/lexicon.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

TEST(LoadLexiconTest, EveryEmbeddedFileParses) {
  for (const char* name : {"abbreviations.txt",
                           "adjective_endings.txt",
                           "business_nouns.txt",
                           "colon_verbs.txt",
                           "cue_particles.txt",
                           "cue_verbs.txt",
                           "determiners.txt",
                           "excerpt_verbs.txt",
                           "frame_skip_words.txt",
                           "honorifics.txt",
                           "name_stopwords.txt",
                           "object_prepositions.txt",
                           "pronouns.txt",
                           "role_nouns.txt",
                           "sentence_openers.txt",
                           "subordinators.txt",
                           "title_function_words.txt",
                           "title_prepositions.txt",
                           "utterance_nouns.txt",
                           "voice_roles.txt"}) {
    auto lexicon = LoadLexicon(name);
    ASSERT_TRUE(lexicon.ok()) << name << ": " << lexicon.status();
    EXPECT_GT(lexicon->size(), 3u) << name;
  }
}

TEST(LoadLexiconTest, ValuesFollowTheEqualsSign) {
  auto pronouns = LoadLexicon("pronouns.txt");
  ASSERT_TRUE(pronouns.ok());
  EXPECT_EQ(pronouns->FindFolded("She"), "female");
  EXPECT_EQ(EmbeddedLexicon("honorifics.txt").FindFolded("Sen"), "senator");
}

TEST(LoadLexiconTest, MissingFileIsNotFound) {
  EXPECT_EQ(LoadLexicon("missing.txt").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(EmbeddedLexiconTest, LoadsOnceAndKeepsTheSameInstance) {
  const text::Lexicon& first = EmbeddedLexicon("role_nouns.txt");
  EXPECT_EQ(&first, &EmbeddedLexicon("role_nouns.txt"));
}

}  // namespace
}  // namespace verbatim::extraction
