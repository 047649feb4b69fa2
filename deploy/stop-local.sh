#!/usr/bin/env bash
# Stops the services that deploy/run-local.sh started (pid files under
# $VERBATIM_DATA_DIR, default ./data). SIGTERM first: the servers drain
# in-flight calls for up to 5 s; SIGKILL after 15 s. Safe to run when nothing
# is running.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${VERBATIM_DATA_DIR:-$repo_root/data}"
grace_seconds=15

# stop NAME BINARY: stops the process in $data_dir/NAME.pid if it is BINARY.
stop() {
  local name="$1" binary="$2" pid_file="$data_dir/$1.pid" pid
  [[ -f "$pid_file" ]] || return 0
  pid="$(cat "$pid_file")"
  if [[ ! "$pid" =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pid_file"
    return 0
  fi
  # Guard against a recycled pid: only signal our own binary.
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$binary"; then
    echo "stop-local: pid $pid in $pid_file is not $binary; leaving it alone" >&2
    rm -f "$pid_file"
    return 0
  fi
  echo "stopping $name (pid $pid)"
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= grace_seconds * 10)); then
      echo "stop-local: $name did not exit within ${grace_seconds}s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$pid_file"
}

# Query first: it reads the store the ingest service writes.
stop query verbatim-query
stop ingest verbatim-ingest
