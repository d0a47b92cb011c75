// Prometheus metrics of one server (GET /metrics). Gauges that describe the database are computed when
// scraped; counters are incremented where things happen (HTTP layer, GraphQL plugin, dispatcher, resolvers).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Orm } from './db/orm';
import { forkEm } from './db/orm';
import { toSafeInt } from './db/types';
import { BoundedLabel } from './shared/bounded-label';
import type { FlagStore } from './modules/flags/overrides';
import type { LiveMetrics } from './modules/live/feed';
import type { RetentionReport } from './modules/telemetry/retention';

/** Distinct GraphQL operation names kept as label values, and their longest; the rest are `other`. */
export const OPERATION_LABEL_MAX_VALUES = 100;
export const OPERATION_LABEL_MAX_LENGTH = 64;

/** Requests executing and waiting (http/admission's gate provides them: metrics does not depend on HTTP). */
interface RequestCounts {
  running: number;
  queued: number;
}

interface AdmissionSource {
  readonly stats: RequestCounts;
  readonly byClass: Record<string, RequestCounts>;
}

export class Metrics implements LiveMetrics {
  readonly registry = new Registry();

  private readonly operations = new BoundedLabel(OPERATION_LABEL_MAX_VALUES, OPERATION_LABEL_MAX_LENGTH);

  /** The label value for a client-chosen operation name (bounded in length and count). */
  operationLabel(name: string): string {
    return this.operations.value(name);
  }

  readonly httpRequests = new Counter({
    name: 'autopack_http_requests_total',
    help: 'HTTP requests by method, route, GraphQL operation and status',
    labelNames: ['method', 'route', 'operation', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'autopack_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and GraphQL operation',
    labelNames: ['method', 'route', 'operation'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'autopack_graphql_errors_total',
    help: 'GraphQL errors by code and operation',
    labelNames: ['code', 'operation'] as const,
    registers: [this.registry],
  });

  readonly rejections = new Counter({
    name: 'autopack_graphql_rejections_total',
    help: 'Operations refused by a limit (depth, aliases, directives, tokens, cost, response size)',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });

  /**
   * GraphQL operations executed by engine (src/graphql/jit-executor.ts), read from the executor when scraped:
   * nothing is counted per request.
   */
  trackExecutions(source: { stats(): { executions: Readonly<Record<string, number>> } }): void {
    new Counter({
      name: 'autopack_graphql_executions_total',
      help: 'GraphQL operations executed, by engine (jit: compiled by graphql-jit; graphql-js: before compilation, not compilable, or refused variables)',
      labelNames: ['engine'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [engine, n] of Object.entries(source.stats().executions)) this.inc({ engine }, n);
      },
    });
  }

  readonly telemetryRows = new Counter({
    name: 'autopack_phase_metrics_ingested_total',
    help: 'phase_metrics rows stored through recordPhaseMetrics',
    registers: [this.registry],
  });

  readonly retentionDeleted = new Counter({
    name: 'autopack_retention_deleted_rows_total',
    help: 'Telemetry rows deleted by retention, by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  /** Counts what a purge deleted (the mutation and the daily schedule alike); a dry run deleted nothing. */
  countRetention(report: RetentionReport): void {
    if (report.dryRun) return;
    for (const t of report.tables) this.retentionDeleted.inc({ table: t.table }, t.rows);
  }

  readonly executorOutcomes = new Counter({
    name: 'autopack_executor_outcomes_total',
    help: 'Finished executions by final run state',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly busyRejections = new Counter({
    name: 'autopack_http_busy_rejections_total',
    help: 'API requests answered 503 because the admission line was full',
    registers: [this.registry],
  });

  readonly slowClientDrops = new Counter({
    name: 'autopack_http_slow_client_drops_total',
    help: 'Requests answered 408 and disconnected because their headers or body did not arrive in time',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  /** Gauges of the HTTP admission gate: API requests executing and waiting right now, in all and by key class. */
  trackAdmission(gate: AdmissionSource, bodies: { readonly bytes: number }): void {
    new Gauge({
      name: 'autopack_http_pending_body_bytes',
      help: 'Bytes of request bodies held by unfinished requests (at most AUTOPACK_MAX_PENDING_BODY_MB)',
      registers: [this.registry],
      collect() {
        this.set(bodies.bytes);
      },
    });
    const gauges: [keyof RequestCounts, string][] = [
      ['running', 'API requests executing now (at most AUTOPACK_MAX_CONCURRENT_REQUESTS)'],
      ['queued', 'API requests waiting for a slot (at most AUTOPACK_MAX_QUEUED_REQUESTS)'],
    ];
    for (const [key, help] of gauges) {
      new Gauge({
        name: `autopack_http_requests_${key}`,
        help,
        registers: [this.registry],
        collect() {
          this.set(gate.stats[key]);
        },
      });
      new Gauge({
        name: `autopack_http_requests_${key}_by_key`,
        help: `${help.split(' (')[0]}, by key class (admin, read, none = no key configured)`,
        labelNames: ['key'] as const,
        registers: [this.registry],
        collect() {
          for (const [cls, stats] of Object.entries(gate.byClass)) this.set({ key: cls }, stats[key]);
        },
      });
    }
  }

  // ---- live updates (GraphQL subscriptions) ----

  readonly liveConnections = new Gauge({
    name: 'autopack_live_connections',
    help: 'Open live-update connections by transport (ws, sse)',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  readonly liveSubscriptions = new Gauge({
    name: 'autopack_live_subscriptions',
    help: 'Active subscriptions by topic (run, runs, phase, event, metrics, flags, campaign)',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly liveDelivered = new Counter({
    name: 'autopack_live_events_delivered_total',
    help: 'Updates handed to subscribers, by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly liveNotifyLag = new Histogram({
    name: 'autopack_live_notify_lag_seconds',
    help: 'From a writer publishing a change (just before its commit) to this server receiving it',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly liveSlowConsumerDrops = new Counter({
    name: 'autopack_live_slow_consumer_drops_total',
    help: 'Connections closed because their subscriber queue was full (client not reading)',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  readonly liveMissedSignals = new Counter({
    name: 'autopack_live_missed_change_signals_total',
    help: 'Times subscribers were told changes may have been missed (LISTEN reconnect, failed read-back)',
    registers: [this.registry],
  });

  connectionOpened(transport: string): void {
    this.liveConnections.inc({ transport });
  }
  connectionClosed(transport: string): void {
    this.liveConnections.dec({ transport });
  }
  subscriptionStarted(topic: string): void {
    this.liveSubscriptions.inc({ topic });
  }
  subscriptionEnded(topic: string): void {
    this.liveSubscriptions.dec({ topic });
  }
  delivered(topic: string, n: number): void {
    this.liveDelivered.inc({ topic }, n);
  }
  notifyLag(seconds: number): void {
    this.liveNotifyLag.observe(seconds);
  }
  slowConsumerDropped(transport: string): void {
    this.liveSlowConsumerDrops.inc({ transport });
  }
  missedSignal(): void {
    this.liveMissedSignals.inc();
  }

  constructor(orm: Orm, flags: FlagStore) {
    collectDefaultMetrics({ register: this.registry, prefix: 'autopack_' });
    new Gauge({
      name: 'autopack_kill_switch_enabled',
      help: 'Effective kill switch value (1 on, 0 off) and its source',
      labelNames: ['flag', 'source'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const d of flags.details()) this.set({ flag: d.flag, source: d.source }, d.enabled ? 1 : 0);
      },
    });
    new Gauge({
      name: 'autopack_runs',
      help: 'Runs by state (from the database, at scrape time)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        const rows: { state: string; n: unknown }[] = await forkEm(orm).getConnection().execute('select state, count(*) as n from runs group by state');
        this.reset();
        for (const r of rows) this.set({ state: r.state }, toSafeInt(r.n));
      },
    });
  }
}
