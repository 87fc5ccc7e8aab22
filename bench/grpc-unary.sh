#!/usr/bin/env bash
# Unary gRPC round trips between two processes over loopback (Grpc.AspNetCore server, Grpc.Net.Client client):
# 64 concurrent callers, 10 s, ~200-byte messages. Prints calls/s, p50 and p99.
# Usage: bench/grpc-unary.sh [callers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build bench/GrpcBench -c Release --nologo --verbosity quiet
bin=bench/GrpcBench/bin/Release/net10.0/GrpcBench.dll

server_out=$(mktemp)
dotnet "$bin" server > "$server_out" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$server_out"' EXIT
for _ in $(seq 1 100); do grep -q '^PORT ' "$server_out" && break; sleep 0.1; done
port=$(sed -n 's/^PORT //p' "$server_out")

echo "cores: $(nproc); server pid $server on port $port"
echo "== gRPC (Grpc.AspNetCore + Grpc.Net.Client)"
dotnet "$bin" client "$port" "${1:-64}" "${2:-10}"
echo "== baseline in the same run: plain HTTP/2 POST, same handler, same server process"
dotnet "$bin" client "$port" "${1:-64}" "${2:-10}" --baseline
