// Plain read models of runs and phases, as the hot reads return them (no ORM entity, nothing tracked). The
// entities have the same shape, so the GraphQL types (codegen mappers) accept either: mutations keep returning
// the entities they wrote.
import type { PhaseState, RunState } from '../../db/entities/enums';
import { driverDate, optionalDriverDate } from '../../db/driver-date';
import { optionalText, type Row } from '../../db/reads';
import { toSafeInt } from '../../db/types';

export interface RunRecord {
  id: string;
  state: RunState;
  safetyProfile: string;
  runScope: string;
  goal?: string | null;
  tokenCap: number;
  tokensUsed: number;
  gitCommitSha?: string | null;
  modelMappingHash?: string | null;
  failureReason?: string | null;
  replayOf?: { id: string } | null;
  campaign?: { id: string } | null;
  createdAt: Date;
  updatedAt: Date;
  queuedAt?: Date | null;
  startedAt?: Date | null;
  completedAt?: Date | null;
  /** Increases with every committed change of the run (live updates deliver each version at most once). */
  version: number;
}

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

/** The columns runRecord reads (the lease bookkeeping, owner_id and lease_expires_at, is the dispatcher's, never served). */
export const RUN_COLUMNS =
  'id, state, safety_profile, run_scope, goal, token_cap, tokens_used, git_commit_sha, model_mapping_hash, failure_reason, replay_of_id, campaign_id, created_at, updated_at, queued_at, started_at, completed_at, version';

const ref = (v: unknown): { id: string } | null => (v === null || v === undefined ? null : { id: String(v) });

export function runRecord(r: Row): RunRecord {
  return {
    id: String(r.id),
    state: r.state as RunState,
    safetyProfile: String(r.safety_profile),
    runScope: String(r.run_scope),
    goal: optionalText(r.goal),
    tokenCap: toSafeInt(r.token_cap),
    tokensUsed: toSafeInt(r.tokens_used),
    gitCommitSha: optionalText(r.git_commit_sha),
    modelMappingHash: optionalText(r.model_mapping_hash),
    failureReason: optionalText(r.failure_reason),
    replayOf: ref(r.replay_of_id),
    campaign: ref(r.campaign_id),
    createdAt: driverDate(r.created_at),
    updatedAt: driverDate(r.updated_at),
    queuedAt: optionalDriverDate(r.queued_at),
    startedAt: optionalDriverDate(r.started_at),
    completedAt: optionalDriverDate(r.completed_at),
    version: toSafeInt(r.version),
  };
}

export const PHASE_COLUMNS =
  'id, run_id, phase_id, phase_index, name, description, state, tokens_used, attempts, last_failure_reason, created_at, updated_at, started_at, completed_at';

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
    createdAt: driverDate(r.created_at),
    updatedAt: driverDate(r.updated_at),
    startedAt: optionalDriverDate(r.started_at),
    completedAt: optionalDriverDate(r.completed_at),
  };
}
