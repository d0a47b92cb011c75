// End to end: the offline GraphiQL page in a real headless Chromium, with every non-loopback request
// blocked, against a production server with an API key. The key typed into the headers editor makes the
// docs (and completion) load, runs a query, runs a subscription whose result pane follows changes made through
// the API, and is kept for the browser tab only.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser';
import { createTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/executor';
import { subscriptionsAtLeast } from '../helpers/live';
import { startTestApp, type TestApp } from '../helpers/harness';

// The callbacks passed to page.evaluate/waitForFunction run in the browser; tsconfig has no DOM lib.
declare const document: any;

const API_KEY = 'e2e-key';
const SCREENSHOT = join(__dirname, '../../.tmp/graphiql-e2e.png');
const WAIT = 30_000;

const SKIPPED = `SKIPPED: ${CHROMIUM} not found, the GraphiQL browser test did not run (apt-get install -y chromium)`;
if (!hasChromium) console.warn(SKIPPED);
// The suite's name says it in jest's report too.
const describeIfChromium = hasChromium ? describe : (name: string, fn: () => void) => describe.skip(`${name} (${SKIPPED})`, fn);

jest.setTimeout(60_000);

/**
 * Sets the value of the CodeMirror 5 editor picked by `which` ('query' | 'headers'). For the query editor it
 * also waits until GraphiQL has taken the edit in: its change handler runs 100 ms debounced (later under
 * load) and only then parses the query and updates the operation name; a run clicked before that sends the
 * new text with the previous operation's name ("Unknown operation named RecentRuns").
 */
async function setEditor(page: Page, which: 'query' | 'headers', value: string): Promise<void> {
  await page.evaluate(
    ([which, value]) => {
      const all = Array.from(document.querySelectorAll('.CodeMirror')) as any[];
      const cm =
        which === 'query'
          ? (document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror
          : all.map((el) => el.CodeMirror).find((c) => c && /X-API-Key/.test(c.getValue()));
      if (!cm) throw new Error(`${which} editor not found`);
      // GraphiQL's change handler sets documentAST to the parsed query, or null when it does not parse.
      if (which === 'query') cm.documentAST = undefined;
      cm.setValue(value);
    },
    [which, value] as const,
  );
  if (which !== 'query') return;
  await page.waitForFunction(
    () => {
      const cm = (document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror;
      return cm && cm.documentAST !== undefined;
    },
    undefined,
    { timeout: WAIT },
  );
  // ...and React has rendered the state that change handler set (the run button's handler reads it).
  await page.evaluate(() => new Promise((resolve) => document.defaultView.requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Text of the result pane (CodeMirror value, falling back to the DOM text). */
function resultText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('.result-window .CodeMirror, .graphiql-response .CodeMirror') as any;
    return el?.CodeMirror?.getValue() ?? document.querySelector('.result-window, .graphiql-response')?.textContent ?? '';
  });
}

async function runAndWaitFor(page: Page, ...needles: string[]): Promise<string> {
  await page.click('.graphiql-execute-button');
  return waitForResult(page, ...needles);
}

/** Waits until the result pane contains every needle, and returns its text. */
async function waitForResult(page: Page, ...needles: string[]): Promise<string> {
  await page
    .waitForFunction(
      (needles) => {
        const el = document.querySelector('.result-window .CodeMirror, .graphiql-response .CodeMirror') as any;
        const text: string = el?.CodeMirror?.getValue() ?? '';
        return needles.every((n) => text.includes(n));
      },
      needles,
      { timeout: WAIT },
    )
    .catch(async (e) => {
      // Say what the page showed instead: the result pane and the two editors it was run from.
      const editors = await page.evaluate(() => (Array.from(document.querySelectorAll('.CodeMirror')) as any[]).map((el) => el.CodeMirror?.getValue() ?? ''));
      throw new Error(`${e.message}\nwaited for ${JSON.stringify(needles)}; result pane: ${await resultText(page)}\neditors: ${JSON.stringify(editors)}`);
    });
  return resultText(page);
}

describeIfChromium('GraphiQL page in headless Chromium (offline)', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const sockets: string[] = [];
  // Schema fetches sent with this key are held until released: a slow failing introspection, as under load.
  const SLOW_KEY = 'slow-wrong-key';
  let releaseSlow: () => void = () => {};
  const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
  const slowAnswered: string[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase('sqlite', { migrated: true }); // production never migrates by itself
    app = await startTestApp('sqlite', { AUTOPACK_ENV: 'production', AUTOPACK_API_KEY: API_KEY }, db);

    // Data to look at, created through the API.
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({
        query: 'mutation { createRun(input: {id: "e2e-run", phases: [{phaseId: "p1", name: "Build"}]}) { id } }',
      }),
    });
    expect(await res.json()).toEqual({ data: { createRun: { id: 'e2e-run' } } });

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).hostname !== '127.0.0.1') {
        blocked.push(url);
        return route.abort('blockedbyclient');
      }
      const req = route.request();
      if (req.headers()['x-api-key'] === SLOW_KEY && /IntrospectionQuery/.test(req.postData() ?? '')) {
        return slowReleased.then(() => route.continue()).then(() => void slowAnswered.push(url));
      }
      return route.continue();
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('websocket', (ws) => sockets.push(ws.url()));

    await page.goto(`${app.url}/graphql`, { waitUntil: 'load', timeout: WAIT });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: WAIT });
    await page.waitForSelector('.graphiql-execute-button', { timeout: WAIT });
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.CodeMirror')).some((el: any) => /X-API-Key/.test(el.CodeMirror?.getValue() ?? '')),
      undefined,
      { timeout: WAIT },
    );
  });

  afterAll(async () => {
    if (page) {
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT }).catch((e) => console.warn(`screenshot failed: ${e}`));
    }
    await browser?.close();
    await app?.close();
  });

  it('without a key the docs cannot load; typing the key into Headers loads them (and completion), no re-fetch needed', async () => {
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer-error', { timeout: WAIT });
    expect(await page.textContent('.graphiql-doc-explorer')).toContain('Error fetching schema');

    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': API_KEY }, null, 2));
    await page.waitForSelector('.graphiql-doc-explorer-root-type', { timeout: WAIT });
    expect(await page.$('.graphiql-doc-explorer-error')).toBeNull();
    const docs = await page.textContent('.graphiql-doc-explorer');
    expect(docs).toContain('Query');
    expect(docs).toContain('Mutation');

    // Completion from the loaded schema: typing a field prefix offers the field.
    await setEditor(page, 'query', '{\n  ');
    await page.click('.graphiql-query-editor .CodeMirror-line:last-child');
    await page.keyboard.press('End');
    await page.keyboard.type('featureF');
    await page.waitForSelector('.CodeMirror-hints', { timeout: WAIT });
    expect(await page.textContent('.CodeMirror-hints')).toContain('featureFlags');
    await page.keyboard.press('Escape');
  });

  it('shows "Invalid API key" for a wrong key', async () => {
    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': 'wrong-key' }, null, 2));
    await setEditor(page, 'query', '{ run(id: "e2e-run") { id } }');
    const text = await runAndWaitFor(page, 'Invalid API key');
    expect(text).not.toContain('RUN_CREATED');
  });

  it('runs a query with the API key from the headers editor', async () => {
    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': API_KEY }, null, 2));
    // The page swaps its fetcher 300 ms after the key changes (to fetch the schema again); a query run before the
    // swap is dropped with the old fetcher. Wait for it, as a user would see the docs load.
    await page.waitForFunction((key) => document.defaultView.sessionStorage.getItem('autopack:apiKey') === key, API_KEY, { timeout: WAIT });
    await setEditor(page, 'query', '{ run(id: "e2e-run") { id state phases { phaseId } } }');
    const text = await runAndWaitFor(page, 'e2e-run', 'RUN_CREATED');
    expect(JSON.parse(text)).toEqual({ data: { run: { id: 'e2e-run', state: 'RUN_CREATED', phases: [{ phaseId: 'p1' }] } } });
  });

  it('a failed schema fetch for a key replaced since never overwrites a later result', async () => {
    // GraphiQL writes a failed introspection into the result pane without checking that a newer one started;
    // a correct key typed while the wrong key's schema fetch is still out must not lose its result to it.
    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': SLOW_KEY }, null, 2));
    await page.waitForFunction((key) => document.defaultView.sessionStorage.getItem('autopack:apiKey') === key, SLOW_KEY, { timeout: WAIT });
    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': API_KEY }, null, 2));
    await page.waitForFunction((key) => document.defaultView.sessionStorage.getItem('autopack:apiKey') === key, API_KEY, { timeout: WAIT });
    await setEditor(page, 'query', '{ run(id: "e2e-run") { id state } }');
    await runAndWaitFor(page, 'e2e-run', 'RUN_CREATED');
    releaseSlow();
    await waitFor('the slow schema fetch to be answered', async () => slowAnswered.length > 0);
    await page.waitForTimeout(300); // what the page does with that answer, it does now
    expect(JSON.parse(await resultText(page))).toEqual({ data: { run: { id: 'e2e-run', state: 'RUN_CREATED' } } });
  });

  it('runs a subscription over WebSocket and shows each new value live', async () => {
    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': API_KEY }, null, 2));
    await setEditor(page, 'query', 'subscription { dashboardEventAdded(runId: "e2e-run") { eventType message run { id } } }');
    // GraphiQL parses the editor's text after a short debounce; only then does it know to use the WebSocket.
    await page.waitForFunction(
      () => (document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror?.operations?.[0]?.operation === 'subscription',
      undefined,
      { timeout: WAIT },
    );
    await page.click('.graphiql-execute-button');
    await subscriptionsAtLeast(app.app.live.feed, 1);
    const record = (message: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ query: `mutation { recordDashboardEvent(input: {runId: "e2e-run", eventType: "LIVE_CHECK", message: "${message}"}) { id } }` }),
      });
    await record('first');
    await waitForResult(page, '"first"');
    await record('second');
    const text = await waitForResult(page, '"second"');
    expect(JSON.parse(text)).toEqual({ data: { dashboardEventAdded: { eventType: 'LIVE_CHECK', message: 'second', run: { id: 'e2e-run' } } } });
    // Over a WebSocket to the page's own origin, authenticated by the key from the headers editor (the
    // server has a key, and registered the subscription).
    expect(sockets).toEqual([`${app.url.replace(/^http/, 'ws')}/graphql`]);
    await page.click('.graphiql-execute-button'); // stop
    await waitFor('the subscription to end', async () => app.app.live.feed.subscriptionCount === 0);
  });

  it('keeps the key for this tab (sessionStorage, never localStorage): after a reload the docs load at once', async () => {
    await setEditor(page, 'headers', JSON.stringify({ 'X-API-Key': API_KEY }, null, 2));
    await page.waitForFunction((key) => document.defaultView.sessionStorage.getItem('autopack:apiKey') === key, API_KEY, { timeout: WAIT });
    await page.reload({ waitUntil: 'load', timeout: WAIT });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: WAIT });
    const show = await page.$('button[aria-label="Show Documentation Explorer"]');
    if (show) await show.click();
    await page.waitForSelector('.graphiql-doc-explorer-root-type', { timeout: WAIT });
    const headers = await page.evaluate(() =>
      (Array.from(document.querySelectorAll('.CodeMirror')) as any[]).map((el) => el.CodeMirror?.getValue() ?? '').find((v: string) => /X-API-Key/.test(v)),
    );
    expect(JSON.parse(headers)).toEqual({ 'X-API-Key': API_KEY });
    const local = await page.evaluate(() => JSON.stringify(document.defaultView.localStorage));
    expect(local).not.toContain(API_KEY);
  });

  it('loaded everything from 127.0.0.1 and nothing from outside', () => {
    expect(requests.some((r) => r.endsWith('/graphiql/graphiql.min.js'))).toBe(true);
    expect(requests.some((r) => r.startsWith('POST ') && r.endsWith('/graphql'))).toBe(true);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
