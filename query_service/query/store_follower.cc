#include "query_service/query/store_follower.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/rpc/request_log.h"

namespace verbatim::query {

void StoreFollower::Start(std::function<void(const storage::Store*)> on_ready) {
  thread_ =
      std::thread([this, on_ready = std::move(on_ready)] { Run(on_ready); });
}

void StoreFollower::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

bool StoreFollower::WaitForStop(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithTimeout(absl::Condition(&stopping_), timeout);
  return stopping_;
}

void StoreFollower::Run(std::function<void(const storage::Store*)> on_ready) {
  std::string last_error;
  while (store_ == nullptr) {
    auto store = storage::Store::OpenSecondary(primary_path_, secondary_path_);
    if (store.ok()) {
      store_ = *std::move(store);
      break;
    }
    // Log each distinct failure once, not every retry.
    if (std::string error(store.status().message()); error != last_error) {
      rpc::LogInfo(absl::StrCat("waiting for the store: ", error));
      last_error = error;
    }
    if (WaitForStop(absl::Milliseconds(200))) return;
  }
  CatchUpCompletely(/*opened=*/true);
  ready_ = true;
  on_ready(store_.get());
  // Catch-ups start every interval (not an interval after the last one
  // ended), so that visibility lag stays near one interval under load.
  absl::Time next = absl::Now() + interval_;
  while (!WaitForStop(next - absl::Now())) {
    CatchUpCompletely(/*opened=*/false);
    next += interval_;
    if (const absl::Time now = absl::Now(); now > next) next = now;  // no burst
  }
}

void StoreFollower::CatchUpCompletely(bool opened) {
  // After one catch-up (or the open) a later write may be visible before an
  // earlier one; a second one makes all of the first's writes visible. In
  // steady state it is only needed when the first one saw something new.
  const uint64_t before = store_->LatestSequenceNumber();
  for (int i = 0; i < 2; ++i) {
    if (absl::Status s = store_->CatchUp(); !s.ok()) {
      rpc::LogInfo(absl::StrCat("catch-up failed: ", s.message()));
      return;
    }
    if (!opened && store_->LatestSequenceNumber() == before) return;
  }
}

absl::Status StoreFollower::WaitForSequence(uint64_t sequence,
                                            absl::Time deadline) {
  if (!ready_) return absl::UnavailableError("the store is not open yet");
  while (store_->LatestSequenceNumber() < sequence) {
    if (absl::Now() >= deadline) {
      return absl::DeadlineExceededError(
          absl::StrCat("the query service has not caught up with the ingest "
                       "service's write ",
                       sequence, " yet (it has seen ",
                       store_->LatestSequenceNumber(), "); retry"));
    }
    if (absl::Status s = store_->CatchUp(); !s.ok()) return s;
    if (store_->LatestSequenceNumber() >= sequence) break;
    absl::SleepFor(absl::Milliseconds(2));
  }
  return store_->CatchUp();
}

}  // namespace verbatim::query
