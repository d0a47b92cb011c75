// What the experiments resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { ABTestResult as ABTestResultMapper } from '../../db/entities';
export type { AbTestSummary as ABTestSummaryMapper } from './service';
