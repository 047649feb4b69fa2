// Command-line parsing where every flag can also come from the environment.
#ifndef VERBATIM_COMMON_FLAGS_ENV_FLAGS_H_
#define VERBATIM_COMMON_FLAGS_ENV_FLAGS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace verbatim::flags {

// The environment variable read for a flag: VERBATIM_ + upper-cased name,
// e.g. "catchup_interval_ms" -> "VERBATIM_CATCHUP_INTERVAL_MS".
std::string EnvironmentVariableFor(absl::string_view flag_name);

// Sets each registered flag whose environment variable is set, then parses
// argv (command-line values win). Exits with status 1 and a message on a bad
// value, like absl::ParseCommandLine. Returns the positional arguments
// (argv[0] first).
std::vector<char*> ParseFlagsWithEnvironment(int argc, char** argv,
                                             absl::string_view usage);

}  // namespace verbatim::flags

#endif  // VERBATIM_COMMON_FLAGS_ENV_FLAGS_H_
