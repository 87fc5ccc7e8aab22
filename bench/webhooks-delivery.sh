#!/usr/bin/env bash
# Webhooks delivery throughput: starts a private Postgres and RabbitMQ, runs Webhooks.Service replicas as
# separate processes (Release), publishes N license events (default 10,000) to the broker and waits until
# a local receiver has every one. Prints deliveries/s and fails if any event was lost, delivered twice or
# badly signed.  Usage: bench/webhooks-delivery.sh [events] [replicas]
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build Webhooks.Service -c Release --nologo --verbosity quiet
dotnet build bench/WebhooksBench -c Release --nologo --verbosity quiet
dotnet bench/WebhooksBench/bin/Release/net10.0/WebhooksBench.dll \
  Webhooks.Service/bin/Release/net10.0/Webhooks.Service.dll "${1:-10000}" "${2:-2}"
