// The two queries the operator console adds: `viewer` (which key is calling, so the console hides what a
// read key cannot do) and `runStateCounts(since)` (runs created since an instant, by state, one statement).
import { Run } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const COUNTS = 'query($since: DateTime!) { runStateCounts(since: $since) { state count } }';

describe.each(BACKENDS)('console queries on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend, { AUTOPACK_API_KEY: 'admin-key', AUTOPACK_READ_API_KEY: 'read-key' });
    const em = h.em();
    const day = (d: number, hour: number) => new Date(Date.UTC(2026, 10, d, hour));
    const rows: [string, string, Date][] = [
      ['old-success', 'DONE_SUCCESS', day(1, 12)],
      ['new-success-1', 'DONE_SUCCESS', day(3, 9)],
      ['new-success-2', 'DONE_SUCCESS', day(3, 10)],
      ['new-failed', 'DONE_FAILED_ENVIRONMENT', day(3, 11)],
      ['new-created', 'RUN_CREATED', day(2, 12)], // exactly at `since`: counted
    ];
    for (const [id, state, createdAt] of rows) em.create(Run, { id, state, createdAt, updatedAt: createdAt } as never);
    await em.flush();
  });
  afterAll(() => h?.close());

  it('viewer: ADMIN for the admin key, READ for the read key, keyRequired when a key is configured', async () => {
    const query = '{ viewer { role keyRequired } }';
    const admin = await h.apollo.executeOperation({ query }, { contextValue: h.context() });
    const read = await h.apollo.executeOperation({ query }, { contextValue: { ...h.context(), role: 'read' } });
    const body = (r: typeof admin) => (r.body.kind === 'single' ? r.body.singleResult : null);
    expect(body(admin)).toEqual({ data: { viewer: { role: 'ADMIN', keyRequired: true } } });
    expect(body(read)).toEqual({ data: { viewer: { role: 'READ', keyRequired: true } } });
  });

  it('runStateCounts: runs created at or after `since`, by state, most frequent first, in one statement', async () => {
    h.statements.length = 0;
    const r = await h.exec(COUNTS, { since: '2026-11-02T12:00:00.000Z' });
    expect(r).toEqual({
      data: {
        runStateCounts: [
          { state: 'DONE_SUCCESS', count: 2 },
          { state: 'DONE_FAILED_ENVIRONMENT', count: 1 },
          { state: 'RUN_CREATED', count: 1 },
        ],
      },
    });
    expect(h.statements.filter((s) => /from "runs"/i.test(s))).toHaveLength(1);
    expect((await h.exec(COUNTS, { since: '2026-12-01T00:00:00.000Z' })).data).toEqual({ runStateCounts: [] });
  });

  it('runStateCounts refuses a malformed instant with a coded error', async () => {
    const r = await h.exec(COUNTS, { since: 'yesterday' });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('viewer with no key configured', () => {
  it('is ADMIN and says no key is required (development: open)', async () => {
    const h = await createHarness('sqlite');
    try {
      expect((await h.exec('{ viewer { role keyRequired } }')).data).toEqual({ viewer: { role: 'ADMIN', keyRequired: false } });
    } finally {
      await h.close();
    }
  });
});
