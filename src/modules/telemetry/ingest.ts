// Phase 6 P3 telemetry ingestion: up to 1000 samples per call, all checked before anything is written, then
// stored all or nothing by one statement that also resolves the phases (bulk-insert.ts): on PostgreSQL that
// statement is the whole write, live feed publication included; on SQLite it runs in a transaction whose
// commit bumps the runs' versions and publishes (touchRun).
import { isPostgres, type Em } from '../../db/orm';
import { badInput, notFound } from '../../shared/errors';
import type { PhaseMetricsRecord } from './records';
import { checkId } from '../../shared/validation';
import { writeMetricsRows, type StoredKeys } from './bulk-insert';
import { touchRun } from '../live/publish';
import type { TokenCounts } from './token-counts';

export interface PhaseMetricsInput {
  runId: string;
  phaseId: string;
  retrievalTokens?: number | null;
  secondOpinionTokens?: number | null;
  evidenceRequestTokens?: number | null;
  baseTokens?: number | null;
  /** Optional; must equal the sum of the four categories when given. */
  totalTokens?: number | null;
  createdAt?: Date | null;
}

const MAX_METRICS_PER_CALL = 1000;

const CATEGORIES = ['retrievalTokens', 'secondOpinionTokens', 'evidenceRequestTokens', 'baseTokens'] as const;

interface CheckedRow extends TokenCounts {
  runId: string;
  phaseId: string;
  createdAt: Date;
}

function tokens(value: unknown, field: string, row: number): number {
  const n = value ?? 0;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw badInput(`Row ${row}: ${field} must be an integer from 0 to 2^53 - 1, got ${String(n)}`, { row, field });
  }
  return n;
}

function checkRow(input: PhaseMetricsInput, row: number, now: Date): CheckedRow {
  checkId(input.runId, () => `runId at row ${row}`);
  checkId(input.phaseId, () => `phaseId at row ${row}`);
  const retrievalTokens = tokens(input.retrievalTokens, CATEGORIES[0], row);
  const secondOpinionTokens = tokens(input.secondOpinionTokens, CATEGORIES[1], row);
  const evidenceRequestTokens = tokens(input.evidenceRequestTokens, CATEGORIES[2], row);
  const baseTokens = tokens(input.baseTokens, CATEGORIES[3], row);
  const sum = retrievalTokens + secondOpinionTokens + evidenceRequestTokens + baseTokens;
  if (!Number.isSafeInteger(sum)) throw badInput(`Row ${row}: the four categories add up to more than 2^53 - 1`, { row, field: 'totalTokens' });
  if (input.totalTokens !== null && input.totalTokens !== undefined && input.totalTokens !== sum) {
    throw badInput(`Row ${row}: totalTokens ${input.totalTokens} differs from the sum of the four categories ${sum} (double counting?)`, {
      row,
      field: 'totalTokens',
      totalTokens: input.totalTokens,
      sum,
    });
  }
  const createdAt = input.createdAt ?? now;
  if (!(createdAt instanceof Date) || Number.isNaN(createdAt.getTime()))
    throw badInput(`Row ${row}: createdAt is not a valid date`, { row, field: 'createdAt' });
  return { runId: input.runId, phaseId: input.phaseId, retrievalTokens, secondOpinionTokens, evidenceRequestTokens, baseTokens, totalTokens: sum, createdAt };
}

const pairKey = (runId: string, phaseId: string) => `${runId}\u0000${phaseId}`;

/** (run id, phase id) -> phases.id for every pair of the batch, in one statement (error path only). */
async function resolvePhases(em: Em, rows: CheckedRow[]): Promise<Map<string, number>> {
  const runIds = [...new Set(rows.map((r) => r.runId))];
  const phaseIds = [...new Set(rows.map((r) => r.phaseId))];
  const knex = em.getKnex();
  const found: { id: unknown; run_id: string; phase_id: string }[] = await em.execute(
    knex('phases').select('id', 'run_id', 'phase_id').whereIn('run_id', runIds).whereIn('phase_id', phaseIds),
  );
  return new Map(found.map((p) => [pairKey(p.run_id, p.phase_id), Number(p.id)]));
}

/** The coded error for the first row whose run or phase does not exist (error path only: two more queries). */
async function unknownTarget(em: Em, rows: CheckedRow[]): Promise<Error> {
  const phases = await resolvePhases(em, rows);
  const row = rows.findIndex((r) => !phases.has(pairKey(r.runId, r.phaseId)));
  // Every pair existed when looked up again: one was created after the write missed it. Say which write failed.
  if (row < 0) return notFound('A run or phase of the batch did not exist when it was written: retry');
  const { runId, phaseId } = rows[row];
  const runExists = (await em.execute(em.getKnex()('runs').select('id').where('id', runId).limit(1))).length > 0;
  return runExists ? notFound(`Row ${row}: phase not found: run ${runId} has no phase ${phaseId}`) : notFound(`Row ${row}: run not found: ${runId}`);
}

/** The answer: what was stored, in input order, built from the input and the new ids (nothing read back). */
const stored = (rows: CheckedRow[], keys: StoredKeys[]): PhaseMetricsRecord[] =>
  rows.map((r, i) => ({
    id: keys[i][0],
    retrievalTokens: r.retrievalTokens,
    secondOpinionTokens: r.secondOpinionTokens,
    evidenceRequestTokens: r.evidenceRequestTokens,
    baseTokens: r.baseTokens,
    totalTokens: r.totalTokens,
    createdAt: r.createdAt,
    run: { id: r.runId },
    phase: { id: keys[i][1] },
  }));

/** Stores the samples and returns the stored rows in input order. Throws (storing nothing) on any bad row. */
export async function recordPhaseMetrics(em: Em, input: readonly PhaseMetricsInput[]): Promise<PhaseMetricsRecord[]> {
  if (input.length > MAX_METRICS_PER_CALL) {
    throw badInput(`At most ${MAX_METRICS_PER_CALL} rows per call, got ${input.length}`, { field: 'input' });
  }
  if (!input.length) return [];
  const now = new Date();
  const rows = input.map((r, i) => checkRow(r, i, now));

  if (isPostgres(em)) {
    const keys = await writeMetricsRows(em, rows);
    if (!keys) throw await unknownTarget(em, rows);
    return stored(rows, keys);
  }
  return em.transactional(async (tx) => {
    const keys = await writeMetricsRows(tx, rows);
    if (!keys) throw await unknownTarget(tx, rows); // rolls back what the INSERT did store
    rows.forEach((r, i) => touchRun(tx, r.runId, { metrics: [keys[i][0]] }));
    return stored(rows, keys);
  });
}
