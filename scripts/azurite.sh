#!/usr/bin/env bash
# Runs Azurite alone, in the foreground (Development__AzuritePort, default 10002; data in Development__AzuriteFolder,
# default .data/azurite); prints its connection string.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/azurite-install.sh
echo "==> Building the development launcher"
dotnet build src/Development -v quiet -nologo >/dev/null || { echo "The build failed: run 'dotnet build src/Development' to see why."; exit 1; }
echo "==> Starting Azurite (Ctrl+C stops it)"
exec dotnet src/Development/bin/Debug/net10.0/Engagement.Development.dll azurite "$@"
