// The data the load scenarios run over: runs with phases, telemetry samples and dashboard events, written
// straight through the ORM (seeding is not what is measured). Deterministic, so every answer can be checked.
import { DashboardEvent, Phase, PhaseMetrics, Run } from '../src/db/entities';
import { createOrm, forkEm } from '../src/db/orm';
import { parseDatabaseUrl } from '../src/db/url';
import { silentLogger } from '../src/logger';
import { migrateUp } from '../src/modules/ops/migrations';

export const SEED = { runs: 200, phasesPerRun: 10, samplesPerPhase: 5, eventsPerRun: 20 };

const CHUNK = 1000; // rows per INSERT: SQLite allows 32766 bound values per statement
const EVENT_TYPES = ['PHASE_STARTED', 'PHASE_COMPLETE', 'RUN_STARTED', 'RUN_COMPLETE'];

export const sampleTokens = (i: number) => ({
  retrievalTokens: i % 100,
  secondOpinionTokens: i % 7,
  evidenceRequestTokens: i % 13,
  baseTokens: 1000 + (i % 500),
});
const total = (t: ReturnType<typeof sampleTokens>) => t.retrievalTokens + t.secondOpinionTokens + t.evidenceRequestTokens + t.baseTokens;
export const runId = (r: number) => `load-${String(r).padStart(4, '0')}`;

async function insertChunked<T extends object>(em: ReturnType<typeof forkEm>, entity: new () => T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insertMany(entity, rows.slice(i, i + CHUNK) as never[]);
}

/** Migrates and seeds the database; returns the expected consolidated total of each run. */
export async function seedLoadData(databaseUrl: string): Promise<Map<string, number>> {
  const orm = await createOrm(parseDatabaseUrl(databaseUrl), { logger: silentLogger });
  try {
    await migrateUp(orm);
    const em = forkEm(orm);
    const now = Date.now();
    const runs = Array.from({ length: SEED.runs }, (_, r) => ({
      id: runId(r),
      state: 'DONE_SUCCESS',
      createdAt: new Date(now - (SEED.runs - r) * 60_000),
      updatedAt: new Date(now),
    }));
    await insertChunked(em, Run, runs);
    const phases = runs.flatMap((run) =>
      Array.from({ length: SEED.phasesPerRun }, (_, p) => ({
        run: run.id,
        phaseId: `p${p}`,
        name: `Phase ${p}`,
        phaseIndex: p,
        state: p % 4 === 3 ? 'FAILED' : 'COMPLETE',
        createdAt: run.createdAt,
        updatedAt: run.updatedAt,
      })),
    );
    await insertChunked(em, Phase, phases);
    const stored = await em.find(Phase, {}, { fields: ['id', 'run'], orderBy: { id: 'asc' } });
    const expected = new Map<string, number>();
    let i = 0;
    const metrics = stored.flatMap((phase) =>
      Array.from({ length: SEED.samplesPerPhase }, () => {
        const t = sampleTokens(i++);
        expected.set(phase.run.id, (expected.get(phase.run.id) ?? 0) + total(t));
        return { run: phase.run.id, phase: phase.id, ...t, totalTokens: total(t), createdAt: new Date(now - i * 1000) };
      }),
    );
    await insertChunked(em, PhaseMetrics, metrics);
    const events = runs.flatMap((run) =>
      Array.from({ length: SEED.eventsPerRun }, (_, e) => ({
        run: run.id,
        phase: null,
        eventType: EVENT_TYPES[e % EVENT_TYPES.length],
        message: `event ${e}`,
        payload: { e },
        createdAt: new Date(now - e * 1000),
      })),
    );
    await insertChunked(em, DashboardEvent, events);
    return expected;
  } finally {
    await orm.close();
  }
}

/** Rows of phase_metrics now (ingestion check). */
export async function countMetrics(databaseUrl: string): Promise<number> {
  const orm = await createOrm(parseDatabaseUrl(databaseUrl), { logger: silentLogger });
  try {
    return await forkEm(orm).count(PhaseMetrics, {});
  } finally {
    await orm.close();
  }
}
