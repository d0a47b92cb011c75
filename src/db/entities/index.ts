import { ABTestResult } from './ABTestResult';
import { DashboardEvent } from './DashboardEvent';
import { Phase } from './Phase';
import { PhaseMetrics } from './PhaseMetrics';
import { ReplayCampaign } from './ReplayCampaign';
import { Run } from './Run';

export { ABTestResult, DashboardEvent, Phase, PhaseMetrics, ReplayCampaign, Run };
export * from './enums';
export const ENTITIES = [Run, Phase, PhaseMetrics, DashboardEvent, ABTestResult, ReplayCampaign];
