// GraphQL over Server-Sent Events (graphql-sse, "distinct connections" mode) on /graphql/stream, for clients
// that cannot open a WebSocket: POST the subscription with `Accept: text/event-stream` and the key in a header;
// each request is one subscription and one stream. The stream ends when the subscription does (shutdown,
// slow consumer, client gone).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { createHandler, type Request as SseRequest } from 'graphql-sse';
import type { LiveConnection } from '../modules/live/topics';
import type { AuthResult } from './auth';
import { formatErrors, formatResult, liveContext, liveValidationRules, prepareOperation, type LiveDeps } from './live-operation';

export const SSE_PATH = '/graphql/stream';

const MAX_BODY_BYTES = 256 * 1024;

interface Ctx {
  res: ServerResponse;
  auth: Extract<AuthResult, { ok: true }>;
  connection: LiveConnection;
  operation?: string;
}

const json = (status: number, statusText: string, body: unknown): [string, { status: number; statusText: string; headers: Record<string, string> }] => [
  JSON.stringify(body),
  { status, statusText, headers: { 'content-type': 'application/json; charset=utf-8' } },
];

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createLiveSse(deps: LiveDeps) {
  const rules = liveValidationRules(deps);
  const handler = createHandler<IncomingMessage, Ctx>({
    schema: deps.schema,
    // Single-connection mode (stream tokens) is off: every subscription is its own request.
    authenticate: () => null,
    onSubscribe(req, params) {
      const prepared = prepareOperation(deps, rules, params);
      const operation = typeof params.operationName === 'string' ? params.operationName : 'anonymous';
      if (Array.isArray(prepared)) return json(400, 'Bad Request', { errors: formatErrors(deps, prepared, operation) });
      const ctx = req.context!;
      ctx.operation = operation;
      const contextValue = liveContext(deps, ctx.auth, req.raw.headers, ctx.connection);
      return { schema: deps.schema, ...prepared, contextValue: contextValue as never };
    },
    // graphql-sse serialises what it gets; formatted errors are plain objects of the same shape.
    onNext: (_ctx, req, result) => formatResult(deps, result as ExecutionResult, req.context?.operation ?? 'anonymous') as ExecutionResult,
  });

  /** Serves one SSE request (already authenticated by the HTTP layer). */
  return async function handle(req: IncomingMessage, res: ServerResponse, auth: Extract<AuthResult, { ok: true }>): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (body === null)
      return void res
        .writeHead(413, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: `Request body larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] }));
    // SSE has no close codes: a shutdown (1001) ends the stream; a slow consumer's socket is dropped, freeing
    // what is buffered for it.
    const connection = deps.feed.openConnection('sse', (code) => (code === 1001 ? res.end() : res.destroy()));
    res.once('close', () => deps.feed.connectionClosed(connection));
    const request: SseRequest<IncomingMessage, Ctx> = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: { get: (key: string) => [req.headers[key]].flat().join('\n') || undefined },
      body,
      raw: req,
      context: { res, auth, connection },
    };
    const [out, init] = await handler(request);
    res.writeHead(init?.status ?? 200, init?.statusText, init?.headers);
    if (!out || typeof out === 'string') {
      res.end(out ?? undefined);
      return;
    }
    res.once('close', () => void out.return(undefined));
    // Each write waits until the socket took it: a client that stops reading stops the stream's iterator,
    // and its subscription queue fills up to the configured bound (then the feed ends the stream).
    // A stream the feed ended (shutdown, slow consumer) is not written to again.
    for await (const chunk of out) {
      if (res.writableEnded || res.destroyed) break;
      await new Promise<void>((resolve) => res.write(chunk, () => resolve()));
    }
    if (!res.writableEnded) res.end();
  };
}
