// PostgreSQL: one dedicated connection per server LISTENs on the feed's channel. Writers NOTIFY inside their
// transaction (publish.ts), so PostgreSQL delivers each change once it is committed, in commit order. When
// the connection drops, notifications sent meanwhile are lost: the bus reports the gap at once, reconnects
// (backing off) and reports it again, so subscribers get an explicit "you may have missed changes" signal
// instead of silence.
import { Client } from 'pg';
import type { Logger } from '../../logger';
import { describeError } from '../../shared/describe-error';
import type { BusHandlers, ChangeBus } from './bus';
import { decode, encode, type Change } from './changes';
import { CHANNEL } from './publish';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

export interface PgBusOptions {
  url: string;
  logger: Logger;
}

export class PostgresBus implements ChangeBus {
  readonly kind = 'postgresql' as const;
  private client: Client | undefined;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;
  private handlers: BusHandlers | undefined;
  /** The current connection has run its LISTEN (and so carries nothing else in flight but markers). */
  private listening = false;

  constructor(private readonly opts: PgBusOptions) {}

  /** Resolves once listening (the first connection must work: a server that cannot listen does not start). */
  async start(handlers: BusHandlers): Promise<void> {
    this.handlers = handlers;
    await this.connect();
  }

  /** The backend pid of the LISTEN connection (tests terminate it to simulate a lost connection). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.opts.url, application_name: 'autopack-live' });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      const change: Change | null = decode(msg.payload);
      if (change) this.handlers?.changes([change]);
    });
    // 'error' then 'end' on a lost connection; either one schedules a single reconnect.
    client.on('error', (e) => this.drop(client, describeError(e)));
    client.on('end', () => this.drop(client, 'connection ended'));
    this.client = client;
    this.listening = false;
    try {
      await client.connect();
      await client.query(`listen "${CHANNEL}"`);
      this.listening = true;
    } catch (e) {
      this.client = undefined;
      client.end().catch(() => undefined);
      throw e;
    }
  }

  /**
   * NOTIFY on the LISTEN connection itself (autocommit): it takes its place in commit order among every
   * writer's notifications and comes back on this connection. Throws while the connection is down.
   */
  async mark(id: string): Promise<void> {
    if (!this.client || !this.listening) throw new Error('the LISTEN connection is down');
    const [payload] = encode({ k: 'mark', m: id, at: Date.now() });
    await this.client.query('select pg_notify($1, $2)', [CHANNEL, payload]);
  }

  /** The feed's marker did not come back: the connection is presumed dead (half-open), so it is replaced. */
  reconnect(reason: string): void {
    if (this.client) this.drop(this.client, reason);
  }

  /** `client` is lost: subscribers are told at once, and a single reconnect is scheduled. */
  private drop(client: Client, why: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.opts.logger.warn('live updates: LISTEN connection lost, reconnecting', { reason: why });
    // Told at once, not only once reconnected: a client can re-query now (and learn the database is down)
    // instead of taking the silence for "nothing changed" while the reconnect backs off.
    this.handlers?.gap(
      'The server lost its connection to the database change feed and is reconnecting: changes committed until it is back may be missing. Query the current state again.',
    );
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      if (this.stopped) return;
      try {
        await this.connect();
      } catch (e) {
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        this.opts.logger.warn(`live updates: LISTEN reconnect failed, retrying in ${this.retryMs} ms`, { error: describeError(e) });
        return this.scheduleReconnect();
      }
      this.retryMs = FIRST_RETRY_MS;
      this.opts.logger.info('live updates: LISTEN connection re-established');
      this.handlers?.gap(
        'The server lost its connection to the database change feed and reconnected: changes committed meanwhile may be missing. Query the current state again.',
      );
    }, this.retryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
