#include "ingest_service/entities/entity.h"

#include "gtest/gtest.h"

namespace verbatim::entities {
namespace {

TEST(EntityTypeNameTest, UsesEvalSpelling) {
  EXPECT_EQ(EntityTypeName(EntityType::kPerson), "PERSON");
  EXPECT_EQ(EntityTypeName(EntityType::kOrganization), "ORG");
  EXPECT_EQ(EntityTypeName(EntityType::kPlace), "PLACE");
  EXPECT_EQ(EntityTypeName(EntityType::kWork), "WORK");
  EXPECT_EQ(EntityTypeName(EntityType::kEvent), "EVENT");
}

}  // namespace
}  // namespace verbatim::entities
