#include "ingest_service/entities/entity_recognizer.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

using ::testing::Contains;
using ::testing::UnorderedElementsAre;

class EntityRecognizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto recognizer = EntityRecognizer::Create();
    ASSERT_TRUE(recognizer.ok()) << recognizer.status();
    recognizer_ = recognizer->release();
  }

  EntityAnalysis Run(std::string_view text, const TextLayout& layout = {}) {
    return recognizer_->Recognize(text, layout);
  }

  // The entity whose display name or alias is `name`, or nullptr.
  static const Entity* Named(const EntityAnalysis& a, std::string_view name) {
    for (const Entity& e : a.entities) {
      if (e.display_name == name) return &e;
      for (const std::string& alias : e.aliases) {
        if (alias == name) return &e;
      }
    }
    return nullptr;
  }

  static constexpr auto kAdd = EntityRecognizer::UnknownName::kAdd;

  // The type of the entity named `name`, none when there is no such entity.
  static std::optional<EntityType> TypeOf(const EntityAnalysis& a,
                                          std::string_view name) {
    const Entity* e = Named(a, name);
    return e == nullptr ? std::nullopt : std::optional<EntityType>(e->type);
  }

  // Expects `alias` to name the entity named `name` (display name or alias).
  static void ExpectSameEntity(const EntityAnalysis& a, std::string_view name,
                               std::string_view alias) {
    const Entity* e = Named(a, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(Named(a, alias), e) << alias;
  }

  static const EntityRecognizer* recognizer_;
};

const EntityRecognizer* EntityRecognizerTest::recognizer_ = nullptr;

constexpr std::string_view kArticle =
    "Ines Okoro Talks About the Making of Her New Film\n"
    "Photo: Harlow Pictures\n"
    "Singer Ines Okoro has opened up about her short film, Paper "
    "Lanterns. The Brenwick rapper and her manager, Tade Mbeki, spoke "
    "with Reuters in Lagos, Nigeria.\n"
    "\xE2\x80\x9CIt was hard,\xE2\x80\x9D Okoro said. Mbeki added that "
    "the film was shot in 2021. Ines also thanked Mr. Feld, known as "
    "MC Lo .Fi aka Marco Feld, whose album Dust & The Long Road is out.\n"
    "Featuring Zubrin, Ada Vance, Koro Blue and more, the record "
    "premiered at the Harbor Film Festival before the Oscars.\n"
    "J-Roc joined later; J.Roc and j.roc are one nickname.";

TEST_F(EntityRecognizerTest, FindsTypedEntitiesInAnArticle) {
  const EntityAnalysis a = Run(kArticle);
  struct Expect {
    std::string_view name;
    EntityType type;
  };
  const Expect expected[] = {
      {"Ines Okoro", EntityType::kPerson},
      {"Tade Mbeki", EntityType::kPerson},
      {"Zubrin", EntityType::kPerson},
      {"Ada Vance", EntityType::kPerson},
      {"Koro Blue", EntityType::kPerson},
      {"Harlow Pictures", EntityType::kOrganization},
      {"Reuters", EntityType::kOrganization},
      {"Lagos", EntityType::kPlace},
      {"Nigeria", EntityType::kPlace},
      {"Brenwick", EntityType::kPlace},
      {"Paper Lanterns", EntityType::kWork},
      {"Dust & The Long Road", EntityType::kWork},
      {"Harbor Film Festival", EntityType::kEvent},
      {"Academy Awards", EntityType::kEvent},
  };
  for (const Expect& e : expected) {
    const Entity* entity = Named(a, e.name);
    ASSERT_NE(entity, nullptr) << e.name;
    EXPECT_EQ(entity->type, e.type) << e.name;
  }
  EXPECT_EQ(Named(a, "Talks"), nullptr);
  EXPECT_EQ(Named(a, "It"), nullptr);
}

TEST_F(EntityRecognizerTest, GroupsAliasesWithinTheArticle) {
  const EntityAnalysis a = Run(kArticle);
  const Entity* ines = Named(a, "Ines Okoro");
  ASSERT_NE(ines, nullptr);
  EXPECT_EQ(ines->display_name, "Ines Okoro");
  EXPECT_THAT(ines->aliases, Contains("Okoro"));
  EXPECT_THAT(ines->aliases, Contains("Ines"));
  EXPECT_EQ(ines->gender, Gender::kFemale);
  EXPECT_EQ(Named(a, "Mbeki"), Named(a, "Tade Mbeki"));
  EXPECT_EQ(Named(a, "MC Lo .Fi"), Named(a, "Marco Feld"));
  const Entity* nick = Named(a, "J-Roc");
  ASSERT_NE(nick, nullptr);
  EXPECT_EQ(Named(a, "J.Roc"), nick);
  EXPECT_EQ(Named(a, "j.roc"), nick);
}

TEST_F(EntityRecognizerTest, NameBeforeANonBreakingHyphenStaysWholeUtf8) {
  // "Ortiz‑led" with U+2011: the name ends before all three hyphen bytes.
  const std::string text =
      "A Lena Ortiz\xE2\x80\x91led team won. Lena Ortiz said so.";
  const EntityAnalysis a = Run(text);
  const Entity* ortiz = Named(a, "Lena Ortiz");
  ASSERT_NE(ortiz, nullptr);
  for (const Entity& e : a.entities) {
    EXPECT_EQ(e.display_name.find('\xE2'), std::string::npos) << e.display_name;
  }
  for (const Mention& m : a.mentions) {
    EXPECT_EQ(text.substr(m.span.begin, m.span.end - m.span.begin).find('\xE2'),
              std::string::npos);
  }
}

TEST_F(EntityRecognizerTest, MentionsAreSortedAndMatchTheText) {
  const EntityAnalysis a = Run(kArticle);
  ASSERT_FALSE(a.mentions.empty());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& m = a.mentions[i];
    EXPECT_EQ(kArticle.substr(m.span.begin, m.span.end - m.span.begin), m.text);
    ASSERT_GE(m.entity, 0);
    ASSERT_LT(m.entity, static_cast<int>(a.entities.size()));
    if (i > 0) {
      EXPECT_LE(a.mentions[i - 1].span.begin, m.span.begin);
    }
  }
}

TEST_F(EntityRecognizerTest, FlagsMentionsInBoilerplate) {
  const std::string_view text =
      "Ada Vance spoke in Lagos.\nPhoto by Tomas Berg/Reuters\n";
  const size_t caption = text.find("Photo");
  const TextSpan boilerplate[] = {{caption, text.size()}};
  TextLayout layout;
  layout.boilerplate = boilerplate;
  const EntityAnalysis a = Run(text, layout);
  bool saw_caption_mention = false;
  for (const Mention& m : a.mentions) {
    EXPECT_EQ(m.in_boilerplate, m.span.begin >= caption) << m.text;
    saw_caption_mention |= m.in_boilerplate;
  }
  EXPECT_TRUE(saw_caption_mention);
}

TEST_F(EntityRecognizerTest, ResolveNameJoinsExistingEntity) {
  const std::string text = "Ines Okoro spoke. Later Okoro left.";
  EntityAnalysis a = Run(text);
  const size_t before = a.entities.size();
  const size_t pos = text.rfind("Okoro");
  const int e = recognizer_->ResolveName(text, {pos, pos + 5}, kAdd, a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].display_name, "Ines Okoro");
  EXPECT_EQ(a.entities.size(), before);
}

TEST_F(EntityRecognizerTest, ResolveNameOfTheEndOfAMentionIsItsEntity) {
  const std::string text =
      "On Monday America's Food and Drug Administration said it was "
      "reviewing the matter.";
  EntityAnalysis a = Run(text);
  const size_t before = a.entities.size();
  const size_t pos = text.find("Drug");
  const int e = recognizer_->ResolveName(
      text, {pos, pos + std::string_view("Drug Administration").size()}, kAdd,
      a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].display_name, "Food and Drug Administration");
  EXPECT_EQ(a.entities.size(), before);
}

TEST_F(EntityRecognizerTest, ResolveNameDropsPossessive) {
  const std::string text = "Ines Okoro spoke. Okoro\xE2\x80\x99s band left.";
  EntityAnalysis a = Run(text);
  const size_t pos = text.rfind("Okoro");
  const int e = recognizer_->ResolveName(text, {pos, pos + 9}, kAdd, a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].display_name, "Ines Okoro");
  for (const Mention& m : a.mentions) {
    if (m.span.begin == pos) {
      EXPECT_EQ(m.text, "Okoro");
    }
  }
}

TEST_F(EntityRecognizerTest, ResolveNameCreatesOrganisationByItsHead) {
  const std::string text =
      "said Quellbrook's Research Foundation in a statement";
  EntityAnalysis a = Run(text);
  const std::string name = "Quellbrook's Research Foundation";
  const size_t pos = text.find(name);
  const int e =
      recognizer_->ResolveName(text, {pos, pos + name.size()}, kAdd, a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].type, EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, ResolveNameCreatesPersonWhenUnknown) {
  const std::string text = "the aide, said Mrs Quell in a note";
  EntityAnalysis a = Run(text);
  const size_t pos = text.find("Mrs Quell");
  const int e = recognizer_->ResolveName(text, {pos, pos + 9}, kAdd, a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].type, EntityType::kPerson);
  EXPECT_EQ(a.entities[e].gender, Gender::kFemale);
  bool found = false;
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    if (a.mentions[i].span.begin == pos) {
      found = true;
      EXPECT_EQ(a.mentions[i].entity, e);
    }
    if (i > 0) {
      EXPECT_LE(a.mentions[i - 1].span.begin, a.mentions[i].span.begin);
    }
  }
  EXPECT_TRUE(found);
  // Resolving the same span again reuses the mention.
  const size_t mentions = a.mentions.size();
  EXPECT_EQ(recognizer_->ResolveName(text, {pos, pos + 9}, kAdd, a), e);
  EXPECT_EQ(a.mentions.size(), mentions);
}

TEST_F(EntityRecognizerTest, ResolveNameCanIgnoreUnknownNames) {
  const std::string text = "Ada Okafor spoke. Later the panel and Okafor met.";
  EntityAnalysis a = Run(text);
  const size_t entities = a.entities.size();
  const size_t mentions = a.mentions.size();
  const auto ignore = EntityRecognizer::UnknownName::kIgnore;
  size_t pos = text.find("the panel");
  EXPECT_EQ(recognizer_->ResolveName(text, {pos, pos + 9}, ignore, a), -1);
  EXPECT_EQ(a.entities.size(), entities);
  EXPECT_EQ(a.mentions.size(), mentions);
  pos = text.rfind("Okafor");
  const int e = recognizer_->ResolveName(text, {pos, pos + 6}, ignore, a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].display_name, "Ada Okafor");
}

TEST_F(EntityRecognizerTest, ResolveNameLooksPastATitleInTheSubject) {
  const std::string text =
      "Ines Okoro arrived on Monday. \"We will rebuild,\" said Harbor Board "
      "Chairwoman Ines Okoro.";
  EntityAnalysis a = Run(text);
  const size_t begin = text.find("Harbor Board");
  const size_t end = text.rfind('.');
  const size_t before = a.entities.size();
  const int e = recognizer_->ResolveName(text, {begin, end}, kAdd, a);
  ASSERT_GE(e, 0);
  EXPECT_EQ(a.entities[e].display_name, "Ines Okoro");
  EXPECT_EQ(a.entities.size(), before);
}

TEST_F(EntityRecognizerTest, HandlesDegenerateInput) {
  EXPECT_TRUE(Run("").entities.empty());
  EXPECT_TRUE(Run("   \n\n  ").entities.empty());
  Run(std::string(10000, 'A'));
  Run("\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9D & & . .Paak ' \xE2\x80\x99s");
}

// Invariants over the shared third-party corpora (no expectations about
// their content, which must not shape the rules).
TEST_F(EntityRecognizerTest, SharedCorporaKeepInvariants) {
  const char* shared = std::getenv("VERBATIM_SHARED_DIR");
  if (shared == nullptr || !std::filesystem::exists(shared)) {
    GTEST_SKIP() << "VERBATIM_SHARED_DIR not set or missing; skipping";
  }
  size_t files = 0;
  for (const char* sub : {"corpus/seeds", "corpus/polnear-dev"}) {
    const std::filesystem::path dir = std::filesystem::path(shared) / sub;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      const EntityAnalysis a = Run(text);
      ++files;
      for (const Mention& m : a.mentions) {
        ASSERT_LE(m.span.end, text.size());
        ASSERT_EQ(text.substr(m.span.begin, m.span.end - m.span.begin), m.text)
            << entry.path();
      }
      for (const Entity& e : a.entities) EXPECT_FALSE(e.display_name.empty());
    }
  }
  if (files == 0) GTEST_SKIP() << "no corpus files under " << shared;
}

TEST_F(EntityRecognizerTest, VenuesAndOutletsAreNotPeople) {
  const EntityAnalysis a = Run(
      "The premiere sold out at the Eastgate Cinema within an hour. "
      "\xE2\x80\x9CWe added a second night,\xE2\x80\x9D the director told "
      "Tidewater Wire on Sunday. Tickets for the Kestrel Playhouse show went "
      "on sale later.");
  EXPECT_EQ(TypeOf(a, "Eastgate Cinema"), EntityType::kPlace);
  EXPECT_EQ(TypeOf(a, "Tidewater Wire"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Kestrel Playhouse"), EntityType::kPlace);
}

TEST_F(EntityRecognizerTest, RepublicsAndMonumentsArePlaces) {
  const EntityAnalysis a =
      Run("Delegates from the Veskan Republic met near the Harlan Monument, "
          "where Ines Okoro spoke.");
  EXPECT_EQ(TypeOf(a, "Veskan Republic"), EntityType::kPlace);
  EXPECT_EQ(TypeOf(a, "Harlan Monument"), EntityType::kPlace);
}

TEST_F(EntityRecognizerTest, BusinessNamesAndOrganisationCues) {
  const EntityAnalysis a =
      Run("Lionel Brask, whose firm Brask Tarvel lost money, spoke to the "
          "Harbor Network's Ines Okoro. Analysts at Corvane Logistics "
          "agreed, and so did fans of Eastgate Rovers. Scooter maker "
          "Veltro said it would wait, Veltro said.");
  EXPECT_EQ(TypeOf(a, "Brask Tarvel"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Corvane Logistics"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Eastgate Rovers"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Veltro"), EntityType::kOrganization);
  int veltros = 0;
  for (const Entity& e : a.entities) veltros += e.display_name == "Veltro";
  EXPECT_EQ(veltros, 1);
  EXPECT_EQ(TypeOf(a, "Ines Okoro"), EntityType::kPerson);
  EXPECT_EQ(TypeOf(a, "Lionel Brask"), EntityType::kPerson);
}

TEST_F(EntityRecognizerTest, LongerAkaPhrasesLinkNames) {
  const EntityAnalysis a =
      Run("Singer Ines Okoro, known to fans as I-Ko, released a record. "
          "Later I-Ko toured and Tade Mbeki, who goes by T-Mak, joined.");
  ExpectSameEntity(a, "Ines Okoro", "I-Ko");
  ExpectSameEntity(a, "Tade Mbeki", "T-Mak");
}

TEST_F(EntityRecognizerTest, QuotedNicknameAfterAkaPhraseIsAnAlias) {
  const EntityAnalysis a =
      Run("Actor Tomas Varga stars in the film. Varga, known to fans as "
          "\u201cTeddy,\u201d called the role his hardest.");
  const Entity* tomas = Named(a, "Tomas Varga");
  ASSERT_NE(tomas, nullptr);
  EXPECT_EQ(Named(a, "Teddy"), tomas);
  EXPECT_EQ(Named(a, "Varga"), tomas);
  EXPECT_EQ(tomas->type, EntityType::kPerson);
}

TEST_F(EntityRecognizerTest, WorkCueAroundAKnownSurnameIsThePerson) {
  const EntityAnalysis a =
      Run("Mayor Rosa Delgado spoke on Monday. A rival called the answer "
          "\u201cclassic Delgado.\u201d");
  ExpectSameEntity(a, "Rosa Delgado", "Delgado");
}

TEST_F(EntityRecognizerTest, KnownAnyWordsAsLinksANickname) {
  const EntityAnalysis a =
      Run("Striker Tomas Varga scored twice. Varga, known around the club as "
          "\u201cVargy,\u201d was mobbed.");
  ExpectSameEntity(a, "Tomas Varga", "Vargy");
}

TEST_F(EntityRecognizerTest, QuotedNicknameInsideANameIsAnAlias) {
  const EntityAnalysis a =
      Run("The drama stars Tomas \u201cTeddy\u201d Varga as a fisherman. "
          "Critics said Varga was superb.");
  const Entity* tomas = Named(a, "Tomas Varga");
  ASSERT_NE(tomas, nullptr);
  EXPECT_EQ(tomas->type, EntityType::kPerson);
  EXPECT_EQ(Named(a, "Teddy"), tomas);
  EXPECT_EQ(Named(a, "Varga"), tomas);
  // Other outlets print "Teddy Varga".
  EXPECT_EQ(Named(a, "Teddy Varga"), tomas);
}

TEST_F(EntityRecognizerTest, NicknameQuotedAloneInHeadlinesIsThePersons) {
  const EntityAnalysis a =
      Run("\u2018IRON LADY\u2019 SAYS NO\n"
          "\u2018IRON LADY\u2019 SAYS NO again to the budget\n"
          "Speaker Hana \u2018Iron Lady\u2019 Kovac refused the bill on "
          "Monday. Kovac did not comment.");
  const Entity* speaker = Named(a, "Hana Kovac");
  ASSERT_NE(speaker, nullptr);
  EXPECT_EQ(speaker->type, EntityType::kPerson);
  EXPECT_EQ(Named(a, "IRON LADY"), speaker);
}

TEST_F(EntityRecognizerTest, NicknameOfTwoWordsBeforeParticlesIsNoDisplayName) {
  const EntityAnalysis a =
      Run("Landlord Pete strikes again\n"
          "Gov. Pieter \u201cLandlord Pete\u201d van der Molen vetoed the "
          "bill on Monday. Van der Molen did not comment.");
  const Entity* governor = Named(a, "Pieter van der Molen");
  ASSERT_NE(governor, nullptr);
  EXPECT_EQ(governor->display_name, "Pieter van der Molen");
  EXPECT_EQ(Named(a, "Landlord Pete"), governor);
  EXPECT_EQ(Named(a, "Van der Molen"), governor);
}

TEST_F(EntityRecognizerTest, NameLessItsGivenNameIsTheSamePerson) {
  const EntityAnalysis a =
      Run("President Lucia Robles Echeverria arrived on Monday. Later, "
          "Robles Echeverria met Aoife Nic Giolla. Ms Nic Giolla smiled. "
          "Robles left.");
  const Entity* robles = Named(a, "Lucia Robles Echeverria");
  ASSERT_NE(robles, nullptr);
  EXPECT_EQ(Named(a, "Robles Echeverria"), robles);
  EXPECT_EQ(Named(a, "Robles"), robles);
  const Entity* host = Named(a, "Aoife Nic Giolla");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(Named(a, "Ms Nic Giolla"), host);
  // A different given name is a different person.
  const EntityAnalysis two =
      Run("Maria Lopez Garcia won. Her brother Pablo Lopez Garcia lost.");
  EXPECT_NE(Named(two, "Maria Lopez Garcia"), Named(two, "Pablo Lopez Garcia"));
}

TEST_F(EntityRecognizerTest, HyphenatedAndChieflyTitlesAreNotNames) {
  const EntityAnalysis a =
      Run("Union Secretary-General Wycliffe Omondi Barasa spoke first. "
          "Taoiseach Declan Moore-Hayes and Ratu Epeli Naivalu listened.");
  const Entity* barasa = Named(a, "Wycliffe Omondi Barasa");
  ASSERT_NE(barasa, nullptr);
  EXPECT_EQ(barasa->display_name, "Wycliffe Omondi Barasa");
  const Entity* moore = Named(a, "Declan Moore-Hayes");
  ASSERT_NE(moore, nullptr);
  EXPECT_EQ(moore->display_name, "Declan Moore-Hayes");
  const Entity* ratu = Named(a, "Epeli Naivalu");
  ASSERT_NE(ratu, nullptr);
  EXPECT_EQ(ratu->display_name, "Epeli Naivalu");
}

TEST_F(EntityRecognizerTest, DictionaryWordGivenNameBeforeAQuotedNickname) {
  const EntityAnalysis a =
      Run("Fiji won as wing Semi \u201cThe Bulldozer\u201d Tavakece scored "
          "twice. Tavakece was mobbed.");
  const Entity* wing = Named(a, "Semi Tavakece");
  ASSERT_NE(wing, nullptr);
  EXPECT_EQ(wing->type, EntityType::kPerson);
  EXPECT_EQ(Named(a, "The Bulldozer"), wing);
  EXPECT_EQ(Named(a, "Tavakece"), wing);
}

TEST_F(EntityRecognizerTest,
       NationalityDescriptionGivesItsNicknameToThePerson) {
  const EntityAnalysis a =
      Run("Mateo Ibarra won in Monza on Sunday. The Spaniard, known in the "
          "paddock as \u201cEl Toro\u201d, led every lap.");
  const Entity* mateo = Named(a, "Mateo Ibarra");
  ASSERT_NE(mateo, nullptr);
  EXPECT_EQ(Named(a, "El Toro"), mateo);
  EXPECT_EQ(Named(a, "Spaniard"), nullptr);
}

TEST_F(EntityRecognizerTest, VenuesTimeZonesAndCommonAcronyms) {
  const EntityAnalysis a =
      Run("The jury met in the Revelin Fortress on Friday at 8:14 EAT. "
          "Two lemurs left Millbrook Zoo after a storm. Medics gave CPR at "
          "the scene. Hon. Mercy Langat asked for an IVF fund.");
  const Entity* fortress = Named(a, "Revelin Fortress");
  ASSERT_NE(fortress, nullptr);
  EXPECT_EQ(fortress->type, EntityType::kPlace);
  const Entity* zoo = Named(a, "Millbrook Zoo");
  ASSERT_NE(zoo, nullptr);
  EXPECT_EQ(zoo->type, EntityType::kOrganization);
  EXPECT_EQ(Named(a, "EAT"), nullptr);
  EXPECT_EQ(Named(a, "CPR"), nullptr);
  EXPECT_EQ(Named(a, "IVF"), nullptr);
  EXPECT_EQ(Named(a, "Hon"), nullptr);
  EXPECT_NE(Named(a, "Mercy Langat"), nullptr);
}

TEST_F(EntityRecognizerTest, NationalBranchOfAListedOrganisation) {
  const EntityAnalysis a =
      Run("The quake struck at dawn. The Mexican Red Cross said it had sent "
          "38 ambulances to the region.");
  EXPECT_EQ(TypeOf(a, "Mexican Red Cross"), EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, HyphenatedGivenNamesKeepTheirTails) {
  const EntityAnalysis a =
      Run("The opera opened. The mezzo Sun-hee Park sang the sister, and the "
          "umpire Wong Kar-lok agreed. Nant-y-Fedw school closed. The "
          "Williams-directed film ran long.");
  EXPECT_EQ(TypeOf(a, "Sun-hee Park"), EntityType::kPerson);
  EXPECT_EQ(TypeOf(a, "Wong Kar-lok"), EntityType::kPerson);
  EXPECT_NE(TypeOf(a, "Nant-y-Fedw"), EntityType::kPerson);
  EXPECT_EQ(Named(a, "Williams-directed"), nullptr);
}

TEST_F(EntityRecognizerTest, AcronymOfALongerNameIsItsAlias) {
  const EntityAnalysis a =
      Run("The Harwick Water Authority fined the plant. A spokesman for the "
          "HWA said the fine stands, and the H.W.A. will appeal nothing. "
          "The Dorset Film Festival opens Friday; DFF tickets sold out.");
  const Entity* authority = Named(a, "Harwick Water Authority");
  ASSERT_NE(authority, nullptr);
  EXPECT_EQ(Named(a, "HWA"), authority);
  EXPECT_EQ(Named(a, "H.W.A"), authority);
  const Entity* festival = Named(a, "Dorset Film Festival");
  ASSERT_NE(festival, nullptr);
  EXPECT_EQ(Named(a, "DFF"), festival);
  EXPECT_EQ(festival->type, EntityType::kEvent);
}

TEST_F(EntityRecognizerTest, DottedAbbreviationIsNotTheAcronymOfItsName) {
  const EntityAnalysis a =
      Run("He moved to the U.S. in 1990. The U.S. Senate voted on Tuesday.");
  const Entity* us = Named(a, "U.S");
  const Entity* senate = Named(a, "U.S. Senate");
  ASSERT_NE(us, nullptr);
  ASSERT_NE(senate, nullptr);
  EXPECT_NE(us, senate);
  EXPECT_EQ(us->type, EntityType::kPlace);
  EXPECT_EQ(senate->type, EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, AgeBetweenNameAndNicknameLink) {
  const EntityAnalysis a =
      Run("Singer Mara Quillen will tour in June. Quillen, 38, known to fans "
          "simply as \u201cMQ,\u201d sold out both nights.");
  ExpectSameEntity(a, "Mara Quillen", "MQ");
}

TEST_F(EntityRecognizerTest, CompanyShortNameJoinsItsFullName) {
  const EntityAnalysis a =
      Run("Corvane to Buy Halstead Foods\n"
          "Corvane Brands Inc. agreed to buy Halstead Foods Co. on Monday. "
          "Halstead shares jumped, while Corvane fell. Halstead's chairman, "
          "Rob Quill, backed the deal. Goldman Sachs advised Corvane, said "
          "Mia Tarr, an analyst at Ferndale. A columnist for the Wexbury "
          "Gazette saw Wexbury residents protest.");
  const Entity* corvane = Named(a, "Corvane Brands Inc");
  ASSERT_NE(corvane, nullptr);
  EXPECT_EQ(corvane->type, EntityType::kOrganization);
  EXPECT_EQ(Named(a, "Corvane"), corvane);
  const Entity* halstead = Named(a, "Halstead Foods");
  ASSERT_NE(halstead, nullptr);
  // The legal form does not make a second organisation.
  EXPECT_EQ(Named(a, "Halstead Foods Co"), halstead);
  EXPECT_EQ(Named(a, "Halstead"), halstead);
  EXPECT_EQ(TypeOf(a, "Goldman Sachs"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Ferndale"), EntityType::kOrganization);
  // A local paper's first word is its town.
  ASSERT_NE(Named(a, "Wexbury Gazette"), nullptr);
  EXPECT_EQ(Named(a, "Wexbury"), nullptr);
  // A foundation's first word is its founder.
  const EntityAnalysis founder =
      Run("The Whitmore Foundation raised $3 million last year.\n\n"
          "\u201cWe are proud of it,\u201d Whitmore said on Tuesday.");
  EXPECT_NE(Named(founder, "Whitmore"), Named(founder, "Whitmore Foundation"));
}

TEST_F(EntityRecognizerTest, OneNameTypedTwoWaysIsOneEntity) {
  const EntityAnalysis a =
      Run("A poll released by Franklin College showed a tight race. \u201cIt "
          "is close,\u201d said Jo Marr, a professor at Franklin College.");
  const Entity* college = Named(a, "Franklin College");
  ASSERT_NE(college, nullptr);
  EXPECT_EQ(college->type, EntityType::kOrganization);
  int named = 0;
  for (const Entity& e : a.entities)
    named += e.display_name == "Franklin College";
  EXPECT_EQ(named, 1);
}

TEST_F(EntityRecognizerTest, NicknameOfADescriptionNamesThePersonBefore) {
  const EntityAnalysis a =
      Run("Northbridge have signed striker Mateo Alvarenga from Vale. The "
          "24-year-old, nicknamed \u201cEl Tanque\u201d by fans, scored 31 "
          "goals. The club, known as \u201cThe Bridge,\u201d paid a record "
          "fee.");
  const Entity* mateo = Named(a, "Mateo Alvarenga");
  ASSERT_NE(mateo, nullptr);
  EXPECT_EQ(Named(a, "El Tanque"), mateo);
  // The club's nickname is no person's.
  EXPECT_NE(Named(a, "The Bridge"), mateo);
}

TEST_F(EntityRecognizerTest, PossessiveRoleOwnsWhatFollows) {
  const EntityAnalysis a =
      Run("\u201cI watched every game on my father's TV,\u201d Mateo "
          "Alvarenga said.");
  EXPECT_EQ(Named(a, "TV"), nullptr);
}

TEST_F(EntityRecognizerTest, SentenceOpeningDictionaryWordJoinsAKnownName) {
  const EntityAnalysis a =
      Run("The EP was made with producer Rowan Pierce in a rented house. "
          "Pierce, who also produced tracks for Steve Lacy, said it took "
          "three weeks. Lil Corvo, whose real name is Marcus Delane, sang.");
  ExpectSameEntity(a, "Rowan Pierce", "Pierce");
  ExpectSameEntity(a, "Lil Corvo", "Marcus Delane");
}

TEST_F(EntityRecognizerTest, DictionaryWordNicknameBetweenNames) {
  const EntityAnalysis a =
      Run("Guitarist Ray \"Rooster\" Malloy was more playful than the rest "
          "of the band.\n\n"
          "Trump Was \u2018Mocking\u2019 Clinton Camp, Aides Say\n");
  ExpectSameEntity(a, "Ray Malloy", "Rooster");
  EXPECT_EQ(Named(a, "Mocking"), nullptr);
}

TEST_F(EntityRecognizerTest, ShortCountryNamesAreTheCountry) {
  const EntityAnalysis a = Run(
      "The film will be released in the U.S. by a small distributor. Critics "
      "in the United States were kind, and the UK release follows.");
  ExpectSameEntity(a, "United States", "U.S");
  const Entity* uk = Named(a, "UK");
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(uk->display_name, "United Kingdom");
}

TEST_F(EntityRecognizerTest, SurnamesWithParticles) {
  const EntityAnalysis a = Run(
      "Ilse van der Hoek, the Dutch minister, chaired the talks, and Omar "
      "bin Khalid al-Fayed attended for the council. Van der Hoek said the "
      "gap had narrowed; al-Fayed said little. Mayor Paulo de Moura agreed. "
      "De Moura spoke last.");
  ExpectSameEntity(a, "Ilse van der Hoek", "Van der Hoek");
  ExpectSameEntity(a, "Omar bin Khalid al-Fayed", "al-Fayed");
  ExpectSameEntity(a, "Paulo de Moura", "De Moura");
  EXPECT_EQ(TypeOf(a, "Ilse van der Hoek"), EntityType::kPerson);
  EXPECT_EQ(TypeOf(a, "Omar bin Khalid al-Fayed"), EntityType::kPerson);
}

TEST_F(EntityRecognizerTest, InformalCountryNamesAndCuedCompanies) {
  const EntityAnalysis a =
      Run("Delegates from Turkey and Burma met. Shares of Velmont Inc. fell "
          "after an analyst at the consultancy Meridian Ostra cut her "
          "forecast.");
  EXPECT_EQ(TypeOf(a, "Turkey"), EntityType::kPlace);
  EXPECT_EQ(TypeOf(a, "Burma"), EntityType::kPlace);
  EXPECT_EQ(TypeOf(a, "Velmont Inc"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Meridian Ostra"), EntityType::kOrganization);
  EXPECT_EQ(Named(a, "Shares"), nullptr);
}

TEST_F(EntityRecognizerTest, DatelinesArePlacesButCapitalHeadingsAreNot) {
  const EntityAnalysis a =
      Run("ASHBY FORGE \xE2\x80\x94 The council met.\n"
          "KELVERTON, Ohio \xE2\x80\x94 Crews worked.\n"
          "VOTERS HAVE SPOKEN \xE2\x80\x94 The count ended.");
  EXPECT_EQ(TypeOf(a, "ASHBY FORGE"), EntityType::kPlace);
  EXPECT_EQ(TypeOf(a, "KELVERTON"), EntityType::kPlace);
  EXPECT_NE(TypeOf(a, "VOTERS HAVE SPOKEN"), EntityType::kPlace);
}

TEST_F(EntityRecognizerTest, DatelineOfCommonWordsIsShownInItsPrintedCase) {
  const EntityAnalysis a =
      Run("PINE HOLLOW, Calif. \xE2\x80\x94 Crews worked through the night.\n"
          "Residents of Pine Hollow waited at the school.");
  const Entity* town = Named(a, "Pine Hollow");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->type, EntityType::kPlace);
  EXPECT_EQ(town->display_name, "Pine Hollow");
  EXPECT_EQ(Named(a, "HOLLOW"), nullptr);
}

TEST_F(EntityRecognizerTest, BylineKeepsASurnameThatIsAlsoAWord) {
  // "Solis" reads as a plural of "soli"; after "By" and a given name it is
  // still the surname.
  const EntityAnalysis a =
      Run("By Renata Solis | Valley Courier\n"
          "Crews battled the fire on Thursday as winds returned.");
  EXPECT_EQ(TypeOf(a, "Renata Solis"), EntityType::kPerson);
  EXPECT_EQ(Named(a, "Renata"), nullptr);
}

TEST_F(EntityRecognizerTest, SurnameThatIsAlsoAWordJoinsThePersonNamedInFull) {
  const EntityAnalysis a = Run(
      "Its chief executive, Warren Pike, spoke to the board. Judy Amsel told "
      "Pike the plan was wrong. Pike did not respond. Tom Young agreed. Young "
      "voters were angry.");
  ExpectSameEntity(a, "Warren Pike", "Pike");
  const Entity* young = Named(a, "Tom Young");
  ASSERT_NE(young, nullptr);
  int young_mentions = 0;
  for (const Mention& m : a.mentions) {
    young_mentions += m.entity == young - a.entities.data();
  }
  EXPECT_EQ(young_mentions, 1);  // not "Young voters"
}

TEST_F(EntityRecognizerTest, OrganisationNamedWithoutItsHeadOrOfPhrase) {
  const EntityAnalysis a = Run(
      "Great Lakes Rail will buy Pacific Crescent Railway, and the Halden "
      "Institute for Transport Studies approved. Shares of Pacific Crescent "
      "rose, a Halden Institute economist said. Fans filled the Bank of "
      "Amerigo Stadium, owned by Bank of Amerigo.");
  ExpectSameEntity(a, "Pacific Crescent Railway", "Pacific Crescent");
  ExpectSameEntity(a, "Halden Institute for Transport Studies",
                   "Halden Institute");
  // A name of its own, not the stadium's short form.
  EXPECT_NE(Named(a, "Bank of Amerigo"), Named(a, "Bank of Amerigo Stadium"));
}

TEST_F(EntityRecognizerTest, GivenNameAloneOrAroundANicknameTellsTheGender) {
  const EntityAnalysis a = Run(
      "For forty years Frank \"Doc\" Mulvaney coached here. Mulvaney's wife, "
      "Ruth, said she was glad.");
  const Entity* coach = Named(a, "Frank Mulvaney");
  ASSERT_NE(coach, nullptr);
  EXPECT_EQ(coach->gender, Gender::kMale);
  const Entity* wife = Named(a, "Ruth");
  ASSERT_NE(wife, nullptr);
  EXPECT_EQ(wife->gender, Gender::kFemale);
  // "Ruth" as a surname tells nothing of the slugger's gender.
  const EntityAnalysis b =
      Run("In 1927 the slugger Babe Ruth hit 60 home runs. Ruth was 32.");
  const Entity* slugger = Named(b, "Babe Ruth");
  ASSERT_NE(slugger, nullptr);
  EXPECT_NE(slugger->gender, Gender::kFemale);
}

TEST_F(EntityRecognizerTest, SurnameMisspeltOnceInTheArticleIsTheSamePerson) {
  const EntityAnalysis a =
      Run("The chief executive, Rebecca Okoya, apologised. Ms Okoye said the "
          "airline would pay. Tom Hargreaves and Tim Hargreave were stranded; "
          "Hargreaves said so.");
  ExpectSameEntity(a, "Rebecca Okoya", "Ms Okoye");
  // Two people one letter apart: a lone surname is not guessed between them.
  EXPECT_NE(Named(a, "Tom Hargreaves"), Named(a, "Tim Hargreave"));
}

TEST_F(EntityRecognizerTest, RoleAfterAnOrganisationHeadIsItsOfficer) {
  const EntityAnalysis a = Run(
      "Yesterday the Skyway Airlines CEO apologised, and the Center of Media "
      "Justice objected.");
  EXPECT_EQ(TypeOf(a, "Skyway Airlines"), EntityType::kOrganization);
  EXPECT_EQ(Named(a, "Skyway Airlines CEO"), nullptr);
  EXPECT_EQ(TypeOf(a, "Center of Media Justice"), EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, AkaNameThatIsAWordAndAkaAfterAnAppositive) {
  const EntityAnalysis a =
      Run("Hometown rapper Nia Adebayo, better known as Halo, surprised fans. "
          "Later Halo thanked them.");
  ExpectSameEntity(a, "Nia Adebayo", "Halo");
  const EntityAnalysis b =
      Run("On Friday Ines Mbeki, the Lagos rapper who performs as Sable, "
          "released an album.");
  ExpectSameEntity(b, "Ines Mbeki", "Sable");
  EXPECT_EQ(TypeOf(b, "Lagos"), EntityType::kPlace);
}

TEST_F(EntityRecognizerTest, NameFollowedByWhichIsNoPerson) {
  const EntityAnalysis a = Run(
      "For 71 years the plant was run by Brennan Glass, which is owned by a "
      "private equity firm. Dale Kowalski, who worked there, was sad.");
  EXPECT_EQ(TypeOf(a, "Brennan Glass"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Dale Kowalski"), EntityType::kPerson);
}

TEST_F(EntityRecognizerTest, GivenNameBeforeAndSharesTheSurname) {
  const EntityAnalysis a =
      Run("For 30 years, Luca and Marco Bellandi ran the Bellandi Brothers "
          "trattoria together. Luca kept it.");
  ExpectSameEntity(a, "Luca Bellandi", "Luca");
  EXPECT_EQ(TypeOf(a, "Marco Bellandi"), EntityType::kPerson);
  EXPECT_EQ(TypeOf(a, "Bellandi Brothers"), EntityType::kOrganization);
  // The last two items of a list are two people.
  const EntityAnalysis b = Run(
      "The film was directed by Dave Free. It is directed by Free, Kendrick "
      "and Jack Schreier.");
  EXPECT_EQ(Named(b, "Kendrick Schreier"), nullptr);
}

TEST_F(EntityRecognizerTest, NamedStormsAndCompanyHeads) {
  const EntityAnalysis a =
      Run("Hurricane Dorian is expected late Tuesday, and Typhoon Kalmaegi "
          "weakened. The drug is made by Brightline Health. The utility Sierra "
          "Gas & Electric cut power, as did Johnson & Johnson.");
  EXPECT_EQ(TypeOf(a, "Hurricane Dorian"), EntityType::kEvent);
  EXPECT_EQ(TypeOf(a, "Typhoon Kalmaegi"), EntityType::kEvent);
  EXPECT_EQ(TypeOf(a, "Brightline Health"), EntityType::kOrganization);
  const EntityAnalysis b =
      Run("Kenji Watanabe, a violinist with the Osaka Philharmonic, flew in.");
  EXPECT_EQ(TypeOf(b, "Osaka Philharmonic"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Sierra Gas & Electric"), EntityType::kOrganization);
  EXPECT_EQ(Named(a, "Electric"), nullptr);
}

TEST_F(EntityRecognizerTest, EmployerBeforeAMemberRoleIsAnOrganisation) {
  const EntityAnalysis a =
      Run("The probe was built by Ardent Aerospace in Ohio. An Ardent "
          "spokeswoman, Leila Haddad, declined to comment. A Brisco "
          "executive said the same, and the Compton rapper agreed.");
  ExpectSameEntity(a, "Ardent Aerospace", "Ardent");
  EXPECT_EQ(TypeOf(a, "Ardent Aerospace"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Brisco"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Compton"), EntityType::kPlace);
  // A role of two words; a known person's surname is that person's team.
  const EntityAnalysis b = Run(
      "Greyson Power chief executive Alan Brightmore testified, and Senator "
      "Ada Vantrell listened. Vantrell spokesman Jesse Lehrich said she would "
      "vote no. Later Greyson Power said it had spent $2 billion.");
  EXPECT_EQ(TypeOf(b, "Greyson Power"), EntityType::kOrganization);
  ExpectSameEntity(b, "Ada Vantrell", "Vantrell");
  EXPECT_EQ(TypeOf(b, "Ada Vantrell"), EntityType::kPerson);
}

TEST_F(EntityRecognizerTest, HeadlinePhrasePrintedInLowerCaseIsNoTitle) {
  const EntityAnalysis a =
      Run("Mayor Is Right About \xE2\x80\x98Thousands Of Potholes\xE2\x80\x99 "
          "And Loves \xE2\x80\x98Quiet Harbour\xE2\x80\x99\n"
          "The mayor said there were \xE2\x80\x9Cthousands of potholes\xE2\x80"
          "\x9D in Ashby. She watched the film Quiet Harbour twice.");
  EXPECT_EQ(Named(a, "Thousands Of Potholes"), nullptr);
  EXPECT_EQ(TypeOf(a, "Quiet Harbour"), EntityType::kWork);
}

TEST_F(EntityRecognizerTest, CreditLineHandlesAreOrganisations) {
  const EntityAnalysis a =
      Run("The short film opens on Friday.\n\n"
          "Photo Credit: harborlens / studio9 & Wren Pictures\n");
  EXPECT_EQ(TypeOf(a, "studio9"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "harborlens"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Wren Pictures"), EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, FamiliarFormOfAGivenNameIsThePerson) {
  const EntityAnalysis a =
      Run("Tobias Wendt took over on Monday. His sister, Maria Wendt, "
          "approved. Toby Wendt said little.");
  ExpectSameEntity(a, "Tobias Wendt", "Toby Wendt");
  EXPECT_NE(Named(a, "Maria Wendt"), Named(a, "Tobias Wendt"));
}

TEST_F(EntityRecognizerTest, StateAbbreviationIsTheState) {
  const EntityAnalysis a =
      Run("Born in Richmond, Va., in 1937, she left Virginia at 18.");
  ExpectSameEntity(a, "Virginia", "Va");
  EXPECT_EQ(TypeOf(a, "Virginia"), EntityType::kPlace);
}

TEST_F(EntityRecognizerTest, EventShortNameJoinsItsFullName) {
  const EntityAnalysis a =
      Run("Her film premiered at the Glenmoor Film Festival in January. At "
          "Glenmoor, critics called it the best debut of the year.");
  ExpectSameEntity(a, "Glenmoor Film Festival", "Glenmoor");
}

TEST_F(EntityRecognizerTest, BirthNameAndSentenceOpeningPossessive) {
  const EntityAnalysis a =
      Run("Rapper Kaysha Vale will tour. Vale, born Kayla Shavers, grew up in "
          "the city. Vale's new album is due in June.");
  ExpectSameEntity(a, "Kaysha Vale", "Kayla Shavers");
  int vale_mentions = 0;
  for (const Mention& m : a.mentions) {
    vale_mentions += m.text.starts_with("Vale");
  }
  EXPECT_EQ(vale_mentions, 2);
}

TEST_F(EntityRecognizerTest, TimeZonesAreNotEntities) {
  const EntityAnalysis a =
      Run("Published 9:14 AM ET, March 3. Ines Okoro spoke at 4 PM EDT.");
  EXPECT_EQ(Named(a, "ET"), nullptr);
  EXPECT_EQ(Named(a, "EDT"), nullptr);
  EXPECT_EQ(TypeOf(a, "Ines Okoro"), EntityType::kPerson);
}

TEST_F(EntityRecognizerTest, OrganisationIsAlsoKnownWithoutItsLegalForm) {
  const EntityAnalysis a =
      Run("Shares in Brask Maritime Holdings Inc. fell on Monday.\n");
  const Entity* brask = Named(a, "Brask Maritime Holdings Inc");
  ASSERT_NE(brask, nullptr);
  EXPECT_EQ(brask->type, EntityType::kOrganization);
  EXPECT_THAT(brask->aliases, testing::Contains("Brask Maritime Holdings"));
}

TEST_F(EntityRecognizerTest, ShareWidgetButtonsAreNotEntities) {
  const EntityAnalysis a =
      Run("Share: Facebook | X | WhatsApp | Email\n"
          "Share prices at Brask Maritime fell after Ines Okoro posted the "
          "video on Facebook.\n");
  const Entity* facebook = Named(a, "Facebook");
  ASSERT_NE(facebook, nullptr);  // the one in the story
  int mentions = 0;
  for (const Mention& m : a.mentions) {
    mentions += m.entity >= 0 && &a.entities[m.entity] == facebook;
  }
  EXPECT_EQ(mentions, 1);
  EXPECT_EQ(Named(a, "WhatsApp"), nullptr);
}

TEST_F(EntityRecognizerTest, PlacesAndAgenciesNamedLikeOtherThings) {
  const EntityAnalysis a =
      Run("The surge reached 11 feet near Cameron, according to data from "
          "the U.S. Geological Survey. Volunteers from the American Red Cross "
          "handed out cots.");
  EXPECT_EQ(TypeOf(a, "Cameron"), EntityType::kPlace);
  EXPECT_EQ(TypeOf(a, "U.S. Geological Survey"), EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "American Red Cross"), EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, HyphenatedRoleBeforeNameIsNotPartOfIt) {
  const EntityAnalysis a =
      Run("Singer-songwriter Lena Marsh played two new songs. Marsh said the "
          "tour starts in May.");
  EXPECT_EQ(TypeOf(a, "Lena Marsh"), EntityType::kPerson);
  EXPECT_EQ(Named(a, "Singer-songwriter Lena Marsh"), nullptr);
}

TEST_F(EntityRecognizerTest, PersonWithASurnameParticleAfterAnOrganisation) {
  const EntityAnalysis a =
      Run("The prize went to Ana Iyer of the Indian Institute of Science and "
          "Maarten van Leeuwen of Leiden University. In a statement, van "
          "Leeuwen said he was stunned.");
  EXPECT_EQ(TypeOf(a, "Indian Institute of Science"),
            EntityType::kOrganization);
  EXPECT_EQ(TypeOf(a, "Maarten van Leeuwen"), EntityType::kPerson);
  EXPECT_EQ(TypeOf(a, "Leiden University"), EntityType::kOrganization);
}

TEST_F(EntityRecognizerTest, InnerTitleBeforeANameWithParticles) {
  const EntityAnalysis a = Run(
      "Kestrel CEO Margarethe van der Linden apologised on Tuesday. Van der "
      "Linden said the recall would start at once.");
  EXPECT_EQ(TypeOf(a, "Margarethe van der Linden"), EntityType::kPerson);
  EXPECT_EQ(Named(a, "Kestrel CEO Margarethe van der Linden"), nullptr);
}

}  // namespace
}  // namespace verbatim::entities
