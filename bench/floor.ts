// `npm run bench:floor`: where the dashboard query's CPU goes in our process, as floors (issue 18). On the
// peer bench's seeded PostgreSQL, in this process, sequential, CPU time of this process per request:
// 1. the whole GraphQL operation (Apollo's executeOperation, a fresh request context: no HTTP);
// 2. the same operation with every DataLoader answering from memory (values recorded from run 1): Apollo,
//    the executor and our resolvers, plus the one statement of the runs page;
// 1 and 2 with each executor side by side: graphql-js, and graphql-jit (src/graphql/jit-executor.ts);
// 3. the operation's statements through a bare `pg` client (no ORM, no GraphQL): driver and row decoding only.
// PostGraphile's whole server CPU per request (HTTP included) is in the peer bench's table to compare with.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import DataLoader from 'dataloader';
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

/** Loaders that record every value they load (run 1), and loaders that answer from those values (run 2). */
function recording(ctx: GraphQLContext, memory: Map<string, Map<unknown, unknown>>): void {
  const real = ctx.loaders as unknown as Record<string, unknown>;
  const wrap = (name: string, loader: DataLoader<unknown, unknown>) => {
    const seen = memory.get(name) ?? new Map();
    memory.set(name, seen);
    return {
      load: async (k: unknown) => {
        const v = await loader.load(k);
        seen.set(k, v);
        return v;
      },
    };
  };
  ctx.loaders = new Proxy(real, {
    get: (target, prop: string) => {
      const v = Reflect.get(target, prop, target);
      if (typeof v === 'function') return (...args: unknown[]) => wrap(`${prop}:${JSON.stringify(args)}`, v.apply(target, args));
      return wrap(prop, v as DataLoader<unknown, unknown>);
    },
  }) as never;
}

function fromMemory(ctx: GraphQLContext, memory: Map<string, Map<unknown, unknown>>): void {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  const loader = (name: string) => {
    let l = loaders.get(name);
    if (!l) {
      const values = memory.get(name)!;
      l = new DataLoader(async (keys) => keys.map((k) => values.get(k)));
      loaders.set(name, l);
    }
    return l;
  };
  ctx.loaders = new Proxy(
    {},
    {
      get: (_t, prop: string) =>
        prop === 'metricsByPhase' || prop === 'eventsByRun' || prop === 'consolidatedMetrics'
          ? (...args: unknown[]) => loader(`${prop}:${JSON.stringify(args)}`)
          : loader(prop),
    },
  ) as never;
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
    // The same operation through both executors, side by side: graphql-js (AUTOPACK_COMPILED_DOCUMENTS=0) and
    // graphql-jit (the default; the warm-up's executions compile the document).
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

    const memory = new Map<string, Map<unknown, unknown>>();
    const first = context();
    recording(first, memory);
    record = true;
    const expected = JSON.stringify((await run(first)).body);
    record = false;
    const check = (ctx: GraphQLContext, apollo: (typeof engines)['graphql-js']) =>
      run(ctx, apollo).then((r) => {
        if (JSON.stringify(r.body) !== expected) throw new Error('an answer differs from the first database one');
      });
    const fromMemoryContext = () => {
      const c = context();
      fromMemory(c, memory);
      return c;
    };

    const full: Record<string, number> = {};
    const mem: Record<string, number> = {};
    for (const [name, apollo] of Object.entries(engines)) {
      for (let i = 0; i < 3; i++) await check(context(), apollo); // graphql-jit: compiled at the 2nd, answering at the 3rd
      full[name] = await cpuPerCall(() => run(context(), apollo));
      mem[name] = await cpuPerCall(() => check(fromMemoryContext(), apollo));
    }

    // MikroORM's em.transactional runs its callback in an AsyncLocalStorage, which switches Node's promise hooks on
    // for the whole process; a server has run one within a second of starting (kill switch overrides, the
    // dispatcher). src/db/transaction-hooks.ts switches them off again once no transaction runs: this row, after
    // one, shows whether they still cost (without that file it read 4.64 against 4.13 ms).
    await forkEm(orm).transactional(async () => undefined);
    const hooked = await cpuPerCall(() => run(context(), engines['graphql-jit']));

    // The same statements through a bare client: the page's run ids and phase ids as the loaders saw them.
    const runIds = [...memory.get('phasesByRun')!.keys()] as string[];
    const phaseIds = [...memory.get('phasesByRun')!.values()].flat().map((p) => (p as { id: number }).id);
    const client = new Client({ connectionString: url });
    await client.connect();
    const params = (sql: string): unknown[] => {
      if (/from runs order by/.test(sql)) return [21, 0];
      if (/lateral/.test(sql)) return [1000, 0, runIds];
      if (/from phases where run_id/.test(sql)) return [runIds];
      if (/from dashboard_events/.test(sql)) return [runIds, 10];
      if (/from phase_metrics where phase_id/.test(sql)) return [phaseIds, 20]; // Phase.metrics(limit: 20)
      throw new Error(`no parameters known for ${sql}`);
    };
    const prepared = statements.map((sql, i) => {
      let n = 0;
      return { name: `floor_${i}`, text: sql.replace(/\?/g, () => `$${++n}`), values: params(sql) };
    });
    const raw = await cpuPerCall(async () => Promise.all(prepared.map((q) => client.query(q))));
    await client.end();

    const [l1, l5, l15] = loadavg();
    console.log(
      `\n- Load average (1 / 5 / 15 min): ${l1.toFixed(2)} / ${l5.toFixed(2)} / ${l15.toFixed(2)}; ${REQUESTS} sequential requests each, CPU of this process\n`,
    );
    console.log('| dashboard query, per request | CPU ms graphql-js | CPU ms graphql-jit | jit / js |');
    console.log('|---|---|---|---|');
    const row = (label: string, m: Record<string, number>) =>
      console.log(`| ${label} | ${m['graphql-js'].toFixed(2)} | ${m['graphql-jit'].toFixed(2)} | ${(m['graphql-jit'] / m['graphql-js']).toFixed(2)} |`);
    row(`whole operation (Apollo executeOperation, ${statements.length} statements, no HTTP)`, full);
    row('from memory: Apollo + executor + our resolvers, loaders answering from memory (runs page still 1 statement)', mem);
    console.log(`| whole operation after an em.transactional (as in a server; src/db/transaction-hooks.ts) | | ${hooked.toFixed(2)} | |`);
    console.log(`| the ${statements.length} statements through a bare pg client (prepared, side by side) | ${raw.toFixed(2)} | | |`);
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
