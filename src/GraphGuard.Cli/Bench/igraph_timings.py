"""Times igraph on the same graphs `graphguard bench graph` runs our algorithms on.

Usage: /usr/bin/python3 igraph_timings.py DIR
DIR holds, written by the bench:
  meta.json        {"undirected_nodes": N, "directed_nodes": M, "seeds": [...], "algorithms": [...]}
  undirected.i32   int32 pairs (a, b), one per undirected edge, a < b
  undirected.f32   float32 weight per undirected edge
  directed.i32     int32 pairs (source, target), one per directed edge
Prints one JSON object: algorithm name -> seconds (graph construction is not timed).
Needs Debian's python3-igraph (and python3-numpy, which it brings).
"""
import json
import os
import sys
import time

import igraph as ig
import numpy as np


def load(folder):
    meta = json.load(open(os.path.join(folder, "meta.json")))
    und = np.fromfile(os.path.join(folder, "undirected.i32"), dtype=np.int32).reshape(-1, 2)
    weights = np.fromfile(os.path.join(folder, "undirected.f32"), dtype=np.float32).astype(np.float64)
    dire = np.fromfile(os.path.join(folder, "directed.i32"), dtype=np.int32).reshape(-1, 2)
    g = ig.Graph(n=meta["undirected_nodes"], edges=und, directed=False)
    g.es["weight"] = weights
    d = ig.Graph(n=meta["directed_nodes"], edges=dire, directed=True)
    return meta, g, d


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(folder):
    meta, g, d = load(folder)
    seeds = meta["seeds"]
    runs = {
        "weakly_connected_components": lambda: g.connected_components(mode="weak"),
        "pagerank": lambda: d.pagerank(directed=True, damping=0.85),
        "personalized_pagerank": lambda: d.personalized_pagerank(directed=True, damping=0.85, reset_vertices=seeds),
        "sybilrank": lambda: g.personalized_pagerank(directed=False, damping=0.85, reset_vertices=seeds, weights="weight"),
        "louvain": lambda: g.community_multilevel(weights="weight"),
        "k_core": lambda: g.coreness(),
        "triangles": lambda: g.transitivity_local_undirected(mode="zero"),
        "label_propagation": lambda: g.community_label_propagation(weights="weight"),
    }
    result = {}
    # Label propagation last: igraph's can take minutes on a big graph.
    for name in sorted(meta["algorithms"], key=lambda n: n == "label_propagation"):
        if name in runs:
            result[name] = timed(runs[name])
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
