// Admission control for API requests (/graphql, /api/*): at most `limit` execute at once, the rest wait in
// line, and a full line is answered 503 at once. Under a burst, memory then holds the working set of
// `limit` requests instead of every request the clients opened (a queued request costs only its socket:
// its body is read once it is admitted), and the database sees a bounded number of callers.
export interface AdmissionStats {
  running: number;
  queued: number;
}

export class AdmissionGate {
  private running = 0;
  private readonly line: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueued: number,
  ) {}

  get stats(): AdmissionStats {
    return { running: this.running, queued: this.line.length };
  }

  /** Waits for a slot; false (no slot taken) when the line is full. Call `leave()` after a true. */
  async enter(): Promise<boolean> {
    if (this.running < this.limit) {
      this.running++;
      return true;
    }
    if (this.line.length >= this.maxQueued) return false;
    // The slot is handed over by leave(): `running` stays counted for the waiter.
    await new Promise<void>((resolve) => this.line.push(resolve));
    return true;
  }

  leave(): void {
    const next = this.line.shift();
    if (next) next();
    else this.running--;
  }
}
