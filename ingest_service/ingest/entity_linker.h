// Links the entities extracted from one article to stored entities.
#ifndef VERBATIM_INGEST_SERVICE_INGEST_ENTITY_LINKER_H_
#define VERBATIM_INGEST_SERVICE_INGEST_ENTITY_LINKER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/storage/store.h"
#include "google/protobuf/timestamp.pb.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::ingest {

v1::EntityType ToProtoType(entities::EntityType type);

// Returns the entity id for each extracted entity, in order: an existing
// entity of the same type known by the same name (display name first, then
// alias), else a new entity created in `changes`. Surface forms not yet known
// become aliases. An entity whose name has no letters or digits gets "".
// Counts are left to the caller.
absl::StatusOr<std::vector<std::string>> LinkEntities(
    const storage::Store& store, const std::vector<entities::Entity>& extracted,
    const google::protobuf::Timestamp& now, RecordChanges& changes);

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_ENTITY_LINKER_H_
