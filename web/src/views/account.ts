import { get, post } from '../api';
import { band, fmtScore, fmtTime, h, link, section } from '../dom';
import { drawGraph } from '../graph';
import type { AccountPage, Decision, Neighborhood } from '../types';
import { decisionPanel } from './decide';

/** An account: risk and reasons, clusters, neighbourhood by relation (1 or 2 hops), recent events, labels and decisions. */
export async function accountView(main: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const page = await get<AccountPage>(`/accounts/${encodeURIComponent(id)}`);
  const hops = params.get('hops') === '2' ? 2 : 1;
  const relations = params.get('rel') ?? '';
  const graphBox = h('div', { class: 'graph', id: 'neighborhood-graph' });
  const relationBox = h('div', { class: 'toolbar', id: 'relations' });
  const pathTo = h('input', { name: 'to', placeholder: 'another account id', size: 24 });
  main.replaceChildren(
    h('h1', {}, `Account ${page.account_id} `, band(page.band), ' ', h('span', { class: 'muted' }, `score ${fmtScore(page.score)} · run ${page.run_id} · ${page.model_version}`)),
    h('p', {}, page.age_days !== null ? `Created ${page.age_days} days before the window's end` : 'Creation time unknown', page.country ? ` · ${page.country}` : ''),
    section('Why this score', reasonChart(page.reasons, page.reason_contributions, page.margin)),
    section('Clusters', page.clusters.length === 0 ? h('p', { class: 'muted' }, 'In no cluster of the published run.')
      : h('ul', {}, ...page.clusters.map(c => h('li', {}, link(`#/cluster/${c.id}`, `cluster ${c.id}`), ` · ${c.role} · score ${fmtScore(c.score)} · ${c.detectors.join(', ')}`)))),
    decisionPanel({ account_id: page.account_id }, () => void accountView(main, id, params)),
    section('How is it connected to…', h('form', { id: 'path-form', onsubmit: (e: Event) => { e.preventDefault(); location.hash = `#/paths?from=${encodeURIComponent(page.account_id)}&to=${encodeURIComponent(pathTo.value.trim())}`; } },
      pathTo, ' ', h('button', { type: 'submit' }, 'Find paths'))),
    section(`Neighbourhood (${hops} hop${hops === 2 ? 's' : ''})`, h('div', { class: 'toolbar' },
      link(hashWith(id, params, { hops: hops === 2 ? '1' : '2' }), hops === 2 ? 'Show 1 hop' : 'Expand to 2 hops'), relationBox), graphBox),
    section('Recent events', h('table', { class: 'grid', id: 'events' },
      h('thead', {}, h('tr', {}, ...['When', 'Way', 'Action', 'Other end'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...page.recent_events.map(e => h('tr', {}, h('td', {}, fmtTime(e.at)), h('td', {}, e.direction), h('td', {}, e.action),
        h('td', {}, e.other.kind === 'account' ? link(`#/account/${encodeURIComponent(e.other.label)}`, e.other.label) : link(`#/pivot/${e.other.id}`, `${e.other.kind} ${e.other.label}`))))))),
    section('Labels', page.labels.length === 0 ? h('p', { class: 'muted' }, 'No labels.')
      : h('ul', { id: 'labels' }, ...page.labels.map(l => h('li', {}, `${l.label} · ${l.source} · ${fmtTime(l.at)}`)))),
    section('Decisions', decisionTable(page.decisions, () => void accountView(main, id, params))));
  const hood = await get<Neighborhood>(`/accounts/${encodeURIComponent(id)}/neighborhood?hops=${hops}` + (relations ? `&relations=${encodeURIComponent(relations)}` : ''));
  const chosen = new Set(relations.split(',').filter(Boolean));
  relationBox.replaceChildren('Relations: ', ...hood.relations.map(r => {
    const box = h('input', { type: 'checkbox', value: r, checked: chosen.size === 0 || chosen.has(r) });
    box.addEventListener('change', () => {
      const picked = [...relationBox.querySelectorAll('input')].filter(i => (i as HTMLInputElement).checked).map(i => (i as HTMLInputElement).value);
      location.hash = hashWith(id, params, { rel: picked.length === hood.relations.length ? '' : picked.join(',') });
    });
    return h('label', {}, box, r, ' ');
  }), h('span', { class: 'muted' }, `${hood.graph.nodes.length} nodes${hood.graph.truncated ? ' (capped)' : ''}`));
  drawGraph(graphBox, hood.graph, 'radial', node => {
    location.hash = node.kind === 'account' ? `#/account/${encodeURIComponent(node.label)}` : `#/pivot/${node.id}`;
  }, page.id);
}

function hashWith(id: string, params: URLSearchParams, change: Record<string, string>): string {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(change)) if (v) p.set(k, v); else p.delete(k);
  const q = p.toString();
  return `#/account/${encodeURIComponent(id)}${q ? '?' + q : ''}`;
}

/**
 * Reasons as bars, strongest first: each bar is the reason's SHAP contribution to the model's log-odds of abuse,
 * scaled to the strongest, with the number beside it. Runs scored before contributions were kept show rank only.
 */
function reasonChart(reasons: string[], contributions: number[], margin: number | null): HTMLElement {
  if (reasons.length === 0) return h('p', { class: 'muted' }, 'No reasons: the pipeline explains only scores above the lowest band.');
  const sized = contributions.length === reasons.length;
  const top = sized ? Math.max(...contributions.map(Math.abs), 1e-6) : reasons.length;
  const chart = h('ol', { class: 'reasons-chart', id: 'reasons' }, ...reasons.map((r, i) => {
    const size = sized ? contributions[i] : reasons.length - i;
    return h('li', { 'data-contribution': sized ? String(size) : undefined },
      h('meter', { min: 0, max: top, value: Math.max(0, size), title: sized ? `${fmtLogOdds(size)} log-odds` : 'rank only' }),
      ' ', sized ? h('span', { class: 'contribution' }, fmtLogOdds(size)) : '', ' ', r);
  }));
  const note = sized && margin !== null
    ? h('p', { class: 'muted' }, `Bars: how far each reason moved the model's log-odds of abuse (the account's total is ${fmtLogOdds(margin)}).`)
    : h('p', { class: 'muted' }, 'This run kept the reasons\' order, not their sizes: bars show rank only.');
  return h('div', {}, chart, note);
}

function fmtLogOdds(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

export function decisionTable(decisions: Decision[], changed: () => void): HTMLElement {
  if (decisions.length === 0) return h('p', { class: 'muted' }, 'No decisions yet.');
  return h('table', { class: 'grid', id: 'decisions' },
    h('thead', {}, h('tr', {}, ...['#', 'When', 'Who', 'Decision', 'On', 'Reason', 'Model', 'Reasons shown', ''].map(t => h('th', {}, t)))),
    h('tbody', {}, ...decisions.map(d => h('tr', { class: d.undone_at ? 'undone' : '' },
      h('td', {}, String(d.batch_id)), h('td', {}, fmtTime(d.decided_at)), h('td', {}, d.author), h('td', {}, d.label),
      h('td', {}, d.cluster_id !== null ? link(`#/cluster/${d.cluster_id}`, `cluster ${d.cluster_id} (${d.accounts})`) : link(`#/account/${encodeURIComponent(d.first_account)}`, d.first_account)),
      h('td', {}, d.reason), h('td', { class: 'muted' }, d.model_version ?? '–'), h('td', { class: 'reasons' }, d.reasons_shown.slice(0, 2).join('; ')),
      h('td', {}, d.undone_at ? `undone by ${d.undone_by}` : h('button', { type: 'button', class: 'undo', onclick: async () => { await post(`/decisions/${d.batch_id}/undo`); changed(); } }, 'Undo'))))));
}
