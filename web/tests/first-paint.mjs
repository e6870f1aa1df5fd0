// The cluster page's first paint in headless Chromium, for `graphguard bench workspace`: signs in with the key read
// from stdin, loads #/cluster/<id> N times in fresh pages, and prints the medians of Navigation Timing's
// DOMContentLoaded, the first contentful paint (the page's shell), the first frame painted after the members table
// is in the page (the cluster itself), and the time until the graph has drawn, as JSON.
// Usage: node tests/first-paint.mjs BASE_URL CLUSTER_ID LOADS < key
import { chromium } from 'playwright-core';

const [baseUrl, clusterId, loads = '5'] = process.argv.slice(2);
const key = (await new Promise(resolve => { let s = ''; process.stdin.on('data', d => { s += d; }); process.stdin.on('end', () => resolve(s)); })).trim();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(baseUrl + '/');
await page.fill('#key', key);
await page.click('#sign-in button[type=submit]');
await page.waitForSelector('#queue');
await page.close();
const samples = [];
for (let i = 0; i < Number(loads); i++) {
  const p = await context.newPage();
  // Before the page's scripts run: note the first animation frame after the members table appears, i.e. when it is painted.
  await p.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('#members tbody tr')) return;
      observer.disconnect();
      requestAnimationFrame(() => { window.__membersPainted = performance.now(); });
    }).observe(document, { childList: true, subtree: true });
  });
  await p.goto(`${baseUrl}/#/cluster/${clusterId}`);
  await p.waitForSelector('#cluster-graph[data-ready]', { timeout: 60000 });
  await p.waitForFunction(() => window.__membersPainted !== undefined);
  samples.push(await p.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { dcl: nav.domContentLoadedEventEnd, fcp: fcp ? fcp.startTime : null, members: window.__membersPainted, ready: performance.now() };
  }));
  await p.close();
}
await browser.close();
const median = values => { const v = values.filter(x => x !== null).sort((a, b) => a - b); return v.length ? Math.round(v[Math.floor(v.length / 2)]) : null; };
process.stdout.write(JSON.stringify({
  loads: samples.length,
  dom_content_loaded_ms: median(samples.map(s => s.dcl)),
  first_contentful_paint_ms: median(samples.map(s => s.fcp)),
  members_painted_ms: median(samples.map(s => s.members)),
  graph_ready_ms: median(samples.map(s => s.ready)),
}));
