// Runs and their phases: creation, lookup and cursor-paginated listing.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Phase, Run, type RunState } from '../../db/entities';
import type { Em } from '../../db/orm';
import { badInput, conflict, notFound } from '../../shared/errors';
import { touchRun } from '../live/publish';
import { checkId, checkLength, checkLimit, checkNonNegative, ID_PATTERN } from '../../shared/validation';
import { countRuns, runsPage } from './reads';
import type { NestedOfRuns, PageNested } from './page-nested';
import type { RunRecord, RunShape } from './records';
import { MAX_PAGE_SIZE } from './limits';

interface PhaseInput {
  phaseId: string;
  name: string;
  description?: string | null;
  phaseIndex?: number | null;
}

export interface CreateRunInput {
  id: string;
  safetyProfile?: string | null;
  runScope?: string | null;
  tokenCap?: number | null;
  gitCommitSha?: string | null;
  modelMappingHash?: string | null;
  goal?: string | null;
  phases?: PhaseInput[] | null;
}

const MAX_PHASES_PER_RUN = 1000;

/** Creates a run and its phases in one transaction; every check happens before anything is written. */
export async function createRun(em: Em, input: CreateRunInput): Promise<Run> {
  const id = checkId(input.id, 'run id');
  const phases = input.phases ?? [];
  if (phases.length > MAX_PHASES_PER_RUN) throw badInput(`A run has at most ${MAX_PHASES_PER_RUN} phases, got ${phases.length}`);
  const seen = new Set<string>();
  phases.forEach((p, i) => {
    checkId(p.phaseId, `phase id at index ${i}`);
    if (seen.has(p.phaseId)) throw badInput(`Duplicate phase id "${p.phaseId}" at index ${i}`, { field: 'phases' });
    seen.add(p.phaseId);
    checkLength(p.name, `phase name at index ${i}`, 255, true);
    checkLength(p.description, `phase description at index ${i}`, 10_000);
    if (p.phaseIndex !== null && p.phaseIndex !== undefined) checkNonNegative(p.phaseIndex, `phaseIndex at index ${i}`);
  });
  const tokenCap = checkNonNegative(input.tokenCap ?? 5_000_000, 'tokenCap');
  const fields = {
    safetyProfile: checkLength(input.safetyProfile, 'safetyProfile', 32) ?? 'normal',
    runScope: checkLength(input.runScope, 'runScope', 64) ?? 'multi_tier',
    gitCommitSha: checkLength(input.gitCommitSha, 'gitCommitSha', 64),
    modelMappingHash: checkLength(input.modelMappingHash, 'modelMappingHash', 128),
    goal: checkLength(input.goal, 'goal', 10_000),
  };

  if (await em.count(Run, { id })) throw conflict(`Run ${id} already exists`);
  try {
    return await em.transactional(async (tx) => {
      const run = tx.create(Run, { id, tokenCap, ...fields });
      phases.forEach((p, i) => tx.create(Phase, { run, phaseId: p.phaseId, name: p.name, description: p.description ?? null, phaseIndex: p.phaseIndex ?? i }));
      await tx.flush();
      touchRun(tx, id, { row: true, phases: 'all' });
      return run;
    });
  } catch (e) {
    // Two creators racing for one id: the primary key decides, the loser gets the same answer as above.
    if (e instanceof UniqueConstraintViolationException) throw conflict(`Run ${id} already exists`);
    throw e;
  }
}

async function getRun(em: Em, id: string): Promise<Run | null> {
  // An id no run can have (bad characters, NUL, too long) is not found without asking the database.
  if (!ID_PATTERN.test(id)) return null;
  return em.findOne(Run, { id });
}

export async function requireRun(em: Em, id: string): Promise<Run> {
  const run = await getRun(em, id);
  if (!run) throw notFound(`Run not found: ${id}`);
  return run;
}

export interface RunPage {
  nodes: RunRecord[];
  /** null unless asked for (a count(*) costs more than the page itself). */
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** What was read with the nodes when asked (listRuns' `want.nested`), for the loaders of their fields. */
  nested?: NestedOfRuns | null;
}

// Cursor = position in the (created_at DESC, id DESC) order, opaque to clients.
function encodeCursor(run: Pick<Run, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([run.createdAt.getTime(), run.id])).toString('base64url');
}

// Instants a run can have (years 0001-9999, as DateTime): anything else was not made by encodeCursor.
const MIN_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z (Date.UTC maps years 0-99 to 1900-1999)
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MAX_CURSOR_LENGTH = 256;

/** Strict inverse of encodeCursor: nothing a client crafted reaches a query unless encodeCursor could have made it. */
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const invalid = () =>
    badInput(`Invalid cursor "${cursor.slice(0, 64).replace(/[^\x20-\x7e]/g, '?')}": pass a pageInfo.endCursor unchanged`, { field: 'after' });
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) throw invalid(); // not canonical base64url
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalid();
  const [ms, id] = value as unknown[];
  if (!Number.isSafeInteger(ms) || (ms as number) < MIN_MS || (ms as number) > MAX_MS) throw invalid();
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw invalid();
  return { createdAt: new Date(ms as number), id };
}

/** Newest first; `after` continues from a previous page's endCursor. One statement, two with `totalCount`. */
export async function listRuns(
  em: Em,
  args: { state?: RunState | null; first?: number | null; after?: string | null; offset?: number | null },
  want: { totalCount: boolean; nested?: PageNested | null; shape?: RunShape | null } = { totalCount: true },
): Promise<RunPage> {
  const first = checkLimit(args.first ?? 20, 'first', MAX_PAGE_SIZE);
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw badInput(`offset must be >= 0, got ${offset}`, { field: 'offset' });
  if (offset && args.after) throw badInput('Use either after (a cursor) or offset, not both', { field: 'offset' });
  const after = args.after ? decodeCursor(args.after) : null;
  const [{ runs: rows, nested }, totalCount] = await Promise.all([
    runsPage(em, { state: args.state, after, limit: first + 1, offset, nested: want.nested ? { runs: first, wanted: want.nested } : null, shape: want.shape }),
    want.totalCount ? countRuns(em, args.state) : null,
  ]);
  const nodes = rows.slice(0, first);
  return {
    nodes,
    nested,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]) : null },
  };
}
