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

// The column behind each property of a record (`phase_id` is always read: samples are grouped by it).
const COLUMN_OF: Record<keyof PhaseMetricsRecord, string | null> = {
  id: 'id',
  run: 'run_id',
  phase: null,
  retrievalTokens: 'retrieval_tokens',
  secondOpinionTokens: 'second_opinion_tokens',
  evidenceRequestTokens: 'evidence_request_tokens',
  baseTokens: 'base_tokens',
  totalTokens: 'total_tokens',
  createdAt: 'created_at',
};

/** Every column of a sample (whole records, e.g. those the live feed reads back). */
export const ALL_METRICS_COLUMNS = ['phase_id', ...Object.values(COLUMN_OF).filter((c): c is string => c !== null)].join(', ');

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
    const columns = Object.entries(COLUMN_OF)
      .filter(([property, column]) => column && properties.has(property))
      .map(([, column]) => column!);
    list = ['phase_id', ...columns].join(', ');
    columnsOf.set(properties, list);
  }
  return list;
}

// The same set object (a memoized selection) asks again for every phase of a list.
const columnsOf = new WeakMap<ReadonlySet<string>, string>();

/** A record of the columns read: properties whose column was not selected are absent. */
export function metricsRecord(r: Row): PhaseMetricsRecord {
  const m = { phase: { id: toSafeInt(r.phase_id) } } as PhaseMetricsRecord;
  if (r.id !== undefined) m.id = toSafeInt(r.id);
  if (r.run_id !== undefined) m.run = { id: String(r.run_id) };
  if (r.retrieval_tokens !== undefined) m.retrievalTokens = toSafeInt(r.retrieval_tokens);
  if (r.second_opinion_tokens !== undefined) m.secondOpinionTokens = toSafeInt(r.second_opinion_tokens);
  if (r.evidence_request_tokens !== undefined) m.evidenceRequestTokens = toSafeInt(r.evidence_request_tokens);
  if (r.base_tokens !== undefined) m.baseTokens = toSafeInt(r.base_tokens);
  if (r.total_tokens !== undefined) m.totalTokens = toSafeInt(r.total_tokens);
  if (r.created_at !== undefined) m.createdAt = driverDate(r.created_at);
  return m;
}

type PositionalMetrics = (values: readonly unknown[], phase: { id: number }) => PhaseMetricsRecord;
const positionalMakers = new Map<string, PositionalMetrics>();

// How each column becomes its property (as metricsRecord reads it), as source text over `v[i]`.
const READ_COLUMN: Record<string, (at: string) => string> = {
  id: (at) => `id: toSafeInt(${at})`,
  run_id: (at) => `run: { id: String(${at}) }`,
  retrieval_tokens: (at) => `retrievalTokens: toSafeInt(${at})`,
  second_opinion_tokens: (at) => `secondOpinionTokens: toSafeInt(${at})`,
  evidence_request_tokens: (at) => `evidenceRequestTokens: toSafeInt(${at})`,
  base_tokens: (at) => `baseTokens: toSafeInt(${at})`,
  total_tokens: (at) => `totalTokens: toSafeInt(${at})`,
  created_at: (at) => `createdAt: driverDate(${at})`,
};

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
      const read = READ_COLUMN[c];
      if (!read) throw new Error(`positionalMetricsRecord: no property for column ${c}`); // our own constants, never input
      return read(`v[${i}]`);
    });
    make = new Function('toSafeInt', 'driverDate', `return (v, phase) => ({ phase, ${entries.join(', ')} });`)(toSafeInt, driverDate) as PositionalMetrics;
    positionalMakers.set(key, make);
  }
  return make;
}
