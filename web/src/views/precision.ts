import { get } from '../api';
import { h, section } from '../dom';
import type { Precision } from '../types';

const pct = (x: number | null) => x === null ? '–' : `${(x * 100).toFixed(1)}%`;

/**
 * Measured precision per band (from the random slice's decisions, 95% Wilson intervals) and the enforcement what-if:
 * at a threshold, how many accounts would be actioned and at what expected precision.
 */
export async function precisionSection(threshold: string | null): Promise<HTMLElement> {
  const precision = await get<Precision>('/precision' + (threshold ? `?threshold=${encodeURIComponent(threshold)}` : ''));
  const input = h('input', { type: 'number', min: 0, max: 1, step: 0.01, name: 'threshold', id: 'what-if-threshold', class: 'narrow', value: threshold ?? '' });
  const form = h('form', { class: 'toolbar', id: 'what-if-form' }, 'Enforce at score ≥ ', input, ' ', h('button', { type: 'submit' }, 'What if'));
  form.addEventListener('submit', e => { e.preventDefault(); location.hash = input.value ? `#/review?threshold=${encodeURIComponent(input.value)}` : '#/review'; });
  return section('Measured precision',
    h('table', { class: 'grid', id: 'precision' },
      h('thead', {}, h('tr', {}, ...['Band', 'From score', 'Accounts', 'Decided (random slice)', 'Abusive', 'Precision', '95% interval'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...precision.bands.map(b => h('tr', { 'data-band': b.band },
        h('td', {}, b.band), h('td', { class: 'num' }, b.minimum.toFixed(2)), h('td', { class: 'num' }, b.accounts), h('td', { class: 'num' }, b.decided),
        h('td', { class: 'num' }, b.abusive), h('td', { class: 'num' }, pct(b.precision)),
        h('td', { class: 'num' }, b.precision === null ? '–' : `${pct(b.lower)} – ${pct(b.upper)}`))))),
    form,
    h('table', { class: 'grid', id: 'what-if' },
      h('thead', {}, h('tr', {}, ...['Threshold', 'Accounts actioned', 'Evidence (decisions)', 'Expected precision', '95% interval'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...precision.what_if.map(w => h('tr', {},
        h('td', { class: 'num' }, w.threshold.toFixed(2)), h('td', { class: 'num' }, w.actioned), h('td', { class: 'num' }, w.decided),
        h('td', { class: 'num' }, pct(w.precision)), h('td', { class: 'num' }, w.precision === null ? '–' : `${pct(w.lower)} – ${pct(w.upper)}`))))));
}
