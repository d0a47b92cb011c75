// `autopack retention [--days N] [--dry-run]`: purge expired telemetry on DATABASE_URL (what the server
// also does once a day).
import type { Command } from 'commander';
import { MAX_RETENTION_DAYS } from './limits';
import { withDatabase } from '../../cli/database';
import { action, CliExit, out } from '../../cli/output';

function days(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw)) throw new CliExit(2, `--days must be an integer from 1 to ${MAX_RETENTION_DAYS}, got "${raw}"`);
  return Number(raw);
}

export function registerRetention(program: Command): void {
  program
    .command('retention')
    .description('delete phase_metrics and dashboard_events rows older than the retention period, in bounded batches (runs, phases and A/B results are kept)')
    .option('--days <n>', `days to keep, 1-${MAX_RETENTION_DAYS} (default: AUTOPACK_METRICS_RETENTION_DAYS, 30)`)
    .option('--dry-run', 'only count what would be deleted')
    .action(
      action((opts: { days?: string; dryRun?: boolean }) =>
        withDatabase(async (orm, config) => {
          const [{ forkEm }, { purgeExpiredTelemetry }] = await Promise.all([import('../../db/orm'), import('./retention')]);
          const retentionDays = days(opts.days);
          const report = await purgeExpiredTelemetry(forkEm(orm), { retentionDays, defaultDays: config.metricsRetentionDays, dryRun: opts.dryRun });
          out(
            `${report.dryRun ? 'DRY RUN on' : 'Retention on'} ${config.database.display}: keeping ${report.retentionDays} day(s), cutoff ${report.cutoff.toISOString()}`,
          );
          for (const t of report.tables) out(`  ${t.table.padEnd(17)} ${String(t.rows).padStart(9)} ${report.dryRun ? 'would be deleted' : 'deleted'}`);
          out(report.dryRun ? 'Nothing was deleted (dry run).' : 'Done. Runs, phases and A/B results are never purged.');
        }),
      ),
    );
}
