import type { Config } from '../config';
import { forkEm, type Em, type Orm } from '../db/orm';
import type { Logger } from '../logger';
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
  logger: Logger;
  /** Asks this server's dispatcher to look at the queue now (absent where no dispatcher runs). */
  wakeDispatcher?: () => void;
}

export interface ContextDeps {
  orm: Orm;
  config: Config;
  logger: Logger;
  wakeDispatcher?: () => void;
}

export function createContext(deps: ContextDeps, flags: FlagState, requestId: string): GraphQLContext {
  const em = forkEm(deps.orm);
  return { ...deps, em, loaders: createLoaders(em), flags, requestId };
}
