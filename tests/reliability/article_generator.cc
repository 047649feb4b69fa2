#include "tests/reliability/article_generator.h"

#include "absl/strings/str_cat.h"

namespace verbatim::reliability {
namespace {

const std::vector<std::string> kFirst = {
    "Marisol", "Odile",  "Tobias", "Ines",  "Rafael", "Keiko", "Amara", "Lukas",
    "Priya",   "Dmitri", "Hannah", "Mateo", "Sione",  "Freya", "Kwame", "Lena"};
const std::vector<std::string> kLast = {
    "Vega",       "Brennan",  "Okafor",   "Lindqvist", "Moreau", "Tanaka",
    "Castellano", "Adeyemi",  "Novak",    "Halloran",  "Petrov", "Quist",
    "Marsh",      "Ferreira", "Oyelaran", "Sato"};
const std::vector<std::string> kRoles = {
    "the county engineer",   "a spokeswoman for the council",
    "the harbour master",    "a local shop owner",
    "the festival director", "a union organiser"};
const std::vector<std::string> kOrgs = {
    "the Valley Water Board", "Northfield Council",       "Halcyon Records",
    "the Harbour Authority",  "the Brightwater Festival", "Coastline Rail"};
const std::vector<std::string> kPlaces = {"Brightwater", "Lisbon",  "Ottawa",
                                          "Kingsport",   "Nairobi", "Tromsø"};
const std::vector<std::string> kSources = {"Valley Post", "Hill Herald",
                                           "Coastal Ledger", "Evening Courier"};
const std::vector<std::string> kOpeners = {"We",
                                           "Nobody here",
                                           "The council",
                                           "Every family in the valley",
                                           "Our engineers",
                                           "The musicians"};
const std::vector<std::string> kVerbs = {
    "will not accept", "have waited years for", "cannot afford",
    "are proud of",    "never expected",        "will keep fighting for"};
const std::vector<std::string> kObjects = {
    "a delay like this", "the new bridge", "another winter without heat",
    "the result",        "these numbers",  "a second ferry"};
const std::vector<std::string> kTails = {"", " and we will say so again",
                                         " this year", " after the storm",
                                         " — not at any price"};
const std::vector<std::string> kFacts = {
    "it would delay the vote on the budget",
    "the repairs would start in spring", "ticket sales had doubled",
    "the line would close for two weeks",
    "the report would be published in full"};

}  // namespace

std::string ArticleGenerator::Pick(const std::vector<std::string>& words) {
  return words[std::uniform_int_distribution<size_t>(0,
                                                     words.size() - 1)(rng_)];
}

std::string ArticleGenerator::Sentence() {
  // One in five quotations is a reprint of an earlier one, so utterances
  // collect appearances from several articles.
  if (!printed_.empty() && Uniform(0, 4) == 0) {
    return printed_[std::uniform_int_distribution<size_t>(
        0, printed_.size() - 1)(rng_)];
  }
  std::string sentence = absl::StrCat(Pick(kOpeners), " ", Pick(kVerbs), " ",
                                      Pick(kObjects), Pick(kTails));
  printed_.push_back(sentence);
  return sentence;
}

v1::CreateArticleRequest ArticleGenerator::Next(const std::string& host,
                                                const std::string& tag) {
  const std::string org = Pick(kOrgs);
  const std::string place = Pick(kPlaces);
  std::string body = absl::StrCat(
      "In ", place, ", ", org, " said on Tuesday that ", Pick(kFacts),
      ". The notice was filed as item ", tag, ".\n\n");
  const int paragraphs = Uniform(1, 5);
  for (int p = 0; p < paragraphs; ++p) {
    const std::string first = Pick(kFirst);
    const std::string last = Pick(kLast);
    switch (Uniform(0, 4)) {
      case 0:
        absl::StrAppend(&body, "“", Sentence(), ",” said ", first, " ", last,
                        ", ", Pick(kRoles), ".\n\n");
        break;
      case 1:
        absl::StrAppend(&body, first, " ", last, " spoke after the meeting. “",
                        Sentence(), ",” ", last, " said.\n\n");
        break;
      case 2:
        absl::StrAppend(&body, "“", Sentence(), ",” said ", first, " ", last,
                        ". “", Sentence(), ".”\n\n");
        break;
      case 3:
        absl::StrAppend(&body, "“", Sentence(), ". ", Sentence(), ",” ", first,
                        " ", last, " told reporters in ", place, ".\n\n");
        break;
      default:
        absl::StrAppend(&body, "The plan drew criticism from residents. “",
                        Sentence(), ",” said ", first, " ", last, ".\n\n");
        break;
    }
  }
  absl::StrAppend(
      &body,
      "The next meeting is scheduled for the first week of the month.\n");

  v1::CreateArticleRequest request;
  request.set_request_id(absl::StrCat("req-", tag));
  v1::Article* article = request.mutable_article();
  article->set_title(absl::StrCat(org, ": notice ", tag));
  article->set_url(absl::StrCat("https://", host, "/news/", tag));
  article->set_source(Pick(kSources));
  // Somewhere in 2024-2025, whole seconds.
  article->mutable_publish_time()->set_seconds(1704067200 +
                                               Uniform(0, 700 * 86400));
  article->set_body(std::move(body));
  return request;
}

}  // namespace verbatim::reliability
