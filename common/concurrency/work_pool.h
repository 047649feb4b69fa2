// A fixed set of threads for fanning out blocking work: on a store larger
// than memory each record read may wait for the disk, and the disk serves
// several reads at once (50 cold quote reads of a 1M-article store: 9.0 ms
// one after another, 3.2 ms over 8 threads; BENCHMARKS.md, session 7).
//
// Thread-safe: any number of threads may call ParallelFor at once.
#ifndef VERBATIM_COMMON_CONCURRENCY_WORK_POOL_H_
#define VERBATIM_COMMON_CONCURRENCY_WORK_POOL_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/synchronization/mutex.h"

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

  int threads() const { return static_cast<int>(threads_.size()); }

 private:
  void Work();

  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace verbatim::concurrency

#endif  // VERBATIM_COMMON_CONCURRENCY_WORK_POOL_H_
