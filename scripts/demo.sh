#!/usr/bin/env bash
# README command 1: install what is missing, build, start the database, generate a synthetic world,
# ingest it (twice: the second run shows that re-ingesting adds nothing), print what was loaded, then
# detect coordinated clusters, show the strongest with its evidence, and score detection against the
# world's ground truth.
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
echo "== the risk model: train on the labels, then the riskiest accounts with their reasons"
graphguard train --out "$GRAPHGUARD_HOME/models/demo"
graphguard score --model "$GRAPHGUARD_HOME/models/demo" --top 8
