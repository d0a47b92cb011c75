// Free-form dashboard events from executors (and operators): checked, tied to an existing run and phase.
import { Phase, Run } from '../../db/entities';
import type { Em } from '../../db/orm';
import { notFound } from '../../shared/errors';
import { checkId, checkJsonDocument } from '../../shared/validation';
import { emitEvent, type EventSink } from './emit';

export interface RecordEventInput {
  runId: string;
  phaseId?: string | null;
  eventType: string;
  message?: string | null;
  payload?: unknown;
}

const MAX_PAYLOAD_BYTES = 64 * 1024;

/** A free-form dashboard event from an executor (or an operator). */
export async function recordDashboardEvent(em: Em, sink: EventSink, input: RecordEventInput) {
  checkId(input.runId, 'run id');
  const payload = checkJsonDocument(input.payload, 'payload', MAX_PAYLOAD_BYTES);
  return em.transactional(async (tx) => {
    if (!(await tx.count(Run, { id: input.runId }))) throw notFound(`Run not found: ${input.runId}`);
    let phase: Phase | null = null;
    if (input.phaseId) {
      phase = await tx.findOne(Phase, { run: input.runId, phaseId: checkId(input.phaseId, 'phase id') });
      if (!phase) throw notFound(`Phase not found: ${input.phaseId} in run ${input.runId}`);
    }
    const event = emitEvent(tx, sink, { runId: input.runId, phase, eventType: input.eventType, message: input.message, payload });
    await tx.flush();
    return event;
  });
}
