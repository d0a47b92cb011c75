// Admission control for API requests (/graphql, /api/*): at most `limit` execute at once, the rest wait in
// line, and a full line is answered 503 at once. Under a burst, memory then holds the working set of
// `limit` requests instead of every request the clients opened, and the database sees a bounded number of
// callers. A request enters only once its body is in (server.ts), so a slow client never holds a slot.
//
// Each key class may be capped below the limit (running and waiting): with the read key at 3 of 4 slots, a
// flood of dashboard reads always leaves a slot, and room in line, for executors' writes and operators
// (the admin key). The line is FIFO across classes; a waiter whose class is at its cap is passed over.
export type KeyClass = 'admin' | 'read' | 'none';

export interface AdmissionStats {
  running: number;
  queued: number;
}

export interface ClassCap {
  running: number;
  queued: number;
}

interface Waiter {
  cls: KeyClass;
  admit: () => void;
}

const CLASSES: KeyClass[] = ['admin', 'read', 'none'];
const zero = () => ({ admin: 0, read: 0, none: 0 }) as Record<KeyClass, number>;

export class AdmissionGate {
  private running = 0;
  private readonly runningBy = zero();
  private readonly queuedBy = zero();
  private readonly line: Waiter[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueued: number,
    /** Caps per key class; a class without one may use every slot and the whole line. */
    private readonly caps: Partial<Record<KeyClass, ClassCap>> = {},
  ) {}

  get stats(): AdmissionStats {
    return { running: this.running, queued: this.line.length };
  }

  /** Running and waiting requests of each key class. */
  get byClass(): Record<KeyClass, AdmissionStats> {
    return Object.fromEntries(CLASSES.map((c) => [c, { running: this.runningBy[c], queued: this.queuedBy[c] }])) as Record<KeyClass, AdmissionStats>;
  }

  private cap(cls: KeyClass): ClassCap {
    return this.caps[cls] ?? { running: this.limit, queued: this.maxQueued };
  }

  private fits(cls: KeyClass): boolean {
    return this.running < this.limit && this.runningBy[cls] < this.cap(cls).running;
  }

  private take(cls: KeyClass): void {
    this.running++;
    this.runningBy[cls]++;
  }

  /** Takes a slot if one is free now (no promise: most requests never wait); false: call enter(). */
  tryEnter(cls: KeyClass = 'admin'): boolean {
    if (!this.fits(cls)) return false;
    this.take(cls);
    return true;
  }

  /** Waits for a slot; false (no slot taken) when the line is full. Call `leave(cls)` after a true. */
  async enter(cls: KeyClass = 'admin'): Promise<boolean> {
    if (this.tryEnter(cls)) return true;
    if (this.line.length >= this.maxQueued || this.queuedBy[cls] >= this.cap(cls).queued) return false;
    this.queuedBy[cls]++;
    // The slot is taken for the waiter by leave() before it resumes.
    await new Promise<void>((admit) => this.line.push({ cls, admit }));
    return true;
  }

  leave(cls: KeyClass = 'admin'): void {
    this.running--;
    this.runningBy[cls]--;
    // Hand the free slot to the earliest waiter whose class is under its cap.
    for (let i = 0; i < this.line.length && this.running < this.limit; i++) {
      const w = this.line[i];
      if (!this.fits(w.cls)) continue;
      this.line.splice(i, 1);
      this.queuedBy[w.cls]--;
      this.take(w.cls);
      w.admit();
      return;
    }
  }
}

/**
 * Bytes of request bodies held by requests that have not finished: bodies are read before admission, so
 * without a bound many clients sending large bodies at once would fill memory while they wait in line.
 */
export class BodyBudget {
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  /** Takes `n` bytes; false (nothing taken) when that would pass the bound. */
  take(n: number): boolean {
    if (this.used + n > this.maxBytes) return false;
    this.used += n;
    return true;
  }

  give(n: number): void {
    this.used -= n;
  }
}
