// The CLI's client for commands that talk to a running server (AUTOPACK_API_URL, AUTOPACK_API_KEY):
// runs are only ever executed by servers.
import type { Config } from '../config';
import { ServiceError, type ErrorCode } from '../modules/errors';
import { describeError } from '../modules/ops/health';

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string | null,
  ) {}

  static fromConfig(config: Config): ApiClient {
    return new ApiClient(config.apiUrl, config.apiKey);
  }

  /** Executes a GraphQL operation; a GraphQL error becomes a ServiceError with its code. */
  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.apiKey ? { 'x-api-key': this.apiKey } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new Error(`cannot reach the server at ${this.baseUrl}: ${describeError((e as { cause?: unknown }).cause ?? e)} (start it with \`npm start\`, or set AUTOPACK_API_URL)`);
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
}
