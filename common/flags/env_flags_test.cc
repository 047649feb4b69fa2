#include "common/flags/env_flags.h"

#include <cstdlib>

#include "absl/flags/flag.h"
#include "gtest/gtest.h"

ABSL_FLAG(int, test_interval_ms, 100, "test flag");
ABSL_FLAG(std::string, test_listen, "default", "test flag");

namespace verbatim::flags {
namespace {

TEST(EnvFlagsTest, VariableNameIsPrefixedUpperCase) {
  EXPECT_EQ(EnvironmentVariableFor("catchup_interval_ms"),
            "VERBATIM_CATCHUP_INTERVAL_MS");
}

TEST(EnvFlagsTest, EnvironmentSetsFlagsAndCommandLineWins) {
  setenv("VERBATIM_TEST_INTERVAL_MS", "250", 1);
  setenv("VERBATIM_TEST_LISTEN", "from-env", 1);
  char arg0[] = "prog";
  char arg1[] = "--test_listen=from-argv";
  char arg2[] = "positional";
  char* argv[] = {arg0, arg1, arg2};
  std::vector<char*> rest = ParseFlagsWithEnvironment(3, argv, "usage");
  EXPECT_EQ(absl::GetFlag(FLAGS_test_interval_ms), 250);
  EXPECT_EQ(absl::GetFlag(FLAGS_test_listen), "from-argv");
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_STREQ(rest[1], "positional");
}

}  // namespace
}  // namespace verbatim::flags
