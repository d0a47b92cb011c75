// A raw HTTP client for the fuzz tests: any method, any (already encoded) path, any body and headers, with
// no URL normalisation in between, against the real server on loopback.
import { request } from 'node:http';
import type { GqlResult } from '../helpers/harness';

export interface RawResponse {
  status: number;
  type: string;
  body: string;
}

export function rawRequest(
  base: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path,
        headers: { ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POST /graphql with a JSON body, as a client would; the result as parsed JSON. */
export function httpExec(base: string, headers: Record<string, string>) {
  return async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> => {
    const res = await rawRequest(base, 'POST', '/graphql', {
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return JSON.parse(res.body) as GqlResult<T>;
  };
}
