// recordPhaseMetrics publishes to the live feed from inside its write: on PostgreSQL the version bump and the
// NOTIFY are part of the one statement that inserts (bulk-insert.ts, live/publish-sql.ts). What listeners get
// must decode to the run's new version and exactly the ids stored, in payloads PostgreSQL accepts; a refused
// batch bumps no version and notifies nobody.
import { Client } from 'pg';
import { decode, MAX_PAYLOAD_BYTES, type RunChange } from '../../src/modules/live/changes';
import { CHANNEL } from '../../src/modules/live/publish';
import { BACKENDS, itOnPostgres } from '../helpers/db';
import { waitFor } from '../helpers/executor';
import { createHarness, type Harness } from '../helpers/harness';

const RECORD = 'mutation($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id run { id } } }';
const ON = { PHASE6_METRICS: true };
const sample = (runId: string, phaseId: string, baseTokens: number) => ({ runId, phaseId, baseTokens });

describe.each(BACKENDS)('ingestion publishes to the live feed (%s)', (backend) => {
  let h: Harness;
  const version = async (id: string) => Number((await h.em().execute('select "version" from "runs" where "id" = ?', [id]))[0].version);
  const record = async (input: unknown[]) => h.exec<{ recordPhaseMetrics: { id: string; run: { id: string } }[] }>(RECORD, { input }, ON);

  beforeAll(async () => {
    h = await createHarness(backend);
    for (const id of ['pub-a', 'pub-b']) {
      const res = await h.exec(`mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, {
        input: {
          id,
          phases: [
            { phaseId: 'p0', name: 'p0' },
            { phaseId: 'p1', name: 'p1' },
          ],
        },
      });
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => h.close());

  it('bumps each touched run version by one per call, and a refused batch bumps none', async () => {
    const [a, b] = [await version('pub-a'), await version('pub-b')];
    expect((await record([sample('pub-a', 'p0', 1), sample('pub-b', 'p1', 2), sample('pub-a', 'p1', 3)])).errors).toBeUndefined();
    expect([await version('pub-a'), await version('pub-b')]).toEqual([a + 1, b + 1]);
    const refused = await record([sample('pub-a', 'p0', 1), sample('pub-b', 'nope', 1)]);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect([await version('pub-a'), await version('pub-b')]).toEqual([a + 1, b + 1]);
  });

  itOnPostgres(backend)('NOTIFY payloads fit PostgreSQL, decode to the new versions and exactly the stored ids, several per run when needed', async () => {
    const listener = new Client({ connectionString: h.db.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (m) => m.channel === CHANNEL && payloads.push(m.payload!));
    await listener.query(`listen "${CHANNEL}"`);
    try {
      // Thirteen-digit ids, and two runs interleaved so no two ids of a run are consecutive: 500 ranges of
      // ~28 bytes per run, more than one payload can carry.
      await h.em().execute(`select setval(pg_get_serial_sequence('phase_metrics', 'id'), 1000000000000)`);
      const refused = await record([sample('pub-a', 'p0', 1), sample('pub-a', 'missing', 1)]);
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const res = await record(Array.from({ length: 1000 }, (_, i) => sample(i % 2 ? 'pub-b' : 'pub-a', `p${i % 4 < 2 ? 0 : 1}`, i)));
      expect(res.errors).toBeUndefined();
      const idsOf = (run: string) => res.data!.recordPhaseMetrics.filter((m) => m.run.id === run).map((m) => Number(m.id));
      const expected = { 'pub-a': idsOf('pub-a'), 'pub-b': idsOf('pub-b') };

      const changes = await waitFor('every id notified', async () => {
        const got = payloads.map((p) => decode(p) as RunChange);
        const ids = got.flatMap((c) => c.pm ?? []);
        return ids.length >= 1000 ? got : null;
      });
      // The refused batch came first (commit order) and sent nothing: every payload is the stored batch's.
      for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
      for (const run of ['pub-a', 'pub-b'] as const) {
        const mine = changes.filter((c) => c.r === run);
        expect(mine.length).toBeGreaterThan(1);
        expect(mine.every((c) => c.k === 'run' && c.v === mine[0].v && !c.row && !c.ph && !c.ev && !c.c)).toBe(true);
        expect(mine[0].v).toBe(await version(run));
        expect(mine.flatMap((c) => c.pm!).sort((x, y) => x - y)).toEqual(expected[run]);
      }
      expect(changes).toHaveLength(payloads.length);
    } finally {
      await listener.end();
    }
  });

  itOnPostgres(backend)('1000 ids of one run, no two consecutive (concurrent writers interleave the sequence): every payload still fits', async () => {
    const listener = new Client({ connectionString: h.db.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (m) => m.channel === CHANNEL && payloads.push(m.payload!));
    await listener.query(`listen "${CHANNEL}"`);
    const sequence = `pg_get_serial_sequence('phase_metrics', 'id')`;
    try {
      // Four-digit ids two apart: 1000 one-id ranges of ~12 bytes each in compact JSON.
      await h.em().execute(`select setval(${sequence}, 1001)`);
      await h.em().execute(`do $$ begin execute format('alter sequence %s increment by 2', pg_get_serial_sequence('phase_metrics', 'id')); end $$`);
      const res = await record(Array.from({ length: 1000 }, (_, i) => sample('pub-a', 'p0', i)));
      expect(res.errors).toBeUndefined();
      const ids = res.data!.recordPhaseMetrics.map((m) => Number(m.id));
      expect(ids[1] - ids[0]).toBe(2);
      const changes = await waitFor('every id notified', async () => {
        const got = payloads.map((p) => decode(p) as RunChange);
        return got.flatMap((c) => c.pm ?? []).length >= 1000 ? got : null;
      });
      for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
      expect(changes.length).toBeGreaterThan(1);
      expect(changes.flatMap((c) => c.pm!).sort((x, y) => x - y)).toEqual(ids);
    } finally {
      await h.em().execute(`do $$ begin execute format('alter sequence %s increment by 1', pg_get_serial_sequence('phase_metrics', 'id')); end $$`);
      await listener.end();
    }
  });
});
