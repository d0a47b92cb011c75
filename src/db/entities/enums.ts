// States mirror the original system's RunState / PhaseState.
export const RUN_STATES = [
  'RUN_CREATED',
  'PLAN_BOOTSTRAP',
  'DOCS_BOOTSTRAP',
  'QUEUED',
  'PHASE_QUEUEING',
  'PHASE_EXECUTION',
  'GATE',
  'CI_RUNNING',
  'SNAPSHOT_CREATED',
  'DONE_SUCCESS',
  'DONE_FAILED_BUDGET_EXHAUSTED',
  'DONE_FAILED_POLICY_VIOLATION',
  'DONE_FAILED_REQUIRES_HUMAN_REVIEW',
  'DONE_FAILED_ENVIRONMENT',
] as const;
export type RunState = (typeof RUN_STATES)[number];

export const PHASE_STATES = ['QUEUED', 'EXECUTING', 'GATE', 'CI_RUNNING', 'COMPLETE', 'FAILED', 'SKIPPED'] as const;
export type PhaseState = (typeof PHASE_STATES)[number];

/** A run is finished once it reaches a DONE_* state: success or one of the failures (API clients pass strings). */
export const isFinished = (state: string): boolean => state.startsWith('DONE_');
export const isFailed = (state: string): boolean => state.startsWith('DONE_FAILED_');

/** Phase states in which a phase is being worked on (executing, at its gate, or in CI). */
export const ACTIVE_PHASE_STATES = ['EXECUTING', 'GATE', 'CI_RUNNING'] as const satisfies readonly PhaseState[];
