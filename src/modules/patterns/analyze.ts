// Pattern analysis: recurring failures among the PHASE_FAILED / RUN_FAILED dashboard events, grouped by the
// signature of their normalised message and ranked by how often they happen.
import { DashboardEvent, Run } from '../../db/entities';
import type { Em } from '../../db/orm';
import { notFound } from '../errors';
import { checkId, checkLimit } from '../validation';
import { classifyError, confidenceFor, messageWords, topKeywords, type Confidence, type ErrorType } from './classify';
import { detectorSource } from './detector';
import { normalizeTokens, signatureOf, tokenize } from './normalize';

export const FAILURE_EVENT_TYPES = ['PHASE_FAILED', 'RUN_FAILED'];
export const DEFAULT_MIN_OCCURRENCES = 3;
export const MAX_MIN_OCCURRENCES = 1000;
/** Distinct messages kept per pattern (for generated tests and backlog entries). */
export const MAX_SAMPLES = 5;

export interface FailurePattern {
  patternId: string;
  signature: string;
  errorType: ErrorType;
  occurrences: number;
  runIds: string[];
  phaseIds: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  sampleMessage: string;
  keywords: string[];
  confidence: Confidence;
  normalizedMessage: string;
  /** Source of the anchored detector regex. */
  detector: string;
  /** Up to MAX_SAMPLES distinct messages, oldest first. */
  samples: string[];
}

export interface PatternAnalysis {
  runId: string | null;
  minOccurrences: number;
  /** Failure events with a message that were examined. */
  failureEvents: number;
  /** Distinct signatures among them, whatever their count. */
  distinctSignatures: number;
  /** Occurrences of the most frequent signature (0 without events): what --min-occurrences could be. */
  largestGroup: number;
  patterns: FailurePattern[];
}

export interface AnalysisOptions {
  runId?: string | null;
  minOccurrences?: number | null;
}

interface Group {
  normalized: string;
  signature: string;
  occurrences: number;
  runIds: Set<string>;
  phaseIds: Set<string>;
  firstSeenAt: Date;
  lastSeenAt: Date;
  samples: string[];
  words: Map<string, number>;
}

export function checkMinOccurrences(value: number): number {
  return checkLimit(value, 'minOccurrences', MAX_MIN_OCCURRENCES);
}

/** Deterministic order: most frequent first, then oldest, then by id. */
export function comparePatterns(a: FailurePattern, b: FailurePattern): number {
  return b.occurrences - a.occurrences || a.firstSeenAt.getTime() - b.firstSeenAt.getTime() || (a.patternId < b.patternId ? -1 : a.patternId > b.patternId ? 1 : 0);
}

/** Reads the failure events with one statement (phase ids joined) and groups them in memory. */
export async function analyzeFailures(em: Em, opts: AnalysisOptions = {}): Promise<PatternAnalysis> {
  const runId = opts.runId == null ? null : checkId(opts.runId, 'runId');
  const minOccurrences = checkMinOccurrences(opts.minOccurrences ?? DEFAULT_MIN_OCCURRENCES);

  const events = await em.find(
    DashboardEvent,
    { eventType: { $in: FAILURE_EVENT_TYPES }, message: { $ne: null }, ...(runId ? { run: runId } : {}) },
    {
      fields: ['message', 'createdAt', 'run', 'phase.phaseId'],
      populate: ['phase'],
      strategy: 'joined',
      orderBy: { createdAt: 'asc', id: 'asc' },
    },
  );
  // A run with no failure events may not exist at all: only then is it worth a second statement.
  if (runId && !events.length && !(await em.count(Run, { id: runId }))) throw notFound(`Run not found: ${runId}`);

  const groups = new Map<string, Group>();
  let failureEvents = 0;
  for (const e of events) {
    const message = e.message ?? '';
    if (!message.trim()) continue;
    failureEvents++;
    const tokens = tokenize(message);
    const normalized = normalizeTokens(tokens);
    const signature = signatureOf(normalized);
    let g = groups.get(signature);
    if (!g) {
      g = { normalized, signature, occurrences: 0, runIds: new Set(), phaseIds: new Set(), firstSeenAt: e.createdAt, lastSeenAt: e.createdAt, samples: [], words: new Map() };
      groups.set(signature, g);
    }
    g.occurrences++;
    g.runIds.add(e.run.id);
    if (e.phase) g.phaseIds.add(e.phase.phaseId);
    if (e.createdAt < g.firstSeenAt) g.firstSeenAt = e.createdAt;
    if (e.createdAt > g.lastSeenAt) g.lastSeenAt = e.createdAt;
    if (g.samples.length < MAX_SAMPLES && !g.samples.includes(message)) g.samples.push(message);
    for (const w of messageWords(tokens)) g.words.set(w, (g.words.get(w) ?? 0) + 1);
  }

  const patterns = [...groups.values()].filter((g) => g.occurrences >= minOccurrences).map(toPattern).sort(comparePatterns);
  let largestGroup = 0;
  for (const g of groups.values()) largestGroup = Math.max(largestGroup, g.occurrences);
  return { runId, minOccurrences, failureEvents, distinctSignatures: groups.size, largestGroup, patterns };
}

const sorted = (values: Set<string>) => [...values].sort();

function toPattern(g: Group): FailurePattern {
  const errorType = classifyError(g.normalized);
  return {
    patternId: `${errorType.toLowerCase()}_${g.signature.slice(0, 8)}`,
    signature: g.signature,
    errorType,
    occurrences: g.occurrences,
    runIds: sorted(g.runIds),
    phaseIds: sorted(g.phaseIds),
    firstSeenAt: g.firstSeenAt,
    lastSeenAt: g.lastSeenAt,
    sampleMessage: g.samples[0],
    keywords: topKeywords(g.words),
    confidence: confidenceFor(g.occurrences),
    normalizedMessage: g.normalized,
    detector: detectorSource(g.normalized),
    samples: g.samples,
  };
}
