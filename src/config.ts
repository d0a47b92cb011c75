// The only reader of process.env. Every variable of the rollout guide and DESIGN.md is parsed here once,
// validated, and handed to the rest of the code as a typed, frozen object.
import { readFileSync } from 'node:fs';
import { parseDatabaseUrl, type DatabaseTarget } from './db/url';
import { fromRoot } from './paths';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type AppEnv = 'development' | 'production';
export type FeatureFlagName = 'PHASE6_METRICS' | 'CONSOLIDATED_METRICS';

/** The environment variable behind each kill switch. */
export const FLAG_ENV_VARS: Record<FeatureFlagName, string> = {
  PHASE6_METRICS: 'AUTOPACK_ENABLE_PHASE6_METRICS',
  CONSOLIDATED_METRICS: 'AUTOPACK_ENABLE_CONSOLIDATED_METRICS',
};

export interface Config {
  env: AppEnv;
  database: DatabaseTarget;
  host: string;
  port: number;
  /** Serve without an API key on a non-loopback HOST anyway (AUTOPACK_ALLOW_OPEN_NETWORK=1). */
  allowOpenNetwork: boolean;
  apiKey: string | null;
  /** A second key that may run queries only (dashboards, tooling). */
  readApiKey: string | null;
  /** GraphQL operation limits (graphql-armor); every rejection is a coded error and counted. */
  limits: {
    maxDepth: number;
    maxIntrospectionDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    /** Query cost with list sizes multiplied down the tree (src/graphql/cost.ts). */
    maxCost: number;
    /** Response ceiling: list items resolved by one operation, then bytes of its JSON answer. */
    maxResponseItems: number;
    maxResponseBytes: number;
  };
  /**
   * Documents kept compiled by graphql-jit (src/graphql/jit-executor.ts), least recently used dropped first;
   * 0: every operation runs on graphql-js.
   */
  compiledDocuments: number;
  /** The execution of a document at which it is compiled (1: the first); the ones before run on graphql-js. */
  compileAfter: number;
  /** On SIGTERM, how long running executors may go on before their runs are recorded as interrupted. */
  shutdownGraceSeconds: number;
  /** API requests (/graphql, /api/*) executing at once; more wait in line, up to maxQueuedRequests. */
  maxConcurrentRequests: number;
  maxQueuedRequests: number;
  /** Share (percent) of the concurrent slots and of the line the read key may take; the rest is the admin key's. */
  readKeySharePercent: number;
  /** Deadlines for a request's headers and, once they are in, for its whole body (slow clients get 408). */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Bytes of bodies all requests not yet finished may hold at once (read before admission); beyond: 503. */
  maxPendingBodyBytes: number;
  /**
   * Time limit of each API request's database statements, in ms (PostgreSQL statement_timeout and
   * idle-in-transaction timeout, SQLite busy_timeout, and the wait for a pooled connection).
   */
  dbStatementTimeoutMs: number;
  /** How long a health check (database, Qdrant) answers every /health and `health` query; 0: each waits for a fresh one. */
  healthCacheMs: number;
  /** GET /metrics needs an API key (default: in production). */
  metricsNeedKey: boolean;
  /** Keyless /health and /metrics answers per second (more wait in line, up to maxQueuedRequests, then 503). */
  probeRatePerSecond: number;
  /** Live updates (GraphQL subscriptions over WebSocket and SSE): bounds and keep-alive. */
  live: {
    /** Subscriptions one WebSocket connection (or SSE client) may hold at once. */
    maxSubscriptionsPerConnection: number;
    /** Subscriptions this server holds at once; more are refused with LIMIT_EXCEEDED. */
    maxSubscriptions: number;
    /** Updates waiting for one subscriber; a client that falls further behind is disconnected (close 1013). */
    queueLimit: number;
    /** WebSocket ping interval; a client that does not answer within the same time is disconnected. 0 = off. */
    keepAliveSeconds: number;
  };
  /** V8 heap growth between full collections, in percent of the live heap (src/heap.ts); 0 = V8's own. */
  heapGrowingPercent: number;
  flags: Record<FeatureFlagName, boolean>;
  skipCi: boolean;
  qdrantHost: string | null;
  embeddingModel: string | null;
  metricsRetentionDays: number;
  telemetryDbEnabled: boolean;
  executorCommand: string | null;
  executorTimeoutSeconds: number;
  maxConcurrentRuns: number;
  /** How long a claimed run stays owned without renewal before another server may declare it lost. */
  executorLeaseSeconds: number;
  /** How often the dispatcher looks for queued runs and expired leases. */
  dispatchIntervalMs: number;
  /** The environment executors inherit (ours, before per-run variables are added). */
  childEnv: Readonly<Record<string, string>>;
  apiUrl: string;
  /** Whether AUTOPACK_API_URL was set (otherwise a server gives its executors its own listening URL). */
  apiUrlFromEnv: boolean;
  logLevel: LogLevel;
  version: string;
}

/** A configuration problem: one line naming the variable and what it accepts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_DATABASE_URL = 'sqlite:///./autopack.db';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function switchValue(env: Env, name: string, fallback: boolean): boolean {
  const v = value(env, name);
  if (v === undefined) return fallback;
  if (v === '0') return false;
  if (v === '1') return true;
  throw new ConfigError(name, `invalid value "${v}" (accepted: "0" = off, "1" = on, or unset)`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = value(env, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ConfigError(name, `invalid value "${v}" (accepted: an integer from ${min} to ${max})`);
  }
  return Number(v);
}

function httpUrl(env: Env, name: string, fallback: string | null): string | null {
  const v = value(env, name);
  if (v === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError(name, `invalid URL "${v}" (accepted: http://host:port or https://host:port)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `unsupported scheme "${url.protocol}" (accepted: http:// or https://)`);
  }
  return v.replace(/\/+$/, '');
}

function oneOf<T extends string>(env: Env, name: string, accepted: readonly T[], fallback: T): T {
  const v = value(env, name);
  if (v === undefined) return fallback;
  if (!(accepted as readonly string[]).includes(v)) throw new ConfigError(name, `invalid value "${v}" (accepted: ${accepted.join(', ')})`);
  return v as T;
}

function apiKey(env: Env): string | null {
  const direct = value(env, 'AUTOPACK_API_KEY');
  const file = value(env, 'AUTOPACK_API_KEY_FILE');
  if (direct && file) {
    throw new ConfigError('AUTOPACK_API_KEY_FILE', 'set either AUTOPACK_API_KEY or AUTOPACK_API_KEY_FILE, not both');
  }
  if (!file) return direct ?? null;
  let key: string;
  try {
    key = readFileSync(file, 'utf8').trim();
  } catch (e) {
    throw new ConfigError('AUTOPACK_API_KEY_FILE', `cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!key) throw new ConfigError('AUTOPACK_API_KEY_FILE', `"${file}" is empty`);
  return key;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * A server without an API key answers every operation to anyone who reaches it: that is only safe on a
 * loopback address, unless the operator says otherwise (a trusted network, a proxy that authenticates).
 */
export function checkExposure(config: Config): void {
  if (config.apiKey || config.allowOpenNetwork || isLoopback(config.host)) return;
  throw new ConfigError(
    'HOST',
    `"${config.host}" is reachable from other machines and AUTOPACK_API_KEY is not set (anyone could run every operation): set AUTOPACK_API_KEY, bind 127.0.0.1, or set AUTOPACK_ALLOW_OPEN_NETWORK=1 to serve it open on purpose`,
  );
}

/** Parses and validates the environment; throws ConfigError on the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const envName = value(env, 'AUTOPACK_ENV') ?? 'development';
  if (envName !== 'development' && envName !== 'production') {
    throw new ConfigError('AUTOPACK_ENV', `invalid value "${envName}" (accepted: development, production)`);
  }
  const dbUrl = value(env, 'DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(dbUrl);
  } catch (e) {
    throw new ConfigError('DATABASE_URL', (e as Error).message);
  }
  const key = apiKey(env);
  const readKey = value(env, 'AUTOPACK_READ_API_KEY') ?? null;
  if (readKey && !key) throw new ConfigError('AUTOPACK_READ_API_KEY', 'needs AUTOPACK_API_KEY too (the read-only key cannot be the only key)');
  if (readKey && readKey === key) throw new ConfigError('AUTOPACK_READ_API_KEY', 'must differ from AUTOPACK_API_KEY');
  return Object.freeze({
    env: envName,
    database,
    host: value(env, 'HOST') ?? '127.0.0.1',
    port: integer(env, 'PORT', 8000, 0, 65535),
    allowOpenNetwork: switchValue(env, 'AUTOPACK_ALLOW_OPEN_NETWORK', false),
    apiKey: key,
    readApiKey: readKey,
    limits: Object.freeze({
      maxDepth: integer(env, 'AUTOPACK_MAX_QUERY_DEPTH', 10, 1, 100),
      // The standard introspection query (GraphiQL's, graphql-js's getIntrospectionQuery) is 15 deep.
      maxIntrospectionDepth: integer(env, 'AUTOPACK_MAX_INTROSPECTION_DEPTH', 15, 1, 100),
      maxAliases: integer(env, 'AUTOPACK_MAX_ALIASES', 15, 0, 1000),
      maxDirectives: integer(env, 'AUTOPACK_MAX_DIRECTIVES', 50, 0, 1000),
      maxTokens: integer(env, 'AUTOPACK_MAX_TOKENS', 5000, 100, 1_000_000),
      maxCost: integer(env, 'AUTOPACK_MAX_QUERY_COST', 50_000, 100, 100_000_000),
      maxResponseItems: integer(env, 'AUTOPACK_MAX_RESPONSE_ITEMS', 100_000, 100, 100_000_000),
      maxResponseBytes: integer(env, 'AUTOPACK_MAX_RESPONSE_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    }),
    compiledDocuments: integer(env, 'AUTOPACK_COMPILED_DOCUMENTS', 200, 0, 100_000),
    compileAfter: integer(env, 'AUTOPACK_COMPILE_AFTER', 2, 1, 1000),
    shutdownGraceSeconds: integer(env, 'AUTOPACK_SHUTDOWN_GRACE_SECONDS', 10, 0, 3600),
    maxConcurrentRequests: integer(env, 'AUTOPACK_MAX_CONCURRENT_REQUESTS', 10, 1, 10_000),
    maxQueuedRequests: integer(env, 'AUTOPACK_MAX_QUEUED_REQUESTS', 1000, 0, 1_000_000),
    readKeySharePercent: integer(env, 'AUTOPACK_READ_KEY_SHARE_PERCENT', 75, 1, 100),
    headersTimeoutMs: integer(env, 'AUTOPACK_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    bodyTimeoutMs: integer(env, 'AUTOPACK_BODY_TIMEOUT_MS', 10_000, 100, 600_000),
    maxPendingBodyBytes: integer(env, 'AUTOPACK_MAX_PENDING_BODY_MB', 64, 1, 65_536) * 1024 * 1024,
    dbStatementTimeoutMs: integer(env, 'AUTOPACK_DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    healthCacheMs: integer(env, 'AUTOPACK_HEALTH_CACHE_MS', 1000, 0, 60_000),
    metricsNeedKey: switchValue(env, 'AUTOPACK_METRICS_REQUIRE_KEY', envName === 'production'),
    probeRatePerSecond: integer(env, 'AUTOPACK_PROBE_RATE', 50, 1, 100_000),
    live: Object.freeze({
      maxSubscriptionsPerConnection: integer(env, 'AUTOPACK_LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', 100, 1, 10_000),
      maxSubscriptions: integer(env, 'AUTOPACK_LIVE_MAX_SUBSCRIPTIONS', 10_000, 1, 1_000_000),
      queueLimit: integer(env, 'AUTOPACK_LIVE_QUEUE_LIMIT', 1000, 1, 1_000_000),
      keepAliveSeconds: integer(env, 'AUTOPACK_LIVE_KEEPALIVE_SECONDS', 12, 0, 3600),
    }),
    heapGrowingPercent: integer(env, 'AUTOPACK_HEAP_GROWING_PERCENT', 50, 0, 1000),
    flags: Object.freeze({
      PHASE6_METRICS: switchValue(env, FLAG_ENV_VARS.PHASE6_METRICS, false),
      CONSOLIDATED_METRICS: switchValue(env, FLAG_ENV_VARS.CONSOLIDATED_METRICS, false),
    }),
    skipCi: switchValue(env, 'AUTOPACK_SKIP_CI', false),
    qdrantHost: httpUrl(env, 'QDRANT_HOST', null),
    embeddingModel: value(env, 'EMBEDDING_MODEL') ?? null,
    metricsRetentionDays: integer(env, 'AUTOPACK_METRICS_RETENTION_DAYS', 30, 1, 36500),
    telemetryDbEnabled: switchValue(env, 'TELEMETRY_DB_ENABLED', true),
    executorCommand: value(env, 'AUTOPACK_EXECUTOR_COMMAND') ?? null,
    executorTimeoutSeconds: integer(env, 'AUTOPACK_EXECUTOR_TIMEOUT_SECONDS', 3600, 1, 7 * 24 * 3600),
    maxConcurrentRuns: integer(env, 'AUTOPACK_MAX_CONCURRENT_RUNS', 2, 1, 1000),
    executorLeaseSeconds: integer(env, 'AUTOPACK_EXECUTOR_LEASE_SECONDS', 30, 1, 3600),
    dispatchIntervalMs: integer(env, 'AUTOPACK_DISPATCH_INTERVAL_MS', 1000, 10, 60_000),
    childEnv: Object.freeze(Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))),
    apiUrl: httpUrl(env, 'AUTOPACK_API_URL', 'http://127.0.0.1:8000') as string,
    apiUrlFromEnv: value(env, 'AUTOPACK_API_URL') !== undefined,
    logLevel: oneOf(env, 'AUTOPACK_LOG_LEVEL', LOG_LEVELS, 'info'),
    version: packageVersion(),
  });
}
