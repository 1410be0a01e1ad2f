#!/usr/bin/env bash
# Measures the engine against a bare Kafka consumer on the embedded broker and against bare table upserts on an
# Azurite of its own, and its trigger latency over the SSE stream, in one run.
#   bash bench/run.sh                      100,000 customers, the goals' size (about 12 minutes)
#   bash bench/run.sh --smoke              500 customers, a quick check that the harness works
#   bash bench/run.sh --customers 20000    any other size; --help lists every option
#   bash bench/run.sh --no-cluster         without the durable run through 2 silos
# Figures go to stdout, one per line; progress goes to stderr every few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/Engagement.Bench -- "$@"
