#!/usr/bin/env bash
# Runs every test in the solution and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/azurite-install.sh

results="TestResults/$(date +%Y%m%d-%H%M%S)"
echo "==> Building and running the tests (results in $results)"
dotnet test Engine.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "The build or a test run failed before tests could report; see the output above."
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
