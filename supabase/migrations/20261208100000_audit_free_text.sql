-- Free text in the audit log's values: "which entries mention 'Brennan' / 'INV-0042' / '555-0100'".
-- values_text is the old and new values' text — the values only, not the field names, so "status"
-- does not match every status change — kept by the database itself (a stored generated column:
-- written with the entry, never by a client). The audit screen filters with
-- values_text=ilike.*text* through PostgREST, so the reads are the audit_log reads they always
-- were: the same row security (supervisors and admins of the company), the same grants. The
-- trigram index lets the ilike skip entries that cannot contain the text instead of reading every
-- entry's values.

create extension if not exists pg_trgm with schema extensions;

-- The values of a jsonb object as one text ('["Ada", "scheduled", 42]'); '' for none.
create or replace function private.audit_values_text(old_values jsonb, new_values jsonb)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(case when jsonb_typeof(old_values) = 'object'
                       then pg_catalog.jsonb_path_query_array(old_values, 'strict $.*')::text end, '')
      || ' '
      || coalesce(case when jsonb_typeof(new_values) = 'object'
                       then pg_catalog.jsonb_path_query_array(new_values, 'strict $.*')::text end, '')
$$;

alter table public.audit_log
  add column values_text text generated always as (private.audit_values_text(old_values, new_values)) stored;

create index audit_log_values_text_trgm on public.audit_log using gin (values_text extensions.gin_trgm_ops);
