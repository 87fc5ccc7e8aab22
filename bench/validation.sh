#!/usr/bin/env bash
# POST /api/v1/validate on Validation.Service directly, against a bare Kestrel endpoint that binds the same JSON
# and answers a constant, in the same run. Starts the platform (AppHost, Release builds) on a fresh data folder,
# seeds 100,000 licenses (10,000 hot, the rest for the cold path and the memory figure), then with wrk
# (64 connections, 10 s): bare, hot cache (after a warm-up), cold (every key a miss: each of the 90,000 cold keys
# once, for at most the same time). Prints requests/s, p50, p99
# and the hot/bare ratio, the CPU each process used during each run and the share of the cores the hypervisor
# took (steal), then the service's resident memory once all 100,000 licenses are cached.
# Usage: bench/validation.sh [connections] [seconds]
# Environment: MEMORY_BOUND_MB (default 512), FILL_SECONDS (how long to spend caching the rest, default 180),
# WARMUP_SECONDS (the same load before each measured run, default 8), HOT_WARMUP_SECONDS (before the hot one, default
# 60), SETTLE_SECONDS (the longest wait for the platform's processes to be idle before the bare run and before the
# hot warm-up, default 240; 0 does not wait), PLATFORM_MIN_AGE (the first of those waits starts once the platform has
# run this long, default 360 s: see bench/cpu_share.py),
# SKIP_BUILD=1 (use the Release builds already there).
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-64}; seconds=${2:-10}; threads=2
bound_mb=${MEMORY_BOUND_MB:-512}
fill_seconds=${FILL_SECONDS:-180}
# Each measured run follows this much of the same load: on two cores tiered compilation competes for the CPU at first.
warmup=${WARMUP_SECONDS:-8}
# The hot run's own warm-up is longer: Licensing takes Validation's usage report once a second and folds every 10 s,
# so the methods on that path are called once a second at most and reach optimized code only after a minute or so.
hot_warmup=${HOT_WARMUP_SECONDS:-60}
# Before the bare run and before the hot warm-up: wait (at most this long) until the platform's processes are idle.
settle_seconds=${SETTLE_SECONDS:-240}
# A young platform's services each burst again at about 160 s and 315 s (bench/cpu_share.py).
min_age=${PLATFORM_MIN_AGE:-360}

if command -v wrk >/dev/null; then
  driver=wrk
else
  driver=fallback
  echo "NOTE: wrk is not installed (apt-get install wrk); using the .NET load generator in bench/ValidationBench instead."
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  for project in AppHost Licensing.Service Validation.Service Webhooks.Service Billing.Service Gateway bench/ValidationBench; do
    dotnet build "$project" -c Release --nologo --verbosity quiet | grep -E "error|Warn" || true
  done
fi
bench="dotnet bench/ValidationBench/bin/Release/net10.0/ValidationBench.dll"

data=$(mktemp -d /tmp/platform-bench-XXXXXX); chmod 755 "$data"
log="$data.log"
. bench/platform.sh
start_platform "$data" "$log"
bare_pid=""
cleanup() {
  [ -n "$bare_pid" ] && kill "$bare_pid" 2>/dev/null || true
  stop_platform
  rm -rf "$data" "$log"
}
trap cleanup EXIT

wait_for_platform "$data"
read -r validation validation_pid pgport < <(python3 -c '
import json,sys
r={x["name"]: x for x in json.loads(sys.argv[1])}
print(r["validation"]["urls"][0], r["validation"]["pid"], r["postgres"]["urls"][0].rsplit(":",1)[1])' "$status")
tenant=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tenantId"])' "$data/credentials.json")

keys="$data/keys.txt"
$bench seed "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=licensingdb" "$tenant" 100000 "$keys"
head -n 10000 "$keys" > "$data/hot.txt"
tail -n +10001 "$keys" > "$data/cold.txt"

$bench bare > "$data/bare.out" &
bare_pid=$!
for _ in $(seq 1 100); do grep -q PORT "$data/bare.out" 2>/dev/null && break; sleep 0.1; done
bare="http://127.0.0.1:$(awk '/PORT/ {print $2}' "$data/bare.out")"

# One run: prints "requests/s p50_ms p99_ms". Mode "random" draws keys at random; "once" takes each key once and stops
# at the last (wrk's once mode in bench/validation.lua, the load generator's "sequential"): wrapping around to keys
# already cached would measure hits as misses once misses ran faster than the keys last.
drive() { # url keysfile random|once secs
  if [ "$driver" = wrk ]; then
    KEYS_FILE="$2" KEY_MODE="$3" THREADS=$threads wrk -t$threads -c"$connections" -d"$4s" --latency -s bench/validation.lua "$1/api/v1/validate" | python3 -c '
import re,sys
text=sys.stdin.read()
def ms(v):
    n,u=re.match(r"([\d.]+)(us|ms|s)",v).groups(); return float(n)*{"us":0.001,"ms":1,"s":1000}[u]
rps=float(re.search(r"Requests/sec:\s+([\d.]+)",text).group(1))
once=re.search(r"^once: (\d+) requests in ([\d.]+) s",text,re.M)  # KEY_MODE=once: timed to the last key (bench/validation.lua)
if once: rps=int(once.group(1))/float(once.group(2))
# Anchored: a thread-stats line may end in "…50.00%" too, followed by the first word of the next line.
p50=ms(re.search(r"^\s*50%\s+(\S+)",text,re.M).group(1)); p99=ms(re.search(r"^\s*99%\s+(\S+)",text,re.M).group(1))
non2xx=re.search(r"Non-2xx or 3xx responses:\s+(\d+)",text)
notes=([f"{once.group(1)} keys"] if once else []) + ([f"non-2xx: {non2xx.group(1)}"] if non2xx else [])
note=", ".join(notes)
print(f"{rps:.0f} {p50:.2f} {p99:.2f}" + (f" ({note})" if notes else ""))'
  else
    $bench load "$1" "$2" "$connections" "$4" "$([ "$3" = once ] && echo sequential || echo random)" |
      awk -v once="$([ "$3" = once ] && echo 1)" '{print $2, $4, $6, (once ? "(" $8 " keys" ($10 > 0 ? ", errors: " $10 : "") ")" : ($10 > 0 ? "(errors: " $10 ")" : ""))}'
  fi
}

echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); driver: $driver; $connections connections, ${seconds}s per run"
# The services have just started: each compiles and tiers up its code for a few minutes, on these same cores.
python3 bench/cpu_share.py settle "$settle_seconds" "$min_age"
drive "$bare" "$data/hot.txt" random "$warmup" > /dev/null
# A measured run, with the CPU each process used and the machine's steal recorded around it (bench/cpu_share.py).
measured() { # name url keysfile mode
  python3 bench/cpu_share.py snap "$data/$1.cpu-before"
  drive "$2" "$3" "$4" "$seconds"
  python3 bench/cpu_share.py snap "$data/$1.cpu-after"
}
bare_result=$(measured bare "$bare" "$data/hot.txt" random)
# Warm-up: every hot key validated once (so cached), then a few seconds of the measured load.
# (16 at a time: each is a miss, and Licensing shares these cores.)
echo "warm-up, every hot key once (misses): $($bench load "$validation" "$data/hot.txt" 16 600 sequential)"
python3 bench/cpu_share.py settle "$settle_seconds"
drive "$validation" "$data/hot.txt" random "$hot_warmup" > /dev/null
hot_result=$(measured hot "$validation" "$data/hot.txt" random)
cold_result=$(measured cold "$validation" "$data/cold.txt" once)

python3 - "$bare_result" "$hot_result" "$cold_result" <<'PY'
import sys
rows = [("bare Kestrel endpoint", sys.argv[1]), ("validate, hot cache", sys.argv[2]), ("validate, cold (every key a miss)", sys.argv[3])]
print(f"{'':36} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8}")
vals = {}
for name, row in rows:
    parts = row.split()
    vals[name] = float(parts[0])
    print(f"{name:36} {parts[0]:>11} {parts[1]:>8} {parts[2]:>8} {' '.join(parts[3:])}")
ratio = vals["validate, hot cache"] / vals["bare Kestrel endpoint"]
p99 = {name: float(row.split()[2]) for name, row in rows}
print(f"hot / bare requests/s: {ratio:.2f}; p99 hot {p99['validate, hot cache']:.2f} ms, bare {p99['bare Kestrel endpoint']:.2f} ms")
PY
for run in bare hot cold; do
  echo "  during the $run run: $(python3 bench/cpu_share.py diff "$data/$run.cpu-before" "$data/$run.cpu-after")"
done

# Memory: the resident set with the hot set cached, then after caching as many of the other 90,000 as the
# machine allows in FILL_SECONDS (each is a miss answered by Licensing and Postgres).
rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$validation_pid/status") / 1024 )); }
hot_rss=$(rss_mb)
filled=$($bench load "$validation" "$data/cold.txt" 16 "$fill_seconds" sequential | awk '{print $8 - $10}')
cached=$((10000 + filled))
[ "$cached" -gt 100000 ] && cached=100000
all_rss=$(rss_mb)
verdict=$([ "$all_rss" -le "$bound_mb" ] && echo "within" || echo "OVER")
echo "resident memory of Validation: ${hot_rss} MB with 10,000 licenses cached; ${all_rss} MB with ${cached} cached (bound ${bound_mb} MB: $verdict)"
if [ "$cached" -gt 10000 ]; then
  echo "  about $(( (all_rss - hot_rss) * 1024 * 1024 / (cached - 10000) )) bytes per further cached license"
fi
echo "Other builds and tests share these cores: figures vary with the machine's load."
