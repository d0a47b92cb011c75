// The GraphQL-over-HTTP compliance audit of the graphql-http package against the real server: every MUST
// passes, open (no key configured) and with a key (sent by a fetch wrapper). CSRF prevention stays on.
// SHOULD and MAY results are not enforced (AUDIT_VERBOSE=1 prints them): Apollo answers parse, validation and
// variable errors with 400 also for application/json, and a GET needs a preflight header (CSRF prevention).
import { serverAudits, type AuditResult } from 'graphql-http';
import { startTestApp, type TestApp } from '../helpers/harness';
import { rawRequest } from './http-client';

const KEY = 'audit-key';

async function runAudits(url: string, headers: Record<string, string>): Promise<{ failedMusts: string[]; others: string[] }> {
  const fetchFn: typeof fetch = (input, init = {}) => {
    const h = new Headers(init.headers);
    for (const [k, v] of Object.entries(headers)) h.set(k, v);
    return fetch(input, { ...init, headers: h });
  };
  const failedMusts: string[] = [];
  const others: string[] = [];
  for (const audit of serverAudits({ url: `${url}/graphql`, fetchFn })) {
    const result: AuditResult = await audit.fn();
    if (result.status === 'ok') continue;
    const line = `${audit.id} ${audit.name}: ${result.reason}`;
    if (audit.name.startsWith('MUST')) failedMusts.push(line);
    else others.push(`${result.status} ${line}`);
  }
  return { failedMusts, others };
}

describe.each([
  // What a simple cross-site GET (no key header, no preflight header) gets: refused either way.
  ['no key configured', {}, {}, { status: 400, body: /Cross-Site Request Forgery/ }],
  ['a key configured and sent', { AUTOPACK_API_KEY: KEY }, { 'x-api-key': KEY }, { status: 401, body: /API key required/ }],
] as const)('GraphQL over HTTP audit, %s', (_, env, headers, crossSite) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', env);
  });
  afterAll(() => t.close());

  it('passes every MUST of the specification', async () => {
    const { failedMusts, others } = await runAudits(t.url, headers);
    if (others.length && process.env.AUDIT_VERBOSE) process.stdout.write(`graphql-http audit, not required:\n${others.map((o) => `  ${o}`).join('\n')}\n`);
    expect(failedMusts).toEqual([]);
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused (a GET carrying the key is none)', async () => {
    const res = await rawRequest(t.url, 'GET', '/graphql?query=%7B__typename%7D', {});
    expect(res.status).toBe(crossSite.status);
    expect(res.body).toMatch(crossSite.body);
    const sameGet = await rawRequest(t.url, 'GET', '/graphql?query=%7B__typename%7D', { headers: { ...headers, 'apollo-require-preflight': 'true' } });
    expect(JSON.parse(sameGet.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED and the token limit with 400, never 500', async () => {
    const post = (query: string) =>
      rawRequest(t.url, 'POST', '/graphql', { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const syntax = await post('{ run(id: ');
    expect(syntax.status).toBe(400);
    expect(JSON.parse(syntax.body).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const tooLong = await post(`{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(tooLong.status).toBe(400);
    const [error] = JSON.parse(tooLong.body).errors;
    expect(error.message).toMatch(/^Syntax Error: Document contains more that 5000 tokens/);
    expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
