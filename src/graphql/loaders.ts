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
  /** One loader per distinct `limit` argument (the lists below too): one statement per nesting level and limit. */
  replaysOf(limit: number): DataLoader<string, Run[]>;
  metricsByPhase(limit: number): DataLoader<number, PhaseMetricsRecord[]>;
  eventsByPhase(limit: number): DataLoader<number, DashboardEventRecord[]>;
  eventsByRun(limit: number): DataLoader<string, DashboardEventRecord[]>;
  /** One loader per page (limit, offset): all runs asked with that page share one statement. */
  consolidatedMetrics(page: MetricsPage): DataLoader<string, ConsolidatedMetricsSummary | null>;
}

// UNION ALL branches per statement; SQLite allows at most 500 terms in a compound select.
const CONSOLIDATED_BATCH = 100;

/** A loader per `limit` value, created on first use. */
function perLimit<K, V>(load: (keys: readonly K[], limit: number) => Promise<V[]>): (limit: number) => DataLoader<K, V> {
  const loaders = new Map<number, DataLoader<K, V>>();
  return (limit) => {
    let loader = loaders.get(limit);
    if (!loader) {
      loader = new DataLoader((keys) => load(keys, limit));
      loaders.set(limit, loader);
    }
    return loader;
  };
}

export function createLoaders(em: Em): Loaders {
  const consolidated = new Map<string, DataLoader<string, ConsolidatedMetricsSummary | null>>();
  return {
    run: new DataLoader((ids) => batch.runsByIds(em, ids)),
    phase: new DataLoader((ids) => batch.phasesByIds(em, ids)),
    phasesByRun: new DataLoader((ids) => batch.phasesByRunIds(em, ids)),
    replaysOf: perLimit((ids, limit) => batch.replaysOfRunIds(em, ids, limit)),
    metricsByPhase: perLimit((ids, limit) => batch.metricsByPhaseIds(em, ids, limit)),
    eventsByPhase: perLimit((ids, limit) => batch.eventsByPhaseIds(em, ids, limit)),
    eventsByRun: perLimit((ids, limit) => batch.eventsByRunIds(em, ids, limit)),
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
