#include "ingest_service/entities/alias_grouper.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class AliasGrouperTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = LoadEmbeddedLexicons();
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = new Lexicons(*std::move(lex));
  }

  // Spans are laid out in order; offsets only need to be increasing.
  NamedSpan Span(std::string text, EntityType type = EntityType::kPerson,
                 bool strong = true) {
    NamedSpan s;
    s.span = {next_, next_ + text.size()};
    next_ += text.size() + 10;
    s.text = std::move(text);
    s.type = type;
    s.score = strong ? 2.0f : 0.5f;
    s.strong = strong;
    return s;
  }

  static const Lexicons* lex_;
  size_t next_ = 0;
};

const Lexicons* AliasGrouperTest::lex_ = nullptr;

TEST_F(AliasGrouperTest, SurnameGivenNameAndHonorificJoinFullName) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("Ines Okoro"), Span("Okoro"),
                                  Span("Ines"), Span("Ms. Okoro")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].display_name, "Ines Okoro");
  EXPECT_THAT(a.entities[0].aliases,
              UnorderedElementsAre("Okoro", "Ines", "Ms. Okoro"));
  EXPECT_EQ(a.mentions.size(), 4u);
}

TEST_F(AliasGrouperTest, SurnameBeforeFullNameStillJoins) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("Okoro"), Span("Ines Okoro")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].display_name, "Ines Okoro");
  EXPECT_EQ(a.mentions[0].entity, 0);
}

TEST_F(AliasGrouperTest, SharedSurnameGoesToThePersonNamedMostSoFar) {
  const AliasGrouper grouper(*lex_);
  // The story is about Tade; Ines is named once, in full, in between.
  std::vector<NamedSpan> spans = {Span("Tade Okoro"), Span("Okoro"),
                                  Span("Ines Okoro"), Span("Okoro")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.mentions[1].entity, a.mentions[0].entity);
  EXPECT_EQ(a.mentions[3].entity, a.mentions[0].entity);
  EXPECT_NE(a.mentions[2].entity, a.mentions[0].entity);
}

TEST_F(AliasGrouperTest, SharedSurnameTieGoesToThePersonIntroducedFirst) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("Ines Okoro"), Span("Tade Okoro"),
                                  Span("Okoro")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.mentions[2].entity, a.mentions[0].entity);
}

TEST_F(AliasGrouperTest, DisplayNameDropsHonorificsBeforeAFullName) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("Lt. Gen. Ines Okoro"), Span("Okoro"),
                                  Span("Mr. Hale")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.entities[0].display_name, "Ines Okoro");
  EXPECT_THAT(a.entities[0].aliases,
              UnorderedElementsAre("Lt. Gen. Ines Okoro", "Okoro"));
  // A surname alone keeps its honorific: it is the only name printed.
  EXPECT_EQ(a.entities[1].display_name, "Mr. Hale");
}

TEST_F(AliasGrouperTest, WithoutHonorificsKeepsNamesOfOneWord) {
  const AliasGrouper grouper(*lex_);
  EXPECT_EQ(grouper.WithoutHonorifics("Sen. Ines Okoro"), "Ines Okoro");
  EXPECT_EQ(grouper.WithoutHonorifics("Gov. Lt. Tade Okoro"), "Tade Okoro");
  EXPECT_EQ(grouper.WithoutHonorifics("Dr. Hale"), "Dr. Hale");
  EXPECT_EQ(grouper.WithoutHonorifics("DJ Lo Vee"), "DJ Lo Vee");
  EXPECT_EQ(grouper.WithoutHonorifics("Ines Okoro"), "Ines Okoro");
  EXPECT_EQ(grouper.WithoutHonorifics("Sen.\xC2\xA0Ines Okoro"), "Ines Okoro");
}

TEST_F(AliasGrouperTest, PunctuationVariantsOfNicknameJoin) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("J-Roc"), Span("J.Roc"), Span("j.roc"),
                                  Span("J. Roc")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].aliases.size(), 3u);
}

TEST_F(AliasGrouperTest, AkaLinksTwoNames) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("DJ Lo .Fi"), Span("Marco Feld")};
  const std::pair<int, int> same[] = {{0, 1}};
  const EntityAnalysis a = grouper.Group(spans, same);
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_THAT(a.entities[0].aliases, ElementsAre("Marco Feld"));
}

TEST_F(AliasGrouperTest, WeakSpansOnlyJoinKnownEntities) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {
      Span("Dana Free"), Span("Free", EntityType::kPerson, /*strong=*/false),
      Span("Nobody", EntityType::kPerson, /*strong=*/false)};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.mentions.size(), 2u);
}

TEST_F(AliasGrouperTest, CanonicalNameGroupsNicknames) {
  const AliasGrouper grouper(*lex_);
  NamedSpan nick = Span("Oscars", EntityType::kEvent);
  nick.canonical = "Academy Awards";
  std::vector<NamedSpan> spans = {nick,
                                  Span("Academy Awards", EntityType::kEvent)};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].display_name, "Academy Awards");
  EXPECT_THAT(a.entities[0].aliases, ElementsAre("Oscars"));
}

TEST_F(AliasGrouperTest, CanonicalBecomesDisplayNameWhenOnlyNicknameSeen) {
  const AliasGrouper grouper(*lex_);
  NamedSpan nick = Span("Oscars", EntityType::kEvent);
  nick.canonical = "Academy Awards";
  const EntityAnalysis a = grouper.Group({nick}, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].display_name, "Academy Awards");
}

TEST_F(AliasGrouperTest, EventPrintedOnlyWithItsDateIsNamedWithout) {
  const AliasGrouper grouper(*lex_);
  const EntityAnalysis a =
      grouper.Group({Span("2022 Global Sound Awards", EntityType::kEvent),
                     Span("95th annual Harbour Awards", EntityType::kEvent)},
                    {});
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.entities[0].display_name, "Global Sound Awards");
  EXPECT_THAT(a.entities[0].aliases, ElementsAre("2022 Global Sound Awards"));
  EXPECT_EQ(a.entities[1].display_name, "Harbour Awards");
}

TEST_F(AliasGrouperTest, DifferentTypesStayApart) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {
      Span("Harlow Records", EntityType::kOrganization),
      Span("Harlow Lake", EntityType::kPlace)};
  EXPECT_EQ(grouper.Group(spans, {}).entities.size(), 2u);
}

TEST_F(AliasGrouperTest, CoreWordsDropHonorificsAndYears) {
  const AliasGrouper grouper(*lex_);
  EXPECT_THAT(grouper.CoreWords("Mr. Hale"), ElementsAre("hale"));
  EXPECT_THAT(grouper.CoreWords("2023 Harbor Awards"),
              ElementsAre("harbor", "awards"));
  EXPECT_THAT(grouper.CoreWords("DJ Lo"), ElementsAre("dj", "lo"));
}

TEST_F(AliasGrouperTest, CoreWordsDropSurnameParticlesButNotInPlaces) {
  const AliasGrouper grouper(*lex_);
  EXPECT_THAT(grouper.CoreWords("Ilse van der Hoek"),
              ElementsAre("ilse", "hoek"));
  EXPECT_THAT(grouper.CoreWords("van der Hoek"), ElementsAre("hoek"));
  EXPECT_THAT(grouper.CoreWords("De Moura"), ElementsAre("moura"));
  EXPECT_THAT(grouper.CoreWords("El Paso"), ElementsAre("el", "paso"));
  // A particle that ends the name is the name.
  EXPECT_THAT(grouper.CoreWords("Ilse Van"), ElementsAre("ilse", "van"));
}

TEST_F(AliasGrouperTest, MatchFindsEntityByAnyForm) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("Ines Okoro"), Span("J-Roc")};
  const EntityAnalysis a = grouper.Group(spans, {});
  EXPECT_EQ(grouper.Match(a, "Okoro"), 0);
  EXPECT_EQ(grouper.Match(a, "Ms Okoro"), 0);
  EXPECT_EQ(grouper.Match(a, "j.roc"), 1);
  EXPECT_EQ(grouper.Match(a, "Someone Else"), -1);
}

TEST_F(AliasGrouperTest, OneWordNameKeepsTheTypeWithMoreEvidence) {
  const AliasGrouper grouper(*lex_);
  // "scooter maker Veltro" (an organisation cue), then "Veltro said".
  NamedSpan org = Span("Veltro", EntityType::kOrganization);
  org.score = 3.0f;
  NamedSpan speaker = Span("Veltro");
  speaker.score = 2.0f;
  std::vector<NamedSpan> spans = {org, speaker};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].type, EntityType::kOrganization);
  EXPECT_EQ(a.mentions[1].entity, 0);
  // With less evidence for the organisation, a person of that name stays.
  org.score = 1.5f;
  speaker.score = 2.5f;
  spans = {org, speaker};
  EXPECT_EQ(grouper.Group(spans, {}).entities.size(), 2u);
}

TEST_F(AliasGrouperTest, MatchPrefersAPersonsSurnameToAPlace) {
  const AliasGrouper grouper(*lex_);
  // A gazetteer place keeps its own entity (score 3 and more).
  NamedSpan place = Span("Marlow", EntityType::kPlace);
  place.score = 3.0f;
  std::vector<NamedSpan> spans = {
      Span("Ines Marlow"), place,
      Span("Harbor Board", EntityType::kOrganization)};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 3u);
  ASSERT_EQ(a.entities[0].type, EntityType::kPerson);
  EXPECT_EQ(grouper.Match(a, "Marlow"), 0);
  EXPECT_EQ(grouper.Match(a, "Harbor Board"), 2);
}

TEST_F(AliasGrouperTest, OneWordIsAnOrganisationsFirstWordNotAGivenName) {
  const AliasGrouper grouper(*lex_);
  // "Corvane" opens both names: an organisation goes by its first word, a
  // person (here a product typed a person) by the surname.
  std::vector<NamedSpan> spans = {
      Span("Corvane Technologies Ltd", EntityType::kOrganization),
      Span("Corvane Halo"), Span("Corvane"), Span("Halo")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 2u);
  ASSERT_EQ(a.mentions.size(), 4u);
  EXPECT_EQ(a.mentions[2].entity, a.mentions[0].entity);
  EXPECT_EQ(a.mentions[3].entity, a.mentions[1].entity);
  // Matching a speaker's name agrees: a whole name before a given name, a
  // surname still first.
  EXPECT_EQ(grouper.Match(a, "Corvane"), a.mentions[0].entity);
  EXPECT_EQ(grouper.Match(a, "Halo"), a.mentions[1].entity);
}

TEST_F(AliasGrouperTest, LettersAfterANameDoNotTellItApart) {
  const AliasGrouper grouper(*lex_);
  std::vector<NamedSpan> spans = {Span("Rajesh Kulkarni")};
  const EntityAnalysis a = grouper.Group(spans, {});
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(grouper.Match(a, "Rajesh Kulkarni KC"), 0);
}

}  // namespace
}  // namespace verbatim::entities
