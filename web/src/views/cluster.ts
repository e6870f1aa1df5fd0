import { get } from '../api';
import { band, fmtScore, fmtTime, h, link, section } from '../dom';
import { drawGraph } from '../graph';
import { drawActivity } from '../raster';
import type { Activity, ClusterPage } from '../types';
import { decisionPanel } from './decide';

/** A cluster: evidence, decision, graph of members and what they share, synchrony raster, histogram and members. */
export async function clusterView(main: HTMLElement, id: string): Promise<void> {
  const page = await get<ClusterPage>(`/clusters/${encodeURIComponent(id)}`);
  const c = page.cluster;
  const graphBox = h('div', { class: 'graph', id: 'cluster-graph' });
  const activityBox = h('div', { id: 'activity' }, h('p', { class: 'muted' }, 'Loading activity…'));
  main.replaceChildren(
    h('h1', {}, `Cluster ${c.id}`, ' ', h('span', { class: 'muted' }, `score ${fmtScore(c.score)} · ${c.size} accounts (${c.core_size} core) · ${c.detectors.join(', ')} · ${c.trend}`
      + (c.decided ? ' · decided' : ''))),
    section('Evidence', h('ul', { id: 'evidence' }, ...page.evidence.map(e => h('li', {}, e.sentence)))),
    decisionPanel({ cluster_id: c.id }, () => void clusterView(main, id)),
    section('Members and what they share', h('p', { class: 'muted' }, `${page.graph.nodes.length} nodes, ${page.graph.edges.length} edges`
      + (page.graph.truncated ? ' (heaviest shown)' : '') + '. Click a device, IP, URL or target to see every account on it; click an account to open it.'), graphBox),
    section('Synchrony', activityBox),
    section(`Members${page.members_truncated ? ' (first 2,000)' : ''}`, h('table', { class: 'grid', id: 'members' },
      h('thead', {}, h('tr', {}, ...['Account', 'Role', 'Score', 'Band', 'Age (days)', 'Events', 'Targets', 'Shared', 'Reasons'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...page.members.map(m => h('tr', {},
        h('td', {}, link(`#/account/${encodeURIComponent(m.account_id)}`, m.account_id)), h('td', {}, m.role), h('td', { class: 'num' }, fmtScore(m.score)),
        h('td', {}, band(m.band)), h('td', { class: 'num' }, m.age_days ?? '–'), h('td', { class: 'num' }, m.events), h('td', { class: 'num' }, m.targets),
        h('td', { class: 'num' }, m.shared_targets), h('td', { class: 'reasons' }, m.reasons.slice(0, 3).join('; ')))))),
      h('p', { class: 'muted' }, `First active ${fmtTime(c.first_activity)}, last ${fmtTime(c.last_activity)}.`)));
  drawGraph(graphBox, page.graph, 'cluster', node => {
    location.hash = node.kind === 'account' ? `#/account/${encodeURIComponent(node.label)}` : `#/pivot/${node.id}`;
  });
  try {
    const activity = await get<Activity>(`/clusters/${encodeURIComponent(id)}/activity`);
    drawActivity(activityBox, activity, i => { location.hash = `#/pivot/${activity.targets[i].id}`; });
  } catch (err) {
    activityBox.replaceChildren(h('p', { class: 'error' }, (err as Error).message));
  }
}
