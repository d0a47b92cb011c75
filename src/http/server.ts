// The HTTP transport: /graphql (Apollo), GraphiQL, /health and the REST compatibility routes.
import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Config } from '../config';
import type { Orm } from '../db/orm';
import { createContext, type GraphQLContext } from '../graphql/context';
import type { Logger } from '../logger';
import type { FlagState } from '../modules/flags';
import { authenticate } from './auth';
import { GRAPHIQL_HTML, GRAPHIQL_INIT_JS, graphiqlAssets } from './graphiql';
import { healthRoute, RestError, type RestResponse } from './rest';
import { REST_ROUTES } from './routes';

export interface HttpDeps {
  config: Config;
  orm: Orm;
  apollo: ApolloServer<GraphQLContext>;
  logger: Logger;
  /** Current kill switch values (read per request). */
  flags: () => FlagState;
  wakeDispatcher?: () => void;
}

const MAX_BODY_BYTES = 1024 * 1024;


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

function send(res: ServerResponse, r: RestResponse): void {
  sendJson(res, r.status, r.body);
}

function wantsHtml(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && !url.searchParams.has('query') && /text\/html/.test(req.headers.accept ?? '');
}

export function createRequestHandler(deps: HttpDeps) {
  const { apollo, config, orm, logger } = deps;
  const assets = graphiqlAssets();
  const context = (requestId: string) => createContext({ orm, config, logger, wakeDispatcher: deps.wakeDispatcher }, deps.flags(), requestId);

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const auth = authenticate(config.apiKey, req.headers);
    if (!auth.ok) {
      return sendJson(res, auth.status, { errors: [{ message: auth.message, extensions: { code: auth.code } }] });
    }
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
      context: async () => context(requestId),
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

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';

    if (path === '/health' && req.method === 'GET') return send(res, await healthRoute(apollo, context(requestId)));
    if (path === '/graphql') {
      if (wantsHtml(req, url)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(GRAPHIQL_HTML);
      }
      return graphql(req, res, url, requestId);
    }
    if (path === '/graphiql/init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(GRAPHIQL_INIT_JS);
    }
    const asset = assets.get(path);
    if (asset && req.method === 'GET') {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
      return void createReadStream(asset.file).pipe(res);
    }
    if (path.startsWith('/api/')) {
      const auth = authenticate(config.apiKey, req.headers);
      if (!auth.ok) return sendJson(res, auth.status, { detail: auth.message });
      const ctx = context(requestId);
      const method = req.method ?? 'GET';
      for (const route of REST_ROUTES) {
        const response = await route(apollo, ctx, method, path, url);
        if (response) return send(res, response);
      }
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      return void res.end();
    }
    sendJson(res, 404, { detail: 'Not Found' });
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      await route(req, res, requestId);
    } catch (e) {
      if (e instanceof RestError) return sendJson(res, e.status, { detail: e.message });
      logger.error('request failed', { requestId, method: req.method, url: req.url, error: (e as Error)?.stack ?? String(e) });
      if (!res.headersSent) sendJson(res, 500, { detail: 'Internal server error', request_id: requestId });
      else res.end();
    }
  };
}

export function createHttpServer(deps: HttpDeps): Server {
  return createServer(createRequestHandler(deps));
}
