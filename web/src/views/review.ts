import { get } from '../api';
import { band, fmtScore, h, link } from '../dom';
import type { ReviewItem, ReviewQueue } from '../types';
import { decisionPanel } from './decide';
import { precisionSection } from './precision';

/**
 * The review queue of the published run: what to decide next and why. Uncertain items come first (a cluster item is
 * decided for the whole cluster), then the random slice whose decisions measure each band's precision. "Decide" opens
 * the usual decision form (preview, reason, confirm) for the item.
 */
export async function reviewView(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const queue = await get<ReviewQueue>('/review');
  const precision = await precisionSection(params.get('threshold'));
  const form = h('div', { id: 'review-decision' });
  const open = (item: ReviewItem) => {
    const subject = item.cluster_id !== null ? { cluster_id: item.cluster_id } : { account_id: item.account_id };
    form.replaceChildren(h('p', {}, `Item ${item.position}: `, item.why), decisionPanel(subject, () => void reviewView(main, params)));
    form.scrollIntoView();
  };
  const subject = (item: ReviewItem) => item.cluster_id !== null
    ? h('span', {}, link(`#/cluster/${item.cluster_id}`, `cluster ${item.cluster_id}`), h('span', { class: 'muted' }, ` (${item.cluster_size ?? '?'} members, via ${item.account_id})`))
    : link(`#/account/${encodeURIComponent(item.account_id)}`, item.account_id);
  main.replaceChildren(
    h('h1', {}, `Review queue · run ${queue.run_id}`, h('span', { class: 'muted' }, ` ${queue.decided} of ${queue.total} decided`)),
    h('p', { class: 'muted' }, 'Uncertain: scores nearest a band boundary, one account per cluster. Random: drawn within each band, so their decisions estimate its precision.'),
    h('table', { id: 'review', class: 'grid' },
      h('thead', {}, h('tr', {}, ...['#', 'Kind', 'Subject', 'Score', 'Band', 'Why', 'Decision', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, ...queue.items.map(item => h('tr', { 'data-position': item.position, 'data-kind': item.kind, class: item.decision ? 'decided' : '' },
        h('td', { class: 'num' }, item.position), h('td', {}, item.kind), h('td', {}, subject(item)), h('td', { class: 'num' }, fmtScore(item.score)),
        h('td', {}, band(item.band)), h('td', { class: 'reasons' }, item.why),
        h('td', {}, item.decision ? `${item.decision} (${item.decided_by})` : ''),
        h('td', {}, h('button', { type: 'button', class: 'review-decide', onclick: () => open(item) }, 'Decide')))))),
    form,
    precision);
}
