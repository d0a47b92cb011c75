// SQLite: one server owns the database file, so the changes its own transactions commit are all there is.
import type { Orm } from '../../db/orm';
import type { BusHandlers, ChangeBus } from './bus';
import { attachLocalPublisher } from './publish';

export class InProcessBus implements ChangeBus {
  readonly kind = 'in-process' as const;
  private detach: (() => void) | undefined;
  private handlers: BusHandlers | undefined;

  constructor(private readonly orm: Orm) {}

  async start(handlers: BusHandlers): Promise<void> {
    this.handlers = handlers;
    this.detach = attachLocalPublisher(this.orm.config, (changes) => handlers.changes(changes));
  }

  /** Changes are handed over at COMMIT, synchronously: the marker is simply the next one. */
  async mark(id: string): Promise<void> {
    this.handlers?.changes([{ k: 'mark', m: id, at: Date.now() }]);
  }

  /** Nothing to reconnect: an in-process marker cannot be lost. */
  reconnect(): void {}

  async stop(): Promise<void> {
    this.detach?.();
  }
}
