#!/usr/bin/env bash
# `buf curl` client test, run by run_with_services.py: everything through
# server reflection, no .proto files, as a journalist with grpcurl would.
#
# Needs VERBATIM_QUERY_ADDR, VERBATIM_INGEST_ADDR and VERBATIM_SAMPLE_COUNT.
# buf: $BUF, else tests/clients/node_modules/.bin/buf, else buf on PATH.
# Exits 77 (skipped) when buf is not installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
buf="${BUF:-$here/node_modules/.bin/buf}"
if [[ ! -x "$buf" ]]; then
  buf="$(command -v buf || true)"
fi
if [[ -z "$buf" ]]; then
  echo "SKIP: buf is not installed (run deploy/install-deps.sh: npm ci in tests/clients)"
  exit 77
fi
python=/usr/bin/python3
: "${VERBATIM_QUERY_ADDR:?set by run_with_services.py}"
: "${VERBATIM_INGEST_ADDR:?set by run_with_services.py}"
: "${VERBATIM_SAMPLE_COUNT:?set by run_with_services.py}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export BUF_CACHE_DIR="$work/cache"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; shift; printf '    %s\n' "$@"; }

# bufcurl URL [ARGS...]: buf curl over plaintext HTTP/2 (gRPC).
bufcurl() {
  local url="$1"
  shift
  "$buf" curl --protocol grpc --http2-prior-knowledge --timeout 10s "$@" "$url"
}

# rpc NAME ADDR PATH JSON: runs one call; stdout in $work/NAME.out, stderr in
# $work/NAME.err, exit status in $rc.
rpc() {
  local name="$1" addr="$2" method="$3" data="$4"
  rc=0
  bufcurl "http://$addr/$method" -d "$data" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
}

# check NAME PYTHON_EXPR: evaluates PYTHON_EXPR with `r` = the JSON response
# of call NAME; it must be true.
check() {
  local name="$1" expr="$2" description="$3"
  if ((rc != 0)); then
    fail "$description" "buf curl exited $rc" "$(cat "$work/$name.err")"
    return
  fi
  local out
  if out="$("$python" - "$work/$name.out" "$expr" 2>&1 <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    r = json.load(f)
value = eval(sys.argv[2], {"r": r})
if not value:
    print(json.dumps(r, indent=1)[:3000])
    sys.exit(1)
PY
)"; then
    pass "$description"
  else
    fail "$description" "expected: $expr" "$out"
  fi
}

# --- reflection --------------------------------------------------------------
for addr in "$VERBATIM_INGEST_ADDR" "$VERBATIM_QUERY_ADDR"; do
  rc=0
  bufcurl "http://$addr" --list-methods >"$work/methods.out" 2>"$work/methods.err" || rc=$?
  cat "$work/methods.out" >>"$work/all-methods.out"
  if ((rc != 0)); then
    fail "--list-methods on $addr" "buf curl exited $rc" "$(cat "$work/methods.err")"
  fi
done
missing=()
for method in verbatim.v1.IngestService/CreateArticle verbatim.v1.IngestService/StreamArticles \
              verbatim.v1.IngestService/DeleteArticle verbatim.v1.QueryService/GetArticle \
              verbatim.v1.QueryService/ListArticles verbatim.v1.QueryService/GetEntity \
              verbatim.v1.QueryService/SearchEntities verbatim.v1.QueryService/GetQuote \
              verbatim.v1.QueryService/ListQuotes verbatim.v1.QueryService/SearchQuotes \
              grpc.health.v1.Health/Check; do
  grep -qx "$method" "$work/all-methods.out" || missing+=("$method")
done
if ((${#missing[@]} == 0)); then
  pass "--list-methods shows both services and health"
else
  fail "--list-methods shows both services and health" "missing: ${missing[*]}" \
    "listed: $(tr '\n' ' ' <"$work/all-methods.out")"
fi

# --- health --------------------------------------------------------------------
rpc health "$VERBATIM_QUERY_ADDR" grpc.health.v1.Health/Check '{}'
check health 'r == {"status": "SERVING"}' "Health/Check on query is SERVING"
rpc health "$VERBATIM_INGEST_ADDR" grpc.health.v1.Health/Check '{"service":"verbatim.v1.IngestService"}'
check health 'r == {"status": "SERVING"}' "Health/Check of verbatim.v1.IngestService is SERVING"

# --- articles ------------------------------------------------------------------
rpc list "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/ListArticles '{"pageSize":100}'
check list "len(r['articles']) == $VERBATIM_SAMPLE_COUNT and 'nextPageToken' not in r" \
  "ListArticles {\"pageSize\":100} returns the $VERBATIM_SAMPLE_COUNT samples"
check list "any(a['source'] == 'Coastline Post' and a['title'].startswith('Fans pack Lamplight') for a in r['articles'])" \
  "ListArticles has the Coastline Post sample with its title"
check list "all(a['publishTime'].endswith('Z') for a in r['articles'])" \
  "publishTime is an RFC 3339 timestamp"

name="$("$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(next(a["name"] for a in r["articles"] if a["source"] == "Northfield Herald"))' "$work/list.out" 2>/dev/null || true)"
if [[ "$name" =~ ^articles/[^/]+$ ]]; then
  rpc get "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/GetArticle "{\"name\":\"$name\"}"
  check get "r['name'] == '$name' and r['source'] == 'Northfield Herald' and 'Tobias Reyna' in r['body'] and len(r['quotes']) >= 5" \
    "GetArticle $name returns the Northfield Herald interview with its quotes"
  check get "any(q.get('speakerDisplayName') == 'Tobias Reyna' for q in r['quotes'])" \
    "GetArticle: quotes attributed to Tobias Reyna"
  speaker="$("$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); print(next(q["speaker"] for q in r["quotes"] if q.get("speakerDisplayName") == "Tobias Reyna"))' "$work/get.out" 2>/dev/null || true)"
else
  fail "find the Northfield Herald article in ListArticles" "got name '$name'"
  speaker=""
fi

# --- quotes by speaker --------------------------------------------------------------
if [[ "$speaker" =~ ^entities/[^/]+$ ]]; then
  rpc by_speaker "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/ListQuotes "{\"speaker\":\"$speaker\",\"pageSize\":100}"
  check by_speaker "len(r['quotes']) >= 5 and all(q['speaker'] == '$speaker' for q in r['quotes'])" \
    "ListQuotes by speaker $speaker returns only his quotes"
  check by_speaker "len({a['source'] for q in r['quotes'] for a in q['appearances']}) >= 3" \
    "ListQuotes by speaker: Reyna is quoted by at least three outlets"
else
  fail "speaker entity of Tobias Reyna" "got '$speaker'"
fi

# --- cookbook: where a quote first appeared, quotes of Y about Z, related -------
rpc first_printing "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/SearchQuotes \
  '{"query":"\"a contract is a contract\"","speaker":"entities/dennis-okafor"}'
check first_printing "len(r['quotes']) >= 1 and len(r['quotes'][0]['appearances']) >= 3 and [a['publishTime'] for a in r['quotes'][0]['appearances']] == sorted(a['publishTime'] for a in r['quotes'][0]['appearances'])" \
  "SearchQuotes phrase + speaker: Okafor's statement, printed by 3+ outlets, earliest first"
rpc about "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/ListQuotes \
  '{"speaker":"entities/dennis-okafor","entity":"entities/marisol-vega"}'
check about "len(r['quotes']) >= 1 and all(q['speaker'] == 'entities/dennis-okafor' and 'entities/marisol-vega' in q['mentionedEntities'] for q in r['quotes'])" \
  "ListQuotes speaker + entity: every quote of Okafor about Vega"
rpc related "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/ListRelatedEntities \
  '{"entity":"entities/marisol-vega","pageSize":5}'
check related "len(r['relatedEntities']) == 5 and all(int(e['sharedArticleCount']) >= 1 for e in r['relatedEntities']) and [int(e['sharedArticleCount']) for e in r['relatedEntities']] == sorted((int(e['sharedArticleCount']) for e in r['relatedEntities']), reverse=True)" \
  "ListRelatedEntities: Vega's top five, most shared articles first"

# --- timeline and read-your-writes ----------------------------------------------
rpc timeline "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/GetEntityTimeline '{"entity":"entities/marisol-vega"}'
check timeline "r['entity'] == 'entities/marisol-vega' and [d['date'] for d in r['days']][0] == '2025-03-03' and sum(int(d['articleCount']) for d in r['days']) == $VERBATIM_SAMPLE_COUNT" \
  "GetEntityTimeline: Vega is named from 2025-03-03 on, in every sample"

rc=0
bufcurl "http://$VERBATIM_INGEST_ADDR/verbatim.v1.IngestService/CreateArticle" -v \
  -d '{"article":{"title":"Token test","url":"https://clienttests.example/buf-curl-token","body":"\u201cWe sail at nine,\u201d said Lena Ostrova."}}' \
  >"$work/create.out" 2>"$work/create.err" || rc=$?
token="$(sed -n 's/.*verbatim-consistency-token: //Ip' "$work/create.err" | tr -d '\r' | head -n 1)"
created="$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$work/create.out" 2>/dev/null || true)"
if ((rc == 0)) && [[ -n "$token" && "$created" =~ ^articles/[0-9]+$ ]]; then
  pass "CreateArticle returns $created and a verbatim-consistency-token header ($token)"
  rc=0
  bufcurl "http://$VERBATIM_QUERY_ADDR/verbatim.v1.QueryService/GetArticle" \
    -H "verbatim-consistency-token: $token" -d "{\"name\":\"$created\"}" \
    >"$work/token_get.out" 2>"$work/token_get.err" || rc=$?
  check token_get "r['name'] == '$created' and r['title'] == 'Token test'" \
    "GetArticle with the token sees the new article at once"
  rpc delete "$VERBATIM_INGEST_ADDR" verbatim.v1.IngestService/DeleteArticle "{\"name\":\"$created\"}"
  check delete "r == {}" "DeleteArticle $created returns {}"
else
  fail "CreateArticle returns a name and a verbatim-consistency-token header" "exit status $rc" \
    "stdout: $(head -c 500 "$work/create.out")" "stderr: $(grep -i -e token -e error "$work/create.err")"
fi

# --- errors --------------------------------------------------------------------------
rpc bad "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/GetArticle '{"name":"articles/abc"}'
# buf curl exits with the gRPC code shifted left three bits: INVALID_ARGUMENT
# (3) -> 24, and prints the status as JSON on stderr. Reflection does not
# describe google.rpc.ErrorInfo, so details may come as base64 `value`s only:
# decode them (protobuf wire format keeps the strings readable).
# error_has NAME CODE PYTHON_EXPR: `e` = the error JSON, `raw` = the decoded
# bytes of each detail by type.
error_has() {
  local name="$1" code="$2" expr="$3"
  "$python" - "$work/$name.err" "$code" "$expr" <<'PY'
import base64, json, sys
with open(sys.argv[1]) as f:
    e = json.load(f)
raw = {}
for d in e.get("details", []):
    v = d.get("value", "")
    raw[d["type"]] = base64.urlsafe_b64decode(v.replace("+", "-").replace("/", "_") + "=" * (-len(v) % 4))
ok = e.get("code") == sys.argv[2] and eval(sys.argv[3], {"e": e, "raw": raw})
if not ok:
    print(json.dumps(e, indent=1))
sys.exit(0 if ok else 1)
PY
}
description="GetArticle articles/abc: INVALID_ARGUMENT (exit 24), ErrorInfo verbatim.v1 INVALID_FIELD, BadRequest on name"
if ((rc == 24)) && out="$(error_has bad invalid_argument \
     "b'INVALID_FIELD' in raw['google.rpc.ErrorInfo'] and b'verbatim.v1' in raw['google.rpc.ErrorInfo'] and raw['google.rpc.BadRequest'][4:8] == b'name'" 2>&1)"; then
  pass "$description"
else
  fail "$description" "exit status $rc" "${out:-}" "stderr: $(cat "$work/bad.err")"
fi
rpc missing "$VERBATIM_QUERY_ADDR" verbatim.v1.QueryService/GetArticle '{"name":"articles/999999"}'
description="GetArticle articles/999999: NOT_FOUND (exit 40), ErrorInfo RESOURCE_NOT_FOUND"
if ((rc == 40)) && out="$(error_has missing not_found \
     "b'RESOURCE_NOT_FOUND' in raw['google.rpc.ErrorInfo'] and b'articles/999999' in raw['google.rpc.ErrorInfo']" 2>&1)"; then
  pass "$description"
else
  fail "$description" "exit status $rc" "${out:-}" "stderr: $(cat "$work/missing.err")"
fi

echo "$passed passed, $failed failed"
((failed == 0))
