// Pacing for the doors that skip the admission gate (/health, /metrics) when the caller has no key. Each
// answer is cheap, but a flood of them still takes the event loop from the API (a closed-loop flood gets
// as many answers as the server can give). Here at most `perSecond` keyless probes are answered per
// second: more wait in line (their sockets cost little meanwhile, and a flooding client that waits for its
// answers slows down to that pace - refusing at once would only let it ask again at once), and when
// `maxWaiting` already wait the answer is 503 at once. Probes with a key (Prometheus, an orchestrator given
// the read key) are not paced.
export class ProbeGate {
  private tokens: number;
  private last = Date.now();
  private readonly line: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly perSecond: number,
    readonly maxWaiting: number,
  ) {
    this.tokens = perSecond;
  }

  /** True when the probe may be answered (at once or after waiting its turn); false when the line is full. */
  async enter(): Promise<boolean> {
    this.refill();
    if (this.line.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    if (this.line.length >= this.maxWaiting) return false;
    await new Promise<void>((resolve) => {
      this.line.push(resolve);
      this.schedule();
    });
    return true;
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.perSecond));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.line.length && this.tokens >= 1) {
        this.tokens -= 1;
        this.line.shift()!();
      }
      if (this.line.length) this.schedule();
    }, wait);
  }
}
