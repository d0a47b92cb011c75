// The nested data of a page of runs, read in the page's own statement (issue 18): for each run one JSON value
// built by the database, holding its phases (each with its newest samples and events), its newest events and its
// consolidated totals, as far as the caller asked for them. The driver decodes one text value per run instead of
// a row per child; the records are then made by the same functions as the batch reads' (records.ts,
// events/records.ts, telemetry/records.ts), from objects keyed by column name, so they are the records the
// DataLoaders would have read.
import { columnList, jsonArrayOf, jsonObject, jsonObjectOf, jsonSelect, parsedJson, type Dialect, type Row } from '../../db/reads';
import type { ServiceError } from '../../shared/errors';
import { eventsOf } from '../events/reads';
import { EVENT_COLUMNS, eventRecord, type DashboardEventRecord } from '../events/records';
import { consolidatedOfRun, consolidatedSummary, CONSOLIDATED_COLUMNS, metricsOfPhase } from '../telemetry/batch';
import type { ConsolidatedMetricsSummary, MetricsPage } from '../telemetry/consolidated';
import { metricsRecord, type PhaseMetricsRecord } from '../telemetry/records';
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
 * A JSON object per run of the enclosing statement, whose run id is the column `page.id`; parameters in text
 * order. Keys: phases (with metrics / events inside each phase), events, consolidated.
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

function nestedText(d: Dialect, w: PageNested): string {
  const entries: [string, string][] = [];
  const events = (parent: 'run_id' | 'phase_id', id: string) => jsonArrayOf(d, eventsOf(jsonSelect(d, EVENT_LIST, 'e'), parent, id), EVENT_LIST);
  if (w.phases) {
    const inner: string[] = [];
    const json: string[] = [];
    if (w.phaseMetrics) {
      const columns = columnList(w.phaseMetrics.columns);
      inner.push(`${jsonArrayOf(d, metricsOfPhase(jsonSelect(d, columns, 's'), 'p.id'), columns)} as metrics`);
      json.push('metrics');
    }
    if (w.phaseEvents) {
      inner.push(`${events('phase_id', 'p.id')} as events`);
      json.push('events');
    }
    const select = [jsonSelect(d, PHASE_LIST, 'p'), ...inner].join(', ');
    entries.push([
      'phases',
      jsonArrayOf(d, `select ${select} from phases p where p.run_id = page.id`, [...PHASE_LIST, ...json], { orderBy: 'phase_index, id', json }),
    ]);
  }
  if (w.runEvents) entries.push(['events', events('run_id', 'page.id')]);
  if (w.consolidated) entries.push(['consolidated', jsonObjectOf(d, consolidatedOfRun('page.id'), CONSOLIDATED_COLUMNS)]);
  return jsonObject(d, entries);
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
  const event = (r: Row) => eventRecord(r, jsonParsed);
  rows.forEach((row, i) => {
    if (row.nested === null || row.nested === undefined) return;
    const runId = runs[i].id;
    const n = parsedJson(row.nested) as { phases?: Row[]; events?: Row[]; consolidated?: Row | null };
    if (n.phases) {
      const phases: PhaseRecord[] = [];
      for (const p of n.phases) {
        const phase = phaseRecord(p);
        phases.push(phase);
        if (w.phaseMetrics) out.metricsByPhase.set(phase.id, (p.metrics as Row[]).map(metricsRecord));
        if (w.phaseEvents) out.eventsByPhase.set(phase.id, (p.events as Row[]).map(event));
      }
      out.phasesByRun.set(runId, phases);
    }
    if (n.events) out.eventsByRun.set(runId, n.events.map(event));
    if (w.consolidated) out.consolidatedByRun.set(runId, n.consolidated ? consolidatedSummary(n.consolidated) : null);
  });
  return out;
}
