// One place that turns a DatabaseTarget into a MikroORM instance for either backend.
import 'reflect-metadata';
import { BigIntType, MikroORM, type EntityMetadata, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { consoleLogger, type Logger } from '../logger';
import type { DatabaseTarget } from './url';
import { maskUrl } from './url';
import { ENTITIES } from './entities';
import { MIGRATIONS_TABLE, SQLITE_DEFAULT_BUSY_MS } from './migrations-table';
import { ChangePublisher } from '../modules/live/publish';

export type Orm = MikroORM;

export interface OrmOptions {
  /** Called with every SQL statement executed (tests count them). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Where driver warnings (dropped connections, ...) go; default: stderr. */
  logger?: Logger;
  /**
   * A request's time limit, in ms: PostgreSQL cancels a statement running longer (statement_timeout) and
   * ends a session idle inside a transaction that long; SQLite waits that long for a lock (busy_timeout);
   * waiting for a pooled connection gives up after it on both. Unset: no limit on PostgreSQL (CLI
   * commands, migrations), 5 s of lock waiting on SQLite.
   */
  statementTimeoutMs?: number;
}

/**
 * MikroORM 6.6 cannot introspect SQLite check constraints, misreads enum checks with more than two items,
 * and sees autoincrement bigint keys as "integer". The constraints still exist in the SQLite database (the
 * migrations create them); we only stop describing them to the schema comparator on SQLite, so that the
 * drift check (entities vs. migrated database) compares what SQLite can report.
 */
function describeForSqlite(meta: EntityMetadata): void {
  meta.checks = [];
  for (const prop of Object.values(meta.properties)) {
    if (prop.enum) {
      prop.enum = false;
      prop.items = undefined;
    }
    if (prop.primary && ((prop.type as unknown) instanceof BigIntType || prop.customType instanceof BigIntType)) {
      prop.columnTypes = ['integer'];
    }
  }
}

type SqliteConn = { exec(sql: string, cb: (err: Error | null) => void): void };

function ormOptions(target: DatabaseTarget, opts: OrmOptions = {}): Options {
  const log = opts.logger ?? consoleLogger;
  const common: Options = {
    entities: ENTITIES,
    discovery: {
      warnWhenNoEntities: true,
      onMetadata: (meta, platform) => {
        if (!(platform instanceof PostgreSqlPlatform)) describeForSqlite(meta);
      },
    },
    // Publishes each transaction's changes to the live feed at its commit (modules/live/publish.ts).
    subscribers: [new ChangePublisher()],
    // The migrator itself (@mikro-orm/migrations, with umzug and its command-line parser) and the migration
    // classes that extend its base load only when something migrates (modules/ops/migrations.ts adds them):
    // a server on a migrated database or a command that does not migrate saves their load.
    migrations: {
      tableName: MIGRATIONS_TABLE,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    debug: opts.onQuery ? ['query'] : false,
    logger: opts.onQuery
      ? (message: string) => {
          // MikroORM's query log lines look like "[query] select ... [took 1 ms]", with ANSI colour codes.
          // eslint-disable-next-line no-control-regex -- ESC is what the colour codes start with
          const m = /\[query\] (.*?)(?: \[took [^\]]*\])?$/s.exec(message.replace(/\u001b\[[0-9;]*m/g, ''));
          if (m) opts.onQuery!(m[1]);
        }
      : () => undefined,
    colors: false,
    // knex reports connection trouble through its own logger; keep it one line, masked, in ours.
    driverOptions: {
      log: {
        warn: (m: unknown) => log.warn(`database: ${maskUrl(String(m))}`),
        error: (m: unknown) => log.error(`database: ${maskUrl(String(m))}`),
        deprecate: () => undefined,
        debug: () => undefined,
      },
    },
  };
  const limit = opts.statementTimeoutMs;
  if (limit) common.driverOptions = { ...common.driverOptions, acquireConnectionTimeout: limit };
  if (target.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: target.url,
      dbName: target.dbName,
      pool: { min: 0, max: opts.poolMax ?? 10 },
      // node-postgres sends these as session settings when it connects: every statement of the session,
      // in or out of a transaction, is held to them by the server itself.
      ...(limit && { driverOptions: { ...common.driverOptions, connection: { statement_timeout: limit, idle_in_transaction_session_timeout: limit } } }),
    };
  }
  return {
    ...common,
    driver: SqliteDriver,
    dbName: target.path,
    pool: {
      min: 1,
      max: 1,
      // WAL lets readers proceed while a writer commits; busy_timeout waits instead of failing with SQLITE_BUSY.
      afterCreate: (conn: SqliteConn, done: (err: Error | null, conn: SqliteConn) => void) =>
        conn.exec(`pragma journal_mode = wal; pragma busy_timeout = ${limit ?? SQLITE_DEFAULT_BUSY_MS}; pragma foreign_keys = on;`, (err) => done(err, conn)),
    } as Options['pool'],
  };
}

export async function createOrm(target: DatabaseTarget, opts: OrmOptions = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(target, opts));
}

export type Em = SqlEntityManager;

/** A fresh EntityManager (own identity map) for one request or one CLI command. */
export function forkEm(orm: Orm): Em {
  return orm.em.fork() as Em;
}

export const isPostgres = (em: Em) => em.getPlatform() instanceof PostgreSqlPlatform;
