#include "ingest_service/entities/candidate_finder.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text/fold.h"
#include "ingest_service/entities/text_util.h"
#include "ingest_service/entities/token_keys.h"

namespace verbatim::entities {
namespace {

// "I’ve", "We’re", "You’ll": pronoun contractions, never names.
bool IsContraction(std::string_view key) {
  const size_t apostrophe = key.rfind('\'');
  if (apostrophe == std::string_view::npos) return false;
  const std::string_view tail = key.substr(apostrophe + 1);
  return tail == "ve" || tail == "m" || tail == "ll" || tail == "re" ||
         tail == "d" || tail == "t";
}

struct Context {
  std::string_view text;
  const std::vector<Token>& tokens;
  const Lexicons& lex;
  const std::vector<bool>& title;
  const TokenKeys& keys;

  std::string_view Key(size_t i) const { return keys.Key(i); }
  bool Has(size_t i, uint32_t flags) const { return keys.Has(i, flags); }
};

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }

// Whether ", a|an|the ... <role>" (a role word within four words) follows
// token `last`.
bool ApposedRoleFollows(const Context& ctx, size_t last) {
  size_t k = last + 1;
  if (k >= ctx.tokens.size() || ctx.tokens[k].kind == TokenKind::kWord ||
      ctx.tokens[k].punct != ',') {
    return false;
  }
  ++k;
  if (k >= ctx.tokens.size() || !IsWord(ctx.tokens[k])) return false;
  const std::string_view article = ctx.Key(k);
  if (article != "a" && article != "an" && article != "the") return false;
  for (size_t r = k + 1; r < ctx.tokens.size() && r <= k + 4; ++r) {
    if (!IsWord(ctx.tokens[r])) return false;
    if (ctx.Has(r, kRole)) return true;
  }
  return false;
}

// "van", "der", "bin": a lower-case word of a person's surname.
bool SurnameParticle(const Context& ctx, size_t i) {
  const Token& t = ctx.tokens[i];
  return IsWord(t) && !t.upper_initial && !t.inner_upper &&
         ctx.lex.IsSurnameParticle(ctx.Key(i));
}

// Surnames keep at most "de la" or "van der" of particles in a row.
constexpr size_t kMaxSurnameParticles = 3;

bool NameLike(const Context& ctx, size_t i, bool continuing) {
  const Token& t = ctx.tokens[i];
  if (!IsWord(t) || !t.has_letter) return false;
  if (t.leading_dot) return true;
  if (!t.upper_initial && !t.inner_upper && !t.inner_dot) return false;
  const std::string_view key = ctx.Key(i);
  if (!t.upper_initial) {
    if (t.inner_upper) {
      // "pgLang", "iPhone", "eBay"; a long lower-case run first is a user
      // handle ("pamkeyNEN"), and a hyphen after it a prefixed adjective
      // ("un-American", "anti-Trump"), not a brand.
      size_t lower_run = 0;
      while (lower_run < key.size() &&
             ctx.text[t.begin + lower_run] == key[lower_run] &&
             key[lower_run] != '-') {
        ++lower_run;
      }
      if (lower_run < key.size() && key[lower_run] == '-') {
        // "al-Nouri", "el-Amin": a surname particle glued to a name.
        return ctx.lex.IsSurnameParticle(key.substr(0, lower_run));
      }
      return lower_run <= 3;
    }
    if (t.inner_dot) {  // "k.dot", but not "example.com" or "a.m"
      const std::string_view tail = key.substr(key.rfind('.') + 1);
      return tail.size() >= 2 && !ctx.lex.domain_suffixes.Contains(tail);
    }
    return false;
  }
  // A lone letter ("I", "Â") is a pronoun or noise unless it is an initial.
  size_t first_len = 0;
  DecodeUtf8(ctx.text, t.begin, first_len);
  if (t.begin + first_len == t.end && !t.trailing_dot && !continuing) {
    return false;
  }
  if (ctx.Has(i, kDateWord)) return false;
  if (IsContraction(key)) return false;
  if (ctx.title[i] && !continuing && ctx.Has(i, kCommonWord) &&
      !ctx.Has(i, kFirstName | kHonorific)) {
    return false;
  }
  return true;
}

// On a Title Case line a dictionary word continues a name only right after a
// leading given name ("Dave Free Discusses" keeps "Free", drops the rest;
// "By Renata Solis" keeps "Solis").
bool ContinuesOnTitleLine(const Context& ctx, size_t first, size_t prev,
                          size_t i) {
  if (!ctx.title[i]) return true;
  const Token& t = ctx.tokens[i];
  if (!ctx.Has(i, kCommonWord) || ctx.Has(i, kFirstName)) return true;
  // "Harlow Pictures", "Brit Awards": a head noun completes the name.
  if (ctx.Has(i, kAnyHead)) return true;
  if (t.leading_dot) return true;
  const bool leading =
      prev == first ||
      (prev == first + 1 && ctx.Has(first, kFunctionWord | kClosedClassWord));
  return leading && ctx.Has(prev, kFirstName);
}

// Whether a dot after tokens[i] may sit inside a name ("Mr. Musk", "K. Dot")
// that goes on with tokens[next].
bool DotContinues(const Context& ctx, size_t i, size_t next) {
  const Token& t = ctx.tokens[i];
  if (!t.trailing_dot || !t.upper_initial) return false;
  if (t.end - t.begin == 1) return true;
  // "U.S. District Court", "U.K. Border Force"; not "to the U.S. The ...",
  // nor in a headline, where every word is capitalised ("Navigate U.S.
  // Media").
  // Not after a city ("Fargo, N.D. About 300 pilots ...").
  if (t.inner_dot && t.all_upper && t.end - t.begin <= 5) {
    const bool after_city = i > 0 &&
                            ctx.tokens[i - 1].kind == TokenKind::kPunct &&
                            ctx.tokens[i - 1].punct == ',';
    return next < ctx.tokens.size() && !ctx.title[next] && !after_city &&
           !ctx.Has(next, kFunctionWord | kClosedClassWord | kDateWord);
  }
  return ctx.Has(i, kHonorific | kNameAbbreviation);
}

// "Kendrick Lamar & Tems": a full personal name before '&' lists people
// rather than opening a title like "Mr. Morale & The Big Steppers"; a
// given name before an organisation head is no person ("Sierra Gas &
// Electric").
bool PersonBefore(const Context& ctx, size_t first, size_t last) {
  if (last == first) return false;
  return ctx.Has(first, kFirstName) && !ctx.Has(last, kOrgHead);
}

// "Mitch Brady of Kentucky", "Senator Mitch Brady of Kentucky": after a given
// name or honorific, or a title and a given name, "of" and "for" start a
// description, not more of the name.
bool PersonLed(const Context& ctx, size_t first, size_t last) {
  if (last == first) return false;
  // "The Rev. Kwame Asante of ...", "Detective Superintendent Fiona Grant
  // of ...": an article and a run of titles before the name.
  const size_t opening = ctx.Key(first) == "the" ? first + 1 : first;
  size_t name = opening;
  while (name < last &&
         (ctx.tokens[name].kind != TokenKind::kWord ||
          (ctx.Has(name, kRole | kHonorific) && !ctx.Has(name, kFirstName)))) {
    ++name;
  }
  const bool titled = name > opening && name < last;
  return ctx.Has(first, kFirstName | kHonorific) ||
         // "President Xi Jinping of China": a title, then a name the
         // lexicons lack.
         ((ctx.Has(first, kRole) || titled) &&
          (ctx.Has(name, kFirstName) ||
           !ctx.Has(name, kCommonWord | kAnyHead | kPlaceName))) ||
         // "Republican Sen. Mitch Brady of Kentucky"
         (ctx.Has(first, kDemonym) && ctx.Has(first + 1, kHonorific));
}

// "International Longshoremen's Association", "Writers' Guild": the
// possessive of a plural dictionary word (not of a name, "Harvard's Kennedy
// School", nor of a whole organisation, "Johns Hopkins University's School")
// followed by capitalised words ending in an organisation head. So is a
// saint's ("St. Brendan's Medical Center", "St Paul's Cathedral") before a
// head of any kind or another such possessive, and a role's right before an
// organisation head ("County Attorney's Office").
bool PossessiveInsideName(const Context& ctx, size_t i) {
  const std::string_view key = ctx.Key(i);
  const bool plural =
      key.size() >= 4 && (key.ends_with('s') || key.ends_with("men") ||
                          key.ends_with("ren") || key.ends_with("ple"));
  auto saint_at = [&](size_t k) {
    return ctx.Key(k) == "st" || ctx.Key(k) == "saint";
  };
  const bool saint = i >= 1 && ctx.tokens[i].upper_initial &&
                     (saint_at(i - 1) ||
                      (i >= 2 && ctx.tokens[i - 1].kind == TokenKind::kPunct &&
                       ctx.tokens[i - 1].punct == '.' && saint_at(i - 2)));
  // "Maricopa County Attorney's Office": an office named for its holder.
  const bool office = ctx.tokens[i].upper_initial && ctx.Has(i, kRole) &&
                      i + 1 < ctx.tokens.size() && ctx.Has(i + 1, kOrgHead);
  if (office) return true;
  // "Dock Workers' Union", "Quarrywell Employees' Forum": the bare mark of
  // a plural is never a whole organisation's.
  const bool plural_mark =
      ctx.tokens[i].plural_possessive && ctx.tokens[i].upper_initial;
  if (!saint && !plural_mark &&
      (!plural || !ctx.Has(i, kCommonWord) || ctx.Has(i, kOrgHead) ||
       !ctx.tokens[i].upper_initial)) {
    return false;
  }
  const unsigned heads = saint ? kAnyHead : kOrgHead;
  for (size_t k = i + 1; k < ctx.tokens.size() && k <= i + 3; ++k) {
    const Token& t = ctx.tokens[k];
    if (!IsWord(t) || !t.upper_initial || t.newline_before) return false;
    if (ctx.Has(k, heads)) return true;
    // "St Brendan's Children's Hospital": a second such possessive.
    if (t.possessive) return PossessiveInsideName(ctx, k);
  }
  return false;
}

// "National Museum of African American History and Culture", "Center for
// Strategic and International Studies": after an organisation head and "of"
// or "for", dictionary words after the "and" at `and_at` go on with the
// complement rather than naming a second organisation ("Bank of America and
// Wells Fargo", "the ACLU of Ohio and Demos": a place completes it).
bool OfPhraseGoesOn(const Context& ctx, size_t first, size_t and_at,
                    size_t last) {
  size_t complement = 0;
  for (size_t k = first + 1; k + 1 < and_at && complement == 0; ++k) {
    const std::string_view key = ctx.Key(k);
    if ((key == "of" || key == "for") && ctx.Has(k - 1, kOrgHead)) {
      complement = k + 1;
    }
  }
  if (complement == 0) return false;
  if (complement + 1 == and_at && ctx.Has(complement, kPlaceName)) {
    return false;
  }
  for (size_t k = and_at + 1; k <= last; ++k) {
    if (ctx.tokens[k].kind == TokenKind::kWord && !ctx.Has(k, kCommonWord)) {
      return false;
    }
  }
  return true;
}

// "her new feature, Salt and Iron,", "the novel War and Peace": after a work
// cue (or a cue and a comma), a short run with "and" is one title, unless a
// person's name follows the "and" at `and_at` ("the classic Belly and
// Quentin Tarantino").
bool TitleAfterWorkCue(const Context& ctx, size_t first, size_t and_at,
                       size_t last) {
  if (first == 0 || last > first + 4 ||
      ctx.Has(and_at + 1, kFirstName | kHonorific)) {
    return false;
  }
  size_t cue = first - 1;
  if (ctx.tokens[cue].kind == TokenKind::kPunct &&
      ctx.tokens[cue].punct == ',' && cue > 0) {
    --cue;
  }
  return ctx.Has(cue, kWorkCue);
}

// Whether the words first..last before an "and" already make a whole name,
// so that the "and" lists two names even when the second ends in an
// organisation head: "the Urban Institute and Brookings Institution", "the
// FBI and Justice Department", "Ana Ruiz and Fox News". One word alone is
// not ("Securities and Exchange Commission", "Food and Drug Administration"),
// nor a name ending in a head that also names a field ("House Energy and
// Commerce Committee": lexicon org_heads.txt, values `closing` and `legal`).
bool WholeNameBeforeAnd(const Context& ctx, size_t first, size_t last) {
  if (first == last) {
    const Token& t = ctx.tokens[first];
    return t.all_upper && t.end - t.begin >= 2 && !ctx.Has(first, kCommonWord);
  }
  const std::optional<std::string_view> head =
      ctx.lex.org_heads.Find(ctx.Key(last));
  // "the Grammy Awards and Brit Awards": an event's name is whole too.
  return head == "closing" || head == "legal" || ctx.Has(last, kEventHead) ||
         PersonLed(ctx, first, last);
}

// "Li Wenjie of Brightwater Securities": two or more capitalised words (and
// any surname particles between them) the lexicons know nothing of (no given
// name, head, place or dictionary word) are a person's name, which "of" does
// not continue.
bool UnknownNameRun(const Context& ctx, size_t first, size_t last) {
  if (last == first) return false;
  for (size_t k = first; k <= last; ++k) {
    // "Maarten van Leeuwen": surname particles inside it.
    if (k > first && k < last && SurnameParticle(ctx, k)) continue;
    if (!IsWord(ctx.tokens[k]) || !ctx.tokens[k].upper_initial ||
        ctx.Has(k, kCommonWord | kAnyHead | kPlaceName | kOrgName | kRole |
                       kDemonym | kFirstName | kHonorific)) {
      return false;
    }
  }
  return true;
}

// Adjacent on one line: only spaces between a and the token after it.
bool SameLine(const Token& next) { return !next.newline_before; }

// "Photo Credit: pgLang / project3 & Park Pictures", "Photo by ana.ruiz":
// the lower-case items of a credit line, which the capitalised-word search
// misses. A credit line opens with credit words (lexicons/credit_words.txt)
// and a colon or "by"; its items are separated by '/', '&', ',' or ';'.
std::vector<Candidate> CreditItems(const Context& ctx) {
  std::vector<Candidate> out;
  const auto& tokens = ctx.tokens;
  auto separator = [&](size_t k) {
    if (k >= tokens.size() || tokens[k].newline_before) return true;
    const Token& t = tokens[k];
    return t.kind == TokenKind::kPunct &&
           (t.punct == '/' || t.punct == '&' || t.punct == ',' ||
            t.punct == ';' || t.punct == ':' || t.punct == ')');
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && !tokens[i].newline_before) continue;  // line starts only
    size_t k = i;
    if (k < tokens.size() && tokens[k].kind == TokenKind::kPunct &&
        tokens[k].punct == '(') {
      ++k;
    }
    const size_t words_begin = k;
    while (k < tokens.size() && k < words_begin + 2 && IsWord(tokens[k]) &&
           ctx.lex.credit_words.Contains(ctx.Key(k))) {
      ++k;
    }
    if (k == words_begin || k >= tokens.size() || tokens[k].newline_before ||
        !(ctx.Key(k) == "by" ||
          (tokens[k].kind == TokenKind::kPunct && tokens[k].punct == ':'))) {
      continue;
    }
    for (++k; k < tokens.size() && !tokens[k].newline_before; ++k) {
      const Token& t = tokens[k];
      const bool after_separator = separator(k - 1) || ctx.Key(k - 1) == "by";
      if (!IsWord(t) || t.upper_initial || t.inner_upper || !t.has_letter ||
          !after_separator || !separator(k + 1) ||
          (!t.has_digit && ctx.Has(k, kCommonWord | kFunctionWord))) {
        continue;
      }
      Candidate c;
      c.first = c.last = k;
      c.span = {t.begin, t.end};
      c.credit = true;
      out.push_back(c);
    }
  }
  return out;
}

std::vector<Candidate> QuotedTitles(const Context& ctx) {
  std::vector<Candidate> out;
  const auto& tokens = ctx.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& open = tokens[i];
    if (open.kind != TokenKind::kPunct || !IsOpeningQuoteMark(open.punct))
      continue;
    if (open.punct == '"' && !open.space_before && !open.newline_before &&
        i > 0 && tokens[i - 1].kind == TokenKind::kWord) {
      continue;  // a closing straight quote
    }
    const char32_t close = ClosingQuoteMark(open.punct);
    size_t words = 0;
    size_t j = i + 1;
    bool ok = true;
    for (; j < tokens.size() && j <= i + 14; ++j) {
      const Token& t = tokens[j];
      if (t.newline_before) {
        ok = false;
        break;
      }
      if (t.kind == TokenKind::kPunct) {
        if (t.punct == close) break;
        if (t.punct == '&' || t.punct == '-' || t.punct == 0x2019 ||
            t.punct == '\'' || t.punct == ':' || t.punct == '.' ||
            t.punct == ',' || t.punct == '!' || t.punct == '?') {
          continue;
        }
        ok = false;
        break;
      }
      ++words;
    }
    if (!ok || j >= tokens.size() || tokens[j].kind != TokenKind::kPunct ||
        tokens[j].punct != close || words == 0 || words > 8) {
      continue;
    }
    // Content: first word capitalised, every non-minor word capitalised, and
    // no sentence-like punctuation except a trailing one ("Together,”).
    size_t last = j - 1;
    while (last > i && tokens[last].kind == TokenKind::kPunct) --last;
    bool title = last > i && tokens[i + 1].kind == TokenKind::kWord &&
                 tokens[i + 1].upper_initial;
    size_t common = 0;
    for (size_t k = i + 1; title && k <= last; ++k) {
      const Token& t = tokens[k];
      if (t.kind == TokenKind::kPunct) {
        if (t.punct == ',' || t.punct == '.' || t.punct == '!' ||
            t.punct == '?') {
          title = false;
        }
        continue;
      }
      if (!t.upper_initial && !t.has_digit && !ctx.Has(k, kMinorTitleWord)) {
        title = false;
      }
      if (ctx.Has(k, kCommonWord | kMinorTitleWord)) ++common;
    }
    if (!title) continue;
    // A lone capitalised dictionary word in quotes is emphasis ("OK"),
    // unless it stands between a given name and a name: 'Ray "Rooster"
    // Malloy' (not in a headline: 'Trump Was ‘Mocking’ Clinton Camp').
    const bool between_names =
        i > 0 && ctx.Has(i - 1, kFirstName) && !ctx.title[i] &&
        j + 1 < tokens.size() && tokens[j + 1].kind == TokenKind::kWord &&
        tokens[j + 1].upper_initial && !tokens[j + 1].newline_before;
    if (words == 1 && common == 1 && !between_names) continue;
    Candidate c;
    c.first = i + 1;
    c.last = last;
    c.span = {tokens[i + 1].begin, tokens[last].end};
    c.quoted_title = true;
    out.push_back(c);
    i = j;
  }
  return out;
}

// Drops words glued to the front of a name by capitalisation alone: an
// article ("The Compton rapper"), a sentence-initial dictionary word
// ("Featuring Blxst") or a role used as a title ("Rapper Kendrick Lamar").
// They stay visible to the classifier as the preceding word.
// "Secretary of State John Kerry", "Executive Director Ana Ruiz": a title
// inside the sequence ends at its last role word; the person's name follows.
void CutAfterInnerTitle(const Context& ctx, Candidate& c) {
  size_t role = c.last + 1;
  for (size_t k = c.first; k + 1 < c.last; ++k) {
    const Token& t = ctx.tokens[k];
    if (t.kind == TokenKind::kWord && t.upper_initial && ctx.Has(k, kRole)) {
      role = k;
    }
  }
  if (role > c.last) {
    // "New Jersey Gov. Chris Christie", "Idaho Sen. Harlan Whitsett": the
    // name starts at an inner honorific before a given name, or at an
    // abbreviated one before capitalised words.
    for (size_t k = c.first + 1; k + 1 <= c.last; ++k) {
      const Token& t = ctx.tokens[k];
      const size_t next = k + 1 + (t.trailing_dot ? 1 : 0);
      // "Det Sgt Gareth Llewellyn": a run of honorifics stays whole.
      size_t before = k - 1;
      if (before > c.first && !IsWord(ctx.tokens[before])) --before;
      if (ctx.Has(before, kHonorific)) continue;
      if (t.kind == TokenKind::kWord && t.upper_initial &&
          ctx.Has(k, kHonorific) &&
          (ctx.Has(next, kFirstName) ||
           (t.trailing_dot && next <= c.last && IsWord(ctx.tokens[next]) &&
            ctx.tokens[next].upper_initial))) {
        c.first = k;
        c.span.begin = t.begin;
        return;
      }
    }
    return;
  }
  // A given name after the title starts the person's name ("Secretary of
  // State John Kerry").
  for (size_t k = role + 1; k < c.last; ++k) {
    const Token& t = ctx.tokens[k];
    if (t.kind == TokenKind::kWord && t.upper_initial &&
        ctx.Has(k, kFirstName)) {
      c.first = k;
      c.span.begin = t.begin;
      return;
    }
  }
  size_t words = 0;
  for (size_t k = role + 1; k <= c.last; ++k) {
    const Token& t = ctx.tokens[k];
    if (t.kind != TokenKind::kWord) continue;
    // "van der" in "Kestrel CEO Margarethe van der Linden" is no break.
    if (!t.upper_initial && !t.leading_dot && k < c.last &&
        SurnameParticle(ctx, k)) {
      continue;
    }
    if (!t.upper_initial && !t.leading_dot) return;  // "of the", "and"
    if (ctx.Has(k, kAnyHead)) return;
    ++words;
  }
  if (words < 2) return;
  c.first = role + 1;
  c.span.begin = ctx.tokens[role + 1].begin;
}

// Whether the candidate's whole text is a name the gazetteers list ("Los
// Angeles", "Friends of the Earth"): its words stay as they are.
bool ListedName(const Context& ctx, const Candidate& c) {
  const std::string full =
      text::LowerKey(ctx.text.substr(c.span.begin, c.span.end - c.span.begin));
  return ctx.lex.places.Contains(full) || ctx.lex.org_names.Contains(full) ||
         ctx.lex.event_names.Contains(full);
}

// "The Brightwell CEO said": a role noun ending a name without a given name
// is the role of whoever the name qualifies (but "Stephen King", "Carole
// King" keep theirs).
void CutTrailingRole(const Context& ctx, Candidate& c) {
  if (c.last <= c.first || !IsWord(ctx.tokens[c.last]) ||
      !ctx.Has(c.last, kRole)) {
    return;
  }
  // "a Gold Star mother": a role before another qualifies that one.
  if (const size_t next = c.last + 1; next < ctx.tokens.size() &&
                                      IsWord(ctx.tokens[next]) &&
                                      ctx.Has(next, kRole)) {
    return;
  }
  size_t prev = c.last - 1;
  if (!IsWord(ctx.tokens[prev])) return;
  // "the Skyway Airlines CEO": a role after an organisation's head is the
  // organisation's officer (but "Center of Media Justice" is one name).
  bool after_org = ctx.Has(prev, kOrgHead);
  for (size_t k = c.first; after_org && k < prev; ++k) {
    after_org = ctx.tokens[k].upper_initial;
  }
  for (size_t k = c.first; k <= prev; ++k) {
    const uint32_t stops = after_org
                               ? kRole | kFirstName | kHonorific
                               : kRole | kFirstName | kHonorific | kAnyHead;
    if (IsWord(ctx.tokens[k]) && ctx.Has(k, stops)) return;
  }
  if (ListedName(ctx, c)) return;
  // "Jahangir Alam Sheikh": after two name words the lexicons lack, a role
  // word that is no acronym is a surname.
  if (prev > c.first && UnknownNameRun(ctx, c.first, prev) &&
      !ctx.tokens[c.last].all_upper) {
    return;
  }
  c.last = prev;
  c.span.end = HeadEnd(ctx.tokens[prev]);
}

// "Fiona MacLeod MP", "Rajiv Malhotra SC": letters after a person's name
// (all capitals, or "PhD") are no part of it.
void CutPostNominal(const Context& ctx, Candidate& c) {
  if (c.last <= c.first) return;
  const Token& t = ctx.tokens[c.last];
  const Token& prev = ctx.tokens[c.last - 1];
  if (!IsWord(t) || !IsWord(prev) || !prev.upper_initial ||
      !(t.all_upper || t.inner_upper) ||
      !ctx.lex.post_nominals.Contains(ctx.Key(c.last))) {
    return;
  }
  c.last = c.last - 1;
  c.span.end = HeadEnd(prev);
}

void TrimLeading(const Context& ctx, Candidate& c) {
  // "Shares of Lumenary Inc. fell", "Residents of Eastgate said": a
  // sentence-opening dictionary word that is no head noun, then "of", then
  // the name (but "Bank of America", "Secretary of State", and known names
  // such as "Friends of the Earth" keep it).
  const size_t of = c.first + 1;
  if (of < c.last && (ctx.Key(of) == "of" || ctx.Key(of) == "for") &&
      ctx.Has(c.first, kAnyHead)) {
    return;  // "Department of Justice officials"
  }
  if (of < c.last && ctx.tokens[c.first].sentence_start &&
      ctx.Key(of) == "of" && ctx.Has(c.first, kCommonWord) &&
      !ctx.Has(c.first, kRole | kFirstName | kHonorific | kOrgName |
                            kPlaceName | kEventName | kPlaceStart |
                            kPlacePrefix) &&
      !ListedName(ctx, c)) {
    size_t name = of + 1;
    if (name < c.last && ctx.Key(name) == "the") ++name;
    c.first = name;
    c.span.begin = ctx.tokens[name].begin;
    return;
  }
  // "Miss Universe Ana Ruiz": a title made of an honorific and a dictionary
  // word before a given name and surname.
  if (c.last >= c.first + 3 && ctx.Has(c.first, kHonorific) &&
      ctx.tokens[c.first + 1].kind == TokenKind::kWord &&
      ctx.Has(c.first + 1, kCommonWord) &&
      !ctx.Has(c.first + 1, kFirstName | kHonorific) &&
      ctx.Has(c.first + 2, kFirstName)) {
    c.first += 2;
    c.span.begin = ctx.tokens[c.first].begin;
    return;
  }
  for (int round = 0; round < 2 && c.first < c.last; ++round) {
    const Token& t = ctx.tokens[c.first];
    const Token& next = ctx.tokens[c.first + 1];
    if (next.kind != TokenKind::kWord) return;
    const size_t f = c.first;
    const std::string_view key = ctx.Key(f);
    // "MORE FROM CWS", "At Leeds Crown Court": a function word in capitals
    // or opening a sentence opens no name either.
    const bool article = key == "the" || key == "a" || key == "an" ||
                         ((t.all_upper || t.sentence_start) &&
                          ctx.Has(f, kFunctionWord | kClosedClassWord));
    const bool next_given = ctx.Has(f + 1, kFirstName);
    // "Presidents Carter, Reagan and Clinton": a plural title too.
    const bool role = (t.upper_initial && ctx.lex.IsRoleOrPlural(key)) ||
                      ctx.Has(f, kRole) || (ctx.Has(f, kDemonym) && next_given);
    const bool common_word = ctx.Has(f, kCommonWord) &&
                             !ctx.Has(f, kFirstName | kHonorific | kOrgName |
                                             kPlaceName | kEventName);
    // "PINE HOLLOW, Calif. —": a dateline keeps its capitalised words.
    const bool initial_word =
        t.sentence_start && common_word && !IsDateline(ctx.tokens, c);
    // "secretary of State Hillary Clinton", "Crooked Hillary Clinton": a
    // dictionary word glued before a given name and surname is not part of
    // the person's name (but "The New Jim Crow" is a title).
    const bool before_full_name = round == 0 && common_word && next_given &&
                                  c.last >= f + 2 && !ctx.Has(c.last, kAnyHead);
    if (!article && !role && !initial_word && !before_full_name) return;
    // "Van der Hoek said": a capitalised particle opens the surname.
    if (initial_word && SurnameParticle(ctx, f + 1)) return;
    // "Wen Jiahui, a professor of mining, said": a rare dictionary word
    // before an unknown word, the two described by a role after a comma, is
    // a person's name.
    if (initial_word && !role && c.last == f + 1 &&
        !ctx.Has(f + 1, kCommonWord) &&
        !ctx.Has(f, kFunctionWord | kClosedClassWord) &&
        ApposedRoleFollows(ctx, c.last)) {
      return;
    }
    // "Los Angeles", "New York Times", "Friends of the Earth": a known
    // multi-word name keeps its first word.
    if (!article && !before_full_name && ListedName(ctx, c)) return;
    // "Hurricane Dorian is expected ...": a named storm keeps its opener.
    if (initial_word && ctx.Has(f, kEventOpener)) return;
    // "Justice Department": a role word before a head noun is part of the
    // organisation's name; so is a capitalised word before one.
    // A role opener at a sentence start describes whoever follows: "Former
    // Harbor City striker ...", "Veteran Labour Party MP ...".
    // A title is cut before two or more words ending in a place's head too
    // ("Mayor Jo Park": Park is a surname there).
    const bool opener = initial_word && ctx.Has(f, kRoleOpener);
    const bool titled_name =
        role && c.last >= f + 2 && !ctx.Has(c.last, kOrgHead | kEventHead);
    if (!article && !opener && ctx.Has(c.last, kAnyHead) &&
        (!role || !next_given) && !titled_name) {
      return;
    }
    ++c.first;
    // "Secretary of the Navy" minus its title starts with "of the": skip
    // the particles too.
    while (c.first < c.last && (ctx.tokens[c.first].kind != TokenKind::kWord ||
                                !ctx.tokens[c.first].upper_initial)) {
      ++c.first;
    }
    c.span.begin = ctx.tokens[c.first].begin;
  }
}

}  // namespace

bool IsDateline(const std::vector<Token>& tokens, const Candidate& c) {
  if (c.first > 0 && !tokens[c.first].newline_before) return false;
  for (size_t k = c.first; k <= c.last; ++k) {
    if (IsWord(tokens[k]) && !tokens[k].all_upper) return false;
  }
  constexpr size_t kMaxBetween = 6;  // ", Ohio" or "(Reuters)"
  for (size_t k = c.last + 1; k < tokens.size() && k <= c.last + kMaxBetween;
       ++k) {
    const Token& t = tokens[k];
    if (t.newline_before) return false;
    if (t.kind != TokenKind::kPunct) continue;
    if (t.punct == 0x2014 || t.punct == 0x2013 || t.punct == '-') {
      return k == c.last + 1 || tokens[c.last + 1].punct == ',' ||
             tokens[c.last + 1].punct == '(';
    }
  }
  return false;
}

std::string TokenKey(std::string_view text, const Token& token) {
  size_t begin = token.begin + (token.leading_dot ? 1 : 0);
  return text::LowerKey(text.substr(begin, token.end - begin));
}

namespace {

// "Fans in Independence Square, Port Benedict. Photograph: Ana Ruiz/AFP":
// a credit opened after the line's first sentence ends a photo caption,
// which capitalises its names, not its words ("Getty Images" keeps
// "Images").
bool CaptionCreditInside(const TokenKeys& keys, size_t line_start,
                         size_t line_end) {
  const std::vector<Token>& tokens = keys.tokens();
  for (size_t i = line_start + 1; i + 1 < line_end; ++i) {
    const Token& before = tokens[i - 1];
    if (before.kind == TokenKind::kPunct &&
        (before.punct == '.' || before.punct == ')') && IsWord(tokens[i]) &&
        tokens[i].upper_initial && tokens[i + 1].kind == TokenKind::kPunct &&
        tokens[i + 1].punct == ':' &&
        keys.lex().credit_words.Contains(keys.Key(i))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<bool> TitleCaseTokens(const TokenKeys& keys) {
  const std::vector<Token>& tokens = keys.tokens();
  std::vector<bool> title(tokens.size(), false);
  size_t line_start = 0;
  while (line_start < tokens.size()) {
    size_t line_end = line_start + 1;
    while (line_end < tokens.size() && !tokens[line_end].newline_before) {
      ++line_end;
    }
    // Cheap filter on flags alone: a headline has at most 20 content words,
    // and most of all its words are capitalised.
    size_t words = 0;
    size_t caps = 0;
    for (size_t i = line_start; i < line_end; ++i) {
      const Token& t = tokens[i];
      if (t.kind != TokenKind::kWord || !t.has_letter) continue;
      ++words;
      caps += t.upper_initial;
    }
    if (words > 40 || caps * 2 < words || caps < 3) {
      line_start = line_end;
      continue;
    }
    size_t content = 0;
    size_t capitalised = 0;
    for (size_t i = line_start; i < line_end; ++i) {
      const Token& t = tokens[i];
      if (t.kind != TokenKind::kWord || !t.has_letter) continue;
      // The whole token must be the minor word: a key as long as the token
      // has no leading dot or hyphen tail ("in-depth" is content).
      if (keys.Has(i, kMinorTitleWord) &&
          keys.Key(i).size() == t.end - t.begin) {
        continue;
      }
      ++content;
      if (t.upper_initial) ++capitalised;
    }
    // Long lines are captions or sentences dense with names, not headlines.
    bool is_title = content >= 3 && content <= 20 &&
                    capitalised * 5 >= content * 4 &&
                    !CaptionCreditInside(keys, line_start, line_end);
    if (is_title) {
      // Headlines capitalise ordinary words; a line of names only does not
      // count, hence the demand for capitalised dictionary words.
      size_t common_caps = 0;
      for (size_t i = line_start; i < line_end && common_caps < 2; ++i) {
        const Token& t = tokens[i];
        if (t.kind == TokenKind::kWord && t.upper_initial &&
            keys.Has(i, kCommonWord)) {
          ++common_caps;
        }
      }
      is_title = common_caps >= 2;
    }
    for (size_t i = line_start; i < line_end; ++i) title[i] = is_title;
    line_start = line_end;
  }
  return title;
}

std::vector<bool> TitleCaseTokens(std::string_view text,
                                  const std::vector<Token>& tokens,
                                  const Lexicons& lex) {
  const TokenKeys keys(text, tokens, lex);
  return TitleCaseTokens(keys);
}

std::vector<Candidate> FindCandidates(std::string_view text,
                                      const std::vector<Token>& tokens,
                                      const Lexicons& lex) {
  const TokenKeys keys(text, tokens, lex);
  return FindCandidates(keys);
}

std::vector<Candidate> FindCandidates(const TokenKeys& keys) {
  const std::string_view text = keys.text();
  const std::vector<Token>& tokens = keys.tokens();
  const std::vector<bool> title = TitleCaseTokens(keys);
  const Context ctx{text, tokens, keys.lex(), title, keys};
  std::vector<Candidate> quoted = QuotedTitles(ctx);
  std::vector<Candidate> out;
  out.reserve(tokens.size() / 8 + quoted.size());
  size_t q = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (q < quoted.size() && quoted[q].last < i) {
      out.push_back(quoted[q]);
      ++q;
    }
    if (q < quoted.size() && quoted[q].first <= i) continue;
    if (!NameLike(ctx, i, false)) continue;
    size_t first = i;
    size_t last = i;
    size_t end = HeadEnd(tokens[i]);
    size_t j = i + 1;
    // "Securities and Exchange Commission", "Coachella Valley Music and Arts
    // Festival": "and" stays inside a name only when the name ends in an
    // organisation or event head; otherwise it lists names.
    size_t before_and = tokens.size();
    bool particle_after_and = false;
    while ((!tokens[last].possessive || PossessiveInsideName(ctx, last)) &&
           !tokens[last].hyphen_tail && j < tokens.size()) {
      if (q < quoted.size() && quoted[q].first <= j) break;
      const Token& t = tokens[j];
      if (!SameLine(t)) break;
      size_t next = j;
      if (t.kind == TokenKind::kPunct) {
        if (t.punct == '.' && !t.space_before &&
            DotContinues(ctx, last, j + 1)) {
          next = j + 1;
        } else if (t.punct == '&' && t.space_before &&
                   !PersonBefore(ctx, first, last)) {
          next = j + 1;
        } else {
          break;
        }
      } else if (SurnameParticle(ctx, j)) {
        // "Margit van der Berg", "Abdullah bin Rashid": particles join a
        // person's name after the given name too.
        particle_after_and |= before_and != tokens.size();
        next = j + 1;
        while (next < tokens.size() && next < j + kMaxSurnameParticles &&
               SameLine(tokens[next]) && SurnameParticle(ctx, next)) {
          ++next;
        }
      } else if (!t.upper_initial && before_and == tokens.size() &&
                 ctx.Key(j) == "and") {
        before_and = last;
        next = j + 1;
      } else if (!t.upper_initial && !t.leading_dot && !t.inner_upper &&
                 ctx.Has(j, kParticle) && !PersonLed(ctx, first, last) &&
                 !(ctx.Key(j) == "of" && UnknownNameRun(ctx, first, last)) &&
                 // "in Lisbon of India's Arjun ...": a place name is no head
                 // "of" continues ("Center of Media Justice" is).
                 !(ctx.Key(j) == "of" && first == last &&
                   ctx.Has(first, kPlaceName) &&
                   !ctx.Has(first, kAnyHead | kCommonWord)) &&
                 (ctx.Key(j) != "for" || ctx.Has(last, kOrgHead))) {
        // "for" joins only after an organisation head ("Center for ...");
        // elsewhere it links two names ("GOP for the Republican Party").
        next = j + 1;
        // "of the" inside names ("Museum of the Moving Image").
        if (next < tokens.size() && tokens[next].kind == TokenKind::kWord &&
            ctx.Key(next) == "the") {
          ++next;
        }
      }
      if (next >= tokens.size() || !SameLine(tokens[next]) ||
          !NameLike(ctx, next, true) ||
          !ContinuesOnTitleLine(ctx, first, last, next)) {
        break;
      }
      if (tokens[next].leading_dot && !tokens[next].space_before) break;
      last = next;
      end = HeadEnd(tokens[next]);
      j = next + 1;
    }
    if (before_and < last &&
        !TitleAfterWorkCue(ctx, first, before_and + 1, last) &&
        !OfPhraseGoesOn(ctx, first, before_and + 1, last) &&
        // "the Institute of Science and Maarten van Leeuwen of Leiden
        // University": a person's surname particle after the "and".
        (particle_after_and || !ctx.Has(last, kOrgHead | kEventHead) ||
         WholeNameBeforeAnd(ctx, first, before_and))) {
      last = before_and;
      end = HeadEnd(tokens[last]);
    }
    // "the Foreign, Commonwealth and Development Office": single words and
    // commas before an organisation's "X and Y <head>" list its name's parts.
    if (before_and < last && ctx.Has(last, kOrgHead)) {
      while (!out.empty() && out.back().first == out.back().last &&
             !out.back().quoted_title && out.back().last + 2 == first &&
             tokens[first - 1].kind == TokenKind::kPunct &&
             tokens[first - 1].punct == ',' &&
             !ctx.Has(out.back().first, kPlaceName | kFirstName)) {
        first = out.back().first;
        out.pop_back();
      }
    }
    if (first == last && ctx.Has(first, kFunctionWord | kClosedClassWord)) {
      continue;  // "The", "He", "It" alone: capitalised by position only
    }
    if (first == last && IsPartyTag(ctx.Key(first)) &&
        (tokens[first].all_upper ||
         ctx.lex.state_abbreviations.Contains(ctx.Key(first).substr(2)))) {
      continue;  // "(R-IN)", "D-Minn.": a legislator's party and state
    }
    // "the Most Rev. Rémy Ngarmbaye", "the Rt Hon Ann Lee": a degree of the
    // honorific is no part of the name.
    if (first < last && ctx.Has(first + 1, kHonorific) &&
        ctx.lex.honorific_degrees.Contains(ctx.Key(first))) {
      ++first;
    }
    // "van der Berg told reporters": the surname's particles open it.
    while (first > 0 && i - first < kMaxSurnameParticles &&
           SameLine(tokens[first]) && SurnameParticle(ctx, first - 1)) {
      --first;
    }
    Candidate c;
    c.first = first;
    c.last = last;
    c.span = {tokens[first].begin, end};
    c.title_line = title[first];
    out.push_back(c);
    i = last;
  }
  for (; q < quoted.size(); ++q) out.push_back(quoted[q]);
  if (std::vector<Candidate> credits = CreditItems(ctx); !credits.empty()) {
    out.insert(out.end(), credits.begin(), credits.end());
    std::sort(out.begin(), out.end(),
              [](const Candidate& a, const Candidate& b) {
                return a.first < b.first;
              });
  }
  for (Candidate& c : out) {
    if (!c.quoted_title) {
      CutAfterInnerTitle(ctx, c);
      CutTrailingRole(ctx, c);
      CutPostNominal(ctx, c);
      TrimLeading(ctx, c);
    }
    c.title_line = title[c.first];
  }
  return out;
}

}  // namespace verbatim::entities
