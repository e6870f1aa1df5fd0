#!/usr/bin/env bash
# README command 1: install what is missing, build, start the database, generate a synthetic world,
# ingest it (twice: the second run shows that re-ingesting adds nothing), and print what was loaded.
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
