// Pattern analysis: recurring failures among the PHASE_FAILED / RUN_FAILED dashboard events, grouped by the
// signature of their normalised message and ranked by how often they happen.
import { DashboardEvent, Run } from '../../db/entities';
import type { Em } from '../../db/orm';
import { notFound } from '../../shared/errors';
import { checkId, checkLimit } from '../../shared/validation';
import { classifyError, confidenceFor, messageWords, topKeywords, type Confidence, type ErrorType } from './classify';
import { detectorSource } from './detector';
import { normalizeTokens, signatureOf, tokenize } from './normalize';
import { DEFAULT_MIN_OCCURRENCES, MAX_MIN_OCCURRENCES } from './limits';
import { driverDate } from '../../db/driver-date';

const FAILURE_EVENT_TYPES = ['PHASE_FAILED', 'RUN_FAILED'];
/** Distinct messages kept per pattern (for generated tests and backlog entries). */
const MAX_SAMPLES = 5;

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

interface FailureRow {
  message: string | null;
  createdAt: Date | string | number;
  run: string;
  phase_key: string | null;
}

interface Normalized {
  normalized: string;
  signature: string;
  words: Set<string>;
}

function normalizeOnce(message: string): Normalized {
  const tokens = tokenize(message);
  const normalized = normalizeTokens(tokens);
  return { normalized, signature: signatureOf(normalized), words: messageWords(tokens) };
}

function checkMinOccurrences(value: number): number {
  return checkLimit(value, 'minOccurrences', MAX_MIN_OCCURRENCES);
}

/** Deterministic order: most frequent first, then oldest, then by id. */
function comparePatterns(a: FailurePattern, b: FailurePattern): number {
  return (
    b.occurrences - a.occurrences || a.firstSeenAt.getTime() - b.firstSeenAt.getTime() || (a.patternId < b.patternId ? -1 : a.patternId > b.patternId ? 1 : 0)
  );
}

/** Reads the failure events with one statement (phase ids joined) and groups them in memory. */
export async function analyzeFailures(em: Em, opts: AnalysisOptions = {}): Promise<PatternAnalysis> {
  const runId = opts.runId == null ? null : checkId(opts.runId, 'runId');
  const minOccurrences = checkMinOccurrences(opts.minOccurrences ?? DEFAULT_MIN_OCCURRENCES);

  // Plain rows, not entities: hydrating tens of thousands of events costs seconds for nothing.
  const rows = await em
    .createQueryBuilder(DashboardEvent, 'e')
    .select(['e.id', 'e.message', 'e.createdAt', 'e.run'])
    .addSelect('p.phase_id as phase_key')
    .leftJoin('e.phase', 'p')
    .where({ eventType: { $in: FAILURE_EVENT_TYPES }, message: { $ne: null }, ...(runId ? { run: runId } : {}) })
    .orderBy({ createdAt: 'asc', id: 'asc' })
    .execute<FailureRow[]>('all');
  // A run with no failure events may not exist at all: only then is it worth a second statement.
  if (runId && !rows.length && !(await em.count(Run, { id: runId }))) throw notFound(`Run not found: ${runId}`);

  const groups = new Map<string, Group>();
  const seen = new Map<string, Normalized>(); // identical messages are common: normalise each once
  let failureEvents = 0;
  for (const row of rows) {
    const message = row.message ?? '';
    if (!message.trim()) continue;
    failureEvents++;
    let n = seen.get(message);
    if (!n) seen.set(message, (n = normalizeOnce(message)));
    const at = driverDate(row.createdAt);
    let g = groups.get(n.signature);
    if (!g) {
      g = {
        normalized: n.normalized,
        signature: n.signature,
        occurrences: 0,
        runIds: new Set(),
        phaseIds: new Set(),
        firstSeenAt: at,
        lastSeenAt: at,
        samples: [],
        words: new Map(),
      };
      groups.set(n.signature, g);
    }
    g.occurrences++;
    g.runIds.add(row.run);
    if (row.phase_key != null) g.phaseIds.add(row.phase_key);
    if (at < g.firstSeenAt) g.firstSeenAt = at;
    if (at > g.lastSeenAt) g.lastSeenAt = at;
    if (g.samples.length < MAX_SAMPLES && !g.samples.includes(message)) g.samples.push(message);
    for (const w of n.words) g.words.set(w, (g.words.get(w) ?? 0) + 1);
  }

  const patterns = [...groups.values()]
    .filter((g) => g.occurrences >= minOccurrences)
    .map(toPattern)
    .sort(comparePatterns);
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
