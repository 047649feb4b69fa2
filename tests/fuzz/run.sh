#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan + UBSan into build-fuzz and
# runs each for SECONDS (default 60).
#
#   tests/fuzz/run.sh [SECONDS]
#
# Environment:
#   FUZZ_BUILD_DIR  build directory (default: <repo>/build-fuzz)
#   JOBS            parallel build jobs (default: 2)
#   TARGETS         fuzzers to run (default: "extract_fuzzer request_fuzzer")
#   FUZZ_FORK       run each target in libFuzzer's fork mode with N workers
#                   (default: 0, one in-process worker)
#
# New corpus entries go to $FUZZ_BUILD_DIR/tests/fuzz/corpus/<target>/, crashes
# to $FUZZ_BUILD_DIR/tests/fuzz/artifacts/. Worth keeping? Copy a minimised
# crash into tests/fuzz/crashes/ and a new seed into tests/fuzz/corpus/<target>/.
# Exit status: 0 when every target ran clean, 1 when any found a crash.
set -euo pipefail

seconds="${1:-60}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${FUZZ_BUILD_DIR:-$repo_root/build-fuzz}"
jobs="${JOBS:-2}"
targets="${TARGETS:-extract_fuzzer request_fuzzer}"
fork="${FUZZ_FORK:-0}"

if ! command -v clang++ >/dev/null; then
  echo "clang++ not found: apt-get install -y clang libclang-rt-14-dev" >&2
  exit 2
fi

# Asserts stay on (no NDEBUG): -O1 -g instead of RelWithDebInfo's -O2 -DNDEBUG.
CC=clang CXX=clang++ cmake -S "$repo_root" -B "$build_dir" -G Ninja \
  -DVERBATIM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
# shellcheck disable=SC2086
cmake --build "$build_dir" -j"$jobs" --target $targets

status=0
for target in $targets; do
  work="$build_dir/tests/fuzz/corpus/$target"
  artifacts="$build_dir/tests/fuzz/artifacts/"
  mkdir -p "$work" "$artifacts"
  echo "==> $target for ${seconds}s"
  if ! ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
       UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
       "$build_dir/tests/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=4096 \
         -timeout=30 -print_final_stats=1 -fork="$fork" \
         -artifact_prefix="$artifacts" "$work" "$repo_root/tests/fuzz/corpus/$target" \
         2>&1 | tee "$build_dir/tests/fuzz/$target.log" | grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY|INFO: Running with|artifact_prefix|Test unit written)' ; then
    :
  fi
  if grep -qE 'ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|FUZZ_CHECK failed|runtime error' \
       "$build_dir/tests/fuzz/$target.log"; then
    echo "!! $target found a problem; see $build_dir/tests/fuzz/$target.log" >&2
    status=1
  fi
done
exit "$status"
