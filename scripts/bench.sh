#!/usr/bin/env bash
# Every whole-job benchmark, each beside its reference tool, on this machine. Installs the reference
# tools it needs (igraph for the graph benchmark), generates the 1M-account world on first use, and
# prints the figures docs/benchmarks.md records. Takes a quarter of an hour on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

if ! /usr/bin/python3 -c "import igraph, numpy" 2>/dev/null; then
  echo "bench: installing python3-igraph (the graph benchmark's reference)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-igraph python3-numpy >/dev/null
fi

accounts=${ACCOUNTS:-1000000}
graphguard db start >/dev/null
# The benchmarks are their own program (bench/GraphGuard.Bench), built with the solution by setup.sh.
graphguard-bench() { dotnet "$PWD/bench/GraphGuard.Bench/bin/Release/net10.0/graphguard-bench.dll" "$@"; }
echo "== ingest beside PostgreSQL COPY"
graphguard-bench ingest --accounts "$accounts"
echo
echo "== every detector on that world (issue 13: within 60 s and 8 GiB)"
graphguard-bench detect
echo
echo "== graph engine beside igraph"
graphguard-bench graph
echo
echo "== learning: GraphSAGE, and XGBoost beside the xgboost CLI"
graphguard-bench learn
echo
echo "== scoring service under wrk: single lookups and 1,000-id batches"
graphguard-bench serve
echo
echo "== content models (ML.NET) beside scikit-learn's TF-IDF + logistic regression"
graphguard-bench content
echo
echo "== content at scale: 1M texts classified, near-duplicate media among 2M hashes"
graphguard-bench content-speed
echo
echo "== GraphSAGE engines: ours beside libtorch (TorchSharp), issue 18 (docs/gpu.md)"
# libtorch's OpenMP threads otherwise spin at every barrier, which a shared machine punishes.
OMP_WAIT_POLICY=passive graphguard-bench sage-engines --dataset ../shared/datasets/yelpchi_rur_subgraph --seeds 3 --accounts 200000 --edges 400000
