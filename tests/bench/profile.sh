#!/usr/bin/env bash
# CPU profiles of extraction and of the in-process ingest path
# (ArticleIngestor::CreateArticle against a temporary store), on the generated
# corpus. Uses perf with the cpu-clock software event (hardware counters are
# often unavailable in VMs); falls back to valgrind --tool=callgrind.
#
#   tests/bench/profile.sh            # writes build-bench/bench-results/profile-*.txt
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${VERBATIM_BENCH_BUILD:-$ROOT/build-bench}"
OUT="$BUILD/bench-results"
mkdir -p "$OUT"
BIN="$BUILD/tests/bench/verbatim_stage_benchmark"
[[ -x $BIN ]] || cmake --build "$BUILD" --target verbatim_stage_benchmark >&2

profile() {  # name filter min_time
  local name=$1 filter=$2 min_time=$3
  if perf record -e cpu-clock -F 499 --call-graph=dwarf,16384 -o "$OUT/perf-$name.data" -- \
      "$BIN" --benchmark_filter="$filter" --benchmark_min_time="$min_time" >/dev/null 2>"$OUT/perf-$name.log"; then
    perf report -i "$OUT/perf-$name.data" --stdio --no-children --percent-limit=0.7 \
      --sort=symbol -g none 2>/dev/null | grep -v '^$' >"$OUT/profile-$name-self.txt"
    perf report -i "$OUT/perf-$name.data" --stdio --children --percent-limit=3 \
      --sort=symbol -g none 2>/dev/null | grep -v '^$' >"$OUT/profile-$name-inclusive.txt"
  else
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind-$name.out" \
      "$BIN" --benchmark_filter="$filter" --benchmark_min_time=0.01 >/dev/null 2>&1
    callgrind_annotate "$OUT/callgrind-$name.out" | head -60 >"$OUT/profile-$name-self.txt"
  fi
  echo "== $name: top self time ==" >&2
  grep -E '^ +[0-9.]+%' "$OUT/profile-$name-self.txt" | head -25 >&2 || true
}

profile extract BM_ExtractPipeline 2
profile create_article BM_CreateArticle/0 3
