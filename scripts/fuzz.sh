#!/usr/bin/env bash
# Coverage-guided fuzzing of the CSV reader, the row parsers and the parsing half of a folder ingest
# (fuzz/GraphGuard.Fuzz) with afl-fuzz through SharpFuzz, for SECONDS (default 1800). Not run by CI.
#   scripts/fuzz.sh 1800        # nice -n 19 is applied; findings in artifacts/fuzz/findings
# Exits 1 if afl-fuzz saved any crash; reproduce one with
#   dotnet artifacts/fuzz/bin/GraphGuard.Fuzz.dll artifacts/fuzz/findings/default/crashes/<file>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}

if ! command -v afl-fuzz >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "fuzz: afl-fuzz missing; install Debian's afl++ (as root)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null   # SharpFuzz.CommandLine (.config/dotnet-tools.json)

out=artifacts/fuzz
rm -rf "$out/bin"
dotnet publish fuzz/GraphGuard.Fuzz -c Release -o "$out/bin" -nologo -v:q -clp:ErrorsOnly
# Instrument the code under test in place (the harness itself and the framework stay as they are).
for dll in GraphGuard.Core.dll GraphGuard.Storage.dll; do
  dotnet sharpfuzz "$out/bin/$dll" >/dev/null
done

mkdir -p "$out/findings"
# dotnet is not an AFL-instrumented binary (the instrumentation is inside the managed dlls); no core
# dumps are wanted; the machine is shared, so no CPU binding and the lowest priority.
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1
started=$(date +%s)
nice -n 19 afl-fuzz -V "$seconds" -t 10000 -m none -i fuzz/corpus -o "$out/findings" -- dotnet "$out/bin/GraphGuard.Fuzz.dll" \
  > "$out/afl.log" 2>&1 || { tail -30 "$out/afl.log"; exit 1; }
elapsed=$(( $(date +%s) - started ))

stats="$out/findings/default/fuzzer_stats"
execs=$(sed -n 's/^execs_done *: *//p' "$stats")
paths=$(sed -n 's/^corpus_count *: *//p' "$stats")
crashes=$(find "$out/findings/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l)
hangs=$(find "$out/findings/default/hangs" -type f 2>/dev/null | wc -l)
echo "fuzz: ${elapsed} s, ${execs} executions, ${paths} inputs in the corpus, ${crashes} crashes, ${hangs} hangs"
[ "$crashes" -eq 0 ]
