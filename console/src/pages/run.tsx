// Run: phases as a timeline, token categories per phase (stacked), events, replays and their
// comparison; execute and replay for admin keys.
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { Chart, type ChartOption } from '../chart';
import { describeError } from '../client';
import { fmtDuration, fmtInt, fmtSigned, fmtTime, stateLabel, stateTone } from '../format';
import { graphql } from '../gql';
import type { RunQuery } from '../gql/graphql';
import { follow, useLiveQuery, type LiveSource } from '../live';
import { Link } from '../router';
import { useIsAdmin } from '../session';
import { Disabled, ErrorBox, isDisabled, Loading, Page, Section, StateBadge } from '../ui';
import { Meter } from './runs';

const RunDetailQuery = graphql(`
  query Run($id: ID!) {
    run(id: $id) {
      id
      ...RunLive
      goal
      safetyProfile
      runScope
      gitCommitSha
      modelMappingHash
      createdAt
      replayOf {
        id
      }
      phases {
        id
        phaseId
        phaseIndex
        name
        ...PhaseLive
        metrics {
          id
          retrievalTokens
          secondOpinionTokens
          evidenceRequestTokens
          baseTokens
        }
      }
      events(limit: 50) {
        id
        eventType
        message
        createdAt
        phase {
          id
          phaseId
        }
      }
      replays {
        id
        state
        tokensUsed
        createdAt
      }
      replayComparison {
        ...Comparison
      }
    }
  }
`);

// What changes while a run executes: the page's query and its subscriptions below spread the same fields, so
// everything shown that can change is updated in place.
graphql(`
  fragment RunLive on Run {
    state
    tokenCap
    tokensUsed
    failureReason
    queuedAt
    startedAt
    completedAt
    status {
      ...RunProgress
    }
  }
`);

graphql(`
  fragment PhaseLive on Phase {
    state
    tokensUsed
    attempts
    lastFailureReason
    startedAt
    completedAt
  }
`);

// Spread by the run query above and the replay comparisons query below; the client preset adds its text to their documents.
graphql(`
  fragment Comparison on ReplayComparison {
    originalRunId
    replayRunId
    generatedAt
    original {
      state
      tokensUsed
      totalPhases
      phasesComplete
      phasesFailed
    }
    replay {
      state
      tokensUsed
      totalPhases
      phasesComplete
      phasesFailed
    }
    deltas {
      tokenDelta
      phaseCompleteDelta
      phaseFailedDelta
    }
  }
`);

const ConsolidatedQuery = graphql(`
  query RunConsolidated($runId: ID!) {
    consolidatedMetrics(runId: $runId) {
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

const ReplayComparisonsQuery = graphql(`
  query RunReplayComparisons($id: ID!) {
    run(id: $id) {
      id
      replays {
        id
        replayComparison {
          ...Comparison
        }
      }
    }
  }
`);

// What the run page follows. The run and its phases come with the fields shown, so the cache updates them in
// place (a phase's run too: its progress moves with the phase); events, telemetry samples and replays add
// rows to lists, which takes asking the page's query again.
const RunUpdatedSubscription = graphql(`
  subscription RunUpdated($id: ID!) {
    runUpdated(id: $id) {
      id
      ...RunLive
    }
  }
`);

const PhaseUpdatedSubscription = graphql(`
  subscription PhaseUpdated($runId: ID!) {
    phaseUpdated(runId: $runId) {
      id
      ...PhaseLive
      run {
        id
        tokensUsed
        status {
          ...RunProgress
        }
      }
    }
  }
`);

const RunEventAddedSubscription = graphql(`
  subscription RunEventAdded($runId: ID!) {
    dashboardEventAdded(runId: $runId) {
      id
    }
  }
`);

// Gated by PHASE6_METRICS: refused with FEATURE_DISABLED while it is off, which live.ts does not count as
// a failure (no sample can be recorded then).
const MetricsRecordedSubscription = graphql(`
  subscription MetricsRecorded($runId: ID!) {
    phaseMetricsRecorded(runId: $runId) {
      id
    }
  }
`);

const ReplayUpdatedSubscription = graphql(`
  subscription ReplayUpdated {
    runsUpdated {
      id
      state
      tokensUsed
      replayOf {
        id
      }
    }
  }
`);

const metricsSource = (runId: string): LiveSource => follow(MetricsRecordedSubscription, { runId });
/** A replay of this run was created or changed: its comparison too. */
const replaysSource = (runId: string): LiveSource => follow(ReplayUpdatedSubscription, {}, (d) => d.runsUpdated.replayOf?.id === runId);

const ExecuteRunMutation = graphql(`
  mutation ExecuteRun($id: ID!) {
    executeRun(id: $id) {
      id
      state
      queuedAt
    }
  }
`);

const ReplayRunMutation = graphql(`
  mutation ReplayRun($id: ID!) {
    replayRun(id: $id) {
      id
      state
    }
  }
`);

type Run = NonNullable<RunQuery['run']>;
type PhaseRow = Run['phases'][number];

const CATEGORIES = [
  { key: 'retrievalTokens', label: 'Retrieval' },
  { key: 'secondOpinionTokens', label: 'Second opinion' },
  { key: 'evidenceRequestTokens', label: 'Evidence request' },
  { key: 'baseTokens', label: 'Base' },
] as const;

export function RunPage({ id }: { id: string }) {
  const [{ data, error }, refetch] = useLiveQuery(
    { query: RunDetailQuery, variables: { id } },
    {
      live: [
        // A replay's comparison with its original moves with it.
        follow(RunUpdatedSubscription, { id }, (): boolean => !!data?.run?.replayOf),
        follow(PhaseUpdatedSubscription, { runId: id }, () => false),
        follow(RunEventAddedSubscription, { runId: id }),
        metricsSource(id),
        replaysSource(id),
      ],
    },
  );
  const run = data?.run;
  return (
    <Page title={`Run ${id}`} actions={run && <RunActions run={run} onDone={() => refetch({ requestPolicy: 'network-only' })} />}>
      <p>
        <Link href="/runs">← All runs</Link>
      </p>
      {error && <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <Loading what="the run" />}
      {data && !run && (
        <p className="error" role="alert">
          Run not found: {id}
        </p>
      )}
      {run && (
        <>
          <Summary run={run} />
          <Section title="Phases" id="timeline">
            <Timeline run={run} />
          </Section>
          <Section title="Tokens by category and phase" id="tokens">
            <Tokens run={run} />
          </Section>
          <div className="grid">
            <Section title="Events (newest first)" id="events">
              <Events run={run} />
            </Section>
            <Section title="Replays" id="replays">
              <Replays run={run} />
            </Section>
          </div>
        </>
      )}
    </Page>
  );
}

function RunActions({ run, onDone }: { run: Run; onDone(): void }) {
  const admin = useIsAdmin();
  const [exec, execute] = useMutation(ExecuteRunMutation);
  const [rep, replay] = useMutation(ReplayRunMutation);
  const [replayId, setReplayId] = useState<string | null>(null);
  if (!admin) return null;
  const error = exec.error ?? rep.error;
  return (
    <>
      {run.state === 'RUN_CREATED' && (
        <button type="button" disabled={exec.fetching} onClick={() => execute({ id: run.id }).then(onDone)}>
          Execute
        </button>
      )}
      {run.state.startsWith('DONE_') && (
        <button
          type="button"
          disabled={rep.fetching}
          onClick={() =>
            replay({ id: run.id }).then((r) => {
              if (r.data) setReplayId(r.data.replayRun.id);
              onDone();
            })
          }
        >
          Replay
        </button>
      )}
      {replayId && (
        <span role="status">
          Replay queued: <Link href={`/runs/${encodeURIComponent(replayId)}`}>{replayId}</Link>
        </span>
      )}
      {error && (
        <span className="error inline" role="alert">
          {describeError(error)}
        </span>
      )}
    </>
  );
}

function Summary({ run }: { run: Run }) {
  return (
    <section className="card summary" aria-label="Summary">
      <dl className="facts wide">
        <dt>State</dt>
        <dd data-testid="run-state">
          <StateBadge state={run.state} />
        </dd>
        <dt>Progress</dt>
        <dd>
          <Meter
            value={run.status.percentComplete}
            label={`${run.status.completedPhases}/${run.status.totalPhases} phases, ${run.status.failedPhases} failed`}
          />
        </dd>
        <dt>Tokens used / cap</dt>
        <dd>
          {fmtInt(run.tokensUsed)} / {fmtInt(run.tokenCap)}
        </dd>
        <dt>Goal</dt>
        <dd>{run.goal ?? '—'}</dd>
        <dt>Created</dt>
        <dd>{fmtTime(run.createdAt)}</dd>
        <dt>Duration</dt>
        <dd>{fmtDuration(run.startedAt, run.completedAt)}</dd>
        <dt>Commit / models</dt>
        <dd>
          <code>{run.gitCommitSha ?? '—'}</code> / <code>{run.modelMappingHash ?? '—'}</code>
        </dd>
        <dt>Profile / scope</dt>
        <dd>
          {run.safetyProfile} / {run.runScope}
        </dd>
        {run.replayOf && (
          <>
            <dt>Replay of</dt>
            <dd>
              <Link href={`/runs/${encodeURIComponent(run.replayOf.id)}`}>{run.replayOf.id}</Link>
            </dd>
          </>
        )}
        {run.failureReason && (
          <>
            <dt>Failure</dt>
            <dd className="bad-text">{run.failureReason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Timeline({ run }: { run: Run }) {
  const phases = run.phases;
  const option = useMemo<ChartOption | null>(() => {
    const started = phases.filter((p) => p.startedAt);
    if (!started.length) return null;
    const t0 = Math.min(...started.map((p) => new Date(p.startedAt!).getTime()));
    const now = Date.now();
    const rows = phases.map((p) => {
      const start = p.startedAt ? (new Date(p.startedAt).getTime() - t0) / 1000 : 0;
      const end = p.startedAt ? ((p.completedAt ? new Date(p.completedAt).getTime() : now) - t0) / 1000 : 0;
      return { p, start, length: Math.max(end - start, 0) };
    });
    const tone = (state: string) => `var(--tone-${stateTone(state)})`;
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (item: { dataIndex: number }) => phaseTooltip(rows[item.dataIndex].p),
      },
      xAxis: { type: 'value', name: 's', nameLocation: 'end' },
      yAxis: { type: 'category', inverse: true, data: phases.map((p) => p.name) },
      series: [
        { type: 'bar', stack: 't', silent: true, itemStyle: { color: 'transparent' }, data: rows.map((r) => r.start), tooltip: { show: false } },
        {
          type: 'bar',
          stack: 't',
          name: 'Phase',
          data: rows.map((r) => ({ value: r.length, itemStyle: { color: cssColor(tone(r.p.state)) } })),
        },
      ],
    };
  }, [phases]);
  return (
    <>
      {option ? (
        <Chart option={option} label={`Timeline of ${phases.length} phases`} height={Math.max(140, phases.length * 34 + 40)} />
      ) : (
        <p className="muted">No phase has started yet.</p>
      )}
      <div className="table-wrap">
        <table data-testid="phases-table" className="cards">
          <caption className="sr-only">Phases in order</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Phase</th>
              <th scope="col">State</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Tokens</th>
              <th scope="col">Failure reason</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((p) => (
              <tr key={p.id}>
                <td className="card-hidden">{p.phaseIndex}</td>
                <th scope="row">
                  {p.name} <span className="muted small">({p.phaseId})</span>
                </th>
                <td data-label="State">
                  <div>
                    <StateBadge state={p.state} />
                    {p.attempts > 1 && <span className="small muted"> {p.attempts} attempts</span>}
                  </div>
                </td>
                <td data-label="Start">{fmtTime(p.startedAt)}</td>
                <td data-label="End">{fmtTime(p.completedAt)}</td>
                <td data-label="Tokens">{fmtInt(p.tokensUsed)}</td>
                <td className="bad-text" data-label="Failure reason">
                  {p.lastFailureReason ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function phaseTooltip(p: PhaseRow): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    `<strong>${esc(p.name)}</strong> (${esc(stateLabel(p.state))})`,
    `start ${esc(fmtTime(p.startedAt))}`,
    `end ${esc(fmtTime(p.completedAt))}`,
    `duration ${esc(fmtDuration(p.startedAt, p.completedAt))}`,
    ...(p.lastFailureReason ? [`failure: ${esc(p.lastFailureReason)}`] : []),
  ].join('<br>');
}

/** ECharts paints SVG attributes, which do not resolve var(): read the custom property's value. */
function cssColor(value: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(value);
  return m ? getComputedStyle(document.documentElement).getPropertyValue(m[1]).trim() : value;
}

function Tokens({ run }: { run: Run }) {
  const [{ data, error }] = useLiveQuery({ query: ConsolidatedQuery, variables: { runId: run.id } }, { live: [metricsSource(run.id)] });
  // Per phase and category: the sum of the phase's telemetry samples.
  const perPhase = useMemo(
    () =>
      run.phases.map((p) => {
        const sums = { retrievalTokens: 0, secondOpinionTokens: 0, evidenceRequestTokens: 0, baseTokens: 0 };
        for (const m of p.metrics) for (const c of CATEGORIES) sums[c.key] += m[c.key];
        return { name: p.name, sums };
      }),
    [run.phases],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmtInt(v) },
      xAxis: { type: 'category', data: perPhase.map((p) => p.name) },
      yAxis: { type: 'value' },
      series: CATEGORIES.map((c) => ({ type: 'bar', stack: 'tokens', barMaxWidth: 90, name: c.label, data: perPhase.map((p) => p.sums[c.key]) })),
    }),
    [perPhase],
  );
  const charted = Object.fromEntries(CATEGORIES.map((c) => [c.key, perPhase.reduce((n, p) => n + p.sums[c.key], 0)]));

  if (isDisabled(error)) return <Disabled feature="The consolidated metrics dashboard" envVar="AUTOPACK_ENABLE_CONSOLIDATED_METRICS" />;
  // null only together with an error (the field is nullable since a kill switch must not erase the page)
  if (!data?.consolidatedMetrics) return error ? <ErrorBox error={error} /> : <Loading what="token metrics" />;
  const totals = data.consolidatedMetrics;
  return (
    <div className="tokens">
      {error && <ErrorBox error={error} />}
      <dl className="facts totals" data-testid="consolidated-totals">
        {CATEGORIES.map((c) => (
          <div key={c.key}>
            <dt>{c.label}</dt>
            <dd data-key={c.key}>{fmtInt(totals[c.key])}</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd data-key="totalTokens">{fmtInt(totals.totalTokens)}</dd>
        </div>
        <div>
          <dt>Phases with metrics</dt>
          <dd>
            {totals.phasesWithMetrics} / {totals.totalPhases}
          </dd>
        </div>
      </dl>
      {totals.phasesWithMetrics === 0 ? (
        <p className="muted">No telemetry recorded for this run (is AUTOPACK_ENABLE_PHASE6_METRICS on?).</p>
      ) : (
        <div data-testid="token-chart" data-totals={JSON.stringify(charted)}>
          <Chart
            option={option}
            label={`Tokens per phase by category; run totals ${CATEGORIES.map((c) => `${c.label} ${fmtInt(totals[c.key])}`).join(', ')}`}
          />
        </div>
      )}
    </div>
  );
}

function Events({ run }: { run: Run }) {
  if (!run.events.length) return <p className="muted">No events.</p>;
  return (
    <ol className="feed" aria-label="Events of the run" tabIndex={0}>
      {run.events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.createdAt}>{fmtTime(e.createdAt)}</time> <code>{e.eventType}</code>
          {e.phase && <span className="muted"> {e.phase.phaseId}</span>}
          {e.message && <span className="muted"> — {e.message}</span>}
        </li>
      ))}
    </ol>
  );
}

function Replays({ run }: { run: Run }) {
  const [{ data, error }] = useLiveQuery(
    { query: ReplayComparisonsQuery, variables: { id: run.id }, pause: run.replays.length === 0 },
    { live: [replaysSource(run.id)] },
  );
  const comparisons = data?.run?.replays ?? [];
  return (
    <>
      {error && <ErrorBox error={error} />}
      {run.replayComparison && (
        <>
          <h3>This replay against its original</h3>
          <ComparisonTable c={run.replayComparison} />
        </>
      )}
      {run.replays.length === 0 ? (
        <p className="muted">Not replayed.</p>
      ) : (
        <ul className="plain">
          {run.replays.map((r) => {
            const c = comparisons.find((x) => x.id === r.id)?.replayComparison;
            return (
              <li key={r.id}>
                <Link href={`/runs/${encodeURIComponent(r.id)}`}>{r.id}</Link> <StateBadge state={r.state} /> {fmtInt(r.tokensUsed)} tokens
                {c && <ComparisonTable c={c} />}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

type Comparison = NonNullable<Run['replayComparison']>;

function ComparisonTable({ c }: { c: Comparison }) {
  return (
    <table className="compact">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Original</th>
          <th scope="col">Replay</th>
          <th scope="col">Delta</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">State</th>
          <td>{stateLabel(c.original.state)}</td>
          <td>{stateLabel(c.replay.state)}</td>
          <td />
        </tr>
        <tr>
          <th scope="row">Tokens</th>
          <td>{fmtInt(c.original.tokensUsed)}</td>
          <td>{fmtInt(c.replay.tokensUsed)}</td>
          <td>{fmtSigned(c.deltas.tokenDelta)}</td>
        </tr>
        <tr>
          <th scope="row">Phases complete</th>
          <td>
            {c.original.phasesComplete}/{c.original.totalPhases}
          </td>
          <td>
            {c.replay.phasesComplete}/{c.replay.totalPhases}
          </td>
          <td>{fmtSigned(c.deltas.phaseCompleteDelta)}</td>
        </tr>
        <tr>
          <th scope="row">Phases failed</th>
          <td>{c.original.phasesFailed}</td>
          <td>{c.replay.phasesFailed}</td>
          <td>{fmtSigned(c.deltas.phaseFailedDelta)}</td>
        </tr>
      </tbody>
    </table>
  );
}
