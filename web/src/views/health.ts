import { get } from '../api';
import { h, link, section } from '../dom';
import type { Health } from '../types';

const fixed = (x: number | null, digits = 3) => x === null ? '–' : x.toFixed(digits);

/**
 * Model health of the published run: each model input's and the scores' population stability index against the
 * reference run (0.1 look, 0.25 act; bootstrapped thresholds for windows under 1,000 rows), the clusters against the reference's, and how labels are arriving.
 */
export async function healthView(main: HTMLElement): Promise<void> {
  const health = await get<Health>('/health');
  const d = health.drift;
  if (!d) {
    main.replaceChildren(h('h1', {}, `Model health · run ${health.run_id}`), h('p', { id: 'no-drift' }, 'This run has no drift measures (its pipeline ran before the drift stage existed).'));
    return;
  }
  const shifted = d.measures.filter(m => m.level === 'shift').length;
  const moderate = d.measures.filter(m => m.level === 'moderate').length;
  const bootstrapped = d.measures.some(m => m.shift_at !== null && m.shift_at > 0.25);
  const thresholds = (m: { moderate_at: number | null; shift_at: number | null }) => m.moderate_at === null || m.shift_at === null ? '–' : `${fixed(m.moderate_at)} / ${fixed(m.shift_at)}`;
  main.replaceChildren(
    h('h1', {}, `Model health · run ${health.run_id}`, h('span', { class: 'muted' }, d.reference_run_id === null ? ' · no reference yet (first run)' : ` vs reference run ${d.reference_run_id} (${d.reference_rows ?? 0} rows)`)),
    h('p', { id: 'drift-summary' }, `${shifted} shifted (PSI > 0.25), ${moderate} moderate (0.1–0.25), ${d.measures.length - shifted - moderate} stable or unjudged.`,
      bootstrapped ? ` Windows under 1,000 rows: judged at bootstrapped thresholds (shown per variable), above which two samples of one population rarely differ.` : ''),
    section('Clusters and labels', h('table', { class: 'grid', id: 'health-facts' }, h('tbody', {},
      h('tr', {}, h('th', {}, 'Clusters'), h('td', { class: 'num' }, d.clusters), h('td', { class: 'muted' }, d.reference_clusters === null ? '' : `reference ${d.reference_clusters}`)),
      h('tr', {}, h('th', {}, 'Mean cluster size'), h('td', { class: 'num' }, fixed(d.mean_cluster_size, 1)), h('td', { class: 'muted' }, d.reference_mean_cluster_size === null ? '' : `reference ${fixed(d.reference_mean_cluster_size, 1)}`)),
      h('tr', {}, h('th', {}, 'Analyst labels since the reference'), h('td', { class: 'num' }, d.labels_since_reference), h('td', {})),
      h('tr', {}, h('th', {}, 'Previous review queue decided'), h('td', { class: 'num' }, `${d.queue_decided} of ${d.queue_items}`), h('td', {}, link('#/review', 'review queue')))))),
    section('Population stability', h('table', { class: 'grid', id: 'psi' },
      h('thead', {}, h('tr', {}, ...['Variable', 'PSI', 'Level', 'Moderate / shift from'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...d.measures.map(m => h('tr', { 'data-variable': m.variable, 'data-level': m.level, class: `psi-${m.level}` },
        h('td', {}, m.variable), h('td', { class: 'num' }, fixed(m.psi)), h('td', {}, m.level), h('td', { class: 'num' }, thresholds(m))))))));
}
