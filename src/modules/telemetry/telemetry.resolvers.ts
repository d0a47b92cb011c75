import { found } from '../../shared/errors';
import { checkMetricsPage, consolidatedMetrics } from './consolidated';
import { recordPhaseMetrics } from './ingest';
import { checkIntegrity } from './integrity';
import { purgeExpiredTelemetry } from './retention';
import type { Resolvers } from '../../graphql/generated/types';

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
  Run: {
    consolidatedMetrics: async (run, { limit, offset }, { loaders }) => {
      const summary = await loaders.consolidatedMetrics(checkMetricsPage(limit, offset)).load(run.id);
      return found(summary, `Run not found: ${run.id}`); // deleted while this query ran
    },
  },
  PhaseMetrics: {
    run: async (m, _, { loaders }) => found(await loaders.run.load(m.run.id), `Run not found: ${m.run.id}`),
    phase: async (m, _, { loaders }) => found(await loaders.phase.load(m.phase.id), `Phase not found: ${m.phase.id}`),
  },
};
