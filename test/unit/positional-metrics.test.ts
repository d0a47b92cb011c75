// The runs page decodes its samples from positional JSON values (runs/page-nested.ts): each record must equal the
// one metricsRecord makes from a driver row of the same columns, for any select list metricsColumns makes.
import { ALL_METRICS_COLUMNS, metricsColumns, metricsRecord, positionalMetricsRecord } from '../../src/modules/telemetry/records';

const ROW: Record<string, unknown> = {
  phase_id: 7,
  id: 12,
  run_id: 'run-1',
  retrieval_tokens: 1,
  second_opinion_tokens: '2', // node-postgres returns bigint as text
  evidence_request_tokens: 3,
  base_tokens: 2 ** 40,
  total_tokens: 2 ** 40 + 6,
  created_at: 1780315200123,
};
const PROPERTIES = ['id', 'run', 'retrievalTokens', 'secondOpinionTokens', 'evidenceRequestTokens', 'baseTokens', 'totalTokens', 'createdAt', 'phase'];

describe('positional samples', () => {
  it.each([[['totalTokens']], [['createdAt', 'id']], [PROPERTIES], [[]]])('equal metricsRecord for %j', (properties) => {
    const columns = metricsColumns(new Set(properties)).split(', ');
    const values = columns.filter((c) => c !== 'phase_id').map((c) => ROW[c]);
    const phase = { id: 7 };
    const record = positionalMetricsRecord(columns.filter((c) => c !== 'phase_id'))(values, phase);
    expect(record).toEqual(metricsRecord(Object.fromEntries(columns.map((c) => [c, ROW[c]]))));
    expect(record.phase).toBe(phase);
  });

  it('knows every column a sample has', () => {
    expect(() => positionalMetricsRecord(ALL_METRICS_COLUMNS.split(', ').filter((c) => c !== 'phase_id'))).not.toThrow();
    expect(() => positionalMetricsRecord(['nope'])).toThrow(/no property for column nope/);
  });
});
