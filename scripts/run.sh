#!/usr/bin/env bash
# Starts the whole engine in the foreground on its embedded defaults (Kafka broker, storage, API, demo feed).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/azurite-install.sh
echo "==> Building and starting the engine (Ctrl+C stops it)"
exec dotnet run --project src/Development -- "$@"
