// Issue 14 item 4: a run's tokens_used stays exactly the sum of its phases however sibling phases'
// updates interleave. Several ORMs (their own connections) update one run's phases at once, round after
// round; every update succeeds and the total is exact after each round.
import { Phase, Run } from '../../src/db/entities';
import { createOrm, forkEm, type Orm } from '../../src/db/orm';
import { silentLogger } from '../../src/logger';
import { claimQueuedRuns, executeRun } from '../../src/modules/runs/lifecycle';
import { updatePhase } from '../../src/modules/runs/phases';
import { createRun } from '../../src/modules/runs/service';
import { databaseUnavailableReason } from '../../src/shared/db-errors';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const PHASES = 50;
const ROUNDS = 8;
const CONNECTIONS = 4;

type Update = Parameters<typeof updatePhase>[2];

/**
 * updatePhase, again while the database says "busy: retry shortly" (nothing written), as a client does: on a
 * loaded machine 200 writers queued on SQLite's one write lock can wait past the busy timeout. The totals must
 * be exact either way; that is what this test is about.
 */
async function updateRetryingBusy(orm: Orm, sink: Parameters<typeof updatePhase>[1], input: Update) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await updatePhase(forkEm(orm), sink, input);
    } catch (e) {
      if (attempt === 20 || !databaseUnavailableReason(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

describe.each(BACKENDS)('exact run totals under concurrent phase updates on %s', (backend) => {
  let h: Harness;
  const orms: Orm[] = [];
  const sink = () => ({ config: h.config, logger: silentLogger });

  beforeAll(async () => {
    h = await createHarness(backend);
    for (let i = 0; i < CONNECTIONS; i++) orms.push(await createOrm(h.config.database, { logger: silentLogger, poolMax: 3 }));
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close();
    await h.close();
  });

  it(`${ROUNDS} rounds of ${PHASES} parallel updatePhase(tokensUsed) on sibling phases leave runs.tokens_used = sum of phases`, async () => {
    const phases = Array.from({ length: PHASES }, (_, i) => ({ phaseId: `p${i}`, name: `Phase ${i}` }));
    await createRun(h.em(), { id: 'sum-race', phases });
    await executeRun(h.em(), sink(), 'sum-race');
    await claimQueuedRuns(h.em(), sink(), 'owner', 1, 600);
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.allSettled(
        phases.map((p, i) => updateRetryingBusy(orms[i % CONNECTIONS], sink(), { runId: 'sum-race', phaseId: p.phaseId, tokensUsed: round * 1000 + i * 7 })),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const run = await h.em().findOneOrFail(Run, { id: 'sum-race' });
      const sum = (await h.em().find(Phase, { run: 'sum-race' })).reduce((acc, p) => acc + p.tokensUsed, 0);
      const expected = phases.reduce((acc, _, i) => acc + round * 1000 + i * 7, 0);
      expect({ round, sum, total: run.tokensUsed }).toEqual({ round, sum: expected, total: expected });
    }
  }, 180_000); // 400 writes through 4 connections: about 55 s at load average 15
});
