// Telemetry retention (AUTOPACK_METRICS_RETENTION_DAYS): phase_metrics and dashboard_events rows older than
// the cutoff are deleted in bounded batches, each its own short statement, so no long lock is ever held.
// Runs, phases and A/B results are never purged.
import type { Config } from '../../config';
import { forkEm, type Em, type Orm } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import type { Logger } from '../../logger';
import { badInput } from '../../shared/errors';
import { describeError } from '../../shared/describe-error';
import { MAX_RETENTION_DAYS } from './limits';

const PURGED_TABLES = ['phase_metrics', 'dashboard_events'] as const;
type PurgedTableName = (typeof PURGED_TABLES)[number];

const PURGE_BATCH_SIZE = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionReport {
  retentionDays: number;
  cutoff: Date;
  dryRun: boolean;
  tables: { table: PurgedTableName; rows: number }[];
}

export interface PurgeOptions {
  /** Days to keep; null/undefined means `defaultDays` (the configured retention). */
  retentionDays?: number | null;
  defaultDays: number;
  dryRun?: boolean | null;
  now?: Date;
  batchSize?: number;
}

function checkRetentionDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw badInput(`retentionDays must be an integer from 1 to ${MAX_RETENTION_DAYS}, got ${days}`, { field: 'retentionDays' });
  }
  return days;
}

async function purgeTable(em: Em, table: PurgedTableName, cutoff: Date, batchSize: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    // The subquery bounds each statement; each runs (and commits) on its own.
    const { affectedRows } = await em.execute<{ affectedRows: number }>(
      `delete from "${table}" where "id" in (select "id" from "${table}" where "created_at" < ? limit ?)`,
      [cutoff, batchSize],
      'run',
    );
    deleted += affectedRows;
    // Stops on a short batch (and on anything unexpected): each further loop deleted a full batch.
    if (!(affectedRows >= batchSize)) return deleted;
    await new Promise((resolve) => setImmediate(resolve)); // let other requests in between batches
  }
}

export async function purgeExpiredTelemetry(em: Em, opts: PurgeOptions): Promise<RetentionReport> {
  const retentionDays = checkRetentionDays(opts.retentionDays ?? opts.defaultDays);
  const batchSize = opts.batchSize ?? PURGE_BATCH_SIZE;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - retentionDays * DAY_MS);
  const dryRun = opts.dryRun ?? false;
  const tables: RetentionReport['tables'] = [];
  for (const table of PURGED_TABLES) {
    const rows = dryRun
      ? toSafeInt(((await em.execute(`select count(*) as n from "${table}" where "created_at" < ?`, [cutoff])) as { n: unknown }[])[0].n)
      : await purgeTable(em, table, cutoff, batchSize);
    tables.push({ table, rows });
  }
  return { retentionDays, cutoff, dryRun, tables };
}

export interface RetentionSchedule {
  intervalMs: number;
  /** Delay of the first purge after start (servers restart more often than once a day). */
  initialDelayMs: number;
}

export const DAILY: RetentionSchedule = { intervalMs: DAY_MS, initialDelayMs: 60_000 };

/** Purges once a day with the configured retention; returns a stop function. Timers never keep the process alive. */
export function startRetentionSchedule(
  orm: Orm,
  config: Config,
  logger: Logger,
  schedule: RetentionSchedule = DAILY,
  onPurged?: (report: RetentionReport) => void,
): () => void {
  let running = false;
  let stopped = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const report = await purgeExpiredTelemetry(forkEm(orm), { defaultDays: config.metricsRetentionDays });
      onPurged?.(report);
      const counts = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
      logger.info('retention: purged expired telemetry', { retentionDays: report.retentionDays, cutoff: report.cutoff.toISOString(), ...counts });
    } catch (e) {
      if (!stopped) logger.error('retention: purge failed', { error: describeError(e) });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, schedule.initialDelayMs);
  const every = setInterval(run, schedule.intervalMs);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}
