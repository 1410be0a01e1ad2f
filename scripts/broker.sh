#!/usr/bin/env bash
# Runs the embedded Kafka broker alone, in the foreground, with the engine's topics; prints its bootstrap servers.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Building the development launcher"
dotnet build src/Development -v quiet -nologo >/dev/null || { echo "The build failed: run 'dotnet build src/Development' to see why."; exit 1; }
echo "==> Starting the embedded Kafka broker (Ctrl+C stops it)"
exec dotnet src/Development/bin/Debug/net10.0/Engagement.Development.dll broker "$@"
