// What the telemetry resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { PhaseMetricsRecord as PhaseMetricsMapper } from './records';
export type { ConsolidatedMetricsSummary as ConsolidatedMetricsMapper } from './consolidated';
