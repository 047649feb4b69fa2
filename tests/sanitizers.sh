#!/usr/bin/env bash
# Builds every Verbatim target with a sanitizer and runs the whole CTest suite
# (unit tests, e2e and reliability tests, client tests; the service binaries
# those start are sanitized too).
#
#   tests/sanitizers.sh asan   # AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan
#   tests/sanitizers.sh tsan   # ThreadSanitizer, in build-tsan
#   tests/sanitizers.sh tsan -R Services    # extra arguments go to ctest
#
# Every sanitizer report of every process (tests and the services they start)
# is written to <build>/sanitizer-reports/; the run fails when a test fails or
# when any report was written, even one from a service process whose test
# passed. Results and the reasons for every suppression:
# tests/reliability/SANITIZERS.md.
#
# Environment:
#   JOBS                         parallel build and test jobs (default: 2)
#   CXX                          compiler (default: g++)
#   VERBATIM_CRASH_TRIALS        crash-consistency trials (default: 24 under
#                                asan as in the ordinary build, 8 under tsan)
#   VERBATIM_CRASH_SYNC_TRIALS   the same with ingest --sync (default: 6 under
#                                asan, 3 under tsan)
set -euo pipefail

kind="${1:-}"
case "$kind" in
  asan) sanitize=address,undefined ;;
  tsan) sanitize=thread ;;
  *)
    echo "usage: tests/sanitizers.sh asan|tsan [ctest arguments...]" >&2
    exit 2
    ;;
esac
shift

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$repo_root/build-$kind"
jobs="${JOBS:-2}"
reports="$build_dir/sanitizer-reports"

CXX="${CXX:-g++}" cmake -S "$repo_root" -B "$build_dir" -G Ninja \
  -DVERBATIM_SANITIZE="$sanitize" >/dev/null
nice -n 10 cmake --build "$build_dir" -j"$jobs"

rm -rf "$reports"
mkdir -p "$reports"
if [[ "$kind" == asan ]]; then
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$reports/asan"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
  export VERBATIM_CRASH_TRIALS="${VERBATIM_CRASH_TRIALS:-24}"
  export VERBATIM_CRASH_SYNC_TRIALS="${VERBATIM_CRASH_SYNC_TRIALS:-6}"
else
  # halt_on_error=0: report every race, not only the first; the reports
  # directory is checked below. print_suppressions=1: each process also
  # writes how often each suppression matched (summed up below).
  export TSAN_OPTIONS="suppressions=$repo_root/tests/reliability/tsan.supp:halt_on_error=0:second_deadlock_stack=1:print_suppressions=1:log_path=$reports/tsan"
  # TSan is 5-15x slower: 8 trials still include every kind (early kill,
  # kill after an ack, two streams, kill during recovery).
  export VERBATIM_CRASH_TRIALS="${VERBATIM_CRASH_TRIALS:-8}"
  export VERBATIM_CRASH_SYNC_TRIALS="${VERBATIM_CRASH_SYNC_TRIALS:-3}"
fi

start=$(date +%s)
status=0
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 3600 "$@" || status=$?
echo "ctest: $(( $(date +%s) - start )) s, exit status $status"

# Report files hold findings, or (TSan) only the suppression counts.
findings=()
for file in "$reports"/*; do
  [[ -e "$file" ]] || continue
  if grep -qE 'WARNING: ThreadSanitizer|ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: UndefinedBehaviorSanitizer' "$file"; then
    findings+=("$file")
  fi
done
if [[ "$kind" == tsan ]] && compgen -G "$reports/*" >/dev/null; then
  echo "suppressions matched (summed over all processes):"
  cat "$reports"/* | awk '/^ThreadSanitizer: Matched/ {m = 1; next}
                          m && /^[0-9]+ / {c = $1; sub(/^[0-9]+ /, ""); n[$0] += c; next} {m = 0}
                          END {for (k in n) printf "  %8d %s\n", n[k], k}' | sort -rn
fi
if ((${#findings[@]} > 0)); then
  echo "!! ${#findings[@]} processes wrote sanitizer reports in $reports:" >&2
  for report in "${findings[@]}"; do
    echo "---- $report" >&2
    grep -E '^SUMMARY' "$report" | sort | uniq -c >&2
  done
  status=1
else
  echo "no sanitizer reports"
fi
exit "$status"
