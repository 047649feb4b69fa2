#!/usr/bin/env bash
# Validates deploy/docker-compose.yml with docker-compose (no Docker engine
# needed) and checks the settings the deployment relies on.
# Exits 77 (skipped) when docker-compose is not installed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
compose_file="$repo_root/deploy/docker-compose.yml"

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "SKIP: docker-compose is not installed (apt-get install docker-compose)"
  exit 77
fi

docker-compose -f "$compose_file" config -q
echo "ok - docker-compose config -q accepts $compose_file"

# The resolved configuration, every profile included, checked with PyYAML
# (a dependency of Debian's docker-compose).
docker-compose -f "$compose_file" --profile samples config |
  /usr/bin/python3 -c '
import sys, yaml
c = yaml.safe_load(sys.stdin)
s = c["services"]
checks = [
    ("three services: ingest, query, load", sorted(s) == ["ingest", "load", "query"]),
    ("ingest healthcheck uses the built-in probe",
     s["ingest"]["healthcheck"]["test"] == ["CMD", "verbatim-ingest", "--health_probe=127.0.0.1:50051"]),
    ("query healthcheck uses the built-in probe",
     s["query"]["healthcheck"]["test"] == ["CMD", "verbatim-query", "--health_probe=127.0.0.1:50052"]),
    ("query waits for a healthy ingest",
     s["query"]["depends_on"] == {"ingest": {"condition": "service_healthy"}}),
    ("stop grace above the 5 s gRPC grace",
     all(s[n]["stop_grace_period"] == "15s" for n in ("ingest", "query"))),
    ("ingest mounts the data volume read-write", "data:/data:rw" in s["ingest"]["volumes"]),
    ("query mounts the data volume read-only", "data:/data:ro" in s["query"]["volumes"]),
    ("query has its own secondary volume", "query-secondary:/secondary:rw" in s["query"]["volumes"]),
    ("ingest publishes 50051", {"published": 50051, "target": 50051} in s["ingest"]["ports"]),
    ("query publishes 50052", {"published": 50052, "target": 50052} in s["query"]["ports"]),
    ("query environment names db and secondary path",
     s["query"]["environment"].get("VERBATIM_DB") == "/data/db"
     and s["query"]["environment"].get("VERBATIM_SECONDARY_PATH") == "/secondary"),
    ("ingest and query share one store path",
     s["ingest"]["environment"].get("VERBATIM_DB") == s["query"]["environment"].get("VERBATIM_DB")),
    ("volumes declared", {"data", "query-secondary"} <= set(c["volumes"])),
]
failed = [d for d, ok in checks if not ok]
for d, ok in checks:
    print(("ok - " if ok else "not ok - ") + d)
print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
'
