#!/usr/bin/env bash
# How long `./run` takes to a healthy platform on a warm machine, and what the idle platform costs. Each of RUNS runs
# (default 3): `./run` on one data folder (created by an unmeasured first start), the time until the AppHost's
# resources.json says every resource is healthy, then after SETTLE seconds (default 30) the whole machine's CPU use
# over IDLE seconds (default 60), then SIGTERM and the wait for the AppHost to exit.
# Usage: bench/apphost-start.sh   Environment: RUNS, SETTLE, IDLE, DATA (default a new folder under /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}; settle=${SETTLE:-30}; idle=${IDLE:-60}
data=${DATA:-$(mktemp -d /tmp/platform-start-XXXXXX)}; chmod 755 "$data"

busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }

start() { # log
  setsid ./run --AppHost:DataDir="$data" > "$1" 2>&1 &
  apphost=$!
}

healthy() {
  while true; do
    if [ -f "$data/resources.json" ] && [ "$data/resources.json" -nt "$data/.started" ] \
      && python3 -c 'import json,sys; sys.exit(0 if all(r["health"]=="Healthy" for r in json.load(open(sys.argv[1]))) else 1)' "$data/resources.json" 2>/dev/null; then
      return
    fi
    kill -0 "$apphost" 2>/dev/null || { echo "the AppHost exited"; exit 1; }
    sleep 0.1
  done
}

stop() {
  kill -TERM -- "-$apphost" 2>/dev/null || true
  wait "$apphost" 2>/dev/null || true
}

echo "first start (not measured): creates the data folder's databases and credentials"
touch "$data/.started"; start "$data/first.log"; healthy; stop

for run in $(seq 1 "$runs"); do
  touch "$data/.started"; begin=$(date +%s.%N)
  start "$data/run-$run.log"; healthy
  end=$(date +%s.%N)
  sleep "$settle"
  read -r busy0 total0 < <(busy); sleep "$idle"; read -r busy1 total1 < <(busy)
  python3 -c 'import sys; b,e,b0,t0,b1,t1=map(float,sys.argv[1:7]); print(f"run {sys.argv[7]}: healthy after {e-b:.1f} s; idle CPU {100*(b1-b0)/(t1-t0):.1f} % of the machine")' \
    "$begin" "$end" "$busy0" "$total0" "$busy1" "$total1" "$run"
  stop
done
