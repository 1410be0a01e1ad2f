#!/usr/bin/env bash
# The long fault suite (docs/OPERATIONS.md, "Fault suite"): a cluster of silos on a standalone broker and Azurite fed
# with repeated deliveries while one silo is SIGKILLed and restarted, one more joins and storage is away for 30 s; then a
# single-process engine SIGTERMed as a process group mid-stream. Every customer and trigger is checked against the fold
# of the same records through the pure rules. Options: --customers N --events-per-customer M (defaults 10000 and 10).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/azurite-install.sh
echo "==> Building the fault suite"
dotnet build tools/Faults -v quiet -nologo >/dev/null || { echo "The build failed: run 'dotnet build tools/Faults' to see why."; exit 1; }
rm -rf .data/faults
exec dotnet tools/Faults/bin/Debug/net10.0/Engagement.Faults.dll "$@"
