#!/usr/bin/env bash
# What tracing costs per validation: the whole platform (AppHost, Release builds) once without the dashboard (no
# OTLP endpoint, so nothing is traced) and once with it (every service exports traces, metrics and logs to it), and
# in each the same load through the Gateway: POST /api/v1/validate of one cached key with the benchmark key, wrk -t2
# -c64 for 10 s after a 10 s warm-up. Prints requests/s and the machine's CPU per validation (all processes: the
# services, the dashboard when it runs, wrk) for each, and the difference.
# Usage: [SKIP_BUILD=1] bench/tracing-cost.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-64}; seconds=${2:-10}
command -v wrk > /dev/null || { echo "wrk is needed (scripts/install-prerequisites.sh installs it)"; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build AppHost -c Release --nologo --verbosity quiet
fi
. bench/platform.sh

busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

run() { # dashboard: true or false
  local data log
  data=$(mktemp -d /tmp/platform-tracing-XXXXXX); chmod 755 "$data"; log="$data.log"
  BENCH_DASHBOARD=$1 start_platform "$data" "$log"
  wait_for_platform "$data"
  local gateway key
  gateway=$(python3 -c 'import json,sys; print({x["name"]: x for x in json.loads(sys.argv[1])}["gateway"]["urls"][0])' "$status")
  key=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["benchKey"])' "$data/credentials.json")
  local product license
  product=$(curl -sf "$gateway/api/v1/products" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"name":"Tracing"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  license=$(curl -sf "$gateway/api/v1/licenses" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"product_id\":\"$product\",\"type\":\"perpetual\"}" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("license", d)["key"])')
  cat > "$data.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"key":"$license","machine_id":"bench-machine"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
  wrk -t2 -c"$connections" -d10s -s "$data.lua" "$gateway/api/v1/validate" > /dev/null
  local before after out requests
  before=$(busy_jiffies)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$data.lua" "$gateway/api/v1/validate")
  after=$(busy_jiffies)
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  python3 -c 'import sys,os; b,a,n,s=map(float,sys.argv[1:5]); t=os.sysconf("SC_CLK_TCK"); print(f"{n/s:,.0f} requests/s, {(a-b)/t/n*1e6:.1f} us of CPU per validation (whole machine)")' \
    "$before" "$after" "$requests" "$seconds"
  echo "$out" | grep -E "Non-2xx" || true
  stop_platform
  rm -rf "$data" "$data".*
}
trap stop_platform EXIT

echo "== without the dashboard (nothing traced)"
run false
echo "== with the dashboard (traces, metrics and logs exported over OTLP)"
run true
