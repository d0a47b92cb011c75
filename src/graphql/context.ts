import type { Config } from '../config';
import { forkEm, type Em, type Orm } from '../db/orm';
import type { FlagState } from '../modules/flags';
import { createLoaders, type Loaders } from './loaders';

/** Everything a resolver may use; built once per request. */
export interface GraphQLContext {
  config: Config;
  orm: Orm;
  em: Em;
  loaders: Loaders;
  flags: FlagState;
  requestId: string;
}

export function createContext(orm: Orm, config: Config, flags: FlagState, requestId: string): GraphQLContext {
  const em = forkEm(orm);
  return { config, orm, em, loaders: createLoaders(em), flags, requestId };
}
