// Resource names of the v1 API: articles/{id}, quotes/{id} (decimal ids) and
// entities/{id} (lower-case slugs such as "kendrick-lamar").
#ifndef VERBATIM_COMMON_CATALOG_RESOURCE_NAMES_H_
#define VERBATIM_COMMON_CATALOG_RESOURCE_NAMES_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace verbatim::catalog {

std::string ArticleName(uint64_t id);
std::string QuoteName(uint64_t id);
std::string EntityName(absl::string_view entity_id);

// Each returns the id, or INVALID_ARGUMENT naming `field` when `name` is not
// a well-formed name of that collection. Existence is not checked.
absl::StatusOr<uint64_t> ParseArticleName(absl::string_view name,
                                          absl::string_view field);
absl::StatusOr<uint64_t> ParseQuoteName(absl::string_view name,
                                        absl::string_view field);
absl::StatusOr<std::string> ParseEntityName(absl::string_view name,
                                            absl::string_view field);

// A slug for a new entity id from its display name: ASCII letters and digits
// lower-cased, runs of anything else as one "-", at most 60 characters;
// "entity" when nothing is left (e.g. a name in another script).
std::string EntitySlug(absl::string_view display_name);

}  // namespace verbatim::catalog

#endif  // VERBATIM_COMMON_CATALOG_RESOURCE_NAMES_H_
