"""Reference answers for Louvain/Leiden communities and modularity (fixtures/communities.json).

For every shared undirected graph, plus a weighted multigraph with self-loops and a planted partition:
igraph 0.10's multilevel (Louvain) membership and modularity, Leiden's modularity (for information), and
the modularity of the multilevel membership at other resolutions, and multilevel's modularity when run at
resolution 2. Graphs are kept raw in the fixture (repeated edges, self-loops); igraph works on them after
simplify(combine_edges="sum") with loops kept, and where that changed the graph, modularity is also taken
on the raw multigraph. Modularity of a graph without edges
is NaN in igraph and is written as null. Weights are small integers so float32 holds them exactly.

Run with Debian's interpreter: /usr/bin/python3 make_communities.py
"""
import math
import random

import igraph as ig

from graphs import undirected_graphs, write_fixture

RESOLUTIONS = [0.5, 2.0]


def _number(x):
    return None if x is None or math.isnan(x) else x


def _weighted_multigraph(seed, groups=4, size=30):
    """Dense groups with sparse ties between them; some edges repeated, some self-loops, weights 1..4."""
    rng = random.Random(seed)
    n = groups * size
    edges = []
    for u in range(n):
        for v in range(u + 1, n):
            p = 0.25 if u // size == v // size else 0.02
            if rng.random() < p:
                edges.append([u, v, rng.randint(1, 4)])
    for e in rng.sample(edges, len(edges) // 10):
        edges.append([e[1], e[0], rng.randint(1, 4)])  # the same edge again, either way round
    for v in rng.sample(range(n), 12):
        edges.append([v, v, rng.randint(1, 4)])
        if v % 3 == 0:
            edges.append([v, v, 1])  # a repeated self-loop
    return n, edges


def _planted(seed, groups=6, size=40):
    rng = random.Random(seed)
    n = groups * size
    edges = [[u, v] for u in range(n) for v in range(u + 1, n)
             if rng.random() < (0.3 if u // size == v // size else 0.01)]
    return n, edges, [v // size for v in range(n)]


def _modularity(g, membership, weights, resolution=1.0):
    if g.ecount() == 0:
        return None
    # Graph.modularity in python-igraph 0.10.2 drops its resolution argument; GraphBase's keeps it.
    return _number(ig.GraphBase.modularity(g, membership, weights, resolution=resolution))


def _answers(n, edges):
    # Every graph is weighted (1 unless given) so that simplifying sums repeated edges, as the tests'
    # CSR build with MergeDuplicates does; graphs.py's "components" repeats a few edges.
    raw = ig.Graph(n=n, edges=[(e[0], e[1]) for e in edges])
    raw.es["weight"] = [float(e[2]) if len(e) > 2 else 1.0 for e in edges]
    g = raw.copy()
    g.simplify(multiple=True, loops=False, combine_edges="sum")
    weights = "weight"
    if g.ecount() == 0:
        # Every node alone (igraph's Leiden never settles on a graph without edges).
        multilevel = leiden = coarse = list(range(n))
    else:
        random.seed(42)  # igraph draws its visiting order from Python's random module
        multilevel = g.community_multilevel(weights=weights, return_levels=False).membership
        random.seed(42)
        coarse = g.community_multilevel(weights=weights, return_levels=False, resolution=2.0).membership
        random.seed(42)
        leiden = g.community_leiden(objective_function="modularity", weights=weights, n_iterations=-1).membership
    answers = {
        "multilevel_membership": multilevel,
        "multilevel_modularity": _modularity(g, multilevel, weights),
        "leiden_modularity": _modularity(g, leiden, weights),
        "multilevel_modularity_at": {str(r): _modularity(g, multilevel, weights, r) for r in RESOLUTIONS},
        "multilevel_resolution_2_modularity": _modularity(g, coarse, weights, 2.0),
    }
    if g.ecount() < raw.ecount():
        answers["multilevel_modularity_unsimplified"] = _modularity(raw, multilevel, weights)
    return answers


def main():
    graphs = {}
    cases = [(name, n, edges, None) for name, n, edges in undirected_graphs()]
    cases.append(("weighted_multi",) + _weighted_multigraph(5) + (None,))
    cases.append(("planted",) + _planted(6))
    for name, n, edges, planted in cases:
        entry = {"nodes": n, "edges": edges}
        entry.update(_answers(n, edges))
        if planted is not None:
            entry["planted_membership"] = planted
        graphs[name] = entry
    write_fixture("communities", {"graphs": graphs})


if __name__ == "__main__":
    main()
