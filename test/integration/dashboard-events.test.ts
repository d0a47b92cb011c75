// dashboardEvents: newest first, by run and/or type, bounded, one statement, served by the guide's indexes.
import { DashboardEvent, Phase, Run } from '../../src/db/entities';
import { explain } from '../../src/modules/ops/verify';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const EVENTS = `query($runId: ID, $eventType: String, $limit: Int) {
  dashboardEvents(runId: $runId, eventType: $eventType, limit: $limit) { id eventType message createdAt run { id } phase { phaseId } }
}`;

describe.each(BACKENDS)('dashboardEvents on %s', (backend) => {
  let h: Harness;
  const t0 = Date.UTC(2026, 3, 1);

  beforeAll(async () => {
    h = await createHarness(backend);
    const em = h.em();
    for (const id of ['ev-a', 'ev-b']) {
      const run = em.create(Run, { id });
      const phase = em.create(Phase, { run, phaseId: 'p1', name: 'P1' });
      // 150 events per run, alternating types; minute i of the day, so newest = highest i
      for (let i = 0; i < 150; i++) {
        em.create(DashboardEvent, {
          run,
          phase: i % 2 ? phase : null,
          eventType: i % 3 === 0 ? 'PHASE_FAILED' : 'PHASE_STARTED',
          message: `${id} #${i}`,
          createdAt: new Date(t0 + i * 60_000 + (id === 'ev-b' ? 1000 : 0)),
        });
      }
    }
    await em.flush();
  });
  afterAll(() => h.close());

  const events = async (vars: Record<string, unknown>) => {
    const res = await h.exec(EVENTS, vars);
    expect(res.errors).toBeUndefined();
    return res.data!.dashboardEvents as { eventType: string; message: string; createdAt: string; run: { id: string }; phase: { phaseId: string } | null }[];
  };

  it('lists the newest 100 events by default, newest first, across runs', async () => {
    const all = await events({});
    expect(all).toHaveLength(100);
    expect(all.slice(0, 3).map((e) => e.message)).toEqual(['ev-b #149', 'ev-a #149', 'ev-b #148']);
    const times = all.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by type, by run, and by both', async () => {
    const failed = await events({ eventType: 'PHASE_FAILED', limit: 1000 });
    expect(failed).toHaveLength(100); // 50 per run: i = 0, 3, ..., 147
    expect(failed.every((e) => e.eventType === 'PHASE_FAILED')).toBe(true);
    expect(failed[0].message).toBe('ev-b #147');

    const runA = await events({ runId: 'ev-a', limit: 1000 });
    expect(runA).toHaveLength(150);
    expect(runA.every((e) => e.run.id === 'ev-a')).toBe(true);
    expect(runA[0]).toMatchObject({ message: 'ev-a #149', phase: { phaseId: 'p1' } });
    expect(runA[1]).toMatchObject({ message: 'ev-a #148', phase: null });

    const both = await events({ runId: 'ev-a', eventType: 'PHASE_FAILED', limit: 5 });
    expect(both.map((e) => e.message)).toEqual(['ev-a #147', 'ev-a #144', 'ev-a #141', 'ev-a #138', 'ev-a #135']);
    expect(await events({ runId: 'unknown-run' })).toEqual([]);
    expect(await events({ eventType: 'NEVER_EMITTED' })).toEqual([]);
  });

  it('refuses a limit outside 1..1000 and a malformed event type', async () => {
    for (const [vars, message] of [
      [{ limit: 1001 }, 'limit must be between 1 and 1000, got 1001'],
      [{ limit: 0 }, 'limit must be between 1 and 1000, got 0'],
      [{ eventType: 'phase_failed' }, /^Invalid eventType "phase_failed"/],
      [{ runId: 'bad id!' }, /^Invalid runId/],
    ] as const) {
      const res = await h.exec(EVENTS, vars);
      expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(message);
    }
  });

  it('costs one statement, plus one batched statement per nested level', async () => {
    h.statements.length = 0;
    const res = await h.exec(`{ dashboardEvents(limit: 1000) { id } }`);
    expect(res.data!.dashboardEvents).toHaveLength(300);
    expect(h.statements).toHaveLength(1);
    h.statements.length = 0;
    await events({ limit: 1000 });
    expect(h.statements).toHaveLength(3); // events, their runs, their phases
  });

  it('the by-type query is served by idx_dashboard_events_event_type', async () => {
    const plan = await explain(h.em(), "select * from dashboard_events where event_type = 'PHASE_FAILED' order by created_at desc, id desc limit 100");
    expect(plan).toMatch(/idx_dashboard_events_event_type/);
  });
});
