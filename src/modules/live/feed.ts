// This server's subscription registry: who follows what, within the limits, and the dispatch of committed
// changes to them. Changes are handled one batch at a time, in arrival (= commit) order; each batch is read
// back once, through one set of DataLoaders shared by every subscriber it concerns.
// Where a subscription starts is exact: a marker sent through the bus when it registers comes back in commit
// order, so it is sent what was committed after the marker and nothing committed before.
import { randomUUID } from 'node:crypto';
import type { Run } from '../../db/entities';
import { forkEm, type Orm } from '../../db/orm';
import { createLoaders } from '../../graphql/loaders';
import type { Logger } from '../../logger';
import { ServiceError } from '../../shared/errors';
import type { FlagDetail } from '../flags/overrides';
import type { PhaseRecord } from '../runs/records';
import { campaignProgress, type CampaignProgress } from '../replay/progress';
import type { ChangeBus } from './bus';
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

/**
 * How long a subscription waits for its marker. Past it the subscription starts anyway and the bus is told to
 * reconnect: a marker that does not come back means the LISTEN connection is dead (the reconnect reports the gap).
 */
const MARK_TIMEOUT_MS = 5000;

/**
 * While it holds subscriptions, a server also sends a marker of its own this often: a LISTEN connection gone
 * half-open (no error, just silence) is then found within this plus MARK_TIMEOUT_MS, new subscriptions or not.
 */
const HEARTBEAT_MS = 30_000;

/** A change and its place among every change this server received (1, 2, ...). */
interface Received<C extends Change = Change> {
  c: C;
  seq: number;
}

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

/** Whether any of `subs` started before change number `seq` (only then is it worth reading). */
const followed = (subs: Subscription[], seq: number) => subs.some((s) => s.follows(seq));

const phaseFingerprint = (p: PhaseRecord) => `${p.updatedAt.getTime()}|${p.state}|${p.tokensUsed}|${p.attempts}|${p.completedAt?.getTime() ?? ''}`;
const progressFingerprint = (p: CampaignProgress) => `${p.selected}|${p.waiting}|${p.queued}|${p.running}|${p.succeeded}|${p.failed}`;

export class Feed {
  private readonly subs = new Set<Subscription>();
  private readonly byTopic = new Map<string, Set<Subscription>>();
  private readonly perConnection = new Map<number, number>();
  private readonly connections = new Map<number, LiveConnection>();
  private nextConnectionId = 1;
  private inbox: Received[] = [];
  private bus: ChangeBus | undefined;
  /** Sequence number of the last change received (markers included). */
  private received = 0;
  private readonly markPrefix = randomUUID();
  private marks = 0;
  /** Markers sent and not back yet: the subscriptions each one places. */
  private readonly awaitingMark = new Map<string, { subs: Subscription[]; timer: NodeJS.Timeout }>();
  /** Subscriptions registered since the last marker was sent: they share the next one. */
  private markBatch: Subscription[] | undefined;
  private sendingMarks = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  /** run id -> newest version delivered: a change already covered by an earlier read-back is not sent again. */
  private readonly runVersions = new Lru<string, number>(REMEMBERED);
  private readonly phaseStates = new Lru<number, string>(REMEMBERED);
  /** Per campaign subscriber: the last progress sent, and the number of the read it came from. */
  private readonly campaignStates = new WeakMap<Subscription, { fp: string; read: number }>();
  /** Campaign progress reads started so far: a read started later sees every commit an earlier one saw. */
  private campaignReads = 0;
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

  /** Subscriptions started (placed in the feed): each is sent every change committed from now on. */
  get subscriptionCount(): number {
    let n = 0;
    for (const s of this.subs) if (s.from !== undefined) n++;
    return n;
  }

  /** Starts hearing committed changes from `bus`; subscriptions are placed by markers sent through it. */
  async listen(bus: ChangeBus): Promise<void> {
    await bus.start({ changes: (c) => this.handleChanges(c), gap: (reason) => this.gap(reason) });
    this.bus = bus;
    this.heartbeat = setInterval(() => {
      if (!this.subs.size || this.sendingMarks || this.closing) return;
      this.markBatch ??= []; // a marker that places nobody: only its return matters
      void this.sendMarks();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * Registers a subscription within the limits. It is sent changes once started (`sub.started`): those
   * committed after its marker came back through the bus, none committed before.
   */
  subscribe(conn: LiveConnection, topic: Topic): Subscription {
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
    this.place(sub);
    return sub;
  }

  /**
   * One marker at a time: the subscriptions registered meanwhile (a burst of them, or the rest of this tick)
   * share the next one, sent once the current one is out.
   */
  private place(sub: Subscription): void {
    if (!this.bus) return this.start(sub, this.received);
    (this.markBatch ??= []).push(sub);
    if (!this.sendingMarks) void this.sendMarks();
  }

  private async sendMarks(): Promise<void> {
    this.sendingMarks = true;
    try {
      await null; // the rest of this tick's registrations join the batch
      while (this.markBatch) {
        const batch = this.markBatch;
        this.markBatch = undefined;
        await this.sendMark(batch);
      }
    } finally {
      this.sendingMarks = false;
    }
  }

  private async sendMark(subs: Subscription[]): Promise<void> {
    const id = `${this.markPrefix}:${++this.marks}`;
    let giveUp!: () => void;
    // A hung send must not hold back the subscriptions queued behind it either.
    const timedOut = new Promise<void>((resolve) => (giveUp = resolve));
    const timer = setTimeout(() => {
      const reason = `a subscription marker did not come back within ${MARK_TIMEOUT_MS} ms`;
      this.logger.warn(`live updates: ${reason}; starting without it and reconnecting the change feed`);
      this.markArrived(id, this.received);
      this.bus?.reconnect(reason);
      giveUp();
    }, MARK_TIMEOUT_MS);
    timer.unref();
    this.awaitingMark.set(id, { subs, timer });
    try {
      await Promise.race([this.bus!.mark(id), timedOut]);
    } catch {
      // The bus is down and reports it as a gap to every subscriber: start now rather than hold these back.
      this.markArrived(id, this.received);
    }
  }

  /** Starts every subscription still waiting for a marker, sent or not (gap, shutdown). */
  private startWaiting(): void {
    for (const id of [...this.awaitingMark.keys()]) this.markArrived(id, this.received);
    const queued = this.markBatch ?? [];
    this.markBatch = undefined;
    for (const s of queued) this.start(s, this.received);
  }

  private markArrived(id: string, seq: number): void {
    const waiting = this.awaitingMark.get(id);
    if (!waiting) return; // another server's marker
    this.awaitingMark.delete(id);
    clearTimeout(waiting.timer);
    for (const s of waiting.subs) this.start(s, seq);
  }

  /** The subscription is sent the changes after number `seq` from now on (and counts as held). */
  private start(sub: Subscription, seq: number): void {
    if (sub.from !== undefined || sub.isEnded) return;
    sub.start(seq);
    this.metrics?.subscriptionStarted(sub.topic.kind);
  }

  /**
   * Sends a started campaign subscription its first value, the progress `read` now; the subscription ends if
   * the read fails. A value the feed read earlier and sends later is dropped (see offerProgress).
   */
  async startCampaign(sub: Subscription, read: () => Promise<CampaignProgress>): Promise<void> {
    const n = ++this.campaignReads;
    try {
      this.offerProgress(sub, await read(), n);
    } catch (e) {
      sub.end();
      throw e;
    }
  }

  /** Progress goes to `s` only when it changed and was read after the last value sent: never backwards. */
  private offerProgress(s: Subscription, value: CampaignProgress, read: number, shared?: Omit<Delivery, 'value'>): void {
    const fp = progressFingerprint(value);
    const last = this.campaignStates.get(s);
    if (s.isEnded || (last && (last.read > read || last.fp === fp))) return;
    this.campaignStates.set(s, { fp, read });
    this.deliver(s, { value, ...shared });
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
    if (s.from !== undefined) this.metrics?.subscriptionEnded(s.topic.kind);
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
    clearInterval(this.heartbeat);
    this.startWaiting();
    for (const conn of [...this.connections.values()]) {
      conn.close(code, reason);
      this.connectionClosed(conn);
    }
  }

  // ---- changes from the bus ----

  handleChanges(changes: Change[]): void {
    const now = Date.now();
    for (const c of changes) {
      const seq = ++this.received;
      if (c.k === 'mark') {
        this.markArrived(c.m, seq);
        continue;
      }
      this.metrics?.notifyLag(Math.max(0, now - c.at) / 1000);
      this.inbox.push({ c, seq });
    }
    if (this.inbox.length) this.pumping ??= this.pump();
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
    // A marker sent over a lost connection never comes back.
    this.startWaiting();
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

  /** The subscriptions change `c` concerns, by what they are sent: its run, phases, events, samples. */
  private concerned(c: RunChange) {
    return {
      run: c.row ? [...this.of(`run:${c.r}`), ...this.of('runs')] : [],
      phase: c.ph ? this.of(`phase:${c.r}`) : [],
      event: c.ev ? [...this.of(`event:${c.r}`), ...this.of('event:*')] : [],
      metrics: c.pm ? this.of(`metrics:${c.r}`) : [],
    };
  }

  private deliver(s: Subscription, d: Delivery): void {
    this.push(s, d);
    this.metrics?.delivered(s.topic.kind, 1);
  }

  /**
   * A run or phase value goes once to each subscriber following at that moment (`fresh`: newer than the last
   * one sent). One sent while `s` had not started (its change came before `s`'s start) is owed to `s`: it may
   * hold changes committed after `s` started, whose own notifications will then find nothing newer.
   */
  private offer(s: Subscription, seq: number, key: string, fresh: boolean, d: Delivery): void {
    if (!s.follows(seq)) {
      if (fresh) (s.owed ??= new Set()).add(key);
      return;
    }
    const owed = s.owed?.delete(key) ?? false;
    if (fresh || owed) this.deliver(s, d);
  }

  private async dispatch(batch: Received[]): Promise<void> {
    if (batch.some(({ c }) => c.k === 'flags')) await this.refreshFlags?.();
    const runChanges = batch.filter((r): r is Received<RunChange> => r.c.k === 'run');
    if (!runChanges.length || !this.subs.size) return;
    const em = forkEm(this.orm);
    const loaders = createLoaders(em);
    const campaigns = new Set<string>();

    // Start every read of the batch before awaiting any, so each kind is one statement (DataLoader batching).
    const plans = runChanges.map(({ c, seq }) => {
      const subs = this.concerned(c);
      if (c.c && c.row && this.byTopic.has(`campaign:${c.c}`)) campaigns.add(c.c);
      const newer = c.v > (this.runVersions.get(c.r) ?? 0);
      const needRun = subs.run.some((s) => s.follows(seq) && (newer || s.owed?.has(`run:${c.r}`)));
      return {
        c,
        seq,
        run: needRun ? loaders.run.load(c.r) : Promise.resolve(null),
        phases: followed(subs.phase, seq)
          ? c.ph === 'all'
            ? loaders.phasesByRun.load(c.r)
            : Promise.all(c.ph!.map((id) => loaders.phase.load(id)))
          : Promise.resolve([]),
        events: followed(subs.event, seq) ? Promise.all(c.ev!.map((id) => loaders.event.load(id))) : Promise.resolve([]),
        metrics: followed(subs.metrics, seq) ? Promise.all(c.pm!.map((id) => loaders.phaseMetrics.load(id))) : Promise.resolve([]),
      };
    });
    // Promise.all over every read: a failure is one rejection to handle, never an unhandled one.
    const read = await Promise.all(
      plans.map(async (p) => {
        const [run, phases, events, metrics] = await Promise.all([p.run, p.phases, p.events, p.metrics]);
        return { ...p, run, phases, events, metrics };
      }),
    );
    const progress = await Promise.all(
      [...campaigns].map(async (id) => {
        const n = ++this.campaignReads;
        return [id, await campaignProgress(em, id), n] as const;
      }),
    );
    const shared = { em, loaders };

    for (const p of read) {
      // Subscribers as of now: one registered during the read is owed what it did not get (see offer).
      const subs = this.concerned(p.c);
      const run = p.run as Run | null;
      if (run) {
        const fresh = run.version > (this.runVersions.get(run.id) ?? 0);
        if (fresh) this.runVersions.set(run.id, run.version);
        for (const s of subs.run) {
          if (s.topic.kind === 'run' || (s.topic.kind === 'runs' && (!s.topic.state || s.topic.state === run.state)))
            this.offer(s, p.seq, `run:${run.id}`, fresh, { value: run, ...shared });
          else if (s.follows(p.seq)) s.owed?.delete(`run:${run.id}`); // it left the state followed: nothing owed
        }
      }
      for (const phase of p.phases) {
        if (!phase) continue;
        const fp = phaseFingerprint(phase);
        const fresh = this.phaseStates.get(phase.id) !== fp;
        if (fresh) this.phaseStates.set(phase.id, fp);
        for (const s of subs.phase) this.offer(s, p.seq, `phase:${phase.id}`, fresh, { value: phase, ...shared });
      }
      for (const event of p.events) {
        if (!event) continue;
        for (const s of subs.event)
          if (s.follows(p.seq) && s.topic.kind === 'event' && (!s.topic.eventType || s.topic.eventType === event.eventType))
            this.deliver(s, { value: event, ...shared });
      }
      for (const m of p.metrics) if (m) for (const s of subs.metrics) if (s.follows(p.seq)) this.deliver(s, { value: m, ...shared });
    }

    for (const [id, value, n] of progress) {
      if (!value) continue;
      for (const s of this.of(`campaign:${id}`)) this.offerProgress(s, value, n, shared);
    }
  }
}
