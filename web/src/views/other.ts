import { get } from '../api';
import { band, fmtScore, fmtTime, h, link, section } from '../dom';
import { drawGraph } from '../graph';
import type { Decision, Paths, Pivot } from '../types';
import { decisionTable } from './account';

/** A pivot: every account that acted on one entity in the published run's window. */
export async function pivotView(main: HTMLElement, id: string): Promise<void> {
  const pivot = await get<Pivot>(`/entities/${encodeURIComponent(id)}/accounts`);
  main.replaceChildren(
    h('h1', {}, `${pivot.entity.kind} ${pivot.entity.label}`, ' ', h('span', { class: 'muted' }, `${pivot.total} accounts acted on it in the window${pivot.truncated ? ' (busiest 2,000 shown)' : ''}`)),
    h('table', { class: 'grid', id: 'pivot' },
      h('thead', {}, h('tr', {}, ...['Account', 'Score', 'Band', 'Events', 'First', 'Last', 'Actions'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...pivot.accounts.map(a => h('tr', {}, h('td', {}, link(`#/account/${encodeURIComponent(a.account_id)}`, a.account_id)),
        h('td', { class: 'num' }, fmtScore(a.score)), h('td', {}, band(a.band)), h('td', { class: 'num' }, a.events), h('td', {}, fmtTime(a.first)),
        h('td', {}, fmtTime(a.last)), h('td', {}, a.actions.join(', ')))))));
}

/** "How are these connected?": independent cheapest paths between two accounts, drawn and listed. */
export async function pathsView(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const fromBox = h('input', { name: 'from', value: from, size: 24 });
  const toBox = h('input', { name: 'to', value: to, size: 24 });
  const form = h('form', { id: 'paths-form', class: 'toolbar' }, 'From ', fromBox, ' to ', toBox, ' ', h('button', { type: 'submit' }, 'Find paths'));
  form.addEventListener('submit', e => { e.preventDefault(); location.hash = `#/paths?from=${encodeURIComponent(fromBox.value.trim())}&to=${encodeURIComponent(toBox.value.trim())}`; });
  main.replaceChildren(h('h1', {}, 'How are these connected?'), form);
  if (!from || !to) return;
  const result = await get<Paths>(`/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  const byId = new Map(result.graph.nodes.map(n => [n.id, n]));
  const graphBox = h('div', { class: 'graph', id: 'paths-graph' });
  main.append(
    h('p', { class: 'muted' }, `${result.explored} nodes explored. A hop costs more through a busier entity, so rare shared devices and IPs come first; each further path avoids the inner nodes of the ones before.`),
    result.paths.length === 0 ? h('p', { id: 'no-path' }, `No connection between ${result.from} and ${result.to} within six hops in the window.`)
      : h('ol', { id: 'paths' }, ...result.paths.map(p => h('li', {}, `cost ${p.cost}: `, ...p.nodes.flatMap((n, i) => {
        const node = byId.get(n)!;
        const item = node.kind === 'account' ? link(`#/account/${encodeURIComponent(node.label)}`, node.label) : link(`#/pivot/${node.id}`, `${node.kind} ${node.label}`);
        return i === 0 ? [item] : [' — ', item];
      })))),
    graphBox);
  if (result.paths.length > 0) {
    drawGraph(graphBox, result.graph, 'path', node => {
      location.hash = node.kind === 'account' ? `#/account/${encodeURIComponent(node.label)}` : `#/pivot/${node.id}`;
    }, undefined, result.paths.map(p => p.nodes));
  }
}

/** The audit trail: every decision, newest first, with undo. */
export async function auditView(main: HTMLElement): Promise<void> {
  const audit = await get<{ entries: Decision[] }>('/audit');
  main.replaceChildren(h('h1', {}, 'Decisions'), section('Audit trail', decisionTable(audit.entries, () => void auditView(main))));
}

