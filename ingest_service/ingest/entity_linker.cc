#include "ingest_service/ingest/entity_linker.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/resource_names.h"
#include "common/text/fold.h"

namespace verbatim::ingest {
namespace {

constexpr int kMaxAliases = 64;
constexpr size_t kMaxCandidates = 32;

void AddAlias(const std::string& form, v1::Entity& entity) {
  const std::string key = text::NameKey(form);
  if (key.empty() || key == text::NameKey(entity.display_name())) return;
  for (const std::string& alias : entity.aliases()) {
    if (alias == form) return;
  }
  if (entity.aliases_size() < kMaxAliases) entity.add_aliases(form);
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

absl::StatusOr<std::vector<std::string>> LinkEntities(
    const storage::Store& store, const std::vector<entities::Entity>& extracted,
    const google::protobuf::Timestamp& now, RecordChanges& changes) {
  std::vector<std::string> ids;
  ids.reserve(extracted.size());
  // Entities created by this article, by (type, name key): two extracted
  // entities with one name and type are one entity.
  std::map<std::pair<int, std::string>, std::string> created;
  for (const entities::Entity& entity : extracted) {
    const std::string key = text::NameKey(entity.display_name);
    const v1::EntityType type = ToProtoType(entity.type);
    if (key.empty()) {
      ids.emplace_back();
      continue;
    }
    std::string linked;
    if (auto it = created.find({type, key}); it != created.end()) linked = it->second;
    if (linked.empty()) {
      auto candidates = catalog::FindEntityIdsByNameKey(store, key, false, kMaxCandidates);
      if (!candidates.ok()) return candidates.status();
      // A candidate whose display name matches beats one matching by alias.
      std::string alias_match;
      for (const std::string& candidate : *candidates) {
        auto record = changes.PeekEntity(candidate);
        if (absl::IsNotFound(record.status())) continue;  // deleted in this batch
        if (!record.ok()) return record.status();
        if ((*record)->type() != type) continue;
        if (text::NameKey((*record)->display_name()) == key) {
          linked = candidate;
          break;
        }
        if (alias_match.empty()) alias_match = candidate;
      }
      if (linked.empty()) linked = alias_match;
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
    auto record = changes.MutableEntity(linked);
    if (!record.ok()) return record.status();
    AddAlias(entity.display_name, **record);
    for (const std::string& alias : entity.aliases) AddAlias(alias, **record);
    ids.push_back(linked);
  }
  return ids;
}

}  // namespace verbatim::ingest
