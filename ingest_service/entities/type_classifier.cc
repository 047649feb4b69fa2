#include "ingest_service/entities/type_classifier.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_replace.h"
#include "common/text/fold.h"
#include "ingest_service/entities/text_util.h"
#include "ingest_service/entities/token_keys.h"

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

// "PACs", "CEOs": upper-case letters with a plural s are common nouns.
bool IsPluralAcronym(std::string_view text, const Token& t) {
  if (t.end - t.begin < 3 || text[t.end - 1] != 's') return false;
  for (size_t i = t.begin; i + 1 < t.end; ++i) {
    if (text[i] < 'A' || text[i] > 'Z') return false;
  }
  return true;
}

bool IsRomanNumeral(std::string_view key) {
  if (key.empty() || key.size() > 6) return false;
  for (const char c : key) {
    if (c != 'i' && c != 'v' && c != 'x' && c != 'l' && c != 'c') return false;
  }
  return true;
}

class Context {
 public:
  explicit Context(const TokenKeys& keys)
      : keys_(keys), tokens_(keys.tokens()) {}

  // Index of the word token before `i` on the same line, or npos.
  size_t WordBefore(size_t i) const {
    if (i == 0 || tokens_[i].newline_before) return kNone;
    return IsWord(tokens_[i - 1]) ? i - 1 : kNone;
  }
  // `i` if it is a word token on the same line as the one before, or npos.
  size_t WordAt(size_t i) const {
    if (i >= tokens_.size() || tokens_[i].newline_before) return kNone;
    return IsWord(tokens_[i]) ? i : kNone;
  }
  bool PunctAt(size_t i, char32_t c) const {
    return i < tokens_.size() && !tokens_[i].newline_before &&
           tokens_[i].kind == TokenKind::kPunct && tokens_[i].punct == c;
  }
  std::string_view Key(size_t i) const {
    return i == kNone ? std::string_view() : keys_.Key(i);
  }
  bool Has(size_t i, uint32_t flags) const {
    return i != kNone && keys_.Has(i, flags);
  }
  const WordInfo& Info(size_t i) const { return keys_.Info(i); }

  // Whether word `i` may stand between a speaker and the speech verb ("K-Dot
  // also explained"). Besides the listed words, any -ly adverb: a list could
  // not keep up with them.
  bool SpeechAdverb(size_t i) const {
    if (Has(i, kSpeechAdverb)) return true;
    const std::string_view key = Key(i);
    return key.size() > 4 && key.ends_with("ly");
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);

 private:
  const TokenKeys& keys_;
  const std::vector<Token>& tokens_;
};

// "McCain", "DeSantis", "O'Neil": a capital inside a person's name after a
// surname prefix (lexicons/surname_prefixes.txt).
bool IsSurnamePrefixed(std::string_view key, const Lexicons& lex) {
  for (size_t n = 2; n <= 4 && n < key.size(); ++n) {
    if (lex.surname_prefixes.Contains(key.substr(0, n))) return true;
  }
  return false;
}

// "NetChoice", "FiveThirtyEight": one word with capitals inside, as brands
// are written; not a surname ("McCain"), a compound ("Anglo-Saxon"), a
// hashtag or handle ("#JusticeForEli", "@MaryJBlige", "HillaryClinton": a
// given name first) or a code with digits.
bool IsCamelCaseBrand(std::string_view text, const Token& t,
                      std::string_view key, const Lexicons& lex) {
  if (!t.upper_initial || !t.inner_upper || t.all_upper || t.has_digit ||
      key.find('-') != std::string_view::npos || IsSurnamePrefixed(key, lex)) {
    return false;
  }
  if (t.begin > 0 && (text[t.begin - 1] == '#' || text[t.begin - 1] == '@')) {
    return false;
  }
  size_t part = 1;
  while (part < key.size() &&
         !(text[t.begin + part] >= 'A' && text[t.begin + part] <= 'Z')) {
    ++part;
  }
  return !lex.first_names.Contains(key.substr(0, part));
}

// "Journal-Constitution", "Post-Gazette": a newspaper's double head.
bool HyphenPartIsOrgHead(std::string_view key, const Lexicons& lex) {
  const size_t hyphen = key.find('-');
  if (hyphen == std::string_view::npos) return false;
  return lex.org_heads.Contains(key.substr(0, hyphen)) ||
         lex.org_heads.Contains(key.substr(key.rfind('-') + 1));
}

}  // namespace

Classification Classify(std::string_view text, const std::vector<Token>& tokens,
                        const Candidate& c, const Lexicons& lex) {
  const TokenKeys keys(text, tokens, lex);
  return Classify(keys, c);
}

Classification Classify(const TokenKeys& keys, const Candidate& c) {
  const std::string_view text = keys.text();
  const std::vector<Token>& tokens = keys.tokens();
  const Lexicons& lex = keys.lex();
  constexpr size_t kNone = Context::kNone;
  Classification r;
  r.span = c.span;
  auto& v = r.votes;
  const Context ctx(keys);

  absl::InlinedVector<size_t, 8> words;  // token indices of the words
  bool has_amp = false;
  bool has_of = false;
  size_t head_before_of = 0;
  bool all_common = true;
  size_t particles = 0;  // lower-case surname particles
  for (size_t k = c.first; k <= c.last; ++k) {
    const Token& t = tokens[k];
    if (!IsWord(t)) {
      has_amp |= t.punct == '&';
      continue;
    }
    // "U.S. Court of Appeals", "District Court for the Southern District of
    // Ohio": the head is the word before the first "of" or "for".
    if (!has_of && !words.empty() &&
        (ctx.Key(k) == "of" || ctx.Key(k) == "for")) {
      has_of = true;
      head_before_of = words.back();
    }
    words.push_back(k);
    if (!t.upper_initial && lex.IsSurnameParticle(ctx.Key(k))) ++particles;
    if (!ctx.Has(k, kCommonWord | kParticle)) all_common = false;
  }
  // "Margit van der Berg" has the shape of a two-word name.
  const size_t name_words = words.size() - particles;
  if (words.empty()) return r;
  const size_t w0 = words.front();
  const size_t wn = words.back();
  if (words.size() == 1) {
    // Alone, these describe rather than name: "the President", "American",
    // "PACs".
    if (ctx.Has(w0, kFunctionWord | kRole | kDemonym) ||
        IsPluralAcronym(text, tokens[c.first])) {
      return r;
    }
  }
  r.common_words_only = all_common;
  // Whether the name less its first word is in `gazetteer` (a single word:
  // flagged `one_word_flag`).
  auto rest_listed = [&](const text::Lexicon& gazetteer,
                         uint32_t one_word_flag) {
    if (words.size() < 2) return false;
    if (words.size() == 2) return ctx.Has(wn, one_word_flag);
    const size_t begin = tokens[words[1]].begin;
    return gazetteer.Contains(
        text::LowerKey(text.substr(begin, c.span.end - begin)));
  };
  // "Kenya" of "Athletics Kenya", "Korea" of "North Korea".
  auto rest_is_place = [&] { return rest_listed(lex.places, kPlaceName); };
  // "Mexican Red Cross": a listed organisation's national branch.
  auto rest_is_organization = [&] {
    return rest_listed(lex.org_names, kOrgName);
  };
  const Token& first = tokens[c.first];
  const Token& last = tokens[c.last];
  // "New York Democrat", "Sunni Muslims": descriptions, not names.
  if (!c.quoted_title && ctx.Has(wn, kDemonym)) return r;
  // "Mr Speaker", "Madam President": a form of address, an honorific and
  // roles only.
  if (words.size() >= 2 && ctx.Has(words[0], kHonorific) &&
      std::all_of(words.begin() + 1, words.end(),
                  [&](size_t w) { return ctx.Has(w, kRole); })) {
    return r;
  }
  // A lone capitalised dictionary word at a sentence start or in a headline
  // may be an ordinary word; gazetteer hits on such words need other cues.
  const bool typographic =
      all_common && !c.quoted_title && (first.sentence_start || c.title_line);

  if (typographic && words.size() == 1) {
    // Only a speech verb can make this a (weak) name; it then has to match
    // a name found elsewhere ("Free added" for "Dana Free"). So may an
    // appositive or clause after it ("Pierce, who produced ...") or a
    // possessive ("Vale's new album").
    if (!last.possessive && ctx.Has(ctx.WordAt(c.last + 1), kSpeechVerb)) {
      v[kP] += 0.8;
    } else if (first.sentence_start &&
               (ctx.PunctAt(c.last + 1, ',') || last.possessive)) {
      v[kP] += 0.1;
    }
    r.score = v[kP];
    return r;
  }
  if (c.quoted_title) v[kW] += 2.5;  // strong person evidence can win
  if (c.credit) v[kO] += 2;          // a studio's or agency's handle

  // Gazetteers on the whole name. One-word names are flagged per word; the
  // lookups by string are only needed for longer ones.
  const bool one_word =
      words.size() == 1 && !first.leading_dot && first.hyphen_tail == 0;
  // A capitalised dictionary word alone ("Time", "People") may be ordinary;
  // a multi-word gazetteer name ("White House") is a name anywhere.
  if (!typographic || !one_word) {
    std::string full;
    if (!one_word || ctx.Has(w0, kEventName | kOrgName | kPlaceName)) {
      full =
          text::LowerKey(text.substr(c.span.begin, c.span.end - c.span.begin));
    }
    // "US" and "U.S." are the United States.
    auto place = [&](const std::string& key) {
      const std::optional<std::string_view> canonical = lex.places.Find(key);
      if (!canonical.has_value()) return;
      v[kL] += 3;
      r.listed = true;
      if (!canonical->empty()) r.canonical = std::string(*canonical);
    };
    if (one_word ? ctx.Has(w0, kEventName) : lex.event_names.Contains(full)) {
      v[kE] += 4;
      r.listed = true;
      r.canonical = std::string(lex.event_names.Find(full).value_or(""));
    }
    if (one_word ? ctx.Has(w0, kOrgName)
                 : lex.org_names.Contains(full) ||
                       (ctx.Has(w0, kDemonym) && rest_is_organization())) {
      v[kO] += 4;
      r.listed = true;
      const std::string_view canonical = lex.org_names.Find(full).value_or("");
      if (!canonical.empty()) r.canonical = std::string(canonical);
    }
    place(full);
    // "U.S." and "N.C." keep their final dot in the gazetteers.
    if (last.trailing_dot) {
      if (full.empty()) {
        full = text::LowerKey(
            text.substr(c.span.begin, c.span.end - c.span.begin));
      }
      full.push_back('.');
      if (lex.org_names.Contains(full)) v[kO] += 4;
      place(full);
    }
  }

  // Head nouns: the last word (before a Roman numeral: "Super Bowl LVII"),
  // or the one before "of".
  size_t head = has_of ? head_before_of : wn;
  // "LLC" spells a numeral too, but is a head itself.
  if (!has_of && words.size() >= 3 && IsRomanNumeral(ctx.Key(wn)) &&
      !ctx.Has(wn, kOrgHead)) {
    head = words[words.size() - 2];
  }
  if (words.size() >= 2 && !c.quoted_title) {
    // '&' mostly joins title words ("... & The Long Road"), so a head noun
    // after it says less; a legal form ("Crane & Whitlock LLP") does not.
    const float weight =
        has_amp && lex.org_heads.Find(ctx.Key(head)) != "legal" ? 1.5f : 3.0f;
    if (ctx.Has(head, kOrgHead) || HyphenPartIsOrgHead(ctx.Key(head), lex)) {
      v[kO] += weight;
    }
    if (ctx.Has(head, kEventHead)) v[kE] += weight;
    // "Hedgehog Trust UK", "Imperial College London", "Spotify UK": an
    // organisation's branch or seat after its name.
    if (words.size() >= 2 && ctx.Has(wn, kPlaceName) &&
        (ctx.Has(words[words.size() - 2], kOrgHead) ||
         (words.size() == 2 && ctx.Has(w0, kOrgName)))) {
      v[kO] += weight;
    }
    if (ctx.Has(w0, kEventOpener)) v[kE] += 3;
    if (ctx.Has(w0, kOrgOpener)) {
      // "Athletics Kenya": a sport names a body only before a place.
      const bool before_place_only =
          lex.org_openers.Find(ctx.Key(w0)) == "before_place";
      if (!before_place_only || rest_is_place()) v[kO] += 3;
    }
    if (ctx.Has(head, kPlaceHead)) v[kL] += weight;
  }
  // "North Korea", "Southern Europe", "St. Lucie", "Mt. Hood".
  if (words.size() >= 2 && ctx.Has(w0, kPlacePrefix | kPlaceStart)) {
    const bool known = rest_is_place();
    // An unknown single word after a prefix ("North Yorkshire", "East
    // Anglia") names a region; after a prefix, a dictionary word may not
    // ("North Face").
    const bool region = words.size() == 2 && ctx.Has(w0, kPlacePrefix) &&
                        !ctx.Has(wn, kCommonWord | kFirstName);
    v[kL] += known ? 3 : (ctx.Has(w0, kPlaceStart) || region ? 2 : 0);
  }
  // "Minnesota Vikings", "New York Yankees": a place and a plural noun name
  // a team; less surely, so do a word or three words and a plural
  // dictionary noun ("Paper Satellites", "Marlow Falls Mustangs"), which a
  // person's name seldom is ("Tom Banks", "Gennifer Flowers" open with one).
  if (words.size() >= 2 && text[tokens[wn].end - 1] == 's' &&
      !tokens[wn].hyphen_tail && !ctx.Has(wn, kAnyHead)) {
    const size_t end = tokens[words[words.size() - 2]].end;
    const std::string_view key = ctx.Key(wn);
    if (words.size() == 2 ? ctx.Has(w0, kPlaceName)
                          : lex.places.Contains(text::LowerKey(text.substr(
                                c.span.begin, end - c.span.begin)))) {
      v[kO] += 3;
    } else if (!has_amp && !has_of && name_words <= 3 && !key.ends_with("ss") &&
               lex.IsCommonWord(key.substr(0, key.size() - 1)) &&
               !ctx.Has(w0, kFirstName | kHonorific | kRole) &&
               (name_words >= 3 || ctx.Has(w0, kCommonWord))) {
      v[kO] += 1.2;
    }
  }
  // "BBC Radio Humberside", "CNN International": a known organisation
  // opening a longer name names a part of it.
  if (words.size() >= 2 && !c.quoted_title && ctx.Has(w0, kOrgName) &&
      tokens[w0].all_upper && !tokens[words[1]].all_upper) {  // not a shout
    v[kO] += 3;
  }
  const bool has_head = v[kO] + v[kE] + v[kL] > 0;

  // Honorifics and given names.
  if (words.size() >= 2 && ctx.Has(w0, kHonorific)) {
    v[kP] += has_amp ? 1 : 3;
    r.gender = ctx.Info(w0).honorific_gender;
    if (r.gender == Gender::kUnknown && words.size() >= 3) {
      r.gender = ctx.Info(words[1]).first_name_gender;  // "Gov. Mike Pence"
    }
  }
  if (words.size() >= 2 && name_words <= 4 && !has_amp && !has_of &&
      ctx.Has(w0, kFirstName)) {
    // Surnames can be head nouns ("Ann Hall"), so a head only weakens the
    // given-name evidence.
    v[kP] += has_head ? 1.5f : 2.5f;
    if (r.gender == Gender::kUnknown) {
      r.gender = ctx.Info(w0).first_name_gender;
    }
  }
  // "Sun-hee Park", "Wong Kar-lok": a hyphenated given name with a
  // lower-case tail the dictionary lacks (the recognizer kept such tails).
  if (words.size() >= 2 && !has_amp && !has_of) {
    for (const size_t k : {w0, words[1]}) {
      const std::string_view w =
          text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
      const size_t hyphen = w.find('-');
      const bool lower_tail = hyphen != std::string_view::npos &&
                              IsLowerAsciiWord(w.substr(hyphen + 1));
      if (tokens[k].upper_initial && lower_tail && tokens[k].hyphen_tail == 0) {
        v[kP] += 2;
        break;
      }
    }
  }
  // "Van der Berg did not respond": a surname opened by its particles (in
  // capitals at a sentence start).
  if (words.size() >= 3 && particles >= 1 && name_words <= 2 && !has_amp &&
      !has_of && !has_head && lex.IsSurnameParticle(ctx.Key(w0))) {
    v[kP] += 2;
  }
  // "Mulvaney's wife, Ruth, said": a given name alone (the grouper keeps it
  // for a person only when it opens the person's name).
  if (words.size() == 1 && r.gender == Gender::kUnknown) {
    r.gender = ctx.Info(w0).first_name_gender;
  }

  // Not a heading in capitals ("CONGRESS HAS INVESTIGATED HIM —").
  if (!c.quoted_title && words.size() <= 3 && IsDateline(tokens, c) &&
      std::none_of(words.begin(), words.end(), [&](size_t k) {
        return ctx.Has(k, kFunctionWord | kClosedClassWord);
      })) {
    v[kL] += 3;
  }

  // Shape.
  if (words.size() == 1) {
    const std::string_view w = ctx.Key(w0);
    if (first.all_upper && c.last + 1 < tokens.size() &&
        ctx.PunctAt(c.last + 1, ':') && first.sentence_start) {
      v[kP] += 2;  // a transcript's speaker label: "WALLACE: ..."
    } else if (first.all_upper && !first.has_digit && w.size() >= 2 &&
               w.size() <= 5 && !ctx.Has(w0, kCommonWord) &&
               !(first.inner_dot &&
                 lex.IsCommonWord(absl::StrReplaceAll(
                     absl::string_view(w.data(), w.size()), {{".", ""}})))) {
      // Not "A.I." for "AI", a common noun.
      v[kO] += 1.2;  // acronyms are mostly organisations (NASA, TDE)
    } else if (!first.upper_initial && first.inner_upper) {
      v[kO] += 1.5;  // "pgLang", "eBay"
    } else if (IsCamelCaseBrand(text, first, w, lex)) {
      v[kO] += 1.2;  // "NetChoice", "JetBlue"; not "McCain", "DeSantis"
    } else if (!first.upper_initial && first.inner_dot) {
      v[kP] += 0.5;  // "k.dot": a handle, needs a cue
    } else if (!all_common) {
      // A surname or a mononym, unless something says else; a known given
      // name alone ("Rihanna") is enough for a person.
      v[kP] += ctx.Has(w0, kFirstName) ? 1.1 : 0.9;
    }
  } else if (!has_amp && !has_of && name_words <= 3) {
    v[kP] += all_common ? 0.3 : 1.0;
  }

  // The word before.
  const size_t prev = ctx.WordBefore(c.first);
  const size_t next = ctx.WordAt(c.last + 1);
  const bool closes = c.last + 1 >= tokens.size() ||
                      tokens[c.last + 1].kind == TokenKind::kPunct ||
                      tokens[c.last + 1].newline_before;
  if (prev != kNone) {
    const std::string_view prev_key = ctx.Key(prev);
    // Not "my father's TV": after a possessive role comes what is theirs.
    if (ctx.Has(prev, kRole) && !tokens[prev].possessive) {
      v[kP] += 3;
      if (r.gender == Gender::kUnknown) r.gender = ctx.Info(prev).role_gender;
    }
    if (prev_key == "by") v[kP] += 1;
    // "the town of Ashby", "the county of Kent"; "70 km south-west of
    // Salina Cruz" (a compass point; its hyphen tail is not in the key).
    if (prev_key == "of") {
      const size_t noun = ctx.WordBefore(prev);
      if (noun != kNone && ctx.Has(noun, kPlaceHead | kPlacePrefix) &&
          !tokens[noun].upper_initial) {
        v[kL] += 3;
      }
    }
    // "an analyst at Morningstar", "a professor at Carleton": where a person
    // works.
    if (prev_key == "at" && !ctx.Has(c.first, kPlaceName)) {
      const size_t role = ctx.WordBefore(prev);
      if (role != kNone &&
          (!tokens[role].upper_initial || tokens[role].sentence_start) &&
          lex.IsRoleOrPlural(ctx.Key(role))) {
        v[kO] += 2;
      }
    }
    if (ctx.Has(prev, kPersonListCue)) v[kP] += 2;
    if (ctx.Has(prev, kSpeechVerb) && closes && !last.possessive &&
        lex.speech_verbs.Find(prev_key) != "listener") {
      v[kP] += all_common ? 0.8 : 2;
    }
    // Stronger than a head noun: "her new feature Quiet Harbour".
    if (ctx.Has(prev, kWorkCue)) v[kW] += 3.5;
    // "his firm Brask Maritime"; not "the NFL Network's Rich Eisen" (a
    // name's possessive) nor "a network Russia financed" (a known place).
    if (ctx.Has(prev, kOrgCue) && !tokens[prev].upper_initial &&
        !tokens[prev].possessive &&
        !(words.size() == 1 && ctx.Has(c.first, kPlaceName))) {
      v[kO] += 3;
    }
    // Just above a lone given name: "near Cameron", "in Eugene".
    if (ctx.Has(prev, kPlacePreposition) && !all_common && !last.possessive) {
      v[kL] += 1.15;
    }
  } else if (c.first >= 2 && ctx.PunctAt(c.first - 1, ',') && closes) {
    // Appositive title: "his short film, We Cry Together, ...".
    const size_t before = ctx.WordBefore(c.first - 1);
    // Stronger than a head noun: "her debut, Quiet Harbour, ...".
    if (ctx.Has(before, kWorkCue)) v[kW] += 3.5;
    if (ctx.Has(before, kRole)) v[kP] += 2;  // "her manager, X,"
    // "The company, Granite State Aggregates, said".
    if (ctx.Has(before, kOrgCue) && !tokens[before].upper_initial) v[kO] += 3;
  }

  // "Vantly, the maker of ...", "Brask, a startup that ...": an appositive
  // that describes an organisation; "Brennan Glass, which is owned by":
  // no person.
  if (ctx.PunctAt(c.last + 1, ',') && !last.possessive) {
    size_t k = ctx.WordAt(c.last + 2);
    if (k != kNone && !c.quoted_title && !all_common && ctx.Key(k) == "which" &&
        v[kL] == 0 && v[kE] == 0) {
      v[kO] += 3;
    }
    if (k != kNone && !tokens[k].upper_initial &&
        (ctx.Key(k) == "the" || ctx.Key(k) == "a" || ctx.Key(k) == "an")) {
      for (int skipped = 0; skipped < 3; ++skipped) {
        k = ctx.WordAt(k + 1);
        // "Saffi, the British singer,": a nationality may qualify the role.
        if (k != kNone && ctx.Has(k, kDemonym) && !tokens[k].possessive) {
          continue;
        }
        // Not "Harland, the union's general secretary".
        if (k == kNone || tokens[k].upper_initial || tokens[k].possessive) {
          break;
        }
        // "Saffi, the singer,", "Lee, a singer who ...": a person's role
        // closing an appositive; not "on Rewane Road, the judge said:", a
        // clause's subject.
        if (ctx.Has(k, kRole) && !ctx.Has(k, kOrgCue) && v[kO] == 0) {
          // Not "for the Opposition, the shadow minister, Aisha Bello":
          // a role before a name is that name's.
          const size_t after = k + 1;
          const size_t named = ctx.WordAt(after + 1);
          const bool comma = ctx.PunctAt(after, ',') &&
                             (named == kNone || !tokens[named].upper_initial);
          const std::string_view next =
              after < tokens.size() ? ctx.Key(after) : std::string_view();
          if (comma || ctx.PunctAt(after, '.') || next == "who" ||
              next == "whose") {
            v[kP] += 2;
          }
          break;
        }
        // "a trade group", not "a group of Republicans"; nor "a
        // site-reliability engineer", where the cue only qualifies.
        if (ctx.Has(k, kOrgCue) && !tokens[k].hyphen_tail &&
            (skipped > 0 || lex.org_cues.Find(ctx.Key(k)) != "modified")) {
          v[kO] += 3;
          break;
        }
      }
    }
  }

  // The word after (or the lower-case tail of "Williams-directed").
  if (last.hyphen_tail) {
    const std::string tail = text::LowerKey(
        text.substr(last.hyphen_tail, last.end - last.hyphen_tail));
    if (lex.author_suffixes.Contains(tail)) v[kP] += 3;
  } else if (next != kNone && !last.possessive) {
    // Organisations speak too ("the Harwick Observer wrote"): with a head
    // noun the verb says nothing about the type. Nor does it after "of" or
    // "from": "the mayor of Castrobel said" speaks, not Castrobel.
    const bool object =
        prev != kNone && (ctx.Key(prev) == "of" || ctx.Key(prev) == "from");
    if (!has_head && !object &&
        (ctx.Has(next, kSpeechVerb) ||
         (ctx.SpeechAdverb(next) &&
          ctx.Has(ctx.WordAt(c.last + 2), kSpeechVerb)))) {
      v[kP] += all_common ? 0.8 : 2;
    }
    if (ctx.Has(next, kRole)) {
      // "the Compton rapper", "pgLang co-founder Dave Free": the name
      // qualifies a person instead of being one.
      // A role of two words too: "Greyson Power chief executive Alan ...".
      size_t after = c.last + 2;
      if (after < tokens.size() && IsWord(tokens[after]) &&
          !tokens[after].upper_initial && ctx.Has(after, kRole)) {
        ++after;
      }
      const bool name_follows = after < tokens.size() &&
                                tokens[after].upper_initial &&
                                IsWord(tokens[after]);
      if (ctx.Has(prev, kRoleOpener) || name_follows) {
        v[kP] = 0;
        if (lex.member_roles.Contains(ctx.Key(next))) {
          v[kO] += 3;  // the employer: as strong as a speech verb
        } else if ((first.all_upper && words.size() == 1) ||
                   first.inner_upper || !first.upper_initial) {
          v[kO] += 2;
        } else if (words.size() >= 2) {
          v[kW] += 2;
        } else {
          v[kL] += 1.5;
        }
      }
    }
    // "the Eastgate neighborhood", "Leeds station".
    if (words.size() == 1 && !tokens[next].upper_initial &&
        lex.place_heads.Find(ctx.Key(next)) == "after") {
      v[kL] += 2;
    }
    if (ctx.Has(next, kWorkCueAfter) ||
        (ctx.Has(next, kWorkAdjective) &&
         ctx.Has(ctx.WordAt(c.last + 2), kWorkCueAfter))) {
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
    // "Cannes, France", "ATLANTA, GA", "Flint, Mich."; not "Ana Ruiz,
    // Bangladesh's minister".
    const size_t n = ctx.WordAt(c.last + 2);
    if (n != kNone && !tokens[n].possessive &&
        ((tokens[n].all_upper && ctx.Has(n, kRegionCode)) ||
         (tokens[n].trailing_dot && ctx.Has(n, kStateAbbreviation)) ||
         (tokens[n].upper_initial && ctx.Has(n, kPlaceName)))) {
      v[kL] += 2.5;
    }
  }
  if (words.size() == 1 && c.first >= 2 && ctx.PunctAt(c.first - 1, ',') &&
      ((first.all_upper && ctx.Has(w0, kRegionCode)) ||
       (first.trailing_dot && ctx.Has(w0, kStateAbbreviation))) &&
      IsWord(tokens[c.first - 2]) && tokens[c.first - 2].upper_initial) {
    v[kL] += 3;  // the "GA" of "Atlanta, GA", the "Mich." of "Flint, Mich."
    if (first.trailing_dot) {
      r.canonical =
          std::string(lex.state_abbreviations.Find(ctx.Key(w0)).value_or(""));
    }
  }
  if (v[kE] > 0 && c.first > 0 && !first.newline_before &&
      IsWord(tokens[c.first - 1]) &&
      IsYearOrOrdinal(
          text.substr(tokens[c.first - 1].begin,
                      tokens[c.first - 1].end - tokens[c.first - 1].begin))) {
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
