// The guide's rollback verbatim (Step 5a: switches to 0, restart, features off) and `autopack flags`, an
// operator's switch with no GraphQL client: real CLI processes, real servers, both backends.

/** A dozen CLI processes and two server starts: more than jest's default on a loaded 2-core machine. */
const CLI_TEST_MS = 180_000;
import { runCli, startServe } from '../helpers/cli';
import { BACKENDS, createTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/executor';

const health = async (url: string) => (await (await fetch(`${url}/health`)).json()) as { kill_switches: { consolidated_metrics: boolean } };
const consolidatedOn = async (url: string) => (await health(url)).kill_switches.consolidated_metrics;

describe.each(BACKENDS)('kill switch overrides on %s', (backend) => {
  it(
    'a server start returns every switch to its environment value; `flags on|off|clear` apply to a running server',
    async () => {
      const db = await createTestDatabase(backend, { migrated: true });
      const env = { DATABASE_URL: db.url, AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '0' };
      try {
        const on = await runCli(['flags', 'on', 'CONSOLIDATED_METRICS', '--reason', 'Stage 2 rollout'], env);
        expect(on.stderr).toBe('');
        expect(on.code).toBe(0);
        expect(on.stdout).toMatch(/^CONSOLIDATED_METRICS overridden to ON by \S+ \(cli\): Stage 2 rollout$/m);
        expect((await runCli(['flags'], env)).stdout).toMatch(
          /CONSOLIDATED_METRICS +ON +OVERRIDE +AUTOPACK_ENABLE_CONSOLIDATED_METRICS=0 in this shell\n +override ON set by .* \(cli\) at .*: Stage 2 rollout/,
        );

        // Step 5a: the switch is 0 in the environment and the server (re)starts: it is off, the override is gone.
        let server = await startServe(env);
        expect(await consolidatedOn(server.url)).toBe(false);
        expect((await fetch(`${server.url}/api/dashboard/runs/x/consolidated-metrics`)).status).toBe(503);
        expect((await runCli(['flags'], env)).stdout).toMatch(/CONSOLIDATED_METRICS +OFF +ENV /);

        // Between restarts the CLI flips the running server, like setFeatureFlag.
        expect((await runCli(['flags', 'on', 'consolidated_metrics', '--reason', 'try stage 2'], env)).code).toBe(0);
        await waitFor('the server to apply the CLI override', async () => (await consolidatedOn(server.url)) === true, 10_000);
        expect((await runCli(['flags', 'clear', 'CONSOLIDATED_METRICS'], env)).code).toBe(0);
        await waitFor('the server to drop the override', async () => (await consolidatedOn(server.url)) === false, 10_000);
        expect((await runCli(['flags', 'off', 'PHASE6_METRICS', '--reason', 'incident 42'], env)).code).toBe(0);
        const stopped = await server.stop();
        expect(stopped.stderr).toMatch(
          /"reason":"Stage 2 rollout","msg":"kill switch override cleared at startup: CONSOLIDATED_METRICS was ON \(set by [^"]* \(cli\)\), the environment value applies"/,
        );

        server = await startServe(env);
        const restarted = await server.stop();
        expect(restarted.stderr).toMatch(/"reason":"incident 42","msg":"kill switch override cleared at startup: PHASE6_METRICS was OFF/);

        // Bad input exits 2 with one line; nothing is stored.
        const unknown = await runCli(['flags', 'on', 'NOPE', '--reason', 'x'], env);
        expect([unknown.code, unknown.stderr]).toEqual([2, 'autopack: Unknown flag "NOPE" (known: PHASE6_METRICS, CONSOLIDATED_METRICS)\n']);
        const noReason = await runCli(['flags', 'off', 'PHASE6_METRICS'], env);
        expect(noReason.code).toBe(2);
        expect(noReason.stderr).toMatch(/^error: required option '--reason <text>' not specified/);
        expect((await runCli(['flags'], env)).stdout).not.toContain('OVERRIDE');
      } finally {
        await db.drop();
      }
    },
    CLI_TEST_MS,
  );
});

describe('kill switch overrides with several servers', () => {
  it(
    'starting one server clears the overrides for all of them (they share the database)',
    async () => {
      const db = await createTestDatabase('postgresql', { migrated: true });
      const env = { DATABASE_URL: db.url };
      const a = await startServe(env);
      let b: Awaited<ReturnType<typeof startServe>> | undefined;
      try {
        expect((await runCli(['flags', 'on', 'CONSOLIDATED_METRICS', '--reason', 'canary'], env)).code).toBe(0);
        await waitFor('server A to apply the override', async () => (await consolidatedOn(a.url)) === true, 10_000);
        b = await startServe(env);
        expect(await consolidatedOn(b.url)).toBe(false);
        await waitFor('server A to return to its environment value', async () => (await consolidatedOn(a.url)) === false, 10_000);
      } finally {
        await Promise.all([a.stop(), b?.stop()]);
        await db.drop();
      }
    },
    CLI_TEST_MS,
  );
});
