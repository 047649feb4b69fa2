#include "tests/bench/corpus.h"

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

namespace verbatim::bench {
namespace {

// ---------------------------------------------------------------------------
// Randomness: splitmix64, so the stream is the same on every platform and
// standard library (std:: distributions are implementation-defined).

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  Rng(uint64_t seed, uint64_t a, uint64_t b = 0)
      : s_(Mix(Mix(seed ^ Mix(a)) + b)) {}
  uint64_t Next() { return Mix(s_ += 0x9e3779b97f4a7c15ULL); }
  // In [0, n).
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(double p) {
    return (Next() >> 11) * (1.0 / 9007199254740992.0) < p;
  }
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

 private:
  uint64_t s_;
};

// ---------------------------------------------------------------------------
// Pools. All names are invented for this generator.

struct FirstName {
  const char* formal;
  const char* nickname;  // "" when the name has none
};

constexpr FirstName kMaleFirst[] = {
    {"William", "Bill"}, {"Robert", "Bob"},   {"Thomas", "Tom"},
    {"Michael", "Mike"}, {"James", "Jim"},    {"Richard", "Rick"},
    {"Daniel", "Dan"},   {"Anthony", "Tony"}, {"Edward", "Ted"},
    {"Joseph", "Joe"},   {"Samuel", "Sam"},   {"Nicholas", "Nick"},
    {"Benjamin", "Ben"}, {"Matthew", "Matt"}, {"Gregory", "Greg"},
    {"Kenneth", "Ken"},  {"Peter", ""},       {"Omar", ""},
    {"Rafael", ""},      {"Tobias", ""},      {"Arjun", ""},
    {"Kofi", ""},        {"Mateo", ""},       {"Henrik", ""},
    {"Luis", ""},        {"Ivan", ""},        {"Hiroshi", ""},
    {"Emeka", ""},       {"Stefan", ""},      {"Dmitri", ""},
    {"Callum", ""},      {"Felix", ""},
};
constexpr FirstName kFemaleFirst[] = {
    {"Elizabeth", "Liz"},  {"Katherine", "Kate"}, {"Margaret", "Maggie"},
    {"Jennifer", "Jen"},   {"Patricia", "Pat"},   {"Victoria", "Vicky"},
    {"Susan", "Sue"},      {"Rebecca", "Becky"},  {"Alexandra", "Alex"},
    {"Christina", "Tina"}, {"Deborah", "Deb"},    {"Abigail", "Abby"},
    {"Ingrid", ""},        {"Amara", ""},         {"Leilani", ""},
    {"Priya", ""},         {"Yuki", ""},          {"Noor", ""},
    {"Camila", ""},        {"Freya", ""},         {"Adaeze", ""},
    {"Renata", ""},        {"Sofia", ""},         {"Helena", ""},
    {"Zainab", ""},        {"Mei", ""},           {"Astrid", ""},
    {"Lucia", ""},         {"Nadia", ""},         {"Greta", ""},
    {"Imogen", ""},        {"Talia", ""},
};
constexpr size_t kFirstNames = std::size(kMaleFirst);
static_assert(std::size(kFemaleFirst) == kFirstNames);

constexpr const char* kSurnameHead[] = {
    "Ash",  "Bram",  "Cal", "Dun",  "Ell", "Fair", "Gal",  "Hart",
    "Kes",  "Lind",  "Mor", "Nor",  "Os",  "Pem",  "Quin", "Rad",
    "Stan", "Thorn", "Ux",  "Vane", "Wex", "Yar",  "Zell", "Brock",
    "Cres", "Dal",   "Fen", "Grim", "Hol", "Kil",
};
constexpr const char* kSurnameTail[] = {
    "ford",  "wick", "ton", "ley", "more",  "by",   "ridge", "well",
    "stead", "holm", "ard", "ick", "worth", "dale", "son",   "gate",
};
constexpr size_t kSurnames = std::size(kSurnameHead) * std::size(kSurnameTail);
// Distinct (gender, first name, surname) triples.
constexpr size_t kPeople = 2 * kFirstNames * kSurnames;

constexpr const char* kPlaces[] = {
    "Alder Cove",    "Marrowby",      "Kestrel Point", "Tamsworth",
    "Dunmere",       "Greyhaven",     "Holloway Bay",  "Innisfarne",
    "Juniper Falls", "Lorne Harbour", "Millbrook",     "Norcastle",
    "Oakhaven",      "Pellworth",     "Quarry Hill",   "Redwater",
    "Saltmarsh",     "Thornbury",     "Umberleigh",    "Valemont",
    "Westerby",      "Yarrow Glen",   "Ashcombe",      "Brightwater",
};
constexpr const char* kPapers[] = {"Herald",    "Courier", "Gazette",
                                   "Ledger",    "Post",    "Tribune",
                                   "Chronicle", "Examiner"};
constexpr size_t kOutlets = 40;

constexpr const char* kOrgHead[] = {
    "Northgate",   "Silverline",  "Redfern",    "Bluewater",
    "Ironbridge",  "Harbourview", "Greyhollow", "Kestrel",
    "Meadowbank",  "Stonecrest",  "Pinecroft",  "Lakemont",
    "Copperfield", "Westmarch",   "Eastvale",   "Highmoor",
};
constexpr const char* kOrgKind[] = {
    "Transit Authority",   "Health Trust",
    "Mining Company",      "Records",
    "Football Club",       "Teachers Union",
    "Water Board",         "Institute of Technology",
    "Chamber of Commerce", "Housing Association",
    "Energy Cooperative",  "Port Authority",
    "Arts Council",        "Police Department",
    "University",          "Savings Bank",
};

// Appositive roles: "{name}, {role}, said". {org} and {place} are filled in.
constexpr const char* kRoles[] = {
    "the chief executive of {org}",
    "a spokesperson for {org}",
    "a senior economist at {org}",
    "the head coach of {org}",
    "a nurse at {org}",
    "the chair of {org}",
    "a city councillor in {place}",
    "the police chief of {place}",
    "a professor at {org}",
    "a union organiser at {org}",
    "the director of {org}",
    "a shop owner in {place}",
    "a retired teacher from {place}",
    "a lawyer who represents {org}",
};
// Capitalised titles used before a name: "Mayor Tom Ashford said".
constexpr const char* kTitles[] = {"Mayor", "Dr.",        "Senator",
                                   "Coach", "Councillor", "Professor",
                                   "Judge", "Chief"};
constexpr const char* kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

struct Topic {
  const char* section;
  const char* headlines[3];
  const char* objects[8];
  const char* background[8];
};

// {place} {org} {org2} {num} {day} {full} {last} {obj}
constexpr Topic kTopics[] = {
    {"transport",
     {"{place} bus routes to be cut as {org} faces shortfall",
      "{last} warns of delays on new {place} line",
      "Commuters in {place} wait for answers on {obj}"},
     {"a proper bus service", "the new tram line",
      "a safe crossing by the school", "cheaper season tickets",
      "the ferry timetable", "the ring road", "late-night trains",
      "a working lift at the station"},
     {"The {org} carried {num} passengers last year, according to its annual "
      "report.",
      "Work on the line began in {place} in the spring and was due to finish "
      "by the autumn.",
      "Ticket prices rose by {num} cents on {day}, the third increase in two "
      "years.",
      "Residents of {place} have petitioned the council for a later last "
      "service.",
      "The authority said it would publish a revised timetable within weeks.",
      "Engineers found cracks in {num} sleepers during an inspection in "
      "{place}.",
      "A consultation on the plans closes at the end of the month.",
      "Drivers represented by the {org2} have voted on industrial action twice "
      "since January."}},
    {"housing",
     {"{org} unveils {num} new homes for {place}",
      "Rents in {place} climb again, {org} says",
      "{last}: {place} needs {obj} now"},
     {"affordable homes", "a cap on rents", "the empty offices on Mill Street",
      "social housing", "a fair deal for tenants", "the riverside flats",
      "stronger building rules", "a shelter that stays open all winter"},
     {"The average rent in {place} is now {num} a month, up from last year.",
      "The {org} manages more than {num} properties across the region.",
      "Planning permission for the site in {place} was granted on {day}.",
      "Tenants gathered outside the town hall in {place} on {day} evening.",
      "The council has set aside {num} for repairs this year.",
      "A waiting list for council homes in {place} has grown to {num} "
      "families.",
      "Builders say the cost of materials has risen sharply since the spring.",
      "The development includes a playground, a clinic and {num} parking "
      "spaces."}},
    {"health",
     {"{org} to close ward in {place}",
      "Waiting times at {place} hospital reach record",
      "{last} calls for {obj} after winter crisis"},
     {"more nurses on night shifts", "the maternity unit", "a walk-in clinic",
      "shorter waiting lists", "mental health services for teenagers",
      "the ambulance station in the north of town", "free flu vaccines",
      "a fair pay offer for staff"},
     {"The {org} treated {num} patients in its emergency department last "
      "month.",
      "Ambulance response times in {place} averaged {num} minutes in the "
      "winter.",
      "The ward has {num} beds and employs about 60 staff.",
      "A report published on {day} found staffing gaps on most night shifts.",
      "Patients in {place} were told to expect longer waits over the holiday "
      "weekend.",
      "The trust said it had recruited {num} nurses from overseas since "
      "January.",
      "The clinic in {place} opened in 2009 and was refurbished two years ago.",
      "Health officials will review the decision in the spring."}},
    {"sport",
     {"{org} stun rivals in {place} derby", "{last} signs new deal with {org}",
      "Fans in {place} rally behind {obj}"},
     {"the new stadium", "the youth academy", "a home win on Saturday",
      "the women's team", "cheaper tickets for families", "the cup run",
      "a fair share of the television money",
      "the old ground on Victoria Road"},
     {"The club finished {num} points clear of the relegation places last "
      "season.",
      "A crowd of {num} watched the match in {place} on {day}.",
      "The {org} was founded in 1898 and has played in {place} ever since.",
      "The striker has scored {num} goals in all competitions this season.",
      "Season ticket sales rose by {num} percent after the promotion.",
      "The {org2} agreed to sponsor the training ground for three years.",
      "The team travel to {place} next weekend for the second leg.",
      "Supporters have raised {num} for the club's community programme."}},
    {"arts",
     {"{org} brings festival back to {place}",
      "{last} on the record that changed everything",
      "{place} theatre saved as {org} steps in"},
     {"the music festival", "the old cinema on the harbour", "a new album",
      "the right to own my songs", "free tickets for students", "the library",
      "local bands", "the summer programme"},
     {"The festival sold {num} tickets in its first week, organisers said.",
      "The theatre in {place} first opened its doors in 1923.",
      "The {org} gave the project a grant of {num} on {day}.",
      "The album was recorded over {num} days in a converted barn near "
      "{place}.",
      "The exhibition runs until the end of the month and entry is free.",
      "Critics praised the production when it opened in {place} last year.",
      "Volunteers repainted the hall over {num} weekends.",
      "The band will play {num} dates on their tour, ending in {place}."}},
    {"environment",
     {"{place} river pollution worse than thought, says {org}",
      "{last} backs plan for {obj}", "{org} fined over spill near {place}"},
     {"clean water", "the flood defences", "a ban on new drilling",
      "the wetlands south of town", "cleaner air near schools",
      "the recycling centre", "more trees on the high street",
      "the solar farm"},
     {"Samples taken near {place} showed pollution {num} times the legal "
      "limit.",
      "The {org} said it had invested {num} in new treatment works.",
      "Heavy rain on {day} left parts of {place} under water.",
      "The wetlands are home to {num} species of birds, according to a survey.",
      "The regulator opened an investigation after residents complained of the "
      "smell.",
      "Plans for the solar farm cover {num} hectares of farmland near {place}.",
      "Campaigners handed a petition to the council on {day}.",
      "The company has until the end of the year to respond to the findings."}},
    {"education",
     {"{place} schools face {num} cuts, {org} warns",
      "{last} says {obj} cannot wait", "Teachers in {place} vote on strike"},
     {"smaller classes", "free school meals", "a new science block",
      "fair pay for teachers", "the school bus", "the music lessons",
      "a proper playground", "help for children who fall behind"},
     {"The school in {place} has {num} pupils and a waiting list.",
      "The {org} represents about {num} teachers in the region.",
      "Exam results published on {day} showed a small improvement.",
      "The council plans to merge two primary schools in {place}.",
      "Parents in {place} collected {num} signatures against the plan.",
      "Funding per pupil has fallen in real terms for five years.",
      "The new block will include {num} classrooms and a sports hall.",
      "Inspectors rated the school good in their last report."}},
    {"business",
     {"{org} to cut {num} jobs in {place}",
      "{last} upbeat on {obj} as profits rise",
      "{place} port expansion wins approval"},
     {"the new factory", "jobs for young people", "the harbour expansion",
      "lower energy bills", "a fair deal for suppliers", "the high street",
      "the export market", "training for apprentices"},
     {"The {org} employs {num} people at its site in {place}.",
      "Profits rose by {num} percent in the last quarter, the company said.",
      "Shares in the group fell sharply on {day} after the announcement.",
      "The port in {place} handled {num} containers last year.",
      "The {org2} said the decision was a blow to the local economy.",
      "The company was founded in {place} in 1952 by two brothers.",
      "Analysts had expected a smaller rise in costs this year.",
      "About {num} apprentices will start at the plant in September."}},
};

// Background sentences that fit any story.
constexpr const char* kGeneric[] = {
    "The meeting in {place} ran late into the evening and several residents "
    "left before the vote.",
    "A spokesperson for the {org2} declined to comment on the figures.",
    "The figures were first reported by a local newsletter in {num}.",
    "Similar plans were rejected in a neighbouring district two years ago.",
    "Opposition members said the timetable was unrealistic.",
    "The decision is expected to be reviewed at the next full council meeting.",
    "Documents seen by this newspaper suggest the costs could rise further.",
    "The {org} has not said how the plan will be paid for.",
    "Local businesses in {place} have been asked to take part in a survey.",
    "Records show the issue was first raised in {num}, but nothing was done.",
    "The weather on {day} kept many people at home.",
    "A public meeting has been called for next {day} at the community centre "
    "in {place}.",
    "Critics say the process has been rushed and poorly explained.",
    "Supporters argue that the changes are overdue.",
    "The regional government is expected to respond by the end of the year.",
    "It is the second time in {num} months that the issue has reached the "
    "council chamber.",
};

constexpr const char* kQuoteOpen[] = {
    "We have",
    "I have",
    "Nobody has",
    "The council has",
    "Our members have",
    "This town has",
    "Everyone here has",
    "Families have",
    "My team has",
    "We have all",
    "People in this town have",
    "I think we have",
    "The mayor has",
    "Parents have",
    "Our volunteers have",
    "Nurses here have",
    "Small businesses have",
    "Young people have",
    "The committee has",
    "Nobody in power has",
};
constexpr const char* kQuoteVerb[] = {
    "waited too long for",
    "never been afraid of",
    "spent years arguing about",
    "always believed in",
    "paid the price for",
    "asked again and again for",
    "worked hard to protect",
    "been promised",
    "fought for",
    "never given up on",
    "been let down over",
    "talked for years about",
    "quietly given up on",
    "raised money for",
    "lost patience with",
    "argued in public about",
    "been waiting a decade for",
    "been told lies about",
};
constexpr const char* kQuoteClose[] = {
    ", and we will not stop now.",
    ", but this is only the start.",
    ", and people deserve better.",
    ", so today matters.",
    ".",
    ", and it is not going to be easy.",
    ", and I do not think that will change.",
    ", and we are not going anywhere.",
};
constexpr const char* kQuoteSecond[] = {
    " It is not complicated.",
    " Ask anyone on this street.",
    " The numbers speak for themselves.",
    " We will see what happens next.",
    " I do not blame anyone for being angry.",
    " That is the honest truth.",
    " We are ready to talk whenever they are.",
    "",
};
// {place} {day} {num} {org} {obj} {last}
constexpr const char* kQuoteDetail[] = {
    "I was in {place} on {day} and I saw it for myself.",
    "{num} families signed the letter we sent to the {org}.",
    "Nobody from the {org} has come to {place} to explain it.",
    "My daughter asked me about {obj} on {day}, and I had no answer.",
    "We counted {num} people at the last meeting.",
    "Look at what happened in {place} last winter.",
    "The {org} knew about this years ago.",
    "I have lived in {place} for {num} months and nothing has moved.",
    "Ask the {num} people who turned up on {day}.",
    "Mr {last} promised us {obj} and we are still waiting.",
    "You can drive to {place} and see the empty site.",
    "We wrote to the {org} {num} times.",
    "When I started, {obj} was not even on the list.",
    "My neighbour in {place} lost her job over this.",
    "There were {num} of us outside the town hall on {day}.",
    "Every week someone asks me about {obj}.",
    "The report from the {org} says the same thing.",
    "Nobody voted for {obj} to be an afterthought.",
};

constexpr const char* kFragments[] = {
    "a waste of everyone's time",
    "the best news in years",
    "deeply disappointing",
    "a step in the right direction",
    "long overdue",
    "frankly unacceptable",
    "a gamble with people's lives",
    "exactly what this town needed",
};
constexpr const char* kSayVerbs[] = {"said",           "said",  "said",
                                     "told reporters", "added", "explained",
                                     "insisted",       "warned"};

// ---------------------------------------------------------------------------

struct Person {
  bool female = false;
  const FirstName* first = nullptr;
  std::string surname;
  std::string role;   // appositive, filled in
  std::string title;  // capitalised title or ""
  std::string Full() const {
    return std::string(first->formal) + " " + surname;
  }
  std::string Nick() const {
    return (*first->nickname ? std::string(first->nickname)
                             : std::string(first->formal)) +
           " " + surname;
  }
  const char* Pronoun() const { return female ? "she" : "he"; }
};

std::string OrgName(size_t org) {
  org %= std::size(kOrgHead) * std::size(kOrgKind);
  return std::string(kOrgHead[org % std::size(kOrgHead)]) + " " +
         kOrgKind[(org / std::size(kOrgHead)) % std::size(kOrgKind)];
}

struct Vars {
  std::string place, org, org2, num, day, full, last, obj;
};

void Fill(std::string_view tpl, const Vars& v, std::string& out) {
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] != '{') {
      out.push_back(tpl[i]);
      continue;
    }
    const size_t close = tpl.find('}', i);
    const std::string_view key = tpl.substr(i + 1, close - i - 1);
    if (key == "place")
      out += v.place;
    else if (key == "org")
      out += v.org;
    else if (key == "org2")
      out += v.org2;
    else if (key == "num")
      out += v.num;
    else if (key == "day")
      out += v.day;
    else if (key == "full")
      out += v.full;
    else if (key == "last")
      out += v.last;
    else if (key == "obj")
      out += v.obj;
    i = close;
  }
}

std::string FillStr(std::string_view tpl, const Vars& v) {
  std::string out;
  Fill(tpl, v, out);
  return out;
}

// A person by global id; the same id is the same person in every article.
Person MakePerson(uint64_t seed, size_t id) {
  id %= kPeople;
  Person p;
  p.female = (id & 1) != 0;
  const size_t q = id >> 1;
  p.first =
      p.female ? &kFemaleFirst[q % kFirstNames] : &kMaleFirst[q % kFirstNames];
  const size_t s = (q / kFirstNames) % kSurnames;
  p.surname = std::string(kSurnameHead[s % std::size(kSurnameHead)]) +
              kSurnameTail[s / std::size(kSurnameHead)];
  Rng rng(seed, 0x50e, id);
  Vars v;
  v.place = rng.Pick(kPlaces);
  v.org = OrgName(rng.Below(256));
  p.role = FillStr(rng.Pick(kRoles), v);
  if (rng.Chance(0.25)) p.title = rng.Pick(kTitles);
  return p;
}

// Zipf-like (P(k) ~ 1/k) popularity, scattered over the id space.
size_t PopularPerson(Rng& rng) {
  const double u = rng.Unit();
  const size_t rank =
      static_cast<size_t>(std::exp(u * std::log(double(kPeople)))) - 1;
  return (rank * 7919 + 13) % kPeople;
}

// Applies one reprint edit to a quote (an outlet's house style or trim).
std::string EditQuote(std::string q, Rng& rng) {
  static constexpr std::pair<const char*, const char*> kEdits[] = {
      {"We have", "We've"}, {"I have", "I've"},  {"It is", "It's"},
      {"do not", "don't"},  {"We are", "We're"}, {"That is", "That's"},
      {"it is", "it's"},    {"we are", "we're"},
  };
  const int edits = static_cast<int>(rng.Below(3));
  for (int e = 0; e < edits; ++e) {
    const auto& [from, to] = kEdits[rng.Below(std::size(kEdits))];
    const size_t at = q.find(from);
    if (at != std::string::npos)
      q.replace(at, std::string_view(from).size(), to);
  }
  if (rng.Chance(0.2)) {
    // Trim the last sentence of a two-sentence quote.
    const size_t dot = q.find(". ");
    if (dot != std::string::npos) q.resize(dot + 1);
  }
  return q;
}

// The civil date of `days` since 1970-01-01 (Howard Hinnant's algorithm).
void CivilFromDays(int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out.push_back(c);
    else if (c >= 'A' && c <= 'Z')
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// A story: what several outlets write about, with its speakers and quotes.
struct Story {
  const Topic* topic = nullptr;
  std::vector<size_t> speakers;  // person ids; [0] is the main one
  std::vector<std::vector<std::string>> quotes;  // per speaker
  std::string fragment;
  Vars vars;
  int64_t day = 0;  // days since epoch
};

// Articles come in blocks of 4: three outlets cover one story (the first
// prints it, two reprint it with edits), the fourth covers a story of its own.
constexpr uint64_t kBlock = 4;

Story MakeStory(uint64_t seed, uint64_t story_id, int64_t day) {
  Rng rng(seed, 0x5707, story_id);
  Story s;
  s.topic = &kTopics[rng.Below(std::size(kTopics))];
  s.day = day;
  const size_t speakers = 2 + rng.Below(3);
  for (size_t i = 0; i < speakers; ++i)
    s.speakers.push_back(PopularPerson(rng));
  for (size_t i = 0; i < speakers; ++i) {
    std::vector<std::string> qs;
    const size_t n = (i == 0 ? 3 : 1) + rng.Below(3);
    for (size_t j = 0; j < n; ++j) {
      std::string q = rng.Pick(kQuoteOpen);
      q += ' ';
      q += rng.Pick(kQuoteVerb);
      q += ' ';
      q += s.topic->objects[rng.Below(8)];
      q += rng.Pick(kQuoteClose);
      q += rng.Pick(kQuoteSecond);
      // Story-specific details keep quotes of different stories distinct.
      for (int d = 0; d < 2; ++d) {
        if (!rng.Chance(0.6)) continue;
        Vars dv;
        dv.place = kPlaces[rng.Below(std::size(kPlaces))];
        dv.day = kDays[rng.Below(7)];
        dv.num = std::to_string(2 + rng.Below(400));
        dv.org = OrgName(rng.Below(256));
        dv.obj = kTopics[rng.Below(std::size(kTopics))].objects[rng.Below(8)];
        dv.last = kSurnameHead[rng.Below(std::size(kSurnameHead))];
        dv.last += kSurnameTail[rng.Below(std::size(kSurnameTail))];
        q += ' ';
        Fill(rng.Pick(kQuoteDetail), dv, q);
      }
      qs.push_back(std::move(q));
    }
    s.quotes.push_back(std::move(qs));
  }
  s.fragment = rng.Pick(kFragments);
  s.vars.place = rng.Pick(kPlaces);
  s.vars.org = OrgName(rng.Below(256));
  s.vars.org2 = OrgName(rng.Below(256));
  s.vars.day =
      kDays[static_cast<size_t>((day + 3) % 7)];  // 1970-01-01 was a Thursday
  s.vars.obj = s.topic->objects[rng.Below(8)];
  return s;
}

struct Marks {
  const char* open;
  const char* close;
  const char* apostrophe;
};
constexpr Marks kCurly = {"\u201c", "\u201d", "\u2019"};
constexpr Marks kStraight = {"\"", "\"", "'"};

// Replaces straight apostrophes with the outlet's.
std::string Typeset(std::string_view text, const Marks& marks) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\'')
      out += marks.apostrophe;
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace

GeneratedArticle CorpusGenerator::Generate(uint64_t index) const {
  const uint64_t block = index / kBlock;
  const uint64_t slot = index % kBlock;
  // About 75 blocks (300 articles) a day from 2015-01-01.
  const int64_t base_day = 16436 + static_cast<int64_t>(block / 75);
  const uint64_t story_id = slot == 3 ? 2 * block + 1 : 2 * block;
  Story story = MakeStory(seed_, story_id, base_day);
  Rng rng(seed_, 0xa47, index);

  const size_t outlet = (block * 7 + slot * 13) % kOutlets;
  const std::string outlet_place = kPlaces[outlet % std::size(kPlaces)];
  const std::string outlet_name =
      "The " + outlet_place + " " +
      kPapers[(outlet / std::size(kPlaces) + outlet) % std::size(kPapers)];
  const Marks& marks = (outlet % 5 == 4) ? kStraight : kCurly;
  const bool reprint = slot == 1 || slot == 2;
  const bool nicknames =
      outlet % 3 == 1;  // this outlet calls people by nickname

  GeneratedArticle a;
  const int64_t day = story.day + (reprint && rng.Chance(0.3) ? 1 : 0);
  int y;
  unsigned m, d;
  CivilFromDays(day, y, m, d);
  char date[40];
  std::snprintf(date, sizeof(date), "%04d-%02u-%02u", y, m, d);
  a.date = date;
  a.publish_unix_seconds =
      day * 86400 + static_cast<int64_t>(rng.Below(86400 / 60)) * 60;
  a.source = outlet_name;

  std::vector<Person> people;
  for (size_t id : story.speakers) people.push_back(MakePerson(seed_, id));
  const Person& main = people[0];
  a.main_speaker = main.Full();

  Vars v = story.vars;
  v.full = main.Full();
  v.last = main.surname;
  v.num = std::to_string(10 + rng.Below(9000));
  a.title = FillStr(story.topic->headlines[rng.Below(3)], v);
  if (reprint && rng.Chance(0.5)) a.title += " (updated)";
  {
    std::string path = "https://www.";
    path += Slug(outlet_name);
    path += ".example/";
    path += story.topic->section;
    path += '/';
    path += std::to_string(y);
    path += '/';
    path += std::to_string(index);
    path += '-';
    path += Slug(a.title);
    a.url = std::move(path);
  }

  const size_t target = 2048 + rng.Below(6144);
  constexpr size_t kMax = 8192;
  std::string& body = a.body;
  body.reserve(kMax + 512);
  auto append_para = [&](const std::string& para) {
    if (body.size() + para.size() + 2 > kMax) return false;
    body += para;
    body += "\n\n";
    return true;
  };
  auto name_first = [&](const Person& p) {
    std::string n;
    if (nicknames && *p.first->nickname) {
      n = rng.Chance(0.5)
              ? p.Nick()
              : std::string(p.first->formal) + " " + marks.open +
                    p.first->nickname + marks.close + " " + p.surname;
    } else {
      n = p.Full();
    }
    return n;
  };
  auto quote_text = [&](const std::string& q) {
    return Typeset(reprint ? EditQuote(q, rng) : q, marks);
  };
  auto strip_final = [](std::string q) {
    // “...,” X said: the closing period becomes a comma.
    if (!q.empty() && (q.back() == '.' || q.back() == '!')) q.back() = ',';
    return q;
  };

  // Lede.
  {
    std::string p;
    Vars lv = v;
    p +=
        FillStr(rng.Chance(0.5) ? "{full} said on {day} that {place} had {obj} "
                                  "at the top of the agenda, a week after "
                                  "the {org} published its plans."
                                : "Officials in {place} faced questions on "
                                  "{day} about {obj}, as the {org} set out "
                                  "its case for the coming year.",
                lv);
    append_para(p);
  }

  std::vector<bool> introduced(people.size(), false);
  size_t next_quote_of[8] = {0};
  int boiler_every = 3 + static_cast<int>(rng.Below(3));
  int paragraphs = 1;
  bool used_fragment = false;
  a.quote_words.clear();

  // Alternates quotes (cycling through speakers) and background.
  for (size_t turn = 0; body.size() < target; ++turn) {
    std::string p;
    const size_t who = (turn / 2) % people.size();
    const Person& pe = people[who];
    const bool quote_turn = turn % 2 == 0 || turn < 2;
    const size_t qi = quote_turn ? next_quote_of[who]++ : 0;
    if (quote_turn && turn < 10 * people.size() &&
        qi < story.quotes[who].size() + 1) {
      if (qi == story.quotes[who].size()) {
        if (used_fragment || who != 0) continue;
        used_fragment = true;
        p += pe.surname + " described the decision as " + marks.open +
             story.fragment + "." + marks.close;
        if (!append_para(Typeset(p, marks))) break;
        continue;
      }
      const std::string q = quote_text(story.quotes[who][qi]);
      if (a.quote_words.empty())
        a.quote_words = story.quotes[who][qi].substr(0, 40);
      const char* verb = rng.Pick(kSayVerbs);
      if (!introduced[who]) {
        introduced[who] = true;
        const std::string name = name_first(pe);
        switch (rng.Below(4)) {
          case 0:
            p += marks.open + strip_final(q) + marks.close + " said " + name +
                 ", " + pe.role + ".";
            break;
          case 1:
            p += (pe.title.empty() ? name : pe.title + " " + name) + ", " +
                 pe.role + ", " + verb + ": " + marks.open + q + marks.close;
            break;
          case 2: {
            // A split quote around the attribution.
            const size_t comma = q.find(", ");
            if (comma != std::string::npos && comma > 10) {
              p += marks.open + q.substr(0, comma) + "," + marks.close + " " +
                   name + " " + verb + ", " + marks.open + q.substr(comma + 2) +
                   marks.close;
            } else {
              p += marks.open + strip_final(q) + marks.close + " " + name +
                   " " + verb + ".";
            }
            break;
          }
          default:
            p += "According to " + name + ", " + pe.role + ", the plan was " +
                 "discussed at length. " + marks.open + strip_final(q) +
                 marks.close + " " + pe.Pronoun() + " said.";
        }
      } else {
        switch (rng.Below(3)) {
          case 0:
            p += marks.open + strip_final(q) + marks.close + " " +
                 pe.Pronoun() + " " + verb + ".";
            break;
          case 1:
            p += marks.open + strip_final(q) + marks.close + " " + pe.surname +
                 " " + verb + ".";
            break;
          default:
            p += pe.surname + " " + verb + ": " + marks.open + q + marks.close;
        }
      }
    } else {
      Vars bv = v;
      bv.num = std::to_string(10 + rng.Below(90000));
      bv.org2 = OrgName(rng.Below(256));
      Fill(story.topic->background[rng.Below(8)], bv, p);
      p += ' ';
      bv.num = std::to_string(2 + rng.Below(500));
      Fill(rng.Chance(0.5) ? story.topic->background[rng.Below(8)]
                           : rng.Pick(kGeneric),
           bv, p);
      if (rng.Chance(0.5)) {
        p += ' ';
        bv.num = std::to_string(1990 + rng.Below(35));
        Fill(rng.Pick(kGeneric), bv, p);
      }
      if (rng.Chance(0.3)) {
        // A non-speaking mention of another person.
        const Person other = MakePerson(seed_, PopularPerson(rng));
        p += " " + other.Full() + ", " + other.role +
             ", did not respond to a request for "
             "comment.";
      }
      p = Typeset(p, marks);
    }
    if (!append_para(p)) break;
    if (++paragraphs % boiler_every == 0) {
      switch (rng.Below(4)) {
        case 0:
          append_para("Advertisement");
          break;
        case 1:
          append_para("Photo: " + main.Full() + " in " + v.place + " on " +
                      v.day + ". (" +
                      MakePerson(seed_, rng.Below(kPeople)).Full() + " / " +
                      outlet_name + ")");
          break;
        case 2:
          append_para("Sign up for our morning newsletter and get the " +
                      v.place + " headlines first.");
          break;
        default:
          append_para("Read more: " +
                      FillStr(story.topic->headlines[rng.Below(3)], v));
      }
    }
  }
  append_para("Copyright " + std::to_string(y) + " " + outlet_name +
              ". All rights reserved.");
  while (!body.empty() && body.back() == '\n') body.pop_back();
  body.push_back('\n');
  return a;
}

std::string CorpusGenerator::ToFileContents(const GeneratedArticle& article) {
  std::string out;
  out.reserve(article.body.size() + 256);
  out += "title: " + article.title + "\n";
  out += "date: " + article.date + "\n";
  out += "source: " + article.source + "\n";
  out += "url: " + article.url + "\n\n";
  out += article.body;
  return out;
}

}  // namespace verbatim::bench
