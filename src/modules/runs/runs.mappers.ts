// What the runs resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { RunRecord as RunMapper, PhaseRecord as PhaseMapper } from './records';
export type { RunPage as RunConnectionMapper } from './service';
export type { RunStatusSummary as RunStatusMapper } from './status';
