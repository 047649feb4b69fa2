#!/usr/bin/env bash
# Installs everything Verbatim needs to build, run and test on Debian 12:
# the C++ toolchain and libraries, the Python and Node client-test tools,
# docker-compose (to validate deploy/docker-compose.yml), and the npm packages
# of tests/clients. Idempotent: packages already present are not reinstalled,
# and the npm packages are reinstalled only when package-lock.json changed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  # build
  cmake ninja-build g++ ccache pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev librocksdb-dev libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev grpc-proto libjemalloc-dev
  # inputs of the generated entity lexicons
  iso-codes wamerican tzdata
  # client tests
  python3 python3-grpcio python3-grpc-tools docker-compose
)
# Node and npm: Debian's packages unless a node with npm is already installed
# (NodeSource's nodejs bundles npm and conflicts with Debian's npm package).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

log() { printf 'install-deps: %s\n' "$*" >&2; }

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    log "need root (or sudo) to run: $*"
    exit 1
  fi
}

missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} > 0)); then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${packages[@]}"
else
  log "all ${#packages[@]} Debian packages already installed"
fi

clients="$repo_root/tests/clients"
stamp="$clients/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$clients/package-lock.json" -nt "$stamp" \
      || ! -x "$clients/node_modules/.bin/buf" ]]; then
  # `npm install --no-save` rather than `npm ci`: it installs the locked
  # versions too, but tolerates lock files that list only some platforms'
  # optional packages (@bufbuild/buf ships one per platform), which `npm ci`
  # rejects; --no-save leaves package.json and package-lock.json untouched.
  log "npm install in tests/clients"
  (cd "$clients" && npm install --no-save --no-audit --no-fund --loglevel=error)
else
  log "tests/clients/node_modules is up to date"
fi
