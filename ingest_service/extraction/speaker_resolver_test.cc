#include "ingest_service/extraction/speaker_resolver.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest_service/extraction/quote_filter.h"

namespace verbatim::extraction {
namespace {

using ::testing::ElementsAre;

using entities::Entity;
using entities::EntityAnalysis;
using entities::EntityType;
using entities::Gender;
using entities::Mention;
using entities::TextSpan;

// A minimal stand-in: every capitalised word pair is a PERSON, and
// ResolveName matches on the last word.
class FakeRecognizer : public entities::EntityRecognizer {
 public:
  EntityAnalysis Recognize(std::string_view,
                           const entities::TextLayout&) const override {
    return {};
  }
  int ResolveName(std::string_view text, TextSpan span, UnknownName unknown,
                  EntityAnalysis& analysis) const override {
    std::string_view name = text.substr(span.begin, span.end - span.begin);
    const std::string_view last = name.substr(name.rfind(' ') + 1);
    for (size_t e = 0; e < analysis.entities.size(); ++e) {
      const std::string& d = analysis.entities[e].display_name;
      if (d.size() >= last.size() &&
          d.compare(d.size() - last.size(), last.size(), last) == 0) {
        analysis.mentions.push_back(
            {span, std::string(name), static_cast<int>(e)});
        return static_cast<int>(e);
      }
    }
    if (unknown == UnknownName::kIgnore) return -1;
    Entity ent;
    ent.display_name = std::string(name);
    analysis.entities.push_back(ent);
    const int index = static_cast<int>(analysis.entities.size()) - 1;
    analysis.mentions.push_back({span, std::string(name), index});
    return index;
  }
};

struct Fixture {
  std::string text;
  Segmentation seg;
  std::vector<QuoteCandidate> quotes;
  std::vector<Attribution> attributions;
};

Fixture Analyze(std::string text) {
  Fixture f;
  f.text = std::move(text);
  auto seg = Segmenter::Create();
  auto attr = Attributor::Create();
  EXPECT_TRUE(seg.ok() && attr.ok());
  f.seg = seg->Segment(f.text);
  f.quotes = FindQuotes(f.text, f.seg, {});
  std::vector<bool> boundary;
  for (const auto& q : f.quotes) boundary.push_back(!IsWeakQuote(q));
  f.attributions = attr->Attribute(f.text, f.seg, f.quotes, boundary);
  return f;
}

void AddMention(EntityAnalysis& a, const std::string& text,
                std::string_view surface, int entity) {
  const size_t b = text.find(surface);
  ASSERT_NE(b, std::string::npos);
  a.mentions.push_back({{b, b + surface.size()}, std::string(surface), entity});
}

// Adds a mention of `surface` at each of its occurrences in `text`.
void AddEveryMention(EntityAnalysis& a, const std::string& text,
                     std::string_view surface, int entity) {
  for (size_t b = text.find(surface); b != std::string::npos;
       b = text.find(surface, b + surface.size())) {
    a.mentions.push_back(
        {{b, b + surface.size()}, std::string(surface), entity});
  }
}

// The speaker of each quote of `f`, resolved against `a`.
std::vector<int> Resolve(const Fixture& f, EntityAnalysis& a) {
  FakeRecognizer recognizer;
  return ResolveSpeakers(f.text, f.seg, f.quotes, f.attributions,
                         std::vector<bool>(f.quotes.size(), true), {},
                         /*outlet=*/"", recognizer, a);
}

// The same against `people` (entity i is people[i], gender unknown),
// mentioned wherever their names occur.
std::vector<int> ResolveAmong(const Fixture& f,
                              std::initializer_list<const char*> people) {
  EntityAnalysis a;
  for (const char* name : people) {
    AddEveryMention(a, f.text, name, static_cast<int>(a.entities.size()));
    a.entities.push_back({name, EntityType::kPerson, {}, Gender::kUnknown});
  }
  return Resolve(f, a);
}

TEST(SpeakerResolverTest, NamesPronounsAndSplitQuotes) {
  Fixture f = Analyze(
      "Ann Lee met Tom Ruiz on Monday.\n"
      "“We signed the deal today,” Lee said. “It took a year.”\n"
      "Tom Ruiz later spoke to reporters.\n"
      "“I am relieved it is over,” he said.");
  EntityAnalysis a;
  a.entities = {{"Ann Lee", EntityType::kPerson, {}, Gender::kFemale},
                {"Tom Ruiz", EntityType::kPerson, {}, Gender::kMale}};
  AddMention(a, f.text, "Ann Lee", 0);
  AddMention(a, f.text, "Tom Ruiz", 1);
  const size_t later = f.text.find("Tom Ruiz later");
  a.mentions.push_back({{later, later + 8}, "Tom Ruiz", 1});
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 3u);
  EXPECT_EQ(speakers[0], 0);
  EXPECT_EQ(speakers[1], 0);  // continuation of the split quote
  EXPECT_EQ(speakers[2], 1);  // "he" -> the male subject of the last sentence
}

TEST(SpeakerResolverTest, DocumentSpeaksForWhoeverIssuedIt) {
  // Two paragraphs of a statement after the sentence that announced it; a
  // journalist named in between is not its author.
  const Fixture f = Analyze(
      "Tom Ruiz issued a written statement late on Friday.\n"
      "“I regret the words I chose. They were careless and unkind.\n"
      "“I will do better, and Ann Lee deserves an apology,” the statement "
      "said.");
  const std::vector<int> speakers = ResolveAmong(f, {"Tom Ruiz", "Ann Lee"});
  ASSERT_EQ(speakers.size(), 2u);
  EXPECT_EQ(speakers[0], 0);
  EXPECT_EQ(speakers[1], 0);
}

TEST(SpeakerResolverTest, DocumentSpeaksForWhoeverSpeaksInItsSentence) {
  for (const char* intro :
       {"In a statement released by Harbor University, Tom Ruiz said he was "
        "stunned.\n",
        "A Harbor University spokesman, Tom Ruiz, said in a statement that "
        "the lab was closed.\n"}) {
    const Fixture f =
        Analyze(std::string("Ann Lee won the prize.\n") + intro +
                "“Ann Lee did the hard part,” the statement said.");
    EntityAnalysis a;
    AddEveryMention(a, f.text, "Ann Lee", 0);
    AddEveryMention(a, f.text, "Harbor University", 1);
    AddEveryMention(a, f.text, "Tom Ruiz", 2);
    a.entities = {
        {"Ann Lee", EntityType::kPerson, {}, Gender::kFemale},
        {"Harbor University", EntityType::kOrganization, {}, Gender::kUnknown},
        {"Tom Ruiz", EntityType::kPerson, {}, Gender::kMale}};
    std::sort(a.mentions.begin(), a.mentions.end(),
              [](const Mention& x, const Mention& y) {
                return x.span.begin < y.span.begin;
              });
    EXPECT_THAT(Resolve(f, a), ElementsAre(2)) << intro;
  }
}

TEST(SpeakerResolverTest, DocumentSpeaksForTheAuthorAfterFromOrBy) {
  // The author follows "memo from", not the company that owns the staff.
  const Fixture f = Analyze(
      "Staff at Ann Lee's firm got a memo from the board's chair, Tom Ruiz, "
      "on Monday.\n"
      "“We have lost confidence in the plan and will start again,” the memo "
      "said.");
  EXPECT_THAT(ResolveAmong(f, {"Ann Lee", "Tom Ruiz"}), ElementsAre(1));
}

TEST(SpeakerResolverTest, DocumentIntroducedInItsSentenceSpeaksForItsSubject) {
  // "a statement read to reporters" is introduced by its own sentence, whose
  // subject issued it; a name inside the description is its issuer; a name
  // in the middle of the sentence is neither.
  struct Case {
    const char* intro;
    std::vector<int> speakers;
  };
  for (const Case& c :
       {Case{"Deputy Mayor Tom Ruiz, who stood in for Ann Lee, laid out the "
             "plan in a statement read to reporters:\n",
             {0}},
        Case{"Critics of Tom Ruiz cited a rule, as an Ann Lee memo put it:\n",
             {1}},
        Case{"Critics say many allies of Tom Ruiz back a rule, as a memo "
             "put it:\n",
             {-1}}}) {
    const Fixture f =
        Analyze(std::string(c.intro) +
                "“The city will open three water points at seven.”");
    EXPECT_EQ(ResolveAmong(f, {"Tom Ruiz", "Ann Lee"}), c.speakers) << c.intro;
  }
}

TEST(SpeakerResolverTest, ClauseSubjectAfterANameIsNoAppositive) {
  // "Lausanne, the agency said" is no organisation introduced as "the
  // agency": the agency named with its head noun speaks.
  const Fixture f = Analyze(
      "The rider was suspended after the Harbor Integrity Agency announced a "
      "positive test.\n"
      "In a statement issued in Lausanne, the agency said the rider “has been "
      "notified and may ask for a second test”.");
  EntityAnalysis a;
  AddEveryMention(a, f.text, "Harbor Integrity Agency", 0);
  AddEveryMention(a, f.text, "Lausanne", 1);
  a.entities = {{"Harbor Integrity Agency",
                 EntityType::kOrganization,
                 {},
                 Gender::kUnknown},
                {"Lausanne", EntityType::kOrganization, {}, Gender::kUnknown}};
  EXPECT_THAT(Resolve(f, a), ElementsAre(0));
}

TEST(SpeakerResolverTest, DescriptionModifierLooksFurtherBack) {
  // "the Pakistan captain" is the captain introduced with "Pakistan", many
  // mentions back, not the nearer South Africa captain; "The" is no
  // modifier.
  std::string text = "Pakistan captain Ali Khan praised the pitch.\n";
  for (int k = 0; k < 8; ++k) text += "Tom Ruiz bowled to Ann Lee again.\n";
  text +=
      "South Africa captain Tom Ruiz was pleased.\n"
      "The Pakistan captain was asked about the shot. “Ask me tomorrow,” he "
      "said.";
  const Fixture f = Analyze(text);
  EXPECT_THAT(ResolveAmong(f, {"Ali Khan", "Tom Ruiz", "Ann Lee"}),
              ElementsAre(0));
}

TEST(SpeakerResolverTest, PronounSkipsANameInAnOpeningParticipleClause) {
  const Fixture f = Analyze(
      "Asked whether any rebels would back Tom Ruiz, Ann Lee smiled. “Ask "
      "me next week,” she said.");
  const std::vector<int> speakers = ResolveAmong(f, {"Tom Ruiz", "Ann Lee"});
  ASSERT_EQ(speakers.size(), 1u);
  EXPECT_EQ(speakers[0], 1);
}

TEST(SpeakerResolverTest, NewSubjectBetweenSplitQuoteParts) {
  Fixture f = Analyze(
      "“We will win this vote easily,” Ann Lee said. Tom Ruiz disagreed. "
      "“The numbers are not there yet.”");
  EntityAnalysis a;
  a.entities = {{"Ann Lee", EntityType::kPerson, {}, Gender::kFemale},
                {"Tom Ruiz", EntityType::kPerson, {}, Gender::kMale}};
  AddMention(a, f.text, "Tom Ruiz", 1);
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 2u);
  EXPECT_EQ(speakers[1], 1);
}

TEST(SpeakerResolverTest, PronounSkipsIncompatibleGender) {
  Fixture f = Analyze(
      "Tom Ruiz praised Ann Lee after the vote.\n"
      "“It was the right call for the town,” she said.");
  EntityAnalysis a;
  a.entities = {{"Tom Ruiz", EntityType::kPerson, {}, Gender::kMale},
                {"Ann Lee", EntityType::kPerson, {}, Gender::kFemale}};
  AddMention(a, f.text, "Tom Ruiz", 0);
  AddMention(a, f.text, "Ann Lee", 1);
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 1u);
  EXPECT_EQ(speakers[0], 1);
}

TEST(SpeakerResolverTest, PronounPrefersThePersonWhoSpeaks) {
  Fixture f = Analyze(
      "The visitors led through a penalty from Joe Park, and Tom Ruiz "
      "admitted his side had been second best.\n"
      "“For an hour they were the better team,” he said.");
  EXPECT_THAT(ResolveAmong(f, {"Joe Park", "Tom Ruiz"}), ElementsAre(1));
  // Without a speech verb the first person still holds the sentence.
  Fixture g = Analyze(
      "Joe Park scored a penalty, and Tom Ruiz missed one.\n"
      "“For an hour we were the better team,” he said.");
  EXPECT_THAT(ResolveAmong(g, {"Joe Park", "Tom Ruiz"}), ElementsAre(0));
  // Nor past the subject of a clause ("shares" is a speech verb too).
  Fixture h = Analyze(
      "Joe Park, who runs a fund that owns Tom Ruiz shares, said no.\n"
      "“We will vote against it,” he said.");
  EXPECT_THAT(ResolveAmong(h, {"Joe Park", "Tom Ruiz"}), ElementsAre(0));
}

TEST(SpeakerResolverTest, DescriptionMatchesTitleOrAppositive) {
  Fixture f = Analyze(
      "Ann Lee released an album. Critics loved Ann Lee. Her manager Tom Ruiz "
      "spoke too. Joe Park, the band's drummer, stayed home.\n"
      "“We planned this tour for two years,” the manager said.\n"
      "“I needed the rest after all of it,” the drummer said.");
  EXPECT_THAT(ResolveAmong(f, {"Ann Lee", "Tom Ruiz", "Joe Park"}),
              ElementsAre(1, 2));
}

TEST(SpeakerResolverTest, AgeDescriptionMatchesTheAgeAfterAName) {
  Fixture f = Analyze(
      "Tom Ruiz, 24, was asleep when the boat rolled. His mother Ann Lee, 53, "
      "waited at home.\n"
      "“A fisherman pulled me out three hours later,” said the 24-year-old.");
  EXPECT_THAT(ResolveAmong(f, {"Tom Ruiz", "Ann Lee"}), ElementsAre(0));
}

TEST(SpeakerResolverTest, InitialNicknameMapsToRecentPersonWithThatInitial) {
  Fixture f = Analyze(
      "Jordan Rockwell released a new album. Jordan Rockwell toured it. "
      "Critics praised Rockwell.\n"
      "“I wrote it in one winter,” J-Roc said.\n"
      "“It was a long winter for everyone,” P. Gale said.");
  EntityAnalysis a;
  a.entities = {
      {"Jordan Rockwell", EntityType::kPerson, {"Rockwell"}, Gender::kMale}};
  AddEveryMention(a, f.text, "Jordan Rockwell", 0);
  AddMention(a, f.text, "Rockwell.", 0);
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 2u);
  EXPECT_EQ(speakers[0], 0);  // J-Roc -> Jordan Rockwell
  ASSERT_GE(speakers[1], 0);
  EXPECT_NE(speakers[1], 0);  // a different initial stays its own person
}

TEST(SpeakerResolverTest, DescriptionTakesDominantEntity) {
  Fixture f = Analyze(
      "Ann Lee released an album. Critics loved Ann Lee. Tom Ruiz produced "
      "it.\n"
      "“I wrote every song in one winter,” the singer said.\n"
      "“We stand by the product we sell,” the company said.");
  const std::vector<int> speakers = ResolveAmong(f, {"Ann Lee", "Tom Ruiz"});
  ASSERT_EQ(speakers.size(), 2u);
  EXPECT_EQ(speakers[0], 0);
  EXPECT_EQ(speakers[1], -1);  // no organisation in the article
}

// Organisations of the article as entities 0.. (in `orgs` order), each
// mentioned wherever its name occurs.
EntityAnalysis WithOrganizations(const Fixture& f,
                                 std::initializer_list<const char*> orgs) {
  EntityAnalysis a;
  for (const char* name : orgs) {
    AddEveryMention(a, f.text, name, static_cast<int>(a.entities.size()));
    a.entities.push_back(
        {name, EntityType::kOrganization, {}, Gender::kUnknown});
  }
  // In text order, as the recognizer leaves them.
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const entities::Mention& x, const entities::Mention& y) {
              return x.span.begin < y.span.begin;
            });
  return a;
}

TEST(SpeakerResolverTest,
     OrganisationDescriptionTakesTheOrganisationThatSpoke) {
  Fixture f = Analyze(
      "Evacuees slept at Hill School and Hill School again.\n"
      "The utility Sierra Power said it had cut power to 4,100 homes. In a "
      "statement, the company said it was “working with fire crews.”");
  EntityAnalysis a = WithOrganizations(f, {"Hill School", "Sierra Power"});
  EXPECT_THAT(Resolve(f, a), ElementsAre(1));
}

TEST(SpeakerResolverTest,
     OrganisationDescriptionTakesTheOrganisationOfItsHead) {
  Fixture f = Analyze(
      "According to the Flood Agency, the river peaked on Sunday. Hill "
      "School and Hill School again opened.\n"
      "Later, Hill School said classes would resume.\n"
      "A spokesperson for the agency said the defenses had “performed as "
      "designed.”");
  EntityAnalysis a = WithOrganizations(f, {"Hill School", "Flood Agency"});
  EXPECT_THAT(Resolve(f, a), ElementsAre(1));
}

TEST(SpeakerResolverTest, OrganisationOpenedByItsHeadAndAComplement) {
  Fixture f = Analyze(
      "Hill School and Hill School again closed. The Commission on Flood "
      "Defence met.\n"
      "The commission said the walls had “held as designed.”");
  EntityAnalysis a =
      WithOrganizations(f, {"Hill School", "Commission on Flood Defence"});
  EXPECT_THAT(Resolve(f, a), ElementsAre(1));
}

TEST(SpeakerResolverTest, NamedOrganisationNounIsNotTheMainOrganisation) {
  // "the commission" stands only for a commission named so, never for the
  // article's main organisation.
  Fixture f = Analyze(
      "Hill School and Hill School again closed. Hill School said so.\n"
      "The commission said the walls had “held as designed.”");
  EntityAnalysis a = WithOrganizations(f, {"Hill School"});
  EXPECT_THAT(Resolve(f, a), ElementsAre(-1));
}

TEST(SpeakerResolverTest, OrganisationOwnedByANameIsNamedByItsDescription) {
  Fixture f = Analyze(
      "Voters queued for hours at Hill School.\n"
      "The European Union's observer mission said the vote was “largely "
      "peaceful and well organised.”\n"
      "Hill School's board said the building was “open again on Monday.”");
  EntityAnalysis a = WithOrganizations(f, {"Hill School", "European Union"});
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 2u);
  ASSERT_GE(speakers[0], 0);
  EXPECT_EQ(a.entities[speakers[0]].display_name,
            "European Union's observer mission");
  // One noun after the owner is its organ: the owner speaks.
  EXPECT_EQ(speakers[1], 0);
}

TEST(SpeakerResolverTest, OrganisationDescriptionSkipsAnOrganisationNamedOnce) {
  Fixture f = Analyze(
      "Evacuees slept at Hill School.\n"
      "The governor’s office said it was “reviewing the request.”");
  EntityAnalysis a = WithOrganizations(f, {"Hill School"});
  EXPECT_THAT(Resolve(f, a), ElementsAre(-1));
}

TEST(SpeakerResolverTest, PronounAfterAnUnnamedSubjectIsUnresolved) {
  Fixture f = Analyze(
      "Lisa Chung said the fund was impressed.\n"
      "A former Harbor employee, who asked not to be named, said staff had "
      "raised concerns. “We all knew the numbers were wrong,” she said.\n"
      "Tom Ruiz declined to comment. “It is a private matter,” he said.");
  EXPECT_THAT(ResolveAmong(f, {"Lisa Chung", "Tom Ruiz"}), ElementsAre(-1, 1));
}

TEST(SpeakerResolverTest, PluralDescriptionIsUnresolved) {
  Fixture f = Analyze(
      "“Our trading arm had a strong quarter,” Wael Sawan said.\n"
      "Regulators called the plan “a blueprint for delay.” Critics said "
      "“nothing will change.”\n"
      "“We will appeal,” the chief executive said.");
  EntityAnalysis a;
  a.entities = {{"Wael Sawan", EntityType::kPerson, {}, Gender::kMale}};
  AddMention(a, f.text, "Wael Sawan", 0);
  EXPECT_THAT(Resolve(f, a), ElementsAre(0, -1, -1, 0));
}

TEST(SpeakerResolverTest, RoleBeforeACommaIntroducesTheName) {
  Fixture f = Analyze(
      "Commissioner Ana Papas opened the hearing. The fire service "
      "commissioner, Shane Kowal, gives evidence next week.\n"
      "“Every warning was issued on time,” the service commissioner wrote.");
  EXPECT_THAT(ResolveAmong(f, {"Shane Kowal", "Ana Papas"}), ElementsAre(0));
}

TEST(SpeakerResolverTest, RoleWithAComplementBeforeACommaIntroducesTheName) {
  Fixture f = Analyze(
      "Ana Papas spoke first. Ana Papas spoke again. The Minister for "
      "Transport, Shane Kowal, spoke on Saturday.\n"
      "“Every passenger will be refunded,” the minister said.");
  EXPECT_THAT(ResolveAmong(f, {"Shane Kowal", "Ana Papas"}), ElementsAre(0));
}

TEST(SpeakerResolverTest, PronounSkipsAnOwnerBeforeTheSubject) {
  Fixture f = Analyze(
      "“I threw it away,” AJ Okoro said.\n"
      "Okoro's mother, Ngozi Okoro, flew in from Ohio. “He called me at 6 "
      "a.m.,” she said.");
  EntityAnalysis a;
  a.entities = {{"AJ Okoro", EntityType::kPerson, {}, Gender::kUnknown},
                {"Ngozi Okoro", EntityType::kPerson, {}, Gender::kUnknown}};
  AddMention(a, f.text, "AJ Okoro", 0);
  const size_t owner = f.text.find("Okoro's");  // spans leave out the 's
  a.mentions.push_back({{owner, owner + 5}, "Okoro", 0});
  AddMention(a, f.text, "Ngozi Okoro", 1);
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) {
              return x.span.begin < y.span.begin;
            });
  EXPECT_THAT(Resolve(f, a), ElementsAre(0, 1));
}

TEST(SpeakerResolverTest, SentenceOpenedByThePronounGoesOnWithItsPerson) {
  Fixture f = Analyze(
      "Jean Thibault, 78, refused to leave his home. He and his neighbor, "
      "Wendell Guidry, bailed water all night.\n"
      "“The water came in faster than anything I ever saw,” he said.");
  EntityAnalysis a;
  a.entities = {{"Jean Thibault", EntityType::kPerson, {}, Gender::kMale},
                {"Wendell Guidry", EntityType::kPerson, {}, Gender::kMale}};
  AddMention(a, f.text, "Jean Thibault", 0);
  AddMention(a, f.text, "Wendell Guidry", 1);
  EXPECT_THAT(Resolve(f, a), ElementsAre(0));
}

TEST(SpeakerResolverTest, TitleOpeningTheMentionIntroducesTheRole) {
  Fixture f = Analyze(
      "Gov. Pieter Molen vetoed the bill. Its sponsor, Sen. Neil Rourke, "
      "was furious.\n"
      "In a statement, the governor said: “I share the goal of this bill.”");
  EntityAnalysis a;
  a.entities = {{"Pieter Molen", EntityType::kPerson, {}, Gender::kMale},
                {"Neil Rourke", EntityType::kPerson, {}, Gender::kMale}};
  AddMention(a, f.text, "Gov. Pieter Molen", 0);
  AddMention(a, f.text, "Neil Rourke", 1);
  EXPECT_THAT(Resolve(f, a), ElementsAre(0));
}

TEST(SpeakerResolverTest, PronounSkipsAnObjectBeforeTheMainSubject) {
  Fixture f = Analyze(
      "Speaking to Annabel Crowe on court, Arjun Malhotra was apologetic.\n"
      "“I don't know how I won that,” he said.\n"
      "According to Ham, the administration ignored Obama's generals.\n"
      "“We are on our fourth secretary of defense,” he said.");
  EXPECT_THAT(
      ResolveAmong(f, {"Annabel Crowe", "Arjun Malhotra", "Ham", "Obama"}),
      ElementsAre(1, 2));
}

TEST(SpeakerResolverTest, AppositiveOpenedByAnOwnerIntroducesTheRole) {
  Fixture f = Analyze(
      "Ana Ruiz, Nigeria's minister of trade, walked out.\n"
      "“This is over,” Tom Lee said.\n"
      "“We will not sign,” the minister said.");
  EXPECT_THAT(ResolveAmong(f, {"Ana Ruiz", "Tom Lee"}), ElementsAre(1, 0));
}

TEST(SpeakerResolverTest, InitialNicknamePrefersTheNearestMatch) {
  // Two people share the initial; the one mentioned last is meant, even
  // though the other is mentioned more.
  Fixture f = Analyze(
      "Jordan Rockwell opened the show. Jordan Rockwell closed it too. "
      "Jana Whitt sang one song.\n"
      "“I wrote it on the bus,” J-Whitt said.");
  EntityAnalysis a;
  a.entities = {{"Jordan Rockwell", EntityType::kPerson, {}, Gender::kMale},
                {"Jana Whitt", EntityType::kPerson, {}, Gender::kFemale}};
  AddEveryMention(a, f.text, "Jordan Rockwell", 0);
  AddMention(a, f.text, "Jana Whitt", 1);
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 1u);
  EXPECT_EQ(speakers[0], 1);
}

TEST(SpeakerResolverTest, PronounSkipsObjectAfterSameGenderPronoun) {
  // Gender of Ann Lee unknown: only the clause shows she is not "he".
  Fixture f = Analyze(
      "“We never cut corners,” Tom Ruiz said.\n"
      "Asked whether he would sell the farm to Ann Lee, he shrugged. "
      "“We talked about it,” he said.");
  EntityAnalysis a;
  a.entities = {{"Tom Ruiz", EntityType::kPerson, {}, Gender::kMale},
                {"Ann Lee", EntityType::kPerson, {}, Gender::kUnknown}};
  AddMention(a, f.text, "Tom Ruiz", 0);
  AddMention(a, f.text, "Ann Lee", 1);
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 2u);
  EXPECT_EQ(speakers[1], 0);
}

TEST(SpeakerResolverTest, PronounKeepsObjectWithoutCompetingPronoun) {
  Fixture f = Analyze(
      "“We never cut corners,” Tom Ruiz said.\n"
      "Reporters spoke to Ann Lee on Friday. “It was a fair price,” she "
      "said.");
  EntityAnalysis a;
  a.entities = {{"Tom Ruiz", EntityType::kPerson, {}, Gender::kMale},
                {"Ann Lee", EntityType::kPerson, {}, Gender::kUnknown}};
  AddMention(a, f.text, "Tom Ruiz", 0);
  AddMention(a, f.text, "Ann Lee", 1);
  const std::vector<int> speakers = Resolve(f, a);
  ASSERT_EQ(speakers.size(), 2u);
  EXPECT_EQ(speakers[1], 1);
}

TEST(SpeakerResolverTest, DescriptionPrefersPersonNamedInItsParagraph) {
  Fixture f = Analyze(
      "Tom Ruiz produced the record. Critics praised Tom Ruiz. Tom Ruiz "
      "toured it.\n"
      "Ann Lee, for her part, said little. “It was a good year,” the singer "
      "wrote.\n"
      "Singer-songwriter Joe Park opened the show.\n"
      "“We played until two,” the songwriter said.");
  // Ann Lee, not the dominant Tom Ruiz; then "singer-songwriter Joe Park".
  EXPECT_THAT(ResolveAmong(f, {"Tom Ruiz", "Ann Lee", "Joe Park"}),
              ElementsAre(1, 2));
}

TEST(SpeakerResolverTest, DescriptionTakesTheSpeakerOfTheParagraphBefore) {
  // The paragraph before names its speaker; the description's paragraph
  // names nobody. Tom Ruiz is named most, and Ann Lee was not introduced
  // with another role, so "the filmmaker" is Ann Lee.
  Fixture f = Analyze(
      "Tom Ruiz stars in the film. Critics praised Tom Ruiz. Tom Ruiz "
      "toured it.\n"
      "It took eight years to make. According to Ann Lee, “every studio "
      "said no.”\n"
      "“I kept hearing that audiences want noise,” the filmmaker "
      "explained.");
  EXPECT_THAT(ResolveAmong(f, {"Tom Ruiz", "Ann Lee"}), ElementsAre(1, 1));
}

TEST(SpeakerResolverTest, DescriptionSkipsSpeakerIntroducedWithAnotherRole) {
  // "Joe Park, the producer," spoke last, but "the singer" is someone else:
  // the dominant Ann Lee.
  Fixture f = Analyze(
      "Ann Lee released an album. Critics loved Ann Lee. Ann Lee toured. "
      "Fans followed Ann Lee.\n\n"
      "“It took a year,” said Joe Park, the producer of the record.\n\n"
      "“I wrote every song in one winter,” the singer said.");
  EXPECT_THAT(ResolveAmong(f, {"Ann Lee", "Joe Park"}), ElementsAre(1, 0));
}

TEST(SpeakerResolverTest, DescriptionTakesThePreviousSpeakerWhenBothHaveRoles) {
  // Both the main person (a director) and the last speaker (a nominee) were
  // introduced with other roles than "actor": the last speaker it is.
  Fixture f = Analyze(
      "Director Ann Lee made the film. Critics loved Ann Lee. Ann Lee "
      "toured. Fans followed Ann Lee.\n\n"
      "Nominee Joe Park called the role \u201cthe hardest thing I have ever "
      "done.\u201d\n\n"
      "\u201cShe never lets you hide,\u201d the actor said.");
  EXPECT_THAT(ResolveAmong(f, {"Ann Lee", "Joe Park"}), ElementsAre(1, 1));
}

TEST(SpeakerResolverTest, AbbreviatedTitleIntroducesItsRole) {
  Fixture f = Analyze(
      "Joe Park spoke first. Critics loved Joe Park. Joe Park toured. "
      "Sen. Ann Lee disagreed with him.\n\n"
      "Joe Park left early.\n\n"
      "\u201cWe will vote no,\u201d the senator said.");
  EXPECT_THAT(ResolveAmong(f, {"Joe Park", "Ann Lee"}), ElementsAre(1));
}

TEST(SpeakerResolverTest, PartyTagIntroducesPartyMember) {
  Fixture f = Analyze(
      "Joe Park spoke first. Critics loved Joe Park. Joe Park testified. "
      "Sen. Ann Lee, R-Texas, pressed him. Rep. Bo Diaz (D-Ohio) "
      "listened.\n\n"
      "\u201cThat sale was planned months before,\u201d Joe Park said.\n\n"
      "\u201cA plan is not a permission slip,\u201d the Texas Republican "
      "shot back.\n\n"
      "\u201cWe need the documents,\u201d the Ohio Democrat said.");
  EXPECT_THAT(ResolveAmong(f, {"Joe Park", "Ann Lee", "Bo Diaz"}),
              ElementsAre(0, 1, 2));
  // A Republican from another state is someone else.
  Fixture g = Analyze(
      "Sen. Ann Lee, R-Maine, said she would vote no.\n\n"
      "Leader Joe Park dismissed it. \u201cWe respect her "
      "concerns,\u201d the Ohio Republican said.");
  const std::vector<int> other = ResolveAmong(g, {"Ann Lee", "Joe Park"});
  ASSERT_EQ(other.size(), 1u);
  EXPECT_NE(other[0], 0);
}

TEST(SpeakerResolverTest, DescriptionModifierPicksAmongHoldersOfTheRole) {
  Fixture f = Analyze(
      "Almagro president Ana Ruiz made the first offer on Monday.\n\n"
      "Across town, Joe Park, the Meerhaven president, turned it down. "
      "Joe Park said the club would not sell.\n\n"
      "\u201cWe made a serious offer,\u201d the Almagro president said.");
  EXPECT_THAT(ResolveAmong(f, {"Ana Ruiz", "Joe Park"}), ElementsAre(0));
}

TEST(SpeakerResolverTest, DescribedOrganisationIntroducedWithItsHeadNoun) {
  Fixture f = Analyze(
      "Harbor United said the fee was fair. Harbor United met again.\n\n"
      "The North Stand Collective, the biggest supporters' group, said it "
      "would not boo the striker.\n\n"
      "\u201cPlayers come and go, but the badge stays,\u201d the group "
      "said.");
  EntityAnalysis a;
  AddEveryMention(a, f.text, "Harbor United", 0);
  AddEveryMention(a, f.text, "North Stand Collective", 1);
  a.entities.push_back(
      {"Harbor United", EntityType::kOrganization, {}, Gender::kUnknown});
  a.entities.push_back({"North Stand Collective",
                        EntityType::kOrganization,
                        {},
                        Gender::kUnknown});
  EXPECT_THAT(Resolve(f, a), ElementsAre(1));
}

TEST(SpeakerResolverTest, PronounAfterAnOpeningParticipleClauseGoesBack) {
  Fixture f = Analyze(
      "Joe Park, who has run the club since 2016, would not move.\n\n"
      "Speaking to reporters outside the home of Ana Ruiz, he said: "
      "\u201cThe striker is not for sale at any price.\u201d");
  EXPECT_THAT(ResolveAmong(f, {"Joe Park", "Ana Ruiz"}), ElementsAre(0));
}

TEST(SpeakerResolverTest, UnabbreviatedTitleStandsForItsRole) {
  Fixture f = Analyze(
      "Joe Park spoke first. Critics loved Joe Park. Joe Park toured. "
      "CEO Ann Lee apologised.\n\n"
      "Joe Park left early.\n\n"
      "\u201cWe let our customers down,\u201d the executive said.");
  EXPECT_THAT(ResolveAmong(f, {"Joe Park", "Ann Lee"}), ElementsAre(1));
}

TEST(SpeakerResolverTest,
     DescriptionWithoutNamesTakesThePersonTheStoryOpensWith) {
  Fixture f = Analyze(
      "Mateo Alvarenga says joining the club is a childhood dream.\n\n"
      "\u201cThis is the club I dreamed about,\u201d the Argentina "
      "international said.\n\n"
      "Manager Ilse Kremer said: \u201cMateo is a complete striker.\u201d\n\n"
      "Kremer added: \u201cHe scores every kind of goal.\u201d");
  EXPECT_THAT(ResolveAmong(f, {"Mateo Alvarenga", "Ilse Kremer"}),
              ElementsAre(0, 1, 1));
}

TEST(SpeakerResolverTest, DescriptionAfterReportedSpeechPastARelativeClause) {
  Fixture f = Analyze(
      "Ilse Kremer won. Ilse Kremer beat him in straight sets. "
      "Haruto Kisaragi, who grew up in Osaka, said his foot hurt.\n\n"
      "\u201cIt is not an excuse,\u201d the 26-year-old said.");
  EXPECT_THAT(ResolveAmong(f, {"Haruto Kisaragi", "Ilse Kremer"}),
              ElementsAre(0));
}

TEST(SpeakerResolverTest, PronounLooksPastSentencesOfQuotation) {
  // Six sentences of quotation between the name and the pronoun.
  Fixture f = Analyze(
      "Ann Lee farms near Usk.\n\n"
      "\u201cI have supplied them for years,\u201d Ann Lee said. \u201cThey "
      "owe me money. That is not a rounding error. That is the feed. It is "
      "all we had.\u201d\n\n"
      "She said a neighbour told her. \u201cNobody rang. Not one "
      "person,\u201d she added.");
  const std::vector<int> speakers = ResolveAmong(f, {"Ann Lee"});
  ASSERT_FALSE(speakers.empty());
  EXPECT_EQ(speakers.back(), 0);
}

TEST(SpeakerResolverTest, PronounRepeatedWithoutNamesSkipsAnUnnamedVoice) {
  Fixture f = Analyze(
      "Ann Lee wrote the memoir in a year. Ann Lee lives in Leeds.\n\n"
      "\u201cI wrote at night,\u201d Ann Lee says.\n\n"
      "A spokesperson for Harrow Books said the first print run sold "
      "out.\n\n"
      "Does she feel lighter now? \u201cLighter isn\u2019t the "
      "word,\u201d she says.");
  EntityAnalysis a;
  AddEveryMention(a, f.text, "Ann Lee", 0);
  AddEveryMention(a, f.text, "Harrow Books", 1);
  a.entities.push_back({"Ann Lee", EntityType::kPerson, {}, Gender::kFemale});
  a.entities.push_back(
      {"Harrow Books", EntityType::kOrganization, {}, Gender::kUnknown});
  EXPECT_THAT(Resolve(f, a), ElementsAre(0, 0));
}

TEST(SpeakerResolverTest, PronounFarFromAnyNameIsTheMainPersonWhoSpoke) {
  Fixture f = Analyze(
      "Ann Lee writes poems. Ann Lee lives in Leeds.\n\n"
      "\u201cI write at night,\u201d Ann Lee says.\n\n"
      "The book sold well. Critics liked it. Shops ran out. A second print "
      "run followed. Prizes came. The tour sold out.\n\n"
      "\u201cI mind if they stop at one,\u201d she says.");
  EntityAnalysis a;
  AddEveryMention(a, f.text, "Ann Lee", 0);
  a.entities.push_back({"Ann Lee", EntityType::kPerson, {}, Gender::kFemale});
  EXPECT_THAT(Resolve(f, a), ElementsAre(0, 0));
  // Not a man's pronoun, nor a person who has not spoken.
  Fixture g = Analyze(
      "Ann Lee writes poems. Ann Lee lives in Leeds. Ann Lee won.\n\n"
      "The book sold well. Critics liked it. Shops ran out. A second print "
      "run followed. Prizes came. The tour sold out.\n\n"
      "\u201cI mind if they stop at one,\u201d she says.");
  EntityAnalysis b;
  AddEveryMention(b, g.text, "Ann Lee", 0);
  b.entities.push_back({"Ann Lee", EntityType::kPerson, {}, Gender::kFemale});
  EXPECT_THAT(Resolve(g, b), ElementsAre(-1));
}

}  // namespace
}  // namespace verbatim::extraction
