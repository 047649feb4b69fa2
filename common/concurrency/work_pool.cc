#include "common/concurrency/work_pool.h"

#include <algorithm>
#include <atomic>
#include <memory>

namespace verbatim::concurrency {
namespace {

// One ParallelFor call, shared with the pool threads that help with it. A
// helper that starts after every index was taken leaves without calling `fn`,
// which may by then be gone; the job itself lives as long as any helper.
struct Job {
  Job(size_t n, absl::FunctionRef<void(size_t)> fn) : n(n), fn(fn) {}

  // Takes and runs indices until none are left.
  void Run() {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      fn(i);
      absl::MutexLock lock(&mu);
      ++done;
    }
  }

  const size_t n;
  const absl::FunctionRef<void(size_t)> fn;
  std::atomic<size_t> next{0};
  absl::Mutex mu;
  size_t done ABSL_GUARDED_BY(mu) = 0;
};

}  // namespace

WorkPool::WorkPool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkPool::~WorkPool() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  for (std::thread& thread : threads_) thread.join();
}

void WorkPool::Work() {
  while (true) {
    std::function<void()> task;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](WorkPool* pool) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pool->mu_) {
            return pool->stopping_ || !pool->queue_.empty();
          },
          this));
      if (queue_.empty()) return;  // stopping
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

void WorkPool::ParallelFor(size_t n, absl::FunctionRef<void(size_t)> fn) {
  if (n == 0) return;
  auto job = std::make_shared<Job>(n, fn);
  const size_t helpers = std::min(threads_.size(), n - 1);
  if (helpers > 0) {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < helpers; ++i) {
      queue_.push_back([job] { job->Run(); });
    }
  }
  job->Run();
  absl::MutexLock lock(&job->mu);
  job->mu.Await(absl::Condition(
      +[](Job* j)
           ABSL_EXCLUSIVE_LOCKS_REQUIRED(j->mu) { return j->done == j->n; },
      job.get()));
}

}  // namespace verbatim::concurrency
