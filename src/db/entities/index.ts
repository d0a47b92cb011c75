import { ABTestResult } from './ABTestResult';
import { DashboardEvent } from './DashboardEvent';
import { FeatureFlagOverride } from './FeatureFlagOverride';
import { Phase } from './Phase';
import { PhaseMetrics } from './PhaseMetrics';
import { ReplayCampaign } from './ReplayCampaign';
import { Run } from './Run';

export { ABTestResult, DashboardEvent, FeatureFlagOverride, Phase, PhaseMetrics, ReplayCampaign, Run };
export * from './enums';
export const ENTITIES = [Run, Phase, PhaseMetrics, DashboardEvent, ABTestResult, ReplayCampaign, FeatureFlagOverride];
