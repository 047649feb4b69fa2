// One line on stderr per failed request, for operators.
#ifndef VERBATIM_COMMON_RPC_REQUEST_LOG_H_
#define VERBATIM_COMMON_RPC_REQUEST_LOG_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace verbatim::rpc {

// Writes "<UTC time> <method> <code>: <message>" when `status` is not OK.
// Thread-safe: each line is written with one call.
void LogRequestError(absl::string_view method, const absl::Status& status);

// Writes "<UTC time> <message>": startup, shutdown and background failures.
void LogInfo(absl::string_view message);

}  // namespace verbatim::rpc

#endif  // VERBATIM_COMMON_RPC_REQUEST_LOG_H_
