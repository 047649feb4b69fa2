#include "common/rpc/request_log.h"

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace verbatim::rpc {
namespace {

void WriteLine(absl::string_view text) {
  std::string line =
      absl::StrCat(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(),
                                    absl::UTCTimeZone()),
                   " ", text, "\n");
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void LogRequestError(absl::string_view method, const absl::Status& status) {
  if (status.ok()) return;
  WriteLine(absl::StrCat(method, " ", absl::StatusCodeToString(status.code()),
                         ": ", status.message()));
}

void LogInfo(absl::string_view message) { WriteLine(message); }

}  // namespace verbatim::rpc
