// Debian's Chromium for the browser tests (GraphiQL, operator console), started so that nothing leaves the
// machine: no background services, and every host but 127.0.0.1 unresolvable.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM);
// .ci/run sets AUTOPACK_REQUIRE_BROWSER=1: there a missing browser fails the run instead of skipping the test.
if (!hasChromium && process.env.AUTOPACK_REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} not found: the browser tests may not be skipped in CI`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** Every request of `context` to a host other than 127.0.0.1 is aborted and its URL pushed to `blocked`. */
export async function blockOutsideRequests(context: BrowserContext, blocked: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
}
