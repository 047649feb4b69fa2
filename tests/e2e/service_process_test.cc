#include "tests/e2e/service_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "absl/time/clock.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace verbatim::e2e {
namespace {

// True once `pid` has exited (gone, or a zombie waiting for init).
bool Exited(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, comm, state;
  if (!(stat >> pid_field >> comm >> state)) return true;
  return state == "Z" || state == "X";
}

TEST(ServiceProcessTest, ServiceDiesWithTheProcessThatStartedIt) {
  testing::TempDir dir;
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t starter = fork();
  ASSERT_GE(starter, 0);
  if (starter == 0) {
    // Starts an ingest service, reports its pid, and dies without stopping
    // it, as a killed test or benchmark would.
    auto ingest = ServiceProcess::Start(
        VERBATIM_INGEST_BINARY,
        {"--listen=127.0.0.1:0", "--db=" + dir.path() + "/db"},
        dir.path() + "/ingest.log");
    if (!ingest.ok() || !(*ingest)->WaitForAddress(absl::Seconds(30)).ok()) {
      _exit(1);
    }
    const pid_t service = (*ingest)->pid();
    if (write(fds[1], &service, sizeof(service)) != sizeof(service)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  pid_t service = 0;
  ASSERT_EQ(read(fds[0], &service, sizeof(service)),
            static_cast<ssize_t>(sizeof(service)));
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(starter, &status, 0), starter);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!Exited(service) && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_TRUE(Exited(service)) << "ingest service " << service
                               << " outlived the process that started it";
  if (!Exited(service)) kill(service, SIGKILL);
}

}  // namespace
}  // namespace verbatim::e2e
