import { ApiError, post, setSession, type Session } from '../api';
import { h } from '../dom';

/** The sign-in form: an analyst key in, an HttpOnly session cookie out (the key is not kept by the page). */
export function signInView(main: HTMLElement, message: string, done: () => void): void {
  const key = h('input', { type: 'password', id: 'key', name: 'key', autocomplete: 'off', placeholder: 'gg_xxxxxxxx_…', size: 60, required: true });
  const error = h('p', { class: 'error', id: 'sign-in-error', role: 'alert' }, message);
  const form = h('form', { id: 'sign-in', class: 'card' },
    h('h1', {}, 'GraphGuard workspace'),
    h('p', {}, 'Sign in with an analyst key (scope clusters:read; labels:write to decide). Create one with ',
      h('code', {}, 'graphguard keys create --name you --scope clusters:read --scope labels:write'), '.'),
    h('label', { for: 'key' }, 'API key '), key, ' ', h('button', { type: 'submit' }, 'Sign in'), error);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      setSession(await post<Session>('/sign-in', { key: key.value }));
      key.value = '';
      done();
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : String(err);
    }
  });
  main.replaceChildren(form);
  key.focus();
}
