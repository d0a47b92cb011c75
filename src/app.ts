// Assembles the running service: database, migrations check, GraphQL server, HTTP listener.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { checkExposure, type Config } from './config';
import { createOrm, forkEm, type Orm } from './db/orm';
import { missingDatabase } from './db/presence';
import { applyHeapGrowth } from './heap';
import type { GraphQLContext } from './graphql/context';
import { createGraphQLServer } from './graphql/server';
import { createHttpServer } from './http/server';
import { listenAddress, type ListenAddress } from './http/listen-address';
import { createLogger, type Logger } from './logger';
import { createHealthProbe } from './modules/ops/health';
import { describeError } from './shared/describe-error';
import { migrateUp, migrationState } from './modules/ops/migrations';
import { Dispatcher } from './modules/runs/dispatcher';
import { clearOverridesAtStartup, FlagStore } from './modules/flags/overrides';
import { DAILY, startRetentionSchedule } from './modules/telemetry/retention';
import { Metrics } from './metrics';
import { buildSchema } from './graphql/schema';
import { Feed } from './modules/live/feed';
import type { ChangeBus } from './modules/live/bus';
import { InProcessBus } from './modules/live/local-bus';
import { PostgresBus } from './modules/live/pg-bus';
import { StartupError } from './shared/startup-error';

/** Connections of the server's own work: the dispatcher's loop and a finishing executor at once. */
const BACKGROUND_POOL = 2;

/** How long in-flight requests may take to finish once a shutdown stops accepting new ones. */
const DRAIN_MS = 10_000;

export interface App {
  config: Config;
  /** The API's pool: every statement held to AUTOPACK_DB_STATEMENT_TIMEOUT_MS. */
  orm: Orm;
  /**
   * The server's own work (migrations at start, dispatcher and lease renewal, kill-switch refresh,
   * retention) on a small pool of its own, so API traffic that holds every API connection cannot stop
   * leases from being renewed (other servers would declare running runs lost). SQLite: the same as orm.
   */
  backgroundOrm: Orm;
  apollo: ApolloServer<GraphQLContext>;
  server: Server;
  dispatcher: Dispatcher;
  /** Live updates: this server's subscriptions and where it hears of committed changes. */
  live: { feed: Feed; bus: ChangeBus };
  /** Where this machine reaches the server (loopback for a wildcard bind). */
  url: string;
  /** The real bind and the URLs other machines use. */
  address: ListenAddress;
  close(): Promise<void>;
}

async function prepareDatabase(orm: Orm, config: Config, logger: Logger): Promise<void> {
  let pending: string[];
  try {
    pending = (await migrationState(orm)).pending;
  } catch (e) {
    throw new StartupError(`cannot reach the database ${config.database.display}: ${describeError(e)}`);
  }
  if (!pending.length) return;
  if (config.env === 'production') {
    throw new StartupError(`${pending.length} database migration(s) pending (${pending.join(', ')}): run \`autopack migrate up\` first`);
  }
  const applied = await migrateUp(orm);
  logger.info(`development mode: applied ${applied.length} migration(s) to ${config.database.display}`, { applied });
}

/** `onQuery` sees every SQL statement the server runs (tests count them). */
export async function startApp(config: Config, opts: { logger?: Logger; onQuery?: (sql: string) => void } = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  applyHeapGrowth(config.heapGrowingPercent);
  if (config.env === 'production' && !config.apiKey) {
    throw new StartupError('AUTOPACK_API_KEY: required when AUTOPACK_ENV=production (or set AUTOPACK_API_KEY_FILE)');
  }
  checkExposure(config);
  const missing = missingDatabase(config.database, { create: true });
  if (missing) throw new StartupError(missing);
  // SQLite has one writer at a time whatever the connection, and a second connection would only turn the
  // API's read-then-write transactions into SQLITE_BUSY whenever the dispatcher commits in between: there,
  // both share the one connection (each transaction's lock wait bounded by the busy timeout).
  const shared = config.database.kind === 'sqlite';
  const apiOptions = { logger, statementTimeoutMs: config.dbStatementTimeoutMs, onQuery: opts.onQuery };
  const backgroundOrm = await createOrm(config.database, shared ? apiOptions : { logger, poolMax: BACKGROUND_POOL });
  let orm: Orm | undefined;
  let bus: ChangeBus | undefined;
  try {
    await prepareDatabase(backgroundOrm, config, logger);
    orm = shared ? backgroundOrm : await createOrm(config.database, apiOptions);
    // The environment is the configuration of record: a start returns every switch to it, on every server.
    await clearOverridesAtStartup(forkEm(backgroundOrm), logger);
    const flagStore = new FlagStore(config.flags, backgroundOrm, logger);
    await flagStore.refresh();
    flagStore.start();
    const flags = () => flagStore.state();
    const metrics = new Metrics(orm, flagStore);
    const schema = buildSchema();
    const apollo = createGraphQLServer(config, logger, metrics, schema);
    await apollo.start();
    const feed = new Feed(
      orm,
      { perConnection: config.live.maxSubscriptionsPerConnection, perServer: config.live.maxSubscriptions, queue: config.live.queueLimit },
      logger,
      metrics,
      () => flagStore.refresh(),
    );
    flagStore.onChange((changed) => feed.flagsChanged(changed));
    bus = config.database.kind === 'postgresql' ? new PostgresBus({ url: config.database.url, logger }) : new InProcessBus(orm);
    const changeBus = bus;
    await feed.listen(changeBus).catch((e) => {
      throw new StartupError(`cannot listen for changes on ${config.database.display}: ${describeError(e)}`);
    });
    let dispatcher: Dispatcher | undefined;
    const health = createHealthProbe(orm, config);
    const http = createHttpServer({
      config,
      orm,
      apollo,
      logger,
      flagStore,
      health,
      metrics,
      wakeDispatcher: () => dispatcher?.wake(),
      live: { schema, feed },
    });
    const server = http.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    }).catch((e: NodeJS.ErrnoException) => {
      throw new StartupError(`cannot listen on ${config.host}:${config.port}: ${e.code ?? e.message}`);
    });
    const { port } = server.address() as AddressInfo;
    const address = listenAddress(config.host, port);
    const url = address.localUrl;
    dispatcher = new Dispatcher({ orm: backgroundOrm, config, logger, flags, metrics, apiUrl: config.apiUrlFromEnv ? config.apiUrl : url });
    dispatcher.start();
    const stopRetention = startRetentionSchedule(backgroundOrm, config, logger, DAILY, (report) => metrics.countRetention(report));
    if (!config.executorCommand) logger.warn('AUTOPACK_EXECUTOR_COMMAND is not set: executed runs will fail with DONE_FAILED_ENVIRONMENT');
    if (!config.apiKey) logger.warn('AUTOPACK_API_KEY is not set: the API is open to anyone who can reach it (development only)');
    const migrations = await migrationState(backgroundOrm);
    logger.info('Autopack Control Plane started', {
      url: `${url}/graphql`,
      version: config.version,
      env: config.env,
      backend: config.database.kind,
      database: config.database.display,
      migrations: { applied: migrations.applied.length, pending: migrations.pending.length },
      flags: flagStore.details().map((d) => ({ flag: d.flag, enabled: d.enabled, source: d.source, changedBy: d.changedBy ?? undefined })),
      executor: config.executorCommand ? 'configured' : 'none',
      maxConcurrentRuns: config.maxConcurrentRuns,
      requests: { concurrent: config.maxConcurrentRequests, queued: config.maxQueuedRequests },
      heapGrowingPercent: config.heapGrowingPercent || 'v8 default',
      auth: config.apiKey ? 'api-key' : 'open',
    });
    return {
      config,
      orm,
      backgroundOrm,
      apollo,
      server,
      dispatcher,
      live: { feed, bus: changeBus },
      url,
      address,
      async close() {
        // Graceful: claim nothing new, let running executors finish (the API keeps serving them), then stop
        // accepting requests and drain the in-flight ones, record leftover executions as interrupted, close
        // the database.
        stopRetention();
        dispatcher!.stopClaiming();
        if (!(await dispatcher!.waitForExecutors(config.shutdownGraceSeconds * 1000))) {
          logger.warn(`shutdown: executors still running after ${config.shutdownGraceSeconds} s, recording their runs as interrupted`, {
            runs: dispatcher!.executing,
          });
        }
        if (!(await http.drain(DRAIN_MS))) logger.warn(`shutdown: requests still in flight after ${DRAIN_MS} ms were cut`);
        await dispatcher!.stop();
        await changeBus.stop();
        flagStore.stop();
        await apollo.stop();
        await orm!.close();
        if (backgroundOrm !== orm) await backgroundOrm.close();
        logger.info('Autopack Control Plane stopped');
      },
    };
  } catch (e) {
    await bus?.stop();
    if (orm && orm !== backgroundOrm) await orm.close();
    await backgroundOrm.close();
    throw e;
  }
}
