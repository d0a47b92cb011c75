// The HTTP transport: /graphql (Apollo), GraphiQL, /health, /metrics and the REST compatibility routes.
// Every request gets an id (X-Request-Id), one log line and its metrics.
import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createContext, type ContextDeps, type GraphQLContext, type RequestInfo } from '../graphql/context';
import type { Config } from '../config';
import { clip } from '../logger';
import type { Metrics } from '../metrics';
import { AdmissionGate, BodyBudget, type KeyClass } from './admission';
import { authenticate, hasKey, requestActor, type AuthResult } from './auth';
import { isConsolePath, serveConsole } from './console';
import { GRAPHIQL_HTML, GRAPHIQL_INIT_JS, graphiqlAssets } from './graphiql';
import { ProbeGate } from './probe-gate';
import { healthRoute, RestError, type RestResponse } from './rest';
import { REST_ROUTES } from './routes';
import { shortLived } from '../shared/short-lived';
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
const SHUTDOWN_CLOSE = 1001;
/** How long a shutdown waits for WebSocket clients to answer the close before cutting them. */
const LIVE_CLOSE_MS = 1000;

const MAX_BODY_BYTES = 1024 * 1024;

/** How long a draining server waits with nothing in flight before it closes the remaining connections. */
const QUIET_MS = 250;

/** How much of a client-chosen operation name or path one request log line carries. */
const LOG_NAME_MAX = 256;

/** The body did not arrive within AUTOPACK_BODY_TIMEOUT_MS. */
class SlowBody extends Error {}

/** The client went away before its body was complete: nobody to answer. */
class ClientGone extends Error {}

/** The bodies held by unfinished requests are at AUTOPACK_MAX_PENDING_BODY_MB. */
class BodiesFull extends Error {}

const tooLarge = () => new RestError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`);

/**
 * The whole body, read before the request asks for an admission slot (so a slow client holds only its own
 * socket), within `timeoutMs` of its headers and at most MAX_BODY_BYTES. Its bytes are taken from `budget`;
 * on success the caller gives them back once the request is done, on failure they are given back here.
 */
function readBody(req: IncomingMessage, timeoutMs: number, budget: BodyBudget): Promise<{ text: string; bytes: number }> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (settle: () => void) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      settle();
    };
    const fail = (e: Error) => done(() => (budget.give(size), reject(e)));
    const timer = setTimeout(() => fail(new SlowBody(`Request body not received within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > MAX_BODY_BYTES) return fail(tooLarge());
      if (!budget.take(chunk.length)) return fail(new BodiesFull());
      size += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => done(() => resolve({ text: Buffer.concat(chunks).toString('utf8'), bytes: size }));
    const onClose = () => fail(new ClientGone());
    req.on('data', onData).once('end', onEnd).once('close', onClose);
  });
}

/** Which share of the admission slots a request draws on (see admission.ts). */
function keyClass(auth: AuthResult & { ok: true }): KeyClass {
  return auth.via === 'api-key' ? 'admin' : auth.via === 'read-api-key' ? 'read' : 'none';
}

/** The read key's caps when there is one: its share of the slots (at least one) and of the line. */
function admissionGate(config: Config): AdmissionGate {
  const share = config.readKeySharePercent / 100;
  const caps = config.readApiKey
    ? { read: { running: Math.max(1, Math.floor(config.maxConcurrentRequests * share)), queued: Math.floor(config.maxQueuedRequests * share) } }
    : {};
  return new AdmissionGate(config.maxConcurrentRequests, config.maxQueuedRequests, caps);
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
function routeLabel(path: string): string {
  if (path === '/graphql' || path === '/graphql/stream' || path === '/health' || path === '/metrics' || path === '/') return path;
  if (path.startsWith('/graphiql/')) return '/graphiql/*';
  if (isConsolePath(path)) return path.startsWith('/console/') ? '/console/*' : 'console';
  const m = /^\/api\/(runs|dashboard\/runs)\/[^/]+(\/[a-z-]+)?$/.exec(path);
  if (m) return `/api/${m[1]}/:id${m[2] ?? ''}`;
  if (path === '/api/runs' || path === '/api/dashboard/ab-results') return path;
  return 'other';
}

function createRequestHandler(deps: HttpDeps, sse?: ReturnType<typeof createLiveSse>) {
  const { apollo, config, logger, metrics } = deps;
  const assets = graphiqlAssets();
  const gate = admissionGate(config);
  const bodies = new BodyBudget(config.maxPendingBodyBytes);
  metrics.trackAdmission(gate, bodies);
  // Concurrent scrapes share one rendering (it queries the database), so a flood costs one at a time.
  const metricsText = shortLived(() => metrics.registry.metrics(), 0);
  const probes = new ProbeGate(config.probeRatePerSecond, config.maxQueuedRequests);

  /** Runs an API request once the gate admits it; a full line gets 503 at once (`busy` writes it). */
  async function admitted(req: IncomingMessage, cls: KeyClass, busy: () => void, handle: () => Promise<void>): Promise<void> {
    if (!gate.tryEnter(cls) && !(await gate.enter(cls))) {
      metrics.busyRejections.inc();
      return busy();
    }
    try {
      // A client that gave up while its request waited has nobody to answer: skip the work.
      if (!req.socket.destroyed) await handle();
    } finally {
      gate.leave(cls);
    }
  }

  /**
   * The body before admission; a client too slow to send it is answered 408 and disconnected, one whose body
   * does not fit in the bodies' budget gets `busy` (503). null: answered (or nobody to answer).
   */
  async function body(req: IncomingMessage, res: ServerResponse, busy: () => void): Promise<{ text: string; bytes: number } | null> {
    if (req.method !== 'POST') return { text: '', bytes: 0 };
    try {
      return await readBody(req, config.bodyTimeoutMs, bodies);
    } catch (e) {
      if (e instanceof ClientGone) return null;
      if (e instanceof BodiesFull) {
        metrics.busyRejections.inc();
        // the rest of the body is not read: the connection cannot carry another request
        res.setHeader('connection', 'close');
        busy();
        return null;
      }
      if (!(e instanceof SlowBody)) throw e;
      metrics.slowClientDrops.inc({ stage: 'body' });
      res.setHeader('connection', 'close');
      const text = JSON.stringify({ errors: [{ message: e.message, extensions: { code: 'REQUEST_TIMEOUT' } }] });
      res.writeHead(408, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text, () => req.socket.destroy());
      return null;
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, raw: string, ctx: () => GraphQLContext): Promise<void> {
    const headers = new HeaderMap();
    const incoming = req.headers;
    for (const k in incoming) {
      const v = incoming[k];
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
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
        actor: requestActor(auth),
        request: info,
      });

    // Open: health (audit details with a key only), metrics (unless AUTOPACK_METRICS_REQUIRE_KEY), the
    // GraphiQL page and its assets.
    const probe = (path === '/health' || path === '/metrics') && method === 'GET';
    if (probe && !hasKey(auth) && !(await probes.enter())) return sendBusy(res, { detail: BUSY_MESSAGE });
    if (path === '/health' && method === 'GET') return send(res, await healthRoute(apollo, ctx(), hasKey(auth)));
    if (path === '/metrics' && method === 'GET') {
      if (config.metricsNeedKey && !auth.ok) return sendJson(res, auth.status, { detail: auth.message });
      return scrape(res, requestId);
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
    if (method === 'GET' && serveConsole(res, path)) return;

    // Everything else needs a key.
    if (path === SSE_PATH && sse) {
      // Long-lived: outside the admission gate (bounded by the subscription limits instead).
      if (!sameOrigin(req))
        return sendJson(res, 403, { errors: [{ message: 'Forbidden: event stream from another origin', extensions: { code: 'FORBIDDEN' } }] });
      if (!auth.ok) return sendJson(res, auth.status, { errors: [{ message: auth.message, extensions: { code: auth.code } }] });
      return sse(req, res, auth);
    }
    if (path === '/graphql') {
      if (!auth.ok) return sendJson(res, auth.status, { errors: [{ message: auth.message, extensions: { code: auth.code } }] });
      const busy = () => sendBusy(res, { errors: [{ message: BUSY_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      const read = await body(req, res, busy);
      if (read === null) return;
      try {
        return await admitted(req, keyClass(auth), busy, () => graphql(req, res, url, read.text, ctx));
      } finally {
        bodies.give(read.bytes);
      }
    }
    if (path.startsWith('/api/')) {
      if (!auth.ok) return sendJson(res, auth.status, { detail: auth.message });
      return admitted(
        req,
        keyClass(auth),
        () => sendBusy(res, { detail: BUSY_MESSAGE }),
        async () => {
          const context = ctx();
          for (const rest of REST_ROUTES) {
            const response = await rest(apollo, context, method, path, url);
            if (response) return send(res, response);
          }
          sendJson(res, 404, { detail: 'Not Found' });
        },
      );
    }
    sendJson(res, 404, { detail: 'Not Found' });
  }

  /** GET /metrics: the complete text or, when collecting fails, 500 with the reason (never an empty 200). */
  async function scrape(res: ServerResponse, requestId: string): Promise<void> {
    let text: string;
    try {
      text = await metricsText();
    } catch (e) {
      const reason = (e as Error)?.message ?? String(e);
      logger.error('metrics collection failed', { requestId, error: (e as Error)?.stack ?? reason });
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(`metrics collection failed: ${clip(reason, 500)}\n`);
    }
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
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
      const operation = info.operation ?? '';
      const labels = { method: req.method ?? 'GET', route: routeLabel(path), operation: metrics.operationLabel(operation) };
      metrics.httpRequests.inc({ ...labels, status: String(res.statusCode) });
      metrics.httpDuration.observe(labels, seconds);
      if (labels.route === '/graphiql/*' || labels.route === '/console/*' || labels.route === '/metrics') return;
      logger.info('request', {
        requestId,
        ...labels,
        // the name the client chose (clipped), where the label may say `other`
        operation: clip(operation, LOG_NAME_MAX),
        path: clip(path, LOG_NAME_MAX),
        status: res.statusCode,
        durationMs: Math.round(seconds * 100_000) / 100,
        ...(info.errorCodes.length ? { errors: info.errorCodes } : {}),
      });
    });
    try {
      await route(req, res, url, path, requestId, info);
    } catch (e) {
      if (e instanceof RestError) return sendJson(res, e.status, { detail: e.message });
      logger.error('request failed', { requestId, method: req.method, path: clip(path, LOG_NAME_MAX), error: (e as Error)?.stack ?? String(e) });
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

/** Node's own answers to a broken request, which a 'clientError' listener must give itself. */
const CLIENT_ERROR_STATUS: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/**
 * Deadlines for slow clients: Node answers 408 to headers not complete within AUTOPACK_HEADERS_TIMEOUT_MS,
 * and to a request not complete within headers + body deadlines (a body nobody reads, e.g. sent to a REST
 * route; the bodies we read have their own, shorter deadline in readBody). Each drop is counted.
 */
function applyDeadlines(server: Server, config: Config, metrics: Metrics, receiving: WeakSet<Duplex>): void {
  server.headersTimeout = config.headersTimeoutMs;
  server.requestTimeout = config.headersTimeoutMs + config.bodyTimeoutMs;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') metrics.slowClientDrops.inc({ stage: receiving.has(socket) ? 'body' : 'headers' });
    // As Node does without a listener: answer only if no response has started on this connection.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const status = CLIENT_ERROR_STATUS[err.code ?? ''] ?? 400;
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
  });
}

export function createHttpServer(deps: HttpDeps): HttpServer {
  const liveDeps: LiveDeps | undefined = deps.live && { ...deps, ...deps.live };
  const ws = liveDeps && createLiveWebSocket(liveDeps);
  const handle = createRequestHandler(deps, liveDeps && createLiveSse(liveDeps));
  let active = 0;
  let lastActivity = Date.now();
  let draining = false;
  /** Sockets whose current request is still arriving (its body): a timeout there is a slow body. */
  const receiving = new WeakSet<Duplex>();
  // Node checks its deadlines on an interval (30 s by default): often enough for the configured ones.
  const connectionsCheckingInterval = Math.max(25, Math.min(1000, Math.floor(Math.min(deps.config.headersTimeoutMs, deps.config.bodyTimeoutMs) / 4)));
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    if (!req.complete) {
      receiving.add(req.socket);
      req.once('end', () => receiving.delete(req.socket));
    }
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
  applyDeadlines(server, deps.config, deps.metrics, receiving);
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
