-- The audit chain's small helpers planned once per connection instead of on every call.
--
-- private.lock_company_chain, private.audit_hash and private.audit_values_text were SQL functions
-- with SET search_path, which PostgreSQL can neither inline nor keep a plan for: each call parsed
-- and planned its one statement again. A claim calls them ~20 times (the chain lock 11 times, the
-- hash and the values text once per entry): ~2 ms of the winner's ~11 ms under load
-- (ClaimRaceHttpBenchmark -Dbench.functions=true, docs/benchmarks.md race7). As PL/pgSQL their
-- expression is planned once per connection, as was done for current_company_id()
-- (20261206100000). Same expressions, same results: the same lock key, the same hash of the same
-- text (existing chains verify unchanged), the same values text (stored values are not recomputed).

create or replace function private.lock_company_chain(company uuid)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('audit_log:' || company::text, 0));
end
$$;

create or replace function private.audit_hash(entry public.audit_log)
returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  return encode(sha256(convert_to(coalesce(entry.prev_hash, '') || E'\n' || json_build_array(
    entry.id, entry.company_id, entry.seq,
    to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    entry.actor_id, entry.actor_role, entry.action, entry.table_name, entry.row_id,
    entry.old_values, entry.new_values)::text, 'UTF8')), 'hex');
end
$$;

create or replace function private.audit_values_text(old_values jsonb, new_values jsonb)
returns text
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return coalesce(case when jsonb_typeof(old_values) = 'object'
                       then pg_catalog.jsonb_path_query_array(old_values, 'strict $.*')::text end, '')
      || ' '
      || coalesce(case when jsonb_typeof(new_values) = 'object'
                       then pg_catalog.jsonb_path_query_array(new_values, 'strict $.*')::text end, '');
end
$$;
