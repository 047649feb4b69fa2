#include "ingest_service/entities/type_classifier.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

class TypeClassifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = LoadEmbeddedLexicons();
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = new Lexicons(*std::move(lex));
  }

  // Classifies the candidate whose text is `name` in `text`.
  Classification Of(const std::string& text, std::string_view name) {
    const std::vector<Token> tokens = Tokenize(text, {});
    for (const Candidate& c : FindCandidates(text, tokens, *lex_)) {
      const Classification r = Classify(text, tokens, c, *lex_);
      if (text.substr(c.span.begin, c.span.end - c.span.begin) == name ||
          text.substr(r.span.begin, r.span.end - r.span.begin) == name) {
        return r;
      }
    }
    ADD_FAILURE() << "no candidate " << name << " in: " << text;
    return {};
  }

  bool Is(const std::string& text, std::string_view name, EntityType type) {
    const Classification c = Of(text, name);
    return c.type == type && c.score >= kAcceptScore;
  }

  static const Lexicons* lex_;
};

const Lexicons* TypeClassifierTest::lex_ = nullptr;

TEST_F(TypeClassifierTest, PersonFromGivenNameRoleHonorificAndSpeech) {
  EXPECT_TRUE(Is("the talk with Margaret Ovitz ended", "Margaret Ovitz",
                 EntityType::kPerson));
  EXPECT_TRUE(Is("directed by choreographer Zell Amari today", "Zell Amari",
                 EntityType::kPerson));
  EXPECT_TRUE(
      Is("we asked Mrs. Quell about it", "Mrs. Quell", EntityType::kPerson));
  EXPECT_TRUE(
      Is("at noon Quarrington said no", "Quarrington", EntityType::kPerson));
  EXPECT_TRUE(
      Is("the album, said Quarrington.", "Quarrington", EntityType::kPerson));
  EXPECT_TRUE(
      Is("an Ivo Tamsin-directed drama", "Ivo Tamsin", EntityType::kPerson));
}

TEST_F(TypeClassifierTest, GenderFromHonorificGivenNameAndRole) {
  EXPECT_EQ(Of("we asked Mrs. Quell", "Mrs. Quell").gender, Gender::kFemale);
  EXPECT_EQ(Of("we asked George Brill", "George Brill").gender, Gender::kMale);
  EXPECT_EQ(Of("the actress Zell Amari", "Zell Amari").gender, Gender::kFemale);
  EXPECT_EQ(Of("then Gov. Linda Marsh spoke", "Gov. Linda Marsh").gender,
            Gender::kFemale);
}

TEST_F(TypeClassifierTest, OrganizationFromHeadsGazetteerAndShape) {
  // "LLC" spells a Roman numeral but is a legal form.
  EXPECT_TRUE(Is("a complex proposed by Crestmark Development LLC in May",
                 "Crestmark Development LLC", EntityType::kOrganization));
  struct Example {
    const char* text;
    const char* name;
    bool organization;
  };
  const Example examples[] = {
      {"funded by Harlow Foundation and others", "Harlow Foundation", true},
      {"beat the Marlow Falls Mustangs at home", "Marlow Falls Mustangs", true},
      {"the night Paper Satellites played here", "Paper Satellites", true},
      {"the Okonjo-Bell Quintet played", "Okonjo-Bell Quintet", true},
      {"an affair with Gennifer Flowers was", "Gennifer Flowers", false},
      {"signed for CF Albufera in 2019", "CF Albufera", true},
      {"a grant from the Hedgehog Trust UK last year", "Hedgehog Trust UK",
       true},
      {"pupils at Lincoln Park Elementary were sent home",
       "Lincoln Park Elementary", true},
      {"prayers at Masjid Noor on Friday", "Masjid Noor", true},
      {"she told Brenwick FM on Monday", "Brenwick FM", true},
      {"guests of the Glenmore Constabulary arrived", "Glenmore Constabulary",
       true},
      {"inspectors from the Agencia Estatal de Aguas arrived",
       "Agencia Estatal de Aguas", true},
      {"members of the Sindicato Unificado de Mineros struck",
       "Sindicato Unificado de Mineros", true},
      {"a leak at the works of Fendrall Industrias S.A. upstream",
       "Fendrall Industrias S.A", true},
      {"a letter from Harcourt Bain Solicitors arrived",
       "Harcourt Bain Solicitors", true},
      {"signed to Quarry Lane Records last year", "Quarry Lane Records", true},
      {"a report from Reuters on Friday", "Reuters", true},
      {"the former ZNT rapper", "ZNT", true},
      {"zqLabs co-founder Ada Okafor", "zqLabs", true},
      {"students of the University of Northern Iowa protested",
       "University of Northern Iowa", true},
      {"with the French studio Maison Rivage today", "Maison Rivage", true},
      {"customers of Brackmoor Water were told", "Brackmoor Water", true},
      {"\u201cIt was offside,\u201d Greaves told BBC Radio Humberside.",
       "BBC Radio Humberside", true},
      {"they beat Castleford United on Saturday", "Castleford United", true},
      {"is a columnist for the Eastbrook Echo today", "Eastbrook Echo", true},
      {"the case was sent back to the U.S. Court of Appeals for "
       "another hearing in the spring",
       "U.S. Court of Appeals", true},
      {"she joined the Center for Coastal Policy in May",
       "Center for Coastal Policy", true},
      {"said Mia Tarr, an analyst at Ferndale.", "Ferndale", true},
      {"said Mia Tarr, an analyst at Chicago.", "Chicago", false},
      {"the mine's owner, the company, Granite Vale Aggregates, "
       "said it would appeal",
       "Granite Vale Aggregates", true},
      {"the drug could sell well. Analysts at Fennimore estimated "
       "peak sales of a billion dollars",
       "Fennimore", true},
      {"on Tuesday Vantly, the maker of planning software, said it "
       "would cut jobs",
       "Vantly", true},
      {"on Tuesday Mick Harland, the union's general secretary, "
       "said talks had failed",
       "Mick Harland", false},
      {"the study was paid for by the National Institutes of Health "
       "last year",
       "National Institutes of Health", true},
      {"backed by the Harbor Chamber of Commerce and two unions",
       "Harbor Chamber of Commerce", true},
      {"she told the Dunmore Herald-Courier in an interview",
       "Dunmore Herald-Courier", true},
      {"said Paul Kessler, arguing for NetBridge, a trade group that speaks "
       "for them",
       "NetBridge", true},
      {"a poll average from RealClearPolling showed a tie", "RealClearPolling",
       true},
      {"a poll average from McCallister showed a tie", "McCallister", false},
      {"the Anglo-Saxon monopoly on news", "Anglo-Saxon", false},
      {"in the Capitol, a group of senators met", "Capitol", false},
      {"among them was Lin Peiyu, a bank-fraud investigator who", "Lin Peiyu",
       false},
      {"a court-appointed administrator, Crane & Whitlock LLP, is overseeing "
       "the estate",
       "Crane & Whitlock LLP", true},
      {"agents of the U.S. Border Patrol said on Monday that they had seen it",
       "U.S. Border Patrol", true},
  };
  for (const Example& e : examples) {
    EXPECT_EQ(Is(e.text, e.name, EntityType::kOrganization), e.organization)
        << e.text;
  }
}

TEST_F(TypeClassifierTest, SpeechVerbAfterAnObjectSaysNothing) {
  EXPECT_TRUE(Is("then Brenwick said no", "Brenwick", EntityType::kPerson));
  // "the mayor of Brenwick said": the mayor speaks, not Brenwick.
  EXPECT_FALSE(
      Is("the mayor of Brenwick said no", "Brenwick", EntityType::kPerson));
  EXPECT_FALSE(Is("the 31-year-old from Brenwick said no", "Brenwick",
                  EntityType::kPerson));
}

TEST_F(TypeClassifierTest, PersonFromAnAppositiveRole) {
  // A role closing an appositive, after a nationality (two of them too).
  EXPECT_TRUE(
      Is("Saffi, the singer, has cancelled", "Saffi", EntityType::kPerson));
  EXPECT_TRUE(
      Is("Saffi, the British-Nigerian singer whose album sold, has "
         "cancelled",
         "Saffi", EntityType::kPerson));
  // Not a clause's subject, nor the role of the name after it.
  EXPECT_FALSE(Is("in a courtroom on Rewane Road, the judge said",
                  "Rewane "
                  "Road",
                  EntityType::kPerson));
  EXPECT_FALSE(
      Is("Replying for the Opposition, the shadow minister, Aisha "
         "Bello, said",
         "Opposition", EntityType::kPerson));
}

TEST_F(TypeClassifierTest, PlaceFromGazetteerPatternsAndHeads) {
  EXPECT_TRUE(Is("the people of the town of Ashmoor were split over it",
                 "Ashmoor", EntityType::kPlace));
  EXPECT_TRUE(Is("the quake struck 70 kilometres south-west of Salvea Cruz "
                 "at dawn",
                 "Salvea Cruz", EntityType::kPlace));
  EXPECT_TRUE(Is("the farm lies below Cobham Ridge in the valley",
                 "Cobham Ridge", EntityType::kPlace));
  EXPECT_TRUE(
      Is("a meeting last week in the Eastmoor neighborhood drew a "
         "crowd",
         "Eastmoor", EntityType::kPlace));
  EXPECT_TRUE(
      Is("a show in Brenwick last night", "Brenwick", EntityType::kPlace));
  EXPECT_TRUE(
      Is("born in Dunmore, Pennsylvania", "Dunmore", EntityType::kPlace));
  EXPECT_TRUE(Is("born in Dunmore, PA", "PA", EntityType::kPlace));
  // A country's possessive after the comma opens an appositive.
  EXPECT_FALSE(
      Is("Tofazzal Hossain Munshi, Bangladesh's minister for "
         "relief, spoke",
         "Tofazzal Hossain Munshi", EntityType::kPlace));
  EXPECT_TRUE(Is("flights to Kenya resumed", "Kenya", EntityType::kPlace));
  // Counties, boroughs and provinces (ISO 3166-2, second level for GB, IE,
  // ES, IT and FR).
  EXPECT_TRUE(Is("grew up between Chester and Salford, she said", "Salford",
                 EntityType::kPlace));
  EXPECT_TRUE(
      Is("a farm in County Wexford", "County Wexford", EntityType::kPlace));
  EXPECT_TRUE(
      Is("a rally at Harmon Square drew", "Harmon Square", EntityType::kPlace));
  EXPECT_TRUE(
      Is("The Brenwick rapper returned", "Brenwick", EntityType::kPlace));
  // A compass prefix before an unknown word names a region; river, loch,
  // isle open a place's name.
  EXPECT_TRUE(Is("spills across North Brenshire last year", "North Brenshire",
                 EntityType::kPlace));
  EXPECT_TRUE(Is("water quality on the River Brenn for years", "River Brenn",
                 EntityType::kPlace));
  // Heads of ports and grounds.
  EXPECT_TRUE(Is("ships waited off the Brenwick Container Terminal today",
                 "Brenwick Container Terminal", EntityType::kPlace));
  EXPECT_TRUE(Is("fans in the Brenwick Stand sang", "Brenwick Stand",
                 EntityType::kPlace));
  // So do venues named in their own language.
  EXPECT_TRUE(Is("a meeting at the Teatro Brenal last night", "Teatro Brenal",
                 EntityType::kPlace));
  EXPECT_TRUE(Is("miners trapped under Cerro Quilmaya since Friday",
                 "Cerro Quilmaya", EntityType::kPlace));
  EXPECT_TRUE(Is("guests at the Hotel Brenwick were told", "Hotel Brenwick",
                 EntityType::kPlace));
}

TEST_F(TypeClassifierTest, WorkFromCuesAndQuotes) {
  EXPECT_TRUE(Is("her debut album Paper Lanterns sold", "Paper Lanterns",
                 EntityType::kWork));
  EXPECT_TRUE(Is("the Paper Lanterns short film is out", "Paper Lanterns",
                 EntityType::kWork));
  EXPECT_TRUE(Is("his film, Paper Lanterns, opens", "Paper Lanterns",
                 EntityType::kWork));
  EXPECT_TRUE(Is("the song \xE2\x80\x9CPaper Lanterns\xE2\x80\x9D charted",
                 "Paper Lanterns", EntityType::kWork));
  EXPECT_TRUE(Is("his Dust & The Long Road album", "Dust & The Long Road",
                 EntityType::kWork));
  // An appositive after a work cue outweighs a head noun ("Harbour").
  EXPECT_TRUE(Is("for her debut, Quiet Harbour, she won", "Quiet Harbour",
                 EntityType::kWork));
  EXPECT_TRUE(Is("her new feature Quiet Harbour opens", "Quiet Harbour",
                 EntityType::kWork));
}

TEST_F(TypeClassifierTest, EventFromHeadsYearsAndGazetteer) {
  EXPECT_TRUE(Is("won at the Harbor Film Festival", "Harbor Film Festival",
                 EntityType::kEvent));
  EXPECT_TRUE(
      Is("nominated at the Brit Awards", "Brit Awards", EntityType::kEvent));
  EXPECT_TRUE(Is("shown at Harbor Lights 2021 in May", "Harbor Lights 2021",
                 EntityType::kEvent));
  EXPECT_TRUE(Is("before the 2024 Summer Games began", "2024 Summer Games",
                 EntityType::kEvent));
  EXPECT_TRUE(Is("ads during Harbor Bowl LVII cost more", "Harbor Bowl LVII",
                 EntityType::kEvent));
  EXPECT_TRUE(Is("knocked out of the Copa Albufera", "Copa Albufera",
                 EntityType::kEvent));
  const Classification oscars = Of("ahead of the Oscars next month", "Oscars");
  EXPECT_EQ(oscars.type, EntityType::kEvent);
  EXPECT_EQ(oscars.canonical, "Academy Awards");
}

TEST_F(TypeClassifierTest, CapitalisedDictionaryWordsNeedCues) {
  EXPECT_LT(Of("read the Privacy Policy and Terms", "Privacy Policy").score,
            kAcceptScore);
  EXPECT_LT(Of("up for Song Of The Year again", "Song Of The Year").score,
            kAcceptScore);
  EXPECT_LT(Of("Officials said it rained.", "Officials").score, kAcceptScore);
}

TEST_F(TypeClassifierTest, DescriptionsAreNotEntities) {
  EXPECT_LE(Of("many American voters agree", "American").score, 0);
  EXPECT_LE(Of("a New Jersey Democrat said", "New Jersey Democrat").score, 0);
  EXPECT_LE(Of("said the Vice President", "President").score, 0);
  EXPECT_LE(Of("most PACs spent more", "PACs").score, 0);
  EXPECT_LE(Of("as many New Yorkers agree", "New Yorkers").score, 0);
}

TEST_F(TypeClassifierTest, CommonAcronymsAndCodesAreNotOrganizations) {
  EXPECT_FALSE(Is("a press release with \u2018A.I.\u2019 in it", "A.I",
                  EntityType::kOrganization));
  EXPECT_LT(Of("he drove an SUV home", "SUV").score, kAcceptScore);
  EXPECT_LT(Of("sales of the A6 rose", "A6").score, kAcceptScore);
  EXPECT_TRUE(
      Is("a probe by the QZX into it", "QZX", EntityType::kOrganization));
}

TEST_F(TypeClassifierTest, TeamsAndRegions) {
  EXPECT_TRUE(Is("the Denver Falcons won", "Denver Falcons",
                 EntityType::kOrganization));
  EXPECT_TRUE(
      Is("a South Texas-based group", "South Texas", EntityType::kPlace));
  EXPECT_TRUE(Is("the plant in Port Harwick closed", "Port Harwick",
                 EntityType::kPlace));
  EXPECT_TRUE(
      Is("she moved to Boise, Idaho last year", "Boise", EntityType::kPlace));
  EXPECT_TRUE(Is("he lives in Flint, Mich. now", "Mich", EntityType::kPlace));
  EXPECT_TRUE(Is("a reporter for the Harwick Observer wrote",
                 "Harwick Observer", EntityType::kOrganization));
}

TEST_F(TypeClassifierTest, MultiWordGazetteerNamesAtSentenceStart) {
  EXPECT_TRUE(
      Is("White House aides left.", "White House", EntityType::kOrganization));
}

TEST_F(TypeClassifierTest, SentenceInitialDictionaryWordIsWeak) {
  const Classification c = Of("Free added that it rained.", "Free");
  EXPECT_GT(c.score, 0);
  EXPECT_LT(c.score, kAcceptScore);
}

TEST_F(TypeClassifierTest, SurnameOpenedByItsParticlesIsAPerson) {
  EXPECT_TRUE(Is("The coach resigned. Van der Berg did not respond.",
                 "Van der Berg", EntityType::kPerson));
}

TEST_F(TypeClassifierTest, SportsBodiesShopsPondsAndLanguages) {
  EXPECT_TRUE(Is("A ruling by Athletics Kenya came on Monday.",
                 "Athletics Kenya", EntityType::kOrganization));
  EXPECT_TRUE(Is("He bought bread at Al-Ameer Bakery on Monday.",
                 "Al-Ameer Bakery", EntityType::kOrganization));
  EXPECT_TRUE(Is("They rowed past Lindgren Pond at dawn.", "Lindgren Pond",
                 EntityType::kPlace));
  // A language names no place, and a sport alone names no body.
  EXPECT_LE(Of("She answered in Swahili and then in English.", "Swahili").score,
            0);
  EXPECT_FALSE(Is("He had Tennis Elbow for years.", "Tennis Elbow",
                  EntityType::kOrganization));
}

TEST_F(TypeClassifierTest, TranscriptLabels) {
  EXPECT_TRUE(Is("HOLLIS: We will see.", "HOLLIS", EntityType::kPerson));
}

}  // namespace
}  // namespace verbatim::entities
