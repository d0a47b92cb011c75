// SQLite: one server owns the database file, so the changes its own transactions commit are all there is.
import type { Orm } from '../../db/orm';
import type { BusHandlers, ChangeBus } from './bus';
import { attachLocalPublisher } from './publish';

export class InProcessBus implements ChangeBus {
  readonly kind = 'in-process' as const;
  private detach: (() => void) | undefined;

  constructor(private readonly orm: Orm) {}

  async start(handlers: BusHandlers): Promise<void> {
    this.detach = attachLocalPublisher(this.orm.config, (changes) => handlers.changes(changes));
  }

  async stop(): Promise<void> {
    this.detach?.();
  }
}
