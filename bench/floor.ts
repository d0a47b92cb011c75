// `npm run bench:floor`: where the dashboard query's CPU goes in our process (issue 18). On the peer bench's
// seeded PostgreSQL, in this process, sequential, CPU time of this process per request:
// 1. the whole GraphQL operation (Apollo's executeOperation, a fresh request context: no HTTP), with each executor
//    side by side: graphql-js, and graphql-jit (src/graphql/jit-executor.ts); and once more after an
//    em.transactional (as in any server that has written: Node's promise hooks on for good);
// 2. the statements that operation sent, as sent (prepared, same values), through a bare `pg` client (no ORM, no
//    GraphQL): driver and row decoding only, the JSON the database built for the page included.
// PostGraphile's whole server CPU per request (HTTP included) is in the peer bench's table to compare with.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createOrm, forkEm } from '../src/db/orm';
import { createContext, type GraphQLContext } from '../src/graphql/context';
import { createGraphQLServer } from '../src/graphql/server';
import { silentLogger } from '../src/logger';
import { FlagStore } from '../src/modules/flags/overrides';
import { createHealthProbe } from '../src/modules/ops/health';
import { seedLoadData } from './load-seed';
import { WORKLOADS } from './peer-workloads';

const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;
const REQUESTS = Number(process.env.FLOOR_REQUESTS ?? 300);
const DASHBOARD = JSON.parse(WORKLOADS[0].body.ours(0)).query as string;

/** CPU ms of this process per call of `fn`, over REQUESTS sequential calls after a warm-up. */
async function cpuPerCall(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 30; i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / REQUESTS;
}

async function main(): Promise<void> {
  const { startEmbeddedPg } = await importEsm(pathToFileURL(join(__dirname, '..', 'test', 'helpers', 'embedded-pg.mjs')).href);
  const pg = await startEmbeddedPg();
  const admin = new Client({ connectionString: `${pg.url}/postgres` });
  await admin.connect();
  await admin.query('create database autopack_floor');
  await admin.end();
  const url = `${pg.url}/autopack_floor`;
  try {
    process.stdout.write('[floor] seeding like the peer bench\n');
    await seedLoadData(url);
    const config = loadConfig({ DATABASE_URL: url, AUTOPACK_ENABLE_PHASE6_METRICS: '1', AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1' });
    const statements: string[] = [];
    let record = false;
    const orm = await createOrm(config.database, { logger: silentLogger, onQuery: (sql) => record && statements.push(sql) });
    // The same operation through both executors: graphql-js (AUTOPACK_COMPILED_DOCUMENTS=0) and graphql-jit (the
    // default; the warm-up's executions compile the document).
    const engines = {
      'graphql-js': createGraphQLServer({ ...config, compiledDocuments: 0 }, silentLogger),
      'graphql-jit': createGraphQLServer(config, silentLogger),
    };
    for (const apollo of Object.values(engines)) await apollo.start();
    const flagStore = new FlagStore(config.flags, orm, silentLogger);
    const context = () => createContext({ orm, config, logger: silentLogger, flagStore, health: createHealthProbe(orm, config) }, { requestId: 'floor' });
    const run = async (ctx: GraphQLContext, apollo = engines['graphql-js']) => {
      const res = await apollo.executeOperation({ query: DASHBOARD }, { contextValue: ctx });
      if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`dashboard failed: ${JSON.stringify(res.body)}`);
      return res;
    };

    // The statements as readRows sends them (prepared: name, text, values), caught at the driver during one request.
    const sent: { name: string; text: string; values: unknown[] }[] = [];
    const query = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as { name?: string; text?: string; values?: unknown[] };
      if (record && q && typeof q === 'object' && q.text) sent.push({ name: `floor_${sent.length}`, text: q.text, values: q.values ?? [] });
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    record = true;
    await run(context());
    record = false;
    Client.prototype.query = query;

    const full: Record<string, number> = {};
    for (const [name, apollo] of Object.entries(engines)) full[name] = await cpuPerCall(() => run(context(), apollo));
    // MikroORM runs transactions and flushes in AsyncLocalStorages, which switch Node's promise hooks on for the
    // whole process from the first one on: what that costs a read.
    await forkEm(orm).transactional(async () => undefined);
    const hooked = await cpuPerCall(() => run(context(), engines['graphql-jit']));

    // The same statements through a bare client: driver and row decoding (JSON columns included) only.
    const client = new Client({ connectionString: url });
    await client.connect();
    let raw: number;
    try {
      raw = await cpuPerCall(async () => Promise.all(sent.map((q) => client.query(q))));
    } finally {
      await client.end();
    }

    const [l1, l5, l15] = loadavg();
    console.log(
      `\n- Load average (1 / 5 / 15 min): ${l1.toFixed(2)} / ${l5.toFixed(2)} / ${l15.toFixed(2)}; ${REQUESTS} sequential requests each, CPU of this process\n`,
    );
    console.log('| dashboard query, per request | CPU ms graphql-js | CPU ms graphql-jit | jit / js |');
    console.log('|---|---|---|---|');
    const js = full['graphql-js'];
    const jit = full['graphql-jit'];
    console.log(
      `| whole operation (Apollo executeOperation, ${statements.length} statement(s), no HTTP) | ${js.toFixed(2)} | ${jit.toFixed(2)} | ${(jit / js).toFixed(2)} |`,
    );
    console.log(`| whole operation after an em.transactional (promise hooks on, as in a server that has written) | | ${hooked.toFixed(2)} | |`);
    console.log(`| the ${statements.length} statement(s) through a bare pg client (prepared, as sent) | ${raw.toFixed(2)} | | |`);
    for (const apollo of Object.values(engines)) await apollo.stop();
    await orm.close();
  } catch (e) {
    process.stderr.write(`floor bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  } finally {
    await pg.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`floor bench failed: ${(e && e.stack) || String(e)}\n`);
  process.exit(1);
});
