// Runs: the list, newest first, filtered by state, paged by cursor; rows update live.
import { useEffect } from 'react';
import { fmtDuration, fmtInt, fmtTime, RUN_STATES, stateLabel } from '../format';
import { graphql } from '../gql';
import { follow, useLiveQuery } from '../live';
import { Link, navigate, useLocation, withParams } from '../router';
import type { RunRowFragment, RunState } from '../gql/graphql';
import { ErrorBox, Loading, Page, StateBadge } from '../ui';

const RunsQuery = graphql(`
  query Runs($state: RunState, $first: Int!, $after: String) {
    runs(state: $state, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RunRow
      }
    }
  }
`);

// A run's progress, as the Runs and Run pages show it (their queries and subscriptions select the same).
graphql(`
  fragment RunProgress on RunStatus {
    totalPhases
    completedPhases
    failedPhases
    percentComplete
  }
`);

// What a row shows: the subscription sends the same fields, so the cache updates the row in place.
graphql(`
  fragment RunRow on Run {
    id
    state
    goal
    tokensUsed
    tokenCap
    createdAt
    startedAt
    completedAt
    status {
      ...RunProgress
    }
  }
`);

// Every run, whatever the filter: a run leaving the page's state is news for the page too, and
// runsUpdated(state) only sends runs now in that state.
const RunsUpdatedSubscription = graphql(`
  subscription RunsUpdated {
    runsUpdated {
      ...RunRow
    }
  }
`);

const RUNS_PAGE_SIZE = 25;
const RENDERED_MARK = 'autopack:runs-rendered';

export function RunsPage() {
  const location = useLocation();
  const state = (location.params.get('state') as RunState | null) || null;
  const after = location.params.get('after');
  // Cursors of the pages before this one, so "Previous" works and survives a reload.
  const trail = (location.params.get('trail') ?? '').split(',').filter(Boolean);
  const [{ data, error }, refetch] = useLiveQuery(
    { query: RunsQuery, variables: { state, first: RUNS_PAGE_SIZE, after } },
    { live: [follow(RunsUpdatedSubscription, {}, (d): boolean => changesPage(d.runsUpdated, data?.runs.nodes, { state, first: !after }))] },
  );
  const page = trail.length + (after ? 1 : 0);
  useEffect(() => {
    // When the first rows are on screen (read by `npm run bench:console`).
    if (data && !performance.getEntriesByName(RENDERED_MARK).length) performance.mark(RENDERED_MARK);
  }, [data]);

  const next = data?.runs.pageInfo.endCursor
    ? withParams(location, { after: data.runs.pageInfo.endCursor, trail: after ? [...trail, after].join(',') : trail.join(',') })
    : null;
  const previous = after ? withParams(location, { after: trail[trail.length - 1] ?? null, trail: trail.slice(0, -1).join(',') }) : null;

  return (
    <Page title="Runs">
      <div className="toolbar">
        <label htmlFor="state-filter">State</label>
        <select id="state-filter" value={state ?? ''} onChange={(e) => navigate(withParams(location, { state: e.target.value, after: null, trail: null }))}>
          <option value="">All states</option>
          {RUN_STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
        {data && <span className="muted">{fmtInt(data.runs.totalCount)} runs</span>}
      </div>
      {error && <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <Loading what="runs" />}
      {data && (
        <>
          <div className="table-wrap">
            <table data-testid="runs-table" className="cards">
              <caption className="sr-only">Runs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">State</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Tokens used / cap</th>
                  <th scope="col">Created</th>
                  <th scope="col">Duration</th>
                </tr>
              </thead>
              <tbody>
                {data.runs.nodes.length === 0 && (
                  <tr>
                    <td colSpan={6}>No runs{state ? ` in state ${stateLabel(state)}` : ''}.</td>
                  </tr>
                )}
                {data.runs.nodes.map((r) => (
                  <tr key={r.id} data-run-id={r.id}>
                    <th scope="row">
                      <Link href={`/runs/${encodeURIComponent(r.id)}`}>{r.id}</Link>
                      {r.goal && <div className="muted small">{r.goal}</div>}
                    </th>
                    <td data-col="state" data-label="State">
                      <StateBadge state={r.state} />
                    </td>
                    <td data-label="Progress">
                      <Meter value={r.status.percentComplete} label={`${r.status.completedPhases}/${r.status.totalPhases} phases`} />
                    </td>
                    <td data-col="tokens" data-label="Tokens used / cap">
                      <TokenUse used={r.tokensUsed} cap={r.tokenCap} />
                    </td>
                    <td data-label="Created">
                      <time dateTime={r.createdAt}>{fmtTime(r.createdAt)}</time>
                    </td>
                    <td data-label="Duration">{fmtDuration(r.startedAt, r.completedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages of runs">
            {previous ? <Link href={previous}>← Newer</Link> : <span aria-hidden="true" />}
            <span className="muted">Page {page + 1}</span>
            {next && data.runs.pageInfo.hasNextPage ? <Link href={next}>Older →</Link> : <span aria-hidden="true" />}
          </nav>
        </>
      )}
    </Page>
  );
}

/**
 * Whether a changed run changes which rows this page shows (a row changed in place needs nothing: the
 * cache updates it). Rows are newest first (createdAt, then id, descending), RUNS_PAGE_SIZE a page.
 */
function changesPage(run: RunRowFragment, rows: readonly RunRowFragment[] | undefined, page: { state: RunState | null; first: boolean }): boolean {
  if (!rows) return false; // the page's first answer is on its way
  const fits = page.state === null || run.state === page.state;
  if (rows.some((r) => r.id === run.id)) return !fits; // left the filter
  if (!fits) return false;
  // Joined the filter or was created: it shows here if it sorts among these rows (or after them while the
  // page is not full; before them only on the first page, the others start at a cursor).
  const order = (a: RunRowFragment, b: RunRowFragment) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const newest = rows[0];
  const oldest = rows[rows.length - 1];
  if (!newest || !oldest) return true;
  if (order(run, newest) > 0) return page.first;
  return order(run, oldest) > 0 || rows.length < RUNS_PAGE_SIZE;
}

export function Meter({ value, label }: { value: number; label: string }) {
  return (
    <div className="meter-cell">
      <progress max={100} value={value} aria-label={label} />
      <span className="small">
        {Math.round(value)} % · {label}
      </span>
    </div>
  );
}

function TokenUse({ used, cap }: { used: number; cap: number }) {
  const share = cap > 0 ? (used / cap) * 100 : 0;
  return (
    <span className={share >= 100 ? 'over' : share >= 80 ? 'near' : undefined}>
      {fmtInt(used)} / {fmtInt(cap)}
      <span className="small muted"> ({share.toFixed(share < 10 ? 1 : 0)} %)</span>
    </span>
  );
}
