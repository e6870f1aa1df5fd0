"""Times igraph on the same graphs `graphguard-bench graph` runs our algorithms on.

Usage: /usr/bin/python3 igraph_timings.py DIR
DIR holds, written by the bench:
  meta.json        {"undirected_nodes": N, "directed_nodes": M, "seeds": [...], "algorithms": [...],
                    "timeout_seconds": T}
  undirected.i32   int32 pairs (a, b), one per undirected edge, a < b
  undirected.f32   float32 weight per undirected edge
  directed.i32     int32 pairs (source, target), one per directed edge
Prints one JSON object: algorithm name -> seconds, or -T when the run passed T seconds and was stopped.
Graph construction is not timed. Each algorithm runs in a forked child (sharing the loaded graphs
copy-on-write) so that a run past the time limit can be stopped.
Needs Debian's python3-igraph (and python3-numpy, which it brings).
"""
import json
import os
import signal
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


def timed_in_child(fn, limit):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        start = time.perf_counter()
        fn()
        os.write(write, str(time.perf_counter() - start).encode())
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return float(os.read(read, 64).decode())
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return -float(limit)


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
    limit = meta.get("timeout_seconds", 300)
    result = {}
    for name in meta["algorithms"]:
        if name in runs:
            result[name] = timed_in_child(runs[name], limit)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
