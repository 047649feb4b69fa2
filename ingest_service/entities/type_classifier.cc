#include "ingest_service/entities/type_classifier.h"

#include <algorithm>

#include "ingest_service/entities/text_util.h"

namespace verbatim::entities {
namespace {

constexpr int kP = static_cast<int>(EntityType::kPerson);
constexpr int kO = static_cast<int>(EntityType::kOrganization);
constexpr int kL = static_cast<int>(EntityType::kPlace);
constexpr int kW = static_cast<int>(EntityType::kWork);
constexpr int kE = static_cast<int>(EntityType::kEvent);

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }

bool IsYear(std::string_view text, const Token& t) {
  if (!IsWord(t) || t.has_letter || t.end - t.begin != 4) return false;
  const std::string_view s = text.substr(t.begin, 4);
  return s.starts_with("19") || s.starts_with("20");
}

// "95th", "2023": words that may open an event's name.
bool IsYearOrOrdinal(std::string_view text, const Token& t) {
  if (IsYear(text, t)) return true;
  if (!IsWord(t) || !t.has_digit) return false;
  const std::string key = LowerKey(text.substr(t.begin, t.end - t.begin));
  return key.ends_with("th") || key.ends_with("st") || key.ends_with("nd") ||
         key.ends_with("rd");
}

// Words between a determiner and a role noun: "the former TDE rapper".
bool IsModifierLead(std::string_view key) {
  return key == "the" || key == "a" || key == "an" || key == "former" ||
         key == "late" || key == "his" || key == "her" || key == "their" ||
         key == "its" || key == "fellow" || key == "veteran" ||
         key == "young" || key == "famed" || key == "acclaimed";
}

// Adjectives allowed between a title and its work noun ("X short film").
bool IsWorkAdjective(std::string_view key) {
  return key == "short" || key == "new" || key == "latest" || key == "debut" ||
         key == "upcoming" || key == "music" || key == "hit" ||
         key == "animated" || key == "feature" || key == "studio" ||
         key == "lead" || key == "title" || key == "first" || key == "second" ||
         key == "third" || key == "fourth" || key == "fifth" ||
         key == "sophomore" || key == "final" || key == "breakout";
}

// Words that are capitalised only by position and never name anything alone.
bool IsFunctionWord(std::string_view key) {
  return key == "the" || key == "a" || key == "an" || key == "this" ||
         key == "that" || key == "these" || key == "those" || key == "his" ||
         key == "her" || key == "its" || key == "our" || key == "their" ||
         key == "my" || key == "your" || key == "we" || key == "he" ||
         key == "she" || key == "it" || key == "they" || key == "i" ||
         key == "you" || key == "there" || key == "here" || key == "what" ||
         key == "who" || key == "when" || key == "where" || key == "why" ||
         key == "how" || key == "and" || key == "but" || key == "or" ||
         key == "if" || key == "so" || key == "as" || key == "in" ||
         key == "on" || key == "at" || key == "for" || key == "with";
}

// Adverbs allowed between a speaker and the speech verb ("K-Dot also
// explained").
bool IsSpeechAdverb(std::string_view key) {
  return key == "also" || key == "then" || key == "later" || key == "further" ||
         key == "once" || key == "previously" || key == "recently" ||
         key == "reportedly" || key == "has" || key == "had" || key == "have" ||
         (key.size() > 4 && key.ends_with("ly"));
}

// "PACs", "CEOs": upper-case letters with a plural s are common nouns.
bool IsPluralAcronym(std::string_view text, const Token& t) {
  if (t.end - t.begin < 3 || text[t.end - 1] != 's') return false;
  for (size_t i = t.begin; i + 1 < t.end; ++i) {
    if (text[i] < 'A' || text[i] > 'Z') return false;
  }
  return true;
}

bool IsSaintLike(std::string_view key) {
  return key == "st" || key == "saint" || key == "san" || key == "santa" ||
         key == "mt" || key == "mount" || key == "fort" || key == "ft" ||
         key == "port" || key == "lake" || key == "cape" || key == "los" ||
         key == "las" || key == "el";
}

bool IsPlacePrefix(std::string_view key) {
  return IsSaintLike(key) || key == "north" || key == "south" ||
         key == "east" || key == "west" || key == "northern" ||
         key == "southern" || key == "eastern" || key == "western" ||
         key == "central" || key == "upper" || key == "lower" ||
         key == "greater" || key == "new" || key == "n" || key == "s";
}

bool IsPartyState(std::string_view key) {
  return key.size() >= 3 && key.size() <= 8 &&
         (key[0] == 'r' || key[0] == 'd' || key[0] == 'i') && key[1] == '-';
}

bool IsPersonListCue(std::string_view key) {
  return key == "featuring" || key == "feat" || key == "ft" ||
         key == "starring" || key == "featured" || key == "alongside";
}

bool IsAuthorSuffix(std::string_view key) {
  return key == "directed" || key == "produced" || key == "written" ||
         key == "penned" || key == "helmed" || key == "fronted" ||
         key == "founded" || key == "co-directed" || key == "co-produced" ||
         key == "co-written" || key == "led" || key == "created";
}

// Only prepositions that rarely take a person: "from Obama being" and "at
// Smith's" are common, "in Obama" is not.
bool IsPlacePreposition(std::string_view key) {
  return key == "in" || key == "near" || key == "outside" ||
         key == "throughout";
}

class Context {
 public:
  Context(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  // The word token before `i` on the same line, as a key; "" otherwise.
  std::string WordBefore(size_t i) const {
    if (i == 0 || tokens_[i].newline_before) return "";
    const Token& t = tokens_[i - 1];
    return IsWord(t) ? Key(t) : "";
  }
  std::string WordAt(size_t i) const {
    if (i >= tokens_.size() || tokens_[i].newline_before) return "";
    return IsWord(tokens_[i]) ? Key(tokens_[i]) : "";
  }
  bool PunctAt(size_t i, char32_t c) const {
    return i < tokens_.size() && !tokens_[i].newline_before &&
           tokens_[i].kind == TokenKind::kPunct && tokens_[i].punct == c;
  }
  std::string Key(const Token& t) const { return TokenKey(text_, t); }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
};

}  // namespace

Classification Classify(std::string_view text, const std::vector<Token>& tokens,
                        const Candidate& c, const Lexicons& lex) {
  Classification r;
  r.span = c.span;
  auto& v = r.votes;
  const Context ctx(text, tokens);

  std::vector<std::string> words;
  bool has_amp = false;
  bool has_of = false;
  bool all_common = true;
  for (size_t k = c.first; k <= c.last; ++k) {
    const Token& t = tokens[k];
    if (!IsWord(t)) {
      has_amp |= t.punct == '&';
      continue;
    }
    words.push_back(ctx.Key(t));
    const std::string& w = words.back();
    has_of |= w == "of" && k > c.first;
    if (!lex.IsCommonWord(w) && !lex.name_particles.Contains(w)) {
      all_common = false;
    }
  }
  if (words.empty()) return r;
  if (words.size() == 1) {
    const std::string& w = words[0];
    // Alone, these describe rather than name: "the President", "American",
    // "PACs".
    if (IsFunctionWord(w) || lex.person_roles.Contains(w) ||
        lex.demonyms.Contains(w) || IsPluralAcronym(text, tokens[c.first])) {
      return r;
    }
  }
  r.common_words_only = all_common;
  const Token& first = tokens[c.first];
  const Token& last = tokens[c.last];
  const std::string full =
      LowerKey(text.substr(c.span.begin, c.span.end - c.span.begin));
  // "New York Democrat", "Sunni Muslims", "African American": descriptions.
  if (!c.quoted_title &&
      (lex.demonyms.Contains(words.back()) || lex.demonyms.Contains(full))) {
    return r;
  }
  // A lone capitalised dictionary word at a sentence start or in a headline
  // may be an ordinary word; gazetteer hits on such words need other cues.
  const bool typographic =
      all_common && !c.quoted_title && (first.sentence_start || c.title_line);

  if (c.quoted_title) v[kW] += 2.5;  // strong person evidence can win

  // Gazetteers on the whole name.
  // "U.S." and "N.C." keep their final dot in the gazetteers.
  const std::string dotted = last.trailing_dot ? full + "." : std::string();
  if (!typographic && !dotted.empty()) {
    if (lex.org_names.Contains(dotted)) v[kO] += 4;
    if (lex.places.Contains(dotted)) v[kL] += 3;
  }
  if (!typographic) {
    if (auto e = lex.event_names.Find(full)) {
      v[kE] += 4;
      r.canonical = std::string(*e);
    }
    if (auto o = lex.org_names.Find(full)) {
      v[kO] += 4;
      if (!o->empty()) r.canonical = std::string(*o);
    }
    if (lex.places.Contains(full)) v[kL] += 3;
  }

  // Head nouns: the last word, or the first one before "of".
  const std::string& head = has_of ? words.front() : words.back();
  if (words.size() >= 2 && !c.quoted_title) {
    // '&' mostly joins title words ("... & The Long Road"), so a head noun
    // after it says less.
    const float weight = has_amp ? 1.5f : 3.0f;
    if (lex.org_heads.Contains(head)) v[kO] += weight;
    if (lex.event_heads.Contains(head)) v[kE] += weight;
    if (lex.place_heads.Contains(head)) v[kL] += weight;
  }
  // "North Korea", "Southern Europe", "St. Lucie", "Mt. Hood".
  if (words.size() >= 2 && IsPlacePrefix(words.front())) {
    std::string rest;
    for (size_t k = 1; k < words.size(); ++k) {
      if (k > 1) rest.push_back(' ');
      rest.append(words[k]);
    }
    v[kL] +=
        lex.places.Contains(rest) ? 3 : (IsSaintLike(words.front()) ? 2 : 0);
  }
  const bool has_head = v[kO] + v[kE] + v[kL] > 0;

  // Honorifics and given names.
  const std::string& w0 = words.front();
  if (words.size() >= 2 && lex.honorifics.Contains(w0)) {
    v[kP] += has_amp ? 1 : 3;
    r.gender = Lexicons::GenderOf(lex.honorifics, w0);
    if (r.gender == Gender::kUnknown && words.size() >= 3) {
      r.gender = Lexicons::GenderOf(lex.first_names, words[1]);  // Gov. Mike
    }
  }
  if (words.size() >= 2 && words.size() <= 4 && !has_amp && !has_of &&
      lex.first_names.Contains(w0)) {
    // Surnames can be head nouns ("Ann Hall"), so a head only weakens the
    // given-name evidence.
    v[kP] += has_head ? 1.5f : 2.5f;
    if (r.gender == Gender::kUnknown) {
      r.gender = Lexicons::GenderOf(lex.first_names, w0);
    }
  }

  // Shape.
  if (words.size() == 1) {
    const std::string& w = words.front();
    if (first.all_upper && IsPartyState(w)) {
      return r;  // "(R-IN)": party and state of a legislator
    } else if (first.all_upper && c.last + 1 < tokens.size() &&
               ctx.PunctAt(c.last + 1, ':') && first.sentence_start) {
      v[kP] += 2;  // a transcript's speaker label: "WALLACE: ..."
    } else if (first.all_upper && w.size() >= 2 && w.size() <= 5 &&
               !lex.IsCommonWord(w)) {
      v[kO] += 1.2;  // acronyms are mostly organisations (NASA, TDE)
    } else if (!first.upper_initial && first.inner_upper) {
      v[kO] += 1.5;  // "pgLang", "eBay"
    } else if (!first.upper_initial && first.inner_dot) {
      v[kP] += 0.5;  // "k.dot": a handle, needs a cue
    } else if (!all_common) {
      v[kP] += 0.9;  // a surname or a mononym, unless something says else
    }
  } else if (!has_amp && !has_of && words.size() <= 3) {
    v[kP] += all_common ? 0.3 : 1.0;
  }

  // The word before.
  const std::string prev = ctx.WordBefore(c.first);
  const std::string next = ctx.WordAt(c.last + 1);
  const bool closes = c.last + 1 >= tokens.size() ||
                      tokens[c.last + 1].kind == TokenKind::kPunct ||
                      tokens[c.last + 1].newline_before;
  if (!prev.empty()) {
    if (lex.person_roles.Contains(prev)) {
      v[kP] += 3;
      if (r.gender == Gender::kUnknown) {
        r.gender = Lexicons::GenderOf(lex.person_roles, prev);
      }
    }
    if (prev == "by") v[kP] += 1;
    if (IsPersonListCue(prev)) v[kP] += 2;
    if (lex.speech_verbs.Contains(prev) && closes && !last.possessive) {
      v[kP] += all_common ? 0.8 : 2;
    }
    if (lex.work_cues.Contains(prev)) v[kW] += 3;
    if (IsPlacePreposition(prev) && !all_common && !last.possessive) {
      v[kL] += 1.1;
    }
  } else if (c.first >= 2 && ctx.PunctAt(c.first - 1, ',') && closes) {
    // Appositive title: "his short film, We Cry Together, ...".
    const std::string before = ctx.WordBefore(c.first - 1);
    if (lex.work_cues.Contains(before)) v[kW] += 2.5;
    if (lex.person_roles.Contains(before)) v[kP] += 2;  // "her manager, X,"
  }

  // The word after (or the lower-case tail of "Williams-directed").
  if (last.hyphen_tail) {
    const std::string tail =
        LowerKey(text.substr(last.hyphen_tail, last.end - last.hyphen_tail));
    if (IsAuthorSuffix(tail)) v[kP] += 3;
  } else if (!next.empty() && !last.possessive) {
    if (lex.speech_verbs.Contains(next) ||
        (IsSpeechAdverb(next) &&
         lex.speech_verbs.Contains(ctx.WordAt(c.last + 2)))) {
      v[kP] += all_common ? 0.8 : 2;
    }
    if (lex.person_roles.Contains(next)) {
      // "the Compton rapper", "pgLang co-founder Dave Free": the name
      // qualifies a person instead of being one.
      const std::string after = ctx.WordAt(c.last + 2);
      const bool name_follows = c.last + 2 < tokens.size() &&
                                tokens[c.last + 2].upper_initial &&
                                IsWord(tokens[c.last + 2]);
      if (IsModifierLead(prev) || name_follows) {
        v[kP] = 0;
        if ((first.all_upper && words.size() == 1) || first.inner_upper ||
            !first.upper_initial) {
          v[kO] += 2;
        } else if (words.size() >= 2) {
          v[kW] += 2;
        } else {
          v[kL] += 1.5;
        }
      }
    }
    auto work_noun = [&](const std::string& w) {
      const auto cue = lex.work_cues.Find(w);
      return cue.has_value() && cue->empty();
    };
    if (work_noun(next) ||
        (IsWorkAdjective(next) && work_noun(ctx.WordAt(c.last + 2)))) {
      v[kW] += 2;
    }
  }
  if (!last.possessive && !last.hyphen_tail && c.last + 1 < tokens.size() &&
      !tokens[c.last + 1].newline_before && IsYear(text, tokens[c.last + 1]) &&
      !c.quoted_title) {
    // "Cannes Lions 2022", "World Cup 2026".
    v[kE] += 3;
    r.span.end = tokens[c.last + 1].end;
  }
  if (ctx.PunctAt(c.last + 1, ',') && !last.possessive) {
    // "Cannes, France", "ATLANTA, GA".
    const size_t n = c.last + 2;
    if (n < tokens.size() && !tokens[n].newline_before && IsWord(tokens[n])) {
      const std::string w = ctx.Key(tokens[n]);
      if ((tokens[n].all_upper && lex.region_codes.Contains(w)) ||
          (tokens[n].trailing_dot && lex.state_abbreviations.Contains(w)) ||
          (tokens[n].upper_initial && lex.places.Contains(w))) {
        v[kL] += 2.5;
      }
    }
  }
  if (words.size() == 1 && c.first >= 2 && ctx.PunctAt(c.first - 1, ',') &&
      ((first.all_upper && lex.region_codes.Contains(words[0])) ||
       (first.trailing_dot && lex.state_abbreviations.Contains(words[0]))) &&
      IsWord(tokens[c.first - 2]) && tokens[c.first - 2].upper_initial) {
    v[kL] += 3;  // the "GA" of "Atlanta, GA", the "Mich." of "Flint, Mich."
  }
  if (v[kE] > 0 && c.first > 0 && !first.newline_before &&
      IsYearOrOrdinal(text, tokens[c.first - 1])) {
    r.span.begin = tokens[c.first - 1].begin;  // "2023 Academy Awards"
  }

  int best = kP;
  for (int t = 1; t < 5; ++t) {
    if (v[t] > v[best]) best = t;
  }
  r.type = static_cast<EntityType>(best);
  r.score = v[best];
  if (r.type != EntityType::kPerson) r.gender = Gender::kUnknown;
  return r;
}

}  // namespace verbatim::entities
