// Display helpers shared by the pages.
const numberFormat = new Intl.NumberFormat('en-US');

export const fmtInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : numberFormat.format(n));

export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** "1 h 02 min", "3 min 05 s", "12.3 s"; null when it has not started. */
export function fmtDuration(startIso: string | null | undefined, endIso: string | null | undefined, now = Date.now()): string {
  if (!startIso) return '—';
  const ms = (endIso ? new Date(endIso).getTime() : now) - new Date(startIso).getTime();
  const s = Math.max(0, ms / 1000);
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export const fmtSigned = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${digits ? n.toFixed(digits) : numberFormat.format(n)}`;

/** RUN_CREATED -> "run created", DONE_FAILED_ENVIRONMENT -> "failed: environment". */
export function stateLabel(state: string): string {
  if (state === 'DONE_SUCCESS') return 'success';
  if (state.startsWith('DONE_FAILED_')) return `failed: ${state.slice(12).toLowerCase().replace(/_/g, ' ')}`;
  return state.toLowerCase().replace(/_/g, ' ');
}

/** A CSS class for a run or phase state: ok, bad, busy or idle. */
export function stateTone(state: string): 'ok' | 'bad' | 'busy' | 'idle' {
  if (state === 'DONE_SUCCESS' || state === 'COMPLETE') return 'ok';
  if (state.startsWith('DONE_FAILED') || state === 'FAILED') return 'bad';
  if (state === 'RUN_CREATED' || state === 'QUEUED' || state === 'SKIPPED') return 'idle';
  return 'busy';
}

export const RUN_STATES = [
  'RUN_CREATED',
  'QUEUED',
  'PHASE_EXECUTION',
  'DONE_SUCCESS',
  'DONE_FAILED_BUDGET_EXHAUSTED',
  'DONE_FAILED_POLICY_VIOLATION',
  'DONE_FAILED_REQUIRES_HUMAN_REVIEW',
  'DONE_FAILED_ENVIRONMENT',
  'PLAN_BOOTSTRAP',
  'DOCS_BOOTSTRAP',
  'PHASE_QUEUEING',
  'GATE',
  'CI_RUNNING',
  'SNAPSHOT_CREATED',
] as const;
