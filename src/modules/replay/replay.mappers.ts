// What the replay resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { ReplayComparison as ReplayComparisonMapper } from './comparison';
export type { CampaignResult as ReplayCampaignResultMapper } from './campaign';
export type { CampaignProgress as ReplayCampaignProgressMapper } from './progress';
