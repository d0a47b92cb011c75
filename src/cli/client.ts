// The CLI's client for commands that talk to a running server (AUTOPACK_API_URL, AUTOPACK_API_KEY):
// runs are only ever executed by servers.
import type { Config } from '../config';
import type { TypedDocumentString } from '../graphql/documents/graphql';
import { ServiceError, type ErrorCode } from '../shared/errors';
import { describeError } from '../shared/describe-error';

const BUSY_RETRIES = 10;

/** The server's "busy, come back" answer (a full admission line); an outage 503 carries no Retry-After. */
const isBusy = (res: Response) => res.status === 503 && res.headers.has('retry-after');

function retryAfterMs(res: Response): number {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 30) * 1000 : 1000;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string | null,
  ) {}

  static fromConfig(config: Config): ApiClient {
    return new ApiClient(config.apiUrl, config.apiKey);
  }

  /**
   * Executes a GraphQL operation; a GraphQL error becomes a ServiceError with its code. A server whose
   * admission line is full answers 503 with Retry-After and has done nothing: the call is sent again after
   * that many seconds, up to BUSY_RETRIES times. `document` is a typed `graphql(...)` document (codegen.yml):
   * the result and variable types come from it.
   */
  async gql<T, V extends Record<string, unknown>>(document: TypedDocumentString<T, V>, variables: V = {} as V): Promise<T> {
    const query = document.toString();
    let res = await this.post(query, variables);
    for (let retry = 0; retry < BUSY_RETRIES && isBusy(res); retry++) {
      await res.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs(res)));
      res = await this.post(query, variables);
    }
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new Error(`the server at ${this.baseUrl} answered HTTP ${res.status} without a GraphQL body`);
    }
    const error = body.errors?.[0];
    if (error) throw new ServiceError((error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode, error.message);
    return body.data as T;
  }

  private async post(query: string, variables: Record<string, unknown>): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.apiKey ? { 'x-api-key': this.apiKey } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new Error(
        `cannot reach the server at ${this.baseUrl}: ${describeError((e as { cause?: unknown }).cause ?? e)} (start it with \`npm start\`, or set AUTOPACK_API_URL)`,
        { cause: e },
      );
    }
  }
}
