// Each server instance runs one dispatcher: it claims queued runs from the database (up to
// AUTOPACK_MAX_CONCURRENT_RUNS at a time), runs an executor for each, renews their leases while they live,
// records outcomes, and fails runs whose owner died (lease expired).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../../config';
import { forkEm, type Orm } from '../../db/orm';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { FlagState } from '../flags/flags';
import { advanceCampaigns } from '../replay/campaign';
import { describeError } from '../../shared/describe-error';
import { startExecutor, type ExecutorHandle } from './executor';
import { claimQueuedRuns, finishRun, recoverExpiredLeases, renewLeases, type ClaimedRun } from './lifecycle';

/** A replay runs with the Phase 6 features on, whatever the server's own switches say. */
const ALL_FLAGS_ON: FlagState = { PHASE6_METRICS: true, CONSOLIDATED_METRICS: true };

export interface DispatcherOptions {
  orm: Orm;
  config: Config;
  logger: Logger;
  /** Kill switch values handed to executors (read when each execution starts). */
  flags: () => FlagState;
  /** Base URL executors use to call back. */
  apiUrl: string;
  metrics?: Metrics;
}

/** The environment of one executor process. */
function executorEnv(config: Config, apiUrl: string, runId: string, flags: FlagState): Record<string, string> {
  return {
    ...config.childEnv,
    AUTOPACK_RUN_ID: runId,
    AUTOPACK_API_URL: apiUrl,
    ...(config.apiKey ? { AUTOPACK_API_KEY: config.apiKey } : {}),
    AUTOPACK_ENABLE_PHASE6_METRICS: flags.PHASE6_METRICS ? '1' : '0',
    AUTOPACK_ENABLE_CONSOLIDATED_METRICS: flags.CONSOLIDATED_METRICS ? '1' : '0',
    AUTOPACK_SKIP_CI: config.skipCi ? '1' : '0',
  };
}

export class Dispatcher {
  readonly ownerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly running = new Map<string, ExecutorHandle>();
  private readonly finishing = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private claiming = true;

  constructor(private readonly opts: DispatcherOptions) {}

  private get sink() {
    return { config: this.opts.config, logger: this.opts.logger };
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.opts.config.dispatchIntervalMs);
    this.wake();
  }

  /** Runs a dispatch round now (e.g. right after a run was queued on this server). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick().finally(() => {
      this.ticking = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Run ids this server is executing now. */
  get executing(): string[] {
    return [...this.running.keys()];
  }

  private async tick(): Promise<void> {
    const { orm, config, logger } = this.opts;
    try {
      await renewLeases(forkEm(orm), this.ownerId, this.executing, config.executorLeaseSeconds);
      for (const id of await recoverExpiredLeases(forkEm(orm), this.sink)) {
        logger.warn(`run ${id} failed: its executor was lost (lease expired)`);
      }
      const free = config.maxConcurrentRuns - this.running.size;
      if (free <= 0 || this.stopped || !this.claiming) return;
      await advanceCampaigns(forkEm(orm), this.sink);
      for (const run of await claimQueuedRuns(forkEm(orm), this.sink, this.ownerId, free, config.executorLeaseSeconds)) this.launch(run);
    } catch (e) {
      logger.error('dispatcher round failed', { error: describeError(e) });
    }
  }

  private launch({ id: runId, isReplay }: ClaimedRun): void {
    const { orm, config, logger } = this.opts;
    const flags = isReplay ? ALL_FLAGS_ON : this.opts.flags();
    const handle = startExecutor({
      command: config.executorCommand,
      runId,
      env: executorEnv(config, this.opts.apiUrl, runId, flags),
      timeoutSeconds: config.executorTimeoutSeconds,
    });
    this.running.set(runId, handle);
    logger.info(`run ${runId}: executor started`);
    const done = handle.outcome
      .then(async (outcome) => {
        const recorded = await finishRun(forkEm(orm), this.sink, runId, this.ownerId, outcome);
        if (recorded) this.opts.metrics?.executorOutcomes.inc({ state: outcome.state });
        logger.info(`run ${runId}: ${recorded ? outcome.state : 'outcome dropped (the run is no longer ours)'}`, {
          reason: outcome.failureReason ?? undefined,
        });
      })
      .catch((e) => logger.error(`run ${runId}: recording the outcome failed`, { error: describeError(e) }))
      .finally(() => {
        this.running.delete(runId);
        this.finishing.delete(done);
        this.wake();
      });
    this.finishing.add(done);
  }

  /** Shutdown, step 1: claim nothing new (leases of running executions are still renewed). */
  stopClaiming(): void {
    this.claiming = false;
  }

  /** Shutdown, step 2: let running executors finish, for at most `ms`. True when none is left. */
  async waitForExecutors(ms: number): Promise<boolean> {
    if (!this.finishing.size) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([Promise.allSettled([...this.finishing]), timeout]);
    clearTimeout(timer);
    return this.finishing.size === 0;
  }

  /** Shutdown, last step: stops the remaining executors and waits until their runs are recorded as interrupted. */
  async stop(reason = 'Server stopped: execution interrupted'): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.ticking;
    for (const handle of this.running.values()) handle.stop({ state: 'DONE_FAILED_ENVIRONMENT', failureReason: reason });
    await Promise.allSettled([...this.finishing]);
  }
}
