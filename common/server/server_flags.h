// Flags both services share: TLS, bearer-token auth, shutdown grace and the
// built-in health probe. Each is also read from VERBATIM_<FLAG> (env_flags.h).
#ifndef VERBATIM_COMMON_SERVER_SERVER_FLAGS_H_
#define VERBATIM_COMMON_SERVER_SERVER_FLAGS_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/server/grpc_server.h"

namespace verbatim::server {

// When --health_probe=ADDR was given: probes it and returns the exit code.
std::optional<int> RunHealthProbeIfRequested();

// Loads --tls_cert and --tls_key into `config`. NOT_FOUND for unreadable
// files; INVALID_ARGUMENT when only one is given.
absl::Status ApplyTlsFlags(ServerConfig& config);

// --auth_token: the bearer token every call must carry (empty: no auth).
std::string AuthTokenFlag();

// --shutdown_grace_ms.
absl::Duration ShutdownGraceFlag();

}  // namespace verbatim::server

#endif  // VERBATIM_COMMON_SERVER_SERVER_FLAGS_H_
