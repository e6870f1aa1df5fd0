// The analyst workspace: a hash router over the views. Every view is a URL (#/cluster/12, #/queue?trend=new, ...),
// so a link shared with a colleague opens the same view once they sign in.
import { ApiError, currentSession, get, post, setSession, whenSignedOut, type Session } from './api';
import { h, link } from './dom';
import { killGraphs } from './graph';
import { accountView } from './views/account';
import { clusterView } from './views/cluster';
import { auditView, pathsView, pivotView } from './views/other';
import { healthView } from './views/health';
import { modelView, modelsView } from './views/models';
import { queueView } from './views/queue';
import { reviewView } from './views/review';
import { signInView } from './views/signin';

const main = document.getElementById('app')!;
const top = document.getElementById('top')!;

function header(): void {
  const session = currentSession();
  top.replaceChildren(h('nav', {},
    h('strong', {}, 'GraphGuard'), ' ', link('#/queue', 'Queue'), ' ', link('#/review', 'Review'), ' ', link('#/health', 'Model health'), ' ', link('#/models', 'Models'), ' ', link('#/paths', 'Paths'), ' ', link('#/audit', 'Decisions'),
    session ? h('span', { class: 'who' }, `${session.author}${session.can_decide ? '' : ' (read only)'} · run ${session.run_id ?? '–'} `,
      h('button', { type: 'button', id: 'sign-out', onclick: async () => { await post('/sign-out'); setSession(null); route(); } }, 'Sign out')) : null));
}

async function route(): Promise<void> {
  killGraphs();
  if (!currentSession()) {
    try {
      setSession(await get<Session>('/session'));
    } catch (err) {
      header();
      signInView(main, err instanceof ApiError && err.status !== 401 ? err.message : '', () => void route());
      return;
    }
  }
  header();
  const [path, query] = (location.hash.replace(/^#/, '') || '/queue').split('?', 2);
  const params = new URLSearchParams(query ?? '');
  const [, view, arg] = path.split('/').map(decodeURIComponent);
  main.dataset.view = view;
  main.dataset.loaded = 'no';
  // Each navigation renders into its own container: a slow view that finishes after the analyst moved on (say, an
  // account page refreshing after a decision) then fills a detached element instead of overwriting the new view.
  const page = h('div', { class: 'view' });
  main.replaceChildren(page);
  try {
    switch (view) {
      case 'cluster': await clusterView(page, arg); break;
      case 'account': await accountView(page, arg, params); break;
      case 'pivot': await pivotView(page, arg); break;
      case 'paths': await pathsView(page, params); break;
      case 'audit': await auditView(page); break;
      case 'review': await reviewView(page, params); break;
      case 'health': await healthView(page); break;
      case 'models': await (arg ? modelView(page, arg) : modelsView(page)); break;
      default: await queueView(page, params);
    }
  } catch (err) {
    if (!currentSession()) return;  // the session ended: whenSignedOut showed the sign-in form
    page.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, (err as Error).message), link('#/queue', 'Back to the queue'));
  }
  if (page.isConnected) main.dataset.loaded = 'yes';
}

whenSignedOut(() => { header(); signInView(main, 'Your session has ended: sign in again.', () => void route()); });
window.addEventListener('hashchange', () => void route());
void route();
