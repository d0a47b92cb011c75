// What the runs resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { Run as RunMapper } from '../../db/entities';
export type { PhaseRecord as PhaseMapper } from '../records';
export type { RunStatusSummary as RunStatusMapper } from './status';
