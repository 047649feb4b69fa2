// A built-in health probe for container healthchecks (grpc_health_probe's
// exit codes), so images need no extra binary.
#ifndef VERBATIM_COMMON_SERVER_HEALTH_PROBE_H_
#define VERBATIM_COMMON_SERVER_HEALTH_PROBE_H_

#include <string>

#include "absl/time/time.h"

namespace verbatim::server {

inline constexpr int kProbeServing = 0;
inline constexpr int kProbeConnectionFailed = 2;
inline constexpr int kProbeRpcFailed = 3;
inline constexpr int kProbeNotServing = 4;

// Calls grpc.health.v1.Health/Check for `service` ("" = whole server) at
// `address` (over TLS trusting `tls_ca_path` when set) and returns one of the
// codes above; prints the outcome on stderr.
int RunHealthProbe(const std::string& address, const std::string& service,
                   const std::string& tls_ca_path, absl::Duration timeout);

}  // namespace verbatim::server

#endif  // VERBATIM_COMMON_SERVER_HEALTH_PROBE_H_
