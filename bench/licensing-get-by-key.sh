#!/usr/bin/env bash
# Licensing's GetLicenseByKey over gRPC with the answer from Postgres: starts the platform (AppHost) on a
# fresh data folder and free ports, seeds 10,000 licenses, then 32 callers for 10 s.
# Prints calls/s, p50 and p99.  Usage: bench/licensing-get-by-key.sh [callers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

# Release builds: the AppHost built in Release runs its services from bin/Release.
dotnet build Platform.sln -c Release --nologo --verbosity quiet
data=$(mktemp -d /tmp/platform-bench-XXXXXX); chmod 755 "$data"
log="$data.log"
. bench/platform.sh
start_platform "$data" "$log"
trap 'stop_platform; rm -rf "$data" "$log" "$data".cpu-*' EXIT

wait_for_platform "$data"
read -r grpc pgport < <(python3 -c '
import json,sys
r={x["name"]: x for x in json.loads(sys.argv[1])}
print(r["licensing"]["urls"][1], r["postgres"]["urls"][0].rsplit(":",1)[1])' "$status")
tenant=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tenantId"])' "$data/credentials.json")
secret=$(cat "$data/secrets/identity-secret")

# Licensing has served nothing yet: its read path (Kestrel, gRPC, EF Core, Npgsql) is still being compiled and tiered
# up for well over the client's usual 8 s, which the first figure would measure. 30 s of the same load first.
export BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30}
echo "cores: $(nproc); licensing gRPC at $grpc"
# Each measured phase with the CPU each process used during it (bench/cpu_share.py; the load generator is "other").
dotnet bench/GrpcBench/bin/Release/net10.0/GrpcBench.dll licensing "$grpc" \
  "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=licensingdb" "$tenant" "$secret" "${1:-32}" "${2:-10}" |
  while IFS= read -r line; do
    case "$line" in
      measuring) python3 bench/cpu_share.py snap "$data.cpu-before"; continue ;;
      calls/s:*) python3 bench/cpu_share.py snap "$data.cpu-after"
                 echo "$line"; echo "  $(python3 bench/cpu_share.py diff "$data.cpu-before" "$data.cpu-after")"; continue ;;
    esac
    echo "$line"
  done
