// The nested data of a page of runs, read in the page's own statement (issue 18): for each run one JSON value
// built by the database, holding its phases (each with its newest samples and events), its newest events and its
// consolidated totals, as far as the caller asked for them. The driver decodes one text value per run instead of
// a row per child; the records are then made by the same functions as the batch reads' (records.ts,
// events/records.ts, telemetry/records.ts), from objects keyed by column name, so they are the records the
// DataLoaders would have read. The page's records carry them, and the nested resolvers answer from there.
import { columnList, jsonSelect, parsedJson, type Dialect, type Row } from '../../db/reads';
import type { ServiceError } from '../../shared/errors';
import { eventsOf } from '../events/reads';
import { EVENT_COLUMNS, eventRecord, type DashboardEventRecord } from '../events/records';
import { consolidatedOfRun, consolidatedSummary, CONSOLIDATED_COLUMNS, metricsOfPhase } from '../telemetry/batch';
import type { ConsolidatedMetricsSummary, MetricsPage } from '../telemetry/consolidated';
import { positionalMetricsRecord, type PhaseMetricsRecord } from '../telemetry/records';
import { PHASE_COLUMNS, phaseRecord, type PhaseRecord, type RunRecord } from './records';

/** What to read with each run of a page: plain options, the same arguments the nested loaders are keyed by. */
export interface PageNested {
  /** Run.phases (and Run.status, derived from them). */
  phases: boolean;
  /** Phase.metrics of those phases: the select list (telemetry/records.ts metricsColumns) and per-phase limit. */
  phaseMetrics?: { columns: string; limit: number };
  /** Phase.events of those phases. */
  phaseEvents?: { limit: number };
  /** Run.events. */
  runEvents?: { limit: number };
  /** Run.consolidatedMetrics over this page of samples. */
  consolidated?: MetricsPage;
}

/** What was read, by the key each loader takes (every run of the page has an entry for each kind read). */
export interface NestedOfRuns {
  wanted: PageNested;
  phasesByRun: Map<string, PhaseRecord[]>;
  metricsByPhase: Map<number, PhaseMetricsRecord[]>;
  eventsByPhase: Map<number, DashboardEventRecord[]>;
  eventsByRun: Map<string, DashboardEventRecord[]>;
  consolidatedByRun: Map<string, ConsolidatedMetricsSummary | ServiceError | null>;
}

export const hasNested = (w: PageNested): boolean => w.phases || !!w.runEvents || !!w.consolidated;

const PHASE_LIST = columnList(PHASE_COLUMNS);
const EVENT_LIST = columnList(EVENT_COLUMNS);

/**
 * A JSON value per run of the enclosing statement, whose run id is the column `page.id`; parameters in text
 * order. An array [phases, events, consolidated], each row in it an array of column values in the order of its
 * column list (see the decoders below): no key is written, sent or parsed per row (about a third of the text of
 * objects keyed by column name; JSON.parse and the garbage collector see fewer, smaller objects). A row's parent
 * key (a phase's run, a sample's phase) is left out: the decoder knows it.
 */
export function nestedJson(d: Dialect, w: PageNested): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  if (w.phases && w.phaseMetrics) params.push(w.phaseMetrics.limit);
  if (w.phases && w.phaseEvents) params.push(w.phaseEvents.limit);
  if (w.runEvents) params.push(w.runEvents.limit);
  if (w.consolidated) params.push(w.consolidated.limit, w.consolidated.offset);
  // The text depends on what is read, never on limits (parameters): built once per shape.
  const shape = `${d.pg}:${w.phases}:${w.phases && w.phaseMetrics ? w.phaseMetrics.columns : '-'}:${w.phases && !!w.phaseEvents}:${!!w.runEvents}:${!!w.consolidated}`;
  let sql = texts.get(shape);
  if (sql === undefined) {
    sql = nestedText(d, w);
    texts.set(shape, sql);
  }
  return { sql, params };
}

const texts = new Map<string, string>();

// What each kind of row carries, in order (the parent keys phase.run_id and sample.phase_id left out).
const PHASE_FIELDS = PHASE_LIST.filter((c) => c !== 'run_id');
const EVENT_FIELDS = EVENT_LIST;
const sampleFields = (columns: string) => columnList(columns).filter((c) => c !== 'phase_id');

/**
 * A scalar subquery: the rows of `query` (which selects at least `columns`) as one JSON array of arrays of those
 * columns' values; `[]` when there are none. `json`: columns that already hold JSON built here.
 */
function jsonRows(d: Dialect, query: string, columns: readonly string[], orderBy = '', json: readonly string[] = []): string {
  const order = orderBy ? ` order by ${orderBy}` : '';
  if (d.pg) return `(select coalesce(json_agg(json_build_array(${columns.map((c) => `x.${c}`).join(', ')})${order}), '[]') from (${query}) x)`;
  // SQLite: an ordered subquery feeds the aggregate (under the aggregate's own ORDER BY, 3.44 loses the JSON
  // subtype of nested values); json() keeps nested JSON from being embedded as a string.
  const values = columns.map((c) => (json.includes(c) ? `json(x.${c})` : `x.${c}`));
  return `(select json_group_array(json_array(${values.join(', ')})) from (${query}${order}) x)`;
}

function nestedText(d: Dialect, w: PageNested): string {
  const values: string[] = [];
  const events = (parent: 'run_id' | 'phase_id', id: string) => jsonRows(d, eventsOf(jsonSelect(d, EVENT_LIST, 'e'), parent, id), EVENT_FIELDS);
  if (w.phases) {
    const inner: string[] = [];
    const json: string[] = [];
    if (w.phaseMetrics) {
      const columns = sampleFields(w.phaseMetrics.columns);
      inner.push(`${jsonRows(d, metricsOfPhase(jsonSelect(d, columns, 's'), 'p.id'), columns)} as metrics`);
      json.push('metrics');
    }
    if (w.phaseEvents) {
      inner.push(`${events('phase_id', 'p.id')} as events`);
      json.push('events');
    }
    const select = [jsonSelect(d, PHASE_FIELDS, 'p'), ...inner].join(', ');
    values.push(jsonRows(d, `select ${select} from phases p where p.run_id = page.id`, [...PHASE_FIELDS, ...json], 'phase_index, id', json));
  } else values.push('null');
  values.push(w.runEvents ? events('run_id', 'page.id') : 'null');
  if (w.consolidated) {
    const row = CONSOLIDATED_COLUMNS.map((c) => `x.${c}`).join(', ');
    values.push(`(select ${d.pg ? 'json_build_array' : 'json_array'}(${row}) from (${consolidatedOfRun('page.id')}) x)`);
  } else values.push('null');
  if (d.pg) return `json_build_array(${values.join(', ')})`;
  return `json_array(${values.map((v) => (v === 'null' ? v : `json(${v})`)).join(', ')})`;
}

/**
 * The driver row (keyed by column name) of a positional row, plus the parent key it leaves out: what the record
 * functions read. Made by a function compiled once per column list: an object literal of fixed keys, one hidden
 * class, instead of a key assigned at a time.
 */
type RowOf = (values: readonly unknown[], parent?: unknown) => Row;
const rowMakers = new Map<string, RowOf>();
function rowMaker(fields: readonly string[], parentColumn?: string): RowOf {
  const key = `${fields.join(',')}:${parentColumn ?? ''}`;
  let make = rowMakers.get(key);
  if (!make) {
    // Column names are our own constants (checked here), never input.
    if (![...fields, parentColumn ?? 'x'].every((c) => /^[a-z_]+$/.test(c))) throw new Error(`rowMaker: bad column in ${key}`);
    const entries = fields.map((c, i) => `${c}: v[${i}]`);
    if (parentColumn) entries.unshift(`${parentColumn}: parent`);
    make = new Function('v', 'parent', `return { ${entries.join(', ')} };`) as RowOf;
    rowMakers.set(key, make);
  }
  return make;
}

/**
 * The records of the nested JSON of each run (`nested` column, null for runs read without it); `jsonParsed`:
 * whether event payloads arrive parsed (PostgreSQL), as for eventRecord.
 */
export function nestedOfRuns(w: PageNested, runs: readonly RunRecord[], rows: readonly Row[], jsonParsed: boolean): NestedOfRuns {
  const out: NestedOfRuns = {
    wanted: w,
    phasesByRun: new Map(),
    metricsByPhase: new Map(),
    eventsByPhase: new Map(),
    eventsByRun: new Map(),
    consolidatedByRun: new Map(),
  };
  // A phase's samples, then its events, follow its columns.
  const samplesAt = PHASE_FIELDS.length;
  const eventsAt = samplesAt + (w.phaseMetrics ? 1 : 0);
  const phaseRow = rowMaker(PHASE_FIELDS, 'run_id');
  const sample = positionalMetricsRecord(w.phaseMetrics ? sampleFields(w.phaseMetrics.columns) : []);
  const eventRow = rowMaker(EVENT_FIELDS);
  rows.forEach((row, i) => {
    if (row.nested === null || row.nested === undefined) return;
    const runId = runs[i].id;
    const [phaseRows, eventRows, totals] = parsedJson(row.nested) as [unknown[][] | null, unknown[][] | null, unknown[] | null];
    const event = (v: unknown[]) => eventRecord(eventRow(v), jsonParsed);
    if (phaseRows) {
      const phases: PhaseRecord[] = [];
      for (const p of phaseRows) {
        const phase = phaseRecord(phaseRow(p, runId));
        phases.push(phase);
        if (w.phaseMetrics) {
          const ref = { id: phase.id }; // one for all the phase's samples
          out.metricsByPhase.set(
            phase.id,
            (p[samplesAt] as unknown[][]).map((m) => sample(m, ref)),
          );
        }
        if (w.phaseEvents) out.eventsByPhase.set(phase.id, (p[eventsAt] as unknown[][]).map(event));
      }
      out.phasesByRun.set(runId, phases);
    }
    if (eventRows) out.eventsByRun.set(runId, eventRows.map(event));
    if (w.consolidated) out.consolidatedByRun.set(runId, totals ? consolidatedSummary(rowMaker(CONSOLIDATED_COLUMNS)(totals)) : null);
  });
  attachNested(runs, out);
  return out;
}

// What a page read for its runs and phases, reachable from their records: the nested resolvers answer from it
// synchronously (no loader call, no promise per phase) when their arguments are the ones read. A symbol key:
// invisible to serialisation and to GraphQL; records from anywhere else (mutations' entities, loaders) have none.
const NESTED = Symbol('page-nested');
type Carrier = { [NESTED]?: NestedOfRuns };

/** Marks the page's run and phase records with what was read for them. */
function attachNested(runs: readonly RunRecord[], n: NestedOfRuns): void {
  for (const run of runs) if (n.phasesByRun.has(run.id) || n.eventsByRun.has(run.id) || n.consolidatedByRun.has(run.id)) (run as Carrier)[NESTED] = n;
  for (const phases of n.phasesByRun.values()) for (const phase of phases) (phase as Carrier)[NESTED] = n;
}

const nestedOf = (record: object): NestedOfRuns | undefined => (record as Carrier)[NESTED];

/** Run.phases as read with the page, or undefined (then its loader). */
export const preloadedPhases = (run: { id: string }): PhaseRecord[] | undefined => nestedOf(run)?.phasesByRun.get(run.id);

/** Run.events(limit) as read with the page, or undefined. */
export function preloadedRunEvents(run: { id: string }, limit: number): DashboardEventRecord[] | undefined {
  const n = nestedOf(run);
  return n?.wanted.runEvents?.limit === limit ? n.eventsByRun.get(run.id) : undefined;
}

/** Phase.events(limit) as read with the page, or undefined. */
export function preloadedPhaseEvents(phase: { id: number }, limit: number): DashboardEventRecord[] | undefined {
  const n = nestedOf(phase);
  return n?.wanted.phaseEvents?.limit === limit ? n.eventsByPhase.get(phase.id) : undefined;
}

/** Phase.metrics of these columns and limit as read with the page, or undefined. */
export function preloadedMetrics(phase: { id: number }, columns: string, limit: number): PhaseMetricsRecord[] | undefined {
  const m = nestedOf(phase)?.wanted.phaseMetrics;
  return m && m.columns === columns && m.limit === limit ? nestedOf(phase)!.metricsByPhase.get(phase.id) : undefined;
}

/** Run.consolidatedMetrics over this page of samples as read with the page (null: the run is gone), or undefined. */
export function preloadedConsolidated(run: { id: string }, page: MetricsPage): ConsolidatedMetricsSummary | ServiceError | null | undefined {
  const n = nestedOf(run);
  const c = n?.wanted.consolidated;
  return c && c.limit === page.limit && c.offset === page.offset ? n!.consolidatedByRun.get(run.id) : undefined;
}
