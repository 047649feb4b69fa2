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

// For each extracted entity, in order: the entity id it was linked to ("" when
// its name has no letters or digits), the confidence of the link and the name
// to show it by (the linked entity's display name, unless the article prints
// a name of more words; "" when not linked).
struct EntityLinks {
  std::vector<std::string> ids;
  std::vector<double> confidence;
  std::vector<std::string> display_names;
};

// Confidence of a link through a spelling variant with shared context.
inline constexpr double kSpellingVariantConfidence = 0.8;
// Confidence of a surname printed alone linked to the one stored person of
// that surname with shared context.
inline constexpr double kSurnameConfidence = 0.7;
// Confidence of a full name linked through another form of its given name
// ("Toby Wendt" to "Tobias Wendt") with shared context.
inline constexpr double kGivenNameFormConfidence = 0.8;
// Confidence of an organisation's or event's first word printed alone
// linked to the full name ("Sundance" / "Sundance Film Festival").
inline constexpr double kShortNameConfidence = 0.7;
// Below this many classifier votes an extracted entity's type is a guess
// that a stored entity of the same name and another type overrides.
inline constexpr float kGuessedTypeScore = 2.0f;
// How many entities the article and the stored entity's articles must share.
inline constexpr size_t kMinSharedContext = 2;

// Links each extracted entity to an existing entity of the same type known
// by the same name (display name first, then alias; for a non-person also
// by a longer alias the article printed, "Corvex Systems Inc" for "Corvex
// Systems"), with confidence 1. A person not known by name links to a stored
// person whose name is a close misspelling (same skeleton and edit distance
// at most a quarter of the longer name, or a skeleton one surname consonant
// apart and one edit) only when the article shares at least
// kMinSharedContext other entities with that person's articles; a surname
// printed alone ("Quenby", "Ms. Quenby")
// links, on the same condition, to the one stored person whose full name
// ends in it, a given name and surname to the one stored person with that
// surname and another form of the given name ("Toby" / "Tobias"), and an
// organisation or event named by one word to the one stored entity of its
// type whose longer name opens with it ("Sundance").
// An entity whose type is a guess (type_score below kGuessedTypeScore) and
// whose name only a stored entity of one other type has links to it, and
// takes its type in `extracted`.
// Otherwise a new entity is created in `changes`.
// Surface forms not yet known become aliases. Counts are left to the caller.
absl::StatusOr<EntityLinks> LinkEntities(
    const storage::Store& store, std::vector<entities::Entity>& extracted,
    const google::protobuf::Timestamp& now, RecordChanges& changes);

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_ENTITY_LINKER_H_
