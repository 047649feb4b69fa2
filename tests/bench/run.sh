#!/usr/bin/env bash
# Benchmarks and scale: one command for every figure of BENCHMARKS.md.
#
#   tests/bench/run.sh --quick     # 10k articles, < 5 minutes
#   tests/bench/run.sh             # 10k / 100k / 1M checkpoints (about an hour)
#   VERBATIM_BENCH_CHECKPOINTS=10000,100000 tests/bench/run.sh   # custom scales
#   VERBATIM_BENCH_SEGMENT_BUDGET_S=600 ...   # stop each ingest segment after 600 s
#   VERBATIM_BENCH_KEEP_STORE=1 ...   # keep the main run's store under bench-results/kept/
#                                       (never removed here) to profile or re-measure queries:
#                                       verbatim-bench-services --kept_store=DIR
#   (also VERBATIM_BENCH_{SWEEP_ARTICLES,QUERY_REQUESTS,LAG_SAMPLES,OP_BUDGET_S,SETTLE_BUDGET_S,
#    STAGE_MIN_TIME,STAGE_FILTER,DBBENCH_NUM}: see the defaults below)
#
# Builds the Release tree build-bench/ when needed (VERBATIM_BENCH_BUILD to
# change it), prints one "name value unit" line per figure, and writes
#   build-bench/bench-results/results.txt   every figure
#   build-bench/benchmarks.md               tables ready for BENCHMARKS.md
# Numbers only: nothing here passes or fails on timing.
set -euo pipefail

# The whole script is one function, parsed before it runs: editing this file
# while a run is in progress cannot derail that run.
main() {
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${VERBATIM_BENCH_BUILD:-$ROOT/build-bench}"
MODE=full
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done

if [[ $MODE == quick ]]; then
  CHECKPOINTS="${VERBATIM_BENCH_CHECKPOINTS:-10000}"
  SWEEP_ARTICLES=100
  QUERY_REQUESTS=300
  LAG_SAMPLES=60
  DBBENCH_NUM=20000
  DBBENCH_SYNC_NUM=500
  STAGE_MIN_TIME=0.5
  STAGE_FILTER='BM_(GenerateCorpus|ExtractPipeline|CreateArticle/0)$'
  # Ingest stops after this many seconds and queries run at the size reached
  # (reported as such): keeps --quick under 5 minutes on a slow or busy box.
  SEGMENT_BUDGET_S="${VERBATIM_BENCH_SEGMENT_BUDGET_S:-75}"
  OP_BUDGET_S=6
  SETTLE_BUDGET_S=20
else
  CHECKPOINTS="${VERBATIM_BENCH_CHECKPOINTS:-10000,100000,1000000}"
  SWEEP_ARTICLES=3000
  QUERY_REQUESTS=3000
  LAG_SAMPLES=300
  DBBENCH_NUM=200000
  DBBENCH_SYNC_NUM=2000
  STAGE_MIN_TIME=3
  STAGE_FILTER='.'
  SEGMENT_BUDGET_S="${VERBATIM_BENCH_SEGMENT_BUDGET_S:-0}"
  OP_BUDGET_S=60
  SETTLE_BUDGET_S=600
fi

# Every knob can be overridden from the environment (VERBATIM_BENCH_<NAME>).
SWEEP_ARTICLES="${VERBATIM_BENCH_SWEEP_ARTICLES:-$SWEEP_ARTICLES}"
QUERY_REQUESTS="${VERBATIM_BENCH_QUERY_REQUESTS:-$QUERY_REQUESTS}"
LAG_SAMPLES="${VERBATIM_BENCH_LAG_SAMPLES:-$LAG_SAMPLES}"
OP_BUDGET_S="${VERBATIM_BENCH_OP_BUDGET_S:-$OP_BUDGET_S}"
SETTLE_BUDGET_S="${VERBATIM_BENCH_SETTLE_BUDGET_S:-$SETTLE_BUDGET_S}"
STAGE_MIN_TIME="${VERBATIM_BENCH_STAGE_MIN_TIME:-$STAGE_MIN_TIME}"
STAGE_FILTER="${VERBATIM_BENCH_STAGE_FILTER:-$STAGE_FILTER}"
DBBENCH_NUM="${VERBATIM_BENCH_DBBENCH_NUM:-$DBBENCH_NUM}"

# --- build -----------------------------------------------------------------
if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
# VERBATIM_BENCH_SKIP_BUILD=1 measures the binaries already built (e.g. while
# the working tree is mid-edit).
if [[ ${VERBATIM_BENCH_SKIP_BUILD:-0} != 1 ]]; then
  cmake --build "$BUILD" -j"$(nproc)" --target verbatim-ingest verbatim-query \
    verbatim-bench-services verbatim_stage_benchmark verbatim-gen-corpus >&2
fi

OUT="$BUILD/bench-results"
WORK="$OUT/work"
rm -rf "$WORK"
mkdir -p "$OUT" "$WORK"
# Kept stores live apart from the scratch directory, so a later run (or a
# quick one) does not remove a 1M store that took most of an hour to build.
MAIN_WORK="$WORK"
if [[ ${VERBATIM_BENCH_KEEP_STORE:-0} == 1 ]]; then
  MAIN_WORK="$OUT/kept"
  mkdir -p "$MAIN_WORK"
fi
RESULTS="$OUT/results.txt"
: >"$RESULTS"
emit() { echo "$1 $2 $3" | tee -a "$RESULTS"; }
log() { echo "[run.sh $(date +%H:%M:%S)] $*" >&2; }

# --- machine ---------------------------------------------------------------
{
  echo "mode: $MODE (checkpoints $CHECKPOINTS, segment budget ${SEGMENT_BUDGET_S}s, sweep $SWEEP_ARTICLES articles, $QUERY_REQUESTS queries/op, op budget ${OP_BUDGET_S}s, $LAG_SAMPLES lag samples)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "kernel: $(uname -r)"
  echo "load at start: $(uptime | sed 's/.*load average: //')"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
emit load_at_start "$(cut -d, -f1 /proc/loadavg | awk '{print $1}')" loadavg

# --- 1. in-process stages (Google Benchmark) ---------------------------------
log "stage benchmarks"
"$BUILD/tests/bench/verbatim_stage_benchmark" --benchmark_min_time="$STAGE_MIN_TIME" \
  --benchmark_filter="$STAGE_FILTER" \
  --benchmark_format=json --benchmark_out="$OUT/stage.json" --benchmark_out_format=json \
  >"$OUT/stage.log" 2>&1 || { cat "$OUT/stage.log" >&2; exit 1; }
python3 - "$OUT/stage.json" <<'PY' | tee -a "$RESULTS"
import json, sys
runs = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    parts = b["name"].split("/")
    runs[parts[0] if len(parts) == 1 or parts[1] == "0" else parts[0] + "/" + parts[1]] = b
def us(b, key):  # per-iteration time in microseconds
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    return b[key] * scale
e = runs["BM_ExtractPipeline"]
print("extract_mb_per_s %.2f MB/s" % (e["bytes_per_second"] / 1e6))
print("extract_articles_per_s %.1f articles/s" % e["items_per_second"])
print("extract_quotes_per_article %.2f count" % e["quotes_per_article"])
print("extract_entities_per_article %.2f count" % e["entities_per_article"])
g = runs["BM_GenerateCorpus"]
print("generate_mb_per_s %.1f MB/s" % (g["bytes_per_second"] / 1e6))
c = runs["BM_CreateArticle"]
print("create_article_per_cpu_s %.1f articles/s" % c["items_per_second"])
print("create_article_mb_per_cpu_s %.2f MB/s" % (c["bytes_per_second"] / 1e6))
print("create_article_wall_us %.1f us" % us(c, "real_time"))
print("create_article_articles %d articles" % c["iterations"])
c = runs.get("BM_CreateArticle/3000")
if c:
    print("create_article_per_cpu_s_after_3k %.1f articles/s" % c["items_per_second"])
    print("create_article_wall_us_after_3k %.1f us" % us(c, "real_time"))
PY

# --- 2. the RocksDB floor (db_bench, same machine, same run) -----------------
log "db_bench"
DBB="$WORK/dbbench"
db_bench --benchmarks=fillrandom,readrandom --num="$DBBENCH_NUM" --value_size=4096 \
  --key_size=16 --threads=1 --db="$DBB" --disable_wal=0 --sync=0 \
  >"$OUT/dbbench.log" 2>&1
db_bench --benchmarks=fillrandom --num="$DBBENCH_SYNC_NUM" --value_size=4096 --key_size=16 \
  --threads=1 --db="$DBB-sync" --disable_wal=0 --sync=1 >"$OUT/dbbench-sync.log" 2>&1
rm -rf "$DBB" "$DBB-sync"
python3 - "$OUT/dbbench.log" "$OUT/dbbench-sync.log" <<'PY' | tee -a "$RESULTS"
import re, sys
pat = re.compile(r"^(\w+)\s*:\s*([\d.]+) micros/op\s+(\d+) ops/sec[^;]*;(?:\s+([\d.]+) MB/s)?")
for path, suffix in ((sys.argv[1], ""), (sys.argv[2], "_sync")):
    for line in open(path):
        m = pat.match(line)
        if not m:
            continue
        name = m.group(1)
        print("dbbench_%s%s_us_per_op %s us" % (name, suffix, m.group(2)))
        print("dbbench_%s%s_ops_per_s %s ops/s" % (name, suffix, m.group(3)))
        if m.group(4):
            print("dbbench_%s%s_mb_per_s %s MB/s" % (name, suffix, m.group(4)))
PY

# --- 3. ingest sweep: streams x --sync ----------------------------------------
for sync in 0 1; do
  for streams in 1 4 16; do
    log "ingest sweep: $streams streams, sync=$sync, $SWEEP_ARTICLES articles"
    "$BUILD/tests/bench/verbatim-bench-services" --articles="$SWEEP_ARTICLES" \
      --streams="$streams" --sync="$sync" --query_requests=0 --lag_samples=0 \
      --work_dir="$WORK" --prefix="sweep_s${streams}_sync${sync}_" 2>>"$OUT/services.log" |
      grep -E '_(ingest_articles_per_s|ingest_mb_per_s|ingest_articles_per_cpu_s|ingest_peak_rss_mib|article_errors) ' |
      tee -a "$RESULTS" || log "sweep run $streams/$sync reported failures (see services.log)"
  done
done

# --- 4. the main run: bulk ingest to each checkpoint, then queries -------------
log "main run: checkpoints $CHECKPOINTS, 4 streams, sync off"
"$BUILD/tests/bench/verbatim-bench-services" --checkpoints="$CHECKPOINTS" --streams=4 \
  --query_requests="$QUERY_REQUESTS" --lag_samples="$LAG_SAMPLES" --work_dir="$MAIN_WORK" \
  --segment_time_budget_s="$SEGMENT_BUDGET_S" --op_time_budget_s="$OP_BUDGET_S" \
  --settle_time_budget_s="$SETTLE_BUDGET_S" \
  $([[ ${VERBATIM_BENCH_KEEP_STORE:-0} == 1 ]] && echo --keep_store) \
  2>>"$OUT/services.log" | tee -a "$RESULTS" ||
  log "main run reported failures (see $OUT/services.log)"
emit load_at_end "$(cut -d, -f1 /proc/loadavg | awk '{print $1}')" loadavg
echo "load at end: $(uptime | sed 's/.*load average: //')" >>"$OUT/machine.txt"

# --- 5. ratios, targets and the markdown tables -----------------------------
python3 "$ROOT/tests/bench/report.py" "$RESULTS" "$OUT/machine.txt" "$BUILD/benchmarks.md" |
  tee -a "$RESULTS"
log "figures: $RESULTS; tables: $BUILD/benchmarks.md; logs: $OUT/*.log"
}

main "$@"
exit $?
