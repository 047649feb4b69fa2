// Keeps a secondary store instance up to date with the ingest service's
// primary: opens it once the primary exists, then catches up on an interval.
#ifndef VERBATIM_QUERY_SERVICE_QUERY_STORE_FOLLOWER_H_
#define VERBATIM_QUERY_SERVICE_QUERY_STORE_FOLLOWER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/storage/store.h"

namespace verbatim::query {

// Thread-safe.
class StoreFollower {
 public:
  StoreFollower(std::string primary_path, std::string secondary_path,
                absl::Duration interval)
      : primary_path_(std::move(primary_path)),
        secondary_path_(std::move(secondary_path)),
        interval_(interval) {}
  ~StoreFollower() { Stop(); }

  // Starts following in a background thread. `on_ready` runs once, in that
  // thread, when the store is open and has caught up; the store stays valid
  // until Stop.
  void Start(std::function<void(const storage::Store*)> on_ready);

  // Stops the thread. The store is closed when the follower is destroyed.
  void Stop();

  // Catches up until the store includes the write with sequence number
  // `sequence` (and once more: after one catch-up a later write may show
  // before an earlier one). DEADLINE_EXCEEDED when `deadline` passes first;
  // UNAVAILABLE before on_ready has run.
  absl::Status WaitForSequence(uint64_t sequence, absl::Time deadline);

 private:
  void Run(std::function<void(const storage::Store*)> on_ready);
  // One catch-up, and a second when needed for a consistent view (always
  // right after `opened`).
  void CatchUpCompletely(bool opened);
  // Waits up to `timeout`; returns true when Stop was called.
  bool WaitForStop(absl::Duration timeout);

  const std::string primary_path_;
  const std::string secondary_path_;
  const absl::Duration interval_;
  std::unique_ptr<storage::Store> store_;
  std::atomic<bool> ready_{false};
  std::thread thread_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_QUERY_STORE_FOLLOWER_H_
