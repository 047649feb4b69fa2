// Runs a Verbatim binary as a child process for multi-process tests.
#ifndef VERBATIM_TESTS_E2E_SERVICE_PROCESS_H_
#define VERBATIM_TESTS_E2E_SERVICE_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace verbatim::e2e {

// A started child process whose stdout is captured. Killed (SIGKILL) on
// destruction if still running, and when the thread that started it ends
// (Linux's parent-death signal follows the thread, not the process): start
// services from a thread that lives as long as they should.
class ServiceProcess {
 public:
  // Starts `binary` with `args`; stderr goes to `stderr_path`.
  static absl::StatusOr<std::unique_ptr<ServiceProcess>> Start(
      const std::string& binary, const std::vector<std::string>& args,
      const std::string& stderr_path);
  ~ServiceProcess();

  // Waits for the "listening on HOST:PORT" line and returns HOST:PORT.
  absl::StatusOr<std::string> WaitForAddress(absl::Duration timeout);

  // Sends `signal` and waits for the exit; returns the exit status as
  // waitpid reports it, or DEADLINE_EXCEEDED.
  absl::StatusOr<int> StopWith(int signal, absl::Duration timeout);

  pid_t pid() const { return pid_; }

 private:
  ServiceProcess(pid_t pid, int stdout_fd) : pid_(pid), stdout_fd_(stdout_fd) {}
  pid_t pid_;
  int stdout_fd_;
  std::string buffer_;
};

}  // namespace verbatim::e2e

#endif  // VERBATIM_TESTS_E2E_SERVICE_PROCESS_H_
