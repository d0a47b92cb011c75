// How a replay did against the run it replays (replay minus original), once the replay has finished.
import type { PhaseRecord, RunRecord } from '../runs/records';
import { isFinished } from '../../db/entities/enums';
import { tallyPhases } from '../runs/status';

type PhaseStates = readonly Pick<PhaseRecord, 'state'>[];

interface RunOutcomeSummary {
  state: string;
  tokensUsed: number;
  totalPhases: number;
  phasesComplete: number;
  phasesFailed: number;
}

export interface ReplayComparison {
  originalRunId: string;
  replayRunId: string;
  generatedAt: Date;
  original: RunOutcomeSummary;
  replay: RunOutcomeSummary;
  deltas: { tokenDelta: number; phaseCompleteDelta: number; phaseFailedDelta: number };
}

function summarize(run: RunRecord, phases: PhaseStates): RunOutcomeSummary {
  const tally = tallyPhases(phases);
  return { state: run.state, tokensUsed: run.tokensUsed, totalPhases: tally.total, phasesComplete: tally.complete, phasesFailed: tally.failed };
}

/** null while the replay has not finished. */
export function compareReplay(original: RunRecord, originalPhases: PhaseStates, replay: RunRecord, replayPhases: PhaseStates): ReplayComparison | null {
  if (!isFinished(replay.state)) return null;
  const o = summarize(original, originalPhases);
  const r = summarize(replay, replayPhases);
  return {
    originalRunId: original.id,
    replayRunId: replay.id,
    generatedAt: new Date(),
    original: o,
    replay: r,
    deltas: {
      tokenDelta: r.tokensUsed - o.tokensUsed,
      phaseCompleteDelta: r.phasesComplete - o.phasesComplete,
      phaseFailedDelta: r.phasesFailed - o.phasesFailed,
    },
  };
}
