#include "common/concurrency/work_pool.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace verbatim::concurrency {
namespace {

TEST(WorkPoolTest, CallsEveryIndexOnce) {
  WorkPool pool(4);
  std::vector<std::atomic<int>> calls(1000);
  pool.ParallelFor(calls.size(), [&](size_t i) { ++calls[i]; });
  for (size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i], 1) << i;
}

TEST(WorkPoolTest, SpreadsBlockingWorkOverThreads) {
  WorkPool pool(3);
  std::mutex mu;
  std::condition_variable all_waiting;
  std::set<std::thread::id> seen;
  int waiting = 0;
  // Each call waits until four calls run at once: only possible when the
  // caller and all three pool threads take part.
  pool.ParallelFor(4, [&](size_t) {
    std::unique_lock<std::mutex> lock(mu);
    seen.insert(std::this_thread::get_id());
    if (++waiting == 4) all_waiting.notify_all();
    all_waiting.wait(lock, [&] { return waiting >= 4; });
  });
  EXPECT_EQ(seen.size(), 4u);
}

TEST(WorkPoolTest, WithoutThreadsRunsOnTheCaller) {
  WorkPool pool(0);
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<size_t> order;
  pool.ParallelFor(5, [&](size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_THAT(order, testing::ElementsAre(0, 1, 2, 3, 4));
  pool.ParallelFor(0, [&](size_t) { ADD_FAILURE() << "no index to call"; });
}

TEST(WorkPoolTest, ConcurrentCallersShareThePool) {
  WorkPool pool(2);
  std::atomic<int> total{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c) {
    callers.emplace_back([&] {
      for (int round = 0; round < 50; ++round)
        pool.ParallelFor(20, [&](size_t) { ++total; });
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(total, 4 * 50 * 20);
}

}  // namespace
}  // namespace verbatim::concurrency
