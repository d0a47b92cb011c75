// Reference executor: what the control plane runs for each run (AUTOPACK_EXECUTOR_COMMAND). It walks the
// run's phases through the GraphQL API - start, token telemetry, complete or fail - like a real autonomous
// executor would, with deterministic token numbers so results can be checked by hand.
//
//   AUTOPACK_EXECUTOR_COMMAND="node dist/examples/reference-executor.js {runId}"
//
// A phase's description may steer it, for demos and tests:
//   simulate:fail        the phase fails (the executor exits 1)
//   simulate:sleep=SEC   the phase takes SEC seconds
//   simulate:crash       the executor dies mid-phase without reporting (exit 3)
//   simulate:skip        the phase is skipped
//
// Its operations are typed documents: `graphql(...)` returns the query text typed with its result and
// variables, generated from the SDL into ./gql by graphql-codegen's client preset (the `examples/gql/`
// entry of codegen.yml). Copying this example means copying the folder, gql/ included.
import { graphql } from './gql';
import type { ExecutorRunPhasesQuery, TypedDocumentString } from './gql/graphql';

const runId = process.argv[2] ?? process.env.AUTOPACK_RUN_ID ?? '';
const apiUrl = (process.env.AUTOPACK_API_URL ?? 'http://127.0.0.1:8000').replace(/\/+$/, '');
const apiKey = process.env.AUTOPACK_API_KEY ?? '';
const telemetryOn = process.env.AUTOPACK_ENABLE_PHASE6_METRICS === '1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T> {
  const query = document.toString();
  const post = () =>
    fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  let res = await post();
  // A busy server (full admission line) answers 503 with Retry-After and did nothing: come back later.
  for (let retry = 0; retry < 10 && res.status === 503 && res.headers.has('retry-after'); retry++) {
    await res.body?.cancel();
    await sleep(Math.min(Number(res.headers.get('retry-after')) || 1, 30) * 1000);
    res = await post();
  }
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw Object.assign(new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`), { code: e.extensions?.code });
  }
  return body.data as T;
}

const RUN_PHASES = graphql(`
  query ExecutorRunPhases($id: ID!) {
    run(id: $id) {
      phases {
        phaseId
        phaseIndex
        name
        description
        state
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation ExecutorUpdatePhase($input: UpdatePhaseInput!) {
    updatePhase(input: $input) {
      phaseId
      state
    }
  }
`);

const METRICS = graphql(`
  mutation ExecutorRecordMetrics($input: [PhaseMetricsInput!]!) {
    recordPhaseMetrics(input: $input) {
      id
    }
  }
`);

type PhaseInfo = NonNullable<ExecutorRunPhasesQuery['run']>['phases'][number];

/** Deterministic token use of phase i (1-based): the four Phase 6 categories. */
function phaseTokens(i: number) {
  return { retrievalTokens: 1000 * i, secondOpinionTokens: 200 * i, evidenceRequestTokens: 100 * i, baseTokens: 5000 * i };
}

const directive = (p: PhaseInfo, name: string) => new RegExp(`simulate:${name}(?:=(\\d+(?:\\.\\d+)?))?`).exec(p.description ?? '');

async function main(): Promise<number> {
  if (!runId) {
    console.error('reference-executor: no run id (argument or AUTOPACK_RUN_ID)');
    return 2;
  }
  const { run } = await gql(RUN_PHASES, { id: runId });
  if (!run) {
    console.error(`reference-executor: run ${runId} not found`);
    return 2;
  }
  let i = 0;
  for (const phase of run.phases) {
    i++;
    if (phase.state !== 'QUEUED') continue;
    if (directive(phase, 'skip')) {
      await gql(UPDATE, { input: { runId, phaseId: phase.phaseId, state: 'SKIPPED' } });
      continue;
    }
    await gql(UPDATE, { input: { runId, phaseId: phase.phaseId, state: 'EXECUTING' } });
    const pause = directive(phase, 'sleep');
    if (pause) await sleep(Number(pause[1] ?? 1) * 1000);
    if (directive(phase, 'crash')) {
      console.error(`reference-executor: crashing in phase ${phase.phaseId} (simulate:crash)`);
      return 3;
    }
    const tokens = phaseTokens(i);
    const total = tokens.retrievalTokens + tokens.secondOpinionTokens + tokens.evidenceRequestTokens + tokens.baseTokens;
    if (telemetryOn) {
      try {
        await gql(METRICS, { input: [{ runId, phaseId: phase.phaseId, ...tokens, totalTokens: total }] });
      } catch (e) {
        // The switch may have been turned off since this executor started: telemetry is optional.
        if ((e as { code?: string }).code !== 'FEATURE_DISABLED') throw e;
      }
    }
    if (directive(phase, 'fail')) {
      const reason = `Phase ${phase.phaseId} failed: simulated failure (simulate:fail)`;
      await gql(UPDATE, { input: { runId, phaseId: phase.phaseId, state: 'FAILED', tokensUsed: total, failureReason: reason } });
      console.error(`reference-executor: ${reason}`);
      return 1;
    }
    await gql(UPDATE, { input: { runId, phaseId: phase.phaseId, state: 'COMPLETE', tokensUsed: total } });
  }
  return 0;
}

// If the server that started us dies, nobody will record our outcome: stop too (the next server recovers
// the run once its lease expires).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    console.error('reference-executor: the server that started this executor is gone; stopping');
    process.exit(4);
  }
}, 500).unref();

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`reference-executor: ${e.message}`);
    process.exit(1);
  },
);
