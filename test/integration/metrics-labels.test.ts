// 5,000 client-chosen operation names through the server's Metrics object: the exposition keeps at most
// OPERATION_LABEL_MAX_VALUES of them (each at most OPERATION_LABEL_MAX_LENGTH long), the rest as `other`.
// (The HTTP wiring is tested in test/e2e/observability-bounds.test.ts.) The database only serves the
// runs gauge here, so one backend suffices.
import { silentLogger } from '../../src/logger';
import { Metrics, OPERATION_LABEL_MAX_LENGTH, OPERATION_LABEL_MAX_VALUES } from '../../src/metrics';
import { FlagStore } from '../../src/modules/flags/overrides';
import { createHarness, type Harness } from '../helpers/harness';

describe('operation labels', () => {
  let h: Harness;
  let metrics: Metrics;
  beforeAll(async () => {
    h = await createHarness('sqlite');
    metrics = new Metrics(h.orm, new FlagStore(h.config.flags, h.orm, silentLogger));
  });
  afterAll(() => h.close());

  it('5,000 distinct names give a bounded number of series; long names are `other` from the start', async () => {
    expect(metrics.operationLabel('x'.repeat(OPERATION_LABEL_MAX_LENGTH + 1))).toBe('other');
    for (let i = 0; i < 5000; i++) {
      const operation = metrics.operationLabel(`Operation${i}`);
      metrics.httpRequests.inc({ method: 'POST', route: '/graphql', operation, status: '200' });
      metrics.httpDuration.observe({ method: 'POST', route: '/graphql', operation }, 0.002);
      metrics.graphqlErrors.inc({ code: 'FEATURE_DISABLED', operation });
    }
    // a name kept before stays itself
    expect(metrics.operationLabel('Operation0')).toBe('Operation0');
    expect(metrics.operationLabel('Operation4999')).toBe('other');

    const text = await metrics.registry.metrics();
    const labels = new Set([...text.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    expect(labels.size).toBe(OPERATION_LABEL_MAX_VALUES + 1);
    expect(labels.has('other')).toBe(true);
    const counted = [...text.matchAll(/^autopack_http_requests_total\{[^}]*\} (\d+)$/gm)].reduce((s, m) => s + Number(m[1]), 0);
    expect(counted).toBe(5000);
    // 15 histogram buckets + sum + count + 2 counters per name: a few hundred KB, not 90 MB
    expect(Buffer.byteLength(text)).toBeLessThan(512 * 1024);
  });
});
