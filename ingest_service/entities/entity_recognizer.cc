// The rule-based EntityRecognizer: tokenize, find capitalised candidates,
// type them with lexicon and context cues, then group aliases.
//
// Layout use: sentence spans add sentence starts (capitals there say little);
// boilerplate spans set Mention::in_boilerplate. Short quoted titles are found
// from the quote marks themselves, except where the marks open a quotation
// ("“It's October,” he said" is speech, not a title; DropQuotedPhrases);
// names inside quotations are ordinary mentions.
#include "ingest_service/entities/entity_recognizer.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "common/text/fold.h"
#include "common/text/name_particles.h"
#include "ingest_service/entities/alias_grouper.h"
#include "ingest_service/entities/candidate_finder.h"
#include "ingest_service/entities/lexicons.h"
#include "ingest_service/entities/text_util.h"
#include "ingest_service/entities/token_keys.h"
#include "ingest_service/entities/tokenizer.h"
#include "ingest_service/entities/type_classifier.h"

namespace verbatim::entities {
namespace {

// Whether a lower-case surname particle sits between the candidate's first
// and last words ("Maarten van Leeuwen", "Abdullah bin Rashid").
bool HasInnerSurnameParticle(std::string_view text,
                             const std::vector<Token>& tokens,
                             const Candidate& c) {
  for (size_t k = c.first + 1; k < c.last; ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::kWord && !t.upper_initial &&
        text::IsSurnameParticle(text.substr(t.begin, t.end - t.begin))) {
      return true;
    }
  }
  return false;
}

// Votes a list member needs to lend its type to the rest of the list.
constexpr float kListLeaderScore = 2.0f;

std::string_view SpanText(std::string_view text, TextSpan span) {
  return text.substr(span.begin, span.end - span.begin);
}

// "the Environmental Protection Agency ... the EPA" (or "E.P.A."): a
// capitalised acronym equal to the initials of a longer name in the same
// article names the same entity, typed like it ("the HWA said" reads like
// a person). People's names are left out: their initials collide with too
// many acronyms.
void LinkAcronyms(std::string_view text, const std::vector<Token>& tokens,
                  const std::vector<Candidate>& candidates,
                  const std::vector<int>& span_of,
                  std::vector<NamedSpan>& spans,
                  std::vector<std::pair<int, int>>& same_as) {
  // Acronyms first: most articles have none, and then nothing else is done.
  std::vector<std::pair<std::string, int>> acronyms;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Token& t = tokens[candidates[i].first];
    if (span_of[i] < 0 || candidates[i].first != candidates[i].last ||
        !t.all_upper) {
      continue;
    }
    std::string letters;
    bool upper = true;
    for (const char c : SpanText(text, spans[span_of[i]].span)) {
      if (c == '.') continue;
      upper &= c >= 'A' && c <= 'Z';
      letters.push_back(c);
    }
    if (upper && letters.size() >= 2) {
      acronyms.emplace_back(std::move(letters), span_of[i]);
    }
  }
  if (acronyms.empty()) return;
  std::vector<bool> linked(acronyms.size(), false);
  std::string initials;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const int span = span_of[i];
    if (span < 0 || candidates[i].first == candidates[i].last ||
        spans[span].type == EntityType::kPerson) {
      continue;
    }
    initials.clear();
    size_t words = 0;
    for (size_t k = candidates[i].first; k <= candidates[i].last; ++k) {
      const Token& t = tokens[k];
      if (t.kind != TokenKind::kWord) continue;
      ++words;
      if (t.inner_dot && t.all_upper) {
        // "U.S. Senate" is USS, not US.
        for (size_t c = t.begin; c < t.end; ++c) {
          if (text[c] != '.') initials.push_back(text[c]);
        }
      } else if (t.upper_initial) {
        initials.push_back(text[t.begin]);
      }
    }
    if (words < 2 || initials.size() < 2) continue;
    for (size_t a = 0; a < acronyms.size(); ++a) {
      if (linked[a] || acronyms[a].first != initials) continue;
      linked[a] = true;
      spans[acronyms[a].second].type = spans[span].type;
      same_as.emplace_back(span, acronyms[a].second);
    }
  }
}

// "Wong Kar-lok": a lower-case tail after a hyphen that is no dictionary
// word is part of the name ("Williams-directed", "Obama-era" are not).
void KeepNameTails(std::string_view text, const Lexicons& lex,
                   std::vector<Token>& tokens) {
  for (Token& t : tokens) {
    if (t.hyphen_tail == 0) continue;
    const std::string_view tail =
        text.substr(t.hyphen_tail, t.end - t.hyphen_tail);
    if (IsLowerAsciiWord(tail) && !lex.IsCommonWord(tail)) t.hyphen_tail = 0;
  }
}

struct InnerNickname {
  size_t given;  // index of the candidate before the nickname
};

// Candidates `given`, `given + 1` and `given + 2` read 'Teodor “Teddy”
// Lindahl': a given name (or a word the dictionary lacks, or any word before
// a surname it lacks: 'Semi “The Bulldozer” Raivalu'), a quoted nickname
// of one or two words, and a one-word surname (after particles: 'Pieter
// “Piet” van der Berg'), each quote mark directly between them.
std::vector<InnerNickname> InnerNicknames(
    const std::vector<Token>& tokens, const TokenKeys& keys,
    const std::vector<Candidate>& candidates) {
  std::vector<InnerNickname> out;
  // The marks around the nickname, on the given name's line.
  auto marks = [&](size_t open, size_t close) {
    const Token& a = tokens[open];
    const Token& b = tokens[close];
    return a.kind == TokenKind::kPunct && b.kind == TokenKind::kPunct &&
           !a.newline_before && !b.newline_before &&
           IsOpeningQuoteMark(a.punct) && b.punct == ClosingQuoteMark(a.punct);
  };
  for (size_t i = 0; i + 2 < candidates.size(); ++i) {
    const Candidate& given = candidates[i];
    const Candidate& nickname = candidates[i + 1];
    const Candidate& surname = candidates[i + 2];
    // One word, or particles and a word ("van der Berg").
    bool one_surname = true;
    for (size_t k = surname.first; k < surname.last; ++k) {
      one_surname &= tokens[k].kind == TokenKind::kWord &&
                     !tokens[k].upper_initial && keys.Has(k, kParticle);
    }
    if (given.quoted_title || !nickname.quoted_title || surname.quoted_title ||
        nickname.first != given.last + 2 ||
        surname.first != nickname.last + 2 || !one_surname ||
        nickname.last > nickname.first + 1 ||
        !marks(given.last + 1, nickname.last + 1) ||
        (!keys.Has(given.last, kFirstName) &&
         keys.Has(given.last, kCommonWord) &&
         keys.Has(surname.last, kCommonWord))) {
      continue;
    }
    out.push_back({i});
  }
  return out;
}

// Whether another entity's possessive ends right before `pos` ("Egypt’s "
// before "Ministry of Tourism", "FBI's " before "Cleveland Field Office");
// not a word of the name's own ("Alzheimer's Research Foundation").
bool OwnedByAnotherEntity(std::string_view text, const EntityAnalysis& analysis,
                          size_t pos) {
  const std::string_view before = text.substr(0, pos);
  size_t owner_end = std::string_view::npos;
  for (const std::string_view mark : {"'s ", "\u2019s "}) {
    if (before.ends_with(mark)) owner_end = pos - mark.size();
  }
  if (owner_end == std::string_view::npos) return false;
  return std::any_of(analysis.mentions.begin(), analysis.mentions.end(),
                     [&](const Mention& m) {
                       return m.span.end == owner_end && m.entity >= 0 &&
                              m.entity <
                                  static_cast<int>(analysis.entities.size());
                     });
}

// The entity of the longest PERSON mention that ends where `subject` ends and
// starts inside it, after its first character, or of such an ORGANIZATION
// mention after another entity's possessive ("Egypt’s Ministry of
// Tourism"); -1 when there is none.
int EntityEndingSubject(std::string_view text, const EntityAnalysis& analysis,
                        TextSpan subject) {
  auto it = std::upper_bound(
      analysis.mentions.begin(), analysis.mentions.end(), subject.begin,
      [](size_t begin, const Mention& m) { return begin < m.span.begin; });
  for (; it != analysis.mentions.end() && it->span.begin < subject.end; ++it) {
    if (it->span.end != subject.end || it->entity < 0 ||
        it->entity >= static_cast<int>(analysis.entities.size())) {
      continue;
    }
    const EntityType type = analysis.entities[it->entity].type;
    if (type == EntityType::kPerson ||
        (type == EntityType::kOrganization &&
         OwnedByAnotherEntity(text, analysis, it->span.begin))) {
      return it->entity;
    }
  }
  return -1;
}

// "America's Food and Drug Administration said": a frame's subject cut at an
// inner "and" ("Drug Administration") is the end of a longer mention; that
// mention's entity, else -1.
int EntityEndedBySubject(std::string_view text, const EntityAnalysis& analysis,
                         TextSpan subject) {
  auto it = std::lower_bound(
      analysis.mentions.begin(), analysis.mentions.end(), subject.begin,
      [](const Mention& m, size_t begin) { return m.span.begin < begin; });
  constexpr int kMaxMentionsBack = 3;
  for (int back = 0; back < kMaxMentionsBack && it != analysis.mentions.begin();
       ++back) {
    --it;
    if (it->span.end == subject.end && it->span.begin < subject.begin &&
        text.substr(it->span.begin, subject.begin - it->span.begin)
            .ends_with(" and ") &&
        it->entity >= 0 &&
        it->entity < static_cast<int>(analysis.entities.size())) {
      return it->entity;
    }
  }
  return -1;
}

class RuleEntityRecognizer final : public EntityRecognizer {
 public:
  explicit RuleEntityRecognizer(Lexicons lex)
      : lex_(std::move(lex)), grouper_(lex_) {
    for (const auto& [phrase, unused] : lex_.aka_phrases.entries()) {
      aka_last_words_.insert(std::string(phrase.substr(phrase.rfind(' ') + 1)));
    }
    aka_last_words_.insert("as");  // "known around the club as"
  }
  RuleEntityRecognizer(const RuleEntityRecognizer&) = delete;
  RuleEntityRecognizer& operator=(const RuleEntityRecognizer&) = delete;

  EntityAnalysis Recognize(std::string_view text,
                           const TextLayout& layout) const override;
  int ResolveName(std::string_view text, TextSpan span, UnknownName unknown,
                  EntityAnalysis& analysis) const override;

 private:
  // Words between two candidates that make them members of one list.
  bool ListSeparator(std::string_view text, const std::vector<Token>& tokens,
                     size_t from, size_t to) const;
  // Joins "Ma Rainey’s" + "Black Bottom" when the second part is a title
  // qualifying a person ("... Black Bottom actress Taylour Paige").
  void MergePossessiveTitles(std::string_view text,
                             const std::vector<Token>& tokens,
                             std::vector<Candidate>& candidates,
                             std::vector<Classification>& classes) const;
  // "Mateo Alvarenga ... The 24-year-old, nicknamed “El Tanque” by fans":
  // a quoted nickname linked to a description opening its sentence names
  // the person named last before it.
  void LinkDescribedNicknames(std::string_view text,
                              const std::vector<Token>& tokens,
                              const std::vector<Candidate>& candidates,
                              const std::vector<int>& span_of,
                              std::vector<NamedSpan>& spans,
                              std::vector<std::pair<int, int>>& same_as) const;
  // Words between two candidates that make them one entity ("aka").
  bool AkaSeparator(std::string_view text, const std::vector<Token>& tokens,
                    size_t from, size_t to) const;
  // Keeps as person names dictionary words that a surname or an aka phrase
  // of a person named in the article makes names (see the definition).
  // `aka_named` is AkaNamed's result.
  void KeepNameWords(const std::vector<Token>& tokens, const TokenKeys& keys,
                     const std::vector<Candidate>& candidates,
                     const std::vector<int>& aka_named,
                     std::vector<Classification>& classes) const;
  // For each candidate, the candidate an aka phrase after it names: the next
  // one, or the one after an appositive holding another ("Nia Adebayo, the
  // Houston rapper who performs as Halo"); -1 for none.
  std::vector<int> AkaNamed(std::string_view text,
                            const std::vector<Token>& tokens,
                            const std::vector<Candidate>& candidates) const;

  const Lexicons lex_;
  const AliasGrouper grouper_;
  // The last words of the aka phrases: most words between two candidates
  // end otherwise and need no phrase built.
  absl::flat_hash_set<std::string> aka_last_words_;
};

bool RuleEntityRecognizer::ListSeparator(std::string_view text,
                                         const std::vector<Token>& tokens,
                                         size_t from, size_t to) const {
  if (from >= to || to - from > 2) return false;
  std::string seq;
  for (size_t i = from; i < to; ++i) {
    const Token& t = tokens[i];
    if (t.newline_before) return false;
    if (t.kind == TokenKind::kPunct) {
      if (t.punct != ',' && t.punct != '&') return false;
      seq.push_back(static_cast<char>(t.punct));
    } else {
      const std::string key = TokenKey(text, t);
      if (key != "and" && key != "or") return false;
      seq.push_back('a');
    }
  }
  return seq == "," || seq == "a" || seq == ",a" || seq == "&";
}

bool RuleEntityRecognizer::AkaSeparator(std::string_view text,
                                        const std::vector<Token>& tokens,
                                        size_t from, size_t to) const {
  // Links are at most six words (lexicons/aka_phrases.txt) plus punctuation.
  if (from >= to || to - from > 9) return false;
  size_t last_word = to;
  while (last_word > from && tokens[last_word - 1].kind != TokenKind::kWord) {
    --last_word;
  }
  if (last_word == from ||
      !aka_last_words_.contains(TokenKey(text, tokens[last_word - 1]))) {
    return false;
  }
  std::string phrase;
  for (size_t i = from; i < to; ++i) {
    const Token& t = tokens[i];
    if (t.newline_before) return false;
    if (t.kind == TokenKind::kPunct) {
      // The opening mark of a quoted nickname: "known to fans as “Teddy,”".
      if (t.punct == '.' || t.punct == ',' || t.punct == '(' ||
          (IsOpeningQuoteMark(t.punct) && i + 1 == to)) {
        continue;
      }
      return false;
    }
    const std::string key = TokenKey(text, t);
    // An age between name and link: "Holloway, 38, known to fans as".
    if (phrase.empty() && !key.empty() && key.front() >= '0' &&
        key.front() <= '9') {
      continue;
    }
    if (!phrase.empty()) phrase.push_back(' ');
    phrase.append(key);
  }
  // "known around the club as", "known to his teammates as": any few words
  // between "known" and "as".
  auto aka = [&](std::string_view p) {
    return lex_.aka_phrases.Contains(p) ||
           (p.starts_with("known ") && p.ends_with(" as"));
  };
  if (aka(phrase)) return true;
  // "Nia Adebayo, the Houston rapper who performs as Halo": an appositive
  // of at most four words ending in a person's role before the link.
  constexpr int kMaxAppositiveWords = 4;
  const std::string_view p(phrase);
  if (!p.starts_with("the ") && !p.starts_with("a ")) return false;
  std::string_view rest = p.substr(p.find(' ') + 1);
  for (int words = 0; words < kMaxAppositiveWords; ++words) {
    const size_t space = rest.find(' ');
    if (space == std::string_view::npos) return false;
    const std::string_view word = rest.substr(0, space);
    rest.remove_prefix(space + 1);
    if (lex_.person_roles.Contains(word)) return aka(rest);
  }
  return false;
}

std::vector<int> RuleEntityRecognizer::AkaNamed(
    std::string_view text, const std::vector<Token>& tokens,
    const std::vector<Candidate>& candidates) const {
  std::vector<int> named(candidates.size(), -1);
  for (size_t i = 0; i < candidates.size(); ++i) {
    for (size_t next = i + 1; next < candidates.size() && next <= i + 2;
         ++next) {
      if (AkaSeparator(text, tokens, candidates[i].last + 1,
                       candidates[next].first)) {
        named[i] = static_cast<int>(next);
        break;
      }
    }
  }
  return named;
}

void RuleEntityRecognizer::LinkDescribedNicknames(
    std::string_view text, const std::vector<Token>& tokens,
    const std::vector<Candidate>& candidates, const std::vector<int>& span_of,
    std::vector<NamedSpan>& spans,
    std::vector<std::pair<int, int>>& same_as) const {
  // How far back the described person may have been named.
  constexpr size_t kReachBytes = 600;
  for (size_t j = 0; j < candidates.size(); ++j) {
    const Candidate& nick = candidates[j];
    if (!nick.quoted_title || span_of[j] < 0 || nick.first < 4) continue;
    // The comma closing the description, a few words before the nickname.
    size_t comma = nick.first;
    while (comma > 0 && nick.first - comma < 9 &&
           !(tokens[comma - 1].kind == TokenKind::kPunct &&
             tokens[comma - 1].punct == ',')) {
      --comma;
    }
    if (comma == 0 || nick.first - comma >= 9) continue;
    --comma;  // the comma itself
    if (!AkaSeparator(text, tokens, comma + 1, nick.first)) continue;
    // "The forward," "The 24-year-old," "The Spaniard,": a determiner
    // opening the sentence and at most three lower-case words ending in a
    // person's role or age, or a nationality.
    const std::string head = TokenKey(text, tokens[comma - 1]);
    const bool nationality = tokens[comma - 1].kind == TokenKind::kWord &&
                             lex_.demonyms.Contains(head);
    size_t open = nationality ? comma - 1 : comma;
    while (open > 0 && comma - open < 4 && !tokens[open - 1].sentence_start &&
           tokens[open - 1].kind == TokenKind::kWord &&
           !tokens[open - 1].upper_initial) {
      --open;
    }
    if (open == 0 || open == comma) continue;
    const Token& det = tokens[open - 1];
    if (!det.sentence_start || det.kind != TokenKind::kWord ||
        TokenKey(text, det) != "the" ||
        !(nationality || lex_.person_roles.Contains(head) ||
          head.ends_with("-year-old"))) {
      continue;  // not "The club, known as ..."
    }
    // The person named last before the description.
    int person = -1;
    for (size_t i = j; i-- > 0;) {
      const int s = span_of[i];
      if (candidates[i].span.end > det.begin) continue;
      if (det.begin - candidates[i].span.end > kReachBytes) break;
      if (s >= 0 && spans[s].strong && spans[s].type == EntityType::kPerson) {
        person = s;
        break;
      }
    }
    if (person < 0) continue;
    spans[span_of[j]].type = EntityType::kPerson;
    same_as.emplace_back(person, span_of[j]);
  }
}

void RuleEntityRecognizer::MergePossessiveTitles(
    std::string_view text, const std::vector<Token>& tokens,
    std::vector<Candidate>& candidates,
    std::vector<Classification>& classes) const {
  for (size_t i = 0; i + 1 < candidates.size(); ++i) {
    Candidate& a = candidates[i];
    Candidate& b = candidates[i + 1];
    if (!tokens[a.last].possessive || b.first != a.last + 1 || b.quoted_title ||
        classes[i + 1].type != EntityType::kWork) {
      continue;
    }
    // A name led by a given name or honorific is an owner ("Kendrick’s"),
    // not the start of a title.
    const std::string lead = TokenKey(text, tokens[a.first]);
    if (lex_.first_names.Contains(lead) || lex_.honorifics.Contains(lead)) {
      continue;
    }
    const size_t after = b.last + 1;
    if (after >= tokens.size() || tokens[after].kind != TokenKind::kWord ||
        !lex_.person_roles.Contains(TokenKey(text, tokens[after]))) {
      continue;
    }
    b.first = a.first;
    b.span.begin = a.span.begin;
    classes[i + 1].span.begin = a.span.begin;
    classes[i].score = 0;
  }
}

// Quoted "titles" that are speech or a phrase: marks that open a kept
// quotation ("“It's October,” he said"), and a headline's capitalised
// phrase printed in lower case elsewhere ("Trump Is Right About ‘Thousands
// of Shootings’" over "claimed “thousands of shootings”").
absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// "Share: Facebook | X | Email": the buttons of a share or follow widget.
bool IsWidgetLine(std::string_view line, const Lexicons& lex) {
  constexpr size_t kMaxWidgetLine = 160;
  if (line.size() > kMaxWidgetLine) return false;
  size_t b = 0;
  while (b < line.size() && (line[b] == '[' || line[b] == ' ')) ++b;
  size_t e = b;
  while (e < line.size() && std::isalpha(static_cast<unsigned char>(line[e]))) {
    ++e;
  }
  if (e == b ||
      !lex.widget_openers.Contains(text::LowerKey(line.substr(b, e - b)))) {
    return false;
  }
  const std::string_view rest = line.substr(e);
  return rest.find_first_of("|:[") != std::string_view::npos ||
         rest.find("\u00B7") != std::string_view::npos ||
         rest.find("  ") != std::string_view::npos;
}

// Drops candidates on widget lines.
void DropWidgetButtons(std::string_view text, const std::vector<Token>& tokens,
                       const Lexicons& lex,
                       std::vector<Candidate>& candidates) {
  size_t line_begin = std::string_view::npos;
  bool widget = false;
  auto on_widget = [&](size_t pos) {
    size_t b = text.rfind('\n', pos);
    b = b == std::string_view::npos ? 0 : b + 1;
    if (b != line_begin) {
      line_begin = b;
      size_t e = text.find('\n', pos);
      if (e == std::string_view::npos) e = text.size();
      widget = IsWidgetLine(text.substr(b, e - b), lex);
    }
    return widget;
  };
  std::erase_if(candidates, [&](const Candidate& c) {
    return on_widget(tokens[c.first].begin);
  });
}

void DropQuotedPhrases(std::string_view text, const TextLayout& layout,
                       std::vector<Candidate>& candidates) {
  absl::flat_hash_set<size_t> quotation_begins;
  for (const TextSpan& q : layout.quotations) quotation_begins.insert(q.begin);
  std::string lower_text;  // filled on first need
  auto printed_lower = [&](const Candidate& c) {
    if (lower_text.empty()) lower_text = absl::AsciiStrToLower(ToAbsl(text));
    const std::string phrase = absl::AsciiStrToLower(
        ToAbsl(text.substr(c.span.begin, c.span.end - c.span.begin)));
    for (size_t at = lower_text.find(phrase); at != std::string::npos;
         at = lower_text.find(phrase, at + 1)) {
      if (absl::ascii_islower(static_cast<unsigned char>(text[at]))) {
        return true;
      }
    }
    return false;
  };
  std::erase_if(candidates, [&](const Candidate& c) {
    return c.quoted_title && (quotation_begins.contains(c.span.begin) ||
                              (c.title_line && printed_lower(c)));
  });
}

void RuleEntityRecognizer::KeepNameWords(
    const std::vector<Token>& tokens, const TokenKeys& keys,
    const std::vector<Candidate>& candidates, const std::vector<int>& aka_named,
    std::vector<Classification>& classes) const {
  // "Warren Pike ... Pike did not respond": a dictionary word that is the
  // surname of a person named in full, or a name an aka phrase gave a
  // person ("Nia Adebayo, better known as Halo"), stays a (weak) candidate,
  // which joins that person or nobody. At a sentence start only before a
  // verb in the past tense or a function word, or as an owner ("Young
  // voters" is no "Tom Young").
  auto verb_like = [&](size_t k) {
    if (k >= tokens.size() || tokens[k].kind != TokenKind::kWord) return false;
    const std::string_view key = keys.Key(k);
    return keys.Has(k, kSpeechVerb | kFunctionWord | kClosedClassWord) ||
           (key.size() > 3 && key.ends_with("ed")) ||
           lex_.past_tense_verbs.Contains(key);
  };
  absl::flat_hash_set<std::string_view> surnames;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (classes[i].type != EntityType::kPerson ||
        classes[i].score < kAcceptScore) {
      continue;
    }
    if (candidates[i].last > candidates[i].first) {
      surnames.insert(keys.Key(candidates[i].last));
    }
    // The aka phrase names the person as firmly as a cue would.
    const int next = aka_named[i];
    if (next >= 0 && classes[next].score < kAcceptScore &&
        candidates[next].first == candidates[next].last) {
      classes[next].type = EntityType::kPerson;
      classes[next].score = kAcceptScore;
      surnames.insert(keys.Key(candidates[next].first));
    }
  }
  constexpr float kSurnameScore = 0.1f;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Classification& c = classes[i];
    const size_t w = candidates[i].first;
    if (c.score <= 0 && candidates[i].last == w &&
        !candidates[i].quoted_title && surnames.contains(keys.Key(w)) &&
        (!tokens[w].sentence_start || tokens[w].possessive ||
         verb_like(w + 1))) {
      c.type = EntityType::kPerson;
      c.score = kSurnameScore;
    }
  }
}

EntityAnalysis RuleEntityRecognizer::Recognize(std::string_view text,
                                               const TextLayout& layout) const {
  std::vector<Token> tokens = Tokenize(text, layout.sentences);
  KeepNameTails(text, lex_, tokens);
  const TokenKeys keys(text, tokens, lex_);
  std::vector<Candidate> candidates = FindCandidates(keys);
  DropQuotedPhrases(text, layout, candidates);
  DropWidgetButtons(text, tokens, lex_, candidates);
  std::vector<Classification> classes;
  classes.reserve(candidates.size());
  for (const Candidate& c : candidates) classes.push_back(Classify(keys, c));
  MergePossessiveTitles(text, tokens, candidates, classes);

  // Lists share a type: "Featuring Blxst, Kodak Black, Summer Walker".
  for (size_t start = 0; start < candidates.size();) {
    size_t end = start + 1;
    while (end < candidates.size() &&
           ListSeparator(text, tokens, candidates[end - 1].last + 1,
                         candidates[end].first)) {
      ++end;
    }
    // Two names joined by a bare comma are as often an address or an
    // appositive ("this is America, Chris") as a list.
    const bool pair_by_comma =
        end - start == 2 && tokens[candidates[start].last + 1].punct == ',' &&
        candidates[start + 1].first == candidates[start].last + 2;
    if (end - start >= 2 && !pair_by_comma) {
      size_t leader = start;
      for (size_t i = start; i < end; ++i) {
        if (classes[i].score > classes[leader].score) leader = i;
      }
      if (classes[leader].score >= kListLeaderScore) {
        const EntityType type = classes[leader].type;
        for (size_t i = start; i < end; ++i) {
          Classification& c = classes[i];
          if (c.type != type && c.score >= kListLeaderScore) continue;
          // "the Institute of Science and Maarten van Leeuwen": a name with
          // a surname particle inside keeps its person type.
          if (c.type == EntityType::kPerson &&
              HasInnerSurnameParticle(text, tokens, candidates[i])) {
            continue;
          }
          // "Together, Kendrick Lamar and ...": a capitalised dictionary
          // word at a sentence start is not a list member.
          if (c.common_words_only &&
              (tokens[candidates[i].first].sentence_start ||
               candidates[i].title_line)) {
            continue;
          }
          c.votes[static_cast<int>(type)] += 1.5f;
          if (c.votes[static_cast<int>(type)] >= c.score) {
            c.type = type;
            c.score = c.votes[static_cast<int>(type)];
          }
        }
      }
    }
    start = end;
  }

  const std::vector<InnerNickname> nicknames =
      InnerNicknames(tokens, keys, candidates);
  std::vector<std::string> full_names(candidates.size());
  std::vector<bool> nickname_at(candidates.size(), false);
  for (const InnerNickname& n : nicknames) {
    nickname_at[n.given + 1] = true;
    full_names[n.given] = std::string(SpanText(text, candidates[n.given].span));
    full_names[n.given].push_back(' ');
    full_names[n.given].append(SpanText(text, candidates[n.given + 2].span));
    for (const size_t k : {n.given, n.given + 1}) {
      Classification& c = classes[k];
      c.type = EntityType::kPerson;
      c.score = std::max(c.score, kAcceptScore);
    }
    // The nickname quoted alone elsewhere ("‘MAMA SHILLING’ HITS YOUR
    // POCKET") is the person's too, not a title.
    const Candidate& nickname = candidates[n.given + 1];
    for (size_t j = 0; j < candidates.size(); ++j) {
      const Candidate& other = candidates[j];
      if (j == n.given + 1 || !other.quoted_title ||
          other.last - other.first != nickname.last - nickname.first) {
        continue;
      }
      bool same = true;
      for (size_t t = 0; same && t + other.first <= other.last; ++t) {
        same = keys.Key(other.first + t) == keys.Key(nickname.first + t);
      }
      if (same) classes[j].type = EntityType::kPerson;
    }
  }

  // "Luca and Marco Bellandi", "Bill and Hillary Clinton": a given name alone
  // before "and" and a person's full name shares that surname; not the last
  // items of a list ("directed by Free, Kendrick and Jack Schreir").
  for (size_t i = 0; i + 1 < candidates.size(); ++i) {
    const Candidate& given = candidates[i];
    const Candidate& full = candidates[i + 1];
    const bool listed = i > 0 && given.first >= 2 &&
                        candidates[i - 1].last + 2 == given.first &&
                        tokens[given.first - 1].kind == TokenKind::kPunct &&
                        tokens[given.first - 1].punct == ',';
    if (listed || given.first != given.last || !full_names[i].empty() ||
        full.last <= full.first || given.last + 2 != full.first ||
        keys.Key(given.last + 1) != "and" ||
        !keys.Has(given.first, kFirstName) ||
        !keys.Has(full.first, kFirstName) ||
        classes[i + 1].type != EntityType::kPerson ||
        classes[i + 1].score < kAcceptScore) {
      continue;
    }
    full_names[i] = std::string(SpanText(text, given.span));
    full_names[i].push_back(' ');
    full_names[i].append(
        SpanText(text, {tokens[full.last].begin, full.span.end}));
    classes[i].type = EntityType::kPerson;
    classes[i].score = std::max(classes[i].score, kAcceptScore);
  }

  // Checked before the names move into their spans.
  const bool full_names_given =
      std::any_of(full_names.begin(), full_names.end(),
                  [](const std::string& name) { return !name.empty(); });

  const std::vector<int> aka_named = AkaNamed(text, tokens, candidates);
  KeepNameWords(tokens, keys, candidates, aka_named, classes);
  std::vector<NamedSpan> spans;
  spans.reserve(candidates.size());
  std::vector<int> span_of(candidates.size(), -1);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Classification& c = classes[i];
    if (c.score <= 0) continue;
    NamedSpan s;
    s.span = c.span;
    s.text = full_names[i].empty() ? std::string(SpanText(text, c.span))
                                   : std::move(full_names[i]);
    s.type = c.type;
    s.score = c.score;
    s.strong = c.score >= kAcceptScore;
    s.common_words_only = c.common_words_only;
    s.canonical = c.canonical;
    s.listed = c.listed;
    s.gender = c.gender;
    s.inner_nickname = nickname_at[i];
    span_of[i] = static_cast<int>(spans.size());
    spans.push_back(std::move(s));
  }
  std::vector<std::pair<int, int>> same_as;
  for (const InnerNickname& n : nicknames) {
    if (span_of[n.given] >= 0 && span_of[n.given + 1] >= 0) {
      same_as.emplace_back(span_of[n.given], span_of[n.given + 1]);
    }
  }
  for (size_t i = 0; i + 1 < candidates.size(); ++i) {
    const int next = aka_named[i];
    if (span_of[i] < 0 || next < 0 || span_of[next] < 0) continue;
    // A person's quoted nickname is a name, not a title.
    NamedSpan& name = spans[span_of[i]];
    NamedSpan& alias = spans[span_of[next]];
    if (candidates[next].quoted_title && name.type == EntityType::kPerson) {
      alias.type = EntityType::kPerson;
    }
    same_as.emplace_back(span_of[i], span_of[next]);
  }

  LinkDescribedNicknames(text, tokens, candidates, span_of, spans, same_as);
  LinkAcronyms(text, tokens, candidates, span_of, spans, same_as);

  EntityAnalysis analysis = grouper_.Group(spans, same_as);
  // "Cornelius “Neil” O'Donoghue" is "Neil O'Donoghue" to outlets that print
  // the nickname.
  for (const InnerNickname& n : nicknames) {
    const TextSpan given = candidates[n.given].span;
    for (const Mention& m : analysis.mentions) {
      if (m.span.begin != given.begin || m.entity < 0) continue;
      Entity& person = analysis.entities[m.entity];
      std::string alias(SpanText(text, candidates[n.given + 1].span));
      alias.push_back(' ');
      alias.append(SpanText(text, candidates[n.given + 2].span));
      if (alias != person.display_name &&
          std::find(person.aliases.begin(), person.aliases.end(), alias) ==
              person.aliases.end()) {
        person.aliases.push_back(std::move(alias));
      }
      break;
    }
  }
  // "Corvex Systems Inc" is "Corvex Systems" to outlets that leave the
  // legal form out.
  for (Entity& e : analysis.entities) {
    if (e.type != EntityType::kOrganization) continue;
    const std::string core(grouper_.WithoutLegalForm(e.display_name));
    if (core != e.display_name && std::find(e.aliases.begin(), e.aliases.end(),
                                            core) == e.aliases.end()) {
      e.aliases.push_back(core);
    }
  }
  size_t b = 0;
  for (Mention& m : analysis.mentions) {
    // A given name grouped as its full name is still mentioned as printed.
    if (full_names_given) m.text = std::string(SpanText(text, m.span));
    while (b < layout.boilerplate.size() &&
           layout.boilerplate[b].end <= m.span.begin) {
      ++b;
    }
    // Boilerplate spans are sorted and disjoint; check the next few in case
    // of nesting.
    for (size_t k = b; k < layout.boilerplate.size() &&
                       layout.boilerplate[k].begin <= m.span.begin;
         ++k) {
      if (m.span.end <= layout.boilerplate[k].end) m.in_boilerplate = true;
    }
  }
  return analysis;
}

int RuleEntityRecognizer::ResolveName(std::string_view text, TextSpan span,
                                      UnknownName unknown,
                                      EntityAnalysis& analysis) const {
  span.end = std::min(span.end, text.size());
  span.begin = std::min(span.begin, span.end);
  std::string_view name = text.substr(span.begin, span.end - span.begin);
  // Trim spaces so the stored surface form is the name itself.
  std::string_view trimmed = TrimAsciiSpace(name);
  // "Lamar’s" names Lamar.
  for (const std::string_view suffix : {"\xE2\x80\x99s", "'s"}) {
    if (trimmed.size() > suffix.size() && trimmed.ends_with(suffix)) {
      trimmed.remove_suffix(suffix.size());
      break;
    }
  }
  const size_t lead = trimmed.empty() ? 0 : trimmed.data() - name.data();
  name = trimmed;
  span = {span.begin + lead, span.begin + lead + name.size()};
  // A frame's subject can carry the speaker's title ("German Chancellor
  // Angela Merkel said"), which the recognizer left out of the person's
  // mention: the person mentioned at the end of the subject is the speaker.
  if (const int inner = EntityEndingSubject(text, analysis, span); inner >= 0) {
    return inner;
  }
  if (const int outer = EntityEndedBySubject(text, analysis, span);
      outer >= 0) {
    return outer;
  }
  int entity = grouper_.Match(analysis, name);
  if (entity < 0 && unknown == UnknownName::kIgnore) return -1;
  if (entity < 0) {
    const std::vector<std::string> words = grouper_.CoreWords(name);
    // "One Tory MP, who asked not to be named, said": a role qualified by a
    // party or place is a description, not a name.
    if (!words.empty() &&
        lex_.person_roles.Contains(text::LowerKey(words.back())) &&
        !lex_.first_names.Contains(text::LowerKey(words.front()))) {
      return -1;
    }
    Entity e;
    e.display_name = std::string(grouper_.WithoutHonorifics(name));
    // A speaker named by an organisation's head ("The Alzheimer's Research
    // Foundation called the results ...") is that organisation.
    e.type = words.size() >= 2 &&
                     lex_.org_heads.Contains(text::LowerKey(words.back()))
                 ? EntityType::kOrganization
                 : EntityType::kPerson;
    const std::string first_word =
        text::LowerKey(name.substr(0, name.find(' ')));
    std::string honorific = first_word;
    if (!honorific.empty() && honorific.back() == '.') honorific.pop_back();
    e.gender = e.type == EntityType::kPerson
                   ? Lexicons::GenderOf(lex_.honorifics, honorific)
                   : Gender::kUnknown;
    if (e.type == EntityType::kPerson && e.gender == Gender::kUnknown &&
        words.size() >= 2) {
      e.gender = Lexicons::GenderOf(lex_.first_names, words.front());
    }
    analysis.entities.push_back(std::move(e));
    entity = static_cast<int>(analysis.entities.size()) - 1;
  } else {
    Entity& e = analysis.entities[entity];
    if (name != e.display_name && std::find(e.aliases.begin(), e.aliases.end(),
                                            name) == e.aliases.end()) {
      e.aliases.emplace_back(name);
    }
  }
  auto pos = std::lower_bound(
      analysis.mentions.begin(), analysis.mentions.end(), span.begin,
      [](const Mention& m, size_t begin) { return m.span.begin < begin; });
  for (auto it = pos;
       it != analysis.mentions.end() && it->span.begin == span.begin; ++it) {
    if (it->span.end == span.end) {
      it->entity = entity;
      return entity;
    }
  }
  Mention m;
  m.span = span;
  m.text = std::string(name);
  m.entity = entity;
  analysis.mentions.insert(pos, std::move(m));
  return entity;
}

}  // namespace

absl::StatusOr<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create() {
  auto lex = LoadEmbeddedLexicons();
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<EntityRecognizer>(
      new RuleEntityRecognizer(*std::move(lex)));
}

}  // namespace verbatim::entities
