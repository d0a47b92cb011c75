// Dashboard events: the service's own (RUN_QUEUED, PHASE_FAILED, ...) and free-form ones from executors.
// With TELEMETRY_DB_ENABLED=0 they go to the log instead of the dashboard_events table.
import type { Config } from '../../config';
import { DashboardEvent, Phase, Run } from '../../db/entities';
import type { Em } from '../../db/orm';
import type { Logger } from '../../logger';
import { badInput } from '../../shared/errors';
import { checkLength } from '../../shared/validation';
import { touchRun } from '../live/publish';

export const EVENT_TYPE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface EventInput {
  runId: string;
  /** Database id of the phase, when the event concerns one. */
  phase?: Phase | null;
  eventType: string;
  message?: string | null;
  payload?: unknown;
}

export interface EventSink {
  config: Config;
  logger: Logger;
}

/**
 * Records an event in the unit of work of `em` (written by its next flush, so in the caller's transaction),
 * or logs it when the telemetry table is disabled. Returns the entity, or null when only logged. The live
 * feed announces it when the transaction commits.
 */
export function emitEvent(em: Em, sink: EventSink, e: EventInput): DashboardEvent | null {
  if (!EVENT_TYPE_PATTERN.test(e.eventType)) {
    throw badInput(`Invalid eventType "${e.eventType.slice(0, 80)}": use [A-Z][A-Z0-9_]*, at most 64 characters`, { field: 'eventType' });
  }
  const message = checkLength(e.message, 'message', 10_000);
  if (!sink.config.telemetryDbEnabled) {
    sink.logger.info(`event ${e.eventType}`, { runId: e.runId, phaseId: e.phase?.phaseId, message, payload: e.payload });
    return null;
  }
  const event = em.create(DashboardEvent, {
    run: em.getReference(Run, e.runId),
    phase: e.phase ?? null,
    eventType: e.eventType,
    message,
    payload: e.payload ?? null,
  });
  touchRun(em, e.runId, { events: [event] });
  return event;
}
