#include "common/text/name_particles.h"

#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

TEST(NameParticlesTest, SurnameParticlesOpenSurnames) {
  EXPECT_TRUE(IsSurnameParticle("van"));
  EXPECT_TRUE(IsSurnameParticle("Bin"));
  EXPECT_TRUE(IsSurnameParticle("al"));
  EXPECT_FALSE(IsSurnameParticle("y"));
  EXPECT_FALSE(IsSurnameParticle("of"));
  EXPECT_FALSE(IsSurnameParticle("Smith"));
}

TEST(NameParticlesTest, TitleParticlesAreNoPartOfPersonNames) {
  EXPECT_TRUE(IsPersonNameParticle("der"));
  EXPECT_TRUE(IsPersonNameParticle("y"));  // "Ortega y Gasset"
  EXPECT_FALSE(IsPersonNameParticle("of"));
  EXPECT_FALSE(IsPersonNameParticle("for"));
  EXPECT_EQ(NameParticles().Find("of"), "title");
}

TEST(NameParticlesTest, EveryEntryHasAKnownKind) {
  for (const auto& [particle, kind] : NameParticles().entries()) {
    EXPECT_TRUE(kind == "surname" || kind == "inner" || kind == "title")
        << particle << "=" << kind;
  }
}

}  // namespace
}  // namespace verbatim::text
