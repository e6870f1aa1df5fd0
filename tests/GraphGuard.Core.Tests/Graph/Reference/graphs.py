"""The graphs every reference fixture is computed on, shared by the make_*.py scripts.

Each graph is (name, node_count, edges, directed). Edges are lists of [source, target] with nodes
numbered 0..node_count-1. Deterministic: random graphs use fixed seeds, so fixtures regenerate to the
same bytes. Run the scripts with Debian's interpreter (/usr/bin/python3), which sees python3-igraph
and python3-networkx:  apt-get install -y python3-igraph python3-networkx
"""
import json
import os
import random

import igraph as ig

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")


def _er(n, p, seed, directed=False):
    rng = random.Random(seed)
    edges = []
    for u in range(n):
        for v in range(n if directed else u + 1):
            if u != v and rng.random() < p:
                edges.append([u, v])
    return edges


def _components(seed):
    """Many small components of assorted shapes, plus isolated nodes."""
    rng = random.Random(seed)
    edges, n = [], 0
    for size in [1, 1, 2, 3, 3, 4, 5, 8, 13, 21, 34, 1, 1, 55]:
        nodes = list(range(n, n + size))
        for i in range(1, size):
            edges.append([nodes[i], nodes[rng.randrange(i)]])  # a random tree keeps it connected
        for _ in range(size // 2):
            a, b = rng.sample(nodes, 2) if size > 1 else (nodes[0], nodes[0])
            if a != b:
                edges.append([a, b])
        n += size
    return n, edges


def _hub(seed, n=400):
    """One giant hub tied to everyone, over a sparse random background."""
    edges = [[0, v] for v in range(1, n)] + [e for e in _er(n, 0.01, seed) if 0 not in e]
    return n, edges


def undirected_graphs():
    """Simple undirected graphs (no loops, no repeated edges)."""
    karate = ig.Graph.Famous("Zachary")
    comp_n, comp_edges = _components(3)
    hub_n, hub_edges = _hub(4)
    return [
        ("karate", karate.vcount(), [list(e) for e in karate.get_edgelist()]),
        ("er_60", 60, _er(60, 0.08, 11)),
        ("er_400", 400, _er(400, 0.015, 12)),
        ("er_2000", 2000, _er(2000, 0.003, 13)),
        ("components", comp_n, comp_edges),
        ("hub", hub_n, hub_edges),
        ("empty", 0, []),
        ("isolated", 5, []),
    ]


def directed_graphs():
    """Directed graphs, some with dangling nodes (no out-edges)."""
    return [
        ("dir_karate", 34, [list(e) for e in ig.Graph.Famous("Zachary").get_edgelist()]),
        ("dir_er_300", 300, _er(300, 0.01, 21, directed=True)),
        ("dir_er_1500", 1500, _er(1500, 0.002, 22, directed=True)),
    ]


def write_fixture(name, payload):
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, name + ".json"), "w") as f:
        json.dump(payload, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
