// Graph pictures with sigma.js (WebGL) over a graphology graph. Layouts are computed here in one pass,
// so a 2,000-member cluster paints at once instead of waiting for a force simulation to settle.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { GraphData, GraphNode } from './types';
import { h } from './dom';

const kindColors: Record<string, string> = {
  account: '#4c78a8', content: '#72b7b2', device: '#e45756', ip: '#f58518', phone: '#b279a2',
  payment: '#9d755d', url: '#54a24b', hashtag: '#bab0ac',
};
const bandColors: Record<string, string> = { critical: '#b10026', high: '#e31a1c', medium: '#fd8d3c', low: '#4c78a8' };

export function nodeColor(node: GraphNode): string {
  return node.kind === 'account' && node.band ? bandColors[node.band] ?? kindColors.account : kindColors[node.kind] ?? '#888';
}

export type Layout = 'cluster' | 'radial' | 'path';

const active: Sigma[] = [];

/** Stops every graph drawn so far (their WebGL contexts are few): the router calls it before each view. */
export function killGraphs(): void {
  for (const renderer of active.splice(0)) renderer.kill();
}

/**
 * Draws `data` into `container`. `cluster`: members on an outer ring grouped by the target they share most,
 * shared targets inside at the mean of their actors; `radial`: rings by hop from `centre`; `path`: paths in rows.
 */
export function drawGraph(container: HTMLElement, data: GraphData, layout: Layout, onClick: (node: GraphNode) => void,
  centre?: number, paths?: number[][]): void {
  container.replaceChildren();
  const positions = layout === 'cluster' ? clusterLayout(data) : layout === 'path' ? pathLayout(data, paths ?? []) : radialLayout(data, centre ?? data.nodes[0]?.id);
  const graph = new Graph({ type: 'directed', multi: false });
  const byId = new Map(data.nodes.map(n => [n.id, n]));
  const degree = new Map<number, number>();
  for (const e of data.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  for (const n of data.nodes) {
    const p = positions.get(n.id) ?? { x: Math.random(), y: Math.random() };
    graph.addNode(String(n.id), {
      x: p.x, y: p.y, label: `${n.kind === 'account' ? '' : n.kind + ' '}${n.label}`,
      size: Math.min(12, 3 + Math.sqrt(degree.get(n.id) ?? 1)), color: nodeColor(n),
    });
  }
  for (const e of data.edges) {
    const key = `${e.source}>${e.target}`;
    if (!byId.has(e.source) || !byId.has(e.target) || graph.hasEdge(key)) continue;
    graph.addEdgeWithKey(key, String(e.source), String(e.target), { size: Math.min(4, 0.5 + Math.log2(1 + e.count) / 2), color: '#c8c8d0', label: `${e.action} ×${e.count}` });
  }
  try {
    const renderer = new Sigma(graph, container, { renderEdgeLabels: false, labelRenderedSizeThreshold: data.nodes.length < 200 ? 0 : 7, defaultEdgeType: 'line', hideEdgesOnMove: data.edges.length > 3000 });
    renderer.on('clickNode', ({ node }) => { const n = byId.get(Number(node)); if (n) onClick(n); });
    active.push(renderer);
    container.dataset.ready = 'webgl';
  } catch (error) {
    // No WebGL (an old GPU, a locked-down browser): say so, the tables on the page still hold everything.
    container.replaceChildren(h('p', { class: 'muted' }, `The graph needs WebGL, which this browser did not provide (${(error as Error).message}).`));
    container.dataset.ready = 'no-webgl';
  }
}

function clusterLayout(data: GraphData): Map<number, { x: number; y: number }> {
  const actors = new Set(data.edges.map(e => e.source));
  const members = data.nodes.filter(n => n.kind === 'account' && actors.has(n.id));
  const memberIds = new Set(members.map(n => n.id));
  const targets = data.nodes.filter(n => !memberIds.has(n.id));
  // Each member's heaviest shared target groups it with the others on that target around the ring.
  const heaviest = new Map<number, { target: number; count: number }>();
  const actorsOf = new Map<number, number[]>();
  for (const e of data.edges) {
    const best = heaviest.get(e.source);
    if (!memberIds.has(e.target) && (!best || e.count > best.count)) heaviest.set(e.source, { target: e.target, count: e.count });
    if (!actorsOf.has(e.target)) actorsOf.set(e.target, []);
    actorsOf.get(e.target)!.push(e.source);
  }
  members.sort((a, b) => (heaviest.get(a.id)?.target ?? -1) - (heaviest.get(b.id)?.target ?? -1) || a.id - b.id);
  const pos = new Map<number, { x: number; y: number }>();
  members.forEach((m, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, members.length);
    pos.set(m.id, { x: Math.cos(angle), y: Math.sin(angle) });
  });
  // Shared targets on an inner ring, in the order of their actors' mean direction, evenly spaced: each sits
  // across from the members that used it without piling up in the centre.
  const direction = new Map<number, number>();
  for (const t of targets) {
    const around = (actorsOf.get(t.id) ?? []).map(a => pos.get(a)).filter((p): p is { x: number; y: number } => !!p);
    const mx = around.reduce((s, p) => s + p.x, 0);
    const my = around.reduce((s, p) => s + p.y, 0);
    direction.set(t.id, Math.atan2(my, mx) + (Math.hypot(mx, my) < 1e-6 ? t.id : 0));
  }
  targets.sort((a, b) => direction.get(a.id)! - direction.get(b.id)! || a.id - b.id);
  targets.forEach((t, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, targets.length);
    const radius = 0.35 + 0.2 * (i % 2);
    pos.set(t.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  return pos;
}

function radialLayout(data: GraphData, centre: number | undefined): Map<number, { x: number; y: number }> {
  const adjacent = new Map<number, number[]>();
  for (const e of data.edges) {
    if (!adjacent.has(e.source)) adjacent.set(e.source, []);
    if (!adjacent.has(e.target)) adjacent.set(e.target, []);
    adjacent.get(e.source)!.push(e.target);
    adjacent.get(e.target)!.push(e.source);
  }
  const hop = new Map<number, number>();
  if (centre !== undefined) hop.set(centre, 0);
  const queue = centre !== undefined ? [centre] : [];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of adjacent.get(v) ?? []) if (!hop.has(w)) { hop.set(w, hop.get(v)! + 1); queue.push(w); }
  }
  const rings = new Map<number, number[]>();
  for (const n of data.nodes) {
    const r = hop.get(n.id) ?? 3;
    if (!rings.has(r)) rings.set(r, []);
    rings.get(r)!.push(n.id);
  }
  const pos = new Map<number, { x: number; y: number }>();
  for (const [r, ids] of rings) {
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length + r * 0.3;
      pos.set(id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
    });
  }
  return pos;
}

function pathLayout(data: GraphData, paths: number[][]): Map<number, { x: number; y: number }> {
  const pos = new Map<number, { x: number; y: number }>();
  paths.forEach((path, row) => {
    path.forEach((id, i) => {
      if (i === 0 || i === path.length - 1) pos.set(id, { x: i === 0 ? 0 : 10, y: 0 });
      else if (!pos.has(id)) pos.set(id, { x: (10 * i) / (path.length - 1), y: (row % 2 === 0 ? 1 : -1) * (1 + Math.floor(row / 2)) });
    });
  });
  for (const n of data.nodes) if (!pos.has(n.id)) pos.set(n.id, { x: 5, y: 0 });
  return pos;
}
