#!/usr/bin/env bash
# POST /api/v1/validate through the Gateway against a bare Kestrel baseline in the same run (64 connections, 10 s):
#   1. baseline: straight to a bare Kestrel minimal API (HttpBench serve) answering a validation-sized JSON;
#   2. the floor: a forwarder that only forwards (HttpBench proxy: Kestrel and HttpClient, nothing else);
#   3. through the Gateway with the benchmark key (the operators' unlimited plan): key cache, identity signing, forwarding;
#   4. through the Gateway with no key: limited per client address (set high here by configuration).
# The Gateway is a Release build in front of that same baseline (its validation cluster points at the baseline's
# h2c port, as it points at Validation's in the platform), so the difference between the runs is the Gateway's own cost. Licensing, Postgres and RabbitMQ come from the AppHost.
# Load comes from wrk when it is installed (wrk -t2 -c64 -d10s --latency), otherwise from HttpBench's .NET client,
# which itself takes a good share of the 2 cores.  Usage: [BENCH_NO_BUILD=1] bench/gateway-validate.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-64}; seconds=${2:-10}

if [ -z "${BENCH_NO_BUILD:-}" ]; then  # BENCH_NO_BUILD=1 reuses the Release builds of an earlier run
  dotnet build Platform.sln -c Release --nologo --verbosity quiet
  dotnet build bench/HttpBench -c Release --nologo --verbosity quiet
fi
# free_port, start_platform, wait_for_platform
. bench/platform.sh

data=$(mktemp -d /tmp/platform-bench-XXXXXX); chmod 755 "$data"
baseline_port=$(free_port); baseline_h2c=$(free_port); gateway_port=$(free_port); proxy_port=$(free_port)
log="$data.log"
start_platform "$data" "$log"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  stop_platform
  rm -rf "$data" "$data".*
}
trap cleanup EXIT

wait_for_platform "$data"
read -r licensing_http licensing_grpc webhooks billing amqp < <(python3 -c '
import json,sys
r={x["name"]: x for x in json.loads(sys.argv[1])}
print(r["licensing"]["urls"][0], r["licensing"]["urls"][1], r["webhooks"]["urls"][0], r["billing"]["urls"][0],
      r["eventbus"]["urls"][0].replace("amqp://", "amqp://guest:guest@") + "/")' "$status")
bench_key=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["benchKey"])' "$data/credentials.json")

# The baseline answers wrk over HTTP/1.1 and the Gateway over h2c, as Validation does.
dotnet bench/HttpBench/bin/Release/net10.0/HttpBench.dll serve "$baseline_port" "$baseline_h2c" > /dev/null 2>&1 &
pids+=($!)
# The floor: a forwarder that does nothing but forward, over the same h2c hop.
dotnet bench/HttpBench/bin/Release/net10.0/HttpBench.dll proxy "$proxy_port" "http://127.0.0.1:$baseline_h2c" 2 > /dev/null 2>&1 &
pids+=($!)
ASPNETCORE_URLS="http://127.0.0.1:$gateway_port" ASPNETCORE_ENVIRONMENT=Production \
Platform__IdentitySecret="$(cat "$data/secrets/identity-secret")" Gateway__PortalTokenSecret="$(cat "$data/secrets/portal-token-secret")" \
ConnectionStrings__eventbus="$amqp" services__licensing__grpc__0="$licensing_grpc" services__licensing__http__0="$licensing_http" \
services__validation__http__0="http://127.0.0.1:$baseline_port" services__validation__h2c__0="http://127.0.0.1:$baseline_h2c" services__webhooks__http__0="$webhooks" services__billing__http__0="$billing" \
Gateway__RateLimits__AnonymousPerMinute=1000000000 Logging__LogLevel__Default=Warning \
  dotnet Gateway/bin/Release/net10.0/Gateway.dll --contentRoot "$PWD/Gateway/bin/Release/net10.0" > "$data.gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$gateway_port/alive" > /dev/null && curl -sf "http://127.0.0.1:$baseline_port/health" > /dev/null \
    && curl -sf "http://127.0.0.1:$proxy_port/health" > /dev/null && break
  sleep 0.2
done

body='{"key":"TO-A3F2-B891-C4D7-E052","machine_id":"bench-machine","domain":"bench.example.com"}'
for auth in "Authorization: Bearer $bench_key" "X-No-Key: 1"; do
  answer=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "$auth" -d "$body" "http://127.0.0.1:$gateway_port/api/v1/validate")
  if [ "$answer" != 200 ]; then echo "the Gateway answered $answer, not 200 (${auth%%:*}); its log:"; cat "$data.gateway.log"; exit 1; fi
done

load() { # url [bearer]
  if command -v wrk > /dev/null; then
    auth_line=""
    if [ -n "${2:-}" ]; then auth_line="wrk.headers[\"Authorization\"] = \"Bearer $2\""; fi
    cat > "$data.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
$auth_line
LUA
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$data.lua" "$1" | grep -E "Requests/sec|Non-2xx|  (50|90|99)%"
  else
    dotnet bench/HttpBench/bin/Release/net10.0/HttpBench.dll load "$1" "$connections" "$seconds" "${2:-}"
  fi
}

echo "cores: $(nproc); $connections connections, $seconds s each; load from $(command -v wrk > /dev/null && echo wrk || echo 'HttpBench (.NET; wrk is not installed)')"
# The Gateway has answered two requests so far; on a loaded machine its JIT needs more than the client's 3 s warm-up.
seconds=5 load "http://127.0.0.1:$gateway_port/api/v1/validate" "$bench_key" > /dev/null
seconds=5 load "http://127.0.0.1:$gateway_port/api/v1/validate" > /dev/null
seconds=5 load "http://127.0.0.1:$proxy_port/api/v1/validate" > /dev/null
# The platform's services started a minute ago and burst again at about 160 s and 315 s (bench/cpu_share.py):
# wait until the platform has run PLATFORM_MIN_AGE (default 360 s), then at most SETTLE_SECONDS (default 240) until
# its processes are idle (bench/cpu_share.py).
python3 bench/cpu_share.py settle "${SETTLE_SECONDS:-240}" "${PLATFORM_MIN_AGE:-360}"
# Each measured run with the CPU each process used and the machine's steal around it (bench/cpu_share.py).
measured() { # name url [bearer]
  python3 bench/cpu_share.py snap "$data.$1.cpu-before"
  load "$2" "${3:-}" | tee "$data.$1"
  python3 bench/cpu_share.py snap "$data.$1.cpu-after"
  echo "  $(python3 bench/cpu_share.py diff "$data.$1.cpu-before" "$data.$1.cpu-after")"
}
echo "== baseline: bare Kestrel"
measured baseline "http://127.0.0.1:$baseline_port/api/v1/validate"
echo "== floor: a minimal forwarder (Kestrel + HttpClient, nothing else) in front of the baseline"
measured floor "http://127.0.0.1:$proxy_port/api/v1/validate"
echo "== Gateway, benchmark key (unlimited plan)"
measured keyed "http://127.0.0.1:$gateway_port/api/v1/validate" "$bench_key"
echo "== Gateway, no key (per-address limit raised by configuration)"
measured anonymous "http://127.0.0.1:$gateway_port/api/v1/validate"
python3 - "$data" <<'PY'
import re,sys
def rps(path):
    text=open(path).read()
    return float(re.search(r"(?:Requests/sec:|requests/s:)\s*([\d.]+)", text).group(1))
base=rps(sys.argv[1]+".baseline")
for name in ("floor","keyed","anonymous"):
    print(f"{'' if name == 'floor' else 'gateway '}{name}: {rps(sys.argv[1]+'.'+name)/base:.2f} of the baseline's requests/s")
PY
