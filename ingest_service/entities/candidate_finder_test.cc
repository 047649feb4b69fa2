#include "ingest_service/entities/candidate_finder.h"

#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

class CandidateFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = LoadEmbeddedLexicons();
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = new Lexicons(*std::move(lex));
  }

  std::vector<std::string> Names(const std::string& text) {
    const std::vector<Token> tokens = Tokenize(text, {});
    std::vector<std::string> out;
    for (const Candidate& c : FindCandidates(text, tokens, *lex_)) {
      out.emplace_back(text.substr(c.span.begin, c.span.end - c.span.begin));
    }
    return out;
  }

  std::vector<Candidate> Find(const std::string& text) {
    return FindCandidates(text, Tokenize(text, {}), *lex_);
  }

  static const Lexicons* lex_;
};

const Lexicons* CandidateFinderTest::lex_ = nullptr;

TEST_F(CandidateFinderTest, CapitalisedSequences) {
  EXPECT_THAT(Names("yesterday Ada Okafor met Lena Brandt in Lagos."),
              ElementsAre("Ada Okafor", "Lena Brandt", "Lagos"));
}

TEST_F(CandidateFinderTest, HonorificsAndInitialsCrossDots) {
  EXPECT_THAT(Names("then Mr. Hale and J. R. Ortega left"),
              ElementsAre("Mr. Hale", "J. R. Ortega"));
}

TEST_F(CandidateFinderTest, SentenceEndDotBreaks) {
  EXPECT_THAT(Names("we saw Hale. Ortega came later"),
              ElementsAre("Hale", "Ortega"));
}

TEST_F(CandidateFinderTest, DottedAbbreviationOpensALongerName) {
  EXPECT_THAT(Names("the judge ruled on the case in U.S. District Court in "
                    "Springfield on a cold day last week"),
              ElementsAre("U.S. District Court", "Springfield"));
  EXPECT_THAT(Names("after the war she moved with her family to the U.S. The "
                    "next year was hard for all of them"),
              ElementsAre("U.S"));
  EXPECT_THAT(Names("flights to Fargo, N.D. About 300 pilots will be offered "
                    "transfers to other bases"),
              ElementsAre("Fargo", "N.D", "About"));
}

TEST_F(CandidateFinderTest, AndInsideAnEventNameButBetweenTwoEvents) {
  EXPECT_THAT(Names("her set at the Coachella Valley Music and Arts Festival "
                    "in the desert was long"),
              ElementsAre("Coachella Valley Music and Arts Festival"));
  EXPECT_THAT(Names("she was nominated at both the Grammy Awards and Brit "
                    "Awards in the same year"),
              ElementsAre("Grammy Awards", "Brit Awards"));
}

TEST_F(CandidateFinderTest, AndInsideTheComplementOfAnOrganisation) {
  EXPECT_THAT(Names("she is a fellow at the Center for Strategic and "
                    "International Studies in the capital"),
              ElementsAre("Center for Strategic and International Studies"));
  EXPECT_THAT(Names("the children went to the Museum of Science and Industry "
                    "on a rainy day in the spring"),
              ElementsAre("Museum of Science and Industry"));
  // A place completes the complement; a name after "and" is a second one.
  EXPECT_THAT(Names("the suit was brought by the Union of Ohio and Demos on "
                    "behalf of voters last year"),
              ElementsAre("Union of Ohio", "Demos"));
  EXPECT_THAT(Names("lenders such as the Bank of Harwick and Quillon Deane "
                    "agreed to the terms of the deal"),
              ElementsAre("Bank of Harwick", "Quillon Deane"));
}

TEST_F(CandidateFinderTest, ParticlesInsideNames) {
  EXPECT_THAT(Names("she teaches at the University of Northern Iowa now"),
              ElementsAre("University of Northern Iowa"));
}

TEST_F(CandidateFinderTest, SurnameParticlesJoinPersonsAndOpenSurnames) {
  EXPECT_THAT(Names("the chair, Ilse van der Hoek, said the gap was small, "
                    "and van der Hoek told reporters more."),
              ElementsAre("Ilse van der Hoek", "van der Hoek"));
  EXPECT_THAT(Names("an envoy, Omar bin Khalid al-Fayed, said so, and "
                    "al-Fayed left."),
              ElementsAre("Omar bin Khalid al-Fayed", "al-Fayed"));
  // After a given name, "of" still starts a description.
  EXPECT_THAT(Names("the delegate Maria Souza of Brazil spoke"),
              ElementsAre("Maria Souza", "Brazil"));
  // A prefix glued by a hyphen is no particle.
  EXPECT_THAT(Names("an anti-Brask campaign"), ElementsAre());
}

TEST_F(CandidateFinderTest, TrailingRoleIsCutUnlessAGivenNameLeads) {
  EXPECT_THAT(Names("said the Brightwell CEO on Monday"),
              ElementsAre("Brightwell"));
  EXPECT_THAT(Names("a novel by Stephen King and Anna Bishop"),
              ElementsAre("Stephen King", "Anna Bishop"));
}

TEST_F(CandidateFinderTest, UnknownNameBeforeOfIsAPerson) {
  EXPECT_THAT(Names("asked Li Wenjie of Brightwater Securities."),
              ElementsAre("Li Wenjie", "Brightwater Securities"));
  EXPECT_THAT(Names("at the Bank of America and the Isle of Man"),
              ElementsAre("Bank of America", "Isle of Man"));
}

TEST_F(CandidateFinderTest, OfAfterTitlesAndANameStartsADescription) {
  EXPECT_THAT(
      Names("said Detective Superintendent Fiona Grant of Harbor Police "
            "Department today."),
      ElementsAre("Fiona Grant", "Harbor Police Department"));
  EXPECT_THAT(Names("The Rev. Kwame Asante of St. Mark's Church spoke."),
              ElementsAre("Rev. Kwame Asante", "St. Mark's Church"));
}

TEST_F(CandidateFinderTest, TitleWordEndingAnUnknownNameIsASurname) {
  EXPECT_THAT(Names("Jahangir Alam Sheikh, 28, walked home"),
              ElementsAre("Jahangir Alam Sheikh"));
  EXPECT_THAT(Names("the Brightwell CEO said"), ElementsAre("Brightwell"));
}

TEST_F(CandidateFinderTest, PostNominalLettersAreCut) {
  EXPECT_THAT(Names("the mission, led by the Dutch MEP Anke de Wit, said"),
              ElementsAre("Anke de Wit"));
  EXPECT_THAT(Names("said Fiona MacLeod MP on Monday"),
              ElementsAre("Fiona MacLeod"));
  EXPECT_THAT(Names("Counsel assisting, Rajiv Malhotra SC, said"),
              Contains("Rajiv Malhotra"));
  EXPECT_THAT(Names("Commissioner Helen Papadakis AO opened the hearing"),
              Contains("Helen Papadakis"));
}

TEST_F(CandidateFinderTest, LowerCaseItemsOfACreditLine) {
  // The capitalised credit words are candidates the classifier drops.
  EXPECT_THAT(Names("Photo Credit: harborlens / studio9 & Wren Pictures"),
              ElementsAre("Credit", "harborlens", "studio9", "Wren Pictures"));
  EXPECT_THAT(Names("The film opens Friday.\n(Photo by studio9)"),
              ElementsAre("Photo", "studio9"));
  // Ordinary words after a colon, or outside a credit line, are no names.
  EXPECT_THAT(Names("Photo: the view from the pier"), ElementsAre("Photo"));
  EXPECT_THAT(Names("We met studio9 / harborlens there."), ElementsAre());
}

TEST_F(CandidateFinderTest, CommasListThePartsOfAnOrganisationsName) {
  EXPECT_THAT(Names("On Monday the UK’s Foreign, Commonwealth and "
                    "Development Office said it was following events."),
              Contains("Foreign, Commonwealth and Development Office"));
  EXPECT_THAT(Names("On Monday the weather office, the Meteorology, "
                    "Climatology and Geophysics Agency, warned of waves."),
              Contains("Meteorology, Climatology and Geophysics Agency"));
  // Places listed before one are no part of its name.
  EXPECT_THAT(Names("flights to Paris, Lyon and Nice Airport"),
              Contains("Paris"));
}

TEST_F(CandidateFinderTest, CaptionWithACreditIsNoHeadline) {
  // A caption capitalises names; its credit keeps the agency's whole name,
  // which a headline's capitalised dictionary word would lose.
  EXPECT_THAT(Names("The count went on.\nFans in Harbour Square, Port Ellis, "
                    "on Monday. Photograph: Ana Ruiz/Tidewire/Getty Images"),
              Contains("Getty Images"));
}

TEST_F(CandidateFinderTest, SentenceOpeningWordOfANameIsTrimmed) {
  EXPECT_THAT(Names("Shares of Velmont Inc. fell 4 percent."),
              ElementsAre("Velmont Inc"));
  EXPECT_THAT(Names("Residents of the Eastgate Estates were angry."),
              ElementsAre("Eastgate Estates"));
  EXPECT_THAT(Names("Bank of Ardmore said so."),
              ElementsAre("Bank of Ardmore"));
  EXPECT_THAT(Names("Department of Justice officials said so."),
              ElementsAre("Department of Justice"));
  EXPECT_THAT(Names("Friends of the Earth said so."),
              ElementsAre("Friends of the Earth"));
}

TEST_F(CandidateFinderTest, DotAndMixedCaseNames) {
  EXPECT_THAT(Names("with MC Lo .Fi and the label zqRecords, j.roc too"),
              ElementsAre("MC Lo .Fi", "zqRecords", "j.roc"));
}

TEST_F(CandidateFinderTest, DomainsAreNotNames) {
  EXPECT_THAT(Names("visit example.com or www.site.org today"),
              Not(Contains("example.com")));
}

TEST_F(CandidateFinderTest, VirtueGivenNameOpensAPersonsName) {
  // "Mercy", "Patience", "Blessing": dictionary words that are given names.
  EXPECT_THAT(Names("Raids rose. Mercy Tembo, who farms nearby, said so."),
              testing::Contains("Mercy Tembo"));
  EXPECT_THAT(Names("Raids rose. Blessing Okafor said so."),
              testing::Contains("Blessing Okafor"));
}

TEST_F(CandidateFinderTest, DegreeOfAnHonorificIsNoPartOfTheName) {
  EXPECT_THAT(Names("Mass was said by the Most Rev. Remy Ngarm on Sunday"),
              testing::Contains("Rev. Remy Ngarm"));
  EXPECT_THAT(Names("Most people stayed home"), ElementsAre());
}

TEST_F(CandidateFinderTest, OfDoesNotContinueAPlace) {
  EXPECT_THAT(Names("the last match in Lisbon of India's Arjun Rao"),
              ElementsAre("Lisbon", "India", "Arjun Rao"));
  EXPECT_THAT(Names("she joined the Bank of Brenland"),
              ElementsAre("Bank of Brenland"));
}

TEST_F(CandidateFinderTest, PossessiveEndsName) {
  EXPECT_THAT(Names("Nora Vance\xE2\x80\x99s latest record"),
              ElementsAre("Nora Vance"));
}

TEST_F(CandidateFinderTest, PossessiveOfADictionaryWordInsideAnOrganisation) {
  EXPECT_THAT(Names("the International Longshoremen\u2019s Association said"),
              ElementsAre("International Longshoremen\u2019s Association"));
  EXPECT_THAT(Names("at Harwick\u2019s Kennedy School today"),
              ElementsAre("Harwick", "Kennedy School"));
  EXPECT_THAT(Names("a spokeswoman for St. Brendan\u2019s Medical Center said"),
              ElementsAre("St. Brendan\u2019s Medical Center"));
  EXPECT_THAT(Names("near St Paul\u2019s Cathedral and Tom\u2019s Diner"),
              ElementsAre("St Paul\u2019s Cathedral", "Tom"));
  EXPECT_THAT(Names("The boy was taken to St Brendan's Children's Hospital."),
              ElementsAre("St Brendan's Children's Hospital"));
  EXPECT_THAT(Names("filed by the Maricopa County Attorney's Office today"),
              ElementsAre("Maricopa County Attorney's Office"));
  // A plural's bare mark, straight or curly, even after a head ("Workers").
  EXPECT_THAT(Names("talks with the Harbour and Dock Workers' Union failed"),
              ElementsAre("Harbour and Dock Workers' Union"));
  EXPECT_THAT(Names("a letter from the Brenvale Employees’ Forum said"),
              ElementsAre("Brenvale Employees’ Forum"));
}

TEST_F(CandidateFinderTest, HyphenTailIsCut) {
  EXPECT_THAT(Names("a Tomas Berg-produced track"), ElementsAre("Tomas Berg"));
}

TEST_F(CandidateFinderTest, AmpersandJoinsTitlesButSplitsPeople) {
  EXPECT_THAT(Names("their record Dust & The Long Road sold"),
              ElementsAre("Dust & The Long Road"));
  EXPECT_THAT(Names("songs by Maria Lopez & Tove"),
              ElementsAre("Maria Lopez", "Tove"));
}

TEST_F(CandidateFinderTest, LeadingArticleRoleAndInitialWordAreTrimmed) {
  EXPECT_THAT(Names("Singer Ada Okafor spoke"), ElementsAre("Ada Okafor"));
  EXPECT_THAT(Names("The Harwick band played"), ElementsAre("Harwick"));
  EXPECT_THAT(Names("Featuring Zubrin on drums"), ElementsAre("Zubrin"));
  EXPECT_THAT(Names("he played for Presidents Carter and Ford"),
              ElementsAre("Carter", "Ford"));
  // A role opener goes even before a head noun ("City").
  EXPECT_THAT(Names("Former Harbor City striker Ada Okafor said that it "
                    "was over."),
              ElementsAre("Harbor City", "Ada Okafor"));
}

TEST_F(CandidateFinderTest, KnownNamesKeepSentenceInitialWords) {
  EXPECT_THAT(Names("LOS ANGELES (AP) \xE2\x80\x94 it rained all day "
                    "and the roads were closed."),
              ElementsAre("LOS ANGELES", "AP"));
}

TEST_F(CandidateFinderTest, LonePronounsAreNotCandidates) {
  EXPECT_THAT(Names("He left. The end. It rained."), ElementsAre());
}

TEST_F(CandidateFinderTest, QuotedTitles) {
  const auto candidates =
      Find("her song \xE2\x80\x9CSilver Lining Blues,\xE2\x80\x9D a hit");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_TRUE(candidates[0].quoted_title);
  EXPECT_THAT(Names("her song \xE2\x80\x9CSilver Lining Blues,\xE2\x80\x9D"),
              ElementsAre("Silver Lining Blues"));
  // Quoted speech is not a title.
  EXPECT_THAT(Names("he said \xE2\x80\x9CWe will win this.\xE2\x80\x9D"),
              Not(Contains("We will win this")));
  // A lone quoted dictionary word is emphasis, not a title.
  for (const Candidate& c : Find("it felt \"Great\" to him")) {
    EXPECT_FALSE(c.quoted_title);
  }
}

TEST_F(CandidateFinderTest, TitleCaseHeadlineDropsDictionaryWords) {
  const std::string headline =
      "Ada Okafor Explains Why She Quit the Band Forever\nbody text";
  EXPECT_THAT(Names(headline), ElementsAre("Ada Okafor"));
  const auto candidates = Find(headline);
  ASSERT_FALSE(candidates.empty());
  EXPECT_TRUE(candidates[0].title_line);
}

TEST_F(CandidateFinderTest, TitlesBeforeNamesAreCut) {
  EXPECT_THAT(Names("then Secretary of State Maria Lopez left"),
              ElementsAre("Maria Lopez"));
  EXPECT_THAT(Names("said Harwick Executive Director Ada Okafor today"),
              ElementsAre("Ada Okafor"));
  EXPECT_THAT(Names("said FEMA Administrator Ada Okafor today"),
              ElementsAre("Ada Okafor"));
  EXPECT_THAT(Names("said New Jersey Gov. Mark Hale today"),
              ElementsAre("Gov. Mark Hale"));
  // A given name the lexicon does not know.
  EXPECT_THAT(Names("said Idaho Sen. Harlow Whitsett today"),
              ElementsAre("Sen. Harlow Whitsett"));
  EXPECT_THAT(Names("at the Justice Department today"),
              ElementsAre("Justice Department"));
  EXPECT_THAT(Names("with Senator Maria Lopez of Texas and others"),
              ElementsAre("Maria Lopez", "Texas"));
  // A surname that is a place's head ("Park").
  EXPECT_THAT(Names("said Mayor Jo Park today"), ElementsAre("Jo Park"));
  EXPECT_THAT(Names("as Coach Lu Anh Park said"), ElementsAre("Lu Anh Park"));
}

TEST_F(CandidateFinderTest, HonorificTitleBeforeAFullNameIsCut) {
  EXPECT_THAT(Names("the former Miss Universe Ana Ruiz said it"),
              ElementsAre("Ana Ruiz"));
  EXPECT_THAT(Names("then Mr. Ana Ruiz Lopez spoke"),
              ElementsAre("Mr. Ana Ruiz Lopez"));
}

TEST_F(CandidateFinderTest, DictionaryWordGluedBeforeAFullNameIsCut) {
  EXPECT_THAT(Names("then secretary of State Maria Lopez left"),
              ElementsAre("Maria Lopez"));
  EXPECT_THAT(Names("he called her Crooked Maria Lopez again"),
              ElementsAre("Maria Lopez"));
  // After an article the words are a title's.
  EXPECT_THAT(Names("he read The New Maria Lopez twice"),
              ElementsAre("New Maria Lopez"));
}

TEST_F(CandidateFinderTest, ConnectorsInsideOrganisationNames) {
  EXPECT_THAT(Names("fined by the Securities and Exchange Commission now"),
              ElementsAre("Securities and Exchange Commission"));
  EXPECT_THAT(Names("both Maria Lopez and Ada Okafor came"),
              ElementsAre("Maria Lopez", "Ada Okafor"));
  EXPECT_THAT(Names("a grant from the Center for Rural Policy today"),
              ElementsAre("Center for Rural Policy"));
  EXPECT_THAT(Names("the GOP for the Harwick Party came"),
              ElementsAre("GOP", "Harwick Party"));
  EXPECT_THAT(Names("met Mitch Brady of Kentucky"),
              ElementsAre("Mitch Brady", "Kentucky"));
  EXPECT_THAT(Names("then Republican Sen. Mitch Brady of Kentucky spoke"),
              ElementsAre("Sen. Mitch Brady", "Kentucky"));
  EXPECT_THAT(Names("met President Xu Jianming of Harwick today"),
              ElementsAre("Xu Jianming", "Harwick"));
  EXPECT_THAT(Names("rules of the Food and Drug Administration now"),
              ElementsAre("Food and Drug Administration"));
  // A whole name before "and": two names, even when the second ends in an
  // organisation head.
  EXPECT_THAT(Names("the Harwick Institute and Dorset Foundation said"),
              ElementsAre("Harwick Institute", "Dorset Foundation"));
  EXPECT_THAT(Names("a filing with the U.S. Securities and Exchange Commission "
                    "said on the same day that it would be late"),
              ElementsAre("U.S. Securities and Exchange Commission"));
  EXPECT_THAT(Names("a hearing of the House Energy and Commerce Committee was "
                    "called for the end of the month"),
              ElementsAre("House Energy and Commerce Committee"));
  // After a work cue, "and" stays inside a short title.
  EXPECT_THAT(Names("her new feature, Salt and Iron, opens in the autumn"),
              ElementsAre("Salt and Iron"));
  EXPECT_THAT(Names("he starred in the film Salt and Iron last year"),
              ElementsAre("Salt and Iron"));
  EXPECT_THAT(Names("inspired by the classic Tides and Ada Okafor films"),
              ElementsAre("Tides", "Ada Okafor"));
  EXPECT_THAT(Names("the FBI and Justice Department said"),
              ElementsAre("FBI", "Justice Department"));
  EXPECT_THAT(Names("told Maria Lopez and Harwick News on Monday"),
              ElementsAre("Maria Lopez", "Harwick News"));
}

TEST_F(CandidateFinderTest, PrefixedAdjectivesAndStrayLettersAreNotNames) {
  EXPECT_THAT(Names("an un-American and anti-Harwick view"), ElementsAre());
  EXPECT_THAT(Names("odd \xC3\x82 sign"), ElementsAre());
}

TEST_F(CandidateFinderTest, ContractionsAreNotNames) {
  EXPECT_THAT(Names("then I\xE2\x80\x99ve said We\xE2\x80\x99re done"),
              ElementsAre());
}

TEST_F(CandidateFinderTest, RareWordOpeningANameDescribedByARole) {
  // "Wen" is a dictionary word; the role after the comma says the two
  // words name a person. A sentence-initial title stays a title.
  EXPECT_THAT(Names("It rained. Wen Jiahui, a professor of geology, said so."),
              ElementsAre("Wen Jiahui"));
  EXPECT_THAT(Names("It rained. Commissioner Papadakis, a former judge, "
                    "said so."),
              ElementsAre("Papadakis"));
  EXPECT_THAT(Names("It rained. Yaw Addo, a 41-year-old taxi driver, said "
                    "so."),
              ElementsAre("Yaw Addo"));
  EXPECT_THAT(Names("It rained. Featuring Blxst, the album sold well."),
              ElementsAre("Blxst"));
}

TEST_F(CandidateFinderTest, PartyTagsAndCapitalFunctionWordsAreNoNames) {
  EXPECT_THAT(Names("The vote was close. Sen. Ann Lee, D-Minn., said so."),
              ElementsAre("Sen. Ann Lee"));
  EXPECT_THAT(Names("Sen. Ray Pell (D-OR) spoke"),
              ElementsAre("Sen. Ray Pell"));
  EXPECT_THAT(Names("The vote was close.\nMORE FROM CWS\n"),
              ElementsAre("CWS"));
  EXPECT_THAT(Names("It was over. At Leeds Crown Court on Friday, he spoke."),
              ElementsAre("Leeds Crown Court"));
  // An abbreviated rank makes a person, whom "of" does not continue.
  EXPECT_THAT(Names("It was over. Det Sgt Gareth Llewellyn of Avon Police "
                    "said so."),
              ElementsAre("Det Sgt Gareth Llewellyn", "Avon Police"));
}

TEST_F(CandidateFinderTest, NewlineBreaksSequence) {
  EXPECT_THAT(Names("Ada Okafor\nLena Brandt"),
              ElementsAre("Ada Okafor", "Lena Brandt"));
}

}  // namespace
}  // namespace verbatim::entities
