// The rollout guide's health check: database, Qdrant and kill switches.
import type { Config } from '../../config';
import { describeError } from '../../shared/describe-error';
import type { Orm } from '../../db/orm';
import type { FlagState } from '../flags/flags';
import { shortLived } from '../../shared/short-lived';

export interface HealthReport {
  status: 'healthy' | 'unhealthy';
  database: string;
  qdrant: string;
  killSwitches: { phase6Metrics: boolean; consolidatedMetrics: boolean };
  version: string;
  timestamp: Date;
}

const TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    }),
  ]);
}

async function checkDatabase(orm: Orm): Promise<string> {
  try {
    await withTimeout(orm.em.getConnection().execute('select 1'), 'database');
    return 'connected';
  } catch (e) {
    return `error: ${describeError(e)}`;
  }
}

async function checkQdrant(host: string | null): Promise<string> {
  if (!host) return 'disabled';
  try {
    const res = await fetch(`${host}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.body?.cancel();
    return res.ok ? 'connected' : `unhealthy (status ${res.status})`;
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    return `error: ${describeError(cause ?? e)}`;
  }
}

export type HealthProbe = () => Promise<{ database: string; qdrant: string }>;

/**
 * The database and Qdrant checks of one server, shared: every health answer within AUTOPACK_HEALTH_CACHE_MS
 * of the last check reuses it, and concurrent askers wait for the one check in flight. A flood of /health
 * (or of aliased `health` fields) then costs at most one database round trip per period.
 */
export function createHealthProbe(orm: Orm, config: Config): HealthProbe {
  return shortLived(async () => {
    const [database, qdrant] = await Promise.all([checkDatabase(orm), checkQdrant(config.qdrantHost)]);
    return { database, qdrant };
  }, config.healthCacheMs);
}

export async function checkHealth(probe: HealthProbe, config: Config, flags: FlagState): Promise<HealthReport> {
  const { database, qdrant } = await probe();
  return {
    status: database === 'connected' ? 'healthy' : 'unhealthy',
    database,
    qdrant,
    killSwitches: { phase6Metrics: flags.PHASE6_METRICS, consolidatedMetrics: flags.CONSOLIDATED_METRICS },
    version: config.version,
    timestamp: new Date(),
  };
}
