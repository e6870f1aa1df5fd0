import { get } from '../api';
import { band, fmtScore, fmtTime, h, link, section } from '../dom';
import { drawGraph } from '../graph';
import { drawActivity } from '../raster';
import type { Activity, ClusterPage, GraphData, KeyFeature } from '../types';
import { decisionPanel } from './decide';

/**
 * A cluster: evidence, decision, graph of members and what they share, synchrony raster, histogram and members. The
 * evidence and members paint first; the graph and the raster, heavier to fetch and draw, fill in when they arrive.
 */
export async function clusterView(main: HTMLElement, id: string): Promise<void> {
  const page = await get<ClusterPage>(`/clusters/${encodeURIComponent(id)}`);
  const c = page.cluster;
  const graphBox = h('div', { class: 'graph', id: 'cluster-graph' });
  const graphNote = h('p', { class: 'muted' }, 'Loading the graph…');
  const activityBox = h('div', { id: 'activity' }, h('p', { class: 'muted' }, 'Loading activity…'));
  main.replaceChildren(
    h('h1', {}, `Cluster ${c.id}`, ' ', h('span', { class: 'muted' }, `score ${fmtScore(c.score)} · ${c.size} accounts (${c.core_size} core) · ${c.detectors.join(', ')} · ${c.trend}`
      + (c.decided ? ' · decided' : ''))),
    section('Evidence', h('ul', { id: 'evidence' }, ...page.evidence.map(e => h('li', {}, e.sentence)))),
    decisionPanel({ cluster_id: c.id }, () => void clusterView(main, id)),
    section('Members and what they share', graphNote, graphBox),
    section('Synchrony', activityBox),
    section(`Members${page.members_truncated ? ' (first 2,000)' : ''}`, keyFeatureNote(page.key_features), h('table', { class: 'grid', id: 'members' },
      h('thead', {}, h('tr', {}, ...['Account', 'Role', 'Score', 'Band', 'Age (days)', 'Events', 'Targets', 'Shared'].map(t => h('th', {}, t)),
        ...page.key_features.map(f => h('th', { class: 'key-feature', title: `members' median ${fmtValue(f.members_median)}, ${standing(f)}` }, f.name)),
        h('th', {}, 'Reasons'))),
      h('tbody', {}, ...page.members.map(m => h('tr', {},
        h('td', {}, link(`#/account/${encodeURIComponent(m.account_id)}`, m.account_id)), h('td', {}, m.role), h('td', { class: 'num' }, fmtScore(m.score)),
        h('td', {}, band(m.band)), h('td', { class: 'num' }, m.age_days ?? '–'), h('td', { class: 'num' }, m.events), h('td', { class: 'num' }, m.targets),
        h('td', { class: 'num' }, m.shared_targets), ...m.key_feature_values.map(v => h('td', { class: 'num' }, v === null ? '–' : fmtValue(v))),
        h('td', { class: 'reasons' }, m.reasons.slice(0, 3).join('; ')))))),
      h('p', { class: 'muted' }, `First active ${fmtTime(c.first_activity)}, last ${fmtTime(c.last_activity)}.`)));
  const graph = get<GraphData>(`/clusters/${encodeURIComponent(id)}/graph`).then(data => {
    graphNote.textContent = `${data.nodes.length} nodes, ${data.edges.length} edges` + (data.truncated ? ' (heaviest shown)' : '')
      + '. Click a device, IP, URL or target to see every account on it; click an account to open it.';
    drawGraph(graphBox, data, 'cluster', node => {
      location.hash = node.kind === 'account' ? `#/account/${encodeURIComponent(node.label)}` : `#/pivot/${node.id}`;
    });
  }, err => { graphNote.replaceChildren(h('span', { class: 'error' }, (err as Error).message)); });
  const activity = get<Activity>(`/clusters/${encodeURIComponent(id)}/activity`).then(data => {
    drawActivity(activityBox, data, i => { location.hash = `#/pivot/${data.targets[i].id}`; });
  }, err => { activityBox.replaceChildren(h('p', { class: 'error' }, (err as Error).message)); });
  await Promise.all([graph, activity]);
}

/** What sets the members apart: the run's graph features on which their median is in the outer fifth of all accounts. */
function keyFeatureNote(features: KeyFeature[]): HTMLElement {
  if (features.length === 0) return h('p', { class: 'muted', id: 'key-features' }, 'Key features: none stands out (or the run kept no feature profile).');
  return h('p', { class: 'muted', id: 'key-features' }, 'Key features (members\' median against all accounts of the run): ',
    features.map(f => `${f.name} ${fmtValue(f.members_median)} (${standing(f)})`).join(' · '));
}

function standing(f: KeyFeature): string {
  return f.population_rank >= 0.5 ? `above ${pct(f.population_rank)} of all accounts` : `below ${pct(1 - f.population_rank)} of all accounts`;
}

function fmtValue(x: number): string {
  return Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : String(Number(x.toPrecision(3)));
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
