import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { maskUrl, parseDatabaseUrl } from '../../src/db/url';

const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      database: { kind: 'sqlite', path: './autopack.db' },
      host: '127.0.0.1',
      port: 8000,
      apiKey: null,
      flags: { PHASE6_METRICS: false, CONSOLIDATED_METRICS: false },
      skipCi: false,
      qdrantHost: null,
      metricsRetentionDays: 30,
      telemetryDbEnabled: true,
      executorTimeoutSeconds: 3600,
      maxConcurrentRuns: 2,
      maxConcurrentRequests: 10,
      maxQueuedRequests: 1000,
      heapGrowingPercent: 50,
      dbStatementTimeoutMs: 10_000,
      apiUrl: 'http://127.0.0.1:8000',
    });
  });

  it('reads kill switches as "0"/"1" only', () => {
    expect(loadConfig({ AUTOPACK_ENABLE_PHASE6_METRICS: '1' }).flags).toEqual({ PHASE6_METRICS: true, CONSOLIDATED_METRICS: false });
    expect(loadConfig({ AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '0' }).flags.CONSOLIDATED_METRICS).toBe(false);
    // The original system silently read "true" as OFF; we refuse it.
    expect(fail({ AUTOPACK_ENABLE_CONSOLIDATED_METRICS: 'true' })).toBe(
      'AUTOPACK_ENABLE_CONSOLIDATED_METRICS: invalid value "true" (accepted: "0" = off, "1" = on, or unset)',
    );
    expect(fail({ AUTOPACK_ENABLE_PHASE6_METRICS: 'yes' })).toMatch(/^AUTOPACK_ENABLE_PHASE6_METRICS: /);
  });

  it('refuses bad numbers, naming the variable and the accepted range', () => {
    expect(fail({ PORT: 'eighty' })).toBe('PORT: invalid value "eighty" (accepted: an integer from 0 to 65535)');
    expect(fail({ PORT: '70000' })).toMatch(/^PORT: /);
    expect(fail({ AUTOPACK_METRICS_RETENTION_DAYS: '30d' })).toMatch(/^AUTOPACK_METRICS_RETENTION_DAYS: invalid value "30d"/);
    expect(fail({ AUTOPACK_METRICS_RETENTION_DAYS: '0' })).toMatch(/from 1 to/);
    expect(fail({ AUTOPACK_ENV: 'staging' })).toBe('AUTOPACK_ENV: invalid value "staging" (accepted: development, production)');
  });

  it('reads the admission limits AUTOPACK_MAX_CONCURRENT_REQUESTS (1..10000) and AUTOPACK_MAX_QUEUED_REQUESTS (0..1000000)', () => {
    expect(loadConfig({ AUTOPACK_MAX_CONCURRENT_REQUESTS: '1', AUTOPACK_MAX_QUEUED_REQUESTS: '0' })).toMatchObject({
      maxConcurrentRequests: 1,
      maxQueuedRequests: 0,
    });
    expect(loadConfig({ AUTOPACK_MAX_CONCURRENT_REQUESTS: '10000', AUTOPACK_MAX_QUEUED_REQUESTS: '1000000' })).toMatchObject({
      maxConcurrentRequests: 10000,
      maxQueuedRequests: 1000000,
    });
    expect(loadConfig({ AUTOPACK_MAX_CONCURRENT_REQUESTS: ' 32 ', AUTOPACK_MAX_QUEUED_REQUESTS: '50' })).toMatchObject({
      maxConcurrentRequests: 32,
      maxQueuedRequests: 50,
    });
    // empty means unset: the defaults
    expect(loadConfig({ AUTOPACK_MAX_CONCURRENT_REQUESTS: '', AUTOPACK_MAX_QUEUED_REQUESTS: '  ' })).toMatchObject({
      maxConcurrentRequests: 10,
      maxQueuedRequests: 1000,
    });
  });

  it('reads the live update bounds (defaults, values, refusals naming the variable)', () => {
    expect(loadConfig({}).live).toEqual({ maxSubscriptionsPerConnection: 100, maxSubscriptions: 10000, queueLimit: 1000, keepAliveSeconds: 12 });
    expect(
      loadConfig({
        AUTOPACK_LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '5',
        AUTOPACK_LIVE_MAX_SUBSCRIPTIONS: '50',
        AUTOPACK_LIVE_QUEUE_LIMIT: '8',
        AUTOPACK_LIVE_KEEPALIVE_SECONDS: '0',
      }).live,
    ).toEqual({ maxSubscriptionsPerConnection: 5, maxSubscriptions: 50, queueLimit: 8, keepAliveSeconds: 0 });
    expect(fail({ AUTOPACK_LIVE_QUEUE_LIMIT: '0' })).toBe('AUTOPACK_LIVE_QUEUE_LIMIT: invalid value "0" (accepted: an integer from 1 to 1000000)');
    expect(fail({ AUTOPACK_LIVE_MAX_SUBSCRIPTIONS: 'lots' })).toMatch(/^AUTOPACK_LIVE_MAX_SUBSCRIPTIONS: invalid value "lots"/);
  });

  it('refuses bad admission limits, naming the variable and the accepted range', () => {
    expect(fail({ AUTOPACK_MAX_CONCURRENT_REQUESTS: '0' })).toBe('AUTOPACK_MAX_CONCURRENT_REQUESTS: invalid value "0" (accepted: an integer from 1 to 10000)');
    for (const bad of ['1.5', '8x', 'eight', '-1', '1e3', '10001', '99999999999999999999']) {
      expect(fail({ AUTOPACK_MAX_CONCURRENT_REQUESTS: bad })).toBe(
        `AUTOPACK_MAX_CONCURRENT_REQUESTS: invalid value "${bad}" (accepted: an integer from 1 to 10000)`,
      );
    }
    expect(fail({ AUTOPACK_MAX_QUEUED_REQUESTS: '-1' })).toBe('AUTOPACK_MAX_QUEUED_REQUESTS: invalid value "-1" (accepted: an integer from 0 to 1000000)');
    for (const bad of ['2.5', 'many', '1000001']) {
      expect(fail({ AUTOPACK_MAX_QUEUED_REQUESTS: bad })).toMatch(
        /^AUTOPACK_MAX_QUEUED_REQUESTS: invalid value ".*" \(accepted: an integer from 0 to 1000000\)$/,
      );
    }
  });

  it('reads the slow-client deadlines, the pending-body bound and the read key share, with documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, maxPendingBodyBytes: 64 * 1024 * 1024, readKeySharePercent: 75 });
    expect(
      loadConfig({
        AUTOPACK_HEADERS_TIMEOUT_MS: '300',
        AUTOPACK_BODY_TIMEOUT_MS: '600000',
        AUTOPACK_MAX_PENDING_BODY_MB: '1',
        AUTOPACK_READ_KEY_SHARE_PERCENT: '100',
      }),
    ).toMatchObject({ headersTimeoutMs: 300, bodyTimeoutMs: 600_000, maxPendingBodyBytes: 1024 * 1024, readKeySharePercent: 100 });
    expect(fail({ AUTOPACK_HEADERS_TIMEOUT_MS: '99' })).toBe('AUTOPACK_HEADERS_TIMEOUT_MS: invalid value "99" (accepted: an integer from 100 to 600000)');
    expect(fail({ AUTOPACK_BODY_TIMEOUT_MS: '10s' })).toBe('AUTOPACK_BODY_TIMEOUT_MS: invalid value "10s" (accepted: an integer from 100 to 600000)');
    expect(fail({ AUTOPACK_MAX_PENDING_BODY_MB: '0' })).toBe('AUTOPACK_MAX_PENDING_BODY_MB: invalid value "0" (accepted: an integer from 1 to 65536)');
    expect(fail({ AUTOPACK_READ_KEY_SHARE_PERCENT: '0' })).toBe('AUTOPACK_READ_KEY_SHARE_PERCENT: invalid value "0" (accepted: an integer from 1 to 100)');
  });

  it('reads the compiled execution settings: AUTOPACK_COMPILED_DOCUMENTS (0 = graphql-js only) and AUTOPACK_COMPILE_AFTER', () => {
    expect(loadConfig({})).toMatchObject({ compiledDocuments: 200, compileAfter: 2 });
    expect(loadConfig({ AUTOPACK_COMPILED_DOCUMENTS: '0', AUTOPACK_COMPILE_AFTER: '1' })).toMatchObject({ compiledDocuments: 0, compileAfter: 1 });
    expect(fail({ AUTOPACK_COMPILED_DOCUMENTS: '-1' })).toBe('AUTOPACK_COMPILED_DOCUMENTS: invalid value "-1" (accepted: an integer from 0 to 100000)');
    expect(fail({ AUTOPACK_COMPILE_AFTER: '0' })).toBe('AUTOPACK_COMPILE_AFTER: invalid value "0" (accepted: an integer from 1 to 1000)');
  });

  it('reads AUTOPACK_HEAP_GROWING_PERCENT (0 = V8 default, up to 1000)', () => {
    expect(loadConfig({ AUTOPACK_HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ AUTOPACK_DB_STATEMENT_TIMEOUT_MS: '2500' }).dbStatementTimeoutMs).toBe(2500);
    expect(fail({ AUTOPACK_DB_STATEMENT_TIMEOUT_MS: '0' })).toBe(
      'AUTOPACK_DB_STATEMENT_TIMEOUT_MS: invalid value "0" (accepted: an integer from 100 to 3600000)',
    );
    expect(loadConfig({ AUTOPACK_HEAP_GROWING_PERCENT: '1000' }).heapGrowingPercent).toBe(1000);
    for (const bad of ['-1', '1001', '50%', 'half']) {
      expect(fail({ AUTOPACK_HEAP_GROWING_PERCENT: bad })).toBe(`AUTOPACK_HEAP_GROWING_PERCENT: invalid value "${bad}" (accepted: an integer from 0 to 1000)`);
    }
  });

  it('parses both DATABASE_URL forms and refuses malformed ones without printing the password', () => {
    expect(parseDatabaseUrl('sqlite:///autopack.db')).toMatchObject({ kind: 'sqlite', path: 'autopack.db' });
    expect(parseDatabaseUrl('sqlite:////var/lib/autopack.db')).toMatchObject({ kind: 'sqlite', path: '/var/lib/autopack.db' });
    expect(parseDatabaseUrl('sqlite:///:memory:')).toMatchObject({ kind: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('postgresql://autopack:s3cret@localhost:5432/autopack')).toMatchObject({
      kind: 'postgresql',
      dbName: 'autopack',
      display: 'postgresql://autopack:***@localhost:5432/autopack',
    });
    const msg = fail({ DATABASE_URL: 'mysql://root:s3cret@db/autopack' });
    expect(msg).toMatch(/^DATABASE_URL: unsupported URL/);
    expect(msg).not.toContain('s3cret');
    expect(fail({ DATABASE_URL: 'postgresql://u:s3cret@host' })).not.toContain('s3cret');
    expect(fail({ DATABASE_URL: 'sqlite://relative.db' })).toMatch(/^DATABASE_URL: malformed SQLite URL/);
    expect(maskUrl('error connecting to postgres://a:b@h/db: refused')).toBe('error connecting to postgres://a:***@h/db: refused');
  });

  it('reads the API key from AUTOPACK_API_KEY_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'autopack-key-'));
    const file = join(dir, 'key');
    try {
      writeFileSync(file, 'from-file\n');
      expect(loadConfig({ AUTOPACK_API_KEY_FILE: file }).apiKey).toBe('from-file');
      expect(fail({ AUTOPACK_API_KEY_FILE: `${file}.missing` })).toMatch(/^AUTOPACK_API_KEY_FILE: cannot read .* \(ENOENT\)$/);
      expect(fail({ AUTOPACK_API_KEY_FILE: file, AUTOPACK_API_KEY: 'x' })).toMatch(/not both/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses URLs that are not http(s) for QDRANT_HOST and AUTOPACK_API_URL', () => {
    expect(loadConfig({ QDRANT_HOST: 'http://localhost:6333/' }).qdrantHost).toBe('http://localhost:6333');
    expect(fail({ QDRANT_HOST: 'localhost:6333' })).toMatch(/^QDRANT_HOST: /);
    expect(fail({ AUTOPACK_API_URL: 'ftp://x' })).toMatch(/^AUTOPACK_API_URL: unsupported scheme/);
  });
});
