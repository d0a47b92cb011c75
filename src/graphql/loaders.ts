// Per-request DataLoaders over the batch reads in src/modules/batch.ts: a nested list query costs one
// statement per nesting level, never one per row. Created fresh for every request (no cross-request cache).
import DataLoader from 'dataloader';
import type { Run } from '../db/entities';
import type { Em } from '../db/orm';
import * as batch from '../modules/batch';
import * as telemetry from '../modules/telemetry/batch';
import type { ConsolidatedMetricsSummary, MetricsPage } from '../modules/telemetry/consolidated';
import type { DashboardEventRecord, PhaseMetricsRecord, PhaseRecord } from '../modules/records';

export interface Loaders {
  run: DataLoader<string, Run | null>;
  phase: DataLoader<number, PhaseRecord | null>;
  phasesByRun: DataLoader<string, PhaseRecord[]>;
  replaysOf: DataLoader<string, Run[]>;
  metricsByPhase: DataLoader<number, PhaseMetricsRecord[]>;
  eventsByPhase: DataLoader<number, DashboardEventRecord[]>;
  event: DataLoader<number, DashboardEventRecord | null>;
  phaseMetrics: DataLoader<number, PhaseMetricsRecord | null>;
  /** One loader per distinct `limit` argument. */
  eventsByRun(limit: number): DataLoader<string, DashboardEventRecord[]>;
  /** One loader per page (limit, offset): all runs asked with that page share one statement. */
  consolidatedMetrics(page: MetricsPage): DataLoader<string, ConsolidatedMetricsSummary | null>;
}

// UNION ALL branches per statement; SQLite allows at most 500 terms in a compound select.
const CONSOLIDATED_BATCH = 100;

export function createLoaders(em: Em): Loaders {
  const eventsByRun = new Map<number, DataLoader<string, DashboardEventRecord[]>>();
  const consolidated = new Map<string, DataLoader<string, ConsolidatedMetricsSummary | null>>();
  return {
    run: new DataLoader((ids) => batch.runsByIds(em, ids)),
    phase: new DataLoader((ids) => batch.phasesByIds(em, ids)),
    phasesByRun: new DataLoader((ids) => batch.phasesByRunIds(em, ids)),
    replaysOf: new DataLoader((ids) => batch.replaysOfRunIds(em, ids)),
    metricsByPhase: new DataLoader((ids) => batch.metricsByPhaseIds(em, ids)),
    eventsByPhase: new DataLoader((ids) => batch.eventsByPhaseIds(em, ids)),
    event: new DataLoader((ids) => batch.eventsByIds(em, ids)),
    phaseMetrics: new DataLoader((ids) => batch.metricsByIds(em, ids)),
    eventsByRun(limit) {
      let loader = eventsByRun.get(limit);
      if (!loader) {
        loader = new DataLoader((ids) => batch.eventsByRunIds(em, ids, limit));
        eventsByRun.set(limit, loader);
      }
      return loader;
    },
    consolidatedMetrics(page) {
      const key = `${page.limit}:${page.offset}`;
      let loader = consolidated.get(key);
      if (!loader) {
        // A ServiceError in the batch result fails that run's field only (DataLoader rejects that key).
        loader = new DataLoader<string, ConsolidatedMetricsSummary | null>((ids) => telemetry.consolidatedByRunIds(em, ids, page), { maxBatchSize: CONSOLIDATED_BATCH });
        consolidated.set(key, loader);
      }
      return loader;
    },
  };
}
