// A migrated database of either backend plus the GraphQL server object (no port), or the whole app on a
// free loopback port for HTTP tests.
import type { ApolloServer } from '@apollo/server';
import { startApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createOrm, forkEm, type Em, type Orm } from '../../src/db/orm';
import { createContext, type GraphQLContext } from '../../src/graphql/context';
import { FlagStore } from '../../src/modules/flags/overrides';
import { createGraphQLServer } from '../../src/graphql/server';
import { silentLogger } from '../../src/logger';
import type { FlagState } from '../../src/modules/flags/flags';
import { createHealthProbe } from '../../src/modules/ops/health';
import { migrateUp, migrationState } from '../../src/modules/ops/migrations';
import { createTestDatabase, type Backend, type TestDatabase } from './db';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
}

/**
 * Tests execute most documents once: compiled at their first execution, the suite checks graphql-jit's answers
 * (the server's default compiles at the second; graphql-js answers the first, test/integration/jit.test.ts).
 */
const JIT_FROM_THE_START = { AUTOPACK_COMPILE_AFTER: '1' };

export interface Harness {
  backend: Backend;
  db: TestDatabase;
  config: Config;
  orm: Orm;
  apollo: ApolloServer<GraphQLContext>;
  /** Every SQL statement executed through the ORM since the last reset. */
  statements: string[];
  em(): Em;
  /** A request context, as the HTTP layer builds it (flags: the config's, or these). */
  context(flags?: Partial<FlagState>): GraphQLContext;
  exec<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, flags?: Partial<FlagState>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

export async function createHarness(backend: Backend, env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase(backend, { migrated: true });
  const config = loadConfig({ DATABASE_URL: db.url, ...JIT_FROM_THE_START, ...env });
  const statements: string[] = [];
  const orm = await createOrm(config.database, { onQuery: (sql) => statements.push(sql), logger: silentLogger });
  // A template copy has nothing pending (one read, no migrator loaded); kept so a harness never runs unmigrated.
  if ((await migrationState(orm)).pending.length) await migrateUp(orm);
  const apollo = createGraphQLServer(config, silentLogger);
  await apollo.start();
  const flagStore = new FlagStore(config.flags, orm, silentLogger);
  const health = createHealthProbe(orm, config);
  const context = (flags?: Partial<FlagState>) =>
    createContext({ orm, config, logger: silentLogger, flagStore, health }, { requestId: 'test', actor: 'test', flags: { ...flagStore.state(), ...flags } });
  return {
    backend,
    db,
    config,
    orm,
    apollo,
    statements,
    em: () => forkEm(orm),
    context,
    async exec(query, variables, flags) {
      const res = await apollo.executeOperation({ query, variables }, { contextValue: context(flags) });
      if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
      return res.body.singleResult as GqlResult<any>;
    },
    async close() {
      await apollo.stop();
      await orm.close();
      await db.drop();
    },
  };
}

export interface TestApp {
  app: App;
  url: string;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real service on 127.0.0.1 and a free port, over a fresh database of `backend`. */
export async function startTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  existing?: TestDatabase,
  opts: { onQuery?: (sql: string) => void } = {},
): Promise<TestApp> {
  const db = existing ?? (await createTestDatabase(backend, { migrated: true }));
  const config = loadConfig({ DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: '0', AUTOPACK_SHUTDOWN_GRACE_SECONDS: '0', ...JIT_FROM_THE_START, ...env });
  const app = await startApp(config, { logger: silentLogger, onQuery: opts.onQuery });
  return {
    app,
    url: app.url,
    db,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
