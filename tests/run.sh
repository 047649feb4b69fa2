#!/usr/bin/env bash
# Set-up command 2: installs dependencies, configures and builds everything,
# then runs every CTest test (unit tests, extraction evaluations, and the
# multi-process client tests under tests/clients).
#
# Environment:
#   VERBATIM_BUILD_DIR  CMake build directory (default: <repo>/build)
#   JOBS                parallel build and test jobs (default: 2)
#   SKIP_DEPS=1         do not run deploy/install-deps.sh
# Extra arguments are passed to ctest, e.g. tests/run.sh -R clients
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
build_dir="${VERBATIM_BUILD_DIR:-$repo_root/build}"
jobs="${JOBS:-2}"

step() { printf '\n==> %s\n' "$*"; }

if [[ "${SKIP_DEPS:-0}" != 1 ]]; then
  step "Installing dependencies"
  deploy/install-deps.sh
fi

if [[ -d ../shared ]]; then
  echo "third-party corpora: $(cd ../shared && pwd)"
else
  echo "third-party corpora: ../shared not found; tests that need it will be skipped"
fi

step "Configuring ($build_dir)"
cmake -S . -B "$build_dir" -G Ninja

step "Building"
cmake --build "$build_dir" -j"$jobs"

step "Testing"
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 900 "$@"
