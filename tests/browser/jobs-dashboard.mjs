// The jobs dashboard in a real browser (Debian's Chromium through playwright-core), for the NUnit test
// JobsDashboardTests. Reads one JSON object of arguments from argv[2] and prints one JSON object of findings.
import { chromium } from 'playwright-core';

const args = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const found = {};
try {
  // No key: refused, with the sign-in form.
  const anonymous = await browser.newPage();
  const refused = await anonymous.goto(`${args.baseUrl}/jobs`);
  found.withoutKey = { status: refused.status(), form: await anonymous.locator('form input[name=key]').count() };

  // An operations key presented once in a header: the dashboard, then its other pages by the cookie alone.
  const operator = await browser.newContext();
  const page = await operator.newPage();
  await page.setExtraHTTPHeaders({ 'X-Api-Key': args.operationsKey });
  const first = await page.goto(`${args.baseUrl}/jobs/`);
  found.operations = { status: first.status(), title: await page.title() };
  await page.setExtraHTTPHeaders({});
  const recurring = await page.goto(`${args.baseUrl}/jobs/recurring`);
  found.operations.recurringStatus = recurring.status();
  found.operations.recurringText = await page.locator('body').innerText();
  found.operations.triggerButtons = await page.locator('button[data-url$="/recurring/trigger"]').count();
  const cookie = (await operator.cookies()).find(c => c.name === 'graphguard_jobs_key');
  found.operations.cookie = cookie && { httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, path: cookie.path };
  found.operations.scriptSeesCookie = (await page.evaluate(() => document.cookie)).includes('graphguard_jobs_key');
  if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });

  // An analyst's key through the sign-in form: the same pages, read-only.
  const analyst = await browser.newPage();
  await analyst.goto(`${args.baseUrl}/jobs`);
  await analyst.fill('input[name=key]', args.analystKey);
  await analyst.click('form button[type=submit]');
  await analyst.waitForLoadState();
  const analystRecurring = await analyst.goto(`${args.baseUrl}/jobs/recurring`);
  found.analyst = {
    status: analystRecurring.status(),
    title: await analyst.title(),
    triggerButtons: await analyst.locator('button[data-url$="/recurring/trigger"]').count(),
  };
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(found) + '\n');
