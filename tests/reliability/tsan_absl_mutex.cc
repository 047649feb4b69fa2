// ThreadSanitizer builds only (VERBATIM_SANITIZE=thread,
// cmake/Sanitizers.cmake): tells TSan about absl::Mutex.
//
// Debian's libabsl_synchronization.so is not built with -fsanitize=thread, so
// TSan never sees absl::Mutex being locked: its fast path is an atomic
// compare-and-swap and its slow path a raw futex syscall, both inside the
// uninstrumented library. Every variable our code guards with an absl::Mutex
// (ABSL_GUARDED_BY) then looks racy, and so does data that gRPC hands between
// threads under its own absl::Mutex-based locks. Abseil built with TSan
// annotates its mutex with the __tsan_mutex_* interface; this library does the
// same from outside. Linked first into every executable of the TSan build, it
// interposes the exported absl::Mutex and absl::CondVar entry points (for our
// code and for gRPC, which call them through the PLT), reports the lock and
// unlock to TSan, and forwards to Debian's implementation (dlsym RTLD_NEXT).
//
// The *WithTimeout variants are not wrapped: Debian's build tail-calls the
// matching *WithDeadline function through the PLT, which is wrapped.
//
// Await and CondVar::Wait release the mutex while they block: they are
// reported as an unlock before and a lock after. Mutexes held in reader mode
// across Await or CondVar::Wait would be misreported; Verbatim has none.
#include <dlfcn.h>
#include <sanitizer/tsan_interface.h>

#include <cstdio>
#include <cstdlib>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace {

template <typename F>
F Real(const char* symbol) {
  void* f = dlsym(RTLD_NEXT, symbol);
  if (f == nullptr) {
    std::fprintf(stderr, "tsan_absl_mutex: %s not found: %s\n", symbol,
                 dlerror());
    std::abort();
  }
  return reinterpret_cast<F>(f);
}

constexpr unsigned kRead = __tsan_mutex_read_lock;
constexpr unsigned kTry = __tsan_mutex_try_lock;
constexpr unsigned kTryFailed = __tsan_mutex_try_lock_failed;

void PreLock(void* mu, unsigned flags) { __tsan_mutex_pre_lock(mu, flags); }
void PostLock(void* mu, unsigned flags) {
  __tsan_mutex_post_lock(mu, flags, 0);
}
void Released(void* mu, unsigned flags) {
  __tsan_mutex_pre_unlock(mu, flags);
  __tsan_mutex_post_unlock(mu, flags);
}

}  // namespace

#define VERBATIM_SYM(name) __asm__("_ZN4absl7debian3" name)

namespace verbatim_tsan {

// Declarations under the libraries' mangled names.
void MutexLock(absl::Mutex*) VERBATIM_SYM("5Mutex4LockEv");
void MutexUnlock(absl::Mutex*) VERBATIM_SYM("5Mutex6UnlockEv");
bool MutexTryLock(absl::Mutex*) VERBATIM_SYM("5Mutex7TryLockEv");
void MutexReaderLock(absl::Mutex*) VERBATIM_SYM("5Mutex10ReaderLockEv");
void MutexReaderUnlock(absl::Mutex*) VERBATIM_SYM("5Mutex12ReaderUnlockEv");
bool MutexReaderTryLock(absl::Mutex*) VERBATIM_SYM("5Mutex13ReaderTryLockEv");
void MutexLockWhen(absl::Mutex*, const absl::Condition&)
    VERBATIM_SYM("5Mutex8LockWhenERKNS0_9ConditionE");
void MutexReaderLockWhen(absl::Mutex*, const absl::Condition&)
    VERBATIM_SYM("5Mutex14ReaderLockWhenERKNS0_9ConditionE");
bool MutexLockWhenWithDeadline(absl::Mutex*, const absl::Condition&, absl::Time)
    VERBATIM_SYM("5Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
bool MutexReaderLockWhenWithDeadline(absl::Mutex*, const absl::Condition&,
                                     absl::Time)
    VERBATIM_SYM(
        "5Mutex26ReaderLockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
void MutexAwait(absl::Mutex*, const absl::Condition&)
    VERBATIM_SYM("5Mutex5AwaitERKNS0_9ConditionE");
bool MutexAwaitWithDeadline(absl::Mutex*, const absl::Condition&, absl::Time)
    VERBATIM_SYM("5Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE");
void MutexDestroy1(absl::Mutex*) VERBATIM_SYM("5MutexD1Ev");
void MutexDestroy2(absl::Mutex*) VERBATIM_SYM("5MutexD2Ev");
void CondVarWait(absl::CondVar*, absl::Mutex*)
    VERBATIM_SYM("7CondVar4WaitEPNS0_5MutexE");
bool CondVarWaitWithDeadline(absl::CondVar*, absl::Mutex*, absl::Time)
    VERBATIM_SYM("7CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE");

#define VERBATIM_REAL(fn, symbol) \
  static const auto real = Real<decltype(&fn)>("_ZN4absl7debian3" symbol)

void MutexLock(absl::Mutex* mu) {
  VERBATIM_REAL(MutexLock, "5Mutex4LockEv");
  PreLock(mu, 0);
  real(mu);
  PostLock(mu, 0);
}

void MutexUnlock(absl::Mutex* mu) {
  VERBATIM_REAL(MutexUnlock, "5Mutex6UnlockEv");
  __tsan_mutex_pre_unlock(mu, 0);
  real(mu);
  __tsan_mutex_post_unlock(mu, 0);
}

bool MutexTryLock(absl::Mutex* mu) {
  VERBATIM_REAL(MutexTryLock, "5Mutex7TryLockEv");
  PreLock(mu, kTry);
  const bool locked = real(mu);
  PostLock(mu, locked ? kTry : kTry | kTryFailed);
  return locked;
}

void MutexReaderLock(absl::Mutex* mu) {
  VERBATIM_REAL(MutexReaderLock, "5Mutex10ReaderLockEv");
  PreLock(mu, kRead);
  real(mu);
  PostLock(mu, kRead);
}

void MutexReaderUnlock(absl::Mutex* mu) {
  VERBATIM_REAL(MutexReaderUnlock, "5Mutex12ReaderUnlockEv");
  __tsan_mutex_pre_unlock(mu, kRead);
  real(mu);
  __tsan_mutex_post_unlock(mu, kRead);
}

bool MutexReaderTryLock(absl::Mutex* mu) {
  VERBATIM_REAL(MutexReaderTryLock, "5Mutex13ReaderTryLockEv");
  PreLock(mu, kRead | kTry);
  const bool locked = real(mu);
  PostLock(mu, locked ? kRead | kTry : kRead | kTry | kTryFailed);
  return locked;
}

void MutexLockWhen(absl::Mutex* mu, const absl::Condition& cond) {
  VERBATIM_REAL(MutexLockWhen, "5Mutex8LockWhenERKNS0_9ConditionE");
  PreLock(mu, 0);
  real(mu, cond);
  PostLock(mu, 0);
}

void MutexReaderLockWhen(absl::Mutex* mu, const absl::Condition& cond) {
  VERBATIM_REAL(MutexReaderLockWhen,
                "5Mutex14ReaderLockWhenERKNS0_9ConditionE");
  PreLock(mu, kRead);
  real(mu, cond);
  PostLock(mu, kRead);
}

bool MutexLockWhenWithDeadline(absl::Mutex* mu, const absl::Condition& cond,
                               absl::Time t) {
  VERBATIM_REAL(MutexLockWhenWithDeadline,
                "5Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  PreLock(mu, 0);
  const bool met = real(mu, cond, t);
  PostLock(mu, 0);
  return met;
}

bool MutexReaderLockWhenWithDeadline(absl::Mutex* mu,
                                     const absl::Condition& cond,
                                     absl::Time t) {
  VERBATIM_REAL(
      MutexReaderLockWhenWithDeadline,
      "5Mutex26ReaderLockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  PreLock(mu, kRead);
  const bool met = real(mu, cond, t);
  PostLock(mu, kRead);
  return met;
}

void MutexAwait(absl::Mutex* mu, const absl::Condition& cond) {
  VERBATIM_REAL(MutexAwait, "5Mutex5AwaitERKNS0_9ConditionE");
  Released(mu, 0);
  real(mu, cond);
  PreLock(mu, 0);
  PostLock(mu, 0);
}

bool MutexAwaitWithDeadline(absl::Mutex* mu, const absl::Condition& cond,
                            absl::Time t) {
  VERBATIM_REAL(MutexAwaitWithDeadline,
                "5Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  Released(mu, 0);
  const bool met = real(mu, cond, t);
  PreLock(mu, 0);
  PostLock(mu, 0);
  return met;
}

void MutexDestroy1(absl::Mutex* mu) {
  VERBATIM_REAL(MutexDestroy1, "5MutexD1Ev");
  __tsan_mutex_destroy(mu, 0);
  real(mu);
}

void MutexDestroy2(absl::Mutex* mu) {
  VERBATIM_REAL(MutexDestroy2, "5MutexD2Ev");
  __tsan_mutex_destroy(mu, 0);
  real(mu);
}

void CondVarWait(absl::CondVar* cv, absl::Mutex* mu) {
  VERBATIM_REAL(CondVarWait, "7CondVar4WaitEPNS0_5MutexE");
  Released(mu, 0);
  real(cv, mu);
  PreLock(mu, 0);
  PostLock(mu, 0);
}

bool CondVarWaitWithDeadline(absl::CondVar* cv, absl::Mutex* mu, absl::Time t) {
  VERBATIM_REAL(CondVarWaitWithDeadline,
                "7CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE");
  Released(mu, 0);
  const bool timed_out = real(cv, mu, t);
  PreLock(mu, 0);
  PostLock(mu, 0);
  return timed_out;
}

}  // namespace verbatim_tsan
