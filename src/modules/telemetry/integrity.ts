// The rollout guide's "Data Validation": find telemetry that counts tokens twice, whatever wrote it. The
// database refuses such rows (CHECK constraints), so anything found here was written behind the service's
// back: a restored old backup, a manual fix, a table rebuilt without its constraints.
import type { Em } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import { notFound } from '../../shared/errors';
import { checkId } from '../../shared/validation';
import { driverDate } from '../../db/driver-date';

type MetricsViolationKind = 'TOTAL_MISMATCH' | 'NEGATIVE_CATEGORY';

interface MetricsViolation {
  metricsId: string;
  runId: string;
  phaseId: string;
  kind: MetricsViolationKind;
  retrievalTokens: number;
  secondOpinionTokens: number;
  evidenceRequestTokens: number;
  baseTokens: number;
  totalTokens: number;
  categorySum: number;
  createdAt: Date;
}

interface RunTokensViolation {
  runId: string;
  tokensUsed: number;
  phasesTokensUsed: number;
}

export interface IntegrityReport {
  ok: boolean;
  runId: string | null;
  metricsRowsChecked: number;
  runsChecked: number;
  metricsViolations: MetricsViolation[];
  metricsViolationCount: number;
  runViolations: RunTokensViolation[];
  runViolationCount: number;
  checkedAt: Date;
}

/** At most this many violations of each kind are listed (all are counted). */
const MAX_LISTED_VIOLATIONS = 1000;

type Row = Record<string, unknown>;

const SUM = 'm.retrieval_tokens + m.second_opinion_tokens + m.evidence_request_tokens + m.base_tokens';
const BAD_METRICS = `(m.total_tokens <> ${SUM} or m.retrieval_tokens < 0 or m.second_opinion_tokens < 0 or m.evidence_request_tokens < 0 or m.base_tokens < 0)`;
const RUN_SUMS = `select r.id, r.tokens_used, coalesce(sum(p.tokens_used), 0) as phases_tokens_used
  from runs r left join phases p on p.run_id = r.id`;

function metricsViolation(r: Row): MetricsViolation {
  const [retrievalTokens, secondOpinionTokens, evidenceRequestTokens, baseTokens, totalTokens] = [
    r.retrieval_tokens,
    r.second_opinion_tokens,
    r.evidence_request_tokens,
    r.base_tokens,
    r.total_tokens,
  ].map(toSafeInt);
  const categorySum = retrievalTokens + secondOpinionTokens + evidenceRequestTokens + baseTokens;
  return {
    metricsId: String(r.id),
    runId: String(r.run_id),
    // A row may even point at a phase that no longer exists (foreign keys off during a manual fix).
    phaseId: r.phase_key == null ? `#${String(r.phase_id)}` : String(r.phase_key),
    kind: totalTokens !== categorySum ? 'TOTAL_MISMATCH' : 'NEGATIVE_CATEGORY',
    retrievalTokens,
    secondOpinionTokens,
    evidenceRequestTokens,
    baseTokens,
    totalTokens,
    categorySum,
    createdAt: driverDate(r.created_at),
  };
}

async function count(em: Em, sql: string, params: unknown[]): Promise<number> {
  const [row]: Row[] = await em.execute(`select count(*) as n from ${sql}`, params);
  return toSafeInt(row.n);
}

/** Checks every phase_metrics row and every run (or those of one run). Read-only. */
export async function checkIntegrity(em: Em, runId?: string | null): Promise<IntegrityReport> {
  const scope = runId ?? null;
  if (scope !== null) {
    checkId(scope, 'runId');
    if (!(await em.execute('select id from runs where id = ?', [scope])).length) throw notFound(`Run not found: ${scope}`);
  }
  const metricsWhere = scope === null ? '' : 'and m.run_id = ?';
  const runWhere = scope === null ? '' : 'where r.id = ?';
  const p = scope === null ? [] : [scope];

  const metricsRowsChecked = await count(em, `phase_metrics m where 1 = 1 ${metricsWhere}`, p);
  const metricsViolationCount = await count(em, `phase_metrics m where ${BAD_METRICS} ${metricsWhere}`, p);
  const badMetrics: Row[] = metricsViolationCount
    ? await em.execute(
        `select m.*, ph.phase_id as phase_key from phase_metrics m left join phases ph on ph.id = m.phase_id
         where ${BAD_METRICS} ${metricsWhere} order by m.id limit ${MAX_LISTED_VIOLATIONS}`,
        p,
      )
    : [];

  const runsChecked = await count(em, `runs r ${runWhere}`, p);
  const badRunsSql = `${RUN_SUMS} ${runWhere} group by r.id, r.tokens_used having r.tokens_used <> coalesce(sum(p.tokens_used), 0)`;
  const runViolationCount = await count(em, `(${badRunsSql}) v`, p);
  const badRuns: Row[] = runViolationCount ? await em.execute(`${badRunsSql} order by r.id limit ${MAX_LISTED_VIOLATIONS}`, p) : [];

  return {
    ok: metricsViolationCount === 0 && runViolationCount === 0,
    runId: scope,
    metricsRowsChecked,
    runsChecked,
    metricsViolations: badMetrics.map(metricsViolation),
    metricsViolationCount,
    runViolations: badRuns.map((r) => ({ runId: String(r.id), tokensUsed: toSafeInt(r.tokens_used), phasesTokensUsed: toSafeInt(r.phases_tokens_used) })),
    runViolationCount,
    checkedAt: new Date(),
  };
}
