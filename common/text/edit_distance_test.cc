#include "common/text/edit_distance.h"

#include <algorithm>
#include <string>
#include <vector>

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

TEST(PersonNameSkeletonTest, AddedOrDroppedConsonantsShareAKey) {
  auto meet = [](absl::string_view a, absl::string_view b) {
    const std::vector<std::string> x = PersonNameSkeletonKeys(a);
    const std::vector<std::string> y = PersonNameSkeletonKeys(b);
    return std::any_of(x.begin(), x.end(), [&](const std::string& key) {
      return std::find(y.begin(), y.end(), key) != y.end();
    });
  };
  EXPECT_TRUE(meet("Pieter van der Hoek", "Pieter van der Hoeck"));
  EXPECT_TRUE(meet("Priya Ragunathan", "Priya Raghunathan"));
  EXPECT_TRUE(meet("Neil O'Donohue", "Neil O'Donoghue"));
  EXPECT_FALSE(meet("Bryan Fielder", "Bryan Morton"));
  EXPECT_EQ(PersonNameSkeletonKeys("Ana Li"), std::vector<std::string>{"a|l"});
  EXPECT_TRUE(PersonNameSkeletonKeys("Madonna").empty());
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
