// This server's subscription registry: who follows what, within the limits, and the dispatch of committed
// changes to them. Changes are handled one batch at a time, in arrival (= commit) order; each batch is read
// back once, through one set of DataLoaders shared by every subscriber it concerns.
import type { Run } from '../../db/entities';
import { forkEm, type Orm } from '../../db/orm';
import { createLoaders } from '../../graphql/loaders';
import type { Logger } from '../../logger';
import { ServiceError } from '../../shared/errors';
import type { FlagDetail } from '../flags/overrides';
import type { PhaseRecord } from '../runs/records';
import { campaignProgress, type CampaignProgress } from '../replay/progress';
import type { Change, RunChange } from './changes';
import { Lru } from '../../shared/lru';
import { Subscription } from './subscription';
import type { Delivery, LiveConnection, Topic } from './topics';

export interface LiveLimits {
  /** Subscriptions one connection may hold at once. */
  perConnection: number;
  /** Subscriptions this server holds at once, over all connections. */
  perServer: number;
  /** Values waiting for one subscriber before it is disconnected as too slow. */
  queue: number;
}

/** What the feed reports (src/metrics.ts implements it). */
export interface LiveMetrics {
  connectionOpened(transport: string): void;
  connectionClosed(transport: string): void;
  subscriptionStarted(kind: string): void;
  subscriptionEnded(kind: string): void;
  delivered(kind: string, n: number): void;
  notifyLag(seconds: number): void;
  slowConsumerDropped(transport: string): void;
  missedSignal(): void;
}

/** WebSocket close code for a client too slow to take what it subscribed to ("try again later"). */
const SLOW_CONSUMER_CLOSE = 1013;

// How many runs/phases the duplicate check remembers (the latest delivered version or state of each).
const REMEMBERED = 50_000;

/** Where a subscription is filed: a change looks up only the subscribers of its run (and the catch-alls). */
function topicKey(t: Topic): string {
  switch (t.kind) {
    case 'run':
    case 'phase':
    case 'metrics':
      return `${t.kind}:${t.runId}`;
    case 'event':
      return `event:${t.runId ?? '*'}`;
    case 'campaign':
      return `campaign:${t.campaignId}`;
    default:
      return t.kind;
  }
}

const phaseFingerprint = (p: PhaseRecord) => `${p.updatedAt.getTime()}|${p.state}|${p.tokensUsed}|${p.attempts}|${p.completedAt?.getTime() ?? ''}`;
const progressFingerprint = (p: CampaignProgress) => `${p.selected}|${p.waiting}|${p.queued}|${p.running}|${p.succeeded}|${p.failed}`;

export class Feed {
  private readonly subs = new Set<Subscription>();
  private readonly byTopic = new Map<string, Set<Subscription>>();
  private readonly perConnection = new Map<number, number>();
  private readonly connections = new Map<number, LiveConnection>();
  private nextConnectionId = 1;
  private inbox: Change[] = [];
  private pumping: Promise<void> | undefined;
  /** run id -> newest version delivered: a change already covered by an earlier read-back is not sent again. */
  private readonly runVersions = new Lru<string, number>(REMEMBERED);
  private readonly phaseStates = new Lru<number, string>(REMEMBERED);
  private readonly campaignStates = new WeakMap<Subscription, string>();
  private closing = false;
  /** The most values that ever waited for one subscriber (at most the queue limit: memory stays bounded). */
  maxQueued = 0;

  constructor(
    private readonly orm: Orm,
    private readonly limits: LiveLimits,
    private readonly logger: Logger,
    private readonly metrics?: LiveMetrics,
    private readonly refreshFlags?: () => Promise<void>,
  ) {}

  // ---- connections and subscriptions ----

  openConnection(transport: LiveConnection['transport'], close: LiveConnection['close']): LiveConnection {
    const conn: LiveConnection = { id: this.nextConnectionId++, transport, close };
    this.connections.set(conn.id, conn);
    this.metrics?.connectionOpened(transport);
    return conn;
  }

  /** The connection is gone: its subscriptions end. */
  connectionClosed(conn: LiveConnection): void {
    if (!this.connections.delete(conn.id)) return;
    for (const s of [...this.subs]) if (s.connection === conn) s.end();
    this.metrics?.connectionClosed(conn.transport);
  }

  get subscriptionCount(): number {
    return this.subs.size;
  }

  /** Starts a subscription within the limits; `initial` values are queued first (e.g. a campaign's progress now). */
  subscribe(conn: LiveConnection, topic: Topic, initial: Delivery[] = []): Subscription {
    if (this.closing) throw new ServiceError('SERVICE_UNAVAILABLE', 'The server is shutting down: subscribe again on another server');
    const mine = this.perConnection.get(conn.id) ?? 0;
    if (mine >= this.limits.perConnection) {
      throw new ServiceError(
        'LIMIT_EXCEEDED',
        `At most ${this.limits.perConnection} subscriptions per connection (AUTOPACK_LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION)`,
      );
    }
    if (this.subs.size >= this.limits.perServer) {
      throw new ServiceError(
        'LIMIT_EXCEEDED',
        `This server holds its maximum of ${this.limits.perServer} subscriptions (AUTOPACK_LIVE_MAX_SUBSCRIPTIONS): try again later or another server`,
      );
    }
    const sub = new Subscription(conn, topic, this.limits.queue, (s) => this.removed(s));
    this.subs.add(sub);
    const key = topicKey(topic);
    if (!this.byTopic.has(key)) this.byTopic.set(key, new Set());
    this.byTopic.get(key)!.add(sub);
    this.perConnection.set(conn.id, mine + 1);
    this.metrics?.subscriptionStarted(topic.kind);
    for (const d of initial) this.push(sub, d);
    if (topic.kind === 'campaign' && initial[0]?.value) this.campaignStates.set(sub, progressFingerprint(initial[0].value as CampaignProgress));
    return sub;
  }

  /**
   * A campaign's progress read after its subscription was registered: sent first unless the feed already sent
   * a value (read after a later commit, so at least as new). Reading before registering would lose a change
   * committed in between.
   */
  startCampaign(sub: Subscription, progress: CampaignProgress): void {
    if (this.campaignStates.has(sub) || sub.isEnded) return;
    this.campaignStates.set(sub, progressFingerprint(progress));
    this.push(sub, { value: progress });
  }

  private removed(s: Subscription): void {
    if (!this.subs.delete(s)) return;
    const key = topicKey(s.topic);
    const filed = this.byTopic.get(key);
    filed?.delete(s);
    if (filed && !filed.size) this.byTopic.delete(key);
    const n = (this.perConnection.get(s.connection.id) ?? 1) - 1;
    if (n > 0) this.perConnection.set(s.connection.id, n);
    else this.perConnection.delete(s.connection.id);
    this.metrics?.subscriptionEnded(s.topic.kind);
  }

  /** Queues a value; a subscriber whose queue is full is dropped with its connection (memory stays bounded). */
  private push(sub: Subscription, d: Delivery): void {
    const accepted = sub.push(d);
    this.maxQueued = Math.max(this.maxQueued, sub.highWater);
    if (accepted) return;
    this.logger.warn('live updates: slow consumer disconnected', {
      connection: sub.connection.id,
      transport: sub.connection.transport,
      queued: this.limits.queue,
    });
    this.metrics?.slowConsumerDropped(sub.connection.transport);
    sub.connection.close(SLOW_CONSUMER_CLOSE, `Slow consumer: more than ${this.limits.queue} updates waiting`);
    this.connectionClosed(sub.connection);
    sub.end();
  }

  /** Shutdown: no new subscriptions, every connection closed with `code`. */
  closeAll(code: number, reason: string): void {
    this.closing = true;
    for (const conn of [...this.connections.values()]) {
      conn.close(code, reason);
      this.connectionClosed(conn);
    }
  }

  // ---- changes from the bus ----

  handleChanges(changes: Change[]): void {
    const now = Date.now();
    for (const c of changes) this.metrics?.notifyLag(Math.max(0, now - c.at) / 1000);
    this.inbox.push(...changes);
    this.pumping ??= this.pump();
  }

  /** Resolves once every change received so far has been dispatched. */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async pump(): Promise<void> {
    try {
      while (this.inbox.length) {
        const batch = this.inbox;
        this.inbox = [];
        try {
          await this.dispatch(batch);
        } catch (e) {
          // A failed read-back (database down) loses this batch: say so rather than stay silent.
          this.logger.error('live updates: could not read back changes', { error: (e as Error)?.stack ?? String(e) });
          this.gap('The server could not read back some changes (database unavailable?): changes may be missing. Query the current state again.');
        }
      }
    } finally {
      this.pumping = undefined;
    }
  }

  /** Tells every subscriber that changes may have been missed. */
  gap(reason: string): void {
    this.metrics?.missedSignal();
    for (const s of [...this.subs]) this.push(s, { missed: reason });
  }

  /** Kill switch changes as this server's FlagStore saw them. */
  flagsChanged(details: FlagDetail[]): void {
    const subs = [...this.of('flags')];
    for (const d of details) for (const s of subs) this.deliver(s, { value: d });
  }

  /** The subscriptions filed under `key` (a snapshot: delivering may end some). */
  private of(key: string): Subscription[] {
    const filed = this.byTopic.get(key);
    return filed ? [...filed] : [];
  }

  private deliver(s: Subscription, d: Delivery): void {
    this.push(s, d);
    this.metrics?.delivered(s.topic.kind, 1);
  }

  private async dispatch(batch: Change[]): Promise<void> {
    if (batch.some((c) => c.k === 'flags')) await this.refreshFlags?.();
    const runChanges = batch.filter((c): c is RunChange => c.k === 'run');
    if (!runChanges.length || !this.subs.size) return;
    const em = forkEm(this.orm);
    const loaders = createLoaders(em);
    const campaigns = new Set<string>();

    // Start every read of the batch before awaiting any, so each kind is one statement (DataLoader batching).
    const plans = runChanges.map((c) => {
      const runSubs = c.row ? this.of(`run:${c.r}`) : [];
      const listSubs = c.row ? this.of('runs') : [];
      const phaseSubs = c.ph ? this.of(`phase:${c.r}`) : [];
      const eventSubs = c.ev ? [...this.of(`event:${c.r}`), ...this.of('event:*')] : [];
      const metricSubs = c.pm ? this.of(`metrics:${c.r}`) : [];
      if (c.c && c.row && this.byTopic.has(`campaign:${c.c}`)) campaigns.add(c.c);
      const needRun = (runSubs.length || listSubs.length) && c.v > (this.runVersions.get(c.r) ?? 0);
      return {
        c,
        runSubs,
        listSubs,
        phaseSubs,
        eventSubs,
        metricSubs,
        run: needRun ? loaders.run.load(c.r) : Promise.resolve(null),
        phases: phaseSubs.length
          ? c.ph === 'all'
            ? loaders.phasesByRun.load(c.r)
            : Promise.all(c.ph!.map((id) => loaders.phase.load(id)))
          : Promise.resolve([]),
        events: eventSubs.length ? Promise.all(c.ev!.map((id) => loaders.event.load(id))) : Promise.resolve([]),
        metrics: metricSubs.length ? Promise.all(c.pm!.map((id) => loaders.phaseMetrics.load(id))) : Promise.resolve([]),
      };
    });
    // Promise.all over every read: a failure is one rejection to handle, never an unhandled one.
    const read = await Promise.all(
      plans.map(async (p) => {
        const [run, phases, events, metrics] = await Promise.all([p.run, p.phases, p.events, p.metrics]);
        return { ...p, run, phases, events, metrics };
      }),
    );
    const progress = await Promise.all([...campaigns].map(async (id) => [id, await campaignProgress(em, id)] as const));
    const shared = { em, loaders };

    for (const p of read) {
      const run = p.run as Run | null;
      if (run && run.version > (this.runVersions.get(run.id) ?? 0)) {
        this.runVersions.set(run.id, run.version);
        for (const s of p.runSubs) this.deliver(s, { value: run, ...shared });
        for (const s of p.listSubs) if (s.topic.kind === 'runs' && (!s.topic.state || s.topic.state === run.state)) this.deliver(s, { value: run, ...shared });
      }
      for (const phase of p.phases) {
        if (!phase) continue;
        const fp = phaseFingerprint(phase);
        if (this.phaseStates.get(phase.id) === fp) continue;
        this.phaseStates.set(phase.id, fp);
        for (const s of p.phaseSubs) this.deliver(s, { value: phase, ...shared });
      }
      for (const event of p.events) {
        if (!event) continue;
        for (const s of p.eventSubs)
          if (s.topic.kind === 'event' && (!s.topic.eventType || s.topic.eventType === event.eventType)) this.deliver(s, { value: event, ...shared });
      }
      for (const m of p.metrics) if (m) for (const s of p.metricSubs) this.deliver(s, { value: m, ...shared });
    }

    for (const [id, value] of progress) {
      if (!value) continue;
      const fp = progressFingerprint(value);
      for (const s of this.of(`campaign:${id}`)) {
        if (s.isEnded || this.campaignStates.get(s) === fp) continue;
        this.campaignStates.set(s, fp);
        this.deliver(s, { value, ...shared });
      }
    }
  }
}
