// The operator console while its database is down: a real PostgreSQL outage (the server process stopped,
// data kept) under a real server and headless Chromium. Every place that shows data says the database is
// unavailable, the last data stays on screen, and the page recovers by itself once PostgreSQL is back.
// PostgreSQL only: SQLite is a file the server holds open, so nothing short of corrupting it makes reads
// fail (faults.test.ts only makes SQLite writes fail: disk full, read-only), and the console mostly reads.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser';
import { parseDatabaseUrl } from '../../src/db/url';
import { waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { startPgProcess, type PgProcess } from '../helpers/pg-process';

declare const document: any;
declare const axe: any;

const ROOT = join(__dirname, '../..');
const WAIT = 30_000;
if (!hasChromium) console.warn(`Skipping console outage test: ${CHROMIUM} not found (apt-get install chromium)`);
const describeIfChromium = hasChromium ? describe : describe.skip;

jest.setTimeout(180_000);

async function ok(t: TestApp, query: string): Promise<any> {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body: any = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const createRun = (id: string) =>
  `mutation { createRun(input: { id: "${id}", goal: "Outage ${id}", phases: [{ phaseId: "a", name: "Gather the facts" }] }) { id } }`;

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => typeof axe !== 'undefined'))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id}: ${v.nodes[0].target.join(' ')}`);
  });
}

describeIfChromium('operator console while PostgreSQL is down', () => {
  let pg: PgProcess;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'console/build.mjs')], { stdio: 'pipe' });
    pg = await startPgProcess();
    const admin = new Client({ connectionString: `${pg.url}/postgres` });
    await admin.connect();
    await admin.query('create database console_outage');
    await admin.end();
    const url = `${pg.url}/console_outage`;
    // No API key configured (development mode): the page opens at once.
    // Health answers fresh (no 1 s cache), so the page and this test see the outage at once.
    app = await startTestApp('postgresql', { AUTOPACK_HEALTH_CACHE_MS: '0' }, { url, target: parseDatabaseUrl(url), drop: async () => undefined });
    await ok(app, createRun('outage-before'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.app.close();
    await pg?.stop();
  });

  it('says "database unavailable" where data is shown, keeps the last data, and recovers by itself', async () => {
    const pages: Record<string, { page: Page; ready: string; kept: string }> = {
      '/': { page: null as unknown as Page, ready: '[data-testid="rollout-stage"]', kept: '[data-testid="rollout-stage"]' },
      '/runs': { page: null as unknown as Page, ready: '[data-run-id="outage-before"]', kept: '[data-run-id="outage-before"]' },
      '/runs/outage-before': { page: null as unknown as Page, ready: 'text=Gather the facts', kept: 'text=Gather the facts' },
    };
    for (const [path, p] of Object.entries(pages)) {
      p.page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await p.page.goto(`${app.url}${path}`, { waitUntil: 'load', timeout: WAIT });
      await p.page.waitForSelector(p.ready, { timeout: WAIT });
      expect(await p.page.locator('[data-testid="db-unavailable"]').count()).toBe(0);
    }

    await pg.pause();
    // What the page is told: SERVICE_UNAVAILABLE from the API, 503 with the database's error from /health.
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as any).database).toMatch(/^error: /);

    for (const [path, { page, kept }] of Object.entries(pages)) {
      // The banner of the whole page and the notice where the page's data is.
      await page.waitForSelector('[data-testid="db-banner"]', { timeout: WAIT });
      await page.waitForSelector('main [data-testid="db-unavailable"]', { timeout: WAIT });
      expect([path, await page.textContent('[data-testid="db-banner"]')]).toEqual([path, expect.stringContaining('Database unavailable')]);
      expect([path, await page.textContent('main [data-testid="db-unavailable"]')]).toEqual([path, expect.stringContaining('Database unavailable')]);
      // Not mistaken for a server that went away.
      expect([path, await page.locator('text=Lost contact with the server').count()]).toEqual([path, 0]);
      // The last data stays on screen.
      expect([path, await page.locator(kept).count()]).toEqual([path, 1]);
    }
    // The overview's health card shows the database's own error, not the last "ok".
    await pages['/'].page.waitForFunction(() => /^error: /.test(document.querySelector('[data-testid="health-database"]')?.textContent ?? ''), undefined, {
      timeout: WAIT,
    });
    expect(await axeViolations(pages['/runs'].page)).toEqual([]);
    // The switches are the server's memory, not the database: that page keeps answering, with no notice.
    const switches = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await switches.goto(`${app.url}/switches`, { waitUntil: 'load', timeout: WAIT });
    await switches.waitForSelector('[data-testid="switch-PHASE6_METRICS"] [data-testid="switch-state"]', { timeout: WAIT });
    expect(await switches.locator('main [data-testid="db-unavailable"]').count()).toBe(0);
    if (process.env.AUTOPACK_UPDATE_SCREENSHOTS === '1')
      await pages['/runs'].page.screenshot({ path: join(ROOT, 'docs/screenshots/runs-db-down.png'), fullPage: true });

    await pg.resume();
    await waitFor('health to recover', async () => (await fetch(`${app.url}/health`)).status === 200, WAIT);
    for (const { page } of Object.values(pages)) {
      await page.waitForSelector('[data-testid="db-banner"]', { state: 'detached', timeout: WAIT });
      // Each part of the page drops its notice with its next refresh (they poll on their own schedules).
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="db-unavailable"]').length === 0, undefined, { timeout: WAIT });
    }
    // Live again without a reload: a run created now appears on the open Runs page.
    await ok(app, createRun('outage-after'));
    await pages['/runs'].page.waitForSelector('[data-run-id="outage-after"]', { timeout: WAIT });
    // The health card polls on its own schedule (5 s); the Runs page above heard of the run at once (live).
    await pages['/'].page.waitForFunction(() => document.querySelector('[data-testid="health-database"]')?.textContent === 'connected', undefined, {
      timeout: WAIT,
    });
  });
});
