// End to end: the operator console goes live through GraphQL subscriptions, in headless Chromium against
// the real server, on SQLite and PostgreSQL. A change made through the API (a run created, its tokens and
// state, an event, a switch) reaches the open page without a reload, and it came over the WebSocket: the
// page's clock is paused (Playwright's fake timers), so no poll can run, and the value is among the socket's
// frames. With the WebSocket refused, the same page still updates, by polling.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { blockOutsideRequests, CHROMIUM, hasChromium, launchChromium } from '../helpers/browser';
import { BACKENDS } from '../helpers/db';
import { nodeExecutor, waitFor } from '../helpers/executor';
import { stateLabel } from '../../console/src/format';
import { startTestApp, type TestApp } from '../helpers/harness';

declare const document: any;
declare const window: any;

const ROOT = join(__dirname, '../..');
const ADMIN = 'live-admin-key';
const READ = 'live-read-key';
const WAIT = 30_000;
/**
 * An executor that holds its run in PHASE_EXECUTION (so phases can be updated) until the test writes a
 * file named after the run into `folder`; then it exits 0. It exits too once the folder is gone (the
 * file's teardown), so a test that failed half-way leaves no process behind.
 */
const heldExecutor = (folder: string) =>
  nodeExecutor(
    `const f = require('fs'), p = require('path').join('${folder}', process.argv[1]); setInterval(() => (!f.existsSync('${folder}') || f.existsSync(p)) && process.exit(0), 100)`,
  );

if (!hasChromium) console.warn(`Skipping console live test: ${CHROMIUM} not found (apt-get install chromium)`);
const describeIfChromium = hasChromium ? describe : describe.skip;

jest.setTimeout(180_000);

async function ok(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN },
    body: JSON.stringify({ query, variables }),
  });
  const body: any = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const createRun = (t: TestApp, id: string, phases: { phaseId: string; name: string }[] = [{ phaseId: 'p1', name: 'Only phase' }]) =>
  ok(t, 'mutation($input: CreateRunInput!) { createRun(input: $input) { id } }', { input: { id, goal: `Live ${id}`, phases } });

/** A graphql-ws message the page received. */
interface Frame {
  type: string;
  id?: string;
  payload?: any;
}

let browser: Browser;
beforeAll(async () => {
  if (!hasChromium) return;
  execFileSync(process.execPath, [join(ROOT, 'console/build.mjs')], { stdio: 'pipe' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describeIfChromium.each(BACKENDS)('operator console live updates on %s', (backend) => {
  let app: TestApp;
  const contexts: BrowserContext[] = [];
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  // One folder per backend: both use the same run ids.
  const releases = mkdtempSync(join(tmpdir(), 'autopack-live-'));
  const release = (runId: string) => writeFileSync(join(releases, runId), '');

  interface Tab {
    page: Page;
    /** every graphql-ws message received, in order */
    frames: Frame[];
    /** POST /graphql requests made (queries: the polling, if any) */
    posts: string[];
  }

  /**
   * A tab holding `key`, every non-loopback request blocked. `fakeClock`: Playwright's clock replaces the
   * page's timers, so after pausePolling() no interval fires. `refuseWebSocket`: every upgrade is
   * answered by a close (1013, "try again later"), as a proxy that does not pass WebSockets would.
   */
  async function tab(key: string, opts: { fakeClock?: boolean; refuseWebSocket?: boolean } = {}): Promise<Tab> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    await blockOutsideRequests(context, blocked);
    if (opts.refuseWebSocket) await context.routeWebSocket(/\/graphql$/, (ws) => ws.close({ code: 1013, reason: 'WebSockets refused by the test' }));
    await context.addInitScript((k: string) => window.sessionStorage.setItem('autopack.apiKey', k), key);
    const page = await context.newPage();
    if (opts.fakeClock) await page.clock.install();
    const t: Tab = { page, frames: [], posts: [] };
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/graphql') t.posts.push(r.postData() ?? '');
    });
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        try {
          t.frames.push(JSON.parse(String(f.payload)));
        } catch {
          /* not JSON: not ours */
        }
      }),
    );
    return t;
  }

  /**
   * Opens `path`, waits for `ready` and for the server to hold `subscriptions` more subscriptions than
   * before (so later writes are covered), then stops the page's clock: from here, nothing polls.
   */
  async function openLive(t: Tab, path: string, ready: string, subscriptions: number): Promise<void> {
    const before = app.app.live.feed.subscriptionCount;
    await t.page.goto(`${app.url}${path}`, { waitUntil: 'load', timeout: WAIT });
    await t.page.waitForSelector(ready, { timeout: WAIT });
    await waitFor(`${subscriptions} subscriptions of ${path}`, async () => app.app.live.feed.subscriptionCount >= before + subscriptions, WAIT);
    await t.page.clock.pauseAt(Date.now() + 1000);
    await t.page.evaluate(() => (window.__sameDocument = true));
  }

  /** Executes the run and waits until its executor holds it (PHASE_EXECUTION). */
  async function executeHeld(id: string): Promise<void> {
    await ok(app, 'mutation($id: ID!) { executeRun(id: $id) { id } }', { id });
    await waitFor(`${id} to execute`, async () => (await ok(app, 'query($id: ID!) { run(id: $id) { state } }', { id })).run.state === 'PHASE_EXECUTION', WAIT);
  }

  /** Lets the run's executor exit and returns the state the run ends in. */
  async function finish(id: string): Promise<string> {
    release(id);
    return waitFor(
      `${id} to finish`,
      async () => {
        const { state } = (await ok(app, 'query($id: ID!) { run(id: $id) { state } }', { id })).run;
        return state.startsWith('DONE_') && state;
      },
      WAIT,
    );
  }

  /** The `next` values of `field` the page received over the WebSocket. */
  const received = (t: Tab, field: string) => t.frames.filter((f) => f.type === 'next' && f.payload?.data?.[field]).map((f) => f.payload.data[field]);

  const text = (t: Tab, selector: string) => t.page.textContent(selector, { timeout: WAIT });

  async function waitForText(t: Tab, selector: string, expected: string): Promise<void> {
    await t.page.waitForFunction(
      ({ s, e }: { s: string; e: string }) => (document.querySelector(s)?.textContent ?? '').includes(e),
      { s: selector, e: expected },
      { timeout: WAIT },
    );
  }

  beforeAll(async () => {
    app = await startTestApp(backend, {
      AUTOPACK_API_KEY: ADMIN,
      AUTOPACK_READ_API_KEY: READ,
      // Phase 6 telemetry off: the run page's telemetry subscription is refused (FEATURE_DISABLED).
      AUTOPACK_ENABLE_PHASE6_METRICS: '0',
      AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
      AUTOPACK_EXECUTOR_COMMAND: heldExecutor(releases),
    });
    await createRun(app, 'live-seed');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const id of ['live-new', 'live-filtered', 'live-detail', 'live-polled']) release(id);
    await app?.close();
    rmSync(releases, { recursive: true, force: true });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('Runs page (read key): a run created, its tokens and its state arrive over the WebSocket, polling stopped', async () => {
    const t = await tab(READ, { fakeClock: true });
    await openLive(t, '/runs', '[data-run-id="live-seed"]', 1);
    const postsBefore = t.posts.length;

    await createRun(app, 'live-new');
    await t.page.waitForSelector('[data-run-id="live-new"]', { timeout: WAIT });
    expect(received(t, 'runsUpdated').map((r) => r.id)).toContain('live-new');
    expect(await text(t, '[data-run-id="live-new"] [data-col="state"]')).toContain('run created');

    await executeHeld('live-new');
    await waitForText(t, '[data-run-id="live-new"] [data-col="state"]', 'phase execution');
    // Tokens: the run's row changes in place (the cache), no query needed.
    await ok(app, 'mutation { updatePhase(input: {runId: "live-new", phaseId: "p1", state: EXECUTING, tokensUsed: 1234}) { id } }');
    await waitForText(t, '[data-run-id="live-new"] [data-col="tokens"]', '1,234');
    expect(received(t, 'runsUpdated').find((r) => r.id === 'live-new' && r.tokensUsed === 1234)).toBeTruthy();

    const end = await finish('live-new');
    await waitForText(t, '[data-run-id="live-new"] [data-col="state"]', stateLabel(end));
    expect(
      received(t, 'runsUpdated')
        .filter((r) => r.id === 'live-new')
        .map((r) => r.state),
    ).toEqual(expect.arrayContaining(['PHASE_EXECUTION', end]));
    // The only queries since the pause are the one the new run asked for (it joined the list).
    expect(t.posts.slice(postsBefore).every((p) => p.includes('query Runs'))).toBe(true);
    expect(await t.page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  it('Runs page filtered by state: a run entering the filter appears, one leaving it goes', async () => {
    const t = await tab(READ, { fakeClock: true });
    await openLive(t, '/runs?state=RUN_CREATED', '[data-run-id="live-seed"]', 1);
    await createRun(app, 'live-filtered');
    await t.page.waitForSelector('[data-run-id="live-filtered"]', { timeout: WAIT });
    await ok(app, 'mutation { executeRun(id: "live-filtered") { id } }');
    await t.page.waitForSelector('[data-run-id="live-filtered"]', { state: 'detached', timeout: WAIT });
    await finish('live-filtered');
    expect(await t.page.locator('[data-run-id="live-seed"]').count()).toBe(1);
    expect(await t.page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  it('Run page: phase progress and events arrive live; the refused telemetry subscription (switch off) breaks nothing', async () => {
    await createRun(app, 'live-detail', [
      { phaseId: 'plan', name: 'Plan the change' },
      { phaseId: 'build', name: 'Build it' },
    ]);
    const t = await tab(READ, { fakeClock: true });
    // runUpdated, phaseUpdated, dashboardEventAdded, runsUpdated (replays); phaseMetricsRecorded is refused.
    await openLive(t, '/runs/live-detail', 'text=Build it', 4);
    // Refused either way graphql-ws allows: an `error` message, or a value with only errors.
    const errorsOf = (f: Frame): any[] => (f.type === 'error' ? f.payload : f.type === 'next' ? (f.payload?.errors ?? []) : []);
    const refused = t.frames.flatMap(errorsOf).map((e) => e.extensions?.code);
    expect(refused).toContain('FEATURE_DISABLED');

    await executeHeld('live-detail');
    await waitForText(t, '[data-testid="run-state"]', 'phase execution');
    await ok(app, 'mutation { updatePhase(input: {runId: "live-detail", phaseId: "plan", state: EXECUTING, tokensUsed: 777}) { id } }');
    await waitForText(t, 'section[aria-labelledby="timeline-h"] table', 'executing');
    await waitForText(t, 'section[aria-label="Summary"]', '777 / ');
    expect(received(t, 'phaseUpdated').map((p) => p.state)).toContain('EXECUTING');

    await ok(app, 'mutation { recordDashboardEvent(input: {runId: "live-detail", eventType: "LIVE_CHECK", message: "seen without a reload"}) { id } }');
    await waitForText(t, 'section[aria-labelledby="events-h"]', 'seen without a reload');
    expect(received(t, 'dashboardEventAdded').length).toBeGreaterThan(0);

    const end = await finish('live-detail');
    await waitForText(t, '[data-testid="run-state"]', stateLabel(end));
    // The tokens section says what it always says with no telemetry: the refusal left no mark.
    expect(await text(t, 'section[aria-labelledby="tokens-h"]')).toContain('No telemetry recorded');
    expect(await t.page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  it('Run page: a kill switch turned back on brings its section back live (FEATURE_DISABLED pages follow the switches)', async () => {
    await ok(app, 'mutation { setFeatureFlag(flag: CONSOLIDATED_METRICS, enabled: false, reason: "live: off for the run page") { enabled } }');
    try {
      const t = await tab(READ, { fakeClock: true });
      await openLive(t, '/runs/live-seed', 'section[aria-labelledby="tokens-h"] >> text=is disabled', 4);
      await ok(app, 'mutation { clearFeatureFlag(flag: CONSOLIDATED_METRICS) { enabled } }');
      // Nothing polls: the switch's change over the WebSocket is what asks for the section again.
      await t.page.waitForFunction(
        () => !(document.querySelector('section[aria-labelledby="tokens-h"]')?.textContent ?? 'is disabled').includes('is disabled'),
        undefined,
        { timeout: WAIT },
      );
      expect(received(t, 'featureFlagChanged').map((f) => [f.flag, f.enabled])).toContainEqual(['CONSOLIDATED_METRICS', true]);
      expect(await t.page.evaluate(() => window.__sameDocument)).toBe(true);
    } finally {
      await ok(app, 'mutation { clearFeatureFlag(flag: CONSOLIDATED_METRICS) { enabled } }');
    }
  });

  it('Overview: the dashboard event feed shows a new event live', async () => {
    const t = await tab(READ, { fakeClock: true });
    // dashboardEventAdded (the feed) and runsUpdated (the counts by state)
    await openLive(t, '/', '[data-testid="event-feed"]', 2);
    await ok(app, 'mutation { recordDashboardEvent(input: {runId: "live-seed", eventType: "LIVE_FEED", message: "fed live"}) { id } }');
    await waitForText(t, '[data-testid="event-feed"]', 'fed live');
    expect(received(t, 'dashboardEventAdded').length).toBeGreaterThan(0);
    expect(await t.page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  it('Switches: a switch flipped through the API shows at once (read key)', async () => {
    const t = await tab(READ, { fakeClock: true });
    await openLive(t, '/switches', '[data-testid="switch-CONSOLIDATED_METRICS"]', 1);
    expect(await text(t, '[data-testid="switch-CONSOLIDATED_METRICS"] [data-testid="switch-state"]')).toBe('ON');
    const postsBefore = t.posts.length;
    await ok(app, 'mutation { setFeatureFlag(flag: CONSOLIDATED_METRICS, enabled: false, reason: "live: flipped by the test") { enabled } }');
    try {
      await waitForText(t, '[data-testid="switch-CONSOLIDATED_METRICS"] [data-testid="switch-state"]', 'OFF');
      expect(await text(t, '[data-testid="switch-CONSOLIDATED_METRICS"] [data-testid="switch-reason"]')).toBe('live: flipped by the test');
      expect(received(t, 'featureFlagChanged').map((f) => [f.flag, f.enabled])).toContainEqual(['CONSOLIDATED_METRICS', false]);
      // No query was needed: the subscription's value updated the card through the cache.
      expect(t.posts.slice(postsBefore)).toEqual([]);
    } finally {
      await ok(app, 'mutation { clearFeatureFlag(flag: CONSOLIDATED_METRICS) { enabled } }');
    }
  });

  it('with WebSockets refused, the Runs page still updates, by polling', async () => {
    const t = await tab(READ, { refuseWebSocket: true });
    await t.page.goto(`${app.url}/runs`, { waitUntil: 'load', timeout: WAIT });
    await t.page.waitForSelector('[data-run-id="live-seed"]', { timeout: WAIT });
    await t.page.evaluate(() => (window.__sameDocument = true));
    const postsBefore = t.posts.length;
    await createRun(app, 'live-polled');
    await t.page.waitForSelector('[data-run-id="live-polled"]', { timeout: WAIT });
    await executeHeld('live-polled');
    await waitForText(t, '[data-run-id="live-polled"] [data-col="state"]', 'phase execution');
    await ok(app, 'mutation { updatePhase(input: {runId: "live-polled", phaseId: "p1", state: EXECUTING, tokensUsed: 4321}) { id } }');
    await waitForText(t, '[data-run-id="live-polled"] [data-col="tokens"]', '4,321');
    expect(t.frames).toEqual([]);
    expect(t.posts.length).toBeGreaterThan(postsBefore);
    expect(await t.page.evaluate(() => window.__sameDocument)).toBe(true);
  });
});
