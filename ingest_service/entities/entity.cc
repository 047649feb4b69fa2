#include "ingest_service/entities/entity.h"

namespace verbatim::entities {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kPlace:
      return "PLACE";
    case EntityType::kWork:
      return "WORK";
    case EntityType::kEvent:
      return "EVENT";
  }
  return "PERSON";
}

}  // namespace verbatim::entities
