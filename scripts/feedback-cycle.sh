#!/usr/bin/env bash
# One cycle of the feedback loop on the demo world, measured (docs/feedback.md, "One cycle, measured"): generate the
# world of scripts/demo.sh (ACCOUNTS, default 100000, seed 42), ingest it into a database of its own
# (gg_feedback_cycle on the private cluster, reset first), run the daily pipeline, decide the review queue's random
# slice through POST /v1/labels as the world's truth says (a script standing in for analysts), read the precision per
# band and the what-if against the truth, shift the population (generate --profile-shift 3, ingested over the world),
# run again, and print the drift and the champion-and-challenger decision. Prints the numbers and writes them as JSON to
# $GRAPHGUARD_HOME/feedback-cycle-$ACCOUNTS.json. RANDOM_SHARE (default 0.5, the daily definition says 0.1) sets the
# random slice's share of the 200 reviews, so that day one's decisions hold the 10 labels of each class the release
# stage needs to judge. SKIP_SETUP=1 skips scripts/setup.sh (install and build) when the build is there already.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SKIP_SETUP:-}" ] && [ -f src/GraphGuard.Cli/bin/Release/net10.0/graphguard.dll ]; then
  export GRAPHGUARD_HOME=${GRAPHGUARD_HOME:-$PWD/.graphguard}
  graphguard() { dotnet "$PWD/src/GraphGuard.Cli/bin/Release/net10.0/graphguard.dll" "$@"; }
else
  source scripts/setup.sh
fi

accounts=${ACCOUNTS:-100000}
share=${RANDOM_SHARE:-0.5}
port=${PORT:-8097}
home=$GRAPHGUARD_HOME
work="$home/feedback-cycle-$accounts"
world="$home/worlds/demo-$accounts"
mkdir -p "$work/jobs"

graphguard db start >/dev/null
export GRAPHGUARD_DB="Host=$home/pg/data;Port=5432;Username=graphguard;Database=gg_feedback_cycle"
graphguard db reset --yes >/dev/null

# The demo world (generate is deterministic: the folder demo.sh wrote is reused when it is there).
[ -f "$world/truth.csv" ] || graphguard generate --accounts "$accounts" --seed 42 --bad-rows 40 --out "$world" >/dev/null
graphguard generate --accounts "$accounts" --seed 42 --bad-rows 40 --profile-shift 3 --out "$work/shifted" >/dev/null
python3 - "$share" jobs/daily.json "$work/jobs/daily.json" <<'PY'
import json, sys
definition = json.load(open(sys.argv[2]))
definition["review"]["random_share"] = float(sys.argv[1])
json.dump(definition, open(sys.argv[3], "w"), indent=2)
PY

timed() { local start=$SECONDS; "$@" >"$work/$1-$2.log" 2>&1; echo "$1 $2: $((SECONDS - start)) s wall" >&2; }
echo "== ingest the demo world ($accounts accounts)" >&2
timed graphguard ingest "$world"
echo "== run 1" >&2
/usr/bin/time -f "run 1: %e s wall, %U s user CPU, %M KB peak" dotnet src/GraphGuard.Cli/bin/Release/net10.0/graphguard.dll run --jobs "$work/jobs" --json >"$work/run1.json" 2>"$work/run1.time" || { cat "$work/run1.time" >&2; exit 1; }
tail -1 "$work/run1.time" >&2

dll="$PWD/src/GraphGuard.Cli/bin/Release/net10.0/graphguard.dll"
url="http://127.0.0.1:$port"
dotnet "$dll" serve --urls "$url" --check-interval 1s >"$work/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
key=$(graphguard keys create --name "feedback-cycle-$$" --scope risk:read --scope clusters:read --scope labels:write 2>/dev/null)
wait_for_run() {
  for _ in $(seq 1 600); do
    [ "$(curl -sf "$url/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("run_id"))' 2>/dev/null)" = "$1" ] && return 0
    sleep 0.5
  done
  echo "feedback-cycle: the service did not load run $1; see $work/serve.log" >&2; exit 1
}
run1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run_id"])' "$work/run1.json")
wait_for_run "$run1"
graphguard runs export --out "$work/scores1.csv" >/dev/null

echo "== decide the random slice as truth.csv says" >&2
python3 scripts/feedback_cycle.py decide "$url" "$key" "$world/truth.csv"
curl -sf -H "Authorization: Bearer $key" "$url/v1/review" >"$work/review1.json"
sleep 2  # the service re-reads the feedback measures with each check of the publication (--check-interval 1s)
curl -sf -H "Authorization: Bearer $key" "$url/v1/review/precision?threshold=0.2&threshold=0.5&threshold=0.9" >"$work/precision1.json"
curl -sf "$url/metrics" | grep -E '^graphguard_(band_precision|enforcement_expected_precision|review_queue_decided_ratio)' >"$work/metrics1.txt" || true

echo "== shift the population and run again" >&2
timed graphguard ingest "$work/shifted"
/usr/bin/time -f "run 2: %e s wall, %U s user CPU, %M KB peak" dotnet "$dll" run --jobs "$work/jobs" --json >"$work/run2.json" 2>"$work/run2.time" || { cat "$work/run2.time" >&2; exit 1; }
tail -1 "$work/run2.time" >&2
run2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run_id"])' "$work/run2.json")
wait_for_run "$run2"
curl -sf -H "Authorization: Bearer $key" "$url/v1/drift" >"$work/drift2.json"
curl -sf -H "Authorization: Bearer $key" "$url/v1/models" >"$work/models.json"

python3 scripts/feedback_cycle.py report "$work" "$world/truth.csv" | tee "$home/feedback-cycle-$accounts.txt"
