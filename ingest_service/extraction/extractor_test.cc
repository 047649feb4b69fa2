#include "ingest_service/extraction/extractor.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/extraction/article_file.h"

namespace verbatim::extraction {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = Extractor::Create();
    ASSERT_TRUE(e.ok()) << e.status();
    extractor_ = e->release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  // Extracts `body`; an error fails the test and yields an empty result.
  static ExtractionResult ExtractOrFail(std::string_view body) {
    auto r = extractor_->Extract(body);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *std::move(r) : ExtractionResult{};
  }

  static Extractor* extractor_;
};
Extractor* ExtractorTest::extractor_ = nullptr;

TEST_F(ExtractorTest, InvalidUtf8IsInvalidArgument) {
  auto r = extractor_->Extract("“Hi,” he said \xC3\x28");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ExtractorTest, ExtractsQuotesWithSpeakers) {
  const std::string body =
      "Advertisement\n"
      "Mayor Ann Lee opened the new bridge on Monday.\n"
      "“This bridge connects two halves of our city,” Lee said. “It was "
      "worth the wait.”\n"
      "Residents called it a “game changer” for commuters.\n";
  auto r = extractor_->Extract(body);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->quotes.size(), 2u);
  const QuoteAppearance& q0 = r->quotes[0];
  EXPECT_EQ(q0.text, "This bridge connects two halves of our city,");
  EXPECT_EQ(body.substr(q0.span.begin, q0.span.end - q0.span.begin), q0.text);
  ASSERT_GE(q0.speaker, 0);
  EXPECT_NE(r->entities[q0.speaker].display_name.find("Lee"),
            std::string::npos);
  EXPECT_EQ(q0.rule, "post_name_verb");
  EXPECT_EQ(q0.cue, "said");
  EXPECT_GT(q0.confidence, 0.5);
  EXPECT_EQ(r->quotes[1].speaker, q0.speaker);
  EXPECT_EQ(r->quotes[1].continues, 0);
  for (const auto& m : r->mentions) {
    EXPECT_LE(m.span.end, body.size());
  }
}

TEST_F(ExtractorTest, ItSpeaksForTheOrganisationOpeningItsSentence) {
  const std::string body =
      "The Harbor Council on Friday condemned the vote as what it called "
      "“a clear threat to the port.”\n"
      "Ines Okoro, a dock worker, said she agreed. Later it was "
      "“a quiet day,” by most accounts.\n";
  const ExtractionResult r = ExtractOrFail(body);
  ASSERT_GE(r.quotes.size(), 1u);
  const QuoteAppearance& q0 = r.quotes[0];
  EXPECT_EQ(q0.text, "a clear threat to the port.");
  ASSERT_GE(q0.speaker, 0);
  EXPECT_EQ(r.entities[q0.speaker].display_name, "Harbor Council");
  // An "it" in a sentence opened by no organisation names no speaker.
  for (const QuoteAppearance& q : r.quotes) {
    if (q.text == "a quiet day,") {
      EXPECT_LT(q.speaker, 0) << r.entities[q.speaker].display_name;
    }
  }
}

// The display name of quote `i`'s speaker, or "" when it has none.
std::string SpeakerOf(const ExtractionResult& r, size_t i) {
  const int e = i < r.quotes.size() ? r.quotes[i].speaker : -1;
  return e >= 0 ? r.entities[e].display_name : "";
}

TEST_F(ExtractorTest, PronounsLearnGenderAndFollowDescriptions) {
  // "he" makes Mbeki (a name the lexicons do not know) male, so "she" skips
  // him for the woman named before.
  ExtractionResult r = ExtractOrFail(
      "Ines Okoro spoke first. Tade Mbeki spoke next.\n"
      "“We were ignored,” he said.\n"
      "“We were not,” she said.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Tade Mbeki");
  EXPECT_EQ(SpeakerOf(r, 1), "Ines Okoro");
  // A sentence opened by "the mayor" continues Mayor Ines Okoro, though a
  // man of unknown gender was named since.
  r = ExtractOrFail(
      "Mayor Ines Okoro and council member Tade Mbeki clashed on Tuesday.\n"
      "Mbeki was not convinced by the plan. Residents agreed with him.\n"
      "The mayor disagreed. “Every page was read,” she told reporters.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Ines Okoro");
}

TEST_F(ExtractorTest, FramedPartRunningIntoNextParagraphIsSpeech) {
  ExtractionResult r = ExtractOrFail(
      "Council member Lena Brandt led the drive.\n"
      "“I want to thank every one of them,” she said. “Every single one.\n"
      "“Even the kid who gave us a jar of pennies.”\n");
  ASSERT_EQ(r.quotes.size(), 3u);
  EXPECT_EQ(r.quotes[1].text, "Every single one.");
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(SpeakerOf(r, i), "Lena Brandt");
}

TEST_F(ExtractorTest, FramedExclamationsAreSpeechEvenOfOneWord) {
  ExtractionResult r = ExtractOrFail(
      "The chamber was loud on Wednesday.\n"
      "“Order! Order!” cried the Speaker, Sir Ian Hale. “Sit down.”\n"
      "“Shame!” shouted someone on the back benches.\n"
      "“Answer the question!” bellowed the backbencher Ada Quill.\n"
      "Voters called the plan “Magic!” in a poll.\n"
      "Ben Okoro shouted: “Stop!”\n");
  ASSERT_EQ(r.quotes.size(), 5u);
  EXPECT_EQ(SpeakerOf(r, 4), "Ben Okoro");
  EXPECT_EQ(r.quotes[0].text, "Order! Order!");
  EXPECT_EQ(SpeakerOf(r, 0), "Ian Hale");
  EXPECT_EQ(SpeakerOf(r, 1), "Ian Hale");
  EXPECT_EQ(r.quotes[2].text, "Shame!");
  EXPECT_EQ(SpeakerOf(r, 2), "");  // "someone" is nobody named
  EXPECT_EQ(SpeakerOf(r, 3), "Ada Quill");
}

TEST_F(ExtractorTest, DescriptionAfterAParagraphAboutSomeone) {
  // The paragraph before is about Tane Ngata ("He ..." goes on about him),
  // though Ruiz spoke earlier and Maka is named later in it.
  ExtractionResult r = ExtractOrFail(
      "Captain Ana Ruiz was pleased. “We fought,” Ruiz said.\n"
      "For Tane Ngata the day could not have gone better. He came in when "
      "Leo Maka was out and stayed to the end.\n"
      "“I just watched the ball,” said the debutant.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 1), "Tane Ngata");
}

TEST_F(ExtractorTest, DescriptionIsTheSubjectOfItsParagraphNotAnAside) {
  ExtractionResult r = ExtractOrFail(
      "The rescue ended on Sunday.\n"
      "Rosa Quispe, whose husband Mario Tello was among the eleven, fell to "
      "her knees. “I told my daughters tomorrow,” the mother of two said.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Rosa Quispe");
}

TEST_F(ExtractorTest, IndefiniteDescriptionIsAnUnnamedSpeaker) {
  ExtractionResult r = ExtractOrFail(
      "Striker Rui Salgado signed on Monday.\n"
      "“I came here because the coach believed in me,” Salgado said.\n"
      "“We needed a defender, not another striker,” wrote one supporter.\n"
      "“He will score twenty,” the striker said.\n");
  ASSERT_EQ(r.quotes.size(), 3u);
  EXPECT_EQ(SpeakerOf(r, 0), "Rui Salgado");
  EXPECT_EQ(SpeakerOf(r, 1), "");
  // A definite description still names the article's person.
  EXPECT_EQ(SpeakerOf(r, 2), "Rui Salgado");
}

TEST_F(ExtractorTest, DescriptionOfSomeoneIntroducedUnnamedStaysUnnamed) {
  ExtractionResult r = ExtractOrFail(
      "Chief executive Nora Quell resigned on Thursday.\n"
      "One senior engineer, who asked not to be named, called the mood "
      "grim.\n"
      "“Everybody here knows who built this place,” the engineer said.\n"
      "“I leave it stronger than I found it,” the executive said.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "");
  EXPECT_EQ(SpeakerOf(r, 1), "Nora Quell");
  // Announcers and narrators are seldom the person of the story.
  ExtractionResult ad = ExtractOrFail(
      "An ad from Senator Ada Quell asked whether Tom Brisco was ready.\n"
      "As a phone rang, the announcer said, “It is 3 a.m. Who do you want "
      "answering the phone?”\n"
      "“If he thinks that makes him smart,” the ad’s narrator says, “what "
      "does he think of you?”\n");
  ASSERT_EQ(ad.quotes.size(), 3u);
  EXPECT_EQ(SpeakerOf(ad, 0), "");
  EXPECT_EQ(SpeakerOf(ad, 1), "");
  EXPECT_EQ(SpeakerOf(ad, 2), "");
}

TEST_F(ExtractorTest, SpokespersonSpeaksForTheOrganisation) {
  ExtractionResult r = ExtractOrFail(
      "Halcyon TV cancelled the show. “We are grateful,” a Halcyon TV "
      "spokesperson said.\n"
      "A spokeswoman for St. Brendan’s Medical Center said staff gathered "
      "outside his room. “It was a privilege,” she said.\n"
      "A Halcyon TV engineer, who asked not to be named, said the budget had "
      "been cut. “We saw it coming,” he said.\n"
      "Regulators called the plan “a blueprint for delay.”\n");
  ASSERT_EQ(r.quotes.size(), 4u);
  EXPECT_EQ(SpeakerOf(r, 0), "Halcyon TV");
  EXPECT_EQ(SpeakerOf(r, 1), "St. Brendan’s Medical Center");
  EXPECT_EQ(SpeakerOf(r, 2), "");
  // A plural description is a group, not the last person named.
  EXPECT_EQ(SpeakerOf(r, 3), "");
}

TEST_F(ExtractorTest, VoiceModifiedByAnOrganisationsHeadNoun) {
  ExtractionResult r = ExtractOrFail(
      "The Harrowgate Borough Council, which runs the pool, said it would "
      "reopen in May. “Safety comes first,” a council spokesperson said.\n"
      "Coach Dara Finn wanted answers. “We lost a season,” a club "
      "spokeswoman said.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Harrowgate Borough Council");
  // No organisation named with the modifier: unknown, not the last person.
  EXPECT_EQ(SpeakerOf(r, 1), "");
}

TEST_F(ExtractorTest, TheVoiceSpeaksForTheOrganisationItSpokeForBefore) {
  ExtractionResult r = ExtractOrFail(
      "Staff at Marrow were told to go home. A Kestrel Restructuring "
      "spokesperson said letters would follow. “We will answer every "
      "query,” the spokesperson said.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Kestrel Restructuring");
}

TEST_F(ExtractorTest, OrganisationAfterItsOwnersPossessiveSpeaks) {
  ExtractionResult r = ExtractOrFail(
      "The tomb was found by a joint mission.\n"
      "Egypt\u2019s Ministry of Tourism and Antiquities described the find "
      "as \u2018one of the most important discoveries this century\u2019.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Ministry of Tourism and Antiquities");
  // A possessive that is a word of the name itself stays in it.
  ExtractionResult own = ExtractOrFail(
      "The study followed 400 walkers.\n"
      "The Alzheimer's Research Foundation called the results \u201cpromising "
      "but preliminary.\u201d\n");
  ASSERT_EQ(own.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(own, 0), "Alzheimer's Research Foundation");
}

TEST_F(ExtractorTest, GroupSpeaksForTheOrganisationItWasIntroducedWith) {
  ExtractionResult r = ExtractOrFail(
      "The race stewards of the Automobile Federation took two laps to rule. "
      "\u201cCar 4 left no room at Turn 1,\u201d the stewards said.\n"
      "Regulators called the plan \u201ca blueprint for delay.\u201d\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Automobile Federation");
  // A group introduced with no organisation is nobody in particular.
  EXPECT_EQ(SpeakerOf(r, 1), "");
}

TEST_F(ExtractorTest, RelativeClausePronounPicksTheDescribedPerson) {
  ExtractionResult r = ExtractOrFail(
      "Celebrity chef Marcus Obi closed all nine restaurants on Monday.\n"
      "\u201cThe locks were changed,\u201d said Fatima Hassan, a sous chef "
      "at the flagship.\n"
      "The 47-year-old chef, who often spoke about his roots on television, "
      "apologised online: \u201cYou deserved better.\u201d\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 1), "Marcus Obi");
}

TEST_F(ExtractorTest, CompanyStatementAfterAnotherBodySpoke) {
  ExtractionResult r = ExtractOrFail(
      "A fire broke out at the Corvane Chemicals Ltd plant on Friday.\n"
      "Chief fire officer Dana Roe said crews were still there. The "
      "Westshire Fire Service said it had sent ten engines.\n"
      "The company confirmed in a statement that \u201ca limited quantity of "
      "process "
      "solvents\u201d had caught fire. \u201cOur first thought is with "
      "the residents,\u201d the statement read.\n"
      "Corvane said it would set up a fund. In a statement issued at 4pm, it "
      "said: \u201cWe are sorry for the disruption.\u201d\n");
  ASSERT_EQ(r.quotes.size(), 3u);
  EXPECT_EQ(SpeakerOf(r, 0), "Corvane Chemicals Ltd");
  EXPECT_EQ(SpeakerOf(r, 1), "Corvane Chemicals Ltd");
  EXPECT_EQ(SpeakerOf(r, 2), "Corvane Chemicals Ltd");
}

TEST_F(ExtractorTest, ParliamentaryTitlesAndFormsOfAddress) {
  ExtractionResult r = ExtractOrFail(
      "The budget debate was suspended twice on Tuesday.\n"
      "The Speaker, Rt. Hon. Ada Nwankwo, called for order. \u201cThis is "
      "the floor of the House, not a motor park,\u201d the Speaker said.\n"
      "Finance minister Musa Bello said: \u201cMr Speaker, this budget "
      "is the most disciplined in a decade.\u201d\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Ada Nwankwo");
  EXPECT_EQ(SpeakerOf(r, 1), "Musa Bello");
  for (const auto& e : r.entities) {
    EXPECT_NE(e.display_name, "Speaker");
    EXPECT_NE(e.display_name, "Rt");
  }
}

TEST_F(ExtractorTest, SentenceOpeningWordNamesNoNewSpeaker) {
  ExtractionResult r = ExtractOrFail(
      "The frog was found last year.\n"
      "Local guides had long been calling the animal \u201cthe little frog "
      "of the moon\u201d in the village.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "");
}

TEST_F(ExtractorTest, CompanyIsNotTheOutletNamedInCaptions) {
  const std::string body =
      "Rain sweeps the main stage. (Picture: Owen Hale/The Moor Post)\n"
      "More pictures from the Moor Post team are online.\n"
      "Organisers Brackenfield Leisure pulled the plug on Friday. In a short "
      "statement, the company said: \u201cThe safety of our audience is all "
      "that matters.\u201d\n";
  ArticleContext context;
  context.source = "The Moor Post";
  auto r = extractor_->Extract(body, context);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->quotes.size(), 1u);
  const int e = r->quotes[0].speaker;
  EXPECT_TRUE(e < 0 || r->entities[e].display_name != "Moor Post");
}

TEST_F(ExtractorTest, DescriptionAfterAParticipleClauseOrByBirthplace) {
  ExtractionResult r = ExtractOrFail(
      "Mayor Gabriel Santos spoke at city hall on Monday.\n"
      "Pressed by Amelie Tremblay of the Courier on whether the city had "
      "misjudged the union, the mayor bristled. \u201cI misjudged "
      "nobody,\u201d he said.\n"
      "Co-star Javier Montoya, who plays the keeper, has made sixty films "
      "in Spain and Mexico over three decades.\n"
      "The lead is the actor Kojo Blaze, born in Kumasi.\n"
      "Asked about music, the Kumasi-born star shook his head. \u201cThe "
      "album is finished,\u201d he said.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Gabriel Santos");
  EXPECT_EQ(SpeakerOf(r, 1), "Kojo Blaze");
}

TEST_F(ExtractorTest, ReportedSpeechOfAnAppositiveNameCarriesToTheNextQuote) {
  ExtractionResult r = ExtractOrFail(
      "The review was published on Tuesday. Niamh Doyle chaired it.\n"
      "A former ward coordinator, Deirdre Callan, who raised concerns eight "
      "years ago, said she felt no sense of triumph.\n"
      "\u2018I am glad the truth is out,\u2019 the 52-year-old told "
      "reporters.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Deirdre Callan");
}

TEST_F(ExtractorTest, CompanySpokespersonSpeaksForTheIncorporatedCompany) {
  ExtractionResult r = ExtractOrFail(
      "The Fold 3 is the new phone from Halcyon Labs Inc., which launched it "
      "in May.\n"
      "When I put the results to Halcyon, a company spokesperson said: "
      "\u201cBattery performance varies with usage.\u201d\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Halcyon Labs Inc");
}

TEST_F(ExtractorTest, ScientistTitleBeforeAnHonorificAndAffiliation) {
  ExtractionResult r = ExtractOrFail(
      "The quake struck at noon.\n"
      "Seismologist Dr. Arturo Lin Valdivia of the National Autonomous "
      "University of Mexico said it was deep. “These quakes release energy "
      "efficiently,” he said.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Arturo Lin Valdivia");
}

TEST_F(ExtractorTest, DescriptionAfterPageFurnitureTakesTheSpeakerBefore) {
  ExtractionResult r = ExtractOrFail(
      "Wing Semi Tavita scored twice as Fiji beat Ireland.\n"
      "Tavita was mobbed. “Tonight the whole team was strong,” Tavita "
      "said.\n"
      "Ireland head coach Pieter van der Merwe did not hide his anger.\n"
      "“I still don't see it,” van der Merwe said.\n"
      "Advertisement\n"
      "The 46-year-old South African, who took charge last year, added: "
      "“Fiji deserved it.”\n");
  ASSERT_EQ(r.quotes.size(), 3u);
  EXPECT_EQ(SpeakerOf(r, 2), "Pieter van der Merwe");
}

TEST_F(ExtractorTest, DescriptionAfterAOneSentenceLeadInIsItsSubject) {
  ExtractionResult r = ExtractOrFail(
      "Former England midfielder Gary Whitlock backed the move. “He will "
      "go,” Whitlock said.\n"
      "And Albufera boss Ciaran Driscoll appeared to wash his hands of it.\n"
      "“I want him here,” the Irishman told reporters.\n"
      "But furious club chief Ignacio Ruiz has vowed to keep him.\n"
      "“He is not for sale,” the fiery president fumed.\n"
      "Belgian driver Lars Vos finished third.\n"
      "“The car was sliding everywhere,” the Belgian said.\n");
  ASSERT_EQ(r.quotes.size(), 4u);
  EXPECT_EQ(SpeakerOf(r, 0), "Gary Whitlock");
  EXPECT_EQ(SpeakerOf(r, 1), "Ciaran Driscoll");
  // Even with a role of another name before him.
  EXPECT_EQ(SpeakerOf(r, 2), "Ignacio Ruiz");
  EXPECT_EQ(SpeakerOf(r, 3), "Lars Vos");
}

TEST_F(ExtractorTest, ClergyTitlesAreRoles) {
  ExtractionResult r = ExtractOrFail(
      "The walk was organised by Imam Yusuf Haddad and Rabbi Miriam Stern.\n"
      "At the mosque, Imam Haddad spoke quietly about the fire.\n"
      "“My daughter asked me whether they would come back,” the imam said.\n"
      "“We walk together,” the rabbi said.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Yusuf Haddad");
  EXPECT_EQ(SpeakerOf(r, 1), "Miriam Stern");
}

TEST_F(ExtractorTest, PartyRoleAndQuantifierSubjectsAreNoNames) {
  ExtractionResult r = ExtractOrFail(
      "More than 40 backbenchers have signed a letter warning that the plan "
      "would \"hand the countryside to developers\".\n"
      "One Tory MP, who asked not to be named, said the whips had been "
      "\"ringing round all night\". 'They're nervous,' the MP said. 'They "
      "should be.'\n");
  ASSERT_EQ(r.quotes.size(), 4u);
  for (size_t i = 0; i < r.quotes.size(); ++i) {
    EXPECT_EQ(SpeakerOf(r, i), "") << r.quotes[i].text;
  }
  // The two-word quote before "the MP said" is speech, not a scare quote.
  EXPECT_EQ(r.quotes[2].text, "They're nervous,");
}

TEST_F(ExtractorTest, PronounChainSkipsObjectsNamedWithANickname) {
  ExtractionResult r = ExtractOrFail(
      "Born in Ashby in 1937, pianist Tom Ruiz began playing at six.\n"
      "By 19 he was touring with the bandleader Lionel “Sweets” Carver, who "
      "later praised him. He played for Presidents Carter and Ford. In a 2004 "
      "interview, he "
      "said it never made him nervous. “A room is a room,” he said.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(SpeakerOf(r, 0), "Tom Ruiz");
}

TEST_F(ExtractorTest, QuoteParagraphAfterFragmentsIsTheirSpeakers) {
  ExtractionResult r = ExtractOrFail(
      "In a statement, Senator Ada Vantrell called the conduct “outrageous” "
      "and asked for the bonuses to be “clawed back.”\n"
      "“If any bank cannot be managed, it should be broken up.”\n"
      "The bank's shares fell on Tuesday.\n"
      "“Nobody at the bank has explained what went wrong here.”\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(SpeakerOf(r, 0), "Ada Vantrell");
  // After a paragraph that quotes nobody, a quote paragraph stays unknown.
  EXPECT_EQ(SpeakerOf(r, 1), "");
}

TEST_F(ExtractorTest, TitleInATitlesPlaceIsNoQuoteEvenWithAFrame) {
  ExtractionResult r = ExtractOrFail(
      "In an interview on WHN's “Sunday Ledger,” Senator Ada Vantrell said "
      "the bill was dead.\n"
      "“Not In My Town,” Vantrell said.\n");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].text, "Not In My Town,");
}

TEST_F(ExtractorTest, ShortSentenceAfterAFramedQuoteContinuesIt) {
  ExtractionResult r = ExtractOrFail(
      "The minister, Aled Morgan, spoke on Tuesday.\n"
      "“We are not cutting a single line,” Mr Morgan told MPs. “Not one.”\n"
      "“We will win,” Morgan said. Aides chanted “go Morgan” for an hour.\n");
  std::vector<std::string> texts;
  for (const QuoteAppearance& q : r.quotes) texts.push_back(q.text);
  EXPECT_EQ(texts,
            (std::vector<std::string>{"We are not cutting a single line,",
                                      "Not one.", "We will win,"}));
  EXPECT_EQ(SpeakerOf(r, 1), "Aled Morgan");
}

TEST_F(ExtractorTest, BritishSingleMarksSurviveOneDoublePair) {
  ExtractionResult r = ExtractOrFail(
      "'We are not cutting a single line,' Mr Morgan told MPs.\n"
      "'The minister is counting the same money twice,' Carys Pryce said.\n"
      "The trains will run by 2028 - \"if the suppliers deliver,\" he "
      "added.\n"
      "Asked about fares, he said: 'They will rise with inflation.'\n");
  ASSERT_EQ(r.quotes.size(), 4u);
  EXPECT_EQ(r.quotes[0].text, "We are not cutting a single line,");
  EXPECT_EQ(SpeakerOf(r, 1), "Carys Pryce");
  // Framed by a pronoun only: kept because single marks are this article's
  // speech marks, not because the frame is strong.
  EXPECT_EQ(r.quotes[3].text, "They will rise with inflation.");
}

TEST_F(ExtractorTest, OffsetsPointIntoOriginalWhenNotNfc) {
  // "Rene\u0301e" is not NFC; the quote offsets must still index `body`.
  const std::string body =
      "Rene\xCC\x81"
      "e Roy spoke.\n“We will keep going no matter what,” "
      "Roy said.";
  auto r = extractor_->Extract(body);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->quotes.size(), 1u);
  const auto& q = r->quotes[0];
  EXPECT_EQ(body.substr(q.span.begin, q.span.end - q.span.begin),
            "We will keep going no matter what,");
}

TEST_F(ExtractorTest, TopLevelSinglesAreTitlesWhenArticleUsesDoubles) {
  const std::string body =
      "Mayor Vows ‘Fast Action’ on Floods\n"
      "“We will have pumps on every street by Friday,” Mayor Ann Lee said.\n";
  auto r = extractor_->Extract(body);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->quotes.size(), 1u);
  EXPECT_EQ(r->quotes[0].text, "We will have pumps on every street by Friday,");
  // British style: single marks carry the speech.
  auto uk = extractor_->Extract(
      "‘We will have pumps on every street by Friday,’ Ann Lee said.");
  ASSERT_TRUE(uk.ok());
  EXPECT_EQ(uk->quotes.size(), 1u);
}

TEST_F(ExtractorTest, KeptQuotesAreNotTitlesAndDroppedOnesAddNoSpeaker) {
  const ExtractionResult r = ExtractOrFail(
      "Coach Ada Okafor was calm. “It's October,” she said. “Nobody wins "
      "anything in October.”\n"
      "Shares of Velmont Inc. fell after its “Orbit” tablet sold poorly.\n");
  ASSERT_EQ(r.quotes.size(), 2u);
  EXPECT_EQ(r.quotes[0].text, "It's October,");
  for (const entities::Entity& e : r.entities) {
    EXPECT_NE(e.display_name, "It's October");
    EXPECT_NE(e.display_name, "Shares");
  }
}

TEST_F(ExtractorTest, MultiParagraphQuoteParts) {
  const std::string body =
      "Mayor Ann Lee spoke at length on Monday.\n"
      "“We started this work two years ago with nothing but a plan.\n"
      "“Today the bridge is open to every family in the city,” Lee said.\n"
      "The paper reported:\n"
      "\"The council met late into the night to debate the budget.\n"
      "\"Members left without a vote.\n";
  auto r = extractor_->Extract(body);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->quotes.size(), 2u);
  EXPECT_EQ(r->quotes[0].text,
            "We started this work two years ago with nothing but a plan.");
  EXPECT_EQ(r->quotes[0].rule, "carry_back");
  EXPECT_GE(r->quotes[0].speaker, 0);
  EXPECT_EQ(r->quotes[0].speaker, r->quotes[1].speaker);
}

TEST_F(ExtractorTest, NeverFailsOnHostileInput) {
  std::string junk;
  for (int i = 0; i < 2000; ++i)
    junk += (i % 7 == 0) ? "“" : (i % 5 ? "’ " : "\"\n");
  EXPECT_TRUE(extractor_->Extract(junk).ok());
  EXPECT_TRUE(extractor_->Extract("").ok());
  EXPECT_TRUE(extractor_->Extract(std::string(100000, 'a')).ok());
  // One huge paragraph of scare quotes: frames are bounded, so this is
  // linear (it took minutes when frames ran to the paragraph end).
  std::string dense;
  for (int i = 0; i < 20000; ++i) dense += "word “a” ";
  EXPECT_TRUE(extractor_->Extract(dense).ok());
  EXPECT_TRUE(extractor_->Extract(std::string("a\0b“c”", 7)).ok());
}

TEST_F(ExtractorTest, RunsOnSharedCorpora) {
  const char* dir = std::getenv("VERBATIM_SHARED_DIR");
  if (dir == nullptr ||
      !std::filesystem::exists(std::string(dir) + "/corpus")) {
    GTEST_SKIP() << "VERBATIM_SHARED_DIR/corpus not available";
  }
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(dir) + "/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const ArticleFile a = ParseArticleFile(buf.str());
    auto r = extractor_->Extract(a.body);
    ASSERT_TRUE(r.ok()) << entry.path() << ": " << r.status();
    for (const auto& q : r->quotes) {
      ASSERT_LE(q.span.end, a.body.size());
      ASSERT_LT(q.speaker, static_cast<int>(r->entities.size()));
    }
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace verbatim::extraction
