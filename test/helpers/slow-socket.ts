// A client that is slow on purpose, on a raw TCP socket: it sends its request head (or part of it) and
// then one byte per tick, like the slow-client attack of issue 14. Whatever the server answers is kept.
import { connect, type Socket } from 'node:net';

export interface SlowSocket {
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with everything received once the server (or the test) closes the connection. */
  closed: Promise<string>;
  stop(): void;
}

/**
 * Connects to `url`, writes `head` and then `trickle` one byte every `everyMs` (a body the head announced,
 * or the rest of the head itself), until the server closes or `stop()`.
 */
export function slowSocket(url: string, head: string, trickle: string, everyMs: number): SlowSocket {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect({ host: hostname, port: Number(port) });
  let data = '';
  let sent = 0;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (data += chunk));
  socket.on('error', () => undefined); // a reset by the server is an expected way to be dropped
  socket.write(head);
  const timer = setInterval(() => {
    if (sent < trickle.length && socket.writable) socket.write(trickle[sent++]);
  }, everyMs);
  const closed = new Promise<string>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve(data);
    }),
  );
  return { received: () => data, closed, stop: () => (clearInterval(timer), socket.destroy()) };
}

/** The head of a POST /graphql whose JSON body (`body`) is then sent byte by byte. */
export function graphqlHead(key: string, body: string): string {
  return [
    'POST /graphql HTTP/1.1',
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `X-API-Key: ${key}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    '',
  ].join('\r\n');
}

/** The value of an unlabelled sample (or one with exactly `labels`) in Prometheus text, 0 when absent. */
export function metricValue(text: string, name: string, labels = ''): number {
  const escaped = `${name}${labels}`.replace(/[{}"\\[\]().*+?^$|]/g, '\\$&');
  const m = new RegExp(`^${escaped} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}
