#include "common/text/edit_distance.h"

#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

TEST(EditDistanceTest, CountsEdits) {
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(EditDistance("", "abc", 5), 3);
  EXPECT_EQ(EditDistance("same", "same", 0), 0);
}

TEST(EditDistanceTest, StopsPastTheLimit) {
  EXPECT_EQ(EditDistance("abcdefgh", "zzzzzzzz", 2), 3);
  EXPECT_EQ(EditDistance("a", "abcdef", 2), 3);
}

TEST(PersonNameSkeletonTest, MisspellingsShareASkeleton) {
  EXPECT_EQ(PersonNameSkeleton("Marta Kowalski"),
            PersonNameSkeleton("Martha Kowalsky"));
  EXPECT_EQ(PersonNameSkeleton("Bryan Fielder"),
            PersonNameSkeleton("Brian Fieldr"));
  EXPECT_NE(PersonNameSkeleton("Bryan Fielder"),
            PersonNameSkeleton("Bryan Fowler"));
  EXPECT_EQ(PersonNameSkeleton("Madonna"), "");
}

}  // namespace
}  // namespace verbatim::text
