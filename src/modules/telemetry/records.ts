// Telemetry samples as the API returns them: plain records. PhaseMetrics entities loaded elsewhere have the
// same shape; freshly ingested rows are plain records too (hydrating 1000 entities costs more than the INSERT).
import { driverDate } from '../../db/driver-date';
import { MAX_NESTED_LIMIT, type Row } from '../../db/reads';
import { toSafeInt } from '../../db/types';
import { checkLimit } from '../../shared/validation';
import type { TokenCounts } from './token-counts';

export interface PhaseMetricsRecord extends TokenCounts {
  id: number;
  createdAt: Date;
  run: { id: string };
  phase: { id: number };
}

const ref = (v: unknown) => ({ id: String(v) });

/**
 * Each column of a sample in canonical order: the record property it becomes and how its driver value is read.
 * The one definition behind metricsColumns, metricsRecord and positionalMetricsRecord. (`phase_id` is not here:
 * it is always read, samples are grouped by it.)
 */
const COLUMNS: ReadonlyArray<readonly [column: string, property: keyof PhaseMetricsRecord, read: (v: unknown) => unknown]> = [
  ['id', 'id', toSafeInt],
  ['run_id', 'run', ref],
  ['retrieval_tokens', 'retrievalTokens', toSafeInt],
  ['second_opinion_tokens', 'secondOpinionTokens', toSafeInt],
  ['evidence_request_tokens', 'evidenceRequestTokens', toSafeInt],
  ['base_tokens', 'baseTokens', toSafeInt],
  ['total_tokens', 'totalTokens', toSafeInt],
  ['created_at', 'createdAt', driverDate],
];

/** Every column of a sample (whole records, e.g. those the live feed reads back). */
export const ALL_METRICS_COLUMNS = ['phase_id', ...COLUMNS.map(([column]) => column)].join(', ');

// The limit of Phase.metrics, which (with metricsColumns) keys its loader: the resolver and the runs page's
// look-ahead (runs/runs.lookahead.ts) use this same function, so a primed key is the key the resolver loads.
export const phaseMetricsLimit = (limit: number | null | undefined) => checkLimit(limit ?? 20, 'limit', MAX_NESTED_LIMIT);

/**
 * The select list for the record properties a caller will read (others, unknown names included, are left out:
 * a dashboard listing totals of a thousand samples does not pay for decoding their dates). Canonical order,
 * so that one set of properties always gives one statement text.
 */
export function metricsColumns(properties: ReadonlySet<string>): string {
  let list = columnsOf.get(properties);
  if (list === undefined) {
    list = ['phase_id', ...COLUMNS.filter(([, property]) => properties.has(property)).map(([column]) => column)].join(', ');
    columnsOf.set(properties, list);
  }
  return list;
}

// The same set object (a memoized selection) asks again for every phase of a list.
const columnsOf = new WeakMap<ReadonlySet<string>, string>();

/** A record of the columns read: properties whose column was not selected are absent. */
export function metricsRecord(r: Row): PhaseMetricsRecord {
  const m: Record<string, unknown> = { phase: { id: toSafeInt(r.phase_id) } };
  for (const [column, property, read] of COLUMNS) if (r[column] !== undefined) m[property] = read(r[column]);
  return m as unknown as PhaseMetricsRecord;
}

type PositionalMetrics = (values: readonly unknown[], phase: { id: number }) => PhaseMetricsRecord;
const positionalMakers = new Map<string, PositionalMetrics>();
const COLUMN_AT = new Map(COLUMNS.map((c, i) => [c[0], i]));

/**
 * The records metricsRecord makes, from the values of `columns` (a metricsColumns list without phase_id) in that
 * order, all the samples of one phase sharing its reference: how the runs page decodes its samples (a thousand
 * for the dashboard) with one object each and no row keyed by column name in between. One object literal of
 * fixed keys, compiled once per column list.
 */
export function positionalMetricsRecord(columns: readonly string[]): PositionalMetrics {
  const key = columns.join(',');
  let make = positionalMakers.get(key);
  if (!make) {
    const entries = columns.map((c, i) => {
      const at = COLUMN_AT.get(c);
      if (at === undefined) throw new Error(`positionalMetricsRecord: no property for column ${c}`); // our own constants, never input
      return `${COLUMNS[at][1]}: read${at}(v[${i}])`;
    });
    // Each column's read function is a parameter of its own (read0, read1, ...): called directly, as if written out.
    const reads = COLUMNS.map(([, , read]) => read);
    make = new Function(...reads.map((_, k) => `read${k}`), `return (v, phase) => ({ phase, ${entries.join(', ')} });`)(...reads) as PositionalMetrics;
    positionalMakers.set(key, make);
  }
  return make;
}
