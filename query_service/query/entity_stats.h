// Aggregates about one entity: who it appears with, and when.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_ENTITY_STATS_H_
#define VERBATIM_QUERY_SERVICE_QUERY_ENTITY_STATS_H_

#include "absl/status/statusor.h"
#include "common/storage/store.h"
#include "verbatim/v1/query_service.pb.h"

namespace verbatim::query {

// Answers ListRelatedEntities from the entity's 2,000 newest articles and
// 2,000 newest quotes (see the proto).
absl::StatusOr<v1::ListRelatedEntitiesResponse> ListRelatedEntities(
    const storage::Store& store, const v1::ListRelatedEntitiesRequest& request);

// Answers GetEntityTimeline; counts at most 100,000 articles and quotes.
absl::StatusOr<v1::EntityTimeline> GetEntityTimeline(
    const storage::Store& store, const v1::GetEntityTimelineRequest& request);

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_ENTITY_STATS_H_
