#!/usr/bin/env bash
# README command 1: install what is missing, build, start the database, generate a synthetic world,
# ingest it (twice: the second run shows that re-ingesting adds nothing), print what was loaded, then
# detect coordinated clusters, show the strongest with its evidence, and score detection against the
# world's ground truth; then run the whole pipeline once (features, detectors, embeddings, training,
# scoring, publication), start the scoring service and the scheduler's worker in the background, and
# print the URL, an API key, the jobs dashboard's URL with an operations key, and three example requests — and run them.
# ACCOUNTS=N sets the world's size (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

accounts=${ACCOUNTS:-100000}
world="$GRAPHGUARD_HOME/worlds/demo-$accounts"

graphguard db start
echo
graphguard generate --accounts "$accounts" --seed 42 --bad-rows 40 --out "$world"
echo
echo "== ingest $world"
graphguard ingest "$world"
echo
echo "== ingest again: nothing new lands"
graphguard ingest "$world" --json | grep -E '"rows_(read|loaded|unchanged|quarantined)"'
echo
echo "== what the store holds"
graphguard db stats
echo
echo "== a few quarantined rows"
graphguard quarantine list --limit 8
echo
echo "== detect coordinated clusters"
graphguard detect
echo
graphguard clusters list --limit 8
echo
echo "== the strongest cluster, with its evidence"
graphguard clusters show "$(graphguard clusters list --limit 1 --json | grep -m1 '"cluster_id"' | tr -dc '0-9')" | cut -c1-400
echo
echo "== detection quality against the world's ground truth"
graphguard eval detect --world "$world"
echo
echo "== text classifiers from reviewers' verdicts (content_labels.csv), measured on held-out authors"
graphguard content train
echo
echo "== the whole pipeline once, in the foreground: content scores, snapshot, features, detectors, embeddings, train, score, publish"
graphguard run --pipeline daily
echo
graphguard runs list --limit 3
echo
echo "== the riskiest accounts of the published run"
scores="$GRAPHGUARD_HOME/scores-published.csv"
graphguard runs export --out "$scores"
riskiest="$GRAPHGUARD_HOME/scores-riskiest.csv"
# sed, not head: head would stop reading early and, under pipefail, fail the script with sort's SIGPIPE.
tail -n +2 "$scores" | sort -t, -k2 -gr | sed -n 1,5p >"$riskiest"
{ head -1 "$scores"; cat "$riskiest"; } | cut -c1-200

# The service and the worker keep running after this script: stop the ones an earlier demo left first.
logs="$GRAPHGUARD_HOME/logs"
mkdir -p "$logs"
for name in serve worker; do
  pidfile="$logs/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" && while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
  fi
done
url="http://127.0.0.1:${PORT:-8080}"
dll="$PWD/src/GraphGuard.Cli/bin/Release/net10.0/graphguard.dll"
nohup setsid dotnet "$dll" serve --urls "$url" >"$logs/serve.log" 2>&1 </dev/null & echo $! >"$logs/serve.pid"
nohup setsid dotnet "$dll" worker >"$logs/worker.log" 2>&1 </dev/null & echo $! >"$logs/worker.pid"
for _ in $(seq 1 150); do
  curl -sf "$url/readyz" >/dev/null && break
  sleep 0.2
done
curl -sf "$url/readyz" >/dev/null || { echo "demo: the service did not become ready; see $logs/serve.log" >&2; exit 1; }

key=$(graphguard keys create --name "demo-$(date -u +%Y%m%dT%H%M%S)-$$" --scope risk:read --scope clusters:read --scope labels:write 2>/dev/null)
ops=$(graphguard keys create --name "demo-ops-$(date -u +%Y%m%dT%H%M%S)-$$" --scope operations 2>/dev/null)
account=$(sed -n 1p "$riskiest" | cut -d, -f1)
cluster=$(curl -sf -H "Authorization: Bearer $key" "$url/v1/clusters?limit=1" | grep -o '"id":[0-9]*' | sed -n 1p | cut -d: -f2)

cat <<INFO

== GraphGuard is running
service:  $url   (log $logs/serve.log; OpenAPI at $url/openapi/v1.json, metrics at $url/metrics)
workspace: $url/   (the analyst workspace in a browser: sign in with the API key below; docs/workspace.md)
worker:   scheduled pipelines from jobs/*.json on Hangfire (log $logs/worker.log; graphguard jobs list)
jobs:     $url/jobs   (the Hangfire dashboard; sign in with the operations key below)
ops key:  $ops
API key:  $key
stop:     kill \$(cat $logs/serve.pid) \$(cat $logs/worker.pid)

Try:
  curl -s -H "Authorization: Bearer $key" $url/v1/accounts/$account/risk
  curl -s -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"ids":["$account","no-such-account"]}' $url/v1/risk:batch
  curl -s -H "Authorization: Bearer $key" $url/v1/clusters/$cluster
INFO
echo
echo "== the three examples, run now"
curl -sf -H "Authorization: Bearer $key" "$url/v1/accounts/$account/risk" | cut -c1-400; echo
curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "{\"ids\":[\"$account\",\"no-such-account\"]}" "$url/v1/risk:batch" | cut -c1-400; echo
curl -sf -H "Authorization: Bearer $key" "$url/v1/clusters/$cluster" | cut -c1-400; echo
