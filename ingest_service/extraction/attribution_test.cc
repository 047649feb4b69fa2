#include "ingest_service/extraction/attribution.h"

#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

#include "gtest/gtest.h"
#include "ingest_service/extraction/quote_filter.h"

namespace verbatim::extraction {
namespace {

struct Result {
  std::string quote;
  std::string subject;
  SubjectKind kind;
  std::string rule;
  std::string cue;
  int link;
  bool fragment;
};

// The text of an attribution's subject.
std::string_view SubjectText(std::string_view text, const Attribution& a) {
  return text.substr(a.subject.begin, a.subject.end - a.subject.begin);
}

std::vector<Result> AttributeAll(std::string_view text) {
  auto seg_or = Segmenter::Create();
  auto attr = Attributor::Create();
  EXPECT_TRUE(seg_or.ok());
  EXPECT_TRUE(attr.ok());
  const Segmentation seg = seg_or->Segment(text);
  const auto quotes = FindQuotes(text, seg, {});
  std::vector<bool> boundary;
  for (const auto& q : quotes) boundary.push_back(!IsWeakQuote(q) && !q.nested);
  const auto a = attr->Attribute(text, seg, quotes, boundary);
  std::vector<Result> out;
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (!KeepQuote(quotes[i], IsWeakQuote(quotes[i]), a[i].adjacent_frame)) {
      continue;
    }
    out.push_back(
        {std::string(text.substr(quotes[i].inner.begin,
                                 quotes[i].inner.end - quotes[i].inner.begin)),
         std::string(SubjectText(text, a[i])), a[i].kind, a[i].rule, a[i].cue,
         a[i].link, a[i].fragment});
  }
  return out;
}

// The attribution of the one quote in `text`; a failure when there are
// several or none.
Result OnlyAttribution(std::string_view text) {
  const std::vector<Result> all = AttributeAll(text);
  if (all.size() != 1) {
    ADD_FAILURE() << all.size() << " quotes in: " << text;
    return {};
  }
  return all[0];
}

// Expects each text's one quote to be attributed to the subject paired with
// it, and (when `kind` says) to be of that kind.
void ExpectSubjects(
    std::initializer_list<std::pair<std::string_view, std::string_view>> cases,
    std::optional<SubjectKind> kind = std::nullopt) {
  for (const auto& [text, subject] : cases) {
    const Result r = OnlyAttribution(text);
    EXPECT_EQ(r.subject, subject) << text;
    if (kind.has_value()) {
      EXPECT_EQ(r.kind, *kind) << text;
    }
  }
}

TEST(AttributionTest, SurnamesOpenedByParticles) {
  ExpectSubjects(
      {
          {"“The gap is smaller,” van der Hoek told reporters.",
           "van der Hoek"},
          {"“The ships will go somewhere,” al-Fayed said.", "al-Fayed"},
          {"“We meet again in June,” said Omar bin Khalid al-Fayed.",
           "Omar bin Khalid al-Fayed"},
          {"“We meet again in June,” said Ilse van der Hoek, the chair.",
           "Ilse van der Hoek"},
          {"“We meet again in June,” said van der Hoek.", "van der Hoek"},
          // "y" only joins two names.
          {"“We meet again in June,” y Ortega said.", "Ortega"},
      },
      SubjectKind::kName);
}

TEST(AttributionTest, OverheardSpeakerBeforeItsCue) {
  ExpectSubjects({
      {"“Same again, he will not come forward,” Adonis could be heard "
       "telling his bowler.",
       "Adonis"},
      {"“Keep going,” the captain can be heard saying.", "the captain"},
  });
}

TEST(AttributionTest, SubordinatePostFrameLosesToACueBefore) {
  ExpectSubjects({
      {"The ad shows Ted Brand saying, “That makes me smart,” when Ann Cole "
       "blasted him.",
       "Ted Brand"},
      {"The ad shows Ted Brand saying during the debate last week, “That "
       "makes me smart,” when Ann Cole blasted him.",
       "Ted Brand"},
  });
}

TEST(AttributionTest, ParticipleOfTheSentenceSubject) {
  const Result r = OnlyAttribution(
      "House Speaker Ada Vantrell, R-Wis., despite admitting that she had "
      "concerns about “trial lawyers trying to get rich,” backed the bill.");
  EXPECT_EQ(r.subject, "House Speaker Ada Vantrell");
  EXPECT_EQ(r.cue, "admitting");
}

TEST(AttributionTest, CapitalisedWordBeforeARoleNounIsNoSubject) {
  const auto r = AttributeAll(
      "Library supporters had called the plan “short-sighted and cruel.”");
  for (const Result& x : r) EXPECT_EQ(x.kind, SubjectKind::kNone) << x.quote;
}

TEST(AttributionTest, CapitalisedPluralRoleOpeningASentenceIsNoName) {
  const Result r = OnlyAttribution(
      "Protesters in the gallery interrupted twice, chanting “Keep the "
      "forest standing!”");
  EXPECT_NE(r.kind, SubjectKind::kName);
  const Result framed =
      OnlyAttribution("Protesters shouted: “Keep the forest standing!”");
  EXPECT_EQ(framed.kind, SubjectKind::kDescription);
  EXPECT_EQ(framed.subject, "Protesters");
  // A surname that is also a role noun stays a name.
  const Result name =
      OnlyAttribution("“We will appeal,” Baker said on Tuesday.");
  EXPECT_EQ(name.kind, SubjectKind::kName);
}

TEST(AttributionTest, AgeAfterTheCueIsADescription) {
  const Result r = OnlyAttribution(
      "“A fisherman pulled me out hours later,” said the 24-year-old.");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
  EXPECT_EQ(r.subject, "the 24-year-old");
}

TEST(AttributionTest, AsSomeonePutIt) {
  ExpectSubjects({
      {"As Sen. Rosa Delacroix (D-N.M.) put it, “Full responsibility doesn't "
       "heat a house.”",
       "Rosa Delacroix"},
      {"As the mayor put it, “Nobody gets a medal for this.”", "the mayor"},
  });
}

TEST(AttributionTest, WentOnIsACueOnlyWhenItEndsItsClause) {
  ExpectSubjects({
      {"Ann Lee went on: “We will rebuild every house on this street.”",
       "Ann Lee"},
  });
  const auto r = AttributeAll(
      "Ann Lee went on the breakfast show “First Light” before dawn.");
  for (const Result& x : r) EXPECT_EQ(x.kind, SubjectKind::kNone) << x.quote;
}

TEST(AttributionTest, OpeningParticipleIsNoName) {
  const auto r = AttributeAll(
      "Known to staff as “the Closer”, the former salesman also sneered that "
      "the agency was “a speed bump, not a wall”.");
  for (const Result& x : r) EXPECT_NE(x.subject, "Known") << x.quote;
}

TEST(AttributionTest, SentenceOfAPronounAndAVerbBeforeAQuote) {
  const auto r = AttributeAll(
      "Ann Lee watched the last shot fall. Then she smiled. “Next year we "
      "come to your city.”");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].rule, "previous_sentence");
  EXPECT_EQ(r[0].subject, "she");
}

TEST(AttributionTest, VoiceOfAnOrganisationWhoseNameHasACommaInIt) {
  const Result r = OnlyAttribution(
      "A Foreign, Commonwealth and Development Office spokesperson said: "
      "“We are supporting a British man.”");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
  EXPECT_EQ(r.subject,
            "A Foreign, Commonwealth and Development Office spokesperson");
}

TEST(AttributionTest, PostNameVerb) {
  const Result r =
      OnlyAttribution("“The bridge will open in May,” Maria Ortiz said.");
  EXPECT_EQ(r.subject, "Maria Ortiz");
  EXPECT_EQ(r.kind, SubjectKind::kName);
  EXPECT_EQ(r.rule, "post_name_verb");
  EXPECT_EQ(r.cue, "said");
}

// "reports" followed by a past-tense verb is a noun, not the cue of a
// description after the fragment.
TEST(AttributionTest, PluralNounIsNotACue) {
  const Result r = OnlyAttribution(
      "Judge Ana Reyes dissented. She wrote that the tenants \"had every "
      "reason to object\" once the newspaper reports appeared.");
  EXPECT_EQ(r.subject, "She");
  EXPECT_EQ(r.kind, SubjectKind::kPronoun);
  EXPECT_EQ(r.cue, "wrote");
}

TEST(AttributionTest, AppositiveEndingInAQuotedNickname) {
  const Result r = OnlyAttribution(
      "Ana Ruiz stars as a nurse. Ruiz, known to fans as \u201cRo,\u201d "
      "called the role \u201cthe hardest thing I have ever done.\u201d");
  EXPECT_EQ(r.subject, "Ruiz");
  EXPECT_EQ(r.cue, "called");
}

TEST(AttributionTest, PartyTagIsAnAppositive) {
  const Result r = OnlyAttribution(
      "Sen. Ana Whitby, R-Maine, said Tuesday she would vote no, calling it "
      "\"a giveaway dressed up as a plan.\"");
  EXPECT_EQ(r.subject, "Ana Whitby");
}

TEST(AttributionTest, CapitalisedPartyAfterDeterminerIsADescription) {
  const Result r = OnlyAttribution(
      "\u201cThis bill will pass,\u201d the Ohio Republican said.");
  EXPECT_EQ(r.subject, "the Ohio Republican");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
  const Result mep =
      OnlyAttribution("\u201cThat must change,\u201d the Danish MEP said.");
  EXPECT_EQ(mep.subject, "the Danish MEP");
  EXPECT_EQ(mep.kind, SubjectKind::kDescription);
  // An organisation's name ending in a role noun stays a name.
  const Result org = OnlyAttribution(
      "\u201cWe saw it,\u201d the Harbor Energy Agency said on Monday.");
  EXPECT_EQ(org.kind, SubjectKind::kName);
}

TEST(AttributionTest, SubjectBeforeAColonWithoutACue) {
  const Result r = OnlyAttribution(
      "Asked whether she could be persuaded, the senator was blunt: "
      "\u201cIf the leader wants my vote, he knows where my office is.\u201d");
  EXPECT_EQ(r.subject, "the senator");
  EXPECT_TRUE(r.rule.starts_with("pre_subject_colon")) << r.rule;
  // A gesture opens the predicate too.
  const Result grin = OnlyAttribution(
      "Asked about his nickname, the teenager beamed: \u201cMy little "
      "sister could not say Kieran.\u201d");
  EXPECT_EQ(grin.subject, "the teenager");
  EXPECT_TRUE(grin.rule.starts_with("pre_subject_colon")) << grin.rule;
  // So does a pronoun among the clause's first words, whatever its verb.
  const Result then = OnlyAttribution(
      "Then she did the thing every trade is quoting this week: “I love "
      "my husband, but I am not here as his wife tonight.”");
  EXPECT_EQ(then.subject, "she");
  EXPECT_TRUE(then.rule.starts_with("pre_subject_colon")) << then.rule;
  // A clause that opens with no subject names no speaker.
  const auto none = AttributeAll(
      "The rules of the contest were clear: \u201cNo entry after midnight "
      "will count toward the prize.\u201d");
  for (const auto& q : none) {
    EXPECT_FALSE(q.rule.starts_with("pre_subject_colon")) << q.rule;
  }
  // Nor does a noun after a capitalised word ("Partial transcript").
  const auto noun = AttributeAll(
      "Partial transcript follows: \u201cWe will not take questions about "
      "the plan today.\u201d");
  for (const auto& q : noun) {
    EXPECT_FALSE(q.rule.starts_with("pre_subject_colon")) << q.rule;
  }
}

TEST(AttributionTest, NameBetweenCommasAfterADescription) {
  const Result r = OnlyAttribution(
      "\u201cWe remain ready to talk,\u201d a spokeswoman for the ministry, "
      "Ioana Popescu, told reporters.");
  EXPECT_EQ(r.subject, "Ioana Popescu");
  EXPECT_EQ(r.kind, SubjectKind::kName);
}

// Subjects found past appositives, titles, particles and relative clauses.
TEST(AttributionTest, SubjectsOfLongerFrames) {
  struct Example {
    const char* text;
    const char* subject;
  };
  const Example examples[] = {
      {"Her challenger, businessman Pavel Ostrow, wrote on Twitter that the "
       "audit showed \u201ca city hall that has lost control.\u201d",
       "Pavel Ostrow"},
      {"Ostrow, a three-term state senator, shot back that the plan would "
       "\u201cbankrupt every town in this state.\u201d",
       "Ostrow"},
      {"Mateo Alvarenga, the striker signed from Vale, waved to fans and told "
       "them he had \u201cdreamed about this club as a boy.\u201d",
       "Mateo Alvarenga"},
      {"The band was inducted by Dana Whitlock of the rock band Northern "
       "Lights, who called them \u201cthe reason I picked up a guitar.\u201d",
       "Dana Whitlock"},
  };
  for (const Example& e : examples) {
    const Result r = OnlyAttribution(e.text);
    EXPECT_EQ(r.subject, e.subject) << e.text;
    EXPECT_EQ(r.kind, SubjectKind::kName) << e.text;
  }
}

TEST(AttributionTest, ColonFrameAfterAppositives) {
  const Result r = OnlyAttribution(
      "Her son, Luc, who runs the farm now, was blunter: \u201cIf they blast "
      "that ridge, we are done.\u201d");
  EXPECT_EQ(r.subject, "Luc");
  EXPECT_EQ(r.rule, "pre_subject_colon");
  // An opener before the subject; the place in the apposition is no
  // speaker.
  const Result opened = OnlyAttribution(
      "But Ada Eze, from Lagos, Nigeria, struck a kinder tone: \u201cGet "
      "well soon, properly this time.\u201d");
  EXPECT_EQ(opened.subject, "Ada Eze");
  EXPECT_EQ(opened.rule, "pre_subject_colon");
}

TEST(AttributionTest, ColonFrameAfterAKinNounAndName) {
  const Result kin = OnlyAttribution(
      "Her nephew Obi, 9, was less impressed: \u201cIt was too loud for "
      "me, honestly.\u201d");
  EXPECT_EQ(kin.subject, "Obi");
  EXPECT_EQ(kin.rule, "pre_subject_colon");
  const Result plain = OnlyAttribution(
      "His neighbour Ruth Adeyemi was less forgiving: \u201cThey should "
      "have warned us weeks ago.\u201d");
  EXPECT_EQ(plain.subject, "Ruth Adeyemi");
  EXPECT_EQ(plain.rule, "pre_subject_colon");
}

TEST(AttributionTest, PossessorOfWhatWasSaidBeforeAColon) {
  const Result r = OnlyAttribution(
      "Okafor's own verdict was shorter: \u201cWe were second best all "
      "night.\u201d");
  EXPECT_EQ(r.subject, "Okafor");
  EXPECT_EQ(r.kind, SubjectKind::kName);
  EXPECT_EQ(r.rule, "pre_subject_colon");
  // Not any noun a name owns: "Okafor's car was" says nothing.
  for (const auto& q : AttributeAll("Okafor's car was dented: \u201cthe "
                                    "work of vandals, not of the "
                                    "crash.\u201d")) {
    EXPECT_NE(q.subject, "Okafor") << q.rule;
  }
}

TEST(AttributionTest, NameAGroupCallsItself) {
  const Result r = OnlyAttribution(
      "The group, which calls itself Blackfen, said on its leak site that "
      "the insurer \u201chad nine days to talk to us\u201d.");
  EXPECT_EQ(r.subject, "Blackfen");
  EXPECT_EQ(r.kind, SubjectKind::kName);
}

TEST(AttributionTest, NationalityAfterAnAgeIsADescription) {
  const Result r = OnlyAttribution(
      "The 46-year-old South African, who took charge after the Six "
      "Nations, added: \u201cThey deserved it.\u201d");
  EXPECT_EQ(r.subject, "The 46-year-old South African");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
}

TEST(AttributionTest, QuotedNicknameInsideTheSubjectsName) {
  const Result r = OnlyAttribution(
      "Former hooker Brendan \u201cBull\u201d Costigan wrote on X that "
      "the card was \u201csoft as butter\u201d.");
  EXPECT_EQ(r.subject, "Brendan \u201cBull\u201d Costigan");
  EXPECT_EQ(r.kind, SubjectKind::kName);
}

TEST(AttributionTest, CoordinatedPostFrameLosesToACueBefore) {
  const Result r = OnlyAttribution(
      "Brendan Costigan wrote on X that the card was \u201csoft as "
      "butter\u201d, but the referees' manager, Gareth Penhale, told "
      "reporters the officials were right.");
  EXPECT_EQ(r.subject, "Brendan Costigan");
  EXPECT_EQ(r.cue, "wrote");
}

TEST(AttributionTest, SubordinatePostFrameLosesToAnyCueBefore) {
  const Result r = OnlyAttribution(
      "Her husband, Tomas Kowal, 38, added that the family had been "
      "\u201ctreated like troublemakers\u201d when they asked for the "
      "records.");
  EXPECT_EQ(r.subject, "Tomas Kowal");
  EXPECT_EQ(r.cue, "added");
}

TEST(AttributionTest, TitledSubjectBeforeAColonVerb) {
  const Result r = OnlyAttribution(
      "Closing the evening, President Ana Robles proposed the toast: "
      "\u201cTo Ireland, and to Mexico.\u201d");
  EXPECT_EQ(r.subject, "Ana Robles");
  EXPECT_EQ(r.rule, "pre_subject_colon");
}

TEST(AttributionTest, DescriptionOnlyRoleIsNoTitle) {
  const Result r = OnlyAttribution(
      "\u201cThis is the club I dreamed about,\u201d the Argentina "
      "international said.");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
  const Result org = OnlyAttribution(
      "\u201cWe stand with her,\u201d said International Dockers Union "
      "president Ray Moss.");
  EXPECT_EQ(org.subject, "Ray Moss");
}

TEST(AttributionTest, AgeIsADescription) {
  const Result r = OnlyAttribution(
      "Speaking to reporters, the 41-year-old said of the director: \"She "
      "never lets you hide.\"");
  EXPECT_EQ(r.subject, "the 41-year-old");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
}

TEST(AttributionTest, PostVerbNameWithTitleAndAppositive) {
  const Result r = OnlyAttribution(
      "“Cases are falling,” said Dr. Maria Ortiz, the county’s chief medical "
      "officer.");
  EXPECT_EQ(r.subject, "Maria Ortiz");
  EXPECT_EQ(r.rule, "post_verb_name");
}

TEST(AttributionTest, AppositiveBetweenNameAndCue) {
  const Result r =
      OnlyAttribution("“Rest helps,” Hugh Hill, a doctor in town, said.");
  EXPECT_EQ(r.subject, "Hugh Hill");
}

TEST(AttributionTest, NationalityOrCityNounDescribesASpeaker) {
  const auto r = AttributeAll(
      "“The rear is gone,” the Spaniard radioed on lap 52.\n"
      "“Third is third,” the Londoner said.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "the Spaniard");
  EXPECT_EQ(r[0].kind, SubjectKind::kDescription);
  EXPECT_EQ(r[1].subject, "the Londoner");
  EXPECT_EQ(r[1].kind, SubjectKind::kDescription);
}

TEST(AttributionTest, PreFrameColonAndComma) {
  const auto r = AttributeAll(
      "Gov. Ann Lee said on Tuesday: “We are ready for the storm.”\n"
      "The coach added, “Nobody trains harder than this team.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Ann Lee");
  EXPECT_EQ(r[0].rule, "pre_name_verb");
  EXPECT_EQ(r[1].subject, "The coach");
  EXPECT_EQ(r[1].kind, SubjectKind::kDescription);
}

TEST(AttributionTest, CueCoordinatedWithAnEarlierPredicate) {
  const auto r = AttributeAll(
      "She paused, then added: “This one is for the night shift.”\n"
      "Tomas Brandt shook his head and said: “Nobody asked the drivers.”\n"
      "Ines Okoro thanked Mr Brandt, and then the mayor said: “We will pay "
      "for it.”");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].subject, "She");
  EXPECT_EQ(r[0].kind, SubjectKind::kPronoun);
  EXPECT_EQ(r[1].subject, "Tomas Brandt");
  EXPECT_EQ(r[1].rule, "pre_name_verb");
  // The cue has its own subject.
  EXPECT_EQ(r[2].subject, "the mayor");
}

TEST(AttributionTest, DayBetweenSubjectAndCue) {
  const auto r = AttributeAll(
      "Ana Ruiz pressed him on remarks by Gov. Tom Lee, who on Tuesday "
      "described the effort as “slow, confused and late.”\n"
      "Tom Lee on Monday said: “We were left alone.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Tom Lee");
  EXPECT_EQ(r[1].subject, "Tom Lee");
}

TEST(AttributionTest, AppositiveEndingInANamedPerson) {
  const Result r = OnlyAttribution(
      "Protesters were removed. One, a retired teacher from Leeds named Ana "
      "Diaz-Lowe, told reporters: “I have grandchildren to think of.”");
  EXPECT_EQ(r.subject, "Ana Diaz-Lowe");
  EXPECT_EQ(r.kind, SubjectKind::kName);
}

TEST(AttributionTest, FragmentAfterThat) {
  const Result r = OnlyAttribution(
      "Hal Byrd added that the aim was to discuss topics that “we as a town "
      "tend to avoid,” citing old films.");
  EXPECT_EQ(r.subject, "Hal Byrd");
  EXPECT_EQ(r.rule, "pre_name_verb_that");
  EXPECT_TRUE(r.fragment);
}

TEST(AttributionTest, PronounAndDescriptionWithTitleInFrame) {
  const auto r = AttributeAll(
      "“It was a long night,” she said.\n"
      "“I lived in the song every day,” the “Main Street” singer remarked.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].kind, SubjectKind::kPronoun);
  EXPECT_EQ(r[0].subject, "she");
  EXPECT_EQ(r[1].kind, SubjectKind::kDescription);
  EXPECT_EQ(r[1].subject, "the “Main Street” singer");
  EXPECT_EQ(r[1].cue, "remarked");
}

TEST(AttributionTest, SplitQuoteContinues) {
  const auto r =
      AttributeAll("“We won,” Ann Lee said. “And we will win again.”");
  // The two-word first part is kept because a frame touches it.
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].kind, SubjectKind::kContinuation);
  EXPECT_EQ(r[1].link, 0);
  EXPECT_EQ(r[1].rule, "continuation");
}

TEST(AttributionTest, ParagraphCarryOver) {
  const auto r = AttributeAll(
      "“We won the vote,” Ann Lee said.\n"
      "“Now the real work begins for all of us.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].kind, SubjectKind::kCarryOver);
  EXPECT_EQ(r[1].link, 0);
}

TEST(AttributionTest, UnframedAnswerToAFramedQuestionGoesBack) {
  const auto r = AttributeAll(
      "“The cost of making it went up,” Ann Lee began.\n"
      "“Went up by how much?” Hal Byrd interrupted.\n"
      "“I do not have that figure in front of me.”");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].subject, "Hal Byrd");
  EXPECT_EQ(r[2].kind, SubjectKind::kCarryOver);
  EXPECT_EQ(r[2].link, 0);
  // A framed statement is carried on by its own speaker.
  const auto s = AttributeAll(
      "“The cost of making it went up,” Ann Lee began.\n"
      "“It went up by four percent,” Hal Byrd said.\n"
      "“I do not have that figure in front of me.”");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[2].link, 1);
}

TEST(AttributionTest, PullQuoteGoesWithTheQuoteRepeatingIt) {
  const auto r = AttributeAll(
      "The ferry sailed with twice its load.\n"
      "“The oldest story”\n"
      "“Overloading is the oldest story in our ferry disasters,” Ann Lee "
      "said.\n"
      "The council met on Monday.\n"
      "“Keep the lights on”\n"
      "“We will need to raise the fares next year,” Ann Lee said.");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].kind, SubjectKind::kCarryOver);
  EXPECT_EQ(r[0].link, 1);
  EXPECT_EQ(r[0].rule, "pull_quote");
  // Words the next quote does not repeat are no pull quote of it.
  EXPECT_EQ(r[2].kind, SubjectKind::kNone);
}

TEST(AttributionTest, NextParagraphSaysWhoseWordsTheyWere) {
  const auto r = AttributeAll(
      "The ferry sailed with twice its load.\n"
      "“Overloading is the oldest story in our ferry disasters.”\n"
      "Those were the words of Dr Ann Lee, a maritime historian.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].rule, "words_of_next");
  EXPECT_EQ(r[0].subject, "Ann Lee");
}

TEST(AttributionTest, AccordingToAndDash) {
  const auto r = AttributeAll(
      "The plan is “dead on arrival in the Senate,” according to Sen. Hal "
      "Byrd.\n"
      "“Never give up on the people you love” — Ann Lee");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Hal Byrd");
  EXPECT_EQ(r[0].rule, "according_to");
  EXPECT_EQ(r[1].subject, "Ann Lee");
  EXPECT_EQ(r[1].rule, "dash");
}

TEST(AttributionTest, ParticipleAfterATitledNameOrAPronoun) {
  const auto r = AttributeAll(
      "Governor Ray Cole has made crime a theme, telling rallies that cities "
      "are “more dangerous than war zones.”\n"
      "At a rally last month, he went further, saying that “you can't walk "
      "down the street.”\n"
      "He released a letter from his doctor that says he has “extraordinarily "
      "good health” for his age.");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].subject, "Ray Cole");
  EXPECT_EQ(r[0].rule, "pre_subject_participle");
  EXPECT_EQ(r[1].kind, SubjectKind::kPronoun);
  EXPECT_TRUE(r[1].rule.starts_with("pre_subject_participle")) << r[1].rule;
  EXPECT_FALSE(r[2].rule.starts_with("pre_subject_participle")) << r[2].rule;
}

TEST(AttributionTest, ParticipleAfterAnAffiliationAndACompoundRole) {
  const auto r = AttributeAll(
      "Rijeka head coach Ivo van der Maric left him out of the squad, saying "
      "the winger was “not in the right frame of mind” to play.\n"
      "Rijeka fans booed the decision, saying the club had “lost the "
      "dressing room” long ago.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Ivo van der Maric");
  EXPECT_EQ(r[0].rule, "pre_subject_participle");
  // A capitalised word before a lower-case noun that is no role qualifies
  // the people without naming them.
  EXPECT_NE(r[1].rule, "pre_subject_participle");
}

TEST(AttributionTest, NameAfterAColonInAListOfReactions) {
  const auto r = AttributeAll(
      "- “It's a good start, but teachers need raises”: Nora Price, "
      "president of the union.\n"
      "- “We'll see the details in the budget”: House Speaker Alan Vickers.\n"
      "He called it “a disgrace to the office”: Tuesday was worse.");
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Nora Price");
  EXPECT_EQ(r[0].rule, "colon_name");
  // The title stays in the subject; the speaker is the person ending it.
  EXPECT_EQ(r[1].subject, "House Speaker Alan Vickers");
  if (r.size() > 2) {
    EXPECT_NE(r[2].rule, "colon_name");
  }
}

TEST(AttributionTest, SentenceEndInsideQuoteBlocksNextSentence) {
  const Result r =
      OnlyAttribution("“We are done here.” Ann Lee left the room.");
  EXPECT_EQ(r.kind, SubjectKind::kNone);
}

TEST(AttributionTest, TranscriptLabel) {
  const Result r = OnlyAttribution(
      "\"HOST: As “the local paper of record” wrote, it was late.");
  EXPECT_EQ(r.subject, "HOST");
  EXPECT_EQ(r.rule, "label");
  // The turn letters of an interview are no speakers.
  const Result answer = OnlyAttribution(
      "A: My father used to say, “Never film the sea at noon, it has no "
      "face.” I thought it was superstition.");
  EXPECT_NE(answer.subject, "A");
}

TEST(AttributionTest, ScareQuoteWithoutFrameIsDropped) {
  const auto r =
      AttributeAll("The so-called “deal” and the “Squad” met the “Big Three”.");
  EXPECT_TRUE(r.empty());
}

TEST(AttributionTest, AppositiveChainAfterIntroPhrase) {
  const Result r = OnlyAttribution(
      "On Monday, Jean Roy, the minister of Ruritania, a member of the "
      "council, said the vote was “a clear signal to the markets.”");
  EXPECT_EQ(r.subject, "Jean Roy");
}

TEST(AttributionTest, CueBetweenCommasInThePreviousSentence) {
  const auto r = AttributeAll(
      "Her father, she says, taught her to respect tolerances. “He'd hold up "
      "a part and say, ‘Half a thousandth.’”\n"
      "The plan, Hal Byrd said, would cost $4 billion. “Nobody has that "
      "money.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "she");
  EXPECT_EQ(r[0].rule, "previous_sentence");
  EXPECT_EQ(r[1].subject, "Hal Byrd");
}

TEST(AttributionTest, PossessiveIsNotTheSubject) {
  const Result r = OnlyAttribution(
      "Ann Lee called Mr. Ruiz's remarks “a wake-up call for the town.”");
  EXPECT_EQ(r.subject, "Ann Lee");
  EXPECT_EQ(r.cue, "called");
}

TEST(AttributionTest, RoleBeforeNameAfterCue) {
  const auto r = AttributeAll(
      "“The debate was won on tone alone,” said radio host Hal Byrd.\n"
      "“He looked calm and ready for it,” said Metro Radio host Ann Lee.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Hal Byrd");
  EXPECT_EQ(r[1].subject, "Ann Lee");
}

TEST(AttributionTest, LongerTitlesBeforeANameAfterTheCue) {
  ExpectSubjects(
      {
          // Two lower-case role words.
          {"“We have blankets for a week,” said volunteer coordinator Ana "
           "Ruiz.",
           "Ana Ruiz"},
          // A capitalised title with "of".
          {"“We will be ready,” said Secretary of State Ellen Marsh.",
           "Ellen Marsh"},
          {"“The budget is late,” said Minister of Finance Kofi Mensah.",
           "Kofi Mensah"},
          // A country's role, then the name in apposition.
          {"“We were close,” said Norway's fisheries minister, Ola Berg.",
           "Ola Berg"},
          {"“We were close,” said the union's general secretary, Ola Berg.",
           "Ola Berg"},
          {"“He knew which keys were dead,” said the guitarist Otis Renfro, "
           "who played beside him.",
           "Otis Renfro"},
          // A capitalised role word opens an organisation's name.
          {"The International Dockworkers Association said in a statement "
           "that it “stands with the senator.”",
           "International Dockworkers Association"},
      },
      SubjectKind::kName);
}

TEST(AttributionTest, InvertedFrameAndPreviousSentence) {
  const auto r = AttributeAll(
      "Said Ellis: “I don’t see any interest in reform at all.”\n"
      "The vote may be delayed, Hal Byrd said. “The other factor is money.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Ellis");
  EXPECT_EQ(r[0].rule, "pre_verb_name");
  EXPECT_EQ(r[1].subject, "Hal Byrd");
  EXPECT_EQ(r[1].rule, "previous_sentence");
}

TEST(AttributionTest, PrepositionalObjectIsNotTheSpeaker) {
  const Result r = OnlyAttribution(
      "“It was the least bad outcome,” Mr. Morgan of the Sierra Club said.");
  EXPECT_EQ(r.subject, "Morgan");
}

TEST(AttributionTest, ParticipleAfterPrepositionalRunHasItForSubject) {
  const Result r = OnlyAttribution(
      "The ad shows footage of Ines Okoro asking, “Why are we not ahead?”");
  EXPECT_EQ(r.subject, "Ines Okoro");
  EXPECT_EQ(r.kind, SubjectKind::kName);
  EXPECT_EQ(r.cue, "asking");
}

TEST(AttributionTest, UnframedFragmentTakesTheSentenceSubject) {
  auto r = AttributeAll(
      "Ines Okoro is promising lower fares and “jobs, jobs, jobs,” but the "
      "board is wary.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].subject, "Ines Okoro");
  EXPECT_EQ(r[0].rule, "sentence_subject");
  EXPECT_TRUE(r[0].fragment);
  // A possessive names an owner, not the one speaking.
  r = AttributeAll(
      "Ines Okoro's campaign is promising lower fares and “jobs, jobs, "
      "jobs,” but the board is wary.");
  for (const Result& x : r) EXPECT_EQ(x.kind, SubjectKind::kNone) << x.quote;
}

TEST(AttributionTest, PrepositionalRunsAndCapitalisedRoles) {
  const auto r = AttributeAll(
      "Officials at Harbor Port Authority said the cranes “may need to be "
      "replaced within five years.”\n"
      "The site rated 32% of Green claims as “false” or “mostly false, at "
      "best,” a review found.\n"
      "Police said the driver “did not stop at the red light.”");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].subject, "Harbor Port Authority");
  EXPECT_NE(r[1].subject, "Green");
  EXPECT_EQ(r[2].kind, SubjectKind::kDescription);
}

TEST(AttributionTest, ParentheticalAndAbbreviatedStateInFrame) {
  const auto r = AttributeAll(
      "“Subpoenas are not optional,” Rep. Jim Jordan (R-Ohio), a panel "
      "member, said.\n"
      "“Our assumption is that it will pass,” Leader Mitch Byrd, R-Ky., said.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Jim Jordan");
  EXPECT_EQ(r[1].subject, "Mitch Byrd");  // title stripped
}

TEST(AttributionTest, CommonNewsFrames) {
  const auto r = AttributeAll(
      "“We are not going anywhere,” said Jane Doe, 45, a teacher from Ohio.\n"
      "Hal Smith, 52, said: “The plant kept this town alive for decades.”\n"
      "“We will appeal the ruling right away,” the company said in a "
      "statement.\n"
      "“This is a sad day for the whole city,” Johnson wrote on Twitter.\n"
      "In a statement, the White House said: “The president was briefed.”\n"
      "“Why now, after all these years?” asked Sen. Elena Warren.\n"
      "“The suspect fled on foot toward the river,” according to police.\n"
      "“It was worth every penny,” Lee, who chairs the committee, told "
      "reporters.\n"
      "“The debate was close all night,” said host Hal Byrd.");
  ASSERT_EQ(r.size(), 9u);
  EXPECT_EQ(r[8].subject, "Hal Byrd");
  EXPECT_EQ(r[0].subject, "Jane Doe");
  EXPECT_EQ(r[1].subject, "Hal Smith");
  EXPECT_EQ(r[2].kind, SubjectKind::kDescription);
  EXPECT_EQ(r[3].subject, "Johnson");
  EXPECT_EQ(r[4].subject, "White House");
  EXPECT_EQ(r[5].subject, "Elena Warren");
  EXPECT_EQ(r[6].kind, SubjectKind::kDescription);
  EXPECT_EQ(r[6].subject, "police");
  EXPECT_EQ(r[7].subject, "Lee");
}

// Every candidate's attribution, kept or not, for multi-paragraph chains.
std::vector<Attribution> AttributeRaw(std::string_view text,
                                      std::vector<QuoteCandidate>& quotes) {
  auto seg_or = Segmenter::Create();
  auto attr = Attributor::Create();
  EXPECT_TRUE(seg_or.ok());
  EXPECT_TRUE(attr.ok());
  const Segmentation seg = seg_or->Segment(text);
  quotes = FindQuotes(text, seg, {});
  std::vector<bool> boundary;
  for (const auto& q : quotes) boundary.push_back(!IsWeakQuote(q) && !q.nested);
  return attr->Attribute(text, seg, quotes, boundary);
}

TEST(AttributionTest, CueSentenceIntroducesMultiParagraphQuote) {
  const std::string text =
      "The coach spoke to supporters after the final whistle. She explained "
      "what the season had cost the squad.\n"
      "“We lost three starters in one month and nobody asked to leave.\n"
      "“Every one of them came back to sit on the bench for the final. That "
      "is what this club is.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_FALSE(quotes[0].closed);
  EXPECT_EQ(a[0].kind, SubjectKind::kPronoun);
  EXPECT_EQ(a[0].gender, entities::Gender::kFemale);
  EXPECT_EQ(a[0].rule, "paragraph_intro/pronoun");
  EXPECT_EQ(a[0].cue, "explained");
  EXPECT_TRUE(a[0].framed_chain);
  EXPECT_TRUE(KeepQuote(quotes[0], IsWeakQuote(quotes[0]), a[0].adjacent_frame,
                        a[0].framed_chain));
  EXPECT_EQ(a[1].kind, SubjectKind::kCarryOver);
  EXPECT_EQ(a[1].link, 0);
}

TEST(AttributionTest, NamedIntroCarriesThroughEveryPart) {
  const std::string text =
      "Tomas Berg described the night the dam gave way.\n"
      "“The water came up through the floorboards first.\n"
      "“Then the lights went out.\n"
      "“By morning the street was a river.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].rule, "paragraph_intro");
  EXPECT_EQ(SubjectText(text, a[0]), "Tomas Berg");
  EXPECT_TRUE(a[1].framed_chain);
  EXPECT_EQ(a[1].link, 0);
  EXPECT_EQ(a[2].link, 1);
  EXPECT_TRUE(a[2].framed_chain);
}

TEST(AttributionTest, IntroNamingWhoTheWordsCameFrom) {
  for (const char* intro :
       {"The sharpest testimony came from Rosa Kowal, who runs a bakery.\n",
        "Then came the words everyone waited for. They came from Rosa "
        "Kowal.\n"}) {
    const std::string text = std::string(intro) +
                             "“I opened the shop with a loan and an oven.\n"
                             "“Nobody called me when it failed.”\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    ASSERT_EQ(a.size(), 2u) << intro;
    EXPECT_EQ(SubjectText(text, a[0]), "Rosa Kowal") << intro;
    EXPECT_EQ(a[0].rule, "paragraph_source") << intro;
    EXPECT_TRUE(a[0].framed_chain) << intro;
  }
}

TEST(AttributionTest, QuoteParagraphAfterReportedSpeech) {
  const std::string text =
      "Mayor Ada Quill said the showground was ready for evacuees.\n"
      "“It has room for 2,000 people and their animals.”\n"
      "The note on the door read:\n"
      "“We are closed for good.\n"
      "“Thank you for forty years.”\n"
      "“Tell your friends to cook at home,” it ended.\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].rule, "block_after_reported_speech");
  EXPECT_EQ(SubjectText(text, a[0]), "Ada Quill");
  // A paragraph in marks before it is no report of speech.
  EXPECT_NE(a[2].rule, "block_after_reported_speech");
}

TEST(AttributionTest, AdverbBetweenACueVerbAndTheWordItNeeds) {
  const std::string text =
      "In her homily, the bishop spoke directly about the floods.\n"
      "“Some of you have lost everything this winter.\n"
      "“You have not lost each other.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].cue, "spoke");
  EXPECT_EQ(SubjectText(text, a[0]), "the bishop");
}

TEST(AttributionTest, CuelessIntroNamesItsSubjectPastAnAgeOrAnAppositive) {
  for (const char* intro :
       {"The girl's aunt, Rosa Kowal, 66, stood beside the chief.\n",
        "Her editor at Vane Books, Rosa Kowal, remembers the first draft.\n"}) {
    const std::string text = std::string(intro) +
                             "“When they found the rabbit, my heart stopped.\n"
                             "“Then my phone rang.”\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    ASSERT_EQ(a.size(), 2u) << intro;
    EXPECT_EQ(SubjectText(text, a[0]), "Rosa Kowal") << intro;
    EXPECT_EQ(a[0].rule, "paragraph_subject") << intro;
  }
}

TEST(AttributionTest, NestedQuoteInAPartDoesNotStartANewChain) {
  const std::string text =
      "Tomas Berg said the winter had been long.\n"
      "“Her backhand was, let’s say, a ‘negotiation.’ We rebuilt it.\n"
      "“There were days she cried.\n"
      "“Today everybody sees the trophy.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_TRUE(quotes[1].nested);
  EXPECT_EQ(SubjectText(text, a[0]), "Tomas Berg");
  EXPECT_EQ(a[2].kind, SubjectKind::kCarryOver);
  EXPECT_EQ(a[2].link, 0);
  EXPECT_EQ(a[3].kind, SubjectKind::kCarryOver);
}

TEST(AttributionTest, IntroMaySpeakAboutAndHoldScareQuotes) {
  const std::string parts =
      "“The water came up through the floorboards.\n"
      "“By morning the street was a river.”\n";
  // "spoke about" frames speech.
  std::string text = "Tomas Berg spoke about the night the dam gave way.\n";
  text += parts;
  std::vector<QuoteCandidate> quotes;
  auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(SubjectText(text, a[0]), "Tomas Berg");
  EXPECT_EQ(a[0].cue, "spoke");
  EXPECT_TRUE(a[0].framed_chain);
  // A scare-quoted word in the intro is no quotation of its own.
  text = "Tomas Berg spoke about the night, which he called “endless”:\n";
  text += parts;
  a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[1].rule, "pre_paragraph_colon/pronoun");
  EXPECT_TRUE(a[1].framed_chain);
}

TEST(AttributionTest, ColonOrCuelessIntroLeavesBlockExcerpt) {
  // "X reports:" opens an excerpt of writing; a sentence without a cue
  // introduces nothing.
  for (const char* intro :
       {"The county newsletter reports:\n", "The hall was quiet.\n"}) {
    const std::string text = std::string(intro) +
                             "“Residents may park on Elm Street until "
                             "the work is done.\n"
                             "“Fines resume in June.”\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    ASSERT_EQ(a.size(), 2u) << intro;
    EXPECT_FALSE(a[0].framed_chain) << intro;
    EXPECT_FALSE(KeepQuote(quotes[0], IsWeakQuote(quotes[0]),
                           a[0].adjacent_frame, a[0].framed_chain))
        << intro;
  }
}

TEST(AttributionTest, WriterOrStatementReadForSomeoneOpensSpeech) {
  // A person's written words ("The chef, who ..., wrote:") are their speech,
  // unlike "X reports:"; so are a statement's read for someone.
  for (const char* intro :
       {"The chef, who rose to fame as the presenter of the series "
        "\u201cFire & Knife\u201d and whose cookbook \u201cSmoke & "
        "Honey\u201d spent 22 weeks in the bestseller lists, wrote:\n",
        "Following the hearing, the family's lawyer, Ana Price, read a "
        "statement on the steps of the court on behalf of the boy's mother, "
        "Maeve Kerrigan.\n"}) {
    const std::string text = std::string(intro) +
                             "\u201cTo every person who worked here: I am "
                             "sorry.\n"
                             "\u201cWe tried everything.\u201d\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    ASSERT_GE(a.size(), 2u) << intro;
    const size_t first = a.size() - 2;
    EXPECT_TRUE(a[first].framed_chain) << intro;
    EXPECT_NE(a[first].kind, SubjectKind::kNone) << intro;
    EXPECT_EQ(a[first + 1].link, static_cast<int>(first)) << intro;
  }
  const std::string read_for =
      "Her lawyer read a statement on behalf of the boy's mother, Maeve "
      "Kerrigan.\n\u201cHe was our only son.\n\u201cSwim between the "
      "flags.\u201d\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(read_for, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].rule, "paragraph_on_behalf");
  EXPECT_EQ(SubjectText(read_for, a[0]), "Maeve Kerrigan");
}

TEST(AttributionTest, OpenerBeforeAParagraphIntrosSubject) {
  const std::string text =
      "But Maren Holt, who has run the firm since 2021, spoke for an hour.\n"
      "“The water came up through the floorboards.\n"
      "“By morning the street was a river.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(SubjectText(text, a[0]), "Maren Holt");
  EXPECT_EQ(a[0].rule, "paragraph_subject");
}

TEST(AttributionTest, DocumentReadingOutOpensSpeech) {
  // "The memo read:" quotes the memo's own words, a statement of whoever
  // issued it, unlike "X reports:".
  const std::string text =
      "The memo, which was seen by the Ledger, read in part:\n"
      "“Today the board voted to remove the chief executive.\n"
      "“We did not take this decision lightly.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(SubjectText(text, a[0]), "The memo");
  EXPECT_EQ(a[0].cue, "read");
  EXPECT_TRUE(a[0].framed_chain);
  EXPECT_TRUE(KeepQuote(quotes[0], IsWeakQuote(quotes[0]), a[0].adjacent_frame,
                        a[0].framed_chain));
}

TEST(AttributionTest, CuelessIntroNamingItsSubjectAttributesTheBlock) {
  for (const char* intro :
       {"Maren Holt, who has run the Auburn Hills, Michigan-based firm since "
        "2021, opened the call by reading a statement.\n",
        "Asked about the old record, Maren Holt spoke for several minutes.\n",
        "Maren Holt, who acquired worldwide rights to the film at the "
        "European Film Market in Berlin last year, walked to the lectern:\n",
        "Asked how the record differs from her second album, “Concrete "
        "Psalms,” which was nominated for album of the year at the 2022 "
        "Global Sound Awards, Maren Holt spoke for several minutes.\n"}) {
    const std::string text = std::string(intro) +
                             "“We let our customers down.\n"
                             "“That is on me.”\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    // The two parts, after any title in the intro.
    ASSERT_GE(a.size(), 2u) << intro;
    const size_t first = a.size() - 2;
    EXPECT_EQ(a[first].rule, "paragraph_subject") << intro;
    EXPECT_EQ(SubjectText(text, a[first]), "Maren Holt");
    EXPECT_TRUE(a[first].framed_chain);
    EXPECT_EQ(a[first + 1].link, static_cast<int>(first));
  }
}

TEST(AttributionTest, PronounOrDescriptionBeforeAColonIntroducesTheBlock) {
  for (const char* intro :
       {"She went on:\n",
        "Asked again, the Leicester-born star went further:\n"}) {
    const std::string text = std::string(intro) +
                             "“Not for a second.\n"
                             "“I read every name.”\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    ASSERT_EQ(a.size(), 2u) << intro;
    EXPECT_TRUE(a[0].kind == SubjectKind::kPronoun ||
                a[0].kind == SubjectKind::kDescription)
        << a[0].rule;
    EXPECT_GE(a[0].confidence, 0.5 - 1e-9) << intro;
    EXPECT_TRUE(a[0].framed_chain) << intro;
  }
}

TEST(AttributionTest, QuoteInsideASpeechRunningOnIsNoSpeaker) {
  const std::string text =
      "\u201cThanks to everyone here,\u201d Bisi Ola said.\n"
      "\u201cWhen I started, an agent in Leeds told me, \u2018You will "
      "never work.\u2019 I kept that sentence.\n"
      "\u201cTonight I have proved him wrong.\u201d\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 4u);
  ASSERT_TRUE(quotes[2].nested);
  EXPECT_EQ(a[1].link, 0);
  // The last part carries the speech on, not the nested quote's frame.
  EXPECT_EQ(a[3].rule, "carry_over");
  EXPECT_EQ(a[3].link, 1);
}

TEST(AttributionTest, MultiParagraphQuoteAfterAFramedQuoteIsSpeech) {
  const std::string text =
      "“Zezinho is not for sale,” the president said.\n"
      "“If someone wants to talk, the clause is there.\n"
      "“We built this team around him.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[1].rule, "carry_over");
  EXPECT_EQ(a[1].link, 0);
  EXPECT_TRUE(a[1].framed_chain);
  EXPECT_TRUE(KeepQuote(quotes[1], IsWeakQuote(quotes[1]), a[1].adjacent_frame,
                        a[1].framed_chain));
  // After a fragment of a named speaker too.
  const std::string after_fragment =
      "Femke Jansen said the party had lost “its conscience and its "
      "accountant at the same time.”\n"
      "“Henk taught a whole generation of us.\n"
      "“He never once confused the two.”\n";
  const auto b = AttributeRaw(after_fragment, quotes);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_TRUE(b[1].framed_chain);
}

TEST(AttributionTest, SpeechCueBeforeAColonFramesAMultiParagraphQuote) {
  for (const char* intro :
       {"In a statement, campaign manager Brent Hall said:\n",
        "In a statement issued on Wednesday, Ms Okonkwo went further:\n"}) {
    const std::string text = std::string(intro) +
                             "“Dusty Ward has spent his life on the land.\n"
                             "“He knows what a dry well means.”\n";
    std::vector<QuoteCandidate> quotes;
    const auto a = AttributeRaw(text, quotes);
    ASSERT_EQ(a.size(), 2u) << intro;
    EXPECT_TRUE(a[0].framed_chain) << intro;
    EXPECT_TRUE(KeepQuote(quotes[0], IsWeakQuote(quotes[0]),
                          a[0].adjacent_frame, a[0].framed_chain))
        << intro;
    EXPECT_EQ(a[1].link, 0);
  }
}

TEST(AttributionTest, HeadlineOrListItemOpeningWithANameAndColon) {
  const auto r = AttributeAll(
      "Mei-Lin Zhou: “I wanted a film that smells of the sea”\n"
      "• 16:51 BST O'Sullivan: “This is a licence to pollute”\n"
      "Key events from the hearing today: “This is a licence to pollute”");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].subject, "Mei-Lin Zhou");
  EXPECT_EQ(r[0].rule, "headline_label");
  EXPECT_EQ(r[1].subject, "O'Sullivan");
  EXPECT_EQ(r[2].kind, SubjectKind::kNone);
  // A fact-check's field, or a role alone, names no one.
  const auto claim = AttributeAll(
      "Claim: “Since the tax rose, the county has lost 9,000 jobs.”\n"
      "• Survivor: “The company took my whole life in five minutes”");
  ASSERT_EQ(claim.size(), 2u);
  EXPECT_NE(claim[0].kind, SubjectKind::kName);
  EXPECT_NE(claim[1].kind, SubjectKind::kName);
}

TEST(AttributionTest, ObjectNameWithAndIsNotTheSpeaker) {
  const auto r = AttributeAll(
      "Declan Rourke of the United Auto and Assembly Workers said it was "
      "“decided a thousand miles away.”\n"
      "Ana Lee and Tom Ruiz said it was “decided a thousand miles away.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Declan Rourke");
  EXPECT_EQ(r[1].subject, "Tom Ruiz");
}

TEST(AttributionTest, OwnerDeterminesADescription) {
  const Result r = OnlyAttribution(
      "“My reaction, that was outrageous,” Obama's former campaign "
      "strategist said.");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
  EXPECT_EQ(r.subject, "Obama's former campaign strategist");
}

TEST(AttributionTest, ContractedPronounIsNoName) {
  const auto r = AttributeAll(
      "And I'll say what I said yesterday: “We are not going to stop.”\n"
      "She’s said it before: “We will not stop.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].kind, SubjectKind::kNone);
  EXPECT_EQ(r[1].kind, SubjectKind::kPronoun);
}

TEST(AttributionTest, PreviousSentenceOfASubjectAndItsVerbs) {
  const auto r = AttributeAll(
      "She paused, then laughed. “People ask me if it is fusion.”\n"
      "The waiter, Tom Ruiz, laughed. “It is not.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "She");
  EXPECT_EQ(r[0].rule, "previous_sentence");
  EXPECT_EQ(r[1].subject, "Tom Ruiz");
}

TEST(AttributionTest, PreviousSentenceOpenedBySpeakerAndCue) {
  const auto r = AttributeAll(
      "Lin, who flew to Lisbon for the final day of the shoot, said the "
      "collaboration began with a message. “He sent me a voice note.”\n"
      "The band said nothing. Critics, however, were unkind. “A dull "
      "record.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Lin");
  EXPECT_EQ(r[0].rule, "previous_sentence");
  EXPECT_EQ(r[1].kind, SubjectKind::kNone);
}

TEST(AttributionTest, PreviousSentenceOfOnePersonsRole) {
  // One person's role carries over; a group, someone unnamed and an
  // organisation do not.
  const auto r = AttributeAll(
      "The detective superintendent said there was no sign of a crime. “We "
      "want to find him.”\n"
      "The officers said the search would go on. “We will not stop.”\n"
      "A resident said the hills were dangerous. “Nobody goes up there.”\n"
      "The council said the paths were shut. “They stay shut.”");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].subject, "The detective superintendent");
  EXPECT_EQ(r[0].rule, "previous_sentence/description");
  EXPECT_EQ(r[1].kind, SubjectKind::kNone);
  EXPECT_EQ(r[2].kind, SubjectKind::kNone);
  EXPECT_EQ(r[3].kind, SubjectKind::kNone);
}

TEST(AttributionTest, RoleWordsOpeningTheSentenceAreNotTheName) {
  const auto r = AttributeAll(
      "Singer-songwriter Lena Marsh told the crowd: “This town raised me.”\n"
      "Pianist Ari Stone said, “We rehearsed in a garage for a year.”");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].subject, "Lena Marsh");
  EXPECT_EQ(r[1].subject, "Ari Stone");
}

TEST(AttributionTest, LowercaseTitleOfSeveralWordsBeforeAName) {
  ExpectSubjects(
      {
          {"“The roads are closed,” said chief fire officer Ana Ruiz.",
           "Ana Ruiz"},
          {"“We are ready,” said deputy police commissioner Omar Haddad.",
           "Omar Haddad"},
      },
      SubjectKind::kName);
  // No role word before the name: "officials in Lagos" stays a role.
  EXPECT_EQ(OnlyAttribution("“It is over,” said officials in Lagos.").kind,
            SubjectKind::kDescription);
}

TEST(AttributionTest, NameDescribedByAdjectives) {
  ExpectSubjects({
      {"“I had no notes,” said an evidently shaken Mira Holt.", "Mira Holt"},
      {"“We did it,” a tearful Joaquín Ortega told reporters.",
       "Joaquín Ortega"},
  });
  // A role after the name makes it a description; so does a word that is
  // no adjective ("former").
  EXPECT_EQ(
      OnlyAttribution("“We did it,” said a tearful Lagos-born coach.").kind,
      SubjectKind::kDescription);
  EXPECT_NE(
      OnlyAttribution("“We did it,” wrote the former Porto Athletic ace.").kind,
      SubjectKind::kName);
  // "the criticism of Lauer": nouns and prepositions are no adjectives.
  EXPECT_EQ(OnlyAttribution("Claiming the criticism of Lauer is designed to "
                            "pressure moderators, Trump told Fox that “they "
                            "hit Matt because they said he should have been "
                            "tougher.”")
                .subject,
            "Trump");
}

TEST(AttributionTest, ParticipleClauseBeforeTheSubjectOfAnIntro) {
  const std::string text =
      "Accepting the award, an evidently shaken Mira Holt spoke without "
      "notes.\n"
      "“I wrote this book at a kitchen table.\n"
      "“So this is for her.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].rule, "paragraph_subject");
  EXPECT_EQ(SubjectText(text, a[0]), "Mira Holt");
}

TEST(AttributionTest, RelativeClauseWithCommasOfItsOwn) {
  ExpectSubjects({
      {"Brask Maritime, which is based in Austin, Texas, said its crews were "
       "“working around the clock”.",
       "Brask Maritime"},
      {"Ana Ruiz, who grew up in Lagos, Nigeria, told reporters it was "
       "“a long road”.",
       "Ana Ruiz"},
  });
}

TEST(AttributionTest, MultiParagraphQuoteOpenedAfterAFrameInItsParagraph) {
  const std::string text =
      "Ravi Sandhu, who leads the inquiry, said: “We believe one man did "
      "this.\n"
      "“He targets homes he can enter quickly.\n"
      "“Call us.”\n";
  std::vector<QuoteCandidate> quotes;
  const auto a = AttributeRaw(text, quotes);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].kind, SubjectKind::kName);
  EXPECT_TRUE(a[0].framed_chain);
  EXPECT_TRUE(KeepQuote(quotes[0], IsWeakQuote(quotes[0]), a[0].adjacent_frame,
                        a[0].framed_chain));
  EXPECT_TRUE(a[1].framed_chain);
  EXPECT_TRUE(KeepQuote(quotes[1], IsWeakQuote(quotes[1]), a[1].adjacent_frame,
                        a[1].framed_chain));
}

TEST(AttributionTest, PersonDescribedByWhereTheyAreFromIsNoPlace) {
  ExpectSubjects(
      {
          {"The mayor of Castrobel said it was “a disaster for us”.",
           "The mayor"},
          {"Outside court, the 31-year-old from Peckham said he felt "
           "“lighter than ever”.",
           "the 31-year-old"},
      },
      SubjectKind::kDescription);
  // People at an organisation speak for it.
  EXPECT_EQ(OnlyAttribution("Officials at Brask Maritime said it was “a "
                            "disaster for us”.")
                .subject,
            "Brask Maritime");
}

TEST(AttributionTest, OrganisationHeadBeforeOfMakesOneName) {
  ExpectSubjects(
      {
          {"The National Association of Brick Makers said the rule would "
           "“cost us dearly”.",
           "National Association of Brick Makers"},
          {"The Bank of Tanzania said rates would “stay where they are”.",
           "Bank of Tanzania"},
          // A person before "of" is still the speaker.
          {"Ana Ruiz of Brightwater Securities said it was “a bad day”.",
           "Ana Ruiz"},
      },
      SubjectKind::kName);
}

TEST(AttributionTest, CapitalisedTitleAfterTheArticleBeforeAComma) {
  // "the Rev. Peter Hale" is a title before a name; "the Speaker, Sir Ian
  // Hale" a role with its holder's name in apposition.
  ExpectSubjects(
      {
          {"“Order, please,” said the Speaker, Sir Ian Hale.", "Ian Hale"},
          {"“Order, please,” said the Mayor, Ada Quill.", "Ada Quill"},
          {"“Order, please,” said the Rev. Peter Hale.", "Peter Hale"},
      },
      SubjectKind::kName);
}

TEST(AttributionTest, NameAfterADescriptionEndingInACapitalisedRole) {
  ExpectSubjects(
      {
          {"The panel’s chairwoman, the Colorado Democrat Ada Quill, said: "
           "“This was a series of choices.”",
           "Ada Quill"},
          {"The Ohio Republican Jim Harlow said the hearing was “a waste of "
           "everybody's time”.",
           "Jim Harlow"},
          {"Former President Ana Ruiz said the deal was “dead on arrival”.",
           "Ana Ruiz"},
          // A role word ending the name, or before a suffix, is the name's.
          {"“I write every morning,” said Stephen King.", "Stephen King"},
          {"“We shall overcome,” said Martin Luther King Jr.",
           "Martin Luther King Jr"},
      },
      SubjectKind::kName);
}

TEST(AttributionTest, CompoundRolesAndRolesOfSomething) {
  // The last noun of "union leader" is its head: a person, not the union.
  Result r =
      OnlyAttribution("‘We warned them,’ said the 41-year-old union leader.");
  EXPECT_EQ(r.subject, "the 41-year-old union leader");
  EXPECT_EQ(r.kind, SubjectKind::kDescription);
  ExpectSubjects(
      {{"“I told my daughters,” the mother of two said.", "the mother of two"}},
      SubjectKind::kDescription);
}

}  // namespace
}  // namespace verbatim::extraction
