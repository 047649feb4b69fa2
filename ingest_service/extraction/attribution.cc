#include "ingest_service/extraction/attribution.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "common/text/fold.h"
#include "common/text/name_particles.h"
#include "ingest_service/entities/text_util.h"
#include "ingest_service/extraction/cue_verbs.h"
#include "ingest_service/extraction/lexicon.h"
#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

using entities::Gender;
using entities::TextSpan;

namespace {

constexpr size_t kMaxFrameBytes = 300;
// A post frame opened by a conjunction ("“Q”, but Ruiz told reporters",
// "“Q” when they asked"): below any cue before the quote.
constexpr double kCoordinatedPostConfidence = 0.7;

// The character boundary kMaxFrameBytes before (dir < 0) or after `pos`,
// clamped to the text.
size_t CharBoundaryAfter(std::string_view text, size_t pos, int dir) {
  size_t p;
  if (dir < 0) {
    p = pos > kMaxFrameBytes ? pos - kMaxFrameBytes : 0;
  } else {
    p = std::min(text.size(), pos + kMaxFrameBytes);
  }
  while (p > 0 && p < text.size() &&
         (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    dir < 0 ? ++p : --p;
  }
  return p;
}

}  // namespace

struct Attributor::Frame {
  // Replaces the tokens with those of text[span] (none when it is empty).
  void Fill(std::string_view text, TextSpan span) {
    toks.clear();
    words.clear();
    if (span.end > span.begin) Tokenize(text, span, toks);
    for (const Token& t : toks) {
      words.push_back(text.substr(t.span.begin, t.span.end - t.span.begin));
    }
  }

  std::vector<Token> toks;
  std::vector<std::string_view> words;  // text of each token
  // The marks of transparent (title) quotes stay in the frame as
  // punctuation tokens, so "the “Main Street” singer" still reads as one
  // description.
  bool IsWord(int i) const { return toks[i].kind == TokenKind::kWord; }
  bool Is(int i, std::string_view s) const { return words[i] == s; }
  int size() const { return static_cast<int>(toks.size()); }
};

namespace {

// Surnames keep at most "de la" or "van der" of particles in a row.
constexpr int kMaxSurnameParticles = 3;

bool IsQuoteMarkWord(std::string_view w) {
  return w == "\"" || w == "'" || w == "\u201C" || w == "\u201D" ||
         w == "\u2018" || w == "\u2019" || w == "\u00AB" || w == "\u00BB";
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  size_t len;
  char32_t c = DecodeAt(w, 0, len);
  if (c == '.' && w.size() > 1) c = DecodeAt(w, 1, len);
  return IsUpper(c) || (c >= 0x80 && IsWordChar(c) && !IsLower(c));
}

bool StartsLower(std::string_view w) {
  if (w.empty()) return false;
  size_t len;
  return IsLower(DecodeAt(w, 0, len));
}

// Role nouns (lexicons/role_nouns.txt) that describe an organisation.
bool IsOrganizationRole(std::string_view kind) {
  return kind == "org" || kind == "named_org" || kind == "document";
}

bool IsAllCaps(std::string_view w) {
  bool letters = false;
  for (char ch : w) {
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 'A' && ch <= 'Z') letters = true;
  }
  return letters;
}

bool EndsWithLy(std::string_view w) {
  return w.size() > 4 && w.substr(w.size() - 2) == "ly";
}

bool IsPreposition(std::string_view w) {
  return w == "of" || w == "for" || w == "at" || w == "from" || w == "with" ||
         w == "in";
}

// "I'll" and "she’s" are their pronouns.
std::string_view WithoutContraction(std::string_view w) {
  size_t mark = w.find('\'');
  size_t mark_len = 1;
  if (mark == std::string_view::npos) {
    mark = w.find("\u2019");
    mark_len = 3;
  }
  if (mark == std::string_view::npos || mark == 0) return w;
  const std::string_view tail = w.substr(mark + mark_len);
  for (std::string_view suffix : {"ll", "ve", "d", "m", "re", "s"}) {
    if (EqualsIgnoreCase(tail, suffix)) return w.substr(0, mark);
  }
  return w;
}

// "“A,” Lee began.¶“Up by how much?” Ruiz cut in.¶“I don't know.”": an
// unframed paragraph after a framed question answers it, so it goes to
// whoever spoke in the paragraph before the question, not the questioner.
// Returns the quote the answer continues: `question` unless it is one.
int AnswerLink(std::string_view text, absl::Span<const QuoteCandidate> quotes,
               const std::vector<Attribution>& out, int question) {
  const QuoteCandidate& q = quotes[question];
  const Attribution& framed = out[question];
  const int before = question - 1;
  if (before < 0 || !q.closed || q.inner.end <= q.inner.begin ||
      text[q.inner.end - 1] != '?' || !framed.adjacent_frame ||
      (framed.kind != SubjectKind::kName &&
       framed.kind != SubjectKind::kPronoun) ||
      quotes[before].nested || quotes[before].paragraph != q.paragraph - 1 ||
      out[before].kind == SubjectKind::kNone) {
    return question;
  }
  return before;
}

// "the 24-year-old", "The 46-year-old South African": an age standing for
// or describing a person.
bool IsAge(std::string_view w) { return w.ends_with("-year-old"); }

// Whether closed, un-nested quote `q` is all of paragraph `para` (a closing
// period may follow it).
bool FillsParagraph(const QuoteCandidate& q, TextSpan para) {
  return q.closed && !q.nested && q.outer.begin == para.begin &&
         q.outer.end + 1 >= para.end;
}

// Whether at least four in five of `part`'s words occur in `whole`.
bool WordsCovered(const std::vector<std::string>& part,
                  std::vector<std::string> whole) {
  size_t found = 0;
  for (const std::string& w : part) {
    auto it = std::find(whole.begin(), whole.end(), w);
    if (it == whole.end()) continue;
    ++found;
    whole.erase(it);
  }
  return !part.empty() && found * 5 >= part.size() * 4;
}

// "“The oldest story”¶“Overloading is the oldest story in our ferries.”
// Those were ...": a short quote standing alone as a paragraph (a pull quote
// or a subheading) whose words come again in a quote a few paragraphs on
// is that quote's, whoever it turns out to be.
void LinkPullQuotes(std::string_view text, const Segmentation& seg,
                    absl::Span<const QuoteCandidate> quotes,
                    std::vector<Attribution>& out) {
  constexpr int kMaxPullQuoteWords = 10;
  constexpr int kMaxParagraphsAhead = 4;
  const int nq = static_cast<int>(quotes.size());
  auto words_of = [text](TextSpan span) {
    return text::FoldedWords(
        absl::string_view(text.data() + span.begin, span.end - span.begin));
  };
  for (int qi = 0; qi < nq; ++qi) {
    const QuoteCandidate& q = quotes[qi];
    if (out[qi].kind != SubjectKind::kNone || q.words > kMaxPullQuoteWords ||
        !FillsParagraph(q, seg.paragraphs[q.paragraph])) {
      continue;
    }
    const std::vector<std::string> words = words_of(q.inner);
    for (int k = qi + 1;
         k < nq && quotes[k].paragraph <= q.paragraph + kMaxParagraphsAhead;
         ++k) {
      if (quotes[k].nested || quotes[k].paragraph == q.paragraph ||
          !WordsCovered(words, words_of(quotes[k].inner))) {
        continue;
      }
      out[qi].kind = SubjectKind::kCarryOver;
      out[qi].link = k;
      out[qi].rule = "pull_quote";
      out[qi].confidence = 0.5;
      break;
    }
  }
}

Gender GenderOfTitle(std::string_view w) {
  if (EqualsIgnoreCase(w, "mr") || EqualsIgnoreCase(w, "sir") ||
      EqualsIgnoreCase(w, "lord") || EqualsIgnoreCase(w, "king") ||
      EqualsIgnoreCase(w, "prince") || EqualsIgnoreCase(w, "father")) {
    return Gender::kMale;
  }
  if (EqualsIgnoreCase(w, "mrs") || EqualsIgnoreCase(w, "ms") ||
      EqualsIgnoreCase(w, "miss") || EqualsIgnoreCase(w, "dame") ||
      EqualsIgnoreCase(w, "lady") || EqualsIgnoreCase(w, "queen") ||
      EqualsIgnoreCase(w, "princess") || EqualsIgnoreCase(w, "sister")) {
    return Gender::kFemale;
  }
  return Gender::kUnknown;
}

}  // namespace

absl::StatusOr<Attributor> Attributor::Create() {
  Lexicons lex;
  struct Item {
    text::Lexicon* target;
    std::string_view file;
  } items[] = {
      {&lex.particles, "cue_particles.txt"},
      {&lex.abbreviations, "abbreviations.txt"},
      {&lex.honorifics, "honorifics.txt"},
      {&lex.pronouns, "pronouns.txt"},
      {&lex.roles, "role_nouns.txt"},
      {&lex.stopwords, "name_stopwords.txt"},
      {&lex.skip_words, "frame_skip_words.txt"},
      {&lex.determiners, "determiners.txt"},
      {&lex.colon_verbs, "colon_verbs.txt"},
      {&lex.excerpt_verbs, "excerpt_verbs.txt"},
      {&lex.sentence_openers, "sentence_openers.txt"},
      {&lex.object_prepositions, "object_prepositions.txt"},
      {&lex.adjective_endings, "adjective_endings.txt"},
      {&lex.utterance_nouns, "utterance_nouns.txt"},
      {&lex.subordinators, "subordinators.txt"},
  };
  // Shared with the speaker resolver's copies: each file is parsed once.
  for (const Item& item : items) *item.target = EmbeddedLexicon(item.file);
  return Attributor(std::move(lex));
}

bool Attributor::LooksLikeAdjective(std::string_view w) const {
  for (const auto& [ending, unused] : lex_.adjective_endings.entries()) {
    if (w.size() > ending.size() + 2 && w.ends_with(ending)) return true;
  }
  return false;
}

bool Attributor::IsAbbreviationPeriod(const Frame& f, int k) const {
  if (k <= 0 || !f.IsWord(k - 1)) return false;
  const std::string_view w = f.words[k - 1];
  if (w.size() == 1 || lex_.abbreviations.ContainsFolded(w)) return true;
  if (k + 1 < f.size() && f.Is(k + 1, ",")) return true;  // "R-Ky., said"
  // A period inside parentheses ("(D-Wis.)") does not end the sentence.
  for (int t = k - 1; t >= 0 && k - t < 6; --t) {
    if (f.Is(t, ")")) return false;
    if (f.Is(t, "(")) return true;
  }
  return false;
}

int Attributor::SkipParenthetical(const Frame& f, int k) const {
  if (k < f.size() && f.Is(k, "(")) {
    for (int t = k + 1; t < f.size() && t - k < 8; ++t) {
      if (f.Is(t, ")")) return t + 1;
    }
  }
  return k;
}

bool Attributor::DescribesRoleOfKind(std::string_view text,
                                     const Attribution& a,
                                     std::string_view kind) const {
  return a.kind == SubjectKind::kDescription &&
         IsRoleOfKind(LastWord(text.substr(a.subject.begin,
                                           a.subject.end - a.subject.begin)),
                      kind);
}

bool Attributor::IsRoleOfKind(std::string_view word,
                              std::string_view kind) const {
  const std::optional<std::string_view> role = lex_.roles.FindFolded(word);
  return role.has_value() && *role == kind;
}

int Attributor::SubjectStart(const Frame& f) const {
  return f.size() > 1 && f.IsWord(0) &&
                 lex_.sentence_openers.ContainsFolded(f.words[0])
             ? 1
             : 0;
}

bool Attributor::SubjectOpensClause(const Frame& f, int begin,
                                    size_t subject_begin) const {
  if (f.toks[begin].span.begin == subject_begin) return true;
  // "President Ana Ruiz", "Dr. Ruiz": titles before the name.
  auto title = [&](int k) {
    return (f.IsWord(k) && StartsUpper(f.words[k]) &&
            (lex_.honorifics.ContainsFolded(f.words[k]) ||
             IsRoleWord(f.words[k]))) ||
           (f.Is(k, ".") && k > begin);
  };
  const bool determiner =
      f.IsWord(begin) && lex_.determiners.ContainsFolded(f.words[begin]);
  if (!determiner && !title(begin)) return false;
  for (int k = begin + 1; k < f.size(); ++k) {
    if (f.toks[k].span.begin == subject_begin) return true;
    const bool lower = f.IsWord(k) && StartsLower(f.words[k]);
    if (!(determiner ? lower : title(k))) return false;
  }
  return false;
}

bool Attributor::IsIndefinite(std::string_view determiner) const {
  std::optional<std::string_view> kind =
      lex_.determiners.FindFolded(determiner);
  return kind.has_value() && *kind == "indefinite";
}

bool Attributor::IsCue(std::string_view word) const {
  return StartsLower(word) && IsCueVerb(word);
}

bool Attributor::IsCueAt(const Frame& f, int k) const {
  if (!f.IsWord(k)) return false;
  // "As Sen. Rosa Delacroix put it, “Q”": a verb that is a cue only with
  // the word its entry names after it.
  if (std::optional<std::string_view> needs = CueVerbNeeds(f.words[k]);
      needs.has_value() && !needs->empty()) {
    if (!StartsLower(f.words[k])) return false;
    // "spoke directly about": an adverb may come between.
    int next = k + 1;
    if (next + 1 < f.size() && f.IsWord(next) && EndsWithLy(f.words[next])) {
      ++next;
    }
    if (next >= f.size() || !f.IsWord(next) || f.words[next] != *needs) {
      return false;
    }
    // "She went on: “Q”", not "She went on the breakfast show": a particle
    // the verb needs ends its clause.
    return !lex_.particles.ContainsFolded(*needs) || next + 1 >= f.size() ||
           !f.IsWord(next + 1);
  }
  if (!IsCue(f.words[k])) return false;
  const std::string_view cue = f.words[k];
  if (!cue.ends_with('s') || cue == "says" || k + 1 >= f.size() ||
      !f.IsWord(k + 1)) {
    return true;
  }
  const std::string_view next = f.words[k + 1];
  return !(StartsLower(next) && next.size() > 4 && next.ends_with("ed"));
}

bool Attributor::IsRoleWord(std::string_view word) const {
  // "international" heads a description ("the Argentina international")
  // but is no title ("International Longshoremen's Association").
  if (std::optional<std::string_view> kind = lex_.roles.FindFolded(word)) {
    return *kind != "description";
  }
  // "Singer-songwriter", "Actor-director": a compound of role nouns.
  if (word.find('-') == std::string_view::npos) return false;
  size_t pos = 0;
  while (pos <= word.size()) {
    size_t end = word.find('-', pos);
    if (end == std::string_view::npos) end = word.size();
    if (end == pos || !lex_.roles.ContainsFolded(word.substr(pos, end - pos))) {
      return false;
    }
    pos = end + 1;
  }
  return true;
}

bool Attributor::IsSurnameParticle(std::string_view word) const {
  return StartsLower(word) && text::IsSurnameParticle(word);
}

int Attributor::NameAfterParticles(const Frame& f, int k) const {
  int name = k;
  while (name < f.size() && name - k < kMaxSurnameParticles && f.IsWord(name) &&
         IsSurnameParticle(f.words[name])) {
    ++name;
  }
  return name > k && name < f.size() && f.IsWord(name) &&
                 StartsUpper(f.words[name]) && IsNameWord(f.words[name])
             ? name
             : -1;
}

int Attributor::AppositiveNameAfterRole(const Frame& f, int k) const {
  while (k + 1 < f.size() && f.IsWord(k + 1) && StartsLower(f.words[k + 1]) &&
         IsRoleWord(f.words[k + 1])) {
    ++k;
  }
  // "the guitarist Otis Renfro", "the union's president, Frank Dorsey"; but
  // a capitalised role word opens a name ("The International Longshoremen's
  // Association").
  const bool comma = k + 1 < f.size() && f.Is(k + 1, ",");
  if (!comma && !StartsLower(f.words[k])) return -1;
  const int name = comma ? k + 2 : k + 1;
  return name < f.size() && f.IsWord(name) && IsNameWord(f.words[name]) &&
                 !lex_.stopwords.ContainsFolded(f.words[name])
             ? name
             : -1;
}

bool Attributor::IsNameWord(std::string_view word) const {
  if (!StartsUpper(word)) {
    // "al-Nouri": a particle glued to a capitalised surname.
    const size_t hyphen = word.find('-');
    return hyphen != std::string_view::npos &&
           IsSurnameParticle(word.substr(0, hyphen)) &&
           StartsUpper(word.substr(hyphen + 1));
  }
  if (IsAllCaps(word) && word.size() > 1) {
    // "WALLACE" is a name; "I" or a sentence-initial stopword is not.
    return !lex_.stopwords.ContainsFolded(word);
  }
  return true;
}

bool Attributor::NameRun(const Frame& f, int begin, int end) const {
  for (int t = begin; t < end; ++t) {
    if (f.IsWord(t) ? !IsNameWord(f.words[t]) : !f.Is(t, ".")) return false;
  }
  return true;
}

bool Attributor::TitledName(const Frame& f, int begin, int end) const {
  int t = begin;
  while (t < end && f.IsWord(t) && StartsLower(f.words[t]) &&
         IsRoleWord(f.words[t])) {
    ++t;
  }
  return t > begin && t < end && NameRun(f, t, end);
}

int Attributor::LastPersonRoleIn(const Frame& f, int begin, int end) const {
  for (int r = end - 1; r >= begin; --r) {
    if (!f.IsWord(r) || !StartsUpper(f.words[r])) continue;
    // "Martin Luther King Jr.": no name follows.
    if (r + 1 < f.size() && f.IsWord(r + 1) &&
        lex_.abbreviations.ContainsFolded(f.words[r + 1])) {
      continue;
    }
    std::optional<std::string_view> kind = lex_.roles.FindFolded(f.words[r]);
    if (kind.has_value() && *kind == "person") return r;
  }
  return -1;
}

bool Attributor::RoleThenName(const Frame& f, int begin, int end) const {
  if (end - begin < 3 || !f.IsWord(begin) ||
      !lex_.determiners.ContainsFolded(f.words[begin]) ||
      lex_.roles.ContainsFolded(f.words[end - 1])) {
    return false;
  }
  const int role = LastPersonRoleIn(f, begin + 1, end - 1);
  return role > begin && NameRun(f, role + 1, end);
}

bool Attributor::SubjectBefore(std::string_view text, const Frame& f, int end,
                               int floor, Attribution& a) const {
  int j = end - 1;
  // Auxiliaries and adverbs between subject and verb: "Lamar also said".
  int skipped = 0;
  while (
      j >= floor && skipped < 3 && f.IsWord(j) && StartsLower(f.words[j]) &&
      (lex_.skip_words.ContainsFolded(f.words[j]) || EndsWithLy(f.words[j]))) {
    --j;
    ++skipped;
  }
  // A day between subject and verb: "Marchand, who on Tuesday described".
  if (j - 1 > floor && f.Is(j - 1, "on") && f.IsWord(j) &&
      StartsUpper(f.words[j]) && lex_.stopwords.ContainsFolded(f.words[j])) {
    j -= 2;
  }
  if (j < floor) return false;
  // Parenthetical after a name: "Mike Pence (R-IN) said".
  auto skip_parenthetical = [&] {
    if (j >= floor && f.Is(j, ")")) {
      int k = j - 1;
      while (k >= floor && !f.Is(k, "(") && j - k < 8) --k;
      if (k >= floor && f.Is(k, "(")) j = k - 1;
    }
  };
  skip_parenthetical();
  // A comma pulled inside a closing mark ends an appositive too: 'Lindahl,
  // known to fans as “Teddy,” called'.
  if (j > floor && IsQuoteMarkWord(f.words[j]) && f.Is(j - 1, ",")) --j;
  // A relative clause holding commas of its own: "Corvex Systems, which is
  // based in Austin, Texas, said".
  if (j >= floor && f.Is(j, ",")) {
    constexpr int kMaxRelativeClauseTokens = 36;
    for (int k = j - 1; k - 1 > floor && j - k < kMaxRelativeClauseTokens;
         --k) {
      if (f.Is(k - 1, ",") && f.IsWord(k) && IsRelativePronoun(f.words[k])) {
        // "The group, which calls itself Copperhand, said": the name it
        // goes by.
        Attribution named;
        if (k + 3 < j && (f.Is(k + 1, "calls") || f.Is(k + 1, "called")) &&
            f.IsWord(k + 2) && IsReflexivePronoun(f.words[k + 2]) &&
            SubjectAfter(text, f, k + 3, named) &&
            named.kind == SubjectKind::kName) {
          a = named;
          return true;
        }
        j = k - 2;
        skip_parenthetical();
        break;
      }
    }
  }
  // Appositive or relative clause: "Hugh Hill, a doctor, said",
  // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said".
  if (j >= floor && f.Is(j, ",")) {
    int k = j - 1;
    while (k >= floor && !f.Is(k, ",") && j - k < 16) --k;
    if (k > floor && f.Is(k, ",") && j - k > 1) {
      const std::string_view first = f.words[k + 1];
      const bool appositive = !StartsUpper(first) ||
                              lex_.determiners.ContainsFolded(first) ||
                              EqualsIgnoreCase(first, "who") ||
                              (j - k == 2 && entities::IsPartyTag(first));
      // "One, a retired teacher from Leeds named Ana Diaz, told": so is a
      // name the appositive ends with after "named".
      int name_begin = j;
      while (name_begin - 1 > k + 1 && NameRun(f, name_begin - 1, j)) {
        --name_begin;
      }
      const bool named_at_end = name_begin < j && f.Is(name_begin - 1, "named");
      if (appositive && (TitledName(f, k + 1, j) || named_at_end ||
                         RoleThenName(f, k + 1, j))) {
        // "Her challenger, businessman Victor Salas, wrote": the titled
        // name between the commas is the subject its description leads.
        --j;
      } else if (appositive) {
        j = k - 1;
        skip_parenthetical();
      } else {
        // "a spokeswoman for the ministry, Ioana Popescu, told reporters":
        // a name between the commas is the subject its description leads.
        if (NameRun(f, k + 1, j)) --j;
      }
    }
  }
  if (j < floor || !f.IsWord(j)) return false;
  const std::string_view w = f.words[j];

  // "Dana Whitlock of the band Northern Lights, who called it “Q”": the
  // relative pronoun stands for the name before its comma.
  if (EqualsIgnoreCase(w, "who") && j - 1 > floor && f.Is(j - 1, ",")) {
    return SubjectBefore(text, f, j - 1, floor, a);
  }
  if (std::optional<std::string_view> g =
          lex_.pronouns.FindFolded(WithoutContraction(w))) {
    if (*g == "any") return false;  // "I said": the writer
    a.kind = SubjectKind::kPronoun;
    a.subject = f.toks[j].span;
    a.gender = *g == "male"     ? Gender::kMale
               : *g == "female" ? Gender::kFemale
                                : Gender::kUnknown;
    a.organization = *g == "group";
    return true;
  }

  // "the 41-year-old said": an age describes a person.
  const bool age = IsAge(w);
  if ((StartsLower(w) && !IsNameWord(w)) || age) {
    // Description: "the Compton rapper", "the mayor", "a spokesman".
    const int description_end = j;
    // "the mother of two said", "the head of state said": the role is
    // before "of".
    if (!age && j - 2 >= floor && f.Is(j - 1, "of") && f.IsWord(j - 2) &&
        StartsLower(f.words[j - 2]) && !lex_.roles.ContainsFolded(w) &&
        lex_.roles.ContainsFolded(f.words[j - 2])) {
      j -= 2;
    }
    const std::string_view head = f.words[j];
    std::optional<std::string_view> role =
        age ? std::nullopt : lex_.roles.FindFolded(head);
    if (!role.has_value() && !age && head.size() > 1 && head.back() == 's') {
      role = lex_.roles.FindFolded(head.substr(0, head.size() - 1));
    }
    if (!role.has_value() && !age) return false;
    for (int k = j - 1; k >= floor && j - k <= 7; --k) {
      // "the rapper said", and sentence-initial "The rapper said"; an owner
      // determines it too ("Nigeria's trade minister said").
      if (f.IsWord(k) && (lex_.determiners.ContainsFolded(f.words[k]) ||
                          (IsPossessive(f.words[k]) && k < j))) {
        a.kind = SubjectKind::kDescription;
        a.subject = {f.toks[k].span.begin, f.toks[description_end].span.end};
        a.organization = role.has_value() && IsOrganizationRole(*role);
        a.indefinite = IsIndefinite(f.words[k]);
        return true;
      }
      // "A Foreign, Commonwealth and Development Office spokesperson": a
      // comma between capitalised words lists the parts of a name.
      const bool comma_in_name = f.Is(k, ",") && k > floor && k + 1 < j &&
                                 f.IsWord(k - 1) &&
                                 StartsUpper(f.words[k - 1]) &&
                                 f.IsWord(k + 1) && StartsUpper(f.words[k + 1]);
      if ((f.Is(k, ",") && !comma_in_name) || f.Is(k, ".") || f.Is(k, ";")) {
        break;
      }
    }
    return false;
  }

  // A name: a run of capitalised words, initials, connectors and titles.
  if (!IsNameWord(w) || lex_.stopwords.ContainsFolded(w)) return false;
  // "Mr. Obama's remarks": a possessive is not the subject of a verb.
  if (IsPossessive(w)) return false;
  int b = j;
  for (int k = j - 1; k >= floor; --k) {
    const std::string_view x = f.words[k];
    if (f.IsWord(k) && IsNameWord(x) && !lex_.stopwords.ContainsFolded(x)) {
      b = k;
      continue;
    }
    if (f.IsWord(k) && text::IsPersonNameParticle(x) && StartsLower(x) &&
        k > floor && f.IsWord(k - 1) && IsNameWord(f.words[k - 1])) {
      b = k;
      continue;
    }
    // "van der Berg said": particles open the surname.
    if (f.IsWord(k) && IsSurnameParticle(x)) {
      b = k;
      continue;
    }
    // 'Brendan “Bull” Costigan wrote': a quoted nickname of one or two
    // words between given name and surname.
    if (IsQuoteMarkWord(x) && k == b - 1) {
      int open = k - 1;
      while (open > floor && k - open <= 2 && f.IsWord(open) &&
             IsNameWord(f.words[open])) {
        --open;
      }
      if (open > floor && open < k - 1 && IsQuoteMarkWord(f.words[open]) &&
          f.IsWord(open - 1) && IsNameWord(f.words[open - 1]) &&
          !lex_.stopwords.ContainsFolded(f.words[open - 1])) {
        b = open - 1;
        k = open - 1;
        continue;
      }
    }
    // "Dr." / "K." : a period after an abbreviation or an initial.
    if (f.Is(k, ".") && k > floor && f.IsWord(k - 1) &&
        StartsUpper(f.words[k - 1]) &&
        (lex_.abbreviations.ContainsFolded(f.words[k - 1]) ||
         f.words[k - 1].size() == 1)) {
      b = k - 1;
      --k;
      continue;
    }
    break;
  }
  // "the Ohio Republican said", "the Maine Senator said": a capitalised
  // run after a determiner ending in a person's role noun describes the
  // person ("The Harbor News Agency said" names an organisation).
  // So does a nationality, after an age or other modifiers too ("the
  // Belgian said", "The 46-year-old South African added").
  constexpr int kMaxModifiers = 3;
  int determiner = b - 1;
  while (determiner > floor && b - determiner <= kMaxModifiers &&
         f.IsWord(determiner) &&
         (StartsLower(f.words[determiner]) || IsAge(f.words[determiner])) &&
         !lex_.determiners.ContainsFolded(f.words[determiner])) {
    --determiner;
  }
  if (determiner >= floor && f.IsWord(determiner) &&
      lex_.determiners.ContainsFolded(f.words[determiner])) {
    std::optional<std::string_view> role = lex_.roles.FindFolded(w);
    const bool described = determiner == b - 1 && role.has_value() &&
                           (*role == "person" || *role == "description");
    const std::string_view run = text.substr(
        f.toks[b].span.begin, f.toks[j].span.end - f.toks[b].span.begin);
    static const text::Lexicon& demonyms = EntityLexicon("demonyms.txt");
    if (described || demonyms.ContainsFolded(run)) {
      a.kind = SubjectKind::kDescription;
      a.subject = {f.toks[determiner].span.begin, f.toks[j].span.end};
      a.indefinite = IsIndefinite(f.words[determiner]);
      return true;
    }
  }
  // "Mr. Morgan of the Sierra Club said": the run after a preposition is
  // the object; the speaker is the name before the preposition.
  {
    auto is_the = [&](int k) {
      return k >= floor && f.IsWord(k) && EqualsIgnoreCase(f.words[k], "the");
    };
    // "of the United Auto and Assembly Workers": an "and" inside the
    // object's name.
    int object = b;
    while (object - 2 >= floor && f.IsWord(object - 1) &&
           (EqualsIgnoreCase(f.words[object - 1], "and") ||
            f.Is(object - 1, "&")) &&
           f.IsWord(object - 2) && IsNameWord(f.words[object - 2])) {
      object -= 2;
      while (object - 1 >= floor && f.IsWord(object - 1) &&
             IsNameWord(f.words[object - 1]) &&
             !lex_.stopwords.ContainsFolded(f.words[object - 1])) {
        --object;
      }
    }
    int p = object - 1;
    if (object < b &&
        !(p >= floor &&
          (is_the(p) || (f.IsWord(p) && IsPreposition(f.words[p]))))) {
      p = b - 1;  // a list of names ("Lee and Ruiz said"), not an object
    }
    // "of the rock band Northern Lights": up to two words describing the
    // object after its article.
    int described = p;
    while (p - described < 2 && described > floor && f.IsWord(described) &&
           StartsLower(f.words[described]) &&
           !IsPreposition(f.words[described]) && !is_the(described)) {
      --described;
    }
    if (described < p && is_the(described)) p = described;
    if (is_the(p)) --p;
    // "The National Association of Defense Manufacturers said", "The Bank
    // of Tanzania said": an organisation's head before "of" makes one name
    // of both runs.
    std::optional<std::string_view> head_role =
        p > floor && f.IsWord(p - 1) && StartsUpper(f.words[p - 1])
            ? lex_.roles.FindFolded(f.words[p - 1])
            : std::nullopt;
    if (p >= floor && p + 1 == object && EqualsIgnoreCase(f.words[p], "of") &&
        head_role.has_value() && IsOrganizationRole(*head_role)) {
      int start = p - 1;
      while (start - 1 >= floor && f.IsWord(start - 1) &&
             IsNameWord(f.words[start - 1]) &&
             !lex_.determiners.ContainsFolded(f.words[start - 1])) {
        --start;
      }
      a.kind = SubjectKind::kName;
      a.subject = {f.toks[start].span.begin, f.toks[j].span.end};
      return true;
    }
    if (p >= floor && f.IsWord(p) && IsPreposition(f.words[p])) {
      Attribution inner;
      const bool found = p > floor && SubjectBefore(text, f, p, floor, inner);
      if (found && inner.kind == SubjectKind::kName) {
        a = inner;
        return true;
      }
      // "The mayor of Castrobel said", "the 31-year-old from Peckham said":
      // one person described by where they are from or what they head.
      // ("Officials at X", "a spokesman for X" speak for X.)
      const std::string_view head_word =
          found ? text.substr(inner.subject.begin,
                              inner.subject.end - inner.subject.begin)
                : std::string_view();
      const std::string_view head =
          head_word.substr(head_word.find_last_of(' ') + 1);
      // Not a group ("officials" is no singular role noun).
      const bool one_person = IsAge(head) || lex_.roles.ContainsFolded(head);
      if (found && inner.kind == SubjectKind::kDescription && one_person &&
          !inner.organization &&
          (EqualsIgnoreCase(f.words[p], "of") ||
           EqualsIgnoreCase(f.words[p], "from"))) {
        a = inner;
        return true;
      }
      // "Officials at Homeland Security Investigations said": the people
      // speak for the organisation, which is the better speaker. A
      // participle right after the run has it for subject ("footage of
      // Ines Okoro saying, “Q”"). Anything else ("32% of Republican
      // claims") makes the run an object.
      const bool participle_subject = !found && j == end - 1 &&
                                      end < f.size() && f.IsWord(end) &&
                                      f.words[end].ends_with("ing");
      if (!participle_subject &&
          (!found || inner.kind != SubjectKind::kDescription)) {
        return false;
      }
    }
  }
  // A lone capitalised role opening a sentence ("Officials said", "Police
  // say") describes a speaker rather than naming one.
  if (b == j) {
    std::optional<std::string_view> role = lex_.roles.FindFoldedOrSingular(w);
    if (role.has_value()) {
      a.kind = SubjectKind::kDescription;
      a.subject = f.toks[j].span;
      a.organization = IsOrganizationRole(*role);
      return true;
    }
  }
  // Strip leading titles ("Gov.", "Sen.", "President") but keep their gender,
  // and role words capitalised at a sentence start ("Singer-songwriter
  // Ana Ruiz announced").
  int s = b;
  while (s < j) {
    const std::string_view x = f.words[s];
    if (!f.IsWord(s)) break;
    if (lex_.honorifics.ContainsFolded(x)) {
      if (a.gender == Gender::kUnknown) a.gender = GenderOfTitle(x);
      ++s;
      if (s < j && f.Is(s, ".")) ++s;
      continue;
    }
    if (IsRoleWord(x)) {
      ++s;
      continue;
    }
    break;
  }
  // "the Ohio Republican Jim Harlow said": the capitalised person role ends
  // a description the name follows ("Stephen King said" ends in one).
  if (!lex_.roles.ContainsFolded(w)) {
    const int role = LastPersonRoleIn(f, s + 1, j);
    if (role > s) s = role + 1;
  }
  a.kind = SubjectKind::kName;
  a.subject = {f.toks[s].span.begin, f.toks[j].span.end};
  return true;
}

bool Attributor::SubjectAfter(std::string_view text, const Frame& f, int begin,
                              Attribution& a) const {
  int j = begin;
  while (j < f.size() && f.IsWord(j) &&
         lex_.particles.ContainsFolded(f.words[j]) && StartsLower(f.words[j])) {
    ++j;
  }
  if (j >= f.size() || !f.IsWord(j)) return false;
  const std::string_view w = f.words[j];
  if (std::optional<std::string_view> g =
          lex_.pronouns.FindFolded(WithoutContraction(w))) {
    if (*g == "any") return false;
    a.kind = SubjectKind::kPronoun;
    a.subject = f.toks[j].span;
    a.gender = *g == "male"     ? Gender::kMale
               : *g == "female" ? Gender::kFemale
                                : Gender::kUnknown;
    a.organization = *g == "group";
    return true;
  }
  // A bare role: "according to police", "said officials"; capitalised only
  // as a plural opening a sentence ("Protesters in the gallery chanted").
  const bool capitalised_plural_role =
      StartsUpper(w) && !IsAllCaps(w) && w.size() > 4 && w.back() == 's' &&
      (j + 1 >= f.size() || !f.IsWord(j + 1) || StartsLower(f.words[j + 1])) &&
      lex_.roles.FindFolded(w.substr(0, w.size() - 1)).has_value();
  if ((StartsLower(w) || capitalised_plural_role) &&
      !lex_.determiners.ContainsFolded(w)) {
    std::optional<std::string_view> role = lex_.roles.FindFoldedOrSingular(w);
    // "said host Hal Byrd", "said chief fire officer Ana Ruiz": a title
    // before a name, not a bare role. The title ends in a role word; other
    // lowercase words may come between.
    int name = j + 1;
    while (name < f.size() && name - j <= 3 && f.IsWord(name) &&
           StartsLower(f.words[name]) &&
           !lex_.determiners.ContainsFolded(f.words[name])) {
      ++name;
    }
    const bool name_follows = name < f.size() && f.IsWord(name) &&
                              IsNameWord(f.words[name]) &&
                              IsRoleWord(f.words[name - 1]);
    if (role.has_value() && !name_follows) {
      a.kind = SubjectKind::kDescription;
      a.subject = f.toks[j].span;
      a.organization = IsOrganizationRole(*role);
      return true;
    }
  }
  if (lex_.determiners.ContainsFolded(w) && j + 2 < f.size() &&
      f.IsWord(j + 1) && StartsUpper(f.words[j + 1]) &&
      lex_.honorifics.ContainsFolded(f.words[j + 1]) &&
      (f.Is(j + 2, ".") || (f.IsWord(j + 2) && IsNameWord(f.words[j + 2])))) {
    // "said the Rev. Peter Wherry": a title after the article. "said the
    // Speaker, Sir Ian Hale" is a role (below).
    ++j;
  } else if (lex_.determiners.ContainsFolded(w)) {
    // "said the mayor", "said a spokesman for the agency".
    for (int k = j + 1; k < f.size() && k - j <= 5; ++k) {
      if (!f.IsWord(k)) break;
      // "said the 24-year-old.": an age standing for its person.
      if (k == j + 1 && IsAge(f.words[k]) &&
          (k + 1 >= f.size() || !f.IsWord(k + 1))) {
        a.kind = SubjectKind::kDescription;
        a.subject = {f.toks[j].span.begin, f.toks[k].span.end};
        a.indefinite = IsIndefinite(w);
        return true;
      }
      std::optional<std::string_view> role = lex_.roles.FindFolded(f.words[k]);
      if (role.has_value()) {
        // "said the union leader": the last noun of a compound is its head.
        while (k + 1 < f.size() && f.IsWord(k + 1) &&
               StartsLower(f.words[k + 1])) {
          const auto head = lex_.roles.FindFolded(f.words[k + 1]);
          if (!head.has_value()) break;
          role = head;
          ++k;
        }
        // "said the union's general secretary, Ola Berg", "said the
        // guitarist Otis Renfro": the name after the role is the speaker.
        if (const int name = AppositiveNameAfterRole(f, k); name >= 0) {
          Attribution named;
          if (SubjectAfter(text, f, name, named) &&
              named.kind == SubjectKind::kName) {
            a = named;
            return true;
          }
        }
        a.kind = SubjectKind::kDescription;
        a.subject = {f.toks[j].span.begin, f.toks[k].span.end};
        a.organization = IsOrganizationRole(*role);
        a.indefinite = IsIndefinite(w);
        return true;
      }
      // "an evidently shaken Nwosu-Clarke": adjectives before a name, not
      // before a role ("the Compton rapper").
      if (StartsLower(f.words[k])) continue;
      bool adjectives = k > j + 1;
      for (int m = j + 1; m < k; ++m) {
        adjectives &= f.IsWord(m) && StartsLower(f.words[m]) &&
                      LooksLikeAdjective(f.words[m]);
      }
      Attribution named;
      if (!adjectives || !SubjectAfter(text, f, k, named) ||
          named.kind != SubjectKind::kName) {
        continue;
      }
      int after = k;
      while (after < f.size() && f.toks[after].span.end <= named.subject.end)
        ++after;
      if (IsPossessive(f.words[after - 1]) ||
          (after < f.size() && f.IsWord(after) && IsRoleWord(f.words[after]))) {
        continue;
      }
      a = named;
      return true;
    }
    return false;
  }
  // Modifiers before the name: "said 9/11 widow Terry Strada".
  {
    int m = j;
    while (m < f.size() && m - j < 5 && !f.Is(m, ",") && !f.Is(m, ".") &&
           (!f.IsWord(m) || !StartsUpper(f.words[m]))) {
      ++m;
    }
    if (m > j && m < f.size() && m - 1 >= j && f.IsWord(m - 1) &&
        IsRoleWord(f.words[m - 1]) && IsNameWord(f.words[m])) {
      j = m;
    }
  }
  // Titles, then the capitalised run: "said Dr. Maria Ortiz, the ...".
  int s = j;
  while (s < f.size() && f.IsWord(s) &&
         lex_.honorifics.ContainsFolded(f.words[s]) &&
         StartsUpper(f.words[s])) {
    if (a.gender == Gender::kUnknown) a.gender = GenderOfTitle(f.words[s]);
    ++s;
    if (s < f.size() && f.Is(s, ".")) ++s;
  }
  // "said Secretary of State Ellen Marsh": the title's object, then the
  // name (its last two words, or the last one of two).
  if (s > j && s + 1 < f.size() && f.IsWord(s) &&
      (f.words[s] == "of" || f.words[s] == "for")) {
    int run_end = s + 1;
    while (run_end < f.size() && f.IsWord(run_end) &&
           IsNameWord(f.words[run_end])) {
      ++run_end;
    }
    const int run = run_end - (s + 1);
    if (run >= 2) s = run_end - (run >= 3 ? 2 : 1);
  }
  // "said van der Berg": a surname opened by particles.
  const int head = std::max(s, NameAfterParticles(f, s));
  if (head >= f.size() || !f.IsWord(head) || !IsNameWord(f.words[head]) ||
      lex_.stopwords.ContainsFolded(f.words[head])) {
    return false;
  }
  int e = head;
  for (int k = head + 1; k < f.size(); ++k) {
    const std::string_view x = f.words[k];
    if (f.IsWord(k) && IsNameWord(x)) {
      e = k;
      continue;
    }
    if (f.IsWord(k) && text::IsPersonNameParticle(x) && StartsLower(x) &&
        k + 1 < f.size() && f.IsWord(k + 1) && IsNameWord(f.words[k + 1])) {
      continue;
    }
    // "Margit van der Berg": a run of particles before the surname.
    if (const int name = NameAfterParticles(f, k); name > k) {
      k = name - 1;
      continue;
    }
    if (f.Is(k, ".") && f.words[k - 1].size() == 1 && k + 1 < f.size() &&
        f.IsWord(k + 1) && IsNameWord(f.words[k + 1])) {
      continue;  // middle initial "George W. Bush"
    }
    break;
  }
  // "MSNBC host Chris Matthews": an affiliation, a role, then the name.
  {
    int m = e + 1;
    int lower = 0;
    while (m < f.size() && f.IsWord(m) && StartsLower(f.words[m]) &&
           lower < 3) {
      ++m;
      ++lower;
    }
    // "said Norway's fisheries minister, Ola Berg": a comma may close the
    // role.
    const int name = lower > 0 && m < f.size() && f.Is(m, ",") ? m + 1 : m;
    if (lower > 0 && name < f.size() && f.IsWord(name) &&
        IsNameWord(f.words[name]) && IsRoleWord(f.words[m - 1])) {
      Attribution named;
      if (SubjectAfter(text, f, name, named) &&
          named.kind == SubjectKind::kName) {
        a = named;
        return true;
      }
    }
  }
  a.kind = SubjectKind::kName;
  a.subject = {f.toks[s].span.begin, f.toks[e].span.end};
  return true;
}

bool Attributor::AnalyzePost(std::string_view text, const Frame& f,
                             Attribution& a) const {
  if (f.size() == 0) return false;
  int i = 0;
  // Leading commas; a dash introduces dash attribution.
  while (i < f.size() && (f.Is(i, ",") || f.Is(i, ";"))) ++i;
  if (i < f.size() && !f.IsWord(i) && IsDash(CharAt(f.words[i], 0))) {
    Attribution d;
    if (SubjectAfter(text, f, i + 1, d) && d.kind == SubjectKind::kName) {
      d.rule = "dash";
      d.cue = std::string(f.words[i]);
      d.confidence = 0.85;
      d.adjacent_frame = true;
      a = d;
      return true;
    }
  }
  // "“It's a good start”: Nora Price, president of the union." (a list of
  // reactions): a full name after a colon, then a comma or the end.
  if (i < f.size() && f.Is(i, ":")) {
    Attribution d;
    if (SubjectAfter(text, f, i + 1, d) && d.kind == SubjectKind::kName) {
      int k = i + 1;
      while (k < f.size() && f.toks[k].span.end <= d.subject.end) ++k;
      const bool full_name =
          text.substr(d.subject.begin, d.subject.end - d.subject.begin)
              .find(' ') != std::string_view::npos;
      if (full_name && (k == f.size() || f.Is(k, ",") || f.Is(k, "."))) {
        d.rule = "colon_name";
        d.cue = ":";
        d.confidence = 0.8;
        d.adjacent_frame = true;
        a = d;
        return true;
      }
    }
  }
  // "“Q,” Scott Pruitt, the attorney general of Oklahoma, one of the states
  // suing, said": a name opening the frame, then commas, then the cue.
  {
    Attribution lead;
    if (i < f.size() && SubjectAfter(text, f, i, lead) &&
        lead.kind == SubjectKind::kName) {
      int k = i;
      while (k < f.size() && f.toks[k].span.end <= lead.subject.end) ++k;
      k = SkipParenthetical(f, k);
      if (k < f.size() && f.Is(k, ",")) {
        for (int c = k + 1; c < f.size() && c - k < 40; ++c) {
          if (IsCueAt(f, c) && f.Is(c - 1, ",")) {
            lead.rule = "post_name_verb";
            lead.confidence = 0.9;
            lead.cue = std::string(f.words[c]);
            lead.adjacent_frame = true;
            a = lead;
            return true;
          }
        }
      }
    }
  }
  // The cue must come within a few words, with only a subject before it.
  for (int k = i; k < f.size() && k - i <= 12; ++k) {
    if (!f.IsWord(k)) {
      if ((f.Is(k, ".") && !IsAbbreviationPeriod(f, k)) || f.Is(k, "!") ||
          f.Is(k, "?") || f.Is(k, ";")) {
        break;
      }
      continue;
    }
    if (!IsCueAt(f, k)) continue;
    Attribution s;
    if (k == i) {
      if (!SubjectAfter(text, f, k + 1, s)) return false;
      s.rule = "post_verb_name";
      s.confidence = 0.93;
    } else {
      if (!SubjectBefore(text, f, k, i, s)) continue;
      // Words before the subject are modifiers ("Tulsa police Chief Chuck
      // Jordan said") unless they contain a clause break.
      bool clause_break = false;
      for (int t = i; t < k && f.toks[t].span.begin < s.subject.begin; ++t) {
        if (f.Is(t, ",") && s.kind != SubjectKind::kName) clause_break = true;
      }
      if (clause_break) return false;
      s.rule = "post_name_verb";
      s.confidence = 0.95;
      // "“Q,” when Clinton blasted him": a subordinate subject is weaker;
      // a coordinated one weaker still ("called it “Q”, but Ruiz told
      // reporters ...": a clause of its own).
      for (int t = i; t < k && f.toks[t].span.begin < s.subject.begin; ++t) {
        if (f.IsWord(t) && StartsLower(f.words[t]) &&
            !lex_.determiners.ContainsFolded(f.words[t])) {
          s.confidence = 0.8;
        }
      }
      if (f.IsWord(i) && StartsLower(f.words[i]) &&
          (lex_.sentence_openers.ContainsFolded(f.words[i]) ||
           lex_.subordinators.ContainsFolded(f.words[i]))) {
        s.confidence = kCoordinatedPostConfidence;
      }
    }
    s.cue = std::string(f.words[k]);
    s.adjacent_frame = true;
    a = s;
    return true;
  }
  return false;
}

bool Attributor::AnalyzePre(std::string_view text, const Frame& f,
                            Attribution& a) const {
  const int n = f.size();
  if (n == 0) return false;
  // The last word before the quote decides adjacency: "said, “" / "said: “".
  int last = n - 1;
  const bool colon_or_comma = f.Is(last, ",") || f.Is(last, ":");
  // "Said Ellis: “Q”" — an inverted frame opening the sentence.
  if (f.IsWord(0) && StartsUpper(f.words[0]) && IsCueVerb(f.words[0])) {
    Attribution s;
    if (SubjectAfter(text, f, 1, s) && s.kind == SubjectKind::kName) {
      s.rule = "pre_verb_name";
      s.cue = std::string(f.words[0]);
      s.confidence = 0.9;
      s.adjacent_frame = colon_or_comma && last - 1 <= 6;
      a = s;
      return true;
    }
  }
  // "Jean Roy, the minister of X, a member of Y, said “Q”": the name that
  // opens the sentence, a chain of appositives, then the cue.
  int intro = -1;  // first token after an introductory phrase and comma
  for (int c = 0; c < n && c < 15; ++c) {
    if (f.Is(c, ",")) {
      intro = c + 1;
      break;
    }
  }
  // The subject begins at `start`, or after the title words and
  // abbreviation dots opening it ("Sen. Margaret Whitfield"), or after an
  // affiliation and a role ("Rijeka head coach Ivo Maric").
  auto opens_with = [&](int start, TextSpan subject) {
    bool lower = false;
    for (int k = start; k < n && k < start + 6; ++k) {
      if (f.toks[k].span.begin == subject.begin) {
        return !lower || IsRoleWord(f.words[k - 1]);
      }
      if (f.IsWord(k) && StartsLower(f.words[k])) {
        lower = true;
      } else if (!f.Is(k, ".") && !(f.IsWord(k) && StartsUpper(f.words[k]))) {
        break;
      }
    }
    return false;
  };
  for (int start : {0, intro}) {
    if (start < 0 || start >= n) continue;
    Attribution lead;
    if (SubjectAfter(text, f, start, lead) && lead.kind == SubjectKind::kName &&
        opens_with(start, lead.subject) &&
        !entities::IsPartyTag(text.substr(
            lead.subject.begin, lead.subject.end - lead.subject.begin))) {
      int k = start;
      while (k < n && f.toks[k].span.end <= lead.subject.end) ++k;
      k = SkipParenthetical(f, k);
      if (k < n && f.Is(k, ",")) {
        for (int c = k + 1; c < n && c - k < 40; ++c) {
          if (IsCueAt(f, c) && f.Is(c - 1, ",")) {
            lead.rule = colon_or_comma ? "pre_name_verb" : "pre_name_verb_that";
            lead.confidence = 0.85;
            lead.cue = std::string(f.words[c]);
            lead.adjacent_frame = colon_or_comma && last - c <= 5;
            lead.fragment = !colon_or_comma;
            a = lead;
            return true;
          }
          if (f.Is(c, ";") || f.Is(c, ":")) break;
        }
      }
    }
  }
  // Pass 0: a cue with its own subject. Pass 1: a participle ("saying")
  // whose subject opens the sentence.
  for (int pass = 0; pass < 2; ++pass)
    for (int k = n - 1; k >= 0; --k) {
      if (!IsCueAt(f, k)) continue;
      Attribution s;
      bool participle = false;
      if (pass == 0 && !SubjectBefore(text, f, k, 0, s) &&
          !CoordinatedSubject(text, f, k, s)) {
        continue;
      }
      if (pass == 1) {
        // Any cue: "Trump, in a speech, then said" has lost its subject too.
        // "Trump sent tweets on Friday saying that ... “Q”": the sentence's
        // opening name is the subject of the participle.
        // Also after an introductory phrase: "During a speech, Trump ...".
        int starts[2] = {0, -1};
        for (int c = 0; c < k && c < 15; ++c) {
          if (f.Is(c, ",")) {
            starts[1] = c + 1;
            break;
          }
        }
        for (int st : starts) {
          if (st < 0 || participle) continue;
          // "Governor Ray Calloway has made crime ..., telling rallies that
          // “Q”"; a pronoun only for a participle ("At a rally, he went
          // further, saying that “Q”", not "He released a letter that says").
          Attribution lead;
          const bool participle_cue = f.words[k].ends_with("ing");
          if (k > st + 2 && SubjectAfter(text, f, st, lead) &&
              (lead.kind == SubjectKind::kName ||
               (lead.kind == SubjectKind::kPronoun && !lead.organization &&
                participle_cue)) &&
              opens_with(st, lead.subject)) {
            int e = st;
            while (e < n && f.toks[e].span.end <= lead.subject.end) ++e;
            e = SkipParenthetical(f, e);
            // "Alvarenga, the striker signed in May, waved ... and told".
            if (e < k && f.Is(e, ",")) {
              int close = e + 1;
              while (close < k && close - e < 25 && !f.Is(close, ",")) ++close;
              if (close < k && f.Is(close, ",")) e = close + 1;
            }
            // Not "Library supporters had called ...": a capitalised word
            // before a role noun qualifies the people, it does not name them.
            if (e < k && f.IsWord(e) && StartsLower(f.words[e]) &&
                !lex_.pronouns.ContainsFolded(f.words[e]) &&
                !lex_.roles.FindFoldedOrSingular(f.words[e]).has_value()) {
              s = lead;
              participle = true;
            }
          }
        }
        if (!participle) continue;
      }
      // Words between the cue and the quote: particles, an object ("told
      // reporters"), a time ("on Tuesday"), or "that" + clause (a fragment).
      const int gap = last - k;
      bool has_that = false;
      for (int t = k + 1; t < n; ++t) {
        if (f.Is(t, "that")) has_that = true;
      }
      s.adjacent_frame = colon_or_comma && gap <= 5;
      s.fragment = !colon_or_comma;
      s.rule =
          has_that || !colon_or_comma ? "pre_name_verb_that" : "pre_name_verb";
      s.confidence = s.rule == "pre_name_verb" ? 0.9 : 0.8;
      if (participle) {
        s.rule = "pre_subject_participle";
        s.confidence = 0.7;
      }
      s.cue = std::string(f.words[k]);
      a = s;
      return true;
    }
  // "Asked about it, the Maine senator was blunt: “Q”": no cue, but a colon
  // right before the quote and a subject opening the clause before it, then
  // a verb that opens a predicate (lexicons/colon_verbs.txt).
  if (f.Is(last, ":")) {
    int start = 0;
    for (int c = last - 1; c > 0; --c) {
      if (f.Is(c, ",")) {
        start = c + 1;
        break;
      }
    }
    Attribution s;
    // "Her son, Luc, who runs the farm now, was blunter: “Q”": the verb
    // follows appositives; the subject is the first name before them, else
    // the description opening the clause.
    const bool verb_first = start < last && f.IsWord(start) &&
                            StartsLower(f.words[start]) &&
                            lex_.colon_verbs.ContainsFolded(f.words[start]);
    if (verb_first) {
      Attribution named;
      Attribution described;
      for (int st = 0; st < start; ++st) {
        if (st > 0 && !f.Is(st - 1, ",")) continue;
        // "But Ana Ruiz, from Lagos, Nigeria, struck a kinder tone:".
        const int opens = st == 0 ? SubjectStart(f) : st;
        Attribution lead;
        if (!SubjectAfter(text, f, opens, lead) ||
            !SubjectOpensClause(f, opens, lead.subject.begin)) {
          continue;
        }
        if (lead.kind == SubjectKind::kName) {
          named = lead;
          break;
        }
        if (lead.kind == SubjectKind::kDescription &&
            described.kind == SubjectKind::kNone) {
          described = lead;
        }
      }
      s = named.kind != SubjectKind::kNone ? named : described;
      if (s.kind != SubjectKind::kNone) {
        s.rule = "pre_subject_colon";
        s.confidence = 0.7;
        s.adjacent_frame = last - start <= 6;
        a = s;
        return true;
      }
    }
    if (start < last && SubjectAfter(text, f, start, s) &&
        s.kind != SubjectKind::kNone &&
        SubjectOpensClause(f, start, s.subject.begin)) {
      int k = start;
      while (k < last && f.toks[k].span.end <= s.subject.end) ++k;
      // "Van Dijk's own message was simple:": the possessor of what was
      // said, a word or two of modifier before it.
      if (s.kind == SubjectKind::kName && IsPossessive(f.words[k - 1])) {
        int noun = k;
        while (noun < last && noun - k < 2 && f.IsWord(noun) &&
               StartsLower(f.words[noun]) &&
               !lex_.utterance_nouns.ContainsFolded(f.words[noun])) {
          ++noun;
        }
        if (noun < last && f.IsWord(noun) &&
            lex_.utterance_nouns.ContainsFolded(f.words[noun])) {
          // The subject is the owner without "'s".
          s.subject.end -= f.words[k - 1].ends_with("'s")
                               ? 2
                               : std::string_view("\u2019s").size();
          k = noun + 1;
        }
      }
      if (k < last && f.IsWord(k) && StartsLower(f.words[k]) &&
          lex_.colon_verbs.ContainsFolded(f.words[k])) {
        s.rule = "pre_subject_colon";
        s.confidence = 0.75;
        s.adjacent_frame = last - k <= 6;
        a = s;
        return true;
      }
    }
    // "On Instagram he kept it short:", "Then she did the thing everyone is
    // quoting:": a pronoun among the clause's first words and its verb.
    constexpr int kMaxWordsBeforePronoun = 3;
    for (int k = start; k < last && k - start < kMaxWordsBeforePronoun; ++k) {
      if (!SubjectAfter(text, f, k, s) || s.kind != SubjectKind::kPronoun ||
          s.organization || s.subject.begin != f.toks[k].span.begin ||
          k + 1 >= last || !f.IsWord(k + 1) || !StartsLower(f.words[k + 1])) {
        continue;
      }
      s.rule = "pre_subject_colon";
      s.confidence = 0.7;
      s.adjacent_frame = last - k <= 6;
      a = s;
      return true;
    }
  }
  return false;
}

bool Attributor::AnalyzePreviousSentence(std::string_view text,
                                         const Segmentation& seg,
                                         const QuoteCandidate& q,
                                         Attribution& a) const {
  // The quote must open its sentence.
  auto it = std::upper_bound(
      seg.sentences.begin(), seg.sentences.end(), q.outer.begin,
      [](size_t p, const TextSpan& s) { return p < s.begin; });
  if (it == seg.sentences.begin()) return false;
  const int si = static_cast<int>(it - seg.sentences.begin()) - 1;
  if (seg.sentences[si].begin != q.outer.begin || si == 0) return false;
  if (seg.sentence_paragraph[si - 1] != q.paragraph) return false;
  Frame f;
  TextSpan prev = seg.sentences[si - 1];
  prev.begin = std::max(prev.begin, CharBoundaryAfter(text, prev.end, -1));
  f.Fill(text, prev);
  // The subject of cue `k`, searched back to `floor`; a description is no
  // speaker to carry over unless it names one person's role ("The detective
  // superintendent said there was no sign of crime. “Q”"), not a group
  // ("Critics said"), an organisation or someone unnamed.
  auto attribute = [&](int k, int floor, double confidence) {
    Attribution s;
    if (!SubjectBefore(text, f, k, floor, s) ||
        (s.kind == SubjectKind::kDescription &&
         (s.indefinite || s.organization ||
          !DescribesRoleOfKind(text, s, "person")))) {
      return false;
    }
    s.rule = s.kind == SubjectKind::kDescription
                 ? "previous_sentence/description"
                 : "previous_sentence";
    s.cue = std::string(f.words[k]);
    s.confidence = confidence;
    a = s;
    return true;
  };
  // "..., Schiff said." — the cue among the last words before the period.
  int end = f.size();
  if (end > 0 && f.Is(end - 1, ".")) --end;
  for (int k = end - 1; k >= 0 && end - k <= 4; --k) {
    if (!IsCueAt(f, k)) continue;
    if (attribute(k, 0, 0.7)) return true;
    // "She paused, then laughed. “Q”": the subject opening a sentence of
    // nothing but its verbs (after an adverb: "Then he smiled. “Q”").
    Attribution s;
    const int opener =
        f.IsWord(0) && lex_.sentence_openers.ContainsFolded(f.words[0]) ? 1 : 0;
    if (SubjectAfter(text, f, opener, s) &&
        s.subject.begin == f.toks[opener].span.begin &&
        (s.kind == SubjectKind::kPronoun || s.kind == SubjectKind::kName)) {
      bool verbs_only = true;
      for (int t = opener + 1; t < k && verbs_only; ++t) {
        verbs_only = f.toks[t].span.begin < s.subject.end || f.Is(t, ",") ||
                     (f.IsWord(t) && StartsLower(f.words[t]));
      }
      if (verbs_only && k - 1 <= 4) {
        s.rule = "previous_sentence";
        s.cue = std::string(f.words[k]);
        s.confidence = 0.6;
        a = s;
        return true;
      }
    }
    break;
  }
  // "Her father, she says, taught her tolerances. “Q”": a cue set off by
  // commas early in the sentence, after its subject.
  constexpr int kMaxCueAt = 12;
  for (int k = 2; k + 1 < end && k <= kMaxCueAt; ++k) {
    if (!f.Is(k + 1, ",") || !IsCueAt(f, k)) continue;
    int comma = k - 1;
    while (comma > 0 && k - comma <= 4 && !f.Is(comma, ",")) --comma;
    if (f.Is(comma, ",")) return attribute(k, comma + 1, 0.6);
  }
  // "Lin, who flew in for the shoot, said it began with a message. “Q”": the
  // sentence opens with its speaker and a cue reporting what they said.
  constexpr int kMaxLeadCueAt = 20;  // after a relative clause
  for (int k = 1; k < end && k <= kMaxLeadCueAt; ++k) {
    if (!IsCueAt(f, k)) continue;
    // Titles may come first ("Chief financial officer Rahul Venkataraman
    // said"), but no other clause.
    Attribution s;
    if (!SubjectBefore(text, f, k, 0, s)) return false;
    for (int t = 0; t < f.size() && f.toks[t].span.begin < s.subject.begin;
         ++t) {
      if (!f.IsWord(t)) return false;
    }
    return attribute(k, 0, 0.55);
  }
  return false;
}

bool Attributor::CoordinatedSubject(std::string_view text, const Frame& f,
                                    int cue, Attribution& a) const {
  constexpr int kMaxPredicateTokens = 8;
  int j = cue - 1;
  bool coordinated = false;
  if (j >= 0 && f.Is(j, "then")) {
    --j;
    coordinated = true;
  }
  if (j >= 0 && f.Is(j, "and")) {
    --j;
    coordinated = true;
  }
  if (j >= 0 && f.Is(j, ",")) --j;
  if (!coordinated || j < 0 || !f.IsWord(j)) return false;
  Attribution lead;
  if (!OpeningSubject(text, f, /*descriptions=*/true, lead)) return false;
  int e = 0;
  while (e < f.size() && f.toks[e].span.end <= lead.subject.end) ++e;
  // The first predicate runs straight from the subject to the coordinator:
  // an appositive or a second clause leaves the subject in doubt.
  if (e > j || j - e >= kMaxPredicateTokens) return false;
  for (int t = e; t <= j; ++t) {
    if (!f.IsWord(t)) return false;
  }
  a = lead;
  return true;
}

bool Attributor::OpeningSubject(std::string_view text, const Frame& f,
                                bool descriptions, Attribution& lead) const {
  constexpr int kMaxIntroTokens = 32;
  // The subject opens the sentence, or follows an opening clause ("Asked
  // about the record, Lee spoke for minutes").
  int start = 0;
  // A subject of a wanted kind starts at `k`, or after a title there ("Ms
  // Okonkwo").
  auto subject_at = [&](int k) {
    if (!SubjectAfter(text, f, k, lead)) return false;
    if (lead.kind != SubjectKind::kName &&
        (!descriptions || (lead.kind != SubjectKind::kPronoun &&
                           lead.kind != SubjectKind::kDescription))) {
      return false;
    }
    int at = k;
    if (at < f.size() && f.IsWord(at) &&
        lex_.honorifics.ContainsFolded(f.words[at])) {
      ++at;
      if (at < f.size() && f.Is(at, ".")) ++at;
    }
    // "an evidently shaken Nwosu-Clarke": a name after adjectives.
    const bool described_name = lead.kind == SubjectKind::kName &&
                                lex_.determiners.ContainsFolded(f.words[k]);
    return described_name || lead.subject.begin == f.toks[k].span.begin ||
           (at < f.size() && lead.subject.begin == f.toks[at].span.begin);
  };
  // An article or a preposition follows a participle, never a subject.
  auto article_or_preposition = [&](int k) {
    return k < f.size() && f.IsWord(k) &&
           (lex_.determiners.ContainsFolded(f.words[k]) ||
            lex_.object_prepositions.ContainsFolded(f.words[k]));
  };
  // "Accepting the award, Lee spoke": a participle taking an object opens
  // the clause before the subject.
  auto takes_object = [&]() {
    int e = 0;
    while (e < f.size() && f.toks[e].span.end <= lead.subject.end) ++e;
    return article_or_preposition(e);
  };
  // "But Lee, who ..., said": an opener before the subject.
  if (SubjectStart(f) == 1 && subject_at(1) && !takes_object()) {
    start = 1;
  } else if (!subject_at(0) || takes_object()) {
    do {
      while (start < f.size() && !f.Is(start, ",")) ++start;
      ++start;
    } while (start < f.size() && start < kMaxIntroTokens && !subject_at(start));
  }
  if (start >= f.size() || start >= kMaxIntroTokens) return false;
  // It must be the subject of a verb: not a possessive ("Trump's
  // campaign"), and followed, after any appositive or relative clause
  // ("Lee, who has run the firm since 2021,"), by a lowercase word that is
  // neither a pronoun nor a role noun ("Library supporters called it ..."),
  // nor an article or preposition.
  int e = start;
  while (e < f.size() && f.toks[e].span.end <= lead.subject.end) ++e;
  if (e == start || IsPossessive(f.words[e - 1])) return false;
  e = SkipParenthetical(f, e);
  if (e + 1 < f.size() && f.Is(e, ".") && f.Is(e + 1, ",")) ++e;  // "Inc.,"
  // "Ana Ruiz, 66, stood": an age between commas.
  if (e + 2 < f.size() && f.Is(e, ",") && f.IsWord(e + 1) &&
      absl::ascii_isdigit(static_cast<unsigned char>(f.words[e + 1][0])) &&
      f.Is(e + 2, ",")) {
    e += 3;
  }
  auto verb_at = [&](int k) {
    return k < f.size() && f.IsWord(k) && StartsLower(f.words[k]) &&
           !lex_.pronouns.ContainsFolded(f.words[k]) &&
           !article_or_preposition(k) &&
           !lex_.roles.FindFoldedOrSingular(f.words[k]).has_value();
  };
  // "Her editor at Vane, Ana Ruiz, remembers ...": a name in apposition to
  // the opening phrase, then a finite verb.
  if (start > 0 && e + 1 < f.size() && f.Is(e, ",") && verb_at(e + 1) &&
      (f.words[e + 1].ends_with("s") || f.words[e + 1].ends_with("ed"))) {
    return true;
  }
  if (e + 1 < f.size() && f.Is(e, ",") && f.IsWord(e + 1) &&
      StartsLower(f.words[e + 1])) {
    // The clause may hold commas of its own ("the Auburn Hills,
    // Michigan-based carmaker"): the verb is after one of them.
    constexpr int kMaxClauseTokens = 24;
    for (int k = e + 2; k + 1 < f.size() && k - e < kMaxClauseTokens; ++k) {
      if (f.Is(k, ",") && verb_at(k + 1)) return true;
    }
    return false;
  }
  return verb_at(e);
}

bool Attributor::AnalyzeSentenceSubject(std::string_view text,
                                        const Segmentation& seg,
                                        const QuoteCandidate& q,
                                        Attribution& a) const {
  if (!q.closed) return false;
  auto it = std::upper_bound(
      seg.sentences.begin(), seg.sentences.end(), q.outer.begin,
      [](size_t p, const TextSpan& s) { return p < s.begin; });
  if (it == seg.sentences.begin()) return false;
  const size_t sentence_begin = (it - 1)->begin;
  if (sentence_begin >= q.outer.begin || q.outer.begin - sentence_begin > 400) {
    return false;
  }
  Frame f;
  f.Fill(text, {sentence_begin, q.outer.begin});
  Attribution lead;
  if (!OpeningSubject(text, f, /*descriptions=*/false, lead)) return false;
  lead.rule = "sentence_subject";
  lead.confidence = 0.5;
  lead.fragment = true;
  a = lead;
  return true;
}

bool Attributor::AnalyzeWordsOfNext(std::string_view text,
                                    const Segmentation& seg,
                                    const QuoteCandidate& q,
                                    Attribution& a) const {
  const int next = q.paragraph + 1;
  if (!q.closed || next >= static_cast<int>(seg.paragraphs.size()) ||
      q.outer.end + 1 < seg.paragraphs[q.paragraph].end) {
    return false;
  }
  constexpr size_t kMaxOpeningBytes = 160;
  const TextSpan para = seg.paragraphs[next];
  Frame f;
  f.Fill(text, {para.begin, std::min(para.end, para.begin + kMaxOpeningBytes)});
  // "Those were the words of", "These are the views of".
  if (f.size() < 5 || !f.IsWord(0) ||
      !(EqualsIgnoreCase(f.words[0], "those") ||
        EqualsIgnoreCase(f.words[0], "these") ||
        EqualsIgnoreCase(f.words[0], "such")) ||
      !(f.Is(1, "were") || f.Is(1, "are") || f.Is(1, "was") || f.Is(1, "is"))) {
    return false;
  }
  const int k = f.Is(2, "the") ? 3 : 2;
  if (k + 1 >= f.size() || !lex_.utterance_nouns.ContainsFolded(f.words[k]) ||
      !f.Is(k + 1, "of")) {
    return false;
  }
  Attribution s;
  if (!SubjectAfter(text, f, k + 2, s) || s.kind != SubjectKind::kName) {
    return false;
  }
  s.rule = "words_of_next";
  s.cue = std::string(f.words[k]);
  s.confidence = 0.7;
  a = s;
  return true;
}

bool Attributor::AnalyzeParagraphIntro(std::string_view text,
                                       const Segmentation& seg,
                                       const QuoteCandidate& q,
                                       Attribution& a) const {
  if (q.paragraph <= 0 || q.outer.begin != seg.paragraphs[q.paragraph].begin) {
    return false;
  }
  const TextSpan prev_para = seg.paragraphs[q.paragraph - 1];
  // The last sentence of the previous paragraph.
  TextSpan sent = prev_para;
  for (int s = seg.paragraph_first_sentence[q.paragraph - 1];
       s < static_cast<int>(seg.sentences.size()) &&
       seg.sentences[s].begin < prev_para.end;
       ++s) {
    sent = seg.sentences[s];
  }
  sent.begin = std::max(sent.begin, CharBoundaryAfter(text, sent.end, -1));
  Frame f;
  f.Fill(text, sent);
  // A sentence with marks of its own is quoting, not introducing. One ending
  // in a colon after a verb of writing ("McCrummen reports:") opens a block
  // excerpt more often than speech.
  if (f.size() == 0) return false;
  // A title in marks ("his second album, “Concrete Psalms,” which ...") is
  // no quoting: up to five capitalised words between two marks; nor are
  // scare quotes of one or two words ("which critics called
  // “conversational”:").
  constexpr int kMaxTitleWords = 5;
  constexpr int kMaxScareQuoteWords = 2;
  for (int k = 0; k < f.size(); ++k) {
    if (!IsQuoteMarkWord(f.words[k])) continue;
    int close = k + 1;
    while (close < f.size() && close - k <= kMaxTitleWords + 1 &&
           !IsQuoteMarkWord(f.words[close]) &&
           (!f.IsWord(close) || !StartsLower(f.words[close]) ||
            close - k <= kMaxScareQuoteWords)) {
      ++close;
    }
    if (close >= f.size() || !IsQuoteMarkWord(f.words[close]) ||
        close == k + 1) {
      return false;
    }
    k = close;
  }
  const bool colon = f.Is(f.size() - 1, ":");
  bool excerpt = false;
  for (int k = 0; colon && k < f.size(); ++k) {
    excerpt = excerpt || lex_.excerpt_verbs.ContainsFolded(f.words[k]);
  }
  // "Her lawyer read a statement on behalf of the boy's mother, Maeve
  // Kerrigan.\n“A ...": the words are the person's they were read for.
  bool document = false;
  for (int k = 0; k < f.size(); ++k) {
    document = document || (f.IsWord(k) && StartsLower(f.words[k]) &&
                            IsRoleOfKind(f.words[k], "document"));
  }
  // The name right after word `k` is the speaker, by `rule`.
  auto name_after = [&](int k, const char* rule) {
    Attribution s;
    if (!SubjectAfter(text, f, k + 1, s) || s.kind != SubjectKind::kName) {
      return false;
    }
    s.rule = rule;
    s.confidence = 0.6;
    a = s;
    return true;
  };
  for (int k = 2; document && k + 1 < f.size(); ++k) {
    if (f.Is(k, "of") && f.Is(k - 1, "behalf") && f.Is(k - 2, "on")) {
      if (name_after(k, "paragraph_on_behalf")) return true;
      break;
    }
  }
  for (int k = 0; k < f.size(); ++k) {
    if (!IsCueAt(f, k)) continue;
    Attribution s;
    if (!SubjectBefore(text, f, k, 0, s)) continue;
    // "The memo read in part:" quotes the memo's own words, issued as a
    // statement; "McCrummen reports:" opens someone's excerpt.
    if (excerpt && !DescribesRoleOfKind(text, s, "document")) return false;
    s.rule = colon ? "pre_paragraph_colon" : "paragraph_intro";
    s.cue = std::string(f.words[k]);
    s.confidence = 0.7;
    a = s;
    return true;
  }
  if (excerpt) return false;
  // "The most emotional testimony came from Mei Zhao, who owns a bakery.":
  // the person the words came from.
  for (int k = 1; k + 1 < f.size(); ++k) {
    if (f.Is(k, "from") && f.IsWord(k - 1) &&
        (f.Is(k - 1, "came") || f.Is(k - 1, "comes") || f.Is(k - 1, "come"))) {
      if (name_after(k, "paragraph_source")) return true;
      break;
    }
  }
  // "Van Linden opened the call by reading a statement.\n“A ...": without a
  // cue, the person the sentence is about; before a colon, a pronoun or a
  // description too ("She went on:", "Asked again, the star went further:").
  Attribution s;
  if (!OpeningSubject(text, f, /*descriptions=*/colon, s)) return false;
  s.rule = "paragraph_subject";
  s.confidence = colon ? 0.7 : 0.5;
  a = s;
  return true;
}

bool Attributor::AnalyzeHeadlineLabel(std::string_view text, TextSpan para,
                                      const QuoteCandidate& q,
                                      Attribution& a) const {
  constexpr size_t kMaxLabelBytes = 60;
  if (q.outer.begin < para.begin ||
      q.outer.begin - para.begin > kMaxLabelBytes) {
    return false;
  }
  Frame head;
  head.Fill(text, {para.begin, q.outer.begin});
  const int colon = head.size() - 1;
  if (colon < 1 || !head.Is(colon, ":")) return false;
  // Only a bullet, a time or a zone ("• 16:51 BST") may come before the
  // name, which must run up to the colon.
  int k = 0;
  while (k < colon && (!head.IsWord(k) || IsAllCaps(head.words[k]) ||
                       !StartsUpper(head.words[k]))) {
    ++k;
  }
  Attribution s;
  // "Claim: “Q”", "Verdict: “Q”": a fact-check's field, not a speaker;
  // "Survivor: “Q”": a headline's unnamed person.
  if (k >= colon || colon - k > 5 ||
      (colon - k == 1 &&
       (lex_.utterance_nouns.ContainsFolded(head.words[k]) ||
        lex_.roles.FindFoldedOrSingular(head.words[k]).has_value())) ||
      !SubjectAfter(text, head, k, s) || s.kind != SubjectKind::kName ||
      s.subject.end != head.toks[colon - 1].span.end) {
    return false;
  }
  s.rule = "headline_label";
  s.cue = ":";
  s.confidence = 0.6;
  a = s;
  return true;
}

bool Attributor::AnalyzeAccordingTo(std::string_view text, const Frame& f,
                                    Attribution& a) const {
  for (int k = 0; k + 1 < f.size(); ++k) {
    if (f.IsWord(k) && EqualsIgnoreCase(f.words[k], "according") &&
        f.Is(k + 1, "to")) {
      Attribution s;
      if (SubjectAfter(text, f, k + 2, s)) {
        s.rule = "according_to";
        s.cue = "according to";
        s.confidence = 0.85;
        s.adjacent_frame = k <= 1;
        a = s;
        return true;
      }
    }
  }
  return false;
}

std::vector<Attribution> Attributor::Attribute(
    std::string_view text, const Segmentation& seg,
    absl::Span<const QuoteCandidate> quotes,
    const std::vector<bool>& frame_boundary) const {
  std::vector<Attribution> out(quotes.size());
  const int nq = static_cast<int>(quotes.size());
  size_t sent = 0;
  Frame pre, post;

  // Closest closed boundary quote before / after each quote, so the frame
  // search stays linear in the number of quotes.
  std::vector<int> prev_boundary(nq, -1), next_boundary(nq, -1);
  for (int qi = 0, last = -1; qi < nq; ++qi) {
    prev_boundary[qi] = last;
    if (frame_boundary[qi] && quotes[qi].closed) last = qi;
  }
  for (int qi = nq - 1, last = -1; qi >= 0; --qi) {
    next_boundary[qi] = last;
    if (frame_boundary[qi] && quotes[qi].closed) last = qi;
  }

  for (int qi = 0; qi < nq; ++qi) {
    const QuoteCandidate& q = quotes[qi];
    const TextSpan para = seg.paragraphs[q.paragraph];
    // Neighbouring closed boundary quotes in the same paragraph (an
    // unclosed one spans to the paragraph end, so it never bounds a frame).
    const int pb = prev_boundary[qi];
    const size_t prev_end = pb >= 0 && quotes[pb].paragraph == q.paragraph &&
                                    quotes[pb].outer.end <= q.outer.begin
                                ? quotes[pb].outer.end
                                : para.begin;
    const int nb = next_boundary[qi];
    const size_t next_begin = nb >= 0 && quotes[nb].paragraph == q.paragraph &&
                                      quotes[nb].outer.begin >= q.outer.end
                                  ? quotes[nb].outer.begin
                                  : para.end;
    // Sentence containing the opening mark.
    while (sent + 1 < seg.sentences.size() &&
           seg.sentences[sent + 1].begin <= q.outer.begin) {
      ++sent;
    }
    size_t sent_begin = para.begin;
    if (sent < seg.sentences.size() &&
        seg.sentences[sent].begin <= q.outer.begin &&
        seg.sentences[sent].begin >= para.begin) {
      sent_begin = seg.sentences[sent].begin;
    }
    // Frames are bounded so a huge paragraph of short quotes stays linear;
    // attribution cues sit within a few dozen words of the quote.
    const size_t pre_begin = std::max(
        {prev_end, sent_begin, CharBoundaryAfter(text, q.outer.begin, -1)});
    pre.Fill(text, {pre_begin, q.outer.begin});
    post.Fill(text,
              {q.outer.end,
               std::min(next_begin, CharBoundaryAfter(text, q.outer.end, 1))});
    // Cut the post frame at its first sentence end.
    for (int k = 0; k < post.size(); ++k) {
      if ((post.Is(k, ".") && !IsAbbreviationPeriod(post, k)) ||
          post.Is(k, "!") || post.Is(k, "?")) {
        post.toks.resize(k);
        post.words.resize(k);
        break;
      }
    }
    // A quote ending a sentence inside its marks ("...direct.”) is followed
    // by a new sentence, which is not its frame unless lowercase ("she said").
    const std::string_view inner =
        TrimSpaces(text.substr(q.inner.begin, q.inner.end - q.inner.begin));
    const bool ends_sentence =
        !inner.empty() &&
        (inner.back() == '.' || EndsWithIgnoreCase(inner, "\u2026"));
    bool post_allowed = q.closed;
    if (post_allowed && ends_sentence && post.size() > 0 && post.IsWord(0) &&
        !StartsLower(post.words[0])) {
      post_allowed = false;
    }

    Attribution a;
    if (post_allowed && AnalyzePost(text, post, a)) {
      // A weak post frame loses to a cue touching the quote from before, or
      // separated from it only by a time or place and a comma: "footage of
      // Trump saying during the debate, “That makes me smart,” when Clinton
      // ...".
      // A coordinated one loses to any cue before ("Lee wrote that it was
      // “Q”, but Ruiz told reporters ...").
      Attribution before;
      if (a.confidence < 0.85 && AnalyzePre(text, pre, before) &&
          (before.adjacent_frame || before.rule == "pre_name_verb" ||
           a.confidence <= kCoordinatedPostConfidence)) {
        a = before;
      }
    } else if (AnalyzePre(text, pre, a)) {
    } else if (AnalyzeAccordingTo(text, post, a) ||
               AnalyzeAccordingTo(text, pre, a)) {
    }
    // "Caddell continued:" closing the previous paragraph introduces a
    // block quote paragraph.
    if (a.kind == SubjectKind::kNone && q.outer.begin == para.begin &&
        q.paragraph > 0) {
      const TextSpan prev_para = seg.paragraphs[q.paragraph - 1];
      if (prev_para.end > prev_para.begin && text[prev_para.end - 1] == ':') {
        size_t b = prev_para.begin;
        for (int s = seg.paragraph_first_sentence[q.paragraph - 1];
             s < static_cast<int>(seg.sentences.size()) &&
             seg.sentences[s].begin < prev_para.end;
             ++s) {
          b = seg.sentences[s].begin;
        }
        pre.Fill(text, {std::max(b, CharBoundaryAfter(text, prev_para.end, -1)),
                        prev_para.end});
        if (AnalyzePre(text, pre, a)) {
          a.rule = "pre_paragraph_colon";
          a.confidence = 0.8;
        }
      }
    }
    // The rule names the frame shape and, for weaker subjects, their kind
    // ("post_name_verb/pronoun": “Q,” she said).
    if (a.kind == SubjectKind::kPronoun) {
      a.confidence -= 0.1;
      a.rule += "/pronoun";
    }
    if (a.kind == SubjectKind::kDescription) {
      a.confidence -= 0.2;
      a.rule += "/description";
    }
    // Pre-frame text that is a clause ("the goal was to address topics that
    // “we ...") makes the quote a fragment; so does a lowercase start.
    if (!a.fragment) {
      const bool clause_before =
          pre.size() > 0 && !pre.Is(pre.size() - 1, ",") &&
          !pre.Is(pre.size() - 1, ":") && !IsDash(CharAt(pre.words.back(), 0));
      a.fragment = (clause_before && !q.starts_upper) ||
                   (!q.starts_upper && pre.size() > 0);
    }
    out[qi] = std::move(a);
  }

  // Transcript labels: a paragraph opening "NAME:" ("PENCE: Well, look...").
  for (int qi = 0; qi < nq; ++qi) {
    if (out[qi].kind != SubjectKind::kNone) continue;
    const TextSpan para = seg.paragraphs[quotes[qi].paragraph];
    Frame head;
    head.Fill(text, {para.begin, std::min(para.end, para.begin + 80)});
    int k = 0;
    if (k < head.size() && IsQuoteMarkWord(head.words[k])) ++k;
    const int start = k;
    while (k < head.size() && head.IsWord(k) && IsAllCaps(head.words[k])) ++k;
    // "Q:" and "A:" of an interview label turns, not speakers.
    const bool turn_letter = k == start + 1 && head.words[start].size() == 1;
    if (k > start && !turn_letter && k < head.size() && head.Is(k, ":") &&
        k - start <= 4 && head.toks[k].span.end <= quotes[qi].outer.begin + 1) {
      Attribution a;
      a.kind = SubjectKind::kName;
      a.subject = {head.toks[start].span.begin, head.toks[k - 1].span.end};
      a.rule = "label";
      a.cue = ":";
      a.confidence = 0.75;
      out[qi] = a;
      continue;
    }
    Attribution a;
    if (AnalyzeHeadlineLabel(text, para, quotes[qi], a)) out[qi] = a;
  }

  // A multi-paragraph quote whose first part opens right after a paragraph
  // ending in a cue ("He described the months before.") is that speaker's;
  // its later parts carry over below.
  for (int qi = 0; qi < nq; ++qi) {
    const QuoteCandidate& q = quotes[qi];
    if (q.closed || !q.continues_next_paragraph || q.nested ||
        !frame_boundary[qi]) {
      continue;
    }
    // Only the first part: the paragraph before is not a part itself (its
    // nested quotes aside: "a backhand that was a ‘negotiation.’").
    int before = qi - 1;
    while (before >= 0 && quotes[before].nested) --before;
    if (before >= 0 && quotes[before].paragraph == q.paragraph - 1 &&
        quotes[before].continues_next_paragraph) {
      continue;
    }
    if (out[qi].kind == SubjectKind::kNone) {
      Attribution a;
      if (!AnalyzeParagraphIntro(text, seg, q, a)) continue;
      // Without a cue the intro yields to a frame ending the chain
      // ("“A ...\n“B,” Lee said."), which carry_back reads.
      if (a.rule == "paragraph_subject") {
        int last = qi;
        while (last + 1 < nq && quotes[last].continues_next_paragraph &&
               quotes[last + 1].paragraph == quotes[last].paragraph + 1) {
          ++last;
        }
        if (last != qi && out[last].kind != SubjectKind::kNone) continue;
      }
      if (a.kind == SubjectKind::kPronoun) {
        a.confidence -= 0.1;
        a.rule += "/pronoun";
      } else if (a.kind == SubjectKind::kDescription) {
        a.confidence -= 0.2;
        a.rule += "/description";
      }
      a.fragment = out[qi].fragment;
      out[qi] = a;
      out[qi].framed_chain = true;
    } else if ((out[qi].rule.starts_with("pre_paragraph_colon") ||
                (out[qi].adjacent_frame &&
                 out[qi].kind != SubjectKind::kNone)) &&
               (!lex_.excerpt_verbs.ContainsFolded(out[qi].cue) ||
                DescribesRoleOfKind(text, out[qi], "document"))) {
      // "In a statement, Halvorsen said:\n“A ...", "Sandhu said: “A ...",
      // "The memo read:\n“A ...": speech.
      out[qi].framed_chain = true;
    }
  }

  // Split quotes and paragraph carry-over, in text order; a quote opening a
  // sentence right after "..., Schiff said." takes that sentence's speaker
  // when no earlier quote of its paragraph claims it.
  int last_speech = -1;
  int last_framed = -1;  // the last quote with a frame, a scare quote too
  int open_part = -1;    // the last quote running on past its paragraph
  for (int qi = 0; qi < nq; ++qi) {
    // Previous quote that is speech (a boundary, or a short quote with a
    // touching frame).
    const int prev = last_speech;
    const int prev_framed = last_framed;
    // "“When I started, a director told me, “Q.” I ...\n“Tonight ...": a
    // quote inside an attributed speech running on is no speech of its own.
    const bool inside_speech =
        quotes[qi].nested && open_part >= 0 &&
        quotes[open_part].paragraph == quotes[qi].paragraph &&
        out[open_part].kind != SubjectKind::kNone;
    if (!quotes[qi].nested) open_part = quotes[qi].closed ? -1 : qi;
    if ((frame_boundary[qi] || out[qi].adjacent_frame) && !inside_speech) {
      last_speech = qi;
    }
    if (out[qi].kind == SubjectKind::kName ||
        out[qi].kind == SubjectKind::kPronoun) {
      last_framed = qi;
    }
    if (out[qi].kind != SubjectKind::kNone || !frame_boundary[qi]) continue;
    const bool same_para =
        prev >= 0 && quotes[prev].paragraph == quotes[qi].paragraph;
    if (same_para && out[prev].kind != SubjectKind::kNone) {
      out[qi].kind = SubjectKind::kContinuation;
      out[qi].link = prev;
      out[qi].rule = "continuation";
      out[qi].confidence = 0.85;
      // "“A,” she said. “B.\n“C.”": a part that runs on into the next
      // paragraph after a framed part of its own paragraph is speech, not
      // a block excerpt.
      out[qi].framed_chain = !quotes[qi].closed && (out[prev].adjacent_frame ||
                                                    out[prev].framed_chain);
      continue;
    }
    // Carry-over: this paragraph opens with the quote, and the previous
    // paragraph held the previous quote.
    const TextSpan para = seg.paragraphs[quotes[qi].paragraph];
    const bool opens_para = quotes[qi].outer.begin == para.begin;
    const bool adjacent_para =
        prev >= 0 && quotes[prev].paragraph == quotes[qi].paragraph - 1;
    if (opens_para && adjacent_para && out[prev].kind != SubjectKind::kNone &&
        !quotes[qi].nested) {
      out[qi].kind = SubjectKind::kCarryOver;
      out[qi].link = AnswerLink(text, quotes, out, prev);
      out[qi].rule = "carry_over";
      out[qi].confidence = 0.6;
      // The next part of a framed multi-paragraph quote, or one opening
      // right after a quote with a speech frame ("“A,” the president
      // said.\n“B ...\n“C.”") or a named speaker ("Lee said the party
      // lost “A.”\n“B ...").
      out[qi].framed_chain =
          (out[prev].framed_chain && quotes[prev].continues_next_paragraph &&
           !quotes[prev].closed) ||
          (!quotes[qi].closed && quotes[prev].closed &&
           (out[prev].adjacent_frame || out[prev].kind == SubjectKind::kName ||
            out[prev].kind == SubjectKind::kPronoun));
      continue;
    }
    // A paragraph that is only a quote, after a paragraph quoting someone in
    // fragments ("she called the conduct “outrageous” ... ¶ “If any bank
    // can't be managed, it should be broken up.”"): a block quote of theirs.
    const bool whole_para = FillsParagraph(quotes[qi], para);
    if (whole_para && prev_framed >= 0 &&
        quotes[prev_framed].paragraph == quotes[qi].paragraph - 1) {
      out[qi].kind = SubjectKind::kCarryOver;
      out[qi].link = prev_framed;
      out[qi].rule = "block_after_fragments";
      out[qi].confidence = 0.55;
      continue;
    }
    // "Mayor Deborah Chua said the showground was ready.\n“It has room for
    // 2,000 people.”": a paragraph that is only a quote, after one ending in
    // what someone said (not itself in marks), goes on in their words.
    if (whole_para &&
        (qi == 0 || quotes[qi - 1].paragraph < quotes[qi].paragraph - 1)) {
      Attribution a;
      if (AnalyzeParagraphIntro(text, seg, quotes[qi], a) &&
          a.rule == "paragraph_intro") {
        a.rule = "block_after_reported_speech";
        a.confidence = 0.55;
        a.fragment = out[qi].fragment;
        out[qi] = a;
        continue;
      }
    }
    if (!same_para && !opens_para) {
      Attribution a;
      if (AnalyzePreviousSentence(text, seg, quotes[qi], a)) out[qi] = a;
    }
  }
  // An unframed part of a multi-paragraph quote belongs to the speaker
  // named at the quote's end: "“A ...\n“B,” she said."
  for (int qi = nq - 1; qi >= 0; --qi) {
    if (out[qi].kind != SubjectKind::kNone ||
        !quotes[qi].continues_next_paragraph) {
      continue;
    }
    for (int k = qi + 1; k < nq; ++k) {
      if (quotes[k].paragraph != quotes[qi].paragraph + 1) break;
      if (!frame_boundary[k]) continue;
      if (out[k].kind != SubjectKind::kNone) {
        out[qi].kind = SubjectKind::kCarryOver;
        out[qi].link = k;
        out[qi].rule = "carry_back";
        out[qi].confidence = 0.6;
        out[qi].framed_chain = true;
      }
      break;
    }
  }
  // "“We are not cutting a line,” he told MPs. “Not one.”": a short
  // sentence in marks right after a framed quote and its frame goes on with
  // that quote, though alone it would read like a scare quote.
  for (int qi = 1; qi < nq; ++qi) {
    const QuoteCandidate& q = quotes[qi];
    const QuoteCandidate& p = quotes[qi - 1];
    if (out[qi].kind != SubjectKind::kNone || frame_boundary[qi] || !q.closed ||
        q.nested || !q.starts_upper || q.title_case || !q.has_terminal ||
        p.paragraph != q.paragraph || p.outer.end > q.outer.begin ||
        q.outer.begin - p.outer.end > 80 || !out[qi - 1].adjacent_frame ||
        out[qi - 1].kind == SubjectKind::kNone) {
      continue;
    }
    const std::string_view between =
        text.substr(p.outer.end, q.outer.begin - p.outer.end);
    if (between.find('.') == std::string_view::npos) continue;
    out[qi].kind = SubjectKind::kContinuation;
    out[qi].link = qi - 1;
    out[qi].rule = "continuation";
    out[qi].confidence = 0.85;  // as sure as the quote it continues
    out[qi].adjacent_frame = true;
  }
  for (int qi = 0; qi < nq; ++qi) {
    if (out[qi].kind != SubjectKind::kNone || !out[qi].fragment) continue;
    Attribution a;
    if (AnalyzeSentenceSubject(text, seg, quotes[qi], a)) out[qi] = a;
  }
  for (int qi = 0; qi < nq; ++qi) {
    Attribution a;
    if (out[qi].kind == SubjectKind::kNone &&
        AnalyzeWordsOfNext(text, seg, quotes[qi], a)) {
      out[qi] = a;
    }
  }
  LinkPullQuotes(text, seg, quotes, out);
  return out;
}

}  // namespace verbatim::extraction
