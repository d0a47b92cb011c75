// Runtime kill switches: an override stored in the database wins over the environment value until it is
// cleared. Every server polls the overrides (FlagStore), so a change applies everywhere within seconds,
// without a restart - the guide's "Immediate Action: set all kill switches to 0".
import { FLAG_ENV_VARS, type FeatureFlagName } from '../../config';
import { FeatureFlagOverride } from '../../db/entities';
import { forkEm, type Em, type Orm } from '../../db/orm';
import type { Logger } from '../../logger';
import { badInput } from '../../shared/errors';
import { FLAG_NAMES, type FlagState } from './flags';
import { describeError } from '../ops/health';
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

export const FLAG_REFRESH_MS = 2000;

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
    return FLAG_NAMES.map((flag) => {
      const o = this.overrides.get(flag);
      return {
        flag,
        envVar: FLAG_ENV_VARS[flag],
        enabled: o?.enabled ?? this.env[flag],
        source: o ? 'OVERRIDE' : 'ENV',
        envEnabled: this.env[flag],
        reason: o?.reason ?? null,
        changedBy: o?.changedBy ?? null,
        changedAt: o?.changedAt ?? null,
      };
    });
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
    let rows: FeatureFlagOverride[];
    try {
      rows = await forkEm(this.orm).find(FeatureFlagOverride, {});
    } catch (e) {
      if (!this.failing) this.logger.warn('kill switch overrides could not be read; keeping the last known values', { error: describeError(e) });
      this.failing = true;
      return;
    }
    this.failing = false;
    const before = this.state();
    const fingerprint = () => new Map(this.details().map((d) => [d.flag, `${d.enabled}|${d.source}|${d.reason}|${d.changedBy}|${d.changedAt?.getTime()}`]));
    const detailsBefore = fingerprint();
    this.overrides = new Map(rows.filter((r) => (FLAG_NAMES as string[]).includes(r.flag)).map((r) => [r.flag as FeatureFlagName, r]));
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
