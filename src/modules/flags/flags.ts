// Kill switches: what each one is called, what it says when off, and the error it raises.
import { FLAG_ENV_VARS, type FeatureFlagName } from '../../config';
import { ServiceError } from '../../shared/errors';

export type FlagState = Readonly<Record<FeatureFlagName, boolean>>;

/** How often each server re-reads the stored overrides. */
export const FLAG_REFRESH_MS = 2000;

export const FLAG_NAMES = Object.keys(FLAG_ENV_VARS) as FeatureFlagName[];

const DISABLED_MESSAGES: Record<FeatureFlagName, string> = {
  PHASE6_METRICS: 'Phase 6 metrics disabled',
  CONSOLIDATED_METRICS: 'Consolidated metrics disabled',
};

export function featureDisabled(flag: FeatureFlagName): ServiceError {
  return new ServiceError('FEATURE_DISABLED', DISABLED_MESSAGES[flag], { flag: FLAG_ENV_VARS[flag] });
}
