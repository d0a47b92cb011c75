// Where a server hears of committed changes: every server's feed listens to one bus. Same interface for the
// in-process bus (SQLite: one server) and the PostgreSQL LISTEN connection (every server on one database).
import type { Change } from './changes';

export interface BusHandlers {
  /** Committed changes, in commit order. */
  changes(changes: Change[]): void;
  /** Changes may have been lost (the connection to the database dropped and was re-established). */
  gap(reason: string): void;
}

export interface ChangeBus {
  readonly kind: 'in-process' | 'postgresql';
  start(handlers: BusHandlers): Promise<void>;
  /**
   * Sends marker `id` through the bus: it reaches `changes` after every change committed before it was sent
   * and before every change committed after (where a subscription starts, Feed.subscribe).
   */
  mark(id: string): Promise<void>;
  /** A marker did not come back: the connection is presumed dead; drop it and reconnect (reporting the gap). */
  reconnect(reason: string): void;
  stop(): Promise<void>;
}
