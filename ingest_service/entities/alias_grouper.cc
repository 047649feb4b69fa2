#include "ingest_service/entities/alias_grouper.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "common/text/edit_distance.h"
#include "common/text/fold.h"
#include "common/text/given_names.h"
#include "ingest_service/entities/text_util.h"

namespace verbatim::entities {
namespace {

// `name` without leading years and ordinals ("2022", "95th annual").
std::string_view WithoutLeadingDate(std::string_view name) {
  std::string_view rest = name;
  while (true) {
    const size_t space = rest.find(' ');
    if (space == std::string_view::npos) return name;
    const std::string_view word = rest.substr(0, space);
    const bool date =
        IsYearOrOrdinal(word) ||
        (rest.data() != name.data() && (word == "annual" || word == "Annual"));
    if (!date) return rest;
    rest.remove_prefix(space + 1);
  }
}

// A place scores at least this when a gazetteer knows it.
constexpr float kKnownPlace = 3;
// Weak spans at or above this score become an entity when repeated.
constexpr float kRepeatScore = 0.5f;

bool IsNumberish(std::string_view w) {
  return !w.empty() && w.front() >= '0' && w.front() <= '9';
}

// Entity per type for one lookup key; -1 where none.
struct TypedEntities {
  std::array<int, 5> of = {-1, -1, -1, -1, -1};
};

struct UnionFind {
  explicit UnionFind(size_t n) : parent(n) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<int> parent;
};

// Organisations and events go by the first word of their names.
bool HasShortName(EntityType type) {
  return type == EntityType::kOrganization || type == EntityType::kEvent;
}

}  // namespace

size_t AliasGrouper::CoreKey(std::string_view name, std::string& joined) const {
  // Lower-case into `joined`, then compact it in place: words only move
  // left, so no second buffer is needed.
  joined.clear();
  text::AppendLowerKey(name, joined);
  struct Word {
    size_t begin;
    size_t end;
  };
  absl::InlinedVector<Word, 8> words;
  const std::string_view text(joined);
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
      ++pos;
    }
    size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    if (end > pos) {
      Word w{pos, end};
      if (end - pos > 2 && text.substr(pos, end - pos).ends_with("'s")) {
        w.end -= 2;
      }
      words.push_back(w);
    }
    pos = end;
  }
  size_t drop = 0;
  while (drop + 1 < words.size()) {
    std::string_view w =
        text.substr(words[drop].begin, words[drop].end - words[drop].begin);
    if (w.ends_with('.')) w.remove_suffix(1);
    const bool honorific =
        lex_.honorifics.Contains(w) && w != "dj" && w != "mc";
    if (honorific || IsNumberish(w) || w == "annual") {
      ++drop;
    } else {
      break;
    }
  }
  // "Halstead Foods Co." is "Halstead Foods": a legal form does not tell
  // two organisations apart; nor does "Rajesh Kulkarni KC" a letter after a
  // person's name.
  size_t keep = words.size();
  while (keep > drop + 1) {
    std::string_view w = text.substr(
        words[keep - 1].begin, words[keep - 1].end - words[keep - 1].begin);
    if (w.ends_with('.')) w.remove_suffix(1);
    // ("One Tory MP" keeps its role.)
    const bool letters =
        lex_.post_nominals.Contains(w) && !lex_.person_roles.Contains(w);
    if (lex_.org_heads.Find(w) != "legal" && !letters) break;
    --keep;
  }
  words.resize(keep);
  // "Margit van der Berg" is "margit berg", and "van der Berg" or "De
  // Blasio" a surname: particles are spelled and capitalised in so many
  // ways that names match without them. Not in known places ("El Paso").
  const bool has_particle =
      std::any_of(words.begin() + drop, words.end(), [&](const Word& w) {
        return lex_.IsSurnameParticle(text.substr(w.begin, w.end - w.begin));
      });
  const bool place = has_particle && lex_.places.Contains(text);
  auto particle = [&](size_t k) {
    return has_particle && !place && k + 1 < words.size() &&
           lex_.IsSurnameParticle(
               text.substr(words[k].begin, words[k].end - words[k].begin));
  };
  size_t out = 0;
  size_t kept = 0;
  for (size_t k = drop; k < words.size(); ++k) {
    if (particle(k)) continue;
    if (kept++ > 0) joined[out++] = ' ';
    const size_t len = words[k].end - words[k].begin;
    if (out != words[k].begin) {
      std::memmove(joined.data() + out, joined.data() + words[k].begin, len);
    }
    out += len;
  }
  joined.resize(out);
  return kept;
}

std::string_view AliasGrouper::WithoutHonorifics(std::string_view name) const {
  std::string_view rest = name;
  bool dropped = false;
  // Words end at a space or a no-break space (U+00A0).
  auto word_end = [](std::string_view text) {
    return std::min(text.find(' '), text.find("\xC2\xA0"));
  };
  while (true) {
    const size_t end = word_end(rest);
    if (end == std::string_view::npos) break;
    std::string_view word = rest.substr(0, end);
    if (word.ends_with('.')) word.remove_suffix(1);
    const std::string key = text::LowerKey(word);
    if (!lex_.honorifics.Contains(key) || key == "dj" || key == "mc") break;
    rest = rest.substr(end + (rest[end] == ' ' ? 1 : 2));
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    dropped = true;
  }
  if (!dropped || word_end(rest) == std::string_view::npos) return name;
  return rest;
}

std::string_view AliasGrouper::WithoutLegalForm(std::string_view name) const {
  std::string_view rest = name;
  while (true) {
    const size_t space = rest.rfind(' ');
    if (space == std::string_view::npos) break;
    std::string_view word = rest.substr(space + 1);
    if (word.ends_with('.')) word.remove_suffix(1);
    if (lex_.org_heads.Find(text::LowerKey(word)) != "legal") break;
    rest = rest.substr(0, space);
    while (!rest.empty() && (rest.back() == ',' || rest.back() == ' ')) {
      rest.remove_suffix(1);
    }
  }
  return rest.empty() ? name : rest;
}

std::vector<std::string> AliasGrouper::CoreWords(std::string_view name) const {
  std::string joined;
  CoreKey(name, joined);
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < joined.size()) {
    size_t end = joined.find(' ', pos);
    if (end == std::string::npos) end = joined.size();
    out.emplace_back(joined.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool AliasGrouper::IsShortName(std::string_view lower,
                               std::string_view last) const {
  if (lower.size() < 3 || IsNumberish(lower) ||
      lower.find('.') != std::string_view::npos ||
      lex_.local_org_heads.Contains(last)) {
    return false;
  }
  // "Boston" of "Boston Globe", "American" of "American Airlines", "BBC" of
  // "BBC Radio Humberside" (a name of its own).
  constexpr uint32_t kDescribes = kPlaceName | kDemonym | kFirstName |
                                  kFunctionWord | kHonorific | kRole |
                                  kAnyHead | kOrgName | kEventName;
  return (lex_.Word(lower).flags & kDescribes) == 0;
}

EntityAnalysis AliasGrouper::Group(
    const std::vector<NamedSpan>& spans,
    absl::Span<const std::pair<int, int>> same_as) const {
  const int n = static_cast<int>(spans.size());
  std::vector<int> entity_of(n, -1);
  std::vector<EntityType> entity_type;
  std::vector<float> entity_score;
  // Keys view the strings of `keys` below, which stay in place.
  absl::flat_hash_map<absl::string_view, TypedEntities> by_key;
  // Given names and surnames of multi-word PERSON entities.
  absl::flat_hash_map<absl::string_view, absl::InlinedVector<int, 2>>
      person_by_word;
  // First words of multi-word organisation and event names that name
  // nothing else ("Halstead" of "Halstead Foods Co.", "Sundance" of
  // "Sundance Film Festival"): their short names, and whether the word is a
  // dictionary word ("Ardent" of "Ardent Aerospace"), which stands for the
  // name only where it is itself typed an organisation or event.
  struct ShortName {
    int entity = -1;
    bool dictionary_word = false;
  };
  absl::flat_hash_map<absl::string_view, ShortName> org_by_first_word;
  // Per span: core words joined by spaces, their count and the first and
  // last word, the punctuation-free form and the lookup keys.
  struct SpanKey {
    std::string joined;
    std::string squashed;
    std::string canonical;
    size_t words = 0;
    std::string_view first_word;
    std::string_view last_word;
    bool bare = false;  // the surface form is just its core words
  };
  std::vector<SpanKey> keys(n);
  std::string surface;  // reused: the squashed surface form
  for (int i = 0; i < n; ++i) {
    SpanKey& k = keys[i];
    k.words = CoreKey(spans[i].text, k.joined);
    AppendSquashedKey(k.joined, k.squashed);
    surface.clear();
    AppendSquashedKey(spans[i].text, surface);
    k.bare = k.squashed == surface;
    if (!spans[i].canonical.empty())
      k.canonical = text::LowerKey(spans[i].canonical);
  }
  by_key.reserve(static_cast<size_t>(n) * 2);
  // Views into `joined` are taken after the vector stops moving.
  for (SpanKey& k : keys) {
    const std::string_view joined(k.joined);
    k.first_word = joined.substr(0, joined.find(' '));
    const size_t space = joined.rfind(' ');
    k.last_word =
        space == std::string_view::npos ? joined : joined.substr(space + 1);
  }
  auto for_each_key = [&](int i, auto fn) {
    const SpanKey& k = keys[i];
    if (fn(std::string_view(k.joined))) return;
    if (!k.squashed.empty() && k.squashed != k.joined &&
        fn(std::string_view(k.squashed))) {
      return;
    }
    if (!k.canonical.empty()) fn(std::string_view(k.canonical));
  };
  // Whether span `i`, of an entity of `type`, names it in full with a first
  // word that can stand for it alone.
  auto opens_short_name = [&](int i, EntityType type) {
    return HasShortName(type) && keys[i].words >= 2 &&
           IsShortName(keys[i].first_word, keys[i].last_word);
  };
  auto first_word_key = [&](int i) {
    return absl::string_view(keys[i].first_word.data(),
                             keys[i].first_word.size());
  };
  auto dictionary_first_word = [&](int i) {
    return lex_.IsCommonWord(keys[i].first_word);
  };
  // Whether lone word `i` may stand for a name it opens; a dictionary word
  // only where it is typed an organisation or event itself.
  auto may_shorten = [&](int i, bool dictionary_word) {
    return !dictionary_word || HasShortName(spans[i].type);
  };
  // Where each entity has been mentioned so far, to pick the most recent
  // person when a surname is shared.
  std::vector<std::vector<size_t>> entity_positions;
  auto assign = [&](int i, int e) {
    entity_of[i] = e;
    // Kept sorted so the latest mention before a point is a binary search.
    std::vector<size_t>& positions = entity_positions[e];
    positions.insert(std::upper_bound(positions.begin(), positions.end(),
                                      spans[i].span.begin),
                     spans[i].span.begin);
    for_each_key(i, [&](std::string_view key) {
      int& slot = by_key[absl::string_view(key.data(), key.size())]
                      .of[static_cast<int>(entity_type[e])];
      if (slot < 0) slot = e;
      return false;
    });
    if (entity_type[e] == EntityType::kPerson && keys[i].words >= 2) {
      for (const std::string_view w : {keys[i].first_word, keys[i].last_word}) {
        auto& list = person_by_word[absl::string_view(w.data(), w.size())];
        if (std::find(list.begin(), list.end(), e) == list.end()) {
          list.push_back(e);
        }
      }
    }
    if (opens_short_name(i, entity_type[e])) {
      org_by_first_word.try_emplace(first_word_key(i),
                                    ShortName{e, dictionary_first_word(i)});
    }
  };
  std::vector<int> entity_first_span;  // the span that created each entity
  auto create = [&](int i) {
    entity_type.push_back(spans[i].type);
    entity_positions.emplace_back();
    entity_score.push_back(spans[i].score);
    entity_first_span.push_back(i);
    assign(i, static_cast<int>(entity_type.size()) - 1);
  };
  // A known person named with another form of the given name and the same
  // surname: "Tobias Wendt ... Toby Wendt".
  auto given_name_form = [&](int i) {
    if (spans[i].type != EntityType::kPerson || keys[i].words != 2) return -1;
    auto it = person_by_word.find(
        absl::string_view(keys[i].last_word.data(), keys[i].last_word.size()));
    if (it == person_by_word.end()) return -1;
    for (const int e : it->second) {
      const SpanKey& k = keys[entity_first_span[e]];
      if (entity_type[e] == EntityType::kPerson && k.words == 2 &&
          k.last_word == keys[i].last_word &&
          text::SameGivenName(
              absl::string_view(k.first_word.data(), k.first_word.size()),
              absl::string_view(keys[i].first_word.data(),
                                keys[i].first_word.size()))) {
        return e;
      }
    }
    return -1;
  };
  auto lookup = [&](int i, bool any_type) {
    int other = -1;
    int same = -1;
    for_each_key(i, [&](std::string_view key) {
      auto it = by_key.find(absl::string_view(key.data(), key.size()));
      if (it == by_key.end()) return false;
      same = it->second.of[static_cast<int>(spans[i].type)];
      for (int t = 0; t < 5 && other < 0; ++t) other = it->second.of[t];
      return same >= 0;
    });
    if (same >= 0) return same;
    return any_type ? other : -1;
  };
  // A lone word that is a given name or surname of a known person. When
  // several persons share it ("Clinton"), writers keep the bare name for the
  // one the story is about and name the others in full: take the person
  // mentioned most often before it, then the one introduced first (or the
  // first one after it when none came before).
  auto person_word = [&](int i) {
    if (keys[i].words != 1) return -1;
    auto it = person_by_word.find(
        absl::string_view(keys[i].joined.data(), keys[i].joined.size()));
    if (it == person_by_word.end()) return -1;
    int best = -1;
    std::pair<ptrdiff_t, ptrdiff_t> best_rank{0, 0};
    for (int e : it->second) {
      if (entity_type[e] != EntityType::kPerson) continue;  // retyped
      if (best < 0) best = e;
      const std::vector<size_t>& positions = entity_positions[e];
      auto after = std::upper_bound(positions.begin(), positions.end(),
                                    spans[i].span.begin);
      if (after == positions.begin()) continue;
      const std::pair<ptrdiff_t, ptrdiff_t> rank{
          after - positions.begin(), -static_cast<ptrdiff_t>(positions[0])};
      if (best_rank.first == 0 || rank > best_rank) {
        best = e;
        best_rank = rank;
      }
    }
    return best;
  };

  // A person's name less its given name, of two or more words ("Robles
  // Echeverría" of "Ximena Robles Echeverría", "Ms Ní Bhriain" of "Máire Ní
  // Bhriain"), when no given name opens it.
  auto surnames_of_known = [&](int i) {
    if (spans[i].type != EntityType::kPerson || keys[i].words < 2 ||
        lex_.first_names.Contains(keys[i].first_word)) {
      return -1;
    }
    const std::string& words = keys[i].joined;
    for (size_t e = 0; e < entity_type.size(); ++e) {
      const std::string& full = keys[entity_first_span[e]].joined;
      if (entity_type[e] == EntityType::kPerson &&
          full.size() > words.size() + 1 && full.ends_with(words) &&
          full[full.size() - words.size() - 1] == ' ' &&
          full.find(' ') == full.size() - words.size() - 1) {
        return static_cast<int>(e);
      }
    }
    return -1;
  };
  // A lone word that opens a known organisation's or event's name:
  // "Corvane Brands Inc. ... Corvane fell 3%"; not a known place ("Boston"
  // of "Boston Globe"), but a word typed a place only by its context ("an
  // Ardent spokeswoman" after "Ardent Aerospace").
  auto known_place = [&](int i) {
    return spans[i].type == EntityType::kPlace && spans[i].score >= kKnownPlace;
  };
  // A lone surname one letter off a known person's ("Rebecca Okoya ... Ms
  // Okoye"), when no other person's is as close.
  constexpr size_t kMinMisspeltSurname = 5;
  auto misspelt_surname = [&](int i) {
    if (spans[i].type != EntityType::kPerson || keys[i].words != 1 ||
        keys[i].joined.size() < kMinMisspeltSurname) {
      return -1;
    }
    const std::string& word = keys[i].joined;
    int found = -1;
    for (size_t e = 0; e < entity_type.size(); ++e) {
      const SpanKey& full = keys[entity_first_span[e]];
      if (entity_type[e] != EntityType::kPerson || full.words < 2 ||
          full.last_word.empty() || full.last_word[0] != word[0] ||
          text::EditDistance(
              absl::string_view(full.last_word.data(), full.last_word.size()),
              word, 1) != 1) {
        continue;
      }
      if (found >= 0) return -1;
      found = static_cast<int>(e);
    }
    return found;
  };
  // Words that open a known organisation's longer name, less only its head
  // noun or its "of"/"for" phrase: "Pacific Crescent Railway ... Shares of
  // Pacific Crescent rose", "Peterson Institute for International
  // Economics"; not a name of its own ("New York" of "New York Times",
  // "Bank of America" of "Bank of America Stadium").
  auto org_prefix = [&](int i) {
    if (keys[i].words < 2 || spans[i].listed || known_place(i) ||
        (spans[i].type == EntityType::kPerson && spans[i].strong)) {
      return -1;
    }
    const std::string& words = keys[i].joined;
    for (size_t e = 0; e < entity_type.size(); ++e) {
      if (entity_type[e] != EntityType::kOrganization) continue;
      const std::string& full = keys[entity_first_span[e]].joined;
      if (full.size() <= words.size() + 1 || !full.starts_with(words) ||
          full[words.size()] != ' ') {
        continue;
      }
      const std::string_view rest =
          std::string_view(full).substr(words.size() + 1);
      if (rest.starts_with("of ") || rest.starts_with("for ") ||
          (rest.find(' ') == std::string_view::npos &&
           lex_.org_heads.Contains(rest))) {
        return static_cast<int>(e);
      }
    }
    return -1;
  };
  auto org_word = [&](int i) {
    if (keys[i].words != 1 || known_place(i)) return -1;
    auto it = org_by_first_word.find(
        absl::string_view(keys[i].joined.data(), keys[i].joined.size()));
    return it == org_by_first_word.end() ||
                   !may_shorten(i, it->second.dictionary_word)
               ? -1
               : it->second.entity;
  };

  // Short names wait for pass 2 even when printed before the full name (in
  // a headline); the value says whether the word is a dictionary word.
  absl::flat_hash_map<absl::string_view, bool> org_first_words;
  for (int i = 0; i < n; ++i) {
    if (spans[i].strong && opens_short_name(i, spans[i].type)) {
      org_first_words.try_emplace(first_word_key(i), dictionary_first_word(i));
    }
  }

  // Pass 1: full names and non-person names create entities.
  for (int i = 0; i < n; ++i) {
    if (!spans[i].strong || keys[i].words == 0) continue;
    if (spans[i].type == EntityType::kPerson && keys[i].words < 2) continue;
    if (keys[i].words == 1 && !known_place(i)) {
      auto it = org_first_words.find(
          absl::string_view(keys[i].joined.data(), keys[i].joined.size()));
      if (it != org_first_words.end() && may_shorten(i, it->second)) continue;
    }
    // A name of two or more words names one thing in an article, typed by
    // its strongest evidence ("by Franklin College", "a professor at
    // Franklin College").
    int e = lookup(i, keys[i].words >= 2);
    if (e < 0) e = given_name_form(i);
    if (e < 0) e = surnames_of_known(i);
    if (e >= 0) {
      if (entity_type[e] != spans[i].type && spans[i].score > entity_score[e]) {
        entity_type[e] = spans[i].type;
        entity_score[e] = spans[i].score;
      }
      assign(i, e);
    } else if ((spans[i].score < 3 || spans[i].type == EntityType::kWork ||
                (spans[i].type == EntityType::kOrganization &&
                 !spans[i].listed)) &&
               keys[i].words == 1 && person_word(i) >= 0) {
      // A work's cues around a known person's surname ("classic Delgado",
      // "the Lamar album") describe the person's work, not a title; an
      // employer's ("Clinton spokesman Jesse Lehrich") the person's team.
      assign(i, person_word(i));
    } else if (const int org = org_prefix(i); org >= 0) {
      assign(i, org);
    } else {
      create(i);
    }
  }
  // Pass 2: single-word persons join a full name when they can.
  for (int i = 0; i < n; ++i) {
    if (!spans[i].strong || entity_of[i] >= 0 || keys[i].words == 0) continue;
    int e = lookup(i, false);
    if (e < 0) {
      // "Corvane" of "Corvane Technologies Ltd" and of "Corvane Halo" typed
      // a person: a person goes by the surname, an organisation by its
      // first word.
      const int person = person_word(i);
      const int org = org_word(i);
      const bool surname =
          person >= 0 &&
          keys[entity_first_span[person]].last_word == keys[i].joined;
      e = person >= 0 && (surname || org < 0) ? person : org;
    }
    if (e < 0) e = misspelt_surname(i);
    if (e < 0) {
      // A name typed otherwise with at least as much evidence is that
      // entity: "scooter maker Veltro ... “Q,” Veltro said" (organisations
      // speak too).
      const int other = lookup(i, true);
      if (other >= 0 &&
          (spans[i].score < 2 || entity_score[other] >= spans[i].score)) {
        e = other;
      }
    }
    if (e >= 0) {
      assign(i, e);
    } else {
      create(i);
    }
  }
  // An "aka" link gives a name of one side to the other side's entity
  // ("Ines Okoro, known as I-Ko": a weak nickname joins her), before weak
  // spans look up known names, so later mentions of the nickname join too.
  for (const auto& [a, b] : same_as) {
    if (a < 0 || b < 0 || a >= n || b >= n) continue;
    // "Varga, known to fans as “Teddy”": a side that is a known name's
    // mention joins that name's entity first (the two are joined below).
    for (const int side : {a, b}) {
      if (entity_of[side] >= 0 || keys[side].words == 0) continue;
      int known = lookup(side, true);
      if (known < 0) known = person_word(side);
      if (known >= 0) assign(side, known);
    }
    if (entity_of[a] >= 0 && entity_of[b] < 0 && keys[b].words > 0) {
      assign(b, entity_of[a]);
    } else if (entity_of[b] >= 0 && entity_of[a] < 0 && keys[a].words > 0) {
      assign(a, entity_of[b]);
    }
  }
  // Pass 3: weak spans count only as further mentions of known entities.
  for (int i = 0; i < n; ++i) {
    if (spans[i].strong || keys[i].words == 0) continue;
    int e = lookup(i, true);
    if (e < 0) e = person_word(i);
    if (e < 0) e = org_word(i);
    if (e < 0) e = org_prefix(i);
    if (e >= 0) assign(i, e);
  }

  // Pass 4: an unknown, non-dictionary name printed twice or more (in any
  // punctuation: "J-Roc", "J.Roc") is a name even without a cue.
  absl::flat_hash_map<absl::string_view, std::vector<int>> repeated;
  for (int i = 0; i < n; ++i) {
    if (entity_of[i] >= 0 || keys[i].words == 0 || spans[i].common_words_only ||
        spans[i].score < kRepeatScore) {
      continue;
    }
    repeated[keys[i].squashed].push_back(i);
  }
  for (auto& [key, members] : repeated) {
    if (members.size() < 2) continue;
    // Identical repeats of a plain word are often a common noun the
    // dictionary lacks ("Medicare"); variants in punctuation or case
    // ("J-Roc", "j.roc") are a nickname.
    bool variants = false;
    for (const int m : members) {
      variants |= spans[m].text != spans[members.front()].text;
    }
    if (!variants) continue;
    std::sort(members.begin(), members.end());
    create(members.front());
    for (size_t k = 1; k < members.size(); ++k) {
      assign(members[k], entity_of[members.front()]);
    }
  }

  UnionFind groups(entity_type.size());
  for (const auto& [a, b] : same_as) {
    if (a < 0 || b < 0 || a >= n || b >= n) continue;
    if (entity_of[a] >= 0 && entity_of[b] >= 0) {
      groups.Join(entity_of[a], entity_of[b]);
    }
  }

  EntityAnalysis out;
  std::vector<int> final_index(entity_type.size(), -1);
  std::vector<std::vector<int>> members;
  for (int i = 0; i < n; ++i) {
    if (entity_of[i] < 0) continue;
    const int root = groups.Find(entity_of[i]);
    if (final_index[root] < 0) {
      final_index[root] = static_cast<int>(out.entities.size());
      out.entities.emplace_back();
      out.entities.back().type = entity_type[root];
      members.emplace_back();
    }
    const int e = final_index[root];
    members[e].push_back(i);
    Mention m;
    m.span = spans[i].span;
    m.text = spans[i].text;
    m.entity = e;
    out.mentions.push_back(std::move(m));
  }
  for (size_t e = 0; e < out.entities.size(); ++e) {
    Entity& entity = out.entities[e];
    // Fullest form: not a nickname inside a full name, most core words, then
    // no honorific or year around them, then not in capitals ("Pine Hollow"
    // of a "PINE HOLLOW" dateline), then the earliest.
    int best = members[e].front();
    // The nickname is printed alone too ("Landlord Pete strikes again").
    std::vector<std::string_view> nicknames;
    for (int i : members[e]) {
      if (spans[i].inner_nickname) nicknames.push_back(keys[i].joined);
    }
    auto rank = [&](int i) {
      const std::string& text = spans[i].text;
      const bool cased = std::any_of(text.begin(), text.end(), [](char c) {
        return c >= 'a' && c <= 'z';
      });
      const bool nickname = std::find(nicknames.begin(), nicknames.end(),
                                      keys[i].joined) != nicknames.end();
      return std::make_tuple(!nickname, keys[i].words, keys[i].bare, cased);
    };
    for (int i : members[e]) {
      if (rank(i) > rank(best)) best = i;
    }
    entity.display_name = entity.type == EntityType::kPerson
                              ? std::string(WithoutHonorifics(spans[best].text))
                              : spans[best].text;
    // "2022 Global Sound Awards" printed only with its year is still the
    // "Global Sound Awards"; the dated form stays an alias.
    if (entity.type == EntityType::kEvent && !keys[best].bare) {
      entity.display_name =
          std::string(WithoutLeadingDate(entity.display_name));
    }
    std::string canonical;
    for (int i : members[e]) {
      if (!spans[i].canonical.empty()) canonical = spans[i].canonical;
      // A lone word tells the gender only as the given name ("Ruth" of
      // "Ruth Ellis", not of "Babe Ruth").
      const bool given_or_whole = keys[i].words != 1 || keys[best].words == 1 ||
                                  keys[i].first_word == keys[best].first_word;
      if (entity.gender == Gender::kUnknown && given_or_whole) {
        entity.gender = spans[i].gender;
      }
      entity.listed |= spans[i].listed;
      if (spans[i].type == entity.type) {
        entity.type_score = std::max(entity.type_score, spans[i].score);
      }
    }
    if (!canonical.empty() &&
        text::LowerKey(canonical) != text::LowerKey(entity.display_name)) {
      bool seen = false;
      for (int i : members[e])
        seen |= text::LowerKey(spans[i].text) == text::LowerKey(canonical);
      if (!seen) entity.display_name = canonical;
    }
    for (int i : members[e]) {
      const std::string& text = spans[i].text;
      if (text == entity.display_name) continue;
      if (std::find(entity.aliases.begin(), entity.aliases.end(), text) ==
          entity.aliases.end()) {
        entity.aliases.push_back(text);
      }
    }
    if (entity.type != EntityType::kPerson) entity.gender = Gender::kUnknown;
  }
  // Spans arrive in text order, so this is usually a no-op check.
  auto by_begin = [](const Mention& a, const Mention& b) {
    return a.span.begin < b.span.begin;
  };
  if (!std::is_sorted(out.mentions.begin(), out.mentions.end(), by_begin)) {
    std::stable_sort(out.mentions.begin(), out.mentions.end(), by_begin);
  }
  return out;
}

int AliasGrouper::Match(const EntityAnalysis& analysis,
                        std::string_view name) const {
  std::string joined;
  const size_t words = CoreKey(name, joined);
  if (words == 0) return -1;
  const std::string squashed = SquashedKey(joined);
  const size_t space = joined.rfind(' ');
  const std::string last_squashed = SquashedKey(
      space == std::string::npos ? std::string_view(joined)
                                 : std::string_view(joined).substr(space + 1));
  // Scratch buffers reused across the forms compared.
  std::string form_squashed;
  std::string fj;
  std::string fj_squashed;
  int by_surname = -1;
  int by_given_name = -1;
  int exact_other = -1;
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    const Entity& entity = analysis.entities[e];
    auto check = [&](const std::string& form) {
      // Every match shares the query's last word (squashed): skip forms
      // without it before the costlier word split.
      form_squashed.clear();
      AppendSquashedKey(form, form_squashed);
      if (form_squashed.find(last_squashed) == std::string::npos) {
        return 0;
      }
      const size_t fw = CoreKey(form, fj);
      if (fj == joined) return 3;
      if (!squashed.empty()) {
        fj_squashed.clear();
        AppendSquashedKey(fj, fj_squashed);
        if (fj_squashed == squashed) return 3;
      }
      if (words == 1 && entity.type == EntityType::kPerson && fw >= 2) {
        const std::string_view f(fj);
        if (f.substr(f.rfind(' ') + 1) == joined) return 2;  // the surname
        if (f.substr(0, f.find(' ')) == joined) return 1;    // a given name
      }
      return 0;
    };
    int best = check(entity.display_name);
    for (const std::string& alias : entity.aliases) {
      best = std::max(best, check(alias));
    }
    const bool person = entity.type == EntityType::kPerson;
    if (best == 3 && person) return static_cast<int>(e);
    if (best == 3 && exact_other < 0) exact_other = static_cast<int>(e);
    if (best == 2 && by_surname < 0) by_surname = static_cast<int>(e);
    if (best == 1 && by_given_name < 0) by_given_name = static_cast<int>(e);
  }
  // "Marlow" is Ines Marlow before the place Marlow; "Corvane" is the
  // organisation Corvane before a person named Corvane Halo.
  if (by_surname >= 0) return by_surname;
  return exact_other >= 0 ? exact_other : by_given_name;
}

}  // namespace verbatim::entities
