// Plain read models of runs and phases, as the hot reads return them (no ORM entity, nothing tracked). The
// entities have the same shape, so the GraphQL types (codegen mappers) accept either: mutations keep returning
// the entities they wrote.
import type { PhaseState, RunState } from '../../db/entities/enums';
import { driverDate, optionalDriverDate } from '../../db/driver-date';
import { columnList, optionalText, type Row } from '../../db/reads';
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

/** How each column of a runs row becomes its record property: written once, for whole and narrow records. */
const RUN_COLUMN_READERS: Readonly<Record<string, (rec: Record<string, unknown>, v: unknown) => void>> = {
  id: (o, v) => (o.id = String(v)),
  state: (o, v) => (o.state = v as RunState),
  safety_profile: (o, v) => (o.safetyProfile = String(v)),
  run_scope: (o, v) => (o.runScope = String(v)),
  goal: (o, v) => (o.goal = optionalText(v)),
  token_cap: (o, v) => (o.tokenCap = toSafeInt(v)),
  tokens_used: (o, v) => (o.tokensUsed = toSafeInt(v)),
  git_commit_sha: (o, v) => (o.gitCommitSha = optionalText(v)),
  model_mapping_hash: (o, v) => (o.modelMappingHash = optionalText(v)),
  failure_reason: (o, v) => (o.failureReason = optionalText(v)),
  replay_of_id: (o, v) => (o.replayOf = ref(v)),
  campaign_id: (o, v) => (o.campaign = ref(v)),
  created_at: (o, v) => (o.createdAt = driverDate(v)),
  updated_at: (o, v) => (o.updatedAt = driverDate(v)),
  queued_at: (o, v) => (o.queuedAt = optionalDriverDate(v)),
  started_at: (o, v) => (o.startedAt = optionalDriverDate(v)),
  completed_at: (o, v) => (o.completedAt = optionalDriverDate(v)),
  version: (o, v) => (o.version = toSafeInt(v)),
};

type ColumnReader = readonly [column: string, read: (rec: Record<string, unknown>, v: unknown) => void];

/** A record of `columns` only (RUN_COLUMNS' names): the properties of other columns are absent. */
function recordOf(columns: readonly string[]): (r: Row) => RunRecord {
  const readers: ColumnReader[] = columns.map((c) => [c, RUN_COLUMN_READERS[c]]);
  return (r) => {
    const rec: Record<string, unknown> = {};
    for (const [c, read] of readers) read(rec, r[c]);
    // A narrow record: the type promises every property, the selection it serves asks for no others.
    return rec as unknown as RunRecord;
  };
}

/** The record of a row holding every column of RUN_COLUMNS. */
export const runRecord = recordOf(columnList(RUN_COLUMNS));

/**
 * The columns each Run field reads through its record. Fields resolved from the run's id by a loader (theirs
 * or another capability's) need no more than the id. A field missing here (one added later, or one whose
 * resolver reads several properties, like replayComparison) makes the page read every column.
 */
const RUN_FIELD_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: ['id'],
  state: ['state'],
  safetyProfile: ['safety_profile'],
  runScope: ['run_scope'],
  goal: ['goal'],
  tokenCap: ['token_cap'],
  tokensUsed: ['tokens_used'],
  gitCommitSha: ['git_commit_sha'],
  modelMappingHash: ['model_mapping_hash'],
  failureReason: ['failure_reason'],
  replayOf: ['replay_of_id'],
  campaignId: ['campaign_id'],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
  queuedAt: ['queued_at'],
  startedAt: ['started_at'],
  completedAt: ['completed_at'],
  version: ['version'],
  phases: [],
  status: [],
  events: [],
  consolidatedMetrics: [],
  replays: [],
};

/** The columns a runs statement reads and how its rows become records. */
export interface RunShape {
  columns: string;
  record: (r: Row) => RunRecord;
}

export const FULL_RUN_SHAPE: RunShape = { columns: RUN_COLUMNS, record: runRecord };

/**
 * Distinct column sets served narrow: each one is its own prepared statement on every pooled connection, so
 * clients asking for ever new combinations get the full shape past this many instead of growing that cache.
 */
const MAX_RUN_SHAPES = 32;
const shapes = new Map<string, RunShape>();
const shapeOfFields = new WeakMap<ReadonlySet<string>, RunShape>();

/**
 * The narrowest shape that answers `fields` (Run fields selected by a query), keyed by the selection set's
 * memoised field set (src/graphql/selection.ts). The record carries only the properties of the columns read:
 * the fields asked for read nothing else (test/integration/records.test.ts asks for each Run field alone).
 * The id and creation time are always read: a page's cursor is made of them.
 */
export function runShapeOf(fields: ReadonlySet<string>): RunShape {
  let shape = shapeOfFields.get(fields);
  if (shape) return shape;
  const wanted = new Set(['id', 'created_at']);
  for (const f of fields) {
    const columns = RUN_FIELD_COLUMNS[f];
    if (!columns) {
      shape = FULL_RUN_SHAPE;
      break;
    }
    for (const c of columns) wanted.add(c);
  }
  if (!shape) {
    // RUN_COLUMNS' order: one text (one prepared statement) per set, however the query orders its fields.
    const list = columnList(RUN_COLUMNS).filter((c) => wanted.has(c));
    const key = list.join(', ');
    shape = shapes.get(key);
    if (!shape && list.length === columnList(RUN_COLUMNS).length) shape = FULL_RUN_SHAPE;
    if (!shape && shapes.size < MAX_RUN_SHAPES) {
      shape = { columns: key, record: recordOf(list) };
      shapes.set(key, shape);
    }
    shape ??= FULL_RUN_SHAPE;
  }
  shapeOfFields.set(fields, shape);
  return shape;
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
