// What the ops resolvers receive as parent values (codegen.yml maps the SDL types to these).
export type { HealthReport as HealthMapper } from './health';
