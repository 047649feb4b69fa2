#include "ingest_service/extraction/speaker_resolver.h"

#include <algorithm>
#include <cctype>

#include "ingest_service/entities/text_util.h"
#include "ingest_service/extraction/cue_verbs.h"
#include "ingest_service/extraction/lexicon.h"
#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

using entities::EntityType;
using entities::Gender;
using entities::TextSpan;

namespace {

bool Inside(size_t pos, absl::Span<const TextSpan> spans) {
  // Spans are sorted and disjoint.
  auto it =
      std::upper_bound(spans.begin(), spans.end(), pos,
                       [](size_t p, const TextSpan& s) { return p < s.begin; });
  if (it == spans.begin()) return false;
  --it;
  return pos >= it->begin && pos < it->end;
}

// "K-Dot", "K.Dot", "K. Dot", "J.Lo": one letter, a period or hyphen, then a
// single word.
bool IsInitialNickname(std::string_view name) {
  if (name.size() < 4) return false;
  const unsigned char c0 = static_cast<unsigned char>(name[0]);
  if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z'))) return false;
  if (name[1] != '.' && name[1] != '-') return false;
  size_t p = 2;
  if (name[p] == ' ') ++p;
  if (p >= name.size()) return false;
  for (size_t k = p; k < name.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(name[k]);
    const bool letter =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
    if (!letter) return false;
  }
  return true;
}

// Prepositions whose object rarely holds the subject a later pronoun
// continues. Loaded once: ResolveSpeakers is a free function, and the file is
// compiled in.
const text::Lexicon& ObjectPrepositions() {
  static const text::Lexicon& lexicon =
      EmbeddedLexicon("object_prepositions.txt");
  return lexicon;
}

// Nouns that describe a person ("the mayor", "the Compton rapper").
const text::Lexicon& RoleNouns() {
  static const text::Lexicon& lexicon = EmbeddedLexicon("role_nouns.txt");
  return lexicon;
}

// "the", "a", "one": words opening a description.
const text::Lexicon& Determiners() {
  static const text::Lexicon& lexicon = EmbeddedLexicon("determiners.txt");
  return lexicon;
}

// What joins a voice or a group to the organisation after it ("a
// spokeswoman for the hospital", "a spokesman at the embassy", "the race
// stewards of the federation"), longest first.
constexpr std::string_view kMemberJoints[] = {
    " for the ", " for ", " at the ", " at ", " of the ", " of "};

const text::Lexicon& BusinessNouns() {
  static const text::Lexicon& lexicon = EmbeddedLexicon("business_nouns.txt");
  return lexicon;
}

// Whether an organisation is named, in any of its forms, with a legal form
// ("Corvane Chemicals Ltd").
bool Incorporated(const entities::Entity& organisation) {
  static const text::Lexicon& heads = EntityLexicon("org_heads.txt");
  auto legal = [&](std::string_view name) {
    return heads.FindFolded(LastWord(name)) == "legal";
  };
  return legal(organisation.display_name) ||
         std::any_of(organisation.aliases.begin(), organisation.aliases.end(),
                     legal);
}

// Roles that speak for an organisation ("spokeswoman").
const text::Lexicon& VoiceRoles() {
  static const text::Lexicon& lexicon = EmbeddedLexicon("voice_roles.txt");
  return lexicon;
}

// Whether a name at `pos` opens the sentence starting at `sentence`: at most
// `max_words` words of a title before it ("Board chairman Elliot Ramsey"),
// no clause.
bool OpensSentence(std::string_view text, size_t sentence, size_t pos,
                   int max_words = 3) {
  const std::string_view before = text.substr(sentence, pos - sentence);
  if (before.find(',') != std::string_view::npos) return false;
  int words = 0;
  bool in_word = false;
  for (const char ch : before) {
    const bool space = ch == ' ' || ch == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words <= max_words;
}

// Whether the sentence starting at `sentence` opens with a participle
// clause ("Asked whether ..., Lee smiled", "Speaking to Ana Crowe on court,
// Malhotra ..."): a capitalised first word ending in -ed or -ing, and a
// comma after it before `pos`.
bool OpensWithParticipleClause(std::string_view text, size_t sentence,
                               size_t pos) {
  const std::string_view before = text.substr(sentence, pos - sentence);
  const size_t space = before.find(' ');
  if (space == std::string_view::npos || before.empty() || before[0] < 'A' ||
      before[0] > 'Z' || before.find(',') == std::string_view::npos) {
    return false;
  }
  const std::string_view first = before.substr(0, space);
  return first.size() > 4 && (first.ends_with("ed") || first.ends_with("ing"));
}

// Whether text[sentence, name) is a description and a comma before the name
// it is in apposition to: "A former ward coordinator, " before "Deirdre
// Callaghan".
bool DescriptionBeforeAppositive(std::string_view text, size_t sentence,
                                 size_t name) {
  constexpr size_t kMaxDescriptionBytes = 60;
  if (name < sentence + 4 || name - sentence > kMaxDescriptionBytes) {
    return false;
  }
  std::string_view words = text.substr(sentence, name - sentence);
  if (!words.ends_with(", ")) return false;
  words.remove_suffix(2);
  const size_t space = words.find(' ');
  if (space == std::string_view::npos ||
      !Determiners().ContainsFolded(words.substr(0, space))) {
    return false;
  }
  const std::string_view rest = words.substr(space + 1);
  return !rest.empty() && std::none_of(rest.begin(), rest.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) || c == ',';
  });
}

// Whether `sentence` opens with "he" or "she" (lexicons/pronouns.txt).
bool OpensWithPersonalPronoun(std::string_view text, TextSpan sentence) {
  size_t end = sentence.begin;
  while (end < sentence.end &&
         std::isalpha(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  static const text::Lexicon& pronouns = EmbeddedLexicon("pronouns.txt");
  const auto gender =
      pronouns.FindFolded(text.substr(sentence.begin, end - sentence.begin));
  return gender == "male" || gender == "female";
}

// Whether the word at `pos` (after spaces), before `limit`, is a speech
// verb: "Haddad said", "McAllister admitted".
bool CueVerbAt(std::string_view text, size_t pos, size_t limit) {
  limit = std::min(limit, text.size());
  while (pos < limit && text[pos] == ' ') ++pos;
  size_t end = pos;
  while (end < limit && std::isalpha(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  // Verbs that need a word after them ("put" of "put it") are left out.
  return end > pos && IsCueVerb(text.substr(pos, end - pos));
}

// Whether a speech verb follows the name ending at `pos`, directly or after
// a relative clause: "Haddad said", "Kisaragi, who grew up in Osaka, said".
bool CueVerbAfterName(std::string_view text, size_t pos, size_t limit) {
  if (CueVerbAt(text, pos, limit)) return true;
  constexpr size_t kMaxClauseBytes = 200;
  limit = std::min({limit, text.size(), pos + kMaxClauseBytes});
  const std::string_view rest = text.substr(pos, limit - pos);
  if (!rest.starts_with(", ")) return false;
  const size_t word_end = rest.find(' ', 2);
  if (word_end == std::string_view::npos ||
      !IsRelativePronoun(rest.substr(2, word_end - 2))) {
    return false;
  }
  for (size_t comma = rest.find(',', 1); comma != std::string_view::npos;
       comma = rest.find(',', comma + 1)) {
    if (CueVerbAt(text, pos + comma + 1, limit)) return true;
  }
  return false;
}

// Whether "according to" (and an optional "the") ends just before `pos`.
bool AccordingToBefore(std::string_view text, size_t pos) {
  const std::string_view before = TrimSpaces(text.substr(0, pos));
  return EndsWithIgnoreCase(before, "according to") ||
         EndsWithIgnoreCase(before, "according to the");
}

// Titles before names, with the role noun an abbreviation stands for
// ("sen" -> "senator").
const text::Lexicon& Honorifics() {
  static const text::Lexicon& lexicon = EmbeddedLexicon("honorifics.txt");
  return lexicon;
}

// "his label", "their club": an organisation of someone's, which the
// article's main organisation seldom is.
bool OwnedDescription(std::string_view text, TextSpan subject) {
  const std::string_view desc =
      text.substr(subject.begin, subject.end - subject.begin);
  for (std::string_view owner : {"his ", "her ", "their ", "its "}) {
    if (StartsWithIgnoreCase(desc, owner)) return true;
  }
  return false;
}

// Whether the name ending at `end` owns what follows ("Lee's", "Lee’s").
bool IsOwner(std::string_view text, size_t end) {
  const std::string_view rest = text.substr(end);
  return rest.starts_with("'s ") || rest.starts_with("\u2019s ");
}

enum class Determiner { kDefinite, kIndefinite };

// "The mayor" of "The mayor disagreed.": "the" (or, indefinite, "a", "an" or
// "one"), at most two modifiers and a person's role noun opening `sentence`;
// an empty span when it opens otherwise.
TextSpan OpeningDescription(std::string_view text, TextSpan sentence,
                            Determiner determiner = Determiner::kDefinite) {
  size_t pos = sentence.begin;
  const size_t limit = std::min(sentence.end, sentence.begin + 60);
  for (int word = 0; word < 4 && pos < limit; ++word) {
    size_t end = pos;
    while (end < limit &&
           (std::isalpha(static_cast<unsigned char>(text[end])) ||
            text[end] == '-')) {
      ++end;
    }
    if (end == pos) break;
    const std::string_view w = text.substr(pos, end - pos);
    if (word == 0) {
      const bool opens = determiner == Determiner::kDefinite
                             ? EqualsIgnoreCase(w, "the")
                             : EqualsIgnoreCase(w, "a") ||
                                   EqualsIgnoreCase(w, "an") ||
                                   EqualsIgnoreCase(w, "one");
      if (!opens) break;
    } else if (std::optional<std::string_view> kind =
                   RoleNouns().FindFolded(w)) {
      if (*kind == "person" ||
          (determiner == Determiner::kIndefinite && *kind == "unnamed")) {
        return {sentence.begin, end};
      }
      break;
    }
    if (end >= limit || text[end] != ' ') break;
    pos = end + 1;
  }
  return {sentence.begin, sentence.begin};
}

// The head noun of a description, its last word: "rapper" of "the Compton
// rapper".
std::string_view DescriptionHead(std::string_view text, TextSpan subject) {
  return LastWord(text.substr(subject.begin, subject.end - subject.begin));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// The age a description's head gives: "24" of "the 24-year-old"; else
// empty.
std::string_view AgeOfDescription(std::string_view head) {
  constexpr std::string_view kYearOld = "-year-old";
  if (!EndsWithIgnoreCase(head, kYearOld)) return {};
  const std::string_view age = head.substr(0, head.size() - kYearOld.size());
  return AllDigits(age) ? age : std::string_view();
}

// The capitalised word right before the head of a description ("Ohio" in
// "the Ohio Republican"), or empty.
std::string_view DescriptionModifier(std::string_view text, TextSpan subject) {
  std::string_view desc =
      text.substr(subject.begin, subject.end - subject.begin);
  const size_t space = desc.find_last_of(' ');
  if (space == std::string_view::npos) return {};
  desc = desc.substr(0, space);
  const std::string_view word = desc.substr(desc.find_last_of(' ') + 1);
  return word.empty() || !std::isupper(static_cast<unsigned char>(word[0])) ||
                 Determiners().ContainsFolded(word)
             ? std::string_view()
             : word;
}

// The party letters a legislator's tag may hold (entities::IsPartyTag) and
// the member a description names: "R-Texas" is "the Texas Republican".
struct PartyLetter {
  char letter;
  std::string_view member;
};
constexpr PartyLetter kPartyLetters[] = {
    {'r', "Republican"}, {'d', "Democrat"}, {'i', "independent"}};

// The member of the party a tag's letter stands for.
std::string_view PartyMember(char letter) {
  for (const PartyLetter& p : kPartyLetters) {
    if (p.letter == (letter | 0x20)) return p.member;
  }
  return {};
}

bool IsPartyMember(std::string_view word) {
  return std::any_of(
      std::begin(kPartyLetters), std::end(kPartyLetters),
      [&](const PartyLetter& p) { return EqualsIgnoreCase(word, p.member); });
}

// Whether a state as a party tag prints it ("Calif", "Maine", "TX") may be
// the state a description names ("California", "Texas").
bool SameState(std::string_view tag_state, std::string_view named) {
  if (tag_state.empty() || named.empty()) return false;
  const bool postal = tag_state.size() == 2 &&
                      std::isupper(static_cast<unsigned char>(tag_state[1]));
  return postal ? tag_state[0] == named[0]
                : StartsWithIgnoreCase(named, tag_state);
}

// Start of the last whole-word occurrence of `word` (any ASCII case) in
// text[begin, end), or npos.
size_t LastWordIn(std::string_view text, size_t begin, size_t end,
                  std::string_view word) {
  if (word.empty() || end < begin + word.size()) return std::string_view::npos;
  for (size_t at = end - word.size() + 1; at-- > begin;) {
    if (!EqualsIgnoreCase(text.substr(at, word.size()), word)) continue;
    const bool starts = at == 0 || !IsWordChar(CharBefore(text, at));
    const size_t after = at + word.size();
    if (starts && (after >= text.size() || !IsWordChar(CharAt(text, after)))) {
      return at;
    }
  }
  return std::string_view::npos;
}

// Whether only "the" and capitalised title words come before `pos` in
// `sentence`, however many ("The Lee Foundation issued", "Deputy Mayor Ana
// Lind laid out"); OpensSentence above allows any three words instead.
bool OnlyTitleWordsBefore(std::string_view text, TextSpan sentence,
                          size_t pos) {
  std::string_view before = text.substr(sentence.begin, pos - sentence.begin);
  while (!before.empty()) {
    const size_t space = before.find(' ');
    if (space == std::string_view::npos) return false;
    const std::string_view word = before.substr(0, space);
    size_t len;
    if (!EqualsIgnoreCase(word, "the") && !IsUpper(DecodeAt(word, 0, len))) {
      return false;
    }
    before.remove_prefix(space + 1);
  }
  return true;
}

// How far after "from"/"by" a document's author may start: "a memo from
// the board's chair, Priya Rao".
constexpr size_t kMaxAuthorDistance = 40;

// The end of "from", "by", "signed by" or "issued by" right after a
// document's noun ending at `pos`; npos when none follows.
size_t AuthorPrepositionEnd(std::string_view text, size_t pos) {
  std::string_view rest = text.substr(pos);
  for (std::string_view participle :
       {" signed", " issued", " sent", " written"}) {
    if (rest.starts_with(participle)) {
      rest.remove_prefix(participle.size());
      break;
    }
  }
  for (std::string_view preposition : {" from ", " by "}) {
    if (rest.starts_with(preposition)) {
      return text.size() - rest.size() + preposition.size();
    }
  }
  return std::string_view::npos;
}

// Whether a description's head is a role noun of `kind`
// (lexicons/role_nouns.txt).
bool HeadIsRoleOfKind(std::string_view head, std::string_view kind) {
  std::optional<std::string_view> found = RoleNouns().FindFolded(head);
  return found.has_value() && *found == kind;
}

// "the statement" speaks for whoever issued it.
bool IsDocument(std::string_view head) {
  return HeadIsRoleOfKind(head, "document");
}

// Whether `head` is the plural of a role noun ("regulators", "stewards"): a
// group, not one person.
bool IsPluralRole(std::string_view head) {
  return !RoleNouns().ContainsFolded(head) &&
         RoleNouns().FindFoldedOrSingular(head).has_value();
}

// "the commission" stands only for an organisation named with the noun,
// never for the article's main one.
bool NamesItsOrganisation(std::string_view head) {
  return HeadIsRoleOfKind(head, "named_org");
}

// Whether an organisation's `name` ends in the word `head`: "Environment
// Agency" for "agency".
bool EndsWithHead(std::string_view name, std::string_view head) {
  return name.size() > head.size() &&
         name[name.size() - head.size() - 1] == ' ' &&
         EqualsIgnoreCase(name.substr(name.size() - head.size()), head);
}

// Whether `name` opens with the word `head` and a lowercase complement:
// "Commission on Presidential Debates", "Bank of Tanzania" for "commission",
// "bank".
bool OpensWithHeadAndComplement(std::string_view name, std::string_view head) {
  return name.size() > head.size() + 2 && name[head.size()] == ' ' &&
         std::islower(static_cast<unsigned char>(name[head.size() + 1])) &&
         EqualsIgnoreCase(name.substr(0, head.size()), head);
}

// Whether `head` ("engineer") names someone introduced in text[floor, pos)
// without a name: within three words after "a", "an", "one" or "another" of
// the same clause ("One senior engineer, who asked not to be named, ...").
bool IntroducedUnnamed(std::string_view text, std::string_view head,
                       size_t floor, size_t pos) {
  constexpr int kMaxWordsBetween = 3;
  auto is_letter = [](char ch) {
    return std::isalpha(static_cast<unsigned char>(ch)) != 0;
  };
  for (size_t at = floor; at + head.size() <= pos; ++at) {
    if (!EqualsIgnoreCase(text.substr(at, head.size()), head) ||
        (at > 0 && is_letter(text[at - 1])) ||
        (at + head.size() < text.size() && is_letter(text[at + head.size()]))) {
      continue;
    }
    size_t end = at;
    for (int words = 0; words < kMaxWordsBetween + 1; ++words) {
      while (end > floor && text[end - 1] == ' ') --end;
      size_t begin = end;
      while (begin > floor && is_letter(text[begin - 1])) --begin;
      if (begin == end) break;  // punctuation ends the clause
      const std::string_view word = text.substr(begin, end - begin);
      if (words > 0 &&
          (EqualsIgnoreCase(word, "a") || EqualsIgnoreCase(word, "an") ||
           EqualsIgnoreCase(word, "one") ||
           EqualsIgnoreCase(word, "another"))) {
        return true;
      }
      end = begin;
    }
  }
  return false;
}

// The non-empty parts of `s` between `separator`s, appended to `out`.
void AppendParts(std::string_view s, char separator,
                 std::vector<std::string_view>& out) {
  size_t from = 0;
  while (from <= s.size()) {
    size_t to = s.find(separator, from);
    if (to == std::string_view::npos) to = s.size();
    if (to > from) out.push_back(s.substr(from, to - from));
    from = to + 1;
  }
}

// The words that may introduce the person named at `begin`: the title
// before the name, its hyphenated parts ("singer-songwriter Ana Ruiz") or
// the role an abbreviated title stands for ("Sen." -> "senator"),
// and the words of an appositive after it ("Dave Free, the co-director of
// the film,"). Replaces the contents of `words` (reused by callers: this
// runs for every person mention a description is checked against).
void IntroducingWords(std::string_view text, size_t begin,
                      std::vector<std::string_view>& words) {
  words.clear();
  const size_t before = begin >= 40 ? begin - 40 : 0;
  std::string_view left = text.substr(before, begin - before);
  while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
  // "The Speaker, Rt. Hon. Ada Bello": courtesy titles the mention left out,
  // between an appositive's role and the name.
  {
    std::string_view rest = left;
    for (int k = 0; k < 2 && !rest.empty(); ++k) {
      const size_t space = rest.find_last_of(" \t\n\r");
      std::string_view word =
          space == std::string_view::npos ? rest : rest.substr(space + 1);
      if (word.ends_with('.')) word.remove_suffix(1);
      // Not "Mayor" or "Dr." (doctor): they introduce a role.
      if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0])) ||
          Honorifics().FindFolded(word) != "" ||
          RoleNouns().ContainsFolded(word)) {
        break;
      }
      rest = space == std::string_view::npos ? std::string_view()
                                             : rest.substr(0, space);
      while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    }
    if (rest.ends_with(',')) left = rest;
  }
  // "The fire service commissioner, Shane Kowal," names its role too.
  if (!left.empty() && left.back() == ',') left.remove_suffix(1);
  const size_t space = left.find_last_of(" \t\n\r");
  const std::string_view title =
      space == std::string_view::npos ? left : left.substr(space + 1);
  if (!title.empty()) words.push_back(title);
  if (title.find('-') != std::string_view::npos) {
    AppendParts(title, '-', words);
  }
  // "The Minister for Transport, Brendan Fitzgerald-Kane": the role before
  // its complement.
  {
    constexpr int kMaxComplementWords = 4;
    std::string_view rest = space == std::string_view::npos
                                ? std::string_view()
                                : left.substr(0, space);
    for (int k = 0; k < kMaxComplementWords && !rest.empty(); ++k) {
      const size_t cut = rest.find_last_of(" \t\n\r");
      const std::string_view word =
          cut == std::string_view::npos ? rest : rest.substr(cut + 1);
      if (word == "of" || word == "for") {
        std::string_view role = cut == std::string_view::npos
                                    ? std::string_view()
                                    : rest.substr(0, cut);
        role = role.substr(role.find_last_of(" \t\n\r") + 1);
        if (!role.empty()) words.push_back(role);
        break;
      }
      if (cut == std::string_view::npos) break;
      rest = rest.substr(0, cut);
    }
  }
  // "Sen. Ana Whitby" is "the senator" and "CEO Ana Ruiz" "the executive",
  // whether the title is printed before the mention or opens it.
  if (title.size() > 1) {
    std::optional<std::string_view> role = Honorifics().FindFolded(
        title.back() == '.' ? title.substr(0, title.size() - 1) : title);
    if (role.has_value() && !role->empty()) words.push_back(*role);
  }
  {
    constexpr size_t kMaxTitle = 12;
    std::string_view own =
        text.substr(begin, std::min(kMaxTitle, text.size() - begin));
    own = own.substr(0, own.find(' '));
    if (!own.empty() && own.back() == '.') own.remove_suffix(1);
    std::optional<std::string_view> role =
        own.size() > 1 ? Honorifics().FindFolded(own) : std::nullopt;
    if (role.has_value()) {
      words.push_back(own);  // "Imam Al-Haddad" is "the imam"
      if (!role->empty()) words.push_back(*role);
    }
  }
  const size_t after_end = std::min(text.size(), begin + 120);
  const std::string_view right = text.substr(begin, after_end - begin);
  // "Sen. Ana Ruiz, R-Texas," and "Ana Ruiz (D-Colo.)" are "the Texas
  // Republican" and "the Colorado Democrat".
  if (const size_t open = right.find_first_of(",(\n");
      open < 40 && right[open] != '\n') {
    std::string_view tag = right.substr(open + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    tag = tag.substr(0, tag.find_first_of(" ,)"));
    if (entities::IsPartyTag(tag)) {
      words.push_back(PartyMember(tag[0]));
      std::string_view state = tag.substr(2);
      if (state.ends_with('.')) state.remove_suffix(1);
      words.push_back(state);
    }
  }
  const size_t comma = right.find(", ");
  if (comma == std::string_view::npos || comma >= 40) return;
  // Within the name's sentence: not "Tom Brisco was ready. As a phone rang,
  // the announcer said" (a dot after a lower-case letter ends a sentence;
  // one after an initial does not).
  for (size_t k = 0; k < comma; ++k) {
    if (right[k] == '\n' ||
        (right[k] == '.' && k > 0 &&
         std::islower(static_cast<unsigned char>(right[k - 1])))) {
      return;
    }
  }
  std::string_view appositive = right.substr(comma + 2);
  appositive = appositive.substr(0, appositive.find_first_of(",.;"));
  // "Cal Moore, 24, said" is "the 24-year-old" (AgeOfDescription).
  if (constexpr size_t kMaxAgeDigits = 3;
      appositive.size() <= kMaxAgeDigits && AllDigits(appositive)) {
    words.push_back(appositive);
    return;
  }
  // "In a statement issued in Lausanne, the agency said": a clause's
  // subject and its verb, no appositive (but "the nurse who told us" is).
  for (size_t at = 0; at < appositive.size();) {
    const size_t space = appositive.find(' ', at);
    if (space == std::string_view::npos) break;
    if (CueVerbAt(appositive, space + 1, appositive.size()) &&
        !IsRelativePronoun(appositive.substr(at, space - at))) {
      return;
    }
    at = space + 1;
  }
  // "..., Nigeria's minister of trade," too: an owner opens it.
  const std::string_view first = appositive.substr(0, appositive.find(' '));
  const bool owned = first != appositive && IsPossessive(first);
  for (std::string_view determiner : {"the ", "a ", "an ", "his ", "her "}) {
    if (!owned && !StartsWithIgnoreCase(appositive, determiner)) continue;
    AppendParts(appositive, ' ', words);
    break;
  }
}

// False for a name mention that is the object of a preposition ("spoke to
// Vega") or an owner ("Vega's albums"): positions that rarely hold the
// subject a later pronoun continues.
// A role noun, its plural or an honorific: "Presidents", "bandleader", "Sen".
bool IsTitle(std::string_view word) {
  return RoleNouns().FindFoldedOrSingular(word).has_value() ||
         Honorifics().ContainsFolded(word);
}

struct PersonMention {
  size_t begin;
  int entity;
  size_t end;
};

// Joins mentions of one person separated only by a few characters without
// sentence punctuation: 'Lionel “Sweets” Carver' is one mention, not three.
// `persons` is sorted by begin.
void JoinNameParts(std::string_view text, std::vector<PersonMention>& persons) {
  constexpr size_t kMaxGapInName = 16;
  size_t kept = 0;
  for (size_t k = 0; k < persons.size(); ++k) {
    PersonMention* last = kept > 0 ? &persons[kept - 1] : nullptr;
    if (last != nullptr && last->entity == persons[k].entity &&
        persons[k].begin >= last->end &&
        persons[k].begin - last->end <= kMaxGapInName &&
        text.substr(last->end, persons[k].begin - last->end)
                .find_first_of(".,;\n") == std::string_view::npos) {
      last->end = std::max(last->end, persons[k].end);
      continue;
    }
    persons[kept++] = persons[k];
  }
  persons.resize(kept);
}

bool SubjectLike(std::string_view text, size_t begin,
                 const text::Lexicon& prepositions) {
  // The word before, skipping spaces, or one of the two before it when they
  // are lower-case or a title ("with the bandleader Lionel Carver", "for
  // Presidents Carter"). The lexicon holds ASCII words, so only an
  // ASCII-letter run not glued to other word characters can match.
  constexpr int kMaxWordsBack = 3;
  size_t end = begin;
  for (int back = 0; back < kMaxWordsBack; ++back) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t b = end;
    while (b > 0 && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') ||
                     (text[b - 1] >= 'A' && text[b - 1] <= 'Z'))) {
      --b;
    }
    if (b == end || (b > 0 && IsWordChar(CharBefore(text, b)))) break;
    if (prepositions.ContainsFolded(text.substr(b, end - b))) return false;
    // A capital ends the walk (another name), unless it is a title.
    if ((text[b] < 'a' || text[b] > 'z') && !IsTitle(text.substr(b, end - b))) {
      break;
    }
    end = b;
  }
  // The possessive after the name's last word.
  size_t k = begin;
  while (k < text.size() && text[k] != ',' && text[k] != '.' &&
         text[k] != ';') {
    if (text.substr(k).starts_with("'s ") ||
        text.substr(k).starts_with("\u2019s ")) {
      // Only directly after a capitalised word of the name.
      const size_t space = text.rfind(' ', k);
      const size_t w =
          space == std::string_view::npos || space < begin ? begin : space + 1;
      if (w < k && IsUpper(CharAt(text, w))) return false;
      break;
    }
    if (text[k] == ' ' && k + 1 < text.size() &&
        !IsUpper(CharAt(text, k + 1))) {
      break;
    }
    ++k;
  }
  return true;
}

// Whether the sentence at `begin` opens with "He" (`g` male) or "She".
bool OpensWithPronoun(std::string_view text, size_t begin, Gender g) {
  const std::string_view pronoun = g == Gender::kMale ? "he" : "she";
  const std::string_view head = text.substr(begin, pronoun.size() + 1);
  return head.size() == pronoun.size() + 1 &&
         EqualsIgnoreCase(head.substr(0, pronoun.size()), pronoun) &&
         !IsWordChar(static_cast<unsigned char>(head.back()));
}

// Whether a personal pronoun of gender `g` occurs as a word in
// [begin, end).
bool HasPronounBetween(std::string_view text, size_t begin, size_t end,
                       Gender g) {
  const std::string_view span = text.substr(begin, end - begin);
  const std::string_view male[] = {"he", "him", "his"};
  const std::string_view female[] = {"she", "her"};
  const auto& words = g == Gender::kMale ? male : female;
  const size_t n = g == Gender::kMale ? 3 : 2;
  size_t pos = 0;
  while (pos < span.size()) {
    while (pos < span.size() && !IsWordChar(CharAt(span, pos))) ++pos;
    size_t e = pos;
    while (e < span.size() && IsWordChar(CharAt(span, e))) ++e;
    const std::string_view w = span.substr(pos, e - pos);
    for (size_t i = 0; i < n; ++i) {
      if (EqualsIgnoreCase(w, words[i])) return true;
    }
    pos = e == pos ? pos + 1 : e;
  }
  return false;
}

// Mentions that make a person the article's main one for a pronoun that
// finds no nearer antecedent.
constexpr int kMinMainPersonMentions = 3;

bool Compatible(Gender want, Gender have) {
  return want == Gender::kUnknown || have == Gender::kUnknown || want == have;
}

// The gender a description's relative clause gives its person ("The
// 47-year-old chef, who spoke about his roots, ..."): the possessive and
// object pronouns up to the clause's quote or sentence end, when they agree.
Gender GenderOfRelativeClause(std::string_view text, TextSpan description) {
  const std::string_view after = text.substr(description.end);
  if (!after.starts_with(", who ") && !after.starts_with(", whose ")) {
    return Gender::kUnknown;
  }
  constexpr size_t kMaxClauseBytes = 300;
  const std::string_view clause = after.substr(
      0, std::min({after.size(), kMaxClauseBytes,
                   after.find_first_of(".\"\xE2")}));  // '.', '"', '“'...
  bool male = false, female = false;
  size_t pos = 0;
  while (pos < clause.size()) {
    size_t end = pos;
    while (end < clause.size() &&
           std::isalpha(static_cast<unsigned char>(clause[end]))) {
      ++end;
    }
    const std::string_view word = clause.substr(pos, end - pos);
    male |= word == "his" || word == "him" || word == "himself";
    female |= word == "her" || word == "hers" || word == "herself";
    pos = end + 1;
  }
  if (male == female) return Gender::kUnknown;
  return male ? Gender::kMale : Gender::kFemale;
}

}  // namespace

std::vector<int> ResolveSpeakers(std::string_view text, const Segmentation& seg,
                                 absl::Span<const QuoteCandidate> quotes,
                                 absl::Span<const Attribution> attributions,
                                 const std::vector<bool>& kept,
                                 absl::Span<const TextSpan> boilerplate,
                                 std::string_view outlet,
                                 const entities::EntityRecognizer& recognizer,
                                 entities::EntityAnalysis& analysis) {
  const int nq = static_cast<int>(quotes.size());
  std::vector<int> speaker(nq, -1);

  // 1. Names.
  for (int i = 0; i < nq; ++i) {
    const Attribution& a = attributions[i];
    if (a.kind != SubjectKind::kName) continue;
    // The weakest rule, a name opening the fragment's sentence, names no
    // one the recognizer did not find ("Local guides had been calling it
    // “Q”").
    const bool may_add = kept[i] && a.rule != "sentence_subject";
    const int e = recognizer.ResolveName(
        text, a.subject,
        may_add ? entities::EntityRecognizer::UnknownName::kAdd
                : entities::EntityRecognizer::UnknownName::kIgnore,
        analysis);
    if (e < 0 || e >= static_cast<int>(analysis.entities.size())) continue;
    speaker[i] = e;
    auto& ent = analysis.entities[e];
    if (ent.gender == Gender::kUnknown && a.gender != Gender::kUnknown) {
      ent.gender = a.gender;
    }
  }

  // Person mentions outside quotes and boilerplate, in text order.
  std::vector<TextSpan> quoted;
  quoted.reserve(quotes.size());
  for (const QuoteCandidate& q : quotes) quoted.push_back(q.inner);
  std::sort(
      quoted.begin(), quoted.end(),
      [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  // Merge overlaps so binary search works.
  std::vector<TextSpan> merged;
  for (const TextSpan& s : quoted) {
    if (!merged.empty() && s.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  std::vector<PersonMention> persons;
  std::vector<int> weight(analysis.entities.size(), 0);
  for (const entities::Mention& m : analysis.mentions) {
    if (m.entity < 0 ||
        m.entity >= static_cast<int>(analysis.entities.size())) {
      continue;
    }
    if (m.in_boilerplate || Inside(m.span.begin, boilerplate) ||
        Inside(m.span.begin, merged)) {
      continue;
    }
    ++weight[m.entity];
    if (analysis.entities[m.entity].type == EntityType::kPerson) {
      persons.push_back({m.span.begin, m.entity, m.span.end});
    }
  }
  std::sort(persons.begin(), persons.end(),
            [](const PersonMention& a, const PersonMention& b) {
              return a.begin < b.begin;
            });
  JoinNameParts(text, persons);
  // The first person mention at or after byte `pos`.
  auto persons_from = [&](size_t pos) {
    return std::lower_bound(
        persons.begin(), persons.end(), pos,
        [](const PersonMention& m, size_t p) { return m.begin < p; });
  };
  const std::vector<int> mention_count = weight;
  // Speakers found by name count as prominent too, and so does the person a
  // story opens with.
  for (int i = 0; i < nq; ++i) {
    if (speaker[i] >= 0 && speaker[i] < static_cast<int>(weight.size())) {
      weight[speaker[i]] += 2;
    }
  }
  if (!persons.empty()) weight[persons.front().entity] += 2;
  // The outlet's own name, without a leading "The".
  if (StartsWithIgnoreCase(outlet, "the ")) outlet.remove_prefix(4);
  auto is_outlet = [&](const entities::Entity& e) {
    return !outlet.empty() && EqualsIgnoreCase(e.display_name, outlet);
  };
  auto dominant = [&](bool org) {
    int best = -1;
    for (int e = 0; e < static_cast<int>(weight.size()); ++e) {
      const EntityType t = analysis.entities[e].type;
      const bool match = org ? t == EntityType::kOrganization &&
                                   !is_outlet(analysis.entities[e])
                             : t == EntityType::kPerson;
      if (match && weight[e] > 0 && (best < 0 || weight[e] > weight[best])) {
        best = e;
      }
    }
    return best;
  };

  // Index of the sentence containing `pos`.
  auto sentence_of = [&](size_t pos) {
    auto it = std::upper_bound(
        seg.sentences.begin(), seg.sentences.end(), pos,
        [](size_t p, const TextSpan& s) { return p < s.begin; });
    if (it == seg.sentences.begin()) return -1;
    return static_cast<int>(it - seg.sentences.begin()) - 1;
  };

  // "the manager said": the nearest earlier person introduced with that
  // noun, as a title ("manager Dave Free") or an appositive ("Dave Free,
  // the co-director of ..."). The head noun is the description's last word.
  std::vector<std::string_view> introducing;  // IntroducingWords' output
  auto resolve_description = [&](TextSpan subject,
                                 Gender gender = Gender::kUnknown) {
    const std::string_view head = DescriptionHead(text, subject);
    if (head.size() < 3) return -1;
    // "the Almagro president": the nearest president introduced near
    // "Almagro", else the nearest president; but "the Ohio Republican" is
    // no Republican tagged from another state.
    std::string_view modifier = DescriptionModifier(text, subject);
    const std::string_view age = AgeOfDescription(head);
    // "the Kumasi-born star": the place before the hyphen, which names the
    // person's birthplace whatever role introduced them.
    const bool birthplace = EndsWithIgnoreCase(modifier, "-born");
    modifier = modifier.substr(0, modifier.find('-'));
    const bool party = IsPartyMember(head);
    int fallback = -1;
    int born_there = -1;
    auto it = persons_from(subject.begin);
    int seen = 0;
    // A modifier narrows the search enough to look further back.
    constexpr int kMaxMentionsBack = 12;
    constexpr int kMaxMentionsBackWithModifier = 40;
    const int max_seen =
        modifier.empty() ? kMaxMentionsBack : kMaxMentionsBackWithModifier;
    while (it != persons.begin() && seen < max_seen) {
      --it;
      ++seen;
      if (!Compatible(gender, analysis.entities[it->entity].gender)) continue;
      constexpr size_t kModifierBefore = 60;
      constexpr size_t kModifierAfter = 120;
      const bool modifier_near =
          !modifier.empty() &&
          LastWordIn(
              text,
              it->begin > kModifierBefore ? it->begin - kModifierBefore : 0,
              std::min({text.size(), it->begin + kModifierAfter,
                        static_cast<size_t>(subject.begin)}),
              modifier) != std::string_view::npos;
      if (birthplace && modifier_near && born_there < 0) {
        born_there = it->entity;
      }
      IntroducingWords(text, it->begin, introducing);
      if (std::none_of(
              introducing.begin(), introducing.end(), [&](std::string_view w) {
                return EqualsIgnoreCase(w, head) || (!age.empty() && w == age);
              })) {
        continue;
      }
      if (modifier.empty()) return it->entity;
      if (party) {
        if (std::any_of(
                introducing.begin(), introducing.end(),
                [&](std::string_view w) { return SameState(w, modifier); })) {
          return it->entity;
        }
        continue;
      }
      if (modifier_near) return it->entity;
      if (fallback < 0 && seen <= kMaxMentionsBack) fallback = it->entity;
    }
    return born_there >= 0 ? born_there : fallback;
  };

  // Whether `entity`, a person, was introduced before `pos` with a role noun
  // other than `head`, itself a role noun: "Dave Free, the co-director" is
  // not "the rapper".
  auto introduced_otherwise = [&](int entity, size_t pos,
                                  std::string_view head) {
    if (!RoleNouns().ContainsFolded(head)) return false;
    bool other_role = false;
    for (const PersonMention& m : persons) {
      if (m.begin >= pos) break;
      if (m.entity != entity) continue;
      IntroducingWords(text, m.begin, introducing);
      for (std::string_view word : introducing) {
        if (EqualsIgnoreCase(word, head)) return false;
        other_role |= HeadIsRoleOfKind(word, "person");
      }
    }
    return other_role;
  };

  // The organisation a description of its voice speaks for: named inside it
  // ("a Halcyon TV spokesperson") or right after it ("A spokeswoman for St.
  // Brendan's Medical Center"); else -1.
  auto names_organization = [&](const entities::Mention& m) {
    return m.entity >= 0 &&
           m.entity < static_cast<int>(analysis.entities.size()) &&
           analysis.entities[m.entity].type == EntityType::kOrganization;
  };
  auto voiced_organization = [&](TextSpan description) {
    if (!VoiceRoles().ContainsFolded(DescriptionHead(text, description))) {
      return -1;
    }
    size_t after = description.end;
    for (std::string_view joint : kMemberJoints) {
      if (StartsWithIgnoreCase(text.substr(after), joint)) {
        after += joint.size();
        break;
      }
    }
    for (const entities::Mention& m : analysis.mentions) {
      if (!names_organization(m)) continue;
      if ((m.span.begin >= description.begin &&
           m.span.end <= description.end) ||
          m.span.begin == after) {
        return m.entity;
      }
    }
    return -1;
  };

  // Whether sentence `sent` is all quotation: it names no one a pronoun
  // after it could stand for.
  auto quoted_sentence = [&](TextSpan sent) {
    auto it = std::upper_bound(
        merged.begin(), merged.end(), sent.begin,
        [](size_t p, const TextSpan& q) { return p < q.begin; });
    if (it == merged.begin()) return false;
    --it;
    if (sent.begin >= it->end) return false;
    if (sent.end <= it->end) return true;
    const std::string_view after = text.substr(it->end, sent.end - it->end);
    return std::none_of(after.begin(), after.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0;
    });
  };

  const text::Lexicon& prepositions = ObjectPrepositions();
  auto resolve_pronoun = [&](size_t pos, Gender g) {
    const int s0 = sentence_of(pos);
    // Six sentences back, not counting captions and other page furniture,
    // nor sentences of quotation ("“They owe me £38,000. That’s the winter
    // feed.”").
    int budget = 6;
    // Passed a sentence naming no one that holds the same pronoun ("Does
    // she feel lighter?"): the pronoun goes on with someone named earlier,
    // not with an unnamed voice before it.
    bool pronoun_goes_back = false;
    for (int s = s0; s >= 0 && budget > 0; --s) {
      const TextSpan sent = seg.sentences[s];
      if (Inside(sent.begin, boilerplate)) continue;
      if (s != s0 && quoted_sentence(sent)) continue;
      --budget;
      const size_t limit = s == s0 ? pos : sent.end;
      // "Speaking to reporters at De Kreek, he said": the opening clause's
      // subject is the pronoun itself; its names are someone else.
      if (s == s0 && OpensWithParticipleClause(text, sent.begin, pos) &&
          text.substr(sent.begin, pos - sent.begin).ends_with(", ")) {
        continue;
      }
      auto it = persons_from(sent.begin);
      const bool names_someone = it != persons.end() && it->begin < limit;
      // "He and his neighbor, Wendell Guidry, bailed water. “Q,” he said.":
      // a sentence opened by the same pronoun goes on with the person before
      // it; the names it holds are someone else.
      if (s != s0 && g != Gender::kUnknown &&
          OpensWithPronoun(text, sent.begin, g)) {
        continue;
      }
      // "The mayor disagreed. “Q,” she said.": a sentence opened by a
      // description of a person continues that person.
      if (s != s0) {
        TextSpan description = OpeningDescription(text, sent);
        // "Pressed by Ana Ruiz on the strike, the mayor bristled.": the
        // description after an opening participle clause.
        for (size_t comma = text.find(", ", sent.begin);
             description.end <= description.begin && comma < sent.end &&
             OpensWithParticipleClause(text, sent.begin, sent.end);
             comma = text.find(", ", comma + 1)) {
          description = OpeningDescription(text, {comma + 2, sent.end});
        }
        if (description.end > description.begin) {
          const int described = resolve_description(description);
          if (described >= 0 &&
              Compatible(g, analysis.entities[described].gender)) {
            return described;
          }
        }
      }
      // The first candidate, unless a later one speaks: "The visitors led
      // through a penalty from Dele Adeyemi, and McAllister admitted ...
      // “Q,” he said.", "Clinton aide Jennifer Palmieri said ..."; but not
      // past a subject and its clause: "Marcus Obi, who owns Brightwell
      // shares, said ...".
      int first = -1;
      // "A former employee, who asked not to be named, said ... “Q,” she
      // said.": the pronoun is someone unnamed.
      if (s != s0 && !names_someone && !pronoun_goes_back) {
        const TextSpan unnamed =
            OpeningDescription(text, sent, Determiner::kIndefinite);
        if (unnamed.end > unnamed.begin) return voiced_organization(unnamed);
      }
      if (s != s0 && !names_someone && g != Gender::kUnknown &&
          HasPronounBetween(text, sent.begin, sent.end, g)) {
        pronoun_goes_back = true;
      }
      for (; it != persons.end() && it->begin < limit; ++it) {
        if (!Compatible(g, analysis.entities[it->entity].gender)) continue;
        // "Asked whether he would sell the songs back to Vega, he paused":
        // a pronoun of the wanted gender already holds the subject, so a
        // name after it as an object or owner is someone else.
        if (g != Gender::kUnknown &&
            !SubjectLike(text, it->begin, prepositions) &&
            HasPronounBetween(text, sent.begin, it->begin, g)) {
          continue;
        }
        // "Lee's mother, Ana Lee, flew in. “Q,” she said.": an owner opening
        // the sentence is not its subject (one deeper in it may be the
        // article's person: "where Lee's grandmother, Nour, spent her last
        // months"); nor is an object when the main clause's subject follows
        // ("Speaking to Ana Crowe on court, Malhotra was apologetic.").
        if (first < 0 && std::next(it) != persons.end() &&
            std::next(it)->begin < limit &&
            ((IsOwner(text, it->end) &&
              OpensSentence(text, sent.begin, it->begin)) ||
             ((!SubjectLike(text, it->begin, prepositions) ||
               OpensWithParticipleClause(text, sent.begin,
                                         std::next(it)->begin)) &&
              text.substr(0, std::next(it)->begin).ends_with(", ")))) {
          continue;
        }
        if (first < 0) {
          first = it->entity;
          if (OpensSentence(text, sent.begin, it->begin) &&
              text.substr(it->end).starts_with(",")) {
            break;
          }
        }
        if (CueVerbAt(text, it->end, limit)) return it->entity;
      }
      if (first >= 0) return first;
    }
    return -1;
  };

  // The start of the paragraph before the one holding `pos` (or of its own,
  // the first).
  auto paragraph_floor = [&](size_t pos) -> size_t {
    const int s = sentence_of(pos);
    if (s < 0) return 0;
    const int paragraph = seg.sentence_paragraph[s];
    return seg.paragraphs[paragraph > 0 ? paragraph - 1 : 0].begin;
  };

  // The person before `pos` in its paragraph: the last that opens a
  // sentence ("Rosa Ccori, whose husband Eusebio Huilca is among them,
  // fell to her knees."), else the last mentioned; -1 when none is.
  auto paragraph_person = [&](size_t pos) {
    const int s = sentence_of(pos);
    if (s < 0) return -1;
    const TextSpan para = seg.paragraphs[seg.sentence_paragraph[s]];
    auto it = persons_from(pos);
    if (it == persons.begin() || std::prev(it)->begin < para.begin) return -1;
    const int last = std::prev(it)->entity;
    while (it != persons.begin() && std::prev(it)->begin >= para.begin) {
      --it;
      const int ms = sentence_of(it->begin);
      if (ms >= 0 && OpensSentence(text, seg.sentences[ms].begin, it->begin) &&
          !IsOwner(text, it->end)) {
        return it->entity;
      }
    }
    return last;
  };

  // The last person mention in [begin, end) that opens a sentence and that
  // `accept` takes, or -1.
  auto last_sentence_opener = [&](size_t begin, size_t end, auto accept) {
    int found = -1;
    auto it = persons_from(begin);
    for (; it != persons.end() && it->begin < end; ++it) {
      const int s = sentence_of(it->begin);
      if (s >= 0 &&
          (seg.sentences[s].begin == it->begin ||
           DescriptionBeforeAppositive(text, seg.sentences[s].begin,
                                       it->begin)) &&
          accept(*it)) {
        found = it->entity;
      }
    }
    return found;
  };
  auto sentence_subject_between = [&](size_t begin, size_t end) {
    return last_sentence_opener(begin, end,
                                [](const PersonMention&) { return true; });
  };

  // The speaker of the last quote before quote `i` in the paragraph before
  // its own, if a person; or -1. "“Q1,” Haddad said. ¶ “Q2,” the filmmaker
  // added."
  auto previous_paragraph_speaker = [&](int i) {
    const int s = sentence_of(quotes[i].outer.begin);
    if (s < 0 || seg.sentence_paragraph[s] == 0) return -1;
    // Past page furniture ("Advertisement") between the paragraphs.
    int before = seg.sentence_paragraph[s] - 1;
    while (before > 0 && Inside(seg.paragraphs[before].begin, boilerplate)) {
      --before;
    }
    const size_t floor = seg.paragraphs[before].begin;
    for (int j = i - 1; j >= 0 && quotes[j].outer.begin >= floor; --j) {
      if (speaker[j] < 0) continue;
      return analysis.entities[speaker[j]].type == EntityType::kPerson
                 ? speaker[j]
                 : -1;
    }
    // "Alvarenga says joining the club is a dream.": reported speech.
    const size_t ceiling = seg.paragraphs[seg.sentence_paragraph[s]].begin;
    return last_sentence_opener(floor, ceiling, [&](const PersonMention& m) {
      return CueVerbAfterName(text, m.end, ceiling);
    });
  };

  // "And Albufera boss Ciaran O'Driscoll shrugged. ¶ “Q,” the Irishman
  // said.": the subject of a one-sentence paragraph leading in to quote
  // `i`'s, or -1.
  // Also when the paragraph's later sentences all open with "he" or "she"
  // ("For Ngata the day could not have gone better. He came in at 40 for
  // 3 ...").
  auto lead_in_subject = [&](int i) {
    const int s = sentence_of(quotes[i].outer.begin);
    if (s < 0 || seg.sentence_paragraph[s] == 0) return -1;
    const size_t floor = seg.paragraphs[seg.sentence_paragraph[s] - 1].begin;
    const size_t ceiling = seg.paragraphs[seg.sentence_paragraph[s]].begin;
    const int first_sentence = sentence_of(floor);
    if (first_sentence < 0) return -1;
    for (int later = first_sentence + 1;
         later < static_cast<int>(seg.sentences.size()) &&
         seg.sentences[later].begin < ceiling;
         ++later) {
      if (!OpensWithPersonalPronoun(text, seg.sentences[later])) return -1;
    }
    // The pronouns stand for the first sentence's subject.
    const size_t subject_end = seg.sentences[first_sentence].end;
    int subject = -1;
    for (auto it = persons_from(floor);
         it != persons.end() && it->begin < subject_end; ++it) {
      const int ms = sentence_of(it->begin);
      // "But furious club chief Ignacio Ruiz shrugged."
      constexpr int kMaxLeadInWords = 5;
      if (ms >= 0 &&
          OpensSentence(text, seg.sentences[ms].begin, it->begin,
                        kMaxLeadInWords) &&
          !IsOwner(text, it->end)) {
        subject = it->entity;
      }
    }
    return subject;
  };

  // "The Harbor Council condemned the test as what it called “Q”": the
  // organisation opening the sentence of an "it", or -1.
  auto sentence_organization = [&](size_t pos) {
    const int s = sentence_of(pos);
    if (s < 0) return -1;
    size_t start = seg.sentences[s].begin;
    if (StartsWithIgnoreCase(text.substr(start), "the ")) start += 4;
    // "Organisers Wildmoor Events pulled the plug": a role before the name.
    const size_t space = text.find(' ', start);
    if (space != std::string_view::npos &&
        RoleNouns()
            .FindFoldedOrSingular(text.substr(start, space - start))
            .has_value()) {
      start = space + 1;
    }
    auto it = std::lower_bound(
        analysis.mentions.begin(), analysis.mentions.end(), start,
        [](const entities::Mention& m, size_t p) { return m.span.begin < p; });
    if (it == analysis.mentions.end() || it->span.begin != start ||
        it->span.end > pos || !names_organization(*it)) {
      return -1;
    }
    return it->entity;
  };

  // The organisation opening the sentence at `pos` or, in the same
  // paragraph, the one before ("Corvane said it would pay. In a statement,
  // it said: “Q”"); -1 when neither opens with one.
  auto opening_organization = [&](size_t pos) {
    const int organisation = sentence_organization(pos);
    const int s = sentence_of(pos);
    if (organisation >= 0 || s <= 0 ||
        seg.sentence_paragraph[s - 1] != seg.sentence_paragraph[s]) {
      return organisation;
    }
    return sentence_organization(seg.sentences[s - 1].end - 1);
  };

  // The organisation a description of one (`subject`, "the agency") stands
  // for: the last one before it named or introduced with its head noun ("the
  // Environment Agency", "the Commission on Presidential Debates", "Arc, the
  // biggest fans' group,"); else the last one in
  // its paragraph or the one before that spoke ("The utility Sierra Power
  // said it had cut power. In a statement, the company said ...", "According
  // to Sierra Power, ..."); or -1.
  auto described_organization = [&](TextSpan subject, bool named_only) {
    const std::string_view head = DescriptionHead(text, subject);
    const size_t floor = paragraph_floor(subject.begin);
    int named = -1;
    int spoke = -1;
    // "The company confirmed in a statement": a company named with its legal
    // form ("Corvane Chemicals Ltd") rather than the fire service that spoke.
    const bool business = BusinessNouns().ContainsFolded(head);
    int incorporated = -1;
    for (const entities::Mention& m : analysis.mentions) {
      if (m.span.begin >= subject.begin || !names_organization(m) ||
          Inside(m.span.begin, merged)) {
        continue;
      }
      if (business && Incorporated(analysis.entities[m.entity])) {
        incorporated = m.entity;
      }
      const std::string_view name =
          text.substr(m.span.begin, m.span.end - m.span.begin);
      if (head.size() >= 3 && (EndsWithHead(name, head) ||
                               OpensWithHeadAndComplement(name, head))) {
        named = m.entity;
      } else if (head.size() >= 3) {
        // "The Noordzijde Collective, the biggest supporters' group, said":
        // introduced with the head noun.
        IntroducingWords(text, m.span.begin, introducing);
        for (std::string_view word : introducing) {
          if (EqualsIgnoreCase(word, head)) named = m.entity;
        }
      }
      if (m.span.begin >= floor &&
          (CueVerbAt(text, m.span.end, subject.begin) ||
           AccordingToBefore(text, m.span.begin))) {
        spoke = m.entity;
      }
    }
    // "When I put this to Halcyon, a company spokesperson said": a company
    // named with its legal form stands for "company" even where only a name
    // will do.
    if (named >= 0) return named;
    if (incorporated >= 0 && (named_only || !NamesItsOrganisation(head))) {
      return incorporated;
    }
    if (named_only || NamesItsOrganisation(head)) return -1;
    if (spoke >= 0) return spoke;
    // "Organisers Wildmoor Events pulled the plug. In a short statement, the
    // company said".
    return opening_organization(subject.begin);
  };

  // "A Hallbright spokesperson said ... “Q,” the spokesperson said", "The
  // race stewards of the FIA ruled. ... the stewards said": the organisation
  // the same voice or group was introduced with earlier in this paragraph or
  // the one before; else -1.
  auto earlier_organization = [&](TextSpan description) {
    const std::string_view head = DescriptionHead(text, description);
    if (!VoiceRoles().ContainsFolded(head) && !IsPluralRole(head)) return -1;
    const size_t floor = paragraph_floor(description.begin);
    // "stewards of the ", "spokesperson for ": the head and a joint.
    std::vector<std::string> head_joints;
    for (std::string_view joint : kMemberJoints) {
      head_joints.push_back(std::string(head) + std::string(joint));
    }
    int found = -1;
    size_t found_at = 0;
    for (const entities::Mention& m : analysis.mentions) {
      if (m.span.begin < floor || m.span.end > description.begin ||
          !names_organization(m) || (found >= 0 && m.span.begin < found_at)) {
        continue;
      }
      const std::string_view after = text.substr(m.span.end);
      const std::string_view before = text.substr(0, m.span.begin);
      bool voiced =
          after.starts_with(' ') && StartsWithIgnoreCase(after.substr(1), head);
      for (const std::string& head_joint : head_joints) {
        voiced = voiced || EndsWithIgnoreCase(before, head_joint);
      }
      if (voiced) {
        found = m.entity;
        found_at = m.span.begin;
      }
    }
    return found;
  };

  // "The City Council said ... “Q,” a council spokesperson said": the
  // organisation a voice's lower-case modifier names, as described_organization
  // finds it for "the council"; else -1.
  auto modified_voice_organization = [&](TextSpan description) {
    const std::string_view words =
        text.substr(description.begin, description.end - description.begin);
    if (!VoiceRoles().ContainsFolded(LastWord(words))) return -1;
    const size_t head = words.find_last_of(' ');
    if (head == std::string_view::npos) return -1;
    const std::string_view modifier = LastWord(words.substr(0, head));
    if (modifier.empty() ||
        !std::islower(static_cast<unsigned char>(modifier[0])) ||
        Determiners().ContainsFolded(modifier)) {
      return -1;
    }
    return described_organization({description.begin, description.begin + head},
                                  /*named_only=*/true);
  };

  // "Lee issued a written statement late Friday.\n“Q,” the statement said":
  // a document speaks for its author: the person or organisation right after
  // "memo from", "letter signed by"; else the person who speaks in, else the
  // person or organisation named first in, the last sentence before it (this
  // paragraph or the three before, which a statement of several paragraphs
  // may fill) that mentions the document's noun, or the document's own
  // sentence when none does or it introduces the document ("Park replied in
  // a statement read to reporters:"); -1 when there is none.
  auto document_author = [&](const Attribution& a) {
    constexpr int kMaxParagraphsBack = 3;
    const TextSpan subject = a.subject;
    const int own = sentence_of(subject.begin);
    if (own < 0) return -1;
    const size_t floor =
        seg.paragraphs[std::max(
                           0, seg.sentence_paragraph[own] - kMaxParagraphsBack)]
            .begin;
    const std::string_view head = DescriptionHead(text, subject);
    size_t at = a.indefinite ? std::string_view::npos
                             : LastWordIn(text, floor, subject.begin, head);
    const bool own_sentence = at == std::string_view::npos;
    if (own_sentence) at = subject.end - head.size();
    const int s = sentence_of(at);
    if (s < 0) return -1;
    const TextSpan sentence = seg.sentences[s];
    const size_t signed_by = AuthorPrepositionEnd(text, at + head.size());
    int first = -1;
    for (const entities::Mention& m : analysis.mentions) {
      if (m.span.begin < sentence.begin || m.entity < 0 ||
          m.entity >= static_cast<int>(analysis.entities.size())) {
        continue;
      }
      if (m.span.end > sentence.end) break;
      const EntityType type = analysis.entities[m.entity].type;
      if ((type != EntityType::kPerson && type != EntityType::kOrganization) ||
          IsOwner(text, m.span.end)) {
        continue;
      }
      // "a memo from the board's chair, Priya Rao": the first name after.
      if (signed_by != std::string_view::npos && m.span.begin >= signed_by &&
          m.span.begin <= signed_by + kMaxAuthorDistance) {
        return m.entity;
      }
      // "A spokeswoman, Ana Ruiz, said in a statement", "In a statement
      // released by Leiden University, Lee said": whoever speaks in it.
      size_t after = m.span.end;
      if (after < sentence.end && text[after] == ',') ++after;
      if (type == EntityType::kPerson && CueVerbAt(text, after, sentence.end)) {
        return m.entity;
      }
      // In its own sentence, a document is its named issuer's ("as a
      // Homeland Security memo put it") or the sentence subject's.
      if (own_sentence && m.span.begin >= subject.begin &&
          m.span.end <= subject.end) {
        return m.entity;
      }
      if (first < 0 && m.span.end <= at &&
          (!own_sentence ||
           OnlyTitleWordsBefore(text, sentence, m.span.begin))) {
        first = m.entity;
      }
    }
    if (first >= 0 || own_sentence) return first;
    // "The company confirmed in a statement that it had “Q1”. ... “Q2,” the
    // statement read": the speaker of that sentence's quote, found earlier.
    for (int j = 0; j < nq && quotes[j].outer.end <= subject.begin; ++j) {
      if (speaker[j] >= 0 && quotes[j].outer.begin >= sentence.begin &&
          quotes[j].outer.end <= sentence.end) {
        return speaker[j];
      }
    }
    return -1;
  };

  // "Nigeria's foreign ministry said", "The European Union's observer
  // mission said": an organisation owned by a named entity is named by the
  // description itself, the owner and the two or three lower-case words
  // after it ("Halstead's board said" is Halstead: one noun after an
  // organisation is its organ, not a body of its own); else -1.
  auto owned_organization = [&](TextSpan subject) {
    // The owner's mention reaches the possessive the subject opens at.
    auto owner = std::upper_bound(
        analysis.mentions.begin(), analysis.mentions.end(), subject.begin,
        [](size_t p, const entities::Mention& m) { return p < m.span.begin; });
    if (owner == analysis.mentions.begin()) return -1;
    --owner;
    if (owner->entity < 0 || owner->span.end <= subject.begin ||
        owner->span.end >= subject.end || !IsOwner(text, owner->span.end)) {
      return -1;
    }
    const size_t owned = text.find(' ', owner->span.end) + 1;
    const std::string_view words =
        text.substr(owned, subject.end - std::min(owned, subject.end));
    int lower_words = 0;
    for (size_t at = 0; at < words.size(); ++lower_words) {
      if (!std::islower(static_cast<unsigned char>(words[at]))) return -1;
      const size_t space = words.find(' ', at);
      at = space == std::string_view::npos ? words.size() : space + 1;
    }
    if (lower_words < 2 || lower_words > 3 ||
        RoleNouns().FindFolded(LastWord(words)) != "org") {
      return -1;
    }
    return recognizer.ResolveName(text, {owner->span.begin, subject.end},
                                  entities::EntityRecognizer::UnknownName::kAdd,
                                  analysis);
  };

  // 2. Pronouns, descriptions and links, in text order.
  for (int i = 0; i < nq; ++i) {
    const Attribution& a = attributions[i];
    switch (a.kind) {
      case SubjectKind::kPronoun:
        if (!a.organization) {
          speaker[i] = resolve_pronoun(a.subject.begin, a.gender);
          // "“I mind if they stop at one,” she says." far from any name, in
          // a profile of one woman: the article's main person, when the
          // pronoun's gender is theirs and they have spoken before.
          if (speaker[i] < 0 && a.gender != Gender::kUnknown) {
            const int main = dominant(false);
            if (main >= 0 && analysis.entities[main].gender == a.gender &&
                weight[main] >= kMinMainPersonMentions &&
                std::find(speaker.begin(), speaker.begin() + i, main) !=
                    speaker.begin() + i) {
              speaker[i] = main;
            }
          }
          // "Mbeki was not convinced. “Q,” he said.": the pronoun tells the
          // gender of a name the lexicons did not know, for later pronouns.
          if (speaker[i] >= 0) {
            entities::Entity& e = analysis.entities[speaker[i]];
            if (e.gender == Gender::kUnknown) e.gender = a.gender;
          }
        } else if (EqualsIgnoreCase(
                       text.substr(a.subject.begin,
                                   a.subject.end - a.subject.begin),
                       "it")) {
          speaker[i] = opening_organization(a.subject.begin);
        }
        break;
      case SubjectKind::kDescription: {
        if (IsDocument(DescriptionHead(text, a.subject))) {
          if (const int author = document_author(a); author >= 0) {
            speaker[i] = author;
            break;
          }
        }
        if (a.organization) {
          if (const int owned = owned_organization(a.subject); owned >= 0) {
            speaker[i] = owned;
            break;
          }
        }
        int described = voiced_organization(a.subject);
        if (described < 0) described = modified_voice_organization(a.subject);
        if (described < 0) described = earlier_organization(a.subject);
        if (described >= 0) {
          speaker[i] = described;
          break;
        }
        described = a.organization
                        ? -1
                        : resolve_description(a.subject, GenderOfRelativeClause(
                                                             text, a.subject));
        // "“Q,” wrote one supporter": someone unnamed, not the main person;
        // so is "the engineer" after "One senior engineer, who asked not to
        // be named" in this paragraph or the one before.
        if (described < 0 && a.indefinite) break;
        if (described < 0) {
          const std::string_view head = DescriptionHead(text, a.subject);
          // "Regulators called the plan “Q”": a group, not one person
          // (earlier_organization above found none it was introduced with).
          if (IsPluralRole(head) || HeadIsRoleOfKind(head, "unnamed") ||
              IntroducedUnnamed(text, head, paragraph_floor(a.subject.begin),
                                a.subject.begin)) {
            break;
          }
        }
        // "Vega said little. “Q,” the singer wrote.": a paragraph names
        // its speaker before describing them; so may the paragraph before.
        if (described < 0 && !a.organization) {
          described = paragraph_person(a.subject.begin);
        }
        if (described < 0 && !a.organization) {
          // Then the speaker of the paragraph before, or the article's main
          // person, whichever was not introduced with another role noun
          // ("Dave Free, the co-director" is not "the rapper"); the speaker
          // when both were.
          const std::string_view head = DescriptionHead(text, a.subject);
          const size_t pos = a.subject.begin;
          const int previous = previous_paragraph_speaker(i);
          const int main = dominant(false);
          const int lead_in = previous < 0 ? lead_in_subject(i) : -1;
          if (lead_in >= 0) {
            described = lead_in;
          } else if (previous >= 0 &&
                     !introduced_otherwise(previous, pos, head)) {
            described = previous;
          } else if (main >= 0 && !introduced_otherwise(main, pos, head)) {
            described = main;
          } else {
            described = previous >= 0 ? previous : main;
          }
        }
        if (described < 0 && a.organization) {
          described = described_organization(a.subject, /*named_only=*/false);
        }
        if (described < 0 &&
            !(a.organization &&
              NamesItsOrganisation(DescriptionHead(text, a.subject)))) {
          // An organisation named once and never speaking is no better a
          // guess than none ("The governor's office said").
          described = dominant(a.organization);
          if (a.organization && described >= 0 &&
              (weight[described] < 2 || OwnedDescription(text, a.subject))) {
            described = -1;
          }
        }
        speaker[i] = described;
        break;
      }
      case SubjectKind::kContinuation:
      case SubjectKind::kCarryOver:
        if (a.link >= 0 && a.link < i) {
          speaker[i] = speaker[a.link];
          // "“A,” Lee said. Ruiz disagreed. “B.”": a different person
          // opening a sentence between the parts takes over.
          const int other = sentence_subject_between(quotes[a.link].outer.end,
                                                     quotes[i].outer.begin);
          if (other >= 0 && other != speaker[i]) speaker[i] = other;
        }
        break;
      default:
        break;
    }
  }
  // Links forward (a multi-paragraph quote's earlier parts), last first.
  for (int i = nq - 1; i >= 0; --i) {
    const Attribution& a = attributions[i];
    if (a.kind == SubjectKind::kCarryOver && a.link > i && a.link < nq) {
      speaker[i] = speaker[a.link];
    }
  }
  // Stage names built from an initial ("K-Dot", "J.Lo", "A-Rod") are read
  // like an anaphor: the nearest person mentioned before the quote whose
  // given name or surname has that initial, among the last three people
  // mentioned. Only when the nickname has no full-name alias of its own;
  // an explicit link ("X, known as Y") is made by the recognizer instead.
  for (int i = 0; i < nq; ++i) {
    const int e = speaker[i];
    if (e < 0) continue;
    const entities::Entity& ent = analysis.entities[e];
    if (ent.type != EntityType::kPerson ||
        !IsInitialNickname(ent.display_name)) {
      continue;
    }
    bool full_alias = false;
    for (const std::string& alias : ent.aliases) {
      full_alias |=
          alias.find(' ') != std::string::npos && !IsInitialNickname(alias);
    }
    if (full_alias) continue;
    const char initial = ent.display_name[0];
    auto it = std::lower_bound(
        persons.begin(), persons.end(), quotes[i].outer.begin,
        [](const PersonMention& m, size_t p) { return m.begin < p; });
    std::vector<int> seen;
    while (it != persons.begin() && seen.size() < 3) {
      --it;
      if (it->entity == e ||
          std::find(seen.begin(), seen.end(), it->entity) != seen.end()) {
        continue;
      }
      seen.push_back(it->entity);
      const std::string& name = analysis.entities[it->entity].display_name;
      const size_t space = name.rfind(' ');
      if (space == std::string::npos) continue;
      const bool given =
          EqualsIgnoreCase(name.substr(0, 1), std::string_view(&initial, 1));
      const bool surname = EqualsIgnoreCase(name.substr(space + 1, 1),
                                            std::string_view(&initial, 1));
      if (given || surname) {
        speaker[i] = it->entity;
        break;
      }
    }
  }
  return speaker;
}

}  // namespace verbatim::extraction
