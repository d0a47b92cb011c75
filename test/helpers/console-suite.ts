// End to end: the operator console in a real headless Chromium against the real server, on SQLite and
// PostgreSQL, with every non-loopback request blocked. The tests of one backend run in a test file of their
// own (test/e2e/console-<backend>.test.ts), so that jest runs the two backends in parallel. Seeds runs through the API (executed by the
// reference executor), then checks every page, the token chart against the API, live updates, keys,
// kill switches, accessibility (axe-core) and what happens when the server goes away.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { blockOutsideRequests, CHROMIUM, hasChromium, launchChromium } from './browser';
import type { Backend } from './db';
import { REFERENCE_EXECUTOR, waitFor } from './executor';
import { startTestApp, type TestApp } from './harness';

// The callbacks passed to page.evaluate/waitForFunction run in the browser; tsconfig has no DOM lib.
declare const document: any;
declare const window: any;
declare const axe: any;
declare const getComputedStyle: any;

const ROOT = join(__dirname, '../..');
// Screenshots go to a temporary folder, so a test run leaves the tree clean; AUTOPACK_UPDATE_SCREENSHOTS=1
// writes the README's copies in docs/screenshots/ instead.
const SHOTS = process.env.AUTOPACK_UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'autopack-shots-'));
const ADMIN = 'console-admin-key';
const READ = 'console-read-key';
const WAIT = 30_000;

const describeIfChromium = hasChromium ? describe : describe.skip;

async function gql(t: TestApp, query: string, variables: Record<string, unknown> = {}, key = ADMIN): Promise<any> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function ok(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const r = await gql(t, query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

const phases = (fail: boolean) => [
  { phaseId: 'plan', name: 'Plan the change' },
  { phaseId: 'implement', name: 'Implement' },
  { phaseId: 'test', name: 'Run the tests', description: fail ? 'simulate:fail' : undefined },
  { phaseId: 'review', name: 'Self review' },
];

/** Runs like `autopack seed-demo`: same commit and models (comparable), one failing; executed for real. */
async function seed(t: TestApp): Promise<void> {
  const runs = [
    { id: 'console-control', goal: 'Baseline telemetry collection', phases: phases(false) },
    { id: 'console-treatment', goal: 'Phase 6 telemetry collection', phases: phases(false) },
    { id: 'console-flaky', goal: 'Build with a failing test phase', phases: phases(true) },
    { id: 'console-other-models', goal: 'Same work, another model mapping', phases: phases(false), modelMappingHash: 'demo-models-v2' },
  ];
  for (const input of runs) {
    await ok(t, 'mutation($input: CreateRunInput!) { createRun(input: $input) { id } }', {
      input: { gitCommitSha: '4f2a9c1e', modelMappingHash: 'demo-models-v1', ...input },
    });
    await ok(t, 'mutation($id: ID!) { executeRun(id: $id) { id } }', { id: input.id });
  }
  await waitFor(
    'the seeded runs to finish',
    async () => {
      const d = await ok(t, '{ runs(first: 10) { nodes { id state } } }');
      return d.runs.nodes.every((r: any) => r.state.startsWith('DONE_'));
    },
    120_000,
  );
  await ok(
    t,
    'mutation { runAbAnalysis(input: {controlRunId: "console-control", treatmentRunId: "console-treatment", testId: "telemetry-v6", createdBy: "e2e"}) { id } }',
  );
  // Stored for audit although invalid (another model mapping): the A/B page shows its validity messages.
  await ok(
    t,
    'mutation { runAbAnalysis(input: {controlRunId: "console-control", treatmentRunId: "console-other-models", testId: "telemetry-v6", createdBy: "e2e"}) { id } }',
  );
  // A recurring failure for the patterns page (three phase failures with the same shape).
  for (const [i, path] of ['/srv/a/x.py', '/srv/b/y.py', '/srv/c/z.py'].entries()) {
    await ok(t, 'mutation($input: DashboardEventInput!) { recordDashboardEvent(input: $input) { id } }', {
      input: {
        runId: 'console-flaky',
        phaseId: 'test',
        eventType: 'PHASE_FAILED',
        message: `ModuleNotFoundError: No module named 'qdrant_client' (${path}, line ${i + 10})`,
      },
    });
  }
  const replay = await ok(t, 'mutation { replayRun(id: "console-flaky") { id } }');
  await waitFor(
    'the replay to finish',
    async () => {
      const d = await ok(t, 'query($id: ID!) { run(id: $id) { state } }', { id: replay.replayRun.id });
      return d.run.state.startsWith('DONE_');
    },
    120_000,
  );
}

/** axe-core in the page: violations of serious or critical impact (rule id and the first targets). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => typeof axe !== 'undefined'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: any) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(' '))
            .join(' | ')}`,
      );
  });
}

/**
 * Contrast of every text the charts draw in SVG against the background behind the chart (WCAG 2 relative
 * luminance; the text's fill-opacity and opacity blended over that background). Returns the failures.
 */
async function chartTextBelowAA(page: Page): Promise<{ checked: number; low: string[] }> {
  // The chart is drawn after its chunk loads and its option is set: wait for text in every chart on the page.
  await page.waitForFunction(() => [...document.querySelectorAll('main .chart')].every((c: any) => c.querySelector('svg text')), undefined, { timeout: WAIT });
  return page.evaluate(() => {
    const rgba = (css: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const background = (el: any) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const low: string[] = [];
    let checked = 0;
    for (const chart of document.querySelectorAll('main .chart')) {
      const bg = background(chart);
      for (const text of chart.querySelectorAll('svg text')) {
        if (!text.textContent.trim()) continue;
        const style = getComputedStyle(text);
        const fill = rgba(style.fill);
        if (!fill) continue;
        let alpha = fill.a * Number(style.fillOpacity || 1);
        for (let e = text; e && e !== chart; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity || 1);
        const mixed = { r: fill.r * alpha + bg.r * (1 - alpha), g: fill.g * alpha + bg.g * (1 - alpha), b: fill.b * alpha + bg.b * (1 - alpha) };
        const [hi, lo] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
        const ratio = (hi + 0.05) / (lo + 0.05);
        checked++;
        if (ratio < 4.5)
          low.push(
            `${document.documentElement.dataset.theme} "${text.textContent.trim()}" ${style.fill} on rgb(${bg.r}, ${bg.g}, ${bg.b}): ${ratio.toFixed(2)}`,
          );
      }
    }
    return { checked, low };
  });
}

/**
 * The console's tests on `backend` (and, with `noKey`, the open console of a server with no key), for a test
 * file. One console build and one Chromium for the file: each describe opens its own contexts (own storage,
 * own request log) in it, which is all the isolation the tests need.
 */
export function consoleTests(backend: Backend, { noKey = false } = {}): void {
  if (!hasChromium) console.warn(`Skipping console e2e test on ${backend}: ${CHROMIUM} not found (apt-get install chromium)`);
  jest.setTimeout(180_000);
  let browser: Browser;
  beforeAll(async () => {
    if (!hasChromium) return;
    // The console is part of `npm run build`; build it here so the test sees the current source.
    execFileSync(process.execPath, [join(ROOT, 'console/build.mjs')], { stdio: 'pipe' });
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describeIfChromium.each([backend])('operator console in headless Chromium on %s', (backend) => {
    let app: TestApp;
    const contexts: BrowserContext[] = [];
    const requests: string[] = [];
    const blocked: string[] = [];
    const pageErrors: string[] = [];
    let appClosed = false;
    // Screenshots for the README come from the SQLite run (the pages look the same on both).
    const shoot = (page: Page, name: string) =>
      backend === 'sqlite' ? page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }) : Promise.resolve(null);

    /** A browser tab whose sessionStorage already holds `key` (as after typing it once). */
    async function tab(key: string | null, viewport = { width: 1280, height: 800 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
      const context = await browser.newContext({ viewport, colorScheme });
      contexts.push(context);
      await blockOutsideRequests(context, blocked);
      if (key) await context.addInitScript((k: string) => window.sessionStorage.setItem('autopack.apiKey', k), key);
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      return page;
    }

    async function open(page: Page, path: string, ready: string): Promise<void> {
      await page.goto(`${app.url}${path}`, { waitUntil: 'load', timeout: WAIT });
      await page.waitForSelector(ready, { timeout: WAIT });
    }

    beforeAll(async () => {
      app = await startTestApp(backend, {
        AUTOPACK_API_KEY: ADMIN,
        AUTOPACK_READ_API_KEY: READ,
        AUTOPACK_ENABLE_PHASE6_METRICS: '1',
        AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
        AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR,
      });
      await seed(app);
    });

    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      if (appClosed) await app?.db.drop();
      else await app?.close();
    });

    it('serves the app shell at every console URL without shadowing the API, /health, /metrics or GraphiQL', async () => {
      for (const path of ['/', '/runs', '/runs/console-control', '/ab', '/patterns', '/switches', '/runs/']) {
        const res = await fetch(`${app.url}${path}`);
        expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
        expect(await res.text()).toContain('<div id="root">');
      }
      const api = await fetch(`${app.url}/api/runs`, { headers: { 'x-api-key': ADMIN } });
      expect(api.headers.get('content-type')).toContain('application/json');
      expect((await fetch(`${app.url}/health`)).headers.get('content-type')).toContain('application/json');
      expect(await (await fetch(`${app.url}/metrics`)).text()).toContain('# HELP');
      expect(await (await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } })).text()).toContain('GraphiQL');
      expect((await fetch(`${app.url}/console/../package.json`)).status).toBe(404);
      expect((await fetch(`${app.url}/runs/a/b`)).status).toBe(404);
    });

    it('asks for the key once, refuses a wrong one and keeps a good one for the tab', async () => {
      const page = await tab(null);
      await open(page, '/runs', '#api-key');
      await shoot(page, 'key');
      expect(await axeViolations(page)).toEqual([]);
      await page.fill('#api-key', 'not-a-key');
      await page.keyboard.press('Enter');
      await page.waitForSelector('text=The server refused that key', { timeout: WAIT });
      await page.fill('#api-key', READ);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="runs-table"]', { timeout: WAIT });
      expect(await page.textContent('[data-testid="key-role"]')).toBe('Read key');
      // A reload keeps the key (sessionStorage) and the page (the URL).
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-testid="runs-table"]', { timeout: WAIT });
      expect(await page.evaluate(() => window.sessionStorage.getItem('autopack.apiKey'))).toBe(READ);
    });

    it('every page loads with the seeded data, without serious or critical axe violations', async () => {
      const page = await tab(ADMIN);
      await open(page, '/', '[data-testid="event-feed"]');
      expect(await page.textContent('[data-testid="rollout-stage"]')).toContain('Stage 2');
      expect(await page.textContent('main')).toContain('up to date');
      expect(await page.textContent('#runs24-h')).toContain('(5)');
      await shoot(page, 'overview');
      expect(await axeViolations(page)).toEqual([]);

      await open(page, '/runs', '[data-run-id="console-control"]');
      expect(await page.textContent('[data-run-id="console-flaky"] [data-col="state"]')).toContain('failed');
      await shoot(page, 'runs');
      expect(await axeViolations(page)).toEqual([]);

      await open(page, '/runs/console-flaky', '[data-testid="token-chart"] svg');
      expect(await page.textContent('main')).toContain('Run the tests');
      expect(await page.textContent('#replays-h + *')).not.toContain('Not replayed');
      await shoot(page, 'run');
      expect(await axeViolations(page)).toEqual([]);

      await open(page, '/ab?test=telemetry-v6', '[data-testid="ab-table"]');
      await page.waitForSelector('.charts-3 svg', { timeout: WAIT });
      expect(await page.textContent('[data-testid="ab-table"]')).toContain('console-treatment');
      expect(await page.textContent('[data-testid="ab-table"]')).toContain('ERROR: ');
      expect(await page.textContent('#summary-h')).toContain('telemetry-v6');
      expect(await page.textContent('#summary-h + *')).toContain('1 valid result');
      await shoot(page, 'ab');
      expect(await axeViolations(page)).toEqual([]);

      await open(page, '/patterns', '[data-testid="pattern"]');
      expect(await page.textContent('[data-testid="pattern"]')).toContain("No module named 'qdrant_client'");
      expect(await page.textContent('[data-testid="detector"]')).toMatch(/^\^/);
      await shoot(page, 'patterns');
      expect(await axeViolations(page)).toEqual([]);

      await open(page, '/switches', '[data-testid="switch-PHASE6_METRICS"]');
      await shoot(page, 'switches');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('dark theme and a narrow window: no axe violation, nothing wider than the window', async () => {
      const dark = await tab(ADMIN, { width: 1280, height: 800 }, 'dark');
      await open(dark, '/runs/console-control', '[data-testid="token-chart"] svg');
      expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await shoot(dark, 'run-dark');
      expect(await axeViolations(dark)).toEqual([]);
      // axe cannot see inside the charts' SVG: every text there (axis labels and names, legend, bar labels)
      // must meet WCAG AA (4.5:1) against the card behind it, in both themes, also after toggling.
      expect(await chartTextBelowAA(dark)).toEqual({ checked: expect.any(Number), low: [] });
      await open(dark, '/', '#runs24-h + * svg');
      expect(await chartTextBelowAA(dark)).toEqual({ checked: expect.any(Number), low: [] });
      await open(dark, '/ab?test=telemetry-v6', '.charts-3 svg');
      expect(await chartTextBelowAA(dark)).toEqual({ checked: expect.any(Number), low: [] });
      await dark.click('button[aria-label="Switch to light theme"]');
      await dark.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      expect(await chartTextBelowAA(dark)).toEqual({ checked: expect.any(Number), low: [] });

      const narrow = await tab(ADMIN, { width: 390, height: 800 });
      for (const path of ['/', '/runs', '/runs/console-control', '/ab?test=telemetry-v6', '/switches']) {
        await open(narrow, path, 'h1');
        await narrow.waitForSelector('.loading', { state: 'detached', timeout: WAIT });
        expect([path, await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([path, true]);
      }
      await open(narrow, '/runs', '[data-run-id="console-control"]');
      await shoot(narrow, 'runs-narrow');
      expect(await axeViolations(narrow)).toEqual([]);
      // The tables of many columns reflow (a card per row) instead of scrolling sideways inside their box.
      const fits = async (table: string) => ({
        table,
        ...(await narrow.$eval(table, (t: any) => {
          const box = t.parentElement;
          return { scrollWidth: box.scrollWidth <= box.clientWidth, tableWidth: t.getBoundingClientRect().width <= box.clientWidth };
        })),
      });
      expect(await fits('[data-testid="runs-table"]')).toEqual({ table: '[data-testid="runs-table"]', scrollWidth: true, tableWidth: true });
      // Each card still names its fields, and the run's link is reachable by keyboard.
      const labels = await narrow.$$eval('[data-run-id="console-control"] td', (tds: any[]) => tds.map((td) => getComputedStyle(td, '::before').content));
      expect(labels).toEqual(['"State"', '"Progress"', '"Tokens used / cap"', '"Created"', '"Duration"']);
      await narrow.focus('[data-run-id="console-control"] a');
      await narrow.keyboard.press('Enter');
      await narrow.waitForSelector('[data-testid="token-chart"] svg', { timeout: WAIT });
      await shoot(narrow, 'run-narrow');
      expect(await fits('[data-testid="phases-table"]')).toEqual({ table: '[data-testid="phases-table"]', scrollWidth: true, tableWidth: true });
      const phaseLabels = await narrow.$$eval('[data-testid="phases-table"] tbody tr:first-child td', (tds: any[]) =>
        tds.filter((td) => getComputedStyle(td).display !== 'none').map((td) => getComputedStyle(td, '::before').content),
      );
      expect(phaseLabels).toEqual(['"State"', '"Start"', '"End"', '"Tokens"']); // no failure reason: its empty line is hidden
      await open(narrow, '/ab?test=telemetry-v6', '[data-testid="ab-table"]');
      expect(await fits('[data-testid="ab-table"]')).toEqual({ table: '[data-testid="ab-table"]', scrollWidth: true, tableWidth: true });
      await shoot(narrow, 'ab-narrow');
      expect(await axeViolations(narrow)).toEqual([]);
    });

    it('is keyboard-navigable: skip link, then the navigation, Enter follows a link', async () => {
      const page = await tab(ADMIN);
      await open(page, '/', '[data-testid="rollout-stage"]');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement.textContent)).toBe('Skip to content');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement.textContent)).toBe('Runs');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="runs-table"]', { timeout: WAIT });
      expect(new URL(page.url()).pathname).toBe('/runs');
      // Focus moves to the new page's heading.
      expect(await page.evaluate(() => document.activeElement.id)).toBe('page-title');
    });

    it("the run page's token chart shows exactly the consolidated sums the API returns", async () => {
      const api = (
        await ok(app, '{ consolidatedMetrics(runId: "console-control") { retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens } }')
      ).consolidatedMetrics;
      expect(api.totalTokens).toBeGreaterThan(0);
      const page = await tab(ADMIN);
      await open(page, '/runs/console-control', '[data-testid="token-chart"] svg');
      const charted = JSON.parse((await page.getAttribute('[data-testid="token-chart"]', 'data-totals'))!);
      const { totalTokens, ...categories } = api;
      expect(charted).toEqual(categories);
      const shown = await page.$$eval('[data-testid="consolidated-totals"] dd[data-key]', (els: any[]) =>
        Object.fromEntries(els.map((e) => [e.dataset.key, Number(e.textContent.replace(/,/g, ''))])),
      );
      expect(shown).toEqual({ ...categories, totalTokens });
      // The numbers on hover: the tooltip of the first phase's stack.
      await page.locator('[data-testid="token-chart"] .chart').scrollIntoViewIfNeeded();
      const box = (await page.locator('[data-testid="token-chart"] .chart').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
      await page.waitForSelector('[data-testid="token-chart"] .chart-tooltip >> text=Retrieval', { timeout: WAIT });
      const plan = (await ok(app, '{ run(id: "console-control") { phases { metrics { retrievalTokens } } } }')).run.phases[0].metrics;
      const planRetrieval = plan.reduce((n: number, m: any) => n + m.retrievalTokens, 0);
      expect(await page.textContent('[data-testid="token-chart"] .chart-tooltip')).toContain(planRetrieval.toLocaleString('en-US'));
    });

    it('a change made through the API appears on the Runs page without a reload', async () => {
      const page = await tab(READ);
      await open(page, '/runs', '[data-run-id="console-control"]');
      await page.evaluate(() => (window.__sameDocument = true));
      await ok(app, 'mutation { createRun(input: {id: "console-live", goal: "Appears live", phases: [{phaseId: "p1", name: "Only phase"}]}) { id } }');
      await page.waitForSelector('[data-run-id="console-live"]', { timeout: WAIT });
      expect(await page.textContent('[data-run-id="console-live"] [data-col="state"]')).toContain('run created');
      await ok(app, 'mutation { executeRun(id: "console-live") { id } }');
      await page.waitForFunction(
        () => !/run created/.test(document.querySelector('[data-run-id="console-live"] [data-col="state"]')?.textContent ?? 'run created'),
        undefined,
        { timeout: WAIT },
      );
      expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    });

    it('filters the runs by state and pages through them by cursor (shareable, reloadable URLs)', async () => {
      for (let i = 0; i < 26; i++) {
        await ok(app, 'mutation($id: ID!) { createRun(input: {id: $id, phases: []}) { id } }', { id: `console-page-${String(i).padStart(2, '0')}` });
      }
      const page = await tab(READ);
      await open(page, '/runs', '[data-run-id="console-page-25"]');
      expect(await page.locator('[data-run-id]').count()).toBe(25);
      expect(await page.locator('[data-run-id="console-control"]').count()).toBe(0);
      await page.click('text=Older →');
      await page.waitForSelector('[data-run-id="console-control"]', { timeout: WAIT });
      expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-run-id="console-control"]', { timeout: WAIT });
      await page.click('text=← Newer');
      await page.waitForSelector('[data-run-id="console-page-25"]', { timeout: WAIT });

      await page.selectOption('#state-filter', 'DONE_SUCCESS');
      await page.waitForSelector('[data-run-id="console-control"]', { timeout: WAIT });
      expect(new URL(page.url()).searchParams.get('state')).toBe('DONE_SUCCESS');
      const states = await page.$$eval('[data-run-id] [data-col="state"]', (cells: any[]) => [...new Set(cells.map((c) => c.textContent))]);
      expect(states).toEqual(['success']);
      const ids = await page.$$eval('[data-run-id]', (rows: any[]) => rows.map((r) => r.dataset.runId));
      expect(ids).toEqual(expect.arrayContaining(['console-control', 'console-other-models', 'console-treatment']));
    });

    it('a read key cannot flip a switch; an admin key can, with a reason, and skipping a stage asks first', async () => {
      const reader = await tab(READ);
      await open(reader, '/switches', '[data-testid="switch-PHASE6_METRICS"]');
      expect(await reader.textContent('[data-testid="key-role"]')).toBe('Read key');
      expect(await reader.locator('[data-testid="switch-PHASE6_METRICS"] button').count()).toBe(0);
      expect(await reader.textContent('[data-testid="switch-PHASE6_METRICS"]')).toContain('A read key can look but not change switches');
      // The server agrees: the mutation itself is refused for a read key.
      const refused = await gql(app, 'mutation { setFeatureFlag(flag: PHASE6_METRICS, enabled: false, reason: "x") { enabled } }', {}, READ);
      expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');

      const admin = await tab(ADMIN);
      await open(admin, '/switches', '[data-testid="switch-CONSOLIDATED_METRICS"] button');
      expect(await admin.textContent('[data-testid="key-role"]')).toBe('Admin key');
      const dash = admin.locator('[data-testid="switch-CONSOLIDATED_METRICS"]');
      await dash.locator('input').fill('e2e: roll back the dashboard');
      await dash.locator('.switch-form button[type="submit"]').click();
      await admin.waitForFunction(
        () => document.querySelector('[data-testid="switch-CONSOLIDATED_METRICS"] [data-testid="switch-state"]')?.textContent === 'OFF',
        undefined,
        { timeout: WAIT },
      );
      expect(await dash.locator('[data-testid="switch-source"]').textContent()).toBe('runtime override');
      expect(await dash.locator('[data-testid="switch-reason"]').textContent()).toBe('e2e: roll back the dashboard');
      const flags = (await ok(app, '{ featureFlags { flag enabled source reason changedBy } }')).featureFlags;
      expect(flags.find((f: any) => f.flag === 'CONSOLIDATED_METRICS')).toMatchObject({
        enabled: false,
        source: 'OVERRIDE',
        reason: 'e2e: roll back the dashboard',
      });
      expect(await admin.textContent('[data-testid="rollout-stage"]')).toContain('Stage 1');

      // Telemetry off too (Stage 0), then the dashboard on again would skip Stage 1: a confirmation first.
      await ok(app, 'mutation { setFeatureFlag(flag: PHASE6_METRICS, enabled: false, reason: "e2e") { enabled } }');
      await admin.waitForFunction(() => /Stage 0/.test(document.querySelector('[data-testid="rollout-stage"]')?.textContent ?? ''), undefined, {
        timeout: WAIT,
      });
      await dash.locator('input').fill('e2e: skip a stage');
      await dash.locator('.switch-form button[type="submit"]').click();
      await admin.waitForSelector('dialog[open]', { timeout: WAIT });
      expect(await admin.textContent('dialog[open]')).toContain('skips Stage 1');
      await admin.keyboard.press('Escape');
      await admin.waitForSelector('dialog[open]', { state: 'detached', timeout: WAIT });
      expect((await ok(app, '{ health { killSwitches { consolidatedMetrics } } }')).health.killSwitches.consolidatedMetrics).toBe(false);
    });

    it('with a kill switch off the page says the feature is disabled where the chart would be, and the rest stays', async () => {
      const page = await tab(ADMIN);
      await open(page, '/runs/console-control', 'text=is disabled');
      expect(await page.textContent('#tokens-h + *')).toContain('AUTOPACK_ENABLE_CONSOLIDATED_METRICS');
      expect(await page.locator('[data-testid="token-chart"]').count()).toBe(0);
      expect(await page.textContent('main')).toContain('Self review');
      await shoot(page, 'run-disabled');
      expect(await axeViolations(page)).toEqual([]);
      await ok(app, 'mutation { clearFeatureFlag(flag: CONSOLIDATED_METRICS) { enabled } }');
      await ok(app, 'mutation { clearFeatureFlag(flag: PHASE6_METRICS) { enabled } }');
      await page.waitForSelector('[data-testid="token-chart"] svg', { timeout: WAIT });
    });

    it('loaded everything from the server and nothing from outside', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
      expect(blocked).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('says so when the server goes away, keeping the last data', async () => {
      const page = await tab(ADMIN);
      await open(page, '/runs', '[data-run-id="console-page-25"]');
      await app.app.close();
      appClosed = true;
      await page.waitForSelector('text=Cannot reach the server', { timeout: WAIT });
      expect(await page.locator('[data-run-id="console-page-25"]').count()).toBe(1);
    });
  });

  if (noKey)
    describeIfChromium('operator console with no API key configured', () => {
      it('is open, with a visible warning', async () => {
        const app = await startTestApp('sqlite');
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
          const page = await context.newPage();
          await page.goto(`${app.url}/switches`, { waitUntil: 'load' });
          await page.waitForSelector('text=No API key is configured', { timeout: WAIT });
          expect(await page.textContent('[data-testid="key-role"]')).toBe('No key (open)');
          expect(await page.locator('[data-testid="switch-PHASE6_METRICS"] .switch-form button[type="submit"]').count()).toBe(1);
        } finally {
          await context.close();
          await app.close();
        }
      });
    });
}
