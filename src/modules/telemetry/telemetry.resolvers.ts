import { found } from '../../shared/errors';
import { checkMetricsPage, consolidatedMetrics } from './consolidated';
import { recordPhaseMetrics } from './ingest';
import { checkIntegrity } from './integrity';
import { purgeExpiredTelemetry } from './retention';
import type { Resolvers } from '../../graphql/generated/types';
import { deliveredAs, follow } from '../live/resolve';
import { requireRun } from '../runs/service';
import { EVENT_TYPE_PATTERN } from '../events/emit';
import { badInput } from '../../shared/errors';
import type { DashboardEventRecord } from '../events/records';
import type { PhaseMetricsRecord } from './records';
import { preloadedConsolidated } from '../runs/page-nested';

// consolidatedMetrics and recordPhaseMetrics are gated by @killSwitch in the SDL: the directive refuses
// them before these resolvers run.
export const telemetryResolvers: Resolvers = {
  Query: {
    consolidatedMetrics: (_, { runId, limit, offset }, { em }) => consolidatedMetrics(em, runId, limit, offset),
    integrityReport: (_, { runId }, { em }) => checkIntegrity(em, runId),
  },
  Mutation: {
    recordPhaseMetrics: async (_, { input }, { em, metrics }) => {
      const rows = await recordPhaseMetrics(em, input);
      metrics?.telemetryRows.inc(rows.length);
      return rows;
    },
    purgeExpiredTelemetry: async (_, { retentionDays, dryRun }, { em, config, metrics }) => {
      const report = await purgeExpiredTelemetry(em, { retentionDays, dryRun, defaultDays: config.metricsRetentionDays });
      metrics?.countRetention(report);
      return report;
    },
  },
  Subscription: {
    dashboardEventAdded: {
      subscribe: async (_, { runId, eventType }, ctx) => {
        if (eventType && !EVENT_TYPE_PATTERN.test(eventType))
          throw badInput(`Invalid eventType "${eventType.slice(0, 80)}": use [A-Z][A-Z0-9_]*`, { field: 'eventType' });
        if (runId) await requireRun(ctx.em, runId);
        return follow(ctx, { kind: 'event', runId: runId ?? null, eventType: eventType ?? null });
      },
      resolve: deliveredAs<DashboardEventRecord>(),
    },
    // Gated by @killSwitch(flag: PHASE6_METRICS): refused with FEATURE_DISABLED before this runs.
    phaseMetricsRecorded: {
      subscribe: async (_, { runId }, ctx) => (await requireRun(ctx.em, runId), follow(ctx, { kind: 'metrics', runId })),
      resolve: deliveredAs<PhaseMetricsRecord>(),
    },
  },
  Run: {
    consolidatedMetrics: (run, { limit, offset }, { loaders }) => {
      const page = checkMetricsPage(limit, offset);
      const gone = `Run not found: ${run.id}`; // deleted while this query ran
      // A page's runs answer from what the page read (runs/page-nested.ts); others through the loader.
      const read = preloadedConsolidated(run, page);
      if (read === undefined)
        return loaders
          .consolidatedMetrics(page)
          .load(run.id)
          .then((summary) => found(summary, gone));
      if (read instanceof Error) throw read; // totals past 2^53 - 1: this run's field fails alone, as from the loader
      return found(read, gone);
    },
  },
  PhaseMetrics: {
    run: async (m, _, { loaders }) => found(await loaders.run.load(m.run.id), `Run not found: ${m.run.id}`),
    phase: async (m, _, { loaders }) => found(await loaders.phase.load(m.phase.id), `Phase not found: ${m.phase.id}`),
  },
};
