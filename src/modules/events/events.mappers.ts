// What the events resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { DashboardEventRecord as DashboardEventMapper } from './records';
