// The guide's dashboard API: GET /api/dashboard/runs/{id}/consolidated-metrics?limit=&offset=. A GraphQL
// operation on the same schema, so the kill switch answers first (503), then the arguments (400), then the
// run's existence (404), exactly as over /graphql.
import { graphql } from '../../graphql/documents';
import { decodeSegment, executeRest, intParam, RestError, type RestRoute } from '../../http/rest';

const CONSOLIDATED = graphql(`
  query ConsolidatedMetrics($runId: ID!, $limit: Int!, $offset: Int!) {
    consolidatedMetrics(runId: $runId, limit: $limit, offset: $offset) {
      runId
      retrievalTokens
      secondOpinionTokens
      evidenceRequestTokens
      baseTokens
      totalTokens
      totalPhases
      phasesWithMetrics
    }
  }
`);

export const dashboardRoutes: RestRoute = async (apollo, context, method, path, url) => {
  const m = /^\/api\/dashboard\/runs\/([^/]+)\/consolidated-metrics$/.exec(path);
  if (!m) return null;
  if (method !== 'GET') throw new RestError(405, 'Method not allowed: use GET');
  const runId = decodeSegment(m[1]);
  let page: { limit: number; offset: number };
  try {
    page = { limit: intParam(url, 'limit', 1000), offset: intParam(url, 'offset', 0) };
  } catch (e) {
    // The kill switch answers before any argument check: with it off, even a malformed query string gets 503.
    if (context.flags.CONSOLIDATED_METRICS) throw e;
    page = { limit: 1000, offset: 0 };
  }
  return executeRest(apollo, context, CONSOLIDATED, { runId, ...page }, (d) => {
    const c = d.consolidatedMetrics;
    // The resolver answers a missing run with NOT_FOUND (handled above as a 404); null without an error is a bug.
    if (!c) throw new Error(`consolidatedMetrics returned null for run ${runId} without an error`);
    return {
      status: 200,
      // The guide's body, key for key (run_id added so a saved response says which run it describes).
      body: {
        run_id: c.runId,
        retrieval_tokens: c.retrievalTokens,
        second_opinion_tokens: c.secondOpinionTokens,
        evidence_request_tokens: c.evidenceRequestTokens,
        base_tokens: c.baseTokens,
        total_tokens: c.totalTokens,
        total_phases: c.totalPhases,
        phases_with_metrics: c.phasesWithMetrics,
      },
    };
  });
};
