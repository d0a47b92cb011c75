// Comparing a treatment run with a control run: is the comparison valid (same code, same models), and
// what changed (treatment minus control). Pure functions over run snapshots.

export interface RunSnapshot {
  id: string;
  state: string;
  commitSha: string | null;
  modelHash: string | null;
  tokensUsed: number;
  startedAt: Date | null;
  completedAt: Date | null;
  totalPhases: number;
  phasesComplete: number;
  phasesFailed: number;
}

export interface Comparison {
  isValid: boolean;
  /** "ERROR: ..." messages (make the comparison invalid) then "WARNING: ..." ones, in rule order. */
  validityErrors: string[];
  tokenDelta: number;
  timeDeltaSeconds: number | null;
  successRateDelta: number;
}

const show = (v: string | null) => v ?? 'null';

function identityRule(label: string, control: string | null, treatment: string | null): string | null {
  if (!control || !treatment) return `ERROR: Missing ${label} - control=${show(control)}, treatment=${show(treatment)}`;
  if (control !== treatment) return `ERROR: ${label[0].toUpperCase()}${label.slice(1)} mismatch - control=${control}, treatment=${treatment}`;
  return null;
}

/** Validity rules in order: commit SHA, model mapping hash (errors), phase count (warning). */
function validityMessages(control: RunSnapshot, treatment: RunSnapshot): string[] {
  const messages = [
    identityRule('commit SHA', control.commitSha, treatment.commitSha),
    identityRule('model mapping hash', control.modelHash, treatment.modelHash),
  ];
  if (control.totalPhases !== treatment.totalPhases) {
    messages.push(`WARNING: Phase count mismatch - control=${control.totalPhases}, treatment=${treatment.totalPhases}`);
  }
  return messages.filter((m): m is string => m !== null);
}

/** Wall time of a run in seconds, or null when it never started or never finished. */
export function durationSeconds(run: Pick<RunSnapshot, 'startedAt' | 'completedAt'>): number | null {
  if (!run.startedAt || !run.completedAt) return null;
  return (run.completedAt.getTime() - run.startedAt.getTime()) / 1000;
}

/** Completed phases as a percentage of all phases (0 for a run without phases). */
export function successRate(run: Pick<RunSnapshot, 'phasesComplete' | 'totalPhases'>): number {
  return run.totalPhases === 0 ? 0 : (run.phasesComplete / run.totalPhases) * 100;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function compareRuns(control: RunSnapshot, treatment: RunSnapshot): Comparison {
  const validityErrors = validityMessages(control, treatment);
  const controlTime = durationSeconds(control);
  const treatmentTime = durationSeconds(treatment);
  return {
    isValid: !validityErrors.some((m) => m.startsWith('ERROR:')),
    validityErrors,
    tokenDelta: treatment.tokensUsed - control.tokensUsed,
    timeDeltaSeconds: controlTime === null || treatmentTime === null ? null : round(treatmentTime - controlTime, 3),
    successRateDelta: round(successRate(treatment) - successRate(control), 4),
  };
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
