// Plain read models of the rows a dashboard lists by the hundred: phases, dashboard events and telemetry
// samples. The batch reads behind the DataLoaders return these instead of ORM entities: creating and tracking
// one entity per row cost most of a nested query's time and memory. Entities have the same shape, so the
// GraphQL types (codegen mappers) accept either.
import type { PhaseState } from '../db/entities/enums';
import { toSafeInt } from '../db/types';
import type { TokenCounts } from './telemetry/token-counts';

export interface PhaseRecord {
  id: number;
  run: { id: string };
  phaseId: string;
  phaseIndex: number;
  name: string;
  description?: string | null;
  state: PhaseState;
  tokensUsed: number;
  attempts: number;
  lastFailureReason?: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt?: Date | null;
  completedAt?: Date | null;
}

export interface DashboardEventRecord {
  id: number;
  run: { id: string };
  phase?: { id: number } | null;
  eventType: string;
  message?: string | null;
  payload?: unknown;
  createdAt: Date;
}

/**
 * A stored sample as the API returns it. PhaseMetrics entities loaded elsewhere have the same shape; freshly
 * ingested rows are plain records too (hydrating 1000 entities costs more than the INSERT itself).
 */
export interface PhaseMetricsRecord extends TokenCounts {
  id: number;
  createdAt: Date;
  run: { id: string };
  phase: { id: number };
}

/** A row as the driver returns it: snake_case columns. */
export type Row = Record<string, unknown>;

// SQLite keeps datetimes as epoch milliseconds, PostgreSQL's driver returns a Date.
const date = (v: unknown): Date => new Date(v as number | string | Date);
const optionalDate = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
// Like the ORM: text that is not JSON (written behind our back) is returned as it is rather than failing.
function jsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
const optionalText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function phaseRecord(r: Row): PhaseRecord {
  return {
    id: toSafeInt(r.id),
    run: { id: String(r.run_id) },
    phaseId: String(r.phase_id),
    phaseIndex: toSafeInt(r.phase_index),
    name: String(r.name),
    description: optionalText(r.description),
    state: r.state as PhaseState,
    tokensUsed: toSafeInt(r.tokens_used),
    attempts: toSafeInt(r.attempts),
    lastFailureReason: optionalText(r.last_failure_reason),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    startedAt: optionalDate(r.started_at),
    completedAt: optionalDate(r.completed_at),
  };
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
    createdAt: date(r.created_at),
  };
}

export function metricsRecord(r: Row): PhaseMetricsRecord {
  return {
    id: toSafeInt(r.id),
    retrievalTokens: toSafeInt(r.retrieval_tokens),
    secondOpinionTokens: toSafeInt(r.second_opinion_tokens),
    evidenceRequestTokens: toSafeInt(r.evidence_request_tokens),
    baseTokens: toSafeInt(r.base_tokens),
    totalTokens: toSafeInt(r.total_tokens),
    createdAt: date(r.created_at),
    run: { id: String(r.run_id) },
    phase: { id: toSafeInt(r.phase_id) },
  };
}
