// The rollout guide's "Post-Rollout Validation" smoke checklist, run against a server over HTTP exactly as
// an operator's curl commands would: /health, the REST dashboard routes, and GraphQL for the rest.
import { ServiceError } from '../../shared/errors';
import { describeError } from '../../shared/describe-error';
import { formatStage, rolloutStage, type RolloutStage } from './rollout-stage';
import { ApiClient } from '../../cli/client';
import { isFinished } from '../../db/entities/enums';
import { compactUtc } from '../../shared/compact-time';
import { graphql } from '../../graphql/documents';
import type { RolloutRunQuery } from '../../graphql/documents/graphql';

const CREATE_RUN = graphql(`
  mutation RolloutCreateRun($input: CreateRunInput!) {
    createRun(input: $input) {
      id
    }
  }
`);
const EXECUTE_RUN = graphql(`
  mutation RolloutExecuteRun($id: ID!) {
    executeRun(id: $id) {
      id
    }
  }
`);
const ROLLOUT_RUN = graphql(`
  query RolloutRun($id: ID!) {
    run(id: $id) {
      state
      failureReason
      tokensUsed
      status {
        totalPhases
        completedPhases
      }
    }
  }
`);
const ROLLOUT_INTEGRITY = graphql(`
  query RolloutIntegrity {
    integrityReport {
      ok
      metricsRowsChecked
      runsChecked
      metricsViolationCount
      runViolationCount
    }
  }
`);
const ROLLOUT_MIGRATIONS = graphql(`
  query RolloutMigrations {
    migrationStatus {
      applied {
        name
      }
      pending
    }
    schemaVerification {
      ok
      label
      detail
    }
  }
`);

type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  status: CheckStatus;
  label: string;
  /** What the check saw. */
  detail: string;
}

export interface RolloutReport {
  checks: CheckResult[];
  stage: RolloutStage | null;
  /** Throwaway runs the check created. */
  createdRuns: string[];
}

export interface RolloutOptions {
  baseUrl: string;
  apiKey: string | null;
  withExecution: boolean;
  timeoutSeconds: number;
  progress: (line: string) => void;
}

/** The server could not be reached at all: no checklist, one line. */
export class ServerUnreachableError extends Error {}

interface HttpResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- /health and REST answers of several shapes, each read field by field
  body: any;
}

const CATEGORIES = ['retrieval_tokens', 'second_opinion_tokens', 'evidence_request_tokens', 'base_tokens'] as const;

const pass = (label: string, detail: string): CheckResult => ({ status: 'pass', label, detail });
const fail = (label: string, detail: string): CheckResult => ({ status: 'fail', label, detail });
const skip = (label: string, detail: string): CheckResult => ({ status: 'skip', label, detail });

const errorText = (e: unknown) => (e instanceof ServiceError ? `${e.code}: ${e.message}` : describeError(e));
const httpText = (r: HttpResult) => `HTTP ${r.status}${r.body?.detail ? ` ${JSON.stringify(r.body.detail)}` : ''}`;

/** A kill switch as /health reports it: a boolean (or an object with `enabled`, should it grow one). */
const switchOn = (v: unknown) => v === true || (typeof v === 'object' && v !== null && (v as { enabled?: unknown }).enabled === true);

class RolloutProbe {
  readonly api: ApiClient;
  readonly createdRuns: string[] = [];
  private readonly stamp = compactUtc(new Date());

  constructor(private readonly opts: RolloutOptions) {
    this.api = new ApiClient(opts.baseUrl, opts.apiKey);
  }

  async get(path: string, withKey = true): Promise<HttpResult> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl}${path}`, {
        headers: withKey && this.opts.apiKey ? { 'x-api-key': this.opts.apiKey } : {},
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new ServerUnreachableError(`cannot reach the server at ${this.opts.baseUrl}: ${describeError((e as { cause?: unknown }).cause ?? e)}`);
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body };
  }

  /** A throwaway run `rollout-check-<timestamp>` with one phase. */
  async createThrowawayRun(): Promise<string> {
    const id = `rollout-check-${this.stamp}`;
    await this.api.gql(CREATE_RUN, {
      input: { id, goal: 'autopack rollout-check smoke run (safe to delete)', phases: [{ phaseId: 'smoke', name: 'Rollout check smoke phase' }] },
    });
    this.createdRuns.push(id);
    return id;
  }

  async health(): Promise<{ results: CheckResult[]; stage: RolloutStage | null; consolidatedOn: boolean | null }> {
    const res = await this.get('/health', false);
    const body = typeof res.body === 'object' && res.body ? res.body : {};
    const results = [
      res.status === 200
        ? pass('Health check endpoint returns 200', `HTTP 200, status ${body.status}, version ${body.version}`)
        : fail('Health check endpoint returns 200', `${httpText(res)}, status ${body.status ?? 'unknown'}`),
      body.database === 'connected'
        ? pass('Database connection is healthy', 'database: connected')
        : fail('Database connection is healthy', `database: ${body.database ?? 'not reported'}`),
    ];
    const ks = body.kill_switches;
    if (!ks || !('phase6_metrics' in ks) || !('consolidated_metrics' in ks)) {
      results.push(fail('Kill switches default to OFF (or are at a rollout stage)', 'no kill_switches in the /health answer'));
      return { results, stage: null, consolidatedOn: null };
    }
    const switches = { phase6Metrics: switchOn(ks.phase6_metrics), consolidatedMetrics: switchOn(ks.consolidated_metrics) };
    const stage = rolloutStage(switches);
    const seen = `phase6_metrics=${switches.phase6Metrics ? 'ON' : 'OFF'}, consolidated_metrics=${switches.consolidatedMetrics ? 'ON' : 'OFF'}`;
    const label = 'Kill switches default to OFF (or are at a rollout stage)';
    results.push((stage.stage === null ? fail : pass)(label, `${seen}: stage ${formatStage(stage)}`));
    return { results, stage, consolidatedOn: switches.consolidatedMetrics };
  }

  async execution(): Promise<{ result: CheckResult; runId: string | null }> {
    const label = 'Run execution works';
    let id: string;
    try {
      id = await this.createThrowawayRun();
      await this.api.gql(EXECUTE_RUN, { id });
    } catch (e) {
      return { result: fail(label, `could not create and queue a run: ${errorText(e)}`), runId: null };
    }
    this.opts.progress(`  executing ${id} (waiting up to ${this.opts.timeoutSeconds} s)`);
    const deadline = Date.now() + this.opts.timeoutSeconds * 1000;
    for (;;) {
      let run: RolloutRunQuery['run'];
      try {
        run = (await this.api.gql(ROLLOUT_RUN, { id })).run;
      } catch (e) {
        return { result: fail(label, `${id}: ${errorText(e)}`), runId: id };
      }
      if (!run) return { result: fail(label, `${id}: the run is gone`), runId: id };
      const seen = `${id}: ${run.state}, ${run.status.completedPhases}/${run.status.totalPhases} phases complete, ${run.tokensUsed} tokens`;
      if (run.state === 'DONE_SUCCESS') return { result: pass(label, seen), runId: id };
      if (isFinished(run.state)) {
        const hint = run.failureReason?.startsWith('No executor configured') ? ' (set AUTOPACK_EXECUTOR_COMMAND on the server)' : '';
        return { result: fail(label, `${seen}: ${run.failureReason ?? 'no reason given'}${hint}`), runId: id };
      }
      if (Date.now() > deadline) return { result: fail(label, `${seen}: not finished after ${this.opts.timeoutSeconds} s`), runId: id };
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async consolidatedMetrics(switchOnNow: boolean | null, executedRun: string | null): Promise<CheckResult> {
    if (switchOnNow === null) return fail('Consolidated metrics answers as its kill switch says', 'kill switch state unknown (see /health)');
    const label = switchOnNow ? 'Consolidated metrics returns 200 when kill switch ON' : 'Consolidated metrics returns 503 when kill switch OFF';
    let runId = executedRun;
    if (!runId) {
      const runs = await this.get('/api/runs?limit=1');
      if (runs.status !== 200) return fail(label, `could not list runs to test with: ${httpText(runs)}`);
      runId = runs.body?.runs?.[0]?.id ?? null;
    }
    if (!runId) {
      try {
        runId = await this.createThrowawayRun();
      } catch (e) {
        return fail(label, `no run to test with, and creating one failed: ${errorText(e)}`);
      }
    }
    const res = await this.get(`/api/dashboard/runs/${encodeURIComponent(runId)}/consolidated-metrics`);
    if (!switchOnNow) {
      const ok = res.status === 503 && res.body?.detail === 'Consolidated metrics disabled';
      return ok ? pass(label, `503 ${JSON.stringify(res.body)} for run ${runId}`) : fail(label, `${httpText(res)} for run ${runId}`);
    }
    if (res.status !== 200) return fail(label, `${httpText(res)} for run ${runId}`);
    const b = res.body ?? {};
    const missing = [...CATEGORIES, 'total_tokens', 'total_phases', 'phases_with_metrics'].filter((k) => typeof b[k] !== 'number');
    if (missing.length) return fail(label, `200 for run ${runId} but without ${missing.join(', ')}`);
    const sum = CATEGORIES.reduce((s, k) => s + (b[k] as number), 0);
    if (sum !== b.total_tokens)
      return fail(label, `run ${runId}: DOUBLE COUNTING total_tokens ${b.total_tokens} differs from the sum of the four categories ${sum}`);
    return pass(
      label,
      `200 for run ${runId}: total_tokens ${b.total_tokens} = sum of the four categories, ${b.phases_with_metrics}/${b.total_phases} phases with metrics`,
    );
  }

  async abResults(): Promise<CheckResult> {
    const label = 'A/B results endpoint returns valid results';
    const res = await this.get('/api/dashboard/ab-results?valid_only=true');
    if (res.status !== 200) return fail(label, httpText(res));
    const b = res.body ?? {};
    const shaped =
      typeof b.count === 'number' && typeof b.filters === 'object' && b.filters !== null && Array.isArray(b.results) && b.count === b.results.length;
    return shaped
      ? pass(label, `200: count ${b.count}, filters ${JSON.stringify(b.filters)}`)
      : fail(label, `200 but not {count, filters, results}: ${JSON.stringify(b).slice(0, 200)}`);
  }

  async integrity(): Promise<CheckResult> {
    const label = 'No data integrity violations';
    try {
      const { integrityReport: r } = await this.api.gql(ROLLOUT_INTEGRITY);
      if (!r) return fail(label, 'the server returned no integrity report');
      const checked = `${r.metricsRowsChecked} phase_metrics row(s) and ${r.runsChecked} run(s) checked`;
      return r.ok
        ? pass(label, `${checked}, no double counting`)
        : fail(
            label,
            `${r.metricsViolationCount} bad phase_metrics row(s), ${r.runViolationCount} inconsistent run(s); ${checked} (details: autopack integrity)`,
          );
    } catch (e) {
      return fail(label, errorText(e));
    }
  }

  async migrations(): Promise<CheckResult> {
    const label = 'Migrations applied and verified';
    try {
      const d = await this.api.gql(ROLLOUT_MIGRATIONS);
      const { applied, pending } = d.migrationStatus;
      const failed = d.schemaVerification.filter((c) => !c.ok);
      const seen = `${applied.length} applied, ${pending.length} pending; ${d.schemaVerification.length - failed.length}/${d.schemaVerification.length} schema checks passed`;
      if (!pending.length && !failed.length) return pass(label, seen);
      const problems = [
        ...(pending.length ? [`pending: ${pending.join(', ')}`] : []),
        ...failed.map((c) => `${c.label}${c.detail ? ` (${c.detail.split('\n')[0]})` : ''}`),
      ];
      return fail(label, `${seen}: ${problems.join('; ')}`);
    } catch (e) {
      if (e instanceof ServiceError && (e.code as string) === 'GRAPHQL_VALIDATION_FAILED') {
        return skip(label, 'this server does not report its migrations (an older version): run `autopack migrate verify` on its database');
      }
      return fail(label, errorText(e));
    }
  }
}

/** Runs every check in the guide's order. Throws ServerUnreachableError when nothing answers. */
export async function runRolloutChecks(opts: RolloutOptions): Promise<RolloutReport> {
  const probe = new RolloutProbe(opts);
  const health = await probe.health();
  // Executed first so that the consolidated metrics check can read a run that just produced telemetry.
  const execution = opts.withExecution ? await probe.execution() : null;
  const checks = [
    ...health.results,
    await probe.consolidatedMetrics(health.consolidatedOn, execution?.runId ?? null),
    await probe.abResults(),
    execution?.result ?? skip('Run execution works', 'not checked: pass --with-execution to create and execute a throwaway run'),
    await probe.integrity(),
    await probe.migrations(),
  ];
  return { checks, stage: health.stage, createdRuns: probe.createdRuns };
}
