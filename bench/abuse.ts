// The attacks of issue 14, run together against one server while a normal dashboard load is measured
// (bench/load.ts, `npm run bench:load -- abuse`). Each attacker only counts what the server answered:
// a coded refusal (4xx/503 with a code, 408 for slow clients) is the server defending itself; an error is
// a connection that failed or an answer the attacker could not read.
import autocannon from 'autocannon';
import { connect } from 'node:net';
import { request } from 'node:http';

export interface AttackCounts {
  /** Requests (or sockets) the attacker sent. */
  sent: number;
  /** 2xx answers. */
  served: number;
  /** 4xx / 503 answers: refusals (coded). */
  refused: number;
  /** Connections that failed without an answer. */
  errors: number;
}

export interface Attack {
  name: string;
  counts: AttackCounts;
  stop(): Promise<void>;
}

const counts = (): AttackCounts => ({ sent: 0, served: 0, refused: 0, errors: 0 });
const tally = (c: AttackCounts, status: number) => (status >= 200 && status < 300 ? c.served++ : status >= 400 ? c.refused++ : c.errors++);

/** `sockets` connections that announce a body and send one byte of it per `everyMs`; reconnect when dropped. */
export function slowBodies(url: string, key: string, sockets: number, everyMs: number): Attack {
  const { hostname, port } = new URL(url);
  const c = counts();
  let stopped = false;
  const live = new Set<ReturnType<typeof connect>>();
  const body = JSON.stringify({ query: '{ runs(first: 1) { totalCount } }' });
  const open = () => {
    if (stopped) return;
    c.sent++;
    const socket = connect({ host: hostname, port: Number(port) });
    live.add(socket);
    let answer = '';
    let sent = 0;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.on('error', () => undefined);
    socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: ${key}\r\nContent-Length: ${body.length}\r\n\r\n`);
    const timer = setInterval(() => sent < body.length && socket.writable && socket.write(body[sent++]), everyMs);
    socket.once('close', () => {
      clearInterval(timer);
      live.delete(socket);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      if (status) tally(c, status);
      else if (!stopped) c.errors++;
      open();
    });
  };
  for (let i = 0; i < sockets; i++) open();
  return {
    name: `Slow bodies: ${sockets} read-key sockets, 1 byte every ${everyMs / 1000} s`,
    counts: c,
    async stop() {
      stopped = true;
      for (const s of live) s.destroy();
    },
  };
}

/** autocannon as an attacker: as fast as `connections` allow, every answer tallied by status. */
export function flood(name: string, opts: autocannon.Options): Attack {
  const c = counts();
  const instance = autocannon({ ...opts, duration: 3600, timeout: 30 }, () => undefined);
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number) => {
    c.sent++;
    tally(c, status);
  });
  (instance as unknown as NodeJS.EventEmitter).on('reqError', () => {
    c.sent++;
    c.errors++;
  });
  return {
    name,
    counts: c,
    async stop() {
      await new Promise<void>((resolve) => {
        instance.once('done', () => resolve());
        instance.stop();
      });
    },
  };
}

/** The list-size cost attack of issue 14 item 1: events of a run's run's events, 1,000 at each level. */
export const LIST_SIZE_ATTACK = '{ run(id: "load-0000") { events(limit: 1000) { run { events(limit: 1000) { run { events(limit: 1000) { id } } } } } } }';

/** One request after another with a new operation name each (every 50th 10 KB long), `parallel` at a time. */
export function operationNames(url: string, key: string, parallel: number): Attack {
  const c = counts();
  let stopped = false;
  let n = 0;
  const running: Promise<void>[] = [];
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const i = n++;
      const name = i % 50 === 49 ? `Long${'x'.repeat(10_000)}${i}` : `Abuse${i}`;
      const body = JSON.stringify({ query: `query ${name} { __typename }` });
      c.sent++;
      const req = request(
        `${url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          tally(c, res.statusCode ?? 0);
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => (c.errors++, resolve()));
      req.end(body);
    });
  const loop = async () => {
    while (!stopped) await one();
  };
  for (let i = 0; i < parallel; i++) running.push(loop());
  return {
    name: `Operation names: a new one per request (every 50th 10 KB long), ${parallel} at a time`,
    counts: c,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}
