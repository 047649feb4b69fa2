#!/usr/bin/env bash
# Set-up command 1: installs dependencies, builds, starts the ingest service on
# 127.0.0.1:50051 and the query service on 127.0.0.1:50052 with their data
# under ./data, waits until both report SERVING, loads deploy/samples/*.txt
# and leaves both running in the background. Re-running restarts them on the
# same data (re-loading the samples stores nothing twice).
#
# Environment:
#   VERBATIM_DATA_DIR   data, logs and pid files (default: <repo>/data)
#   VERBATIM_BUILD_DIR  CMake build directory (default: <repo>/build)
#   INGEST_ADDR         ingest listen address (default: 127.0.0.1:50051)
#   QUERY_ADDR          query listen address (default: 127.0.0.1:50052)
#   SKIP_DEPS=1         do not run deploy/install-deps.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
data_dir="${VERBATIM_DATA_DIR:-$repo_root/data}"
build_dir="${VERBATIM_BUILD_DIR:-$repo_root/build}"
ingest_addr="${INGEST_ADDR:-127.0.0.1:50051}"
query_addr="${QUERY_ADDR:-127.0.0.1:50052}"
jobs="${JOBS:-2}"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

if [[ "${SKIP_DEPS:-0}" != 1 ]]; then
  step "Installing dependencies"
  deploy/install-deps.sh
fi

step "Building in $build_dir"
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja
fi
cmake --build "$build_dir" -j"$jobs" --target verbatim-ingest verbatim-query verbatim-load
ingest_bin="$build_dir/ingest_service/verbatim-ingest"
query_bin="$build_dir/query_service/verbatim-query"
load_bin="$build_dir/ingest_service/verbatim-load"
for bin in "$ingest_bin" "$query_bin" "$load_bin"; do
  [[ -x "$bin" ]] || die "expected binary $bin after the build"
done

step "Stopping services left from an earlier run"
VERBATIM_DATA_DIR="$data_dir" deploy/stop-local.sh

mkdir -p "$data_dir/logs" "$data_dir/db" "$data_dir/query-secondary"

# start NAME BINARY ARGS...: starts a service in its own session (so closing
# this terminal does not stop it), logging to $data_dir/logs/NAME.log.
start() {
  local name="$1"
  shift
  echo "starting $name: $*"
  # Flags come from the command line only: ignore VERBATIM_* in this shell.
  env -u VERBATIM_LISTEN -u VERBATIM_DB -u VERBATIM_SECONDARY_PATH \
    setsid "$@" </dev/null >>"$data_dir/logs/$name.log" 2>&1 &
  echo $! >"$data_dir/$name.pid"
}

# wait_serving NAME PROBE_BINARY ADDR: polls the built-in health probe.
wait_serving() {
  local name="$1" probe="$2" addr="$3" pid rc=0
  pid="$(cat "$data_dir/$name.pid")"
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "---- last lines of $data_dir/logs/$name.log ----" >&2
      tail -n 20 "$data_dir/logs/$name.log" >&2 || true
      die "$name exited during start-up (is $addr already in use?)"
    fi
    rc=0
    "$probe" --health_probe="$addr" 2>/dev/null || rc=$?
    if ((rc == 0)); then
      echo "$name is SERVING on $addr"
      return 0
    fi
    sleep 0.1
  done
  tail -n 20 "$data_dir/logs/$name.log" >&2 || true
  die "$name did not report SERVING on $addr within 30 s (last probe exit code $rc)"
}

step "Starting services"
start ingest "$ingest_bin" --listen="$ingest_addr" --db="$data_dir/db"
wait_serving ingest "$ingest_bin" "$ingest_addr"
start query "$query_bin" --listen="$query_addr" --db="$data_dir/db" \
  --secondary_path="$data_dir/query-secondary"
wait_serving query "$query_bin" "$query_addr"

step "Loading deploy/samples"
"$load_bin" --target="$ingest_addr" deploy/samples/*.txt

cat <<MSG

Verbatim is running:
  ingest  $ingest_addr  (pid $(cat "$data_dir/ingest.pid"), log $data_dir/logs/ingest.log)
  query   $query_addr  (pid $(cat "$data_dir/query.pid"), log $data_dir/logs/query.log)

Try it (see README.md for more recipes):
  tests/clients/node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge \\
    http://$query_addr/verbatim.v1.QueryService/ListArticles -d '{"pageSize":3}'
  grpcurl -plaintext -d '{"pageSize":3}' $query_addr verbatim.v1.QueryService/ListArticles

Stop both:
  deploy/stop-local.sh
MSG
