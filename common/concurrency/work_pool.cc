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
      std::lock_guard<std::mutex> lock(mu);
      if (++done == n) all_done.notify_all();
    }
  }

  const size_t n;
  const absl::FunctionRef<void(size_t)> fn;
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable all_done;
  size_t done = 0;  // guarded by mu
};

}  // namespace

WorkPool::WorkPool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkPool::~WorkPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void WorkPool::Work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
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
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (size_t i = 0; i < helpers; ++i) {
        queue_.push_back([job] { job->Run(); });
      }
    }
    work_ready_.notify_all();
  }
  job->Run();
  std::unique_lock<std::mutex> lock(job->mu);
  job->all_done.wait(lock, [&] { return job->done == job->n; });
}

}  // namespace verbatim::concurrency
