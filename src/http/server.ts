// The HTTP transport: /graphql (Apollo), GraphiQL, /health, /metrics and the REST compatibility routes.
// Every request gets an id (X-Request-Id), one log line and its metrics.
import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createContext, type ContextDeps, type GraphQLContext, type RequestInfo } from '../graphql/context';
import type { Metrics } from '../metrics';
import { AdmissionGate } from './admission';
import { authenticate, requestActor } from './auth';
import { GRAPHIQL_HTML, GRAPHIQL_INIT_JS, graphiqlAssets } from './graphiql';
import { healthRoute, RestError, type RestResponse } from './rest';
import { REST_ROUTES } from './routes';
import type { GraphQLSchema } from 'graphql';
import type { Feed } from '../modules/live/feed';
import { sameOrigin, type LiveDeps } from './live-operation';
import { createLiveSse, SSE_PATH } from './live-sse';
import { createLiveWebSocket } from './live-ws';

export interface HttpDeps extends ContextDeps {
  apollo: ApolloServer<GraphQLContext>;
  metrics: Metrics;
  /** Live updates (subscriptions over WebSocket and SSE); absent: no live transports. */
  live?: { schema: GraphQLSchema; feed: Feed };
}

/** WebSocket close code for subscriptions ended by a shutdown ("going away"). */
export const SHUTDOWN_CLOSE = 1001;
/** How long a shutdown waits for WebSocket clients to answer the close before cutting them. */
const LIVE_CLOSE_MS = 1000;

const MAX_BODY_BYTES = 1024 * 1024;

/** How long a draining server waits with nothing in flight before it closes the remaining connections. */
const QUIET_MS = 250;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RestError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const BUSY_MESSAGE = 'Server busy: too many requests waiting, retry shortly';

/** 503 for a full admission line; Retry-After tells well-behaved clients when to come back. */
function sendBusy(res: ServerResponse, body: unknown): void {
  res.setHeader('retry-after', '1');
  sendJson(res, 503, body);
}

function send(res: ServerResponse, r: RestResponse): void {
  sendJson(res, r.status, r.body);
}

function wantsHtml(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && /text\/html/.test(req.headers.accept ?? '');
}

/** Route label for logs and metrics: ids replaced, unknown paths folded (bounded label values). */
export function routeLabel(path: string): string {
  if (path === '/graphql' || path === '/graphql/stream' || path === '/health' || path === '/metrics' || path === '/') return path;
  if (path.startsWith('/graphiql/')) return '/graphiql/*';
  const m = /^\/api\/(runs|dashboard\/runs)\/[^/]+(\/[a-z-]+)?$/.exec(path);
  if (m) return `/api/${m[1]}/:id${m[2] ?? ''}`;
  if (path === '/api/runs' || path === '/api/dashboard/ab-results') return path;
  return 'other';
}

export function createRequestHandler(deps: HttpDeps, sse?: ReturnType<typeof createLiveSse>) {
  const { apollo, config, logger, metrics } = deps;
  const assets = graphiqlAssets();
  const gate = new AdmissionGate(config.maxConcurrentRequests, config.maxQueuedRequests);
  metrics.trackAdmission(() => gate.stats);

  /** Runs an API request once the gate admits it; a full line gets 503 at once (`busy` writes it). */
  async function admitted(req: IncomingMessage, busy: () => void, handle: () => Promise<void>): Promise<void> {
    if (!(await gate.enter())) {
      metrics.busyRejections.inc();
      return busy();
    }
    try {
      // A client that gave up while its request waited has nobody to answer: skip the work.
      if (!req.socket.destroyed) await handle();
    } finally {
      gate.leave();
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, ctx: () => GraphQLContext): Promise<void> {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = raw;
    if (raw && /application\/(graphql-response\+)?json/.test(headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ctx(),
    });
    for (const [k, v] of result.headers) res.setHeader(k, v);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, path: string, requestId: string, info: RequestInfo): Promise<void> {
    const method = req.method ?? 'GET';
    const auth = authenticate(config, req.headers);
    const ctx = () =>
      createContext(deps, {
        requestId,
        role: auth.ok ? auth.role : 'read',
        actor: requestActor(auth.ok ? auth.via : 'anonymous', req.headers),
        request: info,
      });

    // Open: health, metrics, the GraphiQL page and its assets.
    if (path === '/health' && method === 'GET') return send(res, await healthRoute(apollo, ctx()));
    if (path === '/metrics' && method === 'GET') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      return void res.end(await metrics.registry.metrics());
    }
    if (path === '/graphql' && wantsHtml(req, url)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(GRAPHIQL_HTML);
    }
    if (path === '/graphiql/init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(GRAPHIQL_INIT_JS);
    }
    const asset = assets.get(path);
    if (asset && method === 'GET') {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
      return void createReadStream(asset.file).pipe(res);
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      return void res.end();
    }

    // Everything else needs a key.
    if (path === SSE_PATH && sse) {
      // Long-lived: outside the admission gate (bounded by the subscription limits instead).
      if (!sameOrigin(req)) return sendJson(res, 403, { errors: [{ message: 'Forbidden: event stream from another origin', extensions: { code: 'FORBIDDEN' } }] });
      if (!auth.ok) return sendJson(res, auth.status, { errors: [{ message: auth.message, extensions: { code: auth.code } }] });
      return sse(req, res, auth);
    }
    if (path === '/graphql') {
      if (!auth.ok) return sendJson(res, auth.status, { errors: [{ message: auth.message, extensions: { code: auth.code } }] });
      const busy = () => sendBusy(res, { errors: [{ message: BUSY_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return admitted(req, busy, () => graphql(req, res, url, ctx));
    }
    if (path.startsWith('/api/')) {
      if (!auth.ok) return sendJson(res, auth.status, { detail: auth.message });
      return admitted(req, () => sendBusy(res, { detail: BUSY_MESSAGE }), async () => {
        const context = ctx();
        for (const rest of REST_ROUTES) {
          const response = await rest(apollo, context, method, path, url);
          if (response) return send(res, response);
        }
        sendJson(res, 404, { detail: 'Not Found' });
      });
    }
    sendJson(res, 404, { detail: 'Not Found' });
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const info: RequestInfo = { errorCodes: [] };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    res.setHeader('x-request-id', requestId);
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { method: req.method ?? 'GET', route: routeLabel(path), operation: info.operation ?? '' };
      metrics.httpRequests.inc({ ...labels, status: String(res.statusCode) });
      metrics.httpDuration.observe(labels, seconds);
      if (labels.route === '/graphiql/*' || labels.route === '/metrics') return;
      logger.info('request', {
        requestId,
        ...labels,
        path,
        status: res.statusCode,
        durationMs: Math.round(seconds * 100_000) / 100,
        ...(info.errorCodes.length ? { errors: info.errorCodes } : {}),
      });
    });
    try {
      await route(req, res, url, path, requestId, info);
    } catch (e) {
      if (e instanceof RestError) return sendJson(res, e.status, { detail: e.message });
      logger.error('request failed', { requestId, method: req.method, path, error: (e as Error)?.stack ?? String(e) });
      if (!res.headersSent) sendJson(res, 500, { detail: 'Internal server error', request_id: requestId });
      else res.end();
    }
  };
}

export interface HttpServer {
  server: Server;
  /** Stops accepting connections and waits (at most `ms`) for in-flight requests; true when all finished. */
  drain(ms: number): Promise<boolean>;
}

export function createHttpServer(deps: HttpDeps): HttpServer {
  const liveDeps: LiveDeps | undefined = deps.live && { ...deps, ...deps.live };
  const ws = liveDeps && createLiveWebSocket(liveDeps);
  const handle = createRequestHandler(deps, liveDeps && createLiveSse(liveDeps));
  let active = 0;
  let lastActivity = Date.now();
  let draining = false;
  const server = createServer((req, res) => {
    active++;
    lastActivity = Date.now();
    // While draining, answer and let the client open its next request elsewhere (no keep-alive reuse).
    if (draining) res.setHeader('connection', 'close');
    // In flight until the response is out (or its client gone) and the handler has returned: a handler
    // whose client hung up may still be writing to the database, which must stay open until it is done.
    // ('close' is emitted once either way: response complete or connection gone.)
    let pending = 2;
    const finished = () => {
      if (--pending > 0) return;
      active--;
      lastActivity = Date.now();
    };
    res.once('close', finished);
    void handle(req, res).finally(finished);
  });
  // GraphQL over WebSocket shares the /graphql path; any other upgrade is refused.
  server.on('upgrade', (req, socket, head) => {
    if (draining || !ws) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    ws.handleUpgrade(req, socket, head);
  });
  return {
    server,
    async drain(ms) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Subscriptions end first, with 1001 (going away): clients reconnect to another server.
      await ws?.close(SHUTDOWN_CLOSE, 'Server shutting down', LIVE_CLOSE_MS);
      deps.live?.feed.closeAll(SHUTDOWN_CLOSE, 'Server shutting down');
      // A connection accepted just before close() may not have sent its request yet: it looks idle. Wait
      // until nothing has been in flight for a quiet moment before closing connections, so no accepted
      // request is cut off.
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && (active > 0 || Date.now() - lastActivity < QUIET_MS)) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const drained = active === 0;
      server.closeAllConnections();
      await closed;
      return drained;
    },
  };
}
