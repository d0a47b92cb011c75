// A/B results: by test id, validity messages, deltas, and the test's summary statistics as a chart.
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../chart';
import { fmtInt, fmtSigned, fmtTime } from '../format';
import { graphql } from '../gql';
import { useLiveQuery } from '../live';
import { Link, navigate, useLocation, withParams } from '../router';
import { ErrorBox, Loading, Page, Section } from '../ui';

const AbResultsQuery = graphql(`
  query AbResults($testId: String) {
    abTestResults(testId: $testId, validOnly: false, limit: 50) {
      id
      testId
      isValid
      validityErrors
      tokenDelta
      timeDeltaSeconds
      successRateDelta
      controlTotalTokens
      treatmentTotalTokens
      controlPhasesComplete
      controlTotalPhases
      treatmentPhasesComplete
      treatmentTotalPhases
      createdAt
      createdBy
      controlRun {
        id
      }
      treatmentRun {
        id
      }
    }
  }
`);

const AbSummaryQuery = graphql(`
  query AbSummary($testId: String!) {
    abTestSummary(testId: $testId) {
      testId
      count
      tokenDelta {
        mean
        median
      }
      timeDeltaSeconds {
        mean
        median
      }
      successRateDelta {
        mean
        median
      }
    }
  }
`);

export function AbPage() {
  const location = useLocation();
  const testId = location.params.get('test');
  // The test ids come from the newest results of every test.
  const [all] = useLiveQuery({ query: AbResultsQuery, variables: { testId: null } });
  const [{ data, error }, refetch] = useLiveQuery({ query: AbResultsQuery, variables: { testId }, pause: !testId });
  const testIds = useMemo(() => [...new Set(all.data?.abTestResults.map((r) => r.testId) ?? [])].sort(), [all.data]);
  const results = testId ? data?.abTestResults : all.data?.abTestResults;
  const err = testId ? error : all.error;

  return (
    <Page title="A/B results">
      <div className="toolbar">
        <label htmlFor="test-id">Test</label>
        <select id="test-id" value={testId ?? ''} onChange={(e) => navigate(withParams(location, { test: e.target.value }))}>
          <option value="">All tests (newest 50 results)</option>
          {testIds.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
          {testId && !testIds.includes(testId) && <option value={testId}>{testId}</option>}
        </select>
      </div>
      {err && <ErrorBox error={err} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {testId && <Summary testId={testId} />}
      {!results && !err && <Loading what="A/B results" />}
      {results && (
        <Section title={testId ? `Results of ${testId}` : 'Newest results'} id="results">
          {results.length === 0 ? (
            <p>
              No A/B results yet. Compare two finished runs with <code>autopack ab-analysis</code> or the <code>runAbAnalysis</code> mutation.
            </p>
          ) : (
            <div className="table-wrap">
              <table data-testid="ab-table" className="cards">
                <caption className="sr-only">A/B results, newest first; deltas are treatment minus control</caption>
                <thead>
                  <tr>
                    <th scope="col">Test</th>
                    <th scope="col">Control → treatment</th>
                    <th scope="col">Valid</th>
                    <th scope="col">Token delta</th>
                    <th scope="col">Time delta</th>
                    <th scope="col">Success rate delta</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r, i) => (
                    <tr key={r.id ?? i}>
                      <th scope="row">
                        <Link href={withParams(location, { test: r.testId })}>{r.testId}</Link>
                      </th>
                      <td data-label="Control → treatment">
                        <div>
                          <RunLink id={r.controlRun?.id} /> → <RunLink id={r.treatmentRun?.id} />
                          <div className="small muted">
                            {fmtInt(r.controlTotalTokens)} → {fmtInt(r.treatmentTotalTokens)} tokens; {r.controlPhasesComplete}/{r.controlTotalPhases} →{' '}
                            {r.treatmentPhasesComplete}/{r.treatmentTotalPhases} phases
                          </div>
                        </div>
                      </td>
                      <td data-label="Valid">
                        <div>
                          <span className={`badge tone-${r.isValid ? 'ok' : 'bad'}`}>{r.isValid ? 'valid' : 'invalid'}</span>
                          {r.validityErrors.length > 0 && (
                            <ul className="messages">
                              {r.validityErrors.map((m) => (
                                <li key={m} className={m.startsWith('ERROR') ? 'bad-text' : 'near'}>
                                  {m}
                                </li>
                              ))}
                            </ul>
                          )}
                        </div>
                      </td>
                      <td data-label="Token delta">{fmtSigned(r.tokenDelta)}</td>
                      <td data-label="Time delta">
                        {r.timeDeltaSeconds === null || r.timeDeltaSeconds === undefined ? '—' : `${fmtSigned(r.timeDeltaSeconds, 1)} s`}
                      </td>
                      <td data-label="Success rate delta">{fmtSigned(r.successRateDelta, 1)} pp</td>
                      <td data-label="Created">{fmtTime(r.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
    </Page>
  );
}

function RunLink({ id }: { id: string | undefined }) {
  return id ? <Link href={`/runs/${encodeURIComponent(id)}`}>{id}</Link> : <span className="muted">(deleted)</span>;
}

const STATS = [
  { key: 'tokenDelta', label: 'Token delta', unit: 'tokens' },
  { key: 'timeDeltaSeconds', label: 'Time delta', unit: 's' },
  { key: 'successRateDelta', label: 'Success rate delta', unit: 'pp' },
] as const;

function Summary({ testId }: { testId: string }) {
  const [{ data, error }] = useLiveQuery({ query: AbSummaryQuery, variables: { testId } });
  const s = data?.abTestSummary;
  return (
    <Section title={`Summary of ${testId} (valid results only)`} id="summary">
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading what="the summary" />}
      {s && s.count === 0 && <p>No valid result for this test: every comparison had a validity error.</p>}
      {s && s.count > 0 && (
        <>
          <p>
            {s.count} valid result{s.count === 1 ? '' : 's'}; deltas are treatment minus control.
          </p>
          <div className="charts-3">
            {STATS.map((st) => (
              <DeltaChart key={st.key} label={`${st.label} (${st.unit})`} mean={s[st.key].mean} median={s[st.key].median} />
            ))}
          </div>
        </>
      )}
    </Section>
  );
}

function DeltaChart({ label, mean, median }: { label: string; mean: number | null | undefined; median: number | null | undefined }) {
  const option = useMemo<ChartOption>(
    () => ({
      title: undefined,
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: ['mean', 'median'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: label, data: [mean ?? null, median ?? null], label: { show: true, position: 'top' } }],
    }),
    [label, mean, median],
  );
  return (
    <figure className="mini">
      <figcaption>{label}</figcaption>
      {mean === null || mean === undefined ? (
        <p className="muted">No data (a run lacks start or end times).</p>
      ) : (
        <Chart option={option} label={`${label}: mean ${mean.toFixed(2)}, median ${median?.toFixed(2) ?? '—'}`} height={200} />
      )}
    </figure>
  );
}
