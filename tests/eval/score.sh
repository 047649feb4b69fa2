#!/usr/bin/env bash
# Scores extraction on our own annotated articles (tests/eval/articles/SET,
# gold in the seeds format) with the shared scorer, one line per set.
#
#   tests/eval/score.sh [SET...]        default: every set
#
# Environment:
#   VERBATIM_BUILD_DIR   build tree holding ingest_service/verbatim-extract
#                        (default: <repo>/build)
#   VERBATIM_SHARED_DIR  holds eval/score.py (default: <repo>/../shared)
# Prints numbers only; nothing here is asserted.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${VERBATIM_BUILD_DIR:-$repo_root/build}"
shared_dir="${VERBATIM_SHARED_DIR:-$repo_root/../shared}"
scorer="$shared_dir/eval/score.py"
extract="$build_dir/ingest_service/verbatim-extract"

if [[ ! -f "$scorer" ]]; then
  echo "skipped: $scorer not found (the scorer ships with ../shared, not with this repo)"
  exit 0
fi
if [[ ! -x "$extract" ]]; then
  echo "error: $extract not built (cmake --build $build_dir --target verbatim-extract)" >&2
  exit 1
fi

cd "$repo_root/tests/eval/articles"
sets=("$@")
[[ ${#sets[@]} -gt 0 ]] || sets=(*/)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for set in "${sets[@]}"; do
  set="${set%/}"
  "$extract" "$set"/*.txt > "$out/$set.jsonl"
  python3 - "$scorer" "$set" "$out/$set.jsonl" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
r, _ = score.score(score.load_gold(sys.argv[2]), score.load_pred(sys.argv[3]))
print(f"{sys.argv[2]}  quotes P {r['quote_precision']:.3f} R {r['quote_recall']:.3f}"
      f"  speakers {r['speaker_accuracy']:.3f} / alias-ok {r['speaker_accuracy_alias']:.3f}"
      f"  entities P {r['entity_precision']:.3f} R {r['entity_recall']:.3f}"
      f"  quote links P {r['quote_link_precision']:.3f} R {r['quote_link_recall']:.3f}"
      f"  entity links {r['entity_link_rate']:.3f}")
PY
done
