// A fixed set of threads for fanning out blocking work: on a store larger
// than memory each record read may wait for the disk, and the disk serves
// several reads at once (50 cold quote reads of a 1M-article store: 9.0 ms
// one after another, 3.2 ms over 8 threads; BENCHMARKS.md, session 7).
//
// Thread-safe: any number of threads may call ParallelFor at once.
#ifndef VERBATIM_COMMON_CONCURRENCY_WORK_POOL_H_
#define VERBATIM_COMMON_CONCURRENCY_WORK_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/functional/function_ref.h"

namespace verbatim::concurrency {

class WorkPool {
 public:
  // Starts `threads` threads (0: none; ParallelFor then runs on the caller).
  explicit WorkPool(int threads);
  // Joins the threads; no ParallelFor may be running.
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Calls fn(i) for every i in [0, n), on the pool's threads and on the
  // caller's, and returns when every call has returned. The caller takes
  // indices too, so a call makes progress even while every pool thread
  // serves another. `fn` must be safe to call from several threads at once.
  void ParallelFor(size_t n, absl::FunctionRef<void(size_t)> fn);

 private:
  void Work();

  // std::mutex rather than absl::Mutex: ThreadSanitizer follows it through
  // condition waits in the uninstrumented system libraries.
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace verbatim::concurrency

#endif  // VERBATIM_COMMON_CONCURRENCY_WORK_POOL_H_
