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
    await shot(page, args, 'queue');
    await page.keyboard.press('j');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-cluster'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence li');
    expect(page.url().endsWith(`#/cluster/${second}`), `Enter opened ${page.url()}, not cluster ${second}`);
    await page.goto(`${args.baseUrl}/#/queue?sort=size&trend=new`);
    await loaded(page);
    const sort = await page.locator('select[name=sort]').inputValue();
    return { rows, second: Number(second), sortKept: sort };
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
    await shot(page, args, 'cluster');
    await page.locator('#activity').scrollIntoViewIfNeeded();
    await shot(page, args, 'cluster-synchrony', { keepScroll: true });
    const account = await page.locator('#members tbody tr a').first().textContent();
    await page.click(`#members a[href="#/account/${account}"]`);
    await page.waitForSelector('#decision');
    await loaded(page);
    await page.waitForSelector('#neighborhood-graph[data-ready]');
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
    await page.click('nav a[href="#/audit"]');
    // The account page has a #decisions table too: wait for the audit view itself before reading its first row.
    await page.waitForSelector('main h1:has-text("Decisions")');
    await loaded(page);
    await page.waitForSelector(`#decisions td:has-text("${args.reason}")`);
    await shot(page, args, 'audit');
    const batch = Number(await page.locator('#decisions tbody tr td').first().textContent());
    await page.click('#decisions button.undo');
    await page.waitForSelector('#decisions tr.undone');
    return { account, webgl, batch, contributions };
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
    await shot(page, args, 'paths');
    return { url: page.url(), paths: await page.locator('#paths li').allTextContents() };
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
