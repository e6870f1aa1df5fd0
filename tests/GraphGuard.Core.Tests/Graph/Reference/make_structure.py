"""Reference answers for the structural algorithms: weakly connected components, core numbers,
triangles and local clustering. Writes fixtures/structure.json; run with /usr/bin/python3.

Per graph: "components" (each node's component labelled by its smallest node id, so labels compare
exactly), "coreness" (igraph coreness, mode "all"), "triangles" (per-node triangle counts from
igraph list_triangles, checked against NetworkX), "clustering" (igraph
transitivity_local_undirected, mode "zero") and "total_triangles". Directed graphs carry only
"components" (weak). Graphs with self-loops and repeated edges carry answers for igraph's simplify()
of them, which is what CsrBuildOptions { DropSelfLoops, MergeDuplicates } should reproduce.
"""
import random

import igraph as ig
import networkx as nx

from graphs import _er, directed_graphs, undirected_graphs, write_fixture


def canonical_components(g):
    membership = g.connected_components(mode="weak").membership
    smallest = {}
    for v, c in enumerate(membership):
        smallest.setdefault(c, v)  # nodes are visited in id order, so the first is the smallest
    return [smallest[c] for c in membership]


def triangles(g):
    counts = [0] * g.vcount()
    for tri in g.list_triangles():
        for v in tri:
            counts[v] += 1
    return counts


def undirected_answers(n, edges):
    g = ig.Graph(n=n, edges=edges, directed=False)
    g.simplify()
    tri = triangles(g)
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_edges_from(tuple(e) for e in edges if e[0] != e[1])
    assert [nx.triangles(h)[v] for v in range(n)] == tri, "igraph and NetworkX disagree on triangles"
    assert [nx.core_number(h)[v] for v in range(n)] == g.coreness(mode="all"), "core numbers disagree"
    return {
        "nodes": n,
        "edges": edges,
        "components": canonical_components(g),
        "coreness": g.coreness(mode="all"),
        "triangles": tri,
        "total_triangles": sum(tri) // 3,
        "clustering": g.transitivity_local_undirected(mode="zero"),
    }


def loops_and_duplicates(seed, n=80):
    """A random graph whose edges repeat (both orientations) and which has self-loops."""
    rng = random.Random(seed)
    edges = _er(n, 0.12, seed)
    extra = [[e[1], e[0]] for e in rng.sample(edges, len(edges) // 3)]
    loops = [[v, v] for v in rng.sample(range(n), 10)]
    edges = edges + extra + loops + [list(e) for e in rng.sample(edges, 20)]
    rng.shuffle(edges)
    return n, edges


def main():
    graphs = {}
    for name, n, edges in undirected_graphs():
        graphs[name] = undirected_answers(n, edges)
    graphs["er_300_dense"] = undirected_answers(300, _er(300, 0.1, 31))
    n, edges = loops_and_duplicates(32)
    graphs["loops_duplicates"] = undirected_answers(n, edges)
    for name, n, edges in directed_graphs():
        g = ig.Graph(n=n, edges=edges, directed=True)
        graphs[name] = {"nodes": n, "edges": edges, "directed": True, "components": canonical_components(g)}
    write_fixture("structure", {"graphs": graphs})


if __name__ == "__main__":
    main()
