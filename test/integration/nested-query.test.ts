// A nested list query costs a constant number of statements, whatever the number of rows (the statement count
// for 5 runs and for 50 runs is the same): a runs page reads its nodes' nested lists in its own statement.
import { DashboardEvent, Phase, PhaseMetrics, Run } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const NESTED = `query Nested($first: Int!) {
  runs(first: $first) {
    totalCount
    nodes {
      id
      phases { phaseId metrics { totalTokens } }
      status { percentComplete }
      events { eventType }
    }
  }
}`;

async function seed(h: Harness, runs: number): Promise<void> {
  const em = h.em();
  const t0 = Date.UTC(2026, 5, 1);
  for (let r = 0; r < runs; r++) {
    const run = em.create(Run, { id: `run-${r}`, createdAt: new Date(t0 + r * 1000), updatedAt: new Date(t0) });
    for (let p = 0; p < 10; p++) {
      const phase = em.create(Phase, { run, phaseId: `p${p}`, name: `Phase ${p}`, phaseIndex: p, state: p < 5 ? 'COMPLETE' : 'QUEUED' });
      em.create(PhaseMetrics, { run, phase, retrievalTokens: 1, secondOpinionTokens: 2, evidenceRequestTokens: 3, baseTokens: p, totalTokens: 6 + p });
      em.create(DashboardEvent, { run, phase, eventType: 'PHASE_STARTED', message: `phase ${p}` });
    }
  }
  await em.flush();
}

describe.each(BACKENDS)('nested query statement count on %s', (backend) => {
  it.each([5, 50])('runs(first: %i) with phases, metrics, status and events', async (n) => {
    const h = await createHarness(backend);
    try {
      await seed(h, n);
      h.statements.length = 0;
      const res = await h.exec(NESTED, { first: n });
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.runs.nodes;
      expect(nodes).toHaveLength(n);
      expect(nodes[0].phases).toHaveLength(10);
      expect(nodes[0].phases[3].metrics).toEqual([{ totalTokens: 9 }]);
      expect(nodes[0].status.percentComplete).toBe(50);
      expect(nodes[0].events).toHaveLength(10);
      // the runs page with its phases, metrics and events (one statement), and the total count: two for 5 runs or 50.
      expect(h.statements).toHaveLength(2);
    } finally {
      await h.close();
    }
  });
});
