// The live feed's publication of freshly inserted phase_metrics rows, written in SQL so that a writer can fold
// it into the statement that inserts them (PostgreSQL, data-modifying CTEs): the runs' version bump and the
// NOTIFY then commit with the INSERT itself, in one statement, and an aborted statement notifies nobody. The
// payloads decode (changes.ts `decode`) to what `touchRun(em, runId, { metrics: ids })` publishes at commit:
// one RunChange per run with its new version, its campaign and the new ids as [first, last] ranges, split
// into several payloads when the ranges do not fit one NOTIFY.
import { MAX_PAYLOAD_BYTES } from './changes';
import { CHANNEL } from './publish';

// Bytes of range text per payload ("first,last," per range; a chunk may end one range past it). The rest of a
// payload is under 300 bytes: `{"k":"run","r":…,"v":…,"at":…,"c":…,"pm":[]}` with run and campaign ids of at
// most 128 and 64 characters that need no escaping (checkId's alphabet).
const RANGE_BYTES_PER_PAYLOAD = MAX_PAYLOAD_BYTES - 900;

/**
 * CTEs (to append after `inserted`, a data-modifying CTE whose RETURNING has `id` and `run_id`) that bump
 * the version of every run with inserted rows, and `notified`: a scalar expression for the final select
 * list that sends the payloads (it must be evaluated: PostgreSQL skips a plain SELECT CTE nobody reads).
 * `atParam` is the placeholder of the publication time (epoch milliseconds). The payload is compact JSON written
 * out by hand (json_build_object and json_agg put a space after every separator), so the bytes of each range
 * are exactly the ones the chunking counts.
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
  select '{"k":"run","r":' || to_json(b."id"::text)::text || ',"v":' || b."version" || ',"at":' || ${atParam}::bigint
    || coalesce(',"c":' || to_json(b."campaign_id"::text)::text, '')
    || ',"pm":[' || string_agg(c.lo || ',' || c.hi, ',' order by c.lo) || ']}' as payload
  from pm_chunks c join bumped b on b."id" = c."run_id"
  group by b."id", b."version", b."campaign_id", c.chunk
)`;
  return { ctes, notified: `(select count(pg_notify('${CHANNEL}', payload)) from payloads)` };
}
