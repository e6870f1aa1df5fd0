// Drives Debian's Chromium for the NUnit browser tests (tests/GraphGuard.Cli.Tests/Workspace): one browser for the
// whole fixture, a fresh context (cookies, storage) per scenario. launch() gives the browser a fresh, temporary
// user-data-dir of its own and removes it on close (it refuses a --user-data-dir argument). Reads one JSON request per line on stdin,
// {"id", "scenario", "args"}, and answers one JSON line on stdout, {"id", "ok", "result"} or {"id", "ok": false, "error"}.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import { scenarios } from './scenarios.mjs';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const answer = message => process.stdout.write(JSON.stringify(message) + '\n');
answer({ id: 0, ok: true, result: { browser: browser.version() } });

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { id, scenario, args } = JSON.parse(line);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  // Nothing from a CDN or any other origin: every request the page makes goes to the service under test.
  const origin = args?.baseUrl ? new URL(args.baseUrl).origin : null;
  page.on('request', r => { const url = new URL(r.url()); if (origin && url.protocol.startsWith('http') && url.origin !== origin) problems.push(`request to another origin: ${r.url()}`); });
  page.on('console', m => { if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`console: ${m.text()}`); });
  try {
    if (!scenarios[scenario]) throw new Error(`no scenario '${scenario}'`);
    const result = await scenarios[scenario](page, args);
    if (problems.length) throw new Error(problems.join('\n'));
    answer({ id, ok: true, result: result ?? null });
  } catch (error) {
    answer({ id, ok: false, error: `${error.stack ?? error}${problems.length ? '\n' + problems.join('\n') : ''}` });
  } finally {
    await context.close();
  }
}
await browser.close();
