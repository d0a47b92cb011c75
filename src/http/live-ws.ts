// GraphQL over WebSocket (the graphql-ws protocol) on /graphql: the HTTP server's 'upgrade' event lands here.
// The key comes in a header or in the connection_init payload; browsers from another origin are refused
// before the upgrade; every subscription goes through the same checks as /graphql (live-operation.ts).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import { CloseCode, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LiveConnection } from '../modules/live/topics';
import type { AuthResult } from './auth';
import {
  authenticateLive,
  formatErrors,
  formatResult,
  keyHeaders,
  liveContext,
  liveValidationRules,
  prepareOperation,
  sameOrigin,
  type LiveDeps,
} from './live-operation';

/** Largest message a client may send (a subscription document with its variables). */
const MAX_MESSAGE_BYTES = 256 * 1024;

type Extra = {
  socket: WebSocket;
  request: IncomingMessage;
  auth?: Extract<AuthResult, { ok: true }>;
  connection?: LiveConnection;
};

export interface LiveWebSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection with `code` and waits (at most `ms`) for the sockets to go. */
  close(code: number, reason: string, ms: number): Promise<void>;
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\ncontent-type: text/plain\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

export function createLiveWebSocket(deps: LiveDeps): LiveWebSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const rules = liveValidationRules(deps);
  const operationNames = new WeakMap<object, string>();

  useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: deps.schema,
      // graphql-ws's 3 s default cut clients of a busy server (1000 connecting at once on 2 cores) with 4408.
      connectionInitWaitTimeout: 10_000,
      onConnect(ctx) {
        const headers = keyHeaders(ctx.extra.request.headers, ctx.connectionParams);
        const auth = authenticateLive(deps, headers);
        if (!auth.ok) {
          // 4401 / 4403 with the reason, as /graphql answers 401 / 403.
          ctx.extra.socket.close(auth.status === 401 ? CloseCode.Unauthorized : CloseCode.Forbidden, auth.message);
          return false;
        }
        const socket = ctx.extra.socket;
        const connection = deps.feed.openConnection('ws', (code, reason) => socket.close(code, reason));
        socket.once('close', () => deps.feed.connectionClosed(connection));
        ctx.extra.auth = auth;
        ctx.extra.connection = connection;
        return true;
      },
      onSubscribe(ctx, _id: string, payload: SubscribePayload) {
        const prepared = prepareOperation(deps, rules, payload);
        if (Array.isArray(prepared)) return prepared;
        const contextValue = liveContext(deps, ctx.extra.auth!, ctx.extra.request.headers, ctx.extra.connection!);
        operationNames.set(contextValue, prepared.operationName ?? 'anonymous');
        return { schema: deps.schema, ...prepared, contextValue };
      },
      onNext: (_ctx: unknown, _id: string, _payload: unknown, args: ExecutionArgs, result: ExecutionResult) =>
        formatResult(deps, result, operationNames.get(args.contextValue as object) ?? 'anonymous'),
      onError: (_ctx: unknown, _id: string, payload: SubscribePayload, errors: readonly GraphQLError[]) =>
        formatErrors(deps, errors, String(payload.operationName ?? 'anonymous')),
    },
    wss,
    deps.config.live.keepAliveSeconds * 1000 || Infinity,
  );

  return {
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
      if (path !== '/graphql') return refuseUpgrade(socket, 404, 'Not Found');
      if (!sameOrigin(req)) {
        deps.metrics.rejections.inc({ rule: 'live_origin' });
        return refuseUpgrade(socket, 403, 'Forbidden: WebSocket from another origin');
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async close(code, reason, ms) {
      deps.feed.closeAll(code, reason);
      for (const client of wss.clients) client.close(code, reason);
      const deadline = Date.now() + ms;
      while (wss.clients.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
