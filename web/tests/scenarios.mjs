// The workspace's browser scenarios. Each gets a fresh page and the args the NUnit test sends (base URL, keys,
// ids it read from the database), drives the real UI, and returns what the test checks further.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A screenshot for docs/workspace.md, of the page's top unless the caller scrolled to what it shows. */
async function shot(page, args, name, { keepScroll = false } = {}) {
  if (!args.shots) return;
  if (!keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(args.shots, { recursive: true });
  await page.screenshot({ path: join(args.shots, `${name}.png`) });
}

async function signIn(page, args, key = args.analystKey) {
  await page.goto(args.baseUrl + (args.hash ?? '/'));
  await page.fill('#key', key);
  await page.click('#sign-in button[type=submit]');
}

/** Sign in and wait until the session is there, before going to another URL (a navigation would cancel the sign-in). */
async function signedIn(page, args, key = args.analystKey) {
  await signIn(page, args, key);
  await page.waitForSelector('#sign-out');
}

async function loaded(page) {
  await page.waitForSelector('main[data-loaded=yes]');
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Usable at 1280×800: the view needs no sideways scrolling (the contexts are 1280 wide). */
async function fits(page, view) {
  const [width, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(width <= inner, `the ${view} view is ${width} px wide in a ${inner} px window`);
}

export const scenarios = {
  /** Sign in, the queue lists the run's clusters, keyboard moves through it and Enter opens one; a shared URL keeps its filters. */
  async queue(page, args) {
    await signIn(page, args);
    await page.waitForSelector('#queue tbody tr');
    await loaded(page);
    const rows = await page.locator('#queue tbody tr').count();
    const cookies = await page.context().cookies();
    const session = cookies.find(c => c.name === 'gg_session');
    expect(session && session.httpOnly && session.sameSite === 'Strict' && session.expires > 0, `session cookie flags: ${JSON.stringify(session)}`);
    expect(!(await page.evaluate(() => document.cookie)).includes('gg_session'), 'the page script can read the session cookie');
    await fits(page, 'queue');
    const headlines = await page.locator('#queue tbody td.headline').allTextContents();
    expect(headlines.length === rows && headlines.every(t => t.trim().length > 0), 'a queue row without its headline');
    await shot(page, args, 'queue');
    await page.keyboard.press('j');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-cluster'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence li');
    expect(page.url().endsWith(`#/cluster/${second}`), `Enter opened ${page.url()}, not cluster ${second}`);
    await page.goto(`${args.baseUrl}/#/queue?sort=size&trend=new`);
    await loaded(page);
    const sort = await page.locator('select[name=sort]').inputValue();
    const sizes = (await page.locator('#queue tbody tr td:nth-child(3)').allTextContents()).map(t => parseInt(t, 10));
    expect(sizes.every((size, i) => i === 0 || sizes[i - 1] >= size), `sort=size is not largest first: ${sizes}`);
    const trends = await page.locator('#queue tbody tr .trend').allTextContents();
    expect(trends.every(t => t === 'new'), `trend=new listed ${trends}`);
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in');
    const cookieAfter = (await page.context().cookies()).some(c => c.name === 'gg_session');
    const afterSignOut = await page.evaluate(async () => (await fetch('/workspace/api/queue')).status);
    return { rows, second: Number(second), sortKept: sort, newRows: trends.length, cookieAfter, afterSignOut };
  },

  /** Queue → cluster → account → decision with a reason → audit, then undo from the audit page. */
  async roundTrip(page, args) {
    await signIn(page, args);
    await page.waitForSelector('#queue tbody tr');
    await page.click(`#queue a[href="#/cluster/${args.clusterId}"]`);
    await page.waitForSelector('#members tbody tr');
    await page.waitForSelector('#activity canvas.raster');
    const graph = await page.waitForSelector('#cluster-graph[data-ready]');
    const webgl = await graph.getAttribute('data-ready');
    await loaded(page);
    await fits(page, 'cluster');
    const evidence = await page.locator('#evidence li').allTextContents();
    const member = await page.locator('#members tbody tr').first().locator('td').allTextContents();
    const keyFeatures = await page.locator('#members th.key-feature').allTextContents();
    await shot(page, args, 'cluster');
    await page.locator('#activity').scrollIntoViewIfNeeded();
    await shot(page, args, 'cluster-synchrony', { keepScroll: true });
    // Zoom: drag across the middle of the raster, then double-click back out.
    const caption = page.locator('#activity .toolbar p');
    const whole = await caption.textContent();
    const box = await page.locator('#activity canvas.raster').boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const zoomed = await caption.textContent();
    await page.locator('#activity canvas.histogram').dblclick();
    const unzoomed = await caption.textContent();
    const histogram = await page.locator('#activity canvas.histogram').count();
    const account = await page.locator('#members tbody tr a').first().textContent();
    await page.click(`#members a[href="#/account/${account}"]`);
    await page.waitForSelector('#decision');
    await loaded(page);
    await page.waitForSelector('#neighborhood-graph[data-ready]');
    await fits(page, 'account');
    await shot(page, args, 'account');
    const contributions = (await page.locator('#reasons li').evaluateAll(items => items.map(li => li.dataset.contribution ?? null)));
    await page.selectOption('#decision-label', 'abusive');
    expect(await page.locator('#decision-confirm').isDisabled(), 'a decision can be confirmed before its preview');
    await page.click('#decision-preview');
    await page.waitForSelector('#decision-status:has-text("covers 1 account")');
    await page.click('#decision-confirm');
    await page.waitForSelector('#decision-status:has-text("A reason is required")');
    await page.fill('#decision-reason', args.reason);
    await page.click('#decision-confirm');
    await page.waitForSelector('#decisions tbody tr');
    await page.waitForSelector('#labels li:has-text("abusive · analyst")');
    await page.click('nav a[href="#/audit"]');
    // The account page has a #decisions table too: wait for the audit view itself before reading its first row.
    await page.waitForSelector('main h1:has-text("Decisions")');
    await loaded(page);
    await page.waitForSelector(`#decisions td:has-text("${args.reason}")`);
    await fits(page, 'audit');
    await shot(page, args, 'audit');
    const batch = Number(await page.locator('#decisions tbody tr td').first().textContent());
    await page.click('#decisions button.undo');
    await page.waitForSelector('#decisions tr.undone');
    return { account, webgl, batch, contributions, evidence, member, keyFeatures, zoom: { whole, zoomed, unzoomed }, histogram };
  },

  /** Click a shared target in the raster's legend: every account on it in the window. */
  async pivot(page, args) {
    await signedIn(page, args, args.analystKey);
    await page.goto(`${args.baseUrl}/#/cluster/${args.clusterId}`);
    await page.waitForSelector('#activity .legend .chip');
    const chip = (await page.locator('#activity .legend .chip').first().textContent()).trim();
    await page.locator('#activity .legend .chip').first().click();
    await page.waitForSelector('#pivot tbody tr');
    await loaded(page);
    await fits(page, 'pivot');
    await shot(page, args, 'pivot');
    const accounts = await page.locator('#pivot tbody tr td:first-child').allTextContents();
    return { target: chip, url: page.url(), accounts };
  },

  /** How are two accounts connected: the path form on an account page, paths listed and drawn. */
  async paths(page, args) {
    await signedIn(page, args);
    await page.goto(`${args.baseUrl}/#/account/${args.from}`);
    await page.waitForSelector('#path-form');
    await page.fill('#path-form input[name=to]', args.to);
    await page.click('#path-form button');
    await page.waitForSelector('#paths li, #no-path');
    await page.waitForSelector('#paths-graph[data-ready]');
    await loaded(page);
    await fits(page, 'paths');
    await shot(page, args, 'paths');
    const paths = await page.locator('#paths li').allTextContents();
    // The URL shared with a colleague who is not signed in: after sign-in it opens the same paths.
    const colleague = await page.context().browser().newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await colleague.newPage();
      await signIn(other, { ...args, hash: '/' + new URL(page.url()).hash });
      await other.waitForSelector('#paths li, #no-path');
      const shared = await other.locator('#paths li').allTextContents();
      return { url: page.url(), paths, shared };
    } finally {
      await colleague.close();
    }
  },

  /** An account's neighbourhood: 1 hop, expanded to 2, then filtered to one relation; each is the page's URL, and the graph holds only what was asked for. */
  async neighborhood(page, args) {
    await signedIn(page, args);
    await page.goto(`${args.baseUrl}/#/account/${args.account}`);
    await page.waitForSelector('#neighborhood-graph[data-ready]');
    await loaded(page);
    const count = async () => parseInt(await page.locator('#relations .muted').textContent(), 10);
    // Each change is a new URL and a new render: mark the old relation bar, act, and wait for the new one to fill.
    const rerendered = async action => {
      await page.locator('#relations').evaluate(bar => { bar.dataset.stale = 'yes'; });
      await action();
      await page.waitForSelector('#relations:not([data-stale]) input');
    };
    const one = await count();
    await rerendered(() => page.click('a:has-text("Expand to 2 hops")'));
    const two = await count();
    const relations = await page.locator('#relations input[type=checkbox]').evaluateAll(boxes => boxes.map(b => b.value));
    // Keep the relation with the most edges around the account; untick every other: each click is a new URL.
    const keep = await page.evaluate(async account => {
      const hood = await (await fetch(`/workspace/api/accounts/${encodeURIComponent(account)}/neighborhood?hops=2`)).json();
      const counts = new Map();
      for (const e of hood.graph.edges) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0][0];
    }, args.account);
    for (const other of relations.filter(r => r !== keep)) {
      await rerendered(() => page.locator(`#relations input[value="${other}"]`).click());
    }
    await page.waitForSelector('#neighborhood-graph[data-ready]');
    const url = page.url();
    const filtered = await count();
    const kept = await page.locator('#relations input[type=checkbox]:checked').evaluateAll(boxes => boxes.map(b => b.value));
    const actions = await page.evaluate(async ([account, relation]) => {
      const hood = await (await fetch(`/workspace/api/accounts/${encodeURIComponent(account)}/neighborhood?hops=2&relations=${relation}`)).json();
      return [...new Set(hood.graph.edges.map(e => e.action))];
    }, [args.account, keep]);
    await page.evaluate(() => document.querySelector('#relations').scrollIntoView());
    await shot(page, args, 'neighborhood', { keepScroll: true });
    return { one, two, relations, keep, kept, filtered, actions, url };
  },

  /** A decision on a whole cluster shows how many accounts it covers before it is made. */
  async bulkPreview(page, args) {
    await signedIn(page, args);
    await page.goto(`${args.baseUrl}/#/cluster/${args.clusterId}`);
    await page.waitForSelector('#decision-preview');
    await page.selectOption('#decision-label', 'escalate');
    await page.click('#decision-preview');
    const status = page.locator('#decision-status');
    await page.waitForSelector('#decision-status:has-text("covers")');
    const preview = await status.textContent();
    await shot(page, args, 'bulk-preview');
    await page.fill('#decision-reason', args.reason);
    await page.click('#decision-confirm');
    await page.waitForSelector('h1:has-text("decided")');
    return { preview };
  },

  /** The review queue: every item with why it is there; a random item decided from the page with the usual form. */
  async review(page, args) {
    await signedIn(page, args);
    await page.goto(`${args.baseUrl}/#/review`);
    await page.waitForSelector('#review tbody tr');
    await loaded(page);
    const rows = await page.locator('#review tbody tr').count();
    const kinds = await page.locator('#review tbody tr').evaluateAll(trs => trs.map(tr => tr.getAttribute('data-kind')));
    await shot(page, args, 'review');
    const row = page.locator('#review tbody tr[data-kind=random]').first();
    const position = Number(await row.getAttribute('data-position'));
    await row.locator('button.review-decide').click();
    await page.selectOption('#decision-label', 'benign');
    await page.click('#decision-preview');
    await page.waitForSelector('#decision-status:has-text("covers")');
    await page.fill('#decision-reason', args.reason);
    await page.click('#decision-confirm');
    await page.waitForSelector(`#review tbody tr.decided[data-position="${position}"]`);
    const bands = await page.locator('#precision tbody tr').evaluateAll(trs => trs.map(tr => tr.getAttribute('data-band')));
    await page.goto(`${args.baseUrl}/#/review?threshold=0.5`);
    await page.waitForSelector('#what-if tbody tr');
    await loaded(page);
    const whatIf = await page.locator('#what-if tbody tr td').evaluateAll(tds => tds.map(td => td.textContent));
    await page.goto(`${args.baseUrl}/#/health`);
    await page.waitForSelector('#drift-summary');
    await loaded(page);
    const drift = await page.locator('#drift-summary').textContent();
    await shot(page, args, 'health');
    return { rows, kinds, position, bands, whatIf, drift };
  },

  /** The model registry: every model, which one serves, each release decision; a refused challenger's page says why and shows its card. */
  async models(page, args) {
    await signedIn(page, args);
    await page.click('nav a[href="#/models"]');
    await page.waitForSelector('#models tbody tr');
    await loaded(page);
    const rows = await page.locator('#models tbody tr').evaluateAll(trs => trs.map(tr => ({
      version: tr.getAttribute('data-version'), serving: tr.getAttribute('data-serving') === 'yes', decision: tr.getAttribute('data-decision'),
      why: tr.querySelector('td.reasons')?.textContent ?? '' })));
    await shot(page, args, 'models');
    await page.click(`#models a[href="#/models/${encodeURIComponent(args.challenger)}"]`);
    await page.waitForSelector('#release-reason');
    await loaded(page);
    const reason = await page.locator('#release-reason').textContent();
    const released = await page.locator('#release-reason').getAttribute('data-released');
    const measures = await page.locator('#release tbody td').evaluateAll(tds => tds.map(td => td.textContent));
    const card = await page.locator('#model-card').textContent();
    await shot(page, args, 'model');
    return { rows, reason, released, measures, card, url: page.url() };
  },

  /** Writes without the session's CSRF token, or with a wrong one, are refused; the same write with it passes. */
  async csrf(page, args) {
    await signIn(page, args);
    await page.waitForSelector('#queue');
    return await page.evaluate(async account => {
      const body = JSON.stringify({ account_id: account });
      const post = headers => fetch('/workspace/api/decisions/preview', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
      const session = await (await fetch('/workspace/api/session')).json();
      const none = await post({});
      const wrong = await post({ 'X-CSRF-Token': 'x'.repeat(session.csrf_token.length) });
      const right = await post({ 'X-CSRF-Token': session.csrf_token });
      return { none: none.status, noneDetail: (await none.json()).detail, wrong: wrong.status, right: right.status };
    }, args.account);
  },

  /** A session past its lifetime is over: the next view asks to sign in again and the API says 401. */
  async expiredSession(page, args) {
    await signIn(page, args);
    await page.waitForSelector('#queue');
    await page.waitForTimeout(args.waitMs);
    await page.goto(`${args.baseUrl}/#/cluster/${args.clusterId}`);
    await page.waitForSelector('#sign-in');
    const message = await page.locator('#sign-in-error').textContent();
    const status = await page.evaluate(async () => (await fetch('/workspace/api/queue')).status);
    await shot(page, args, 'session-expired');
    return { message, status };
  },

  /** An enforcement key (risk:read only) cannot open the workspace; a read-only analyst key can look but not decide. */
  async keysWithoutRights(page, args) {
    await signIn(page, args, args.enforcementKey);
    await page.waitForSelector('#sign-in-error:not(:empty)');
    const refused = await page.locator('#sign-in-error').textContent();
    const cookie = (await page.context().cookies()).some(c => c.name === 'gg_session');
    await shot(page, args, 'enforcement-refused');
    await page.fill('#key', args.readerKey);
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('#queue');
    await page.goto(`${args.baseUrl}/#/account/${args.account}`);
    await page.waitForSelector('main[data-view=account][data-loaded=yes]');
    const panel = await page.locator('main').textContent();
    const decide = await page.evaluate(async account => {
      const session = await (await fetch('/workspace/api/session')).json();
      const r = await fetch('/workspace/api/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: JSON.stringify({ account_id: account, label: 'benign', reason: 'should not be allowed' }) });
      return r.status;
    }, args.account);
    return { refused, cookie, readOnlyNotice: panel.includes('may read but not decide'), decide };
  },
};
