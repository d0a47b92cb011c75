// The live feed's publication of freshly inserted phase_metrics rows, written in SQL so that a writer can fold
// it into the statement that inserts them (PostgreSQL, data-modifying CTEs): the runs' version bump and the
// NOTIFY then commit with the INSERT itself, in one statement, and an aborted statement notifies nobody. The
// payloads decode (changes.ts `decode`) to what `touchRun(em, runId, { metrics: ids })` publishes at commit:
// one RunChange per run with its new version, its campaign and the new ids as [first, last] ranges, split
// into several payloads when the ranges do not fit one NOTIFY.
import { MAX_PAYLOAD_BYTES } from './changes';
import { CHANNEL } from './publish';

// Bytes of range text per payload. The rest of a payload is at most ~330 bytes: `{"k":"run","r":…,"v":…,
// "at":…,"c":…,"pm":[]}` with run and campaign ids of at most 128 and 64 characters that need no escaping
// (checkId's alphabet).
const RANGE_BYTES_PER_PAYLOAD = MAX_PAYLOAD_BYTES - 900;

/**
 * CTEs (to append after `inserted`, a data-modifying CTE whose RETURNING has `id` and `run_id`) that bump
 * the version of every run with inserted rows, and `notified`: a scalar expression for the final select
 * list that sends the payloads (it must be evaluated: PostgreSQL skips a plain SELECT CTE nobody reads).
 * `atParam` is the placeholder of the publication time (epoch milliseconds).
 */
export function publishInsertedMetricsSql(inserted: string, atParam: string): { ctes: string; notified: string } {
  const ctes = `bumped as (
  update "runs" set "version" = "version" + 1 where "id" in (select "run_id" from ${inserted}) returning "id", "version", "campaign_id"
), pm_ranges as (
  select "run_id", min("id") as lo, max("id") as hi
  from (select "id", "run_id", "id" - row_number() over (partition by "run_id" order by "id") as island from ${inserted}) numbered
  group by "run_id", island
), pm_chunks as (
  select "run_id", lo, hi,
    (sum(length(lo::text) + length(hi::text) + 2) over (partition by "run_id" order by lo) - 1) / ${RANGE_BYTES_PER_PAYLOAD} as chunk
  from pm_ranges
), payloads as (
  select json_strip_nulls(json_build_object('k', 'run', 'r', b."id", 'v', b."version", 'at', ${atParam}::bigint, 'c', b."campaign_id",
    'pm', json_agg(edge.id order by c.lo, edge.n)))::text as payload
  from pm_chunks c join bumped b on b."id" = c."run_id" cross join lateral (values (c.lo, 0), (c.hi, 1)) edge(id, n)
  group by b."id", b."version", b."campaign_id", c.chunk
)`;
  return { ctes, notified: `(select count(pg_notify('${CHANNEL}', payload)) from payloads)` };
}
