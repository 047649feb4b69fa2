#include "ingest_service/ingest/entity_linker.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/resource_names.h"
#include "common/text/edit_distance.h"
#include "common/text/fold.h"
#include "common/text/given_names.h"

namespace verbatim::ingest {
namespace {

constexpr int kMaxAliases = 64;
constexpr size_t kMaxCandidates = 32;
constexpr size_t kContextArticles = 20;

// Whether `form` would be a new alias of `entity`.
bool IsNewAlias(const std::string& form, const v1::Entity& entity) {
  if (entity.aliases_size() >= kMaxAliases) return false;
  const std::string key = text::NameKey(form);
  if (key.empty() || key == text::NameKey(entity.display_name())) return false;
  return std::find(entity.aliases().begin(), entity.aliases().end(), form) ==
         entity.aliases().end();
}

// Adds the forms that are new aliases, rewriting the record only then.
// Adds the forms the entity is not yet known by; returns its display name.
absl::StatusOr<std::string> AddAliases(const std::string& entity_id,
                                       const std::vector<std::string>& forms,
                                       RecordChanges& changes) {
  auto stored = changes.PeekEntity(entity_id);
  if (!stored.ok()) return stored.status();
  if (std::none_of(forms.begin(), forms.end(), [&](const std::string& form) {
        return IsNewAlias(form, **stored);
      })) {
    return (*stored)->display_name();
  }
  auto record = changes.MutableEntity(entity_id);
  if (!record.ok()) return record.status();
  for (const std::string& form : forms) {
    if (IsNewAlias(form, **record)) (*record)->add_aliases(form);
  }
  return (*record)->display_name();
}

absl::StatusOr<std::string> UniqueEntityId(const std::string& display_name,
                                           RecordChanges& changes) {
  const std::string base = catalog::EntitySlug(display_name);
  std::string id = base;
  for (int n = 2;; ++n) {
    absl::StatusOr<bool> exists = changes.EntityExists(id);
    if (!exists.ok()) return exists.status();
    if (!*exists) return id;
    id = absl::StrCat(base, "-", n);
  }
}

// A stored entity known by a name key: its type, and whether the key is its
// display name's (else one of its aliases').
struct NameMatch {
  std::string id;
  v1::EntityType type;
  bool display_name;
};

// The stored entities known by `key`.
absl::StatusOr<std::vector<NameMatch>> FindAllByName(
    catalog::RecordReader& index, const std::string& key,
    RecordChanges& changes) {
  auto candidates = index.EntityIdsByNameKey(key, kMaxCandidates);
  if (!candidates.ok()) return candidates.status();
  std::vector<NameMatch> matches;
  for (const std::string& candidate : *candidates) {
    auto record = changes.PeekEntity(candidate);
    if (absl::IsNotFound(record.status())) continue;  // deleted in this batch
    if (!record.ok()) return record.status();
    matches.push_back({candidate, (*record)->type(),
                       text::NameKey((*record)->display_name()) == key});
  }
  return matches;
}

// The match of `type`: a display-name match beats an alias match. "" when
// none.
std::string BestOfType(const std::vector<NameMatch>& matches,
                       v1::EntityType type) {
  std::string alias_match;
  for (const NameMatch& m : matches) {
    if (m.type != type) continue;
    if (m.display_name) return m.id;
    if (alias_match.empty()) alias_match = m.id;
  }
  return alias_match;
}

absl::StatusOr<std::string> FindByName(catalog::RecordReader& index,
                                       const std::string& key,
                                       v1::EntityType type,
                                       RecordChanges& changes) {
  auto matches = FindAllByName(index, key, changes);
  if (!matches.ok()) return matches.status();
  return BestOfType(*matches, type);
}

// The one entity among `matches` whose type is not `type`, with its type;
// "" when none, or when entities of two other types are. A person only for
// a name of two or more words (`words`): one word is often a person's given
// name printed alone ("Eugene").
std::pair<std::string, entities::EntityType> OneOfOtherType(
    const std::vector<NameMatch>& matches, size_t words, v1::EntityType type) {
  constexpr entities::EntityType kTypes[] = {
      entities::EntityType::kPerson, entities::EntityType::kOrganization,
      entities::EntityType::kPlace, entities::EntityType::kWork,
      entities::EntityType::kEvent};
  std::pair<std::string, entities::EntityType> found{"", {}};
  for (const entities::EntityType other : kTypes) {
    if (ToProtoType(other) == type ||
        (other == entities::EntityType::kPerson && words < 2)) {
      continue;
    }
    const std::string id = BestOfType(matches, ToProtoType(other));
    if (id.empty()) continue;
    if (!found.first.empty()) return {"", other};
    found = {id, other};
  }
  return found;
}

// Whether the stored entity shares at least kMinSharedContext entities with
// `context` over its newest articles.
absl::StatusOr<bool> SharesContext(const storage::Store& store,
                                   const std::string& entity_id,
                                   const std::set<std::string>& context) {
  auto co_mentioned =
      catalog::CoMentionedEntityIds(store, entity_id, kContextArticles);
  if (!co_mentioned.ok()) return co_mentioned.status();
  const size_t shared = std::count_if(
      co_mentioned->begin(), co_mentioned->end(),
      [&](const std::string& id) { return context.contains(id); });
  return shared >= kMinSharedContext;
}

// Whether two persons' names differ only by middle names: "Dev Anand Rao"
// and "Dev Rao".
bool SameNameButMiddle(const std::string& a, const std::string& b) {
  const std::vector<std::string> x = text::FoldedWords(a);
  const std::vector<std::string> y = text::FoldedWords(b);
  return x.size() >= 2 && y.size() >= 2 && x.size() != y.size() &&
         x.front() == y.front() && x.back() == y.back();
}

// A stored person whose name is a misspelling of `display_name`, or the same
// name with or without middle names, and whose articles share enough
// entities with `context`; "" when none.
absl::StatusOr<std::string> FindSpellingVariant(
    const storage::Store& store, catalog::RecordReader& index,
    const std::string& display_name, const std::set<std::string>& context,
    RecordChanges& changes) {
  const std::vector<std::string> skeletons =
      text::PersonNameSkeletonKeys(display_name);
  if (skeletons.empty() || context.size() < kMinSharedContext)
    return std::string();
  // Candidates with whether they share the whole skeleton (the first key);
  // the others differ by a consonant, and so by one edit at most.
  std::vector<std::pair<std::string, bool>> candidates;
  for (size_t k = 0; k < skeletons.size(); ++k) {
    auto found = index.EntityIdsBySkeleton(skeletons[k], kMaxCandidates);
    if (!found.ok()) return found.status();
    for (std::string& id : *found) {
      if (std::none_of(candidates.begin(), candidates.end(),
                       [&](const auto& c) { return c.first == id; })) {
        candidates.emplace_back(std::move(id), k == 0);
      }
    }
  }
  const std::string key = text::NameKey(display_name);
  for (const auto& [candidate, whole_skeleton] : candidates) {
    auto record = changes.PeekEntity(candidate);
    if (absl::IsNotFound(record.status())) continue;
    if (!record.ok()) return record.status();
    if ((*record)->type() != v1::PERSON) continue;
    const std::string candidate_key = text::NameKey((*record)->display_name());
    const int max_edits =
        whole_skeleton
            ? std::max<int>(1, static_cast<int>(
                                   std::max(key.size(), candidate_key.size())) /
                                   4)
            : 1;
    if (text::EditDistance(key, candidate_key, max_edits) > max_edits &&
        !SameNameButMiddle(display_name, (*record)->display_name())) {
      continue;
    }
    auto shares = SharesContext(store, candidate, context);
    if (!shares.ok()) return shares.status();
    if (*shares) return candidate;
  }
  return std::string();
}

// "Quenby", or one word after an abbreviated title or initial ("Ms. Quenby",
// "J. Quenby"): a surname without a given name. `words` are the folded words
// of `display_name`.
bool SurnamePrintedAlone(const std::string& display_name,
                         const std::vector<std::string>& words) {
  if (words.size() == 1) return true;
  const size_t dot = display_name.find('.');
  return words.size() == 2 && dot != std::string::npos &&
         dot < display_name.find(' ');
}

// The one stored entity of `type` whose name contains the folded word
// `word`, whose folded words `fits`, and whose articles share enough
// entities with `context`; "" when none, or when several do. A word shared
// by more than kMaxNamesakes stored entities is too common to guess from, and
// is not worth reading their articles for.
template <typename Fits>
absl::StatusOr<std::string> FindOneByWord(const storage::Store& store,
                                          const std::string& word,
                                          v1::EntityType type, Fits fits,
                                          const std::set<std::string>& context,
                                          RecordChanges& changes) {
  constexpr size_t kMaxNamesakes = 3;
  if (word.size() < 2 || context.size() < kMinSharedContext) {
    return std::string();
  }
  auto candidates =
      catalog::FindEntityIdsByNameWord(store, word,
                                       /*prefix=*/false, kMaxCandidates);
  if (!candidates.ok()) return candidates.status();
  std::vector<std::string> namesakes;
  for (const std::string& candidate : *candidates) {
    auto record = changes.PeekEntity(candidate);
    if (absl::IsNotFound(record.status())) continue;
    if (!record.ok()) return record.status();
    if ((*record)->type() != type) continue;
    if (!fits(text::FoldedWords((*record)->display_name()))) continue;
    namesakes.push_back(candidate);
    if (namesakes.size() > kMaxNamesakes) return std::string();
  }
  std::string found;
  for (const std::string& candidate : namesakes) {
    auto shares = SharesContext(store, candidate, context);
    if (!shares.ok()) return shares.status();
    if (!*shares) continue;
    if (!found.empty()) return std::string();  // two namesakes: ambiguous
    found = candidate;
  }
  return found;
}

// The one stored person whose full name ends in `surname` (a name printed
// alone, "Quenby" or "Ms. Quenby") — and, when `given` is not empty, starts
// with another form of that given name ("Toby Wendt" for "Tobias Wendt") —
// with shared context; see FindOneByWord.
absl::StatusOr<std::string> FindBySurname(const storage::Store& store,
                                          const std::string& surname,
                                          const std::string& given,
                                          const std::set<std::string>& context,
                                          RecordChanges& changes) {
  return FindOneByWord(
      store, surname, v1::PERSON,
      [&](const std::vector<std::string>& words) {
        return words.size() >= 2 && words.back() == surname &&
               (given.empty() || (words.front() != given &&
                                  text::SameGivenName(words.front(), given)));
      },
      context, changes);
}

// The one stored organisation or event of `type` whose name of several
// words opens with `word` ("Sundance" for "Sundance Film Festival"), with
// shared context; see FindOneByWord.
absl::StatusOr<std::string> FindByShortName(
    const storage::Store& store, const std::string& word, v1::EntityType type,
    const std::set<std::string>& context, RecordChanges& changes) {
  return FindOneByWord(
      store, word, type,
      [&](const std::vector<std::string>& words) {
        return words.size() >= 2 && words.front() == word;
      },
      context, changes);
}

}  // namespace

v1::EntityType ToProtoType(entities::EntityType type) {
  switch (type) {
    case entities::EntityType::kPerson:
      return v1::PERSON;
    case entities::EntityType::kOrganization:
      return v1::ORGANIZATION;
    case entities::EntityType::kPlace:
      return v1::PLACE;
    case entities::EntityType::kWork:
      return v1::WORK;
    case entities::EntityType::kEvent:
      return v1::EVENT;
  }
  return v1::ENTITY_TYPE_UNSPECIFIED;
}

absl::StatusOr<EntityLinks> LinkEntities(
    const storage::Store& store, std::vector<entities::Entity>& extracted,
    const google::protobuf::Timestamp& now, RecordChanges& changes) {
  EntityLinks links;
  links.ids.resize(extracted.size());
  links.confidence.assign(extracted.size(), 1.0);
  links.display_names.resize(extracted.size());
  // Pass 1: names already known. What links here is the article's context
  // for pass 2.
  std::set<std::string> context;
  catalog::RecordReader index(store);
  for (size_t i = 0; i < extracted.size(); ++i) {
    const std::string key = text::NameKey(extracted[i].display_name);
    if (key.empty()) continue;
    const v1::EntityType type = ToProtoType(extracted[i].type);
    auto matches = FindAllByName(index, key, changes);
    if (!matches.ok()) return matches.status();
    absl::StatusOr<std::string> id = BestOfType(*matches, type);
    // "Corvex Systems Inc", also printed "Corvex Systems": a stored
    // organisation (work, place, event) known by a longer form the article
    // printed too. Not persons: their aliases are surnames.
    for (size_t a = 0;
         id->empty() && type != v1::PERSON && a < extracted[i].aliases.size();
         ++a) {
      const std::string& alias = extracted[i].aliases[a];
      if (text::FoldedWords(alias).size() < 2) continue;
      id = FindByName(index, text::NameKey(alias), type, changes);
      if (!id.ok()) return id.status();
    }
    // "Halloran Pike", a person for want of a cue here, is the law firm
    // another article named with one: a guessed type yields to the one
    // stored entity of another type known by the name.
    if (id->empty() && extracted[i].type_score < kGuessedTypeScore) {
      const auto [other, other_type] = OneOfOtherType(
          *matches, text::FoldedWords(extracted[i].display_name).size(), type);
      if (!other.empty()) {
        id = other;
        extracted[i].type = other_type;
      }
    }
    links.ids[i] = *id;
    if (!id->empty()) context.insert(*id);
  }
  // Pass 2: spelling variants with shared context, else new entities. Two
  // extracted entities with one name and type are one new entity.
  std::map<std::pair<int, std::string>, std::string> created;
  for (size_t i = 0; i < extracted.size(); ++i) {
    const entities::Entity& entity = extracted[i];
    const std::string key = text::NameKey(entity.display_name);
    const v1::EntityType type = ToProtoType(entity.type);
    if (key.empty()) continue;
    std::string& linked = links.ids[i];
    if (linked.empty()) {
      if (auto it = created.find({type, key}); it != created.end())
        linked = it->second;
    }
    if (linked.empty() && type == v1::PERSON) {
      auto variant = FindSpellingVariant(store, index, entity.display_name,
                                         context, changes);
      if (!variant.ok()) return variant.status();
      linked = *variant;
      if (!linked.empty()) links.confidence[i] = kSpellingVariantConfidence;
    }
    if (linked.empty() && type == v1::PERSON) {
      const std::vector<std::string> words =
          text::FoldedWords(entity.display_name);
      if (SurnamePrintedAlone(entity.display_name, words)) {
        auto person = FindBySurname(store, words.back(), "", context, changes);
        if (!person.ok()) return person.status();
        linked = *person;
        if (!linked.empty()) links.confidence[i] = kSurnameConfidence;
      } else if (words.size() == 2 && text::HasOtherForms(words.front())) {
        auto person =
            FindBySurname(store, words.back(), words.front(), context, changes);
        if (!person.ok()) return person.status();
        linked = *person;
        if (!linked.empty()) links.confidence[i] = kGivenNameFormConfidence;
      }
    }
    if (linked.empty() && !entity.listed &&
        (type == v1::ORGANIZATION || type == v1::EVENT)) {
      const std::vector<std::string> words =
          text::FoldedWords(entity.display_name);
      if (words.size() == 1) {
        auto full = FindByShortName(store, words[0], type, context, changes);
        if (!full.ok()) return full.status();
        linked = *full;
        if (!linked.empty()) links.confidence[i] = kShortNameConfidence;
      }
    }
    if (linked.empty()) {
      auto id = UniqueEntityId(entity.display_name, changes);
      if (!id.ok()) return id.status();
      v1::Entity* record = changes.NewEntity(*id);
      record->set_display_name(entity.display_name);
      record->set_type(type);
      *record->mutable_create_time() = now;
      created[{type, key}] = *id;
      linked = *id;
    }
    std::vector<std::string> forms = {entity.display_name};
    forms.insert(forms.end(), entity.aliases.begin(), entity.aliases.end());
    auto stored_name = AddAliases(linked, forms, changes);
    if (!stored_name.ok()) return stored_name.status();
    // A surname printed alone or a misspelling is shown by the name the
    // entity is known by; a fuller name printed here stays.
    links.display_names[i] =
        text::FoldedWords(*stored_name).size() >=
                text::FoldedWords(entity.display_name).size()
            ? *std::move(stored_name)
            : entity.display_name;
  }
  return links;
}

}  // namespace verbatim::ingest
