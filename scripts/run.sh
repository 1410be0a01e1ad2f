#!/usr/bin/env bash
# Starts the whole engine in the foreground on its embedded defaults (Kafka broker, storage, API, demo feed).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package.json ] && [ ! -x node_modules/.bin/azurite-table ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "==> Building and starting the engine (Ctrl+C stops it)"
exec dotnet run --project src/Development -- "$@"
