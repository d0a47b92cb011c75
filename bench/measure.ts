// Timing helpers for the benchmarks: bounded sample loops, percentiles, a keep-alive HTTP client.
import { execSync } from 'node:child_process';
import { Agent, request } from 'node:http';

export interface Stats {
  p50: number;
  p95: number;
  samples: number;
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Runs `fn` `warmup` times untimed, then `samples` times timed (ms, one at a time: latency, not load). */
export async function sample(fn: () => Promise<unknown>, samples = 300, warmup = 30): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), samples };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export interface HttpResult {
  status: number;
  body: string;
}

/** One HTTP request over a kept-alive loopback connection. */
export function http(method: string, url: string, body?: unknown): Promise<HttpResult> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** POST /graphql; throws on any GraphQL error so a broken benchmark never reports a fast failure. */
export async function graphql<T = Record<string, any>>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await http('POST', `${base}/graphql`, { query, variables });
  const parsed = JSON.parse(res.body) as { data?: T; errors?: { message: string }[] };
  if (res.status !== 200 || parsed.errors?.length) throw new Error(`GraphQL ${res.status}: ${parsed.errors?.[0]?.message ?? res.body.slice(0, 200)}`);
  return parsed.data as T;
}

export function closeClient(): void {
  agent.destroy();
}

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

/** What a shell command prints (machine facts for a bench's header), '?' when it fails. */
export function sh(cmd: string): string {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}
