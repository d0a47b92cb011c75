-- What PostGraphile needs to answer the same questions as our server, over the same tables: a schema of its
-- own (the one it exposes), so nothing is added to the tables our migrations own. Simple views are inlined by
-- the planner (no cost); smart comments give them the keys PostGraphile needs for its relations.
create schema peer;

create view peer.runs as select * from public.runs;
comment on view peer.runs is E'@primaryKey id';
create view peer.phases as select * from public.phases;
comment on view peer.phases is E'@primaryKey id\n@foreignKey (run_id) references peer.runs (id)';
create view peer.phase_metrics as select * from public.phase_metrics;
comment on view peer.phase_metrics is E'@primaryKey id\n@foreignKey (phase_id) references peer.phases (id)';
create view peer.dashboard_events as select * from public.dashboard_events;
comment on view peer.dashboard_events is E'@primaryKey id\n@foreignKey (run_id) references peer.runs (id)';

-- Run.status: src/modules/runs/status.ts in SQL (Math.round and round() agree on non-negative halves).
create type peer.run_status as (
  total_phases int, completed_phases int, failed_phases int, executing_phases int, percent_complete double precision
);
create function peer.runs_status(r peer.runs) returns peer.run_status language sql stable as $$
  select count(*)::int,
    (count(*) filter (where p.state = 'COMPLETE'))::int,
    (count(*) filter (where p.state = 'FAILED'))::int,
    (count(*) filter (where p.state in ('EXECUTING', 'GATE', 'CI_RUNNING')))::int,
    case when count(*) = 0 then 0
      else round((count(*) filter (where p.state = 'COMPLETE')) * 10000.0 / count(*)) / 100 end::double precision
  from public.phases p where p.run_id = r.id
$$;

-- Run.consolidatedMetrics and Query.consolidatedMetrics: src/modules/telemetry/batch.ts in SQL (sums in double
-- precision over the newest `limit` samples after `offset`; the total is the sum of the four category sums).
create type peer.consolidated_metrics as (
  run_id text, retrieval_tokens double precision, second_opinion_tokens double precision,
  evidence_request_tokens double precision, base_tokens double precision, total_tokens double precision,
  total_phases int, phases_with_metrics int
);
create function peer.runs_consolidated_metrics(r peer.runs, "limit" int default 1000, "offset" int default 0)
returns peer.consolidated_metrics language sql stable as $$
  select r.id::text, s.retrieval, s.second_opinion, s.evidence_request, s.base,
    s.retrieval + s.second_opinion + s.evidence_request + s.base,
    (select count(*) from public.phases p where p.run_id = r.id)::int, s.phases
  from (
    select coalesce(sum(m.retrieval_tokens::float8), 0) as retrieval,
      coalesce(sum(m.second_opinion_tokens::float8), 0) as second_opinion,
      coalesce(sum(m.evidence_request_tokens::float8), 0) as evidence_request,
      coalesce(sum(m.base_tokens::float8), 0) as base,
      count(distinct m.phase_id)::int as phases
    from (
      select * from public.phase_metrics where run_id = r.id
      order by created_at desc, id desc limit "limit" offset "offset"
    ) m
  ) s
$$;
create function peer.consolidated_metrics(run_id text, "limit" int default 1000, "offset" int default 0)
returns peer.consolidated_metrics language sql stable as $$
  select peer.runs_consolidated_metrics(r, "limit", "offset") from peer.runs r where r.id = run_id
$$;

-- recordPhaseMetrics: the samples as our mutation takes them (JSON with the same field names), each phase found
-- by (run id, phase id), stored in one INSERT in input order; an unknown run or phase fails the whole call.
create function peer.record_phase_metrics(samples jsonb) returns setof peer.phase_metrics language plpgsql volatile as $$
declare
  stored int;
begin
  return query
  insert into public.phase_metrics (run_id, phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens,
    base_tokens, total_tokens, created_at)
  select s.run_id, p.id, s.retrieval, s.second_opinion, s.evidence_request, s.base,
    s.retrieval + s.second_opinion + s.evidence_request + s.base, now()
  from (
    select e.doc->>'runId' as run_id, e.doc->>'phaseId' as phase_id,
      (e.doc->>'retrievalTokens')::bigint as retrieval, (e.doc->>'secondOpinionTokens')::bigint as second_opinion,
      (e.doc->>'evidenceRequestTokens')::bigint as evidence_request, (e.doc->>'baseTokens')::bigint as base, e.n
    from jsonb_array_elements(samples) with ordinality as e(doc, n)
  ) s
  join public.phases p on p.run_id = s.run_id and p.phase_id = s.phase_id
  order by s.n
  returning *;
  get diagnostics stored = row_count;
  if stored <> jsonb_array_length(samples) then
    raise exception 'unknown run or phase in the samples' using errcode = '22023';
  end if;
end
$$;
