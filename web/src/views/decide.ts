import { ApiError, currentSession, post } from '../api';
import { h } from '../dom';
import type { Preview } from '../types';

/**
 * The decision form for an account or a whole cluster: a label, a required reason, and first a preview of how many
 * accounts it covers (and how many carry a decision already); the decision is made only after the preview.
 */
export function decisionPanel(subject: { account_id: string } | { cluster_id: number }, done: () => void): HTMLElement {
  const session = currentSession();
  if (!session?.can_decide) {
    return h('p', { class: 'muted' }, 'This key may read but not decide (deciding needs labels:write).');
  }
  const label = h('select', { name: 'label', id: 'decision-label' }, ...['abusive', 'benign', 'escalate'].map(l => h('option', { value: l }, l)));
  const reason = h('textarea', { name: 'reason', id: 'decision-reason', rows: 2, cols: 60, placeholder: 'Why (required): what you saw, for the audit trail' });
  const status = h('p', { id: 'decision-status', role: 'status' });
  const confirm = h('button', { type: 'button', id: 'decision-confirm', disabled: true }, 'Confirm decision');
  const previewButton = h('button', { type: 'button', id: 'decision-preview' }, 'Preview');
  previewButton.addEventListener('click', async () => {
    try {
      const preview = await post<Preview>('/decisions/preview', subject);
      status.textContent = `This decision covers ${preview.accounts} account${preview.accounts === 1 ? '' : 's'}`
        + (preview.already_decided ? `, ${preview.already_decided} already decided` : '') + ` (${preview.sample.join(', ')}${preview.accounts > preview.sample.length ? ', …' : ''}).`;
      confirm.disabled = false;
    } catch (err) { status.textContent = (err as Error).message; }
  });
  confirm.addEventListener('click', async () => {
    if (!reason.value.trim()) { status.textContent = 'A reason is required.'; reason.focus(); return; }
    try {
      const result = await post<{ batch_id: number; accounts: number; label: string }>('/decisions', { ...subject, label: label.value, reason: reason.value });
      status.textContent = `Decision ${result.batch_id}: ${result.label} on ${result.accounts} account(s) recorded.`;
      confirm.disabled = true;
      done();
    } catch (err) { status.textContent = err instanceof ApiError ? err.message : String(err); }
  });
  return h('form', { class: 'card decision', id: 'decision' }, h('h3', {}, 'cluster_id' in subject ? 'Decide on the whole cluster' : 'Decide on this account'),
    h('label', {}, 'Label ', label), ' ', reason, h('div', {}, previewButton, ' ', confirm), status);
}
