#!/usr/bin/env bash
# README command 2: install what is missing, check formatting, build, run every test against a real
# PostgreSQL. Ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

dotnet format GraphGuard.sln --verify-no-changes --no-restore -v:q || { echo "tests: 0 passed, 1 failed (dotnet format found unformatted code)"; exit 1; }

graphguard db start >/dev/null   # one process creates the cluster; the test assemblies then share it
results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test GraphGuard.sln -c Release --no-build --logger "trx" --results-directory "$results" -- NUnit.NumberOfTestWorkers=1 || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f + e + t)); skipped=$((skipped + total - p - f - e - t))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
