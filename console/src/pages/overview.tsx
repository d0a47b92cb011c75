// Overview: rollout stage, health, migrations, runs by state in the last 24 h, live dashboard events.
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../chart';
import { fmtTime, stateLabel } from '../format';
import { graphql } from '../gql';
import { follow, useLiveQuery } from '../live';
import { rolloutStage, STAGES } from '../rollout';
import { Link } from '../router';
import { ErrorBox, Loading, Page, Section } from '../ui';

// Health apart: it answers (database "error: ...") while the database is down, when the rest cannot.
const HealthQuery = graphql(`
  query OverviewHealth {
    health {
      status
      database
      qdrant
      version
      timestamp
      killSwitches {
        phase6Metrics
        consolidatedMetrics
      }
    }
  }
`);

const OverviewQuery = graphql(`
  query Overview($since: DateTime!) {
    migrationStatus {
      upToDate
      pending
      applied {
        name
        executedAt
      }
    }
    runStateCounts(since: $since) {
      state
      count
    }
  }
`);

const EventsQuery = graphql(`
  query OverviewEvents {
    dashboardEvents(limit: 20) {
      id
      eventType
      message
      createdAt
      run {
        id
      }
      phase {
        id
        phaseId
      }
    }
  }
`);

const EventAddedSubscription = graphql(`
  subscription EventAdded {
    dashboardEventAdded {
      id
    }
  }
`);

// A run created or changed: the counts by state move when it was created inside the window.
const RunCreatedAtSubscription = graphql(`
  subscription RunCreatedAt {
    runsUpdated {
      id
      createdAt
    }
  }
`);

const DAY_MS = 24 * 3600 * 1000;

export function OverviewPage() {
  // The window's start is fixed per visit (to the minute) so polling asks the same question.
  const since = useMemo(() => new Date(Math.floor((Date.now() - DAY_MS) / 60_000) * 60_000).toISOString(), []);
  // Migrations have no subscription: they change with a restart, and the safety net's 30 s is enough.
  const [{ data, error }, refetch] = useLiveQuery(
    { query: OverviewQuery, variables: { since } },
    { pollMs: 5000, live: [follow(RunCreatedAtSubscription, {}, (d) => Date.parse(d.runsUpdated.createdAt) >= Date.parse(since))] },
  );
  // Health (the database, Qdrant, the switches) is a probe, not a stream of changes: polled every 5 s.
  const [health] = useLiveQuery({ query: HealthQuery }, { pollMs: 5000 });
  const h = health.data?.health;
  return (
    <Page title="Overview">
      {error && <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !h ? (
        !error && <Loading what="the overview" />
      ) : (
        <div className="grid">
          {h && <Rollout phase6={h.killSwitches.phase6Metrics} consolidated={h.killSwitches.consolidatedMetrics} />}
          {h && (
            <Section title="Health" id="health">
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  <span className={`badge tone-${h.status === 'healthy' ? 'ok' : 'bad'}`}>{h.status}</span>
                </dd>
                <dt>Database</dt>
                <dd data-testid="health-database" className={h.database.startsWith('error') ? 'bad-text' : undefined}>
                  {h.database}
                </dd>
                <dt>Qdrant</dt>
                <dd>{h.qdrant}</dd>
                <dt>Version</dt>
                <dd>{h.version}</dd>
                <dt>Checked</dt>
                <dd>{fmtTime(h.timestamp)}</dd>
              </dl>
            </Section>
          )}
          {data && (
            <Section title="Migrations" id="migrations">
              <p>
                <span className={`badge tone-${data.migrationStatus.upToDate ? 'ok' : 'bad'}`}>
                  {data.migrationStatus.upToDate ? 'up to date' : `${data.migrationStatus.pending.length} pending`}
                </span>{' '}
                {data.migrationStatus.applied.length} applied, latest{' '}
                <code>{data.migrationStatus.applied[data.migrationStatus.applied.length - 1]?.name ?? '—'}</code>
              </p>
              {data.migrationStatus.pending.length > 0 && (
                <ul>
                  {data.migrationStatus.pending.map((m) => (
                    <li key={m}>
                      <code>{m}</code> (run <code>autopack migrate up</code>)
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          )}
          {data && <RunsByState counts={data.runStateCounts} />}
        </div>
      )}
      <EventFeed />
    </Page>
  );
}

function Rollout({ phase6, consolidated }: { phase6: boolean; consolidated: boolean }) {
  const current = rolloutStage(phase6, consolidated);
  return (
    <Section title="Rollout stage" id="rollout">
      <p className="stage" data-testid="rollout-stage">
        <strong>{current.title}</strong>: {current.meaning}
      </p>
      <ol className="stages">
        {STAGES.map((s) => (
          <li key={s.title} aria-current={s.stage === current.stage ? 'step' : undefined}>
            <strong>{s.title}</strong> — {s.meaning}
          </li>
        ))}
      </ol>
      <p>
        <Link href="/switches">Change the switches</Link>
      </p>
    </Section>
  );
}

function RunsByState({ counts }: { counts: { state: string; count: number }[] }) {
  const total = counts.reduce((n, c) => n + c.count, 0);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map((c) => stateLabel(c.state)) },
      series: [{ type: 'bar', name: 'Runs', data: counts.map((c) => c.count), label: { show: true, position: 'right' } }],
    }),
    [counts],
  );
  return (
    <Section title={`Runs created in the last 24 h (${total})`} id="runs24">
      {counts.length === 0 ? (
        <p>No run was created in the last 24 hours.</p>
      ) : (
        <Chart option={option} label={counts.map((c) => `${stateLabel(c.state)}: ${c.count}`).join(', ')} height={Math.max(120, counts.length * 36)} />
      )}
    </Section>
  );
}

function EventFeed() {
  const [{ data, error }] = useLiveQuery({ query: EventsQuery }, { live: [follow(EventAddedSubscription)] });
  return (
    <Section title="Dashboard events (live)" id="events">
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading what="events" />}
      {data && data.dashboardEvents.length === 0 && <p>No events yet.</p>}
      {data && data.dashboardEvents.length > 0 && (
        <ol className="feed" aria-live="polite" aria-label="Newest dashboard events" tabIndex={0} data-testid="event-feed">
          {data.dashboardEvents.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt}>{fmtTime(e.createdAt)}</time> <code>{e.eventType}</code>{' '}
              {e.run ? <Link href={`/runs/${encodeURIComponent(e.run.id)}`}>{e.run.id}</Link> : <span className="muted">(run deleted)</span>}
              {e.phase && <span className="muted"> / {e.phase.phaseId}</span>}
              {e.message && <span className="muted"> — {e.message}</span>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
