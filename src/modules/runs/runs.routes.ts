// The guide's "Runs API": GET /api/runs, GET /api/runs/{id}, POST /api/runs/{id}/execute,
// GET /api/runs/{id}/status. Each is a GraphQL operation on the same schema.
import { RUN_STATES } from '../../db/entities/enums';
import { graphql } from '../../graphql/documents';
import { decodeSegment, enumParam, executeRest, intParam, RestError, type RestResponse, type RestRoute } from '../../http/rest';
import { toSnake } from '../../shared/snake-case';

// Fields of the guide's run body, shared by the list and the single run.
graphql(`
  fragment RestRunFields on Run {
    id
    state
    safetyProfile
    runScope
    goal
    tokenCap
    tokensUsed
    gitCommitSha
    modelMappingHash
    failureReason
    replayOf {
      id
    }
    createdAt
    updatedAt
    queuedAt
    startedAt
    completedAt
  }
`);

const LIST = graphql(`
  query ListRuns($first: Int!, $offset: Int!, $state: RunState) {
    runs(first: $first, offset: $offset, state: $state) {
      totalCount
      nodes {
        ...RestRunFields
      }
    }
  }
`);

const GET = graphql(`
  query GetRun($id: ID!) {
    run(id: $id) {
      ...RestRunFields
      phases {
        phaseId
        phaseIndex
        name
        description
        state
        tokensUsed
        attempts
        lastFailureReason
        createdAt
        startedAt
        completedAt
      }
    }
  }
`);

const EXECUTE = graphql(`
  mutation ExecuteRun($id: ID!) {
    executeRun(id: $id) {
      id
      state
      queuedAt
    }
  }
`);

const STATUS = graphql(`
  query RunStatus($id: ID!) {
    run(id: $id) {
      id
      state
      createdAt
      queuedAt
      startedAt
      completedAt
      tokensUsed
      tokenCap
      failureReason
      status {
        totalPhases
        completedPhases
        failedPhases
        executingPhases
        percentComplete
      }
    }
  }
`);

/** Any run selection with `replayOf { id }` (the list's and the single run's, typed by their documents). */
type RunData = Record<string, unknown> & { replayOf?: { id: string } | null };

/** Flattens `replayOf { id }` to `replay_of` and converts keys to snake_case. */
function runBody(run: RunData): Record<string, unknown> {
  const { replayOf, ...rest } = run;
  return toSnake({ ...rest, replayOf: replayOf?.id ?? null }) as Record<string, unknown>;
}

const notFound = (id: string): RestResponse => ({ status: 404, body: { detail: `Run not found: ${id}` } });

export const runRoutes: RestRoute = async (apollo, context, method, path, url) => {
  if (path === '/api/runs') {
    if (method !== 'GET') throw new RestError(405, 'Method not allowed: use GET');
    const limit = intParam(url, 'limit', 20);
    const offset = intParam(url, 'offset', 0);
    if (limit < 1 || limit > 100) throw new RestError(400, `limit must be between 1 and 100, got ${limit}`);
    if (offset < 0) throw new RestError(400, `offset must be >= 0, got ${offset}`);
    const state = enumParam(url, 'state', RUN_STATES);
    return executeRest(apollo, context, LIST, { first: limit, offset, state }, (d) => ({
      status: 200,
      body: { runs: d.runs.nodes.map(runBody), total: d.runs.totalCount, limit, offset },
    }));
  }
  const m = /^\/api\/runs\/([^/]+)(\/execute|\/status)?$/.exec(path);
  if (!m) return null;
  const id = decodeSegment(m[1]);
  const action = m[2] ?? '';
  const allowed = action === '/execute' ? 'POST' : 'GET';
  if (method !== allowed) throw new RestError(405, `Method not allowed: use ${allowed}`);

  if (action === '/execute') {
    return executeRest(apollo, context, EXECUTE, { id }, (d) => ({
      status: 202,
      body: { run_id: d.executeRun.id, state: d.executeRun.state, queued_at: d.executeRun.queuedAt, message: 'Run queued for execution' },
    }));
  }
  if (action === '/status') {
    return executeRest(apollo, context, STATUS, { id }, (d) => {
      if (!d.run) return notFound(id);
      const { id: runId, status, ...rest } = d.run;
      return { status: 200, body: toSnake({ runId, ...rest, ...status }) };
    });
  }
  return executeRest(apollo, context, GET, { id }, (d) => (d.run ? { status: 200, body: runBody(d.run) } : notFound(id)));
};
