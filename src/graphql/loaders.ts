// Per-request DataLoaders over the batch reads in src/modules/batch.ts: a nested list query costs one
// statement per nesting level, never one per row. Created fresh for every request (no cross-request cache).
import DataLoader from 'dataloader';
import type { DashboardEvent, Phase, PhaseMetrics, Run } from '../db/entities';
import type { Em } from '../db/orm';
import * as batch from '../modules/batch';

export interface Loaders {
  run: DataLoader<string, Run | null>;
  phase: DataLoader<number, Phase | null>;
  phasesByRun: DataLoader<string, Phase[]>;
  metricsByPhase: DataLoader<number, PhaseMetrics[]>;
  eventsByPhase: DataLoader<number, DashboardEvent[]>;
  /** One loader per distinct `limit` argument. */
  eventsByRun(limit: number): DataLoader<string, DashboardEvent[]>;
}

export function createLoaders(em: Em): Loaders {
  const eventsByRun = new Map<number, DataLoader<string, DashboardEvent[]>>();
  return {
    run: new DataLoader((ids) => batch.runsByIds(em, ids)),
    phase: new DataLoader((ids) => batch.phasesByIds(em, ids)),
    phasesByRun: new DataLoader((ids) => batch.phasesByRunIds(em, ids)),
    metricsByPhase: new DataLoader((ids) => batch.metricsByPhaseIds(em, ids)),
    eventsByPhase: new DataLoader((ids) => batch.eventsByPhaseIds(em, ids)),
    eventsByRun(limit) {
      let loader = eventsByRun.get(limit);
      if (!loader) {
        loader = new DataLoader((ids) => batch.eventsByRunIds(em, ids, limit));
        eventsByRun.set(limit, loader);
      }
      return loader;
    },
  };
}
