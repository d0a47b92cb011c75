// GET /api/dashboard/ab-results?valid_only=true&test_id=...&limit=... (the guide's A/B smoke test).
import { graphql } from '../../graphql/documents';
import { executeRest, intParam, RestError, type RestRoute } from '../../http/rest';
import { toSnake } from '../../shared/snake-case';

const AB_RESULTS = graphql(`
  query AbResults($testId: String, $validOnly: Boolean!, $limit: Int!) {
    abTestResults(testId: $testId, validOnly: $validOnly, limit: $limit) {
      id
      testId
      controlRun {
        id
      }
      treatmentRun {
        id
      }
      controlCommitSha
      treatmentCommitSha
      controlModelHash
      treatmentModelHash
      isValid
      validityErrors
      tokenDelta
      timeDeltaSeconds
      successRateDelta
      controlTotalTokens
      controlPhasesComplete
      controlPhasesFailed
      controlTotalPhases
      treatmentTotalTokens
      treatmentPhasesComplete
      treatmentPhasesFailed
      treatmentTotalPhases
      createdAt
      createdBy
    }
  }
`);

function boolParam(url: URL, name: string, fallback: boolean): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (/^(true|1)$/i.test(raw)) return true;
  if (/^(false|0)$/i.test(raw)) return false;
  throw new RestError(400, `${name} must be true or false, got "${raw.slice(0, 40)}"`);
}

export const abResultsRoute: RestRoute = async (apollo, context, method, path, url) => {
  if (path !== '/api/dashboard/ab-results') return null;
  if (method !== 'GET') throw new RestError(405, 'Method not allowed: use GET');
  const validOnly = boolParam(url, 'valid_only', true);
  const testId = url.searchParams.get('test_id') || null;
  const limit = intParam(url, 'limit', 100);
  return executeRest(
    apollo,
    context,
    AB_RESULTS,
    { testId, validOnly, limit },
    (d) => ({
      status: 200,
      body: {
        count: d.abTestResults.length,
        filters: { test_id: testId, valid_only: validOnly },
        results: d.abTestResults.map(({ controlRun, treatmentRun, ...r }) =>
          toSnake({ ...r, controlRunId: controlRun?.id ?? null, treatmentRunId: treatmentRun?.id ?? null }),
        ),
      },
    }),
    { testId: 'test_id', validOnly: 'valid_only' },
  );
};
