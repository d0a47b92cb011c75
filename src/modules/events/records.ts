// Dashboard events as the hot reads return them: plain records (the entity has the same shape).
import { driverDate } from '../../db/driver-date';
import { optionalText, type Row } from '../../db/reads';
import { toSafeInt } from '../../db/types';

export interface DashboardEventRecord {
  id: number;
  run: { id: string };
  phase?: { id: number } | null;
  eventType: string;
  message?: string | null;
  payload?: unknown;
  createdAt: Date;
}

export const EVENT_COLUMNS = 'id, run_id, phase_id, event_type, message, payload, created_at';

// Like the ORM: text that is not JSON (written behind our back) is returned as it is rather than failing.
function jsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** `jsonParsed`: the driver already parsed JSON columns (PostgreSQL); SQLite returns their text. */
export function eventRecord(r: Row, jsonParsed: boolean): DashboardEventRecord {
  return {
    id: toSafeInt(r.id),
    run: { id: String(r.run_id) },
    phase: r.phase_id === null || r.phase_id === undefined ? null : { id: toSafeInt(r.phase_id) },
    eventType: String(r.event_type),
    message: optionalText(r.message),
    payload: jsonParsed ? r.payload : jsonText(r.payload),
    createdAt: driverDate(r.created_at),
  };
}
