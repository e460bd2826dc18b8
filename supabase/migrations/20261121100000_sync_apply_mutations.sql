-- Server side of the offline cache's push (offline-cache/README.md explains the design).
--
-- apply_mutations(mutations jsonb) applies a batch of queued client changes in one call, as the
-- caller (SECURITY INVOKER: RLS, grants and triggers judge every write). Each mutation runs in its
-- own sub-transaction and gets one answer:
--   applied    it was applied now
--   duplicate  its mutation id is already in the ledger: an earlier attempt applied it; nothing done
--   conflict   an update whose base version is stale; nothing done; the current row is returned
--   rejected   refused (validation, RLS, constraint, unknown column); nothing done; server message
--   deferred   not attempted because an earlier mutation of the same row in this batch did not apply
-- Every answer carries the row as it now is on the server (null if absent or invisible).

-- The ledger: one row per applied mutation, written in the same sub-transaction as its effect,
-- so "applied" and "recorded" cannot be separated by a crash or a lost response.
create table public.sync_mutations (
  mutation_id uuid primary key,
  company_id uuid not null references public.companies (id),
  user_id uuid not null,
  table_name text not null,
  row_id uuid not null,
  operation text not null,
  result_version integer,
  applied_at timestamptz not null default now(),
  constraint sync_mutation_operation_is_valid check (operation in ('insert', 'update', 'delete'))
);
create index sync_mutations_company_applied_idx on public.sync_mutations (company_id, applied_at);

alter table public.sync_mutations enable row level security;
revoke all on public.sync_mutations from anon, authenticated;
grant select on public.sync_mutations to authenticated;
create policy sync_mutations_select_own_company on public.sync_mutations
  for select to authenticated
  using (company_id = (select public.current_company_id()));

-- Clients never write the ledger directly: only these helpers do, and they live in a schema the
-- REST API does not expose (PostgREST serves public only), called from apply_mutations.
create schema if not exists sync_internal;
revoke all on schema sync_internal from public, anon;
grant usage on schema sync_internal to authenticated, service_role;

-- Claims a mutation id for the caller's company. False when it was claimed before (a replay).
-- A concurrent replay waits here for the first attempt to commit or roll back.
create or replace function sync_internal.claim_mutation(p_mutation_id uuid, p_table text, p_row_id uuid,
                                                        p_operation text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
begin
  if company is null then
    raise exception 'Only active staff of a company can sync changes.' using errcode = '42501';
  end if;
  insert into public.sync_mutations (mutation_id, company_id, user_id, table_name, row_id, operation)
  values (p_mutation_id, company, auth.uid(), p_table, p_row_id, p_operation)
  on conflict (mutation_id) do nothing;
  return found;
end
$$;

create or replace function sync_internal.record_result(p_mutation_id uuid, p_version integer)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.sync_mutations set result_version = p_version where mutation_id = p_mutation_id
$$;

-- Whether the row's current version was produced by the given mutation (the client's previous
-- queued change of the same row): then the next change of that chain is not a conflict.
create or replace function sync_internal.produced_version(p_mutation_id uuid, p_version integer)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.sync_mutations m
                  where m.mutation_id = p_mutation_id and m.result_version = p_version
                    and m.company_id = public.current_company_id())
$$;

revoke execute on all functions in schema sync_internal from public, anon;
grant execute on all functions in schema sync_internal to authenticated, service_role;

-- The tables the console may change through sync. Identifiers never come from the request text:
-- the table must be in this list and every column must be a real, client-writable column of it.
create or replace function sync_internal.is_writable_table(p_table text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_table = any (array['companies', 'profiles', 'customers', 'customer_addresses', 'service_requests',
                              'work_orders', 'customer_threads', 'customer_messages', 'internal_threads',
                              'internal_messages', 'invoices', 'invoice_items', 'payments'])
$$;

create or replace function sync_internal.writable_columns(p_table text)
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(a.attname::text order by a.attnum), '{}')
    from pg_catalog.pg_attribute a
   where sync_internal.is_writable_table(p_table)
     and a.attrelid = to_regclass('public.' || quote_ident(p_table))
     and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     and a.attname not in ('id', 'version', 'sync_xid', 'last_mutation_id', 'created_at', 'updated_at', 'deleted_at')
$$;
grant execute on function sync_internal.is_writable_table(text), sync_internal.writable_columns(text)
  to authenticated, service_role;

create or replace function public.apply_mutations(mutations jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  mutation jsonb;
  results jsonb := '[]'::jsonb;
  blocked text[] := '{}';
  writable jsonb := '{}'::jsonb;
  m_id uuid;
  m_table text;
  m_row uuid;
  m_op text;
  m_changes jsonb;
  m_base integer;
  m_previous uuid;
  row_key text;
  allowed text[];
  columns text[];
  column_list text;
  status text;
  err_code text;
  err_message text;
  current_version integer;
  new_version integer;
  affected integer;
  current_row jsonb;
begin
  if mutations is null or jsonb_typeof(mutations) <> 'array' then
    raise exception 'apply_mutations expects a JSON array of mutations.' using errcode = '22023';
  end if;
  if jsonb_array_length(mutations) > 1000 then
    raise exception 'At most 1000 mutations per call.' using errcode = '22023';
  end if;
  -- Take the company's write lock before any row lock, in the same order as every other
  -- writer of this company, so two batches queue instead of deadlocking on each other's rows.
  perform public.lock_company_writes();

  for mutation in select value from jsonb_array_elements(mutations)
  loop
    -- A malformed entry is a client bug: refuse the whole call (the client then sends its
    -- mutations one by one and quarantines the bad one).
    if jsonb_typeof(mutation) <> 'object' or jsonb_typeof(mutation -> 'mutation_id') <> 'string'
       or jsonb_typeof(mutation -> 'table') <> 'string' or jsonb_typeof(mutation -> 'row_id') <> 'string'
       or coalesce(mutation ->> 'operation', '') not in ('insert', 'update', 'delete')
       or coalesce(jsonb_typeof(mutation -> 'changes'), 'object') <> 'object' then
      raise exception 'Malformed mutation: %', left(mutation::text, 200) using errcode = '22023';
    end if;
    m_id := (mutation ->> 'mutation_id')::uuid;
    m_table := mutation ->> 'table';
    m_row := (mutation ->> 'row_id')::uuid;
    m_op := mutation ->> 'operation';
    m_changes := coalesce(mutation -> 'changes', '{}'::jsonb) - 'id';
    m_base := (mutation ->> 'base_version')::integer;
    m_previous := (mutation ->> 'previous_mutation_id')::uuid;
    row_key := m_table || ':' || m_row;
    err_code := null;
    err_message := null;

    if row_key = any (blocked) then
      results := results || jsonb_build_object('mutation_id', m_id, 'status', 'deferred');
      continue;
    end if;

    begin
      if not writable ? m_table then
        writable := writable || jsonb_build_object(m_table, to_jsonb(sync_internal.writable_columns(m_table)));
      end if;
      allowed := array(select jsonb_array_elements_text(writable -> m_table));
      if cardinality(allowed) = 0 then
        raise exception 'The table "%" cannot be changed through sync.', left(m_table, 63) using errcode = '42501';
      end if;
      columns := array(select jsonb_object_keys(m_changes));
      if not columns <@ allowed then
        raise exception 'Cannot write column(s) % of %.',
          array(select unnest(columns) except select unnest(allowed)), m_table using errcode = '42703';
      end if;
      column_list := (select string_agg(format('%I', c), ', ') from unnest(columns) c);

      if not sync_internal.claim_mutation(m_id, m_table, m_row, m_op) then
        status := 'duplicate';
      elsif m_op = 'insert' then
        execute format('insert into public.%I (id, last_mutation_id%s) select $1, $2%s from jsonb_populate_record(null::public.%I, $3) returning version',
                       m_table, coalesce(', ' || column_list, ''), coalesce(', ' || column_list, ''), m_table)
          into new_version using m_row, m_id, m_changes;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      elsif m_op = 'update' then
        execute format('select version from public.%I where id = $1 for update', m_table)
          into current_version using m_row;
        if current_version is null then
          raise exception '% % does not exist or you cannot see it.', m_table, m_row using errcode = 'P0002';
        end if;
        if (m_base is not null and current_version <> m_base or m_base is null and m_previous is not null)
           and not (m_previous is not null and sync_internal.produced_version(m_previous, current_version)) then
          -- Stale base: undo the ledger claim (the client merges and sends this id again).
          raise exception using errcode = 'FDCFL', message = 'conflict';
        end if;
        if column_list is null then
          execute format('update public.%I set last_mutation_id = $2 where id = $1 returning version', m_table)
            into new_version using m_row, m_id;
        else
          execute format('update public.%I set (last_mutation_id, %s) = (select $2, %s from jsonb_populate_record(null::public.%I, $3)) where id = $1 returning version',
                         m_table, column_list, column_list, m_table)
            into new_version using m_row, m_id, m_changes;
        end if;
        get diagnostics affected = row_count;
        if affected = 0 then
          raise exception 'You are not allowed to change this % row.', m_table using errcode = '42501';
        end if;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      else
        execute format('update public.%I set deleted_at = coalesce(deleted_at, now()), last_mutation_id = $2 where id = $1 returning version', m_table)
          into new_version using m_row, m_id;
        get diagnostics affected = row_count;
        if affected = 0 then
          raise exception '% % does not exist or you are not allowed to delete it.', m_table, m_row using errcode = 'P0002';
        end if;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      end if;
    exception
      when others then
        get stacked diagnostics err_code = returned_sqlstate, err_message = message_text;
        -- Transient failures are not the mutation's fault: fail the whole call so it is retried.
        if err_code like '40%' or err_code like '53%' or err_code like '08%' or err_code = '57014' then
          raise;
        end if;
        status := case when err_code = 'FDCFL' then 'conflict' else 'rejected' end;
        if status = 'conflict' then
          err_code := 'conflict';
          err_message := 'The row was changed by someone else.';
        end if;
    end;

    if status in ('conflict', 'rejected') then
      blocked := blocked || row_key;
    end if;
    current_row := null;
    if sync_internal.is_writable_table(m_table) then
      execute format('select to_jsonb(t) from public.%I t where t.id = $1', m_table) into current_row using m_row;
    end if;
    results := results || jsonb_build_object('mutation_id', m_id, 'status', status, 'code', err_code,
                                             'message', err_message, 'row', current_row);
  end loop;
  return results;
end
$$;

revoke execute on function public.apply_mutations(jsonb) from public, anon;
grant execute on function public.apply_mutations(jsonb) to authenticated, service_role;
