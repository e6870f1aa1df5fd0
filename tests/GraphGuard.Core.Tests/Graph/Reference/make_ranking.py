"""Reference answers for PageRank, SybilRank and top-k neighbour similarity -> fixtures/ranking.json.

PageRank and personalized PageRank come from igraph 0.10 (PRPACK). Undirected graphs are ranked with
directed=False, which is the same as every edge in both directions. SybilRank has no igraph or NetworkX
implementation, so it is the plain loop of Cao et al. (NSDI 2012) written out below. Neighbour similarity
scores come from NetworkX (jaccard_coefficient, adamic_adar_index) over every pair that shares a
neighbour; the top-k per node is chosen here with the engine's tie-break (higher score, then lower id).

Run with Debian's interpreter:  /usr/bin/python3 tests/GraphGuard.Core.Tests/Graph/Reference/make_ranking.py
"""
import math
import random

import igraph as ig
import networkx as nx

from graphs import directed_graphs, undirected_graphs, write_fixture

TOP_K = 4
DAMPING = 0.85


def extra_graphs():
    """Graphs only this topic needs: self-loops and repeated edges, and a weighted graph."""
    loops = [[0, 1], [1, 2], [2, 0], [2, 2], [3, 3], [1, 3], [0, 1], [4, 4], [5, 0]]
    rng = random.Random(31)
    weighted = []
    for u in range(200):
        for v in range(200):
            if u != v and rng.random() < 0.02:
                weighted.append([u, v, rng.choice([0.5, 1.0, 2.0, 3.0])])
    return [
        ("dir_loops", 7, loops, True),
        ("loops", 7, loops, False),
        ("dir_weighted", 200, weighted, True),
        ("weighted", 200, weighted, False),
    ]


def all_graphs():
    return ([(name, n, edges, False) for name, n, edges in undirected_graphs()]
            + [(name, n, edges, True) for name, n, edges in directed_graphs()]
            + extra_graphs())


def short(values, digits=11):
    """Rounds to the given significant digits: far inside every tolerance, and keeps the fixture small."""
    return [float(f"{x:.{digits}g}") for x in values]


def reset_vector(n):
    """A full restart vector with uneven, some zero, entries."""
    return [float(v % 4) for v in range(n)]


def seeds(n, count, seed):
    return sorted(random.Random(seed).sample(range(n), min(count, n)))


def pagerank(n, edges, directed):
    g = ig.Graph(n=n, edges=[e[:2] for e in edges], directed=directed)
    weights = None
    if edges and len(edges[0]) > 2:
        g.es["weight"] = [e[2] for e in edges]
        weights = "weight"
    out = {"pagerank": short(g.pagerank(directed=directed, damping=DAMPING, weights=weights))}
    if n > 0:
        out["ppr_seeds"] = seeds(n, 3, n)
        out["personalized_pagerank"] = short(g.personalized_pagerank(
            directed=directed, damping=DAMPING, reset_vertices=out["ppr_seeds"], weights=weights))
        vector = reset_vector(n)
        if sum(vector) > 0:
            out["personalized_pagerank_vector"] = short(g.personalized_pagerank(
                directed=directed, damping=DAMPING, reset=vector, weights=weights))
    return out


def sybilrank(n, edges, trusted, total_trust, iterations):
    """Cao et al. 2012: trust starts evenly on the trusted seeds, each round every node hands its trust
    to its neighbours in proportion to edge weight over its (weighted) degree, and after the early-
    terminated rounds the ranking score is trust over degree. Neighbourhoods are the stored CSR ones:
    each undirected edge both ways, a self-loop once, repeats kept."""
    adj = [[] for _ in range(n)]
    for e in edges:
        s, t = e[0], e[1]
        w = e[2] if len(e) > 2 else 1.0
        adj[s].append((t, w))
        if s != t:
            adj[t].append((s, w))
    degree = [sum(w for _, w in a) for a in adj]
    trust = [0.0] * n
    for s in trusted:
        trust[s] = total_trust / len(trusted)
    for _ in range(iterations):
        nxt = [0.0] * n
        for v in range(n):
            # Pull in CSR order (neighbours ascending) so sums add up in the engine's order.
            for u, w in sorted(adj[v]):
                nxt[v] += trust[u] * (w / degree[u])
        trust = nxt
    scores = [trust[v] / degree[v] if degree[v] > 0 else 0.0 for v in range(n)]
    return trust, scores


def sybilrank_reference(n, edges):
    if n == 0:
        return {}
    trusted = seeds(n, 4, 1000 + n)
    iterations = math.ceil(math.log2(n)) if n > 1 else 0
    trust, scores = sybilrank(n, edges, trusted, float(n), iterations)
    return {"sybilrank_seeds": trusted, "sybilrank_iterations": iterations,
            "sybilrank_trust": short(trust, 15), "sybilrank_scores": short(scores, 15)}


def top_k(scores_by_node, n):
    ids, values = [], []
    for u in range(n):
        ranked = sorted(scores_by_node[u].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_K]
        ids.append([v for v, _ in ranked])
        values.append(short(s for _, s in ranked))
    return ids, values


def similarity(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((e[0], e[1]) for e in edges if e[0] != e[1])
    pairs = set()
    for w in g:
        nbrs = sorted(g[w])
        for i, u in enumerate(nbrs):
            for v in nbrs[i + 1:]:
                pairs.add((u, v))
    pairs = sorted(pairs)
    jac = [dict() for _ in range(n)]
    for u, v, p in nx.jaccard_coefficient(g, pairs):
        jac[u][v] = jac[v][u] = p
    aa = [dict() for _ in range(n)]
    for u, v, p in nx.adamic_adar_index(g, pairs):
        # NetworkX adds terms in its dict order; summing over common neighbours in ascending order is the
        # engine's order, so near-equal scores tie (or not) the same way on both sides.
        ordered = 0.0
        for w in sorted(nx.common_neighbors(g, u, v)):
            ordered += 1 / math.log(g.degree(w))
        assert abs(ordered - p) <= 1e-12 * max(1.0, p), (u, v, ordered, p)
        aa[u][v] = aa[v][u] = ordered
    j_ids, j_scores = top_k(jac, n)
    a_ids, a_scores = top_k(aa, n)
    return {"k": TOP_K, "jaccard_ids": j_ids, "jaccard_scores": j_scores,
            "adamic_adar_ids": a_ids, "adamic_adar_scores": a_scores,
            "candidate_counts": [len(jac[u]) for u in range(n)]}


def main():
    graphs = {}
    for name, n, edges, directed in all_graphs():
        entry = {"nodes": n, "edges": edges, "directed": directed}
        entry.update(pagerank(n, edges, directed))
        if not directed:
            entry.update(sybilrank_reference(n, edges))
            if not (edges and len(edges[0]) > 2):
                entry.update(similarity(n, edges))
        graphs[name] = entry
    write_fixture("ranking", {"graphs": graphs})


if __name__ == "__main__":
    main()
