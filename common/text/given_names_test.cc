#include "common/text/given_names.h"

#include "gtest/gtest.h"

namespace verbatim::text {
namespace {

TEST(SameGivenNameTest, FormsOfOneName) {
  EXPECT_TRUE(SameGivenName("toby", "tobias"));
  EXPECT_TRUE(SameGivenName("william", "bill"));
  EXPECT_TRUE(SameGivenName("bill", "will"));
  EXPECT_TRUE(SameGivenName("ada", "ada"));
  // "chris" is a form of several names, which are not forms of each other.
  EXPECT_TRUE(SameGivenName("chris", "christine"));
  EXPECT_FALSE(SameGivenName("christopher", "christine"));
  EXPECT_FALSE(SameGivenName("tobias", "thomas"));
  EXPECT_FALSE(SameGivenName("ada", "ida"));
  EXPECT_TRUE(HasOtherForms("toby"));
  EXPECT_FALSE(HasOtherForms("ada"));
}

}  // namespace
}  // namespace verbatim::text
