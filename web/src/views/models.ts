import { get } from '../api';
import { fmtTime, h, link, section } from '../dom';
import type { ModelRegistry, ModelRelease, RegisteredModel } from '../types';

const fixed = (x: number | null | undefined, digits = 3) => x === null || x === undefined ? '–' : x.toFixed(digits);

/** A model's release decision in a word: the first model, released (judged or not), or refused. */
function decision(release: ModelRelease | null): string {
  if (!release) return 'not judged (trained outside the pipeline)';
  if (!release.released) return 'refused';
  return release.champion === null ? 'released (first model)' : release.reason.startsWith('released unjudged') ? 'released unjudged' : 'released';
}

/** Challenger against champion on the held-out reviewed labels, when the stage compared them. */
function versus(release: ModelRelease | null): string {
  if (!release || release.champion === null || release.challenger_auprc === null) return '–';
  return `AUPRC ${fixed(release.challenger_auprc)} vs ${fixed(release.champion_auprc)}, precision ${fixed(release.challenger_precision)} vs ${fixed(release.champion_precision)} on ${release.labels} labels`;
}

/**
 * The model registry: every risk model, newest first, which one serves (the published run's), and each one's
 * champion-and-challenger decision: released, or refused and why, with both models' measures on the held-out reviewed labels.
 */
export async function modelsView(main: HTMLElement): Promise<void> {
  const registry = await get<ModelRegistry>('/models');
  main.replaceChildren(
    h('h1', {}, 'Model registry', h('span', { class: 'muted' }, ` · ${registry.models.length} models, serving ${registry.serving ?? 'none'}`)),
    h('p', { class: 'muted' }, 'A retrained model (the challenger) serves only if, on reviewed labels it never trained on, it is not worse than the serving model (the champion); otherwise the run publishes the champion\'s scores.'),
    h('table', { class: 'grid', id: 'models' },
      h('thead', {}, h('tr', {}, ...['Version', 'Trained by run', 'Created', 'Serves', 'Decision', 'Held-out AUPRC (training)', 'Challenger vs champion', 'Why'].map(t => h('th', {}, t)))),
      h('tbody', {}, ...registry.models.map(m => h('tr', { 'data-version': m.version, 'data-serving': m.serving ? 'yes' : 'no', 'data-decision': decision(m.release), class: m.serving ? 'serving' : '' },
        h('td', {}, link(`#/models/${encodeURIComponent(m.version)}`, m.version)), h('td', { class: 'num' }, m.run_id ?? '–'), h('td', {}, fmtTime(m.created_at)),
        h('td', {}, m.serving ? 'serving' : ''), h('td', {}, decision(m.release)), h('td', { class: 'num' }, fixed(m.summary.held_out?.auprc)),
        h('td', {}, versus(m.release)), h('td', { class: 'reasons' }, m.release?.reason ?? ''))))));
}

/** One model: its release decision with both models' measures, its training summary and its model card. */
export async function modelView(main: HTMLElement, version: string): Promise<void> {
  const m = await get<RegisteredModel>(`/models/${encodeURIComponent(version)}`);
  const s = m.summary;
  const r = m.release;
  const rows: [string, string | number][] = [
    ['Trained by run', m.run_id ?? '–'], ['Created', fmtTime(m.created_at)], ['Serves', m.serving ? 'yes: the published run scores with it' : 'no'],
    ['Accounts', s.accounts ?? '–'], ['Training labels', `${s.labeled_abusive ?? '–'} abusive, ${s.labeled_benign ?? '–'} benign`],
    ['Held-out AUROC / AUPRC (training split)', `${fixed(s.held_out?.auroc)} / ${fixed(s.held_out?.auprc)}`], ['Boosting rounds', s.rounds_run ?? '–'], ['Calibration', s.calibration ?? '–'],
  ];
  main.replaceChildren(
    h('h1', {}, `Model ${m.version}`, h('span', { class: 'muted' }, m.serving ? ' · serving' : ''), ' ', link('#/models', 'all models')),
    section('Release decision', r === null ? h('p', { id: 'release-reason' }, 'No release decision: trained outside the pipeline.') : h('div', {},
      h('p', { id: 'release-reason', 'data-released': r.released ? 'yes' : 'no' }, r.reason),
      h('table', { class: 'grid', id: 'release' },
        h('thead', {}, h('tr', {}, ...['', 'AUPRC', 'Precision in the enforcement bands'].map(t => h('th', {}, t)))),
        h('tbody', {},
          h('tr', {}, h('th', {}, `Challenger (this model)`), h('td', { class: 'num' }, fixed(r.challenger_auprc)), h('td', { class: 'num' }, fixed(r.challenger_precision))),
          h('tr', {}, h('th', {}, `Champion ${r.champion ?? '(none)'}`), h('td', { class: 'num' }, fixed(r.champion_auprc)), h('td', { class: 'num' }, fixed(r.champion_precision))))),
      h('p', { class: 'muted' }, `Run ${r.run_id}, ${fmtTime(r.decided_at)}: ${r.labels} held-out reviewed labels, tolerance ${r.tolerance}.`))),
    section('Training', h('table', { class: 'grid', id: 'model-summary' }, h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)))))),
    section('Model card', m.card === null ? h('p', { class: 'muted' }, 'This model has no card.') : h('pre', { id: 'model-card', class: 'card' }, m.card)));
}
