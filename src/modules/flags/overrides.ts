// Runtime kill switches: an override stored in the database wins over the environment value until it is
// cleared or until the next server start. Every server polls the overrides (FlagStore), so a change applies
// everywhere within seconds, without a restart - the guide's "Immediate Action: set all kill switches to 0".
// The environment is the configuration of record: a server start clears every stored override (for every
// server, as they share the table), so the guide's rollback (set the switches to 0, restart) works verbatim.
import { FLAG_ENV_VARS, type FeatureFlagName } from '../../config';
import { FeatureFlagOverride } from '../../db/entities';
import { forkEm, type Em, type Orm } from '../../db/orm';
import type { Logger } from '../../logger';
import { badInput } from '../../shared/errors';
import { FLAG_NAMES, FLAG_REFRESH_MS, type FlagState } from './flags';
import { describeError } from '../../shared/describe-error';
import { checkLength } from '../../shared/validation';
import { flagsChanged } from '../live/publish';

export interface FlagDetail {
  flag: FeatureFlagName;
  envVar: string;
  /** The effective value. */
  enabled: boolean;
  source: 'ENV' | 'OVERRIDE';
  envEnabled: boolean;
  reason: string | null;
  changedBy: string | null;
  changedAt: Date | null;
}

function checkFlag(flag: string): FeatureFlagName {
  if (!(FLAG_NAMES as string[]).includes(flag)) throw badInput(`Unknown flag "${flag}" (known: ${FLAG_NAMES.join(', ')})`, { field: 'flag' });
  return flag as FeatureFlagName;
}

export async function setFlagOverride(em: Em, flag: string, enabled: boolean, reason: string | null | undefined, actor: string): Promise<void> {
  const name = checkFlag(flag);
  const why = checkLength(reason, 'reason', 1000);
  await em.transactional(async (tx) => {
    await tx.upsert(FeatureFlagOverride, { flag: name, enabled, reason: why, changedBy: actor, changedAt: new Date() });
    await flagsChanged(tx);
  });
}

export async function clearFlagOverride(em: Em, flag: string): Promise<void> {
  await em.nativeDelete(FeatureFlagOverride, { flag: checkFlag(flag) });
  await flagsChanged(em);
}

/** The stored overrides of known flags (a row of a flag this version does not know is ignored). */
export async function readFlagOverrides(em: Em): Promise<Map<FeatureFlagName, FeatureFlagOverride>> {
  const rows = await em.find(FeatureFlagOverride, {});
  return new Map(rows.filter((r) => (FLAG_NAMES as string[]).includes(r.flag)).map((r) => [r.flag as FeatureFlagName, r]));
}

/** Each flag: environment value, stored override, effective value. */
export function flagDetails(env: FlagState, overrides: ReadonlyMap<FeatureFlagName, FeatureFlagOverride>): FlagDetail[] {
  return FLAG_NAMES.map((flag) => {
    const o = overrides.get(flag);
    return {
      flag,
      envVar: FLAG_ENV_VARS[flag],
      enabled: o?.enabled ?? env[flag],
      source: o ? 'OVERRIDE' : 'ENV',
      envEnabled: env[flag],
      reason: o?.reason ?? null,
      changedBy: o?.changedBy ?? null,
      changedAt: o?.changedAt ?? null,
    };
  });
}

/**
 * A server start returns every switch to its environment value: deletes every stored override and logs
 * each one (what it was, who set it, why). Only the rows read are deleted, so an override set by another
 * server in the same instant is never dropped unlogged.
 */
export async function clearOverridesAtStartup(em: Em, logger: Logger): Promise<FeatureFlagOverride[]> {
  return em.transactional(async (tx) => {
    const rows = await tx.find(FeatureFlagOverride, {});
    for (const r of rows) {
      await tx.nativeDelete(FeatureFlagOverride, { flag: r.flag, changedAt: r.changedAt });
      logger.warn(`kill switch override cleared at startup: ${r.flag} was ${r.enabled ? 'ON' : 'OFF'} (set by ${r.changedBy}), the environment value applies`, {
        flag: r.flag,
        enabled: r.enabled,
        changedBy: r.changedBy,
        changedAt: r.changedAt,
        reason: r.reason,
      });
    }
    return rows;
  });
}

/** This server's view of the kill switches: environment values plus the overrides it last read. */
export class FlagStore {
  private overrides = new Map<FeatureFlagName, FeatureFlagOverride>();
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  private readonly listeners: ((changed: FlagDetail[]) => void)[] = [];

  constructor(
    private readonly env: FlagState,
    private readonly orm: Orm,
    private readonly logger: Logger,
  ) {}

  state(): FlagState {
    return Object.fromEntries(FLAG_NAMES.map((f) => [f, this.overrides.get(f)?.enabled ?? this.env[f]])) as unknown as FlagState;
  }

  details(): FlagDetail[] {
    return flagDetails(this.env, this.overrides);
  }

  /** Called with the flags whose effective value or override changed, after each refresh that saw changes. */
  onChange(listener: (changed: FlagDetail[]) => void): void {
    this.listeners.push(listener);
  }

  private refreshing: Promise<void> = Promise.resolve();

  /**
   * Reads the overrides; logs every effective change. On a database error the last values stay. Refreshes run
   * one after another, so an older read never overwrites a newer one (listeners see each change once).
   */
  refresh(): Promise<void> {
    const next = this.refreshing.then(() => this.read());
    this.refreshing = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<void> {
    let overrides: Map<FeatureFlagName, FeatureFlagOverride>;
    try {
      overrides = await readFlagOverrides(forkEm(this.orm));
    } catch (e) {
      if (!this.failing) this.logger.warn('kill switch overrides could not be read; keeping the last known values', { error: describeError(e) });
      this.failing = true;
      return;
    }
    this.failing = false;
    const before = this.state();
    const fingerprint = () => new Map(this.details().map((d) => [d.flag, `${d.enabled}|${d.source}|${d.reason}|${d.changedBy}|${d.changedAt?.getTime()}`]));
    const detailsBefore = fingerprint();
    this.overrides = overrides;
    const after = this.state();
    const detailsAfter = fingerprint();
    const changed = this.details().filter((d) => detailsBefore.get(d.flag) !== detailsAfter.get(d.flag));
    if (changed.length) for (const listener of this.listeners) listener(changed);
    for (const d of this.details()) {
      if (before[d.flag] === after[d.flag]) continue;
      this.logger.warn(`kill switch ${d.flag} is now ${d.enabled ? 'ON' : 'OFF'}`, {
        flag: d.flag,
        enabled: d.enabled,
        source: d.source,
        changedBy: d.changedBy,
        changedAt: d.changedAt,
        reason: d.reason,
      });
    }
  }

  start(intervalMs = FLAG_REFRESH_MS): void {
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
