// Dashboard events as the dashboard reads them: newest first, by run and/or by type.
import { DashboardEvent } from '../../db/entities';
import type { Em } from '../../db/orm';
import { MAX_NESTED_LIMIT } from '../../db/reads';
import { badInput } from '../../shared/errors';
import { EVENT_TYPE_PATTERN } from './emit';
import { checkId, checkLimit } from '../../shared/validation';

const MAX_DASHBOARD_EVENTS = 1000;

// The limits of Run.events and Phase.events, which key their loaders: the resolvers and the runs page's
// look-ahead (runs/runs.lookahead.ts) use these same functions, so a primed key is the key a resolver loads.
export const runEventsLimit = (limit: number | null | undefined) => checkLimit(limit ?? 100, 'limit', MAX_DASHBOARD_EVENTS);
export const phaseEventsLimit = (limit: number | null | undefined) => checkLimit(limit ?? 20, 'limit', MAX_NESTED_LIMIT);

export interface DashboardEventFilter {
  runId?: string | null;
  eventType?: string | null;
  limit?: number | null;
}

/** One statement, served by idx_dashboard_events_event_type or idx_dashboard_events_run_id. */
export async function listDashboardEvents(em: Em, filter: DashboardEventFilter): Promise<DashboardEvent[]> {
  const limit = checkLimit(filter.limit ?? 100, 'limit', MAX_DASHBOARD_EVENTS);
  const where: Record<string, unknown> = {};
  if (filter.runId != null) where.run = checkId(filter.runId, 'runId');
  if (filter.eventType != null) {
    if (!EVENT_TYPE_PATTERN.test(filter.eventType)) {
      throw badInput(`Invalid eventType "${filter.eventType.slice(0, 80)}": use [A-Z][A-Z0-9_]*, e.g. PHASE_FAILED`, { field: 'eventType' });
    }
    where.eventType = filter.eventType;
  }
  return em.find(DashboardEvent, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
}
