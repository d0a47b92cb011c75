// One subscriber's stream: an async iterator over a bounded queue. The transport pulls a value only once it
// has written the previous one to the socket, so a client that stops reading lets the queue fill up; at the
// limit the feed drops the client instead of buffering without end (see Feed.push).
import type { Delivery, LiveConnection, Topic } from './topics';

export class Subscription implements AsyncIterableIterator<Delivery> {
  private readonly queue: Delivery[] = [];
  private waiter: ((r: IteratorResult<Delivery>) => void) | undefined;
  private ended = false;
  /** The most values that ever waited at once (tests check the bound). */
  highWater = 0;
  /**
   * Where it starts in the feed: the sequence number of the last change received before it (changes up to it
   * were committed earlier and are not sent). Undefined until the feed has placed it (Feed.subscribe).
   */
  from: number | undefined;
  /** Runs and phases ("run:id", "phase:id") whose value went to others while this one was not started yet. */
  owed: Set<string> | undefined;
  /** Resolves once started (or ended). */
  readonly started: Promise<void>;
  private resolveStarted!: () => void;

  constructor(
    readonly connection: LiveConnection,
    readonly topic: Topic,
    private readonly limit: number,
    private readonly onEnd: (s: Subscription) => void,
  ) {
    this.started = new Promise((resolve) => (this.resolveStarted = resolve));
  }

  /** Places the subscription after change number `seq`: later changes are sent to it. */
  start(seq: number): void {
    if (this.from !== undefined) return;
    this.from = seq;
    this.resolveStarted();
  }

  /** Whether change number `seq` was committed after this subscription started. */
  follows(seq: number): boolean {
    return this.from !== undefined && seq > this.from;
  }

  /** Queues a value; false when the queue is full (the caller drops the slow client). */
  push(d: Delivery): boolean {
    if (this.ended) return true;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w({ value: d, done: false });
      return true;
    }
    if (this.queue.length >= this.limit) return false;
    this.queue.push(d);
    this.highWater = Math.max(this.highWater, this.queue.length);
    return true;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  next(): Promise<IteratorResult<Delivery>> {
    const d = this.queue.shift();
    if (d) return Promise.resolve({ value: d, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** Ends the stream (client unsubscribed, connection closed, slow consumer, shutdown). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    const w = this.waiter;
    this.waiter = undefined;
    w?.({ value: undefined, done: true });
    this.resolveStarted();
    this.onEnd(this);
  }

  return(): Promise<IteratorResult<Delivery>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(e: unknown): Promise<IteratorResult<Delivery>> {
    this.end();
    return Promise.reject(e);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Delivery> {
    return this;
  }
}
