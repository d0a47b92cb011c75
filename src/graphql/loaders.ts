// Per-request DataLoaders over each capability's batch reads (runs/reads.ts, telemetry/batch.ts,
// events/reads.ts): a nested list query costs one statement per nesting level, never one per row. Created
// for every request (no cross-request cache), each one only when a resolver first asks for it.
import DataLoader from 'dataloader';
import type { Em } from '../db/orm';
import * as events from '../modules/events/reads';
import type { DashboardEventRecord } from '../modules/events/records';
import * as runs from '../modules/runs/reads';
import type { PhaseRecord, RunRecord } from '../modules/runs/records';
import * as telemetry from '../modules/telemetry/batch';
import type { ConsolidatedMetricsSummary, MetricsPage } from '../modules/telemetry/consolidated';
import type { PhaseMetricsRecord } from '../modules/telemetry/records';

export interface Loaders {
  readonly run: DataLoader<string, RunRecord | null>;
  readonly phase: DataLoader<number, PhaseRecord | null>;
  readonly phasesByRun: DataLoader<string, PhaseRecord[]>;
  /** Rows the live feed reads back by id. */
  readonly event: DataLoader<number, DashboardEventRecord | null>;
  readonly phaseMetrics: DataLoader<number, PhaseMetricsRecord | null>;
  /**
   * One loader per distinct `limit` argument (and, for samples, select list from telemetry/records.ts
   * metricsColumns: records hold those columns only): one statement per nesting level and limit.
   */
  replaysOf(limit: number): DataLoader<string, RunRecord[]>;
  metricsByPhase(columns: string, limit: number): DataLoader<number, PhaseMetricsRecord[]>;
  eventsByPhase(limit: number): DataLoader<number, DashboardEventRecord[]>;
  eventsByRun(limit: number): DataLoader<string, DashboardEventRecord[]>;
  /** One loader per page (limit, offset): all runs asked with that page share one statement. */
  consolidatedMetrics(page: MetricsPage): DataLoader<string, ConsolidatedMetricsSummary | null>;
}

// UNION ALL branches per statement on SQLite (at most 500 terms in a compound select).
const CONSOLIDATED_BATCH = 100;

class RequestLoaders implements Loaders {
  // Keyed by name: each entry's key and value types are those of the getter that made it.
  private loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly em: Em) {}

  /** The loader under `key`, built on first use (most requests need one or two of them). */
  private get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>, options?: DataLoader.Options<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader(batch, options);
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  get run() {
    return this.get('run', (ids: readonly string[]) => runs.runsByIds(this.em, ids));
  }
  get phase() {
    return this.get('phase', (ids: readonly number[]) => runs.phasesByIds(this.em, ids));
  }
  get phasesByRun() {
    return this.get('phasesByRun', (ids: readonly string[]) => runs.phasesByRunIds(this.em, ids));
  }
  get event() {
    return this.get('event', (ids: readonly number[]) => events.eventsByIds(this.em, ids));
  }
  get phaseMetrics() {
    return this.get('phaseMetrics', (ids: readonly number[]) => telemetry.metricsByIds(this.em, ids));
  }
  replaysOf(limit: number) {
    return this.get(`replaysOf:${limit}`, (ids: readonly string[]) => runs.replaysOfRunIds(this.em, ids, limit));
  }
  metricsByPhase(columns: string, limit: number) {
    return this.get(`metricsByPhase:${columns}:${limit}`, (ids: readonly number[]) => telemetry.metricsByPhaseIds(this.em, ids, columns, limit));
  }
  eventsByPhase(limit: number) {
    return this.get(`eventsByPhase:${limit}`, (ids: readonly number[]) => events.eventsByPhaseIds(this.em, ids, limit));
  }
  eventsByRun(limit: number) {
    return this.get(`eventsByRun:${limit}`, (ids: readonly string[]) => events.eventsByRunIds(this.em, ids, limit));
  }
  consolidatedMetrics(page: MetricsPage) {
    // A ServiceError in the batch result fails that run's field only (DataLoader rejects that key).
    return this.get<string, ConsolidatedMetricsSummary | null>(
      `consolidated:${page.limit}:${page.offset}`,
      (ids: readonly string[]) => telemetry.consolidatedByRunIds(this.em, ids, page),
      {
        maxBatchSize: CONSOLIDATED_BATCH,
      },
    );
  }
}

export function createLoaders(em: Em): Loaders {
  return new RequestLoaders(em);
}
