#!/usr/bin/env bash
# The .NET client's own costs with BenchmarkDotNet (Release, in-process): a validation answered from its memory, an
# offline token verification, and the machine fingerprint (with the machine id already read, and reading it).
# Targets: under 1 µs, under 100 µs, under 10 ms. Prints BenchmarkDotNet's summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ClientBench -c Release --nologo -v q >/dev/null
cd bench/ClientBench
dotnet bin/Release/net10.0/ClientBench.dll --filter '*' --memory --artifacts /tmp/client-bench "$@" | sed -n '/^| Method/,/^$/p;/^|--/d'
