import { get } from '../api';
import { fmtScore, fmtTime, h, link } from '../dom';
import type { Queue } from '../types';

/** The cluster queue: filters and order live in the URL, so a filtered queue is a link; j/k or arrows move, Enter opens. */
export async function queueView(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const query = new URLSearchParams();
  for (const name of ['sort', 'detector', 'trend', 'decided', 'min_size']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const queue = await get<Queue>('/queue?' + query.toString());
  const select = (name: string, options: string[], label: string) => h('label', {}, label + ' ',
    h('select', { name, onchange: (e: Event) => { const p = new URLSearchParams(params); const v = (e.target as HTMLSelectElement).value; if (v) p.set(name, v); else p.delete(name); location.hash = '#/queue?' + p.toString(); } },
      ...options.map(o => { const opt = h('option', { value: o }, o || 'any'); opt.selected = (params.get(name) ?? '') === o; return opt; })));
  const minSize = h('input', { type: 'number', min: 0, name: 'min_size', class: 'narrow', value: params.get('min_size') ?? '' });
  minSize.addEventListener('change', () => { const p = new URLSearchParams(params); if (minSize.value) p.set('min_size', minSize.value); else p.delete('min_size'); location.hash = '#/queue?' + p.toString(); });
  const rows = queue.clusters.map((c, i) => h('tr', { tabindex: 0, 'data-index': i, 'data-cluster': c.id, class: c.decided ? 'decided' : '' },
    h('td', {}, link(`#/cluster/${c.id}`, String(c.id))),
    h('td', { class: 'num' }, fmtScore(c.score)),
    h('td', { class: 'num' }, String(c.size), h('span', { class: 'muted' }, ` (${c.core_size} core)`)),
    h('td', {}, h('span', { class: `trend trend-${c.trend}` }, c.trend), c.previous_size !== null && c.trend !== 'steady' ? h('span', { class: 'muted' }, ` was ${c.previous_size}`) : null),
    h('td', {}, c.detectors.join(', ')),
    h('td', {}, c.decided ? 'decided' : ''),
    h('td', { class: 'headline' }, c.headline),
    h('td', { class: 'muted' }, fmtTime(c.last_activity))));
  const body = h('tbody', {}, ...rows);
  main.replaceChildren(
    h('h1', {}, `Cluster queue · run ${queue.run_id}`, queue.previous_run_id ? h('span', { class: 'muted' }, ` vs run ${queue.previous_run_id}`) : null),
    h('div', { class: 'toolbar', id: 'filters' },
      select('sort', ['', 'size', 'recent'], 'Order (score by default)'), select('detector', ['', ...queue.detectors], 'Detector'),
      select('trend', ['', 'new', 'growing', 'shrinking', 'steady'], 'Trend'), select('decided', ['', 'no', 'yes'], 'Decided'),
      h('label', {}, 'Min size ', minSize), h('span', { class: 'muted' }, `${queue.total} clusters · j/k or ↑/↓ to move, Enter to open`)),
    h('table', { id: 'queue', class: 'grid' },
      h('thead', {}, h('tr', {}, ...['Cluster', 'Score', 'Size', 'Trend', 'Detectors', 'Decision', 'Headline', 'Last active'].map(t => h('th', {}, t)))), body));
  let current = 0;
  const focus = (i: number) => { if (rows.length === 0) return; current = Math.max(0, Math.min(rows.length - 1, i)); rows[current].focus(); };
  body.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown' || e.key === 'j') { e.preventDefault(); focus(current + 1); }
    else if (e.key === 'ArrowUp' || e.key === 'k') { e.preventDefault(); focus(current - 1); }
    else if (e.key === 'Enter') { location.hash = `#/cluster/${rows[current].dataset.cluster}`; }
  });
  body.addEventListener('focusin', e => { const i = (e.target as HTMLElement).closest('tr')?.dataset.index; if (i) current = Number(i); });
  focus(0);
}
