-- The audit log: written only by the database (triggers and security-definer functions),
-- readable by supervisors and admins of the company, chained per company by SHA-256 so that a
-- row changed or removed behind the database's back is detectable.

create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id),
  seq bigint not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_role text not null,
  action text not null,
  table_name text,
  row_id uuid,
  old_values jsonb,
  new_values jsonb,
  prev_hash text,
  hash text not null,
  constraint audit_log_action_is_valid
    check (action in ('insert', 'update', 'delete', 'claim', 'decline', 'sign_in', 'sign_out', 'export', 'print')),
  constraint audit_log_seq_unique_per_company unique (company_id, seq)
);
select private.add_sync_support('public.audit_log');
create index audit_log_company_occurred_idx on public.audit_log (company_id, occurred_at desc);

-- The text a row's hash covers: every audited field in a fixed order, timestamps in UTC so
-- the session's TimeZone cannot change it.
create or replace function private.audit_hash(entry public.audit_log)
returns text
language sql immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(coalesce(entry.prev_hash, '') || E'\n' || json_build_array(
    entry.id, entry.company_id, entry.seq,
    to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    entry.actor_id, entry.actor_role, entry.action, entry.table_name, entry.row_id,
    entry.old_values, entry.new_values)::text, 'UTF8')), 'hex')
$$;

-- Appends one entry to the company's chain. The advisory lock serializes writers of one
-- company until commit, so each entry sees its predecessor.
create or replace function private.write_audit(
  company uuid, action text, table_name text, row_id uuid, old_values jsonb, new_values jsonb)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  entry public.audit_log;
  previous record;
begin
  perform private.lock_company_chain(company);
  select a.seq, a.hash into previous from public.audit_log a
   where a.company_id = company order by a.seq desc limit 1;
  entry.id := gen_random_uuid();
  entry.company_id := company;
  entry.seq := coalesce(previous.seq, 0) + 1;
  entry.occurred_at := clock_timestamp();
  entry.actor_id := auth.uid();
  entry.actor_role := coalesce(public.current_app_role(),
                               case when cardinality(public.current_portal_customer_ids()) > 0 then 'customer' end,
                               nullif(auth.role(), ''), 'system');
  entry.action := action;
  entry.table_name := table_name;
  entry.row_id := row_id;
  entry.old_values := old_values;
  entry.new_values := new_values;
  entry.prev_hash := previous.hash;
  entry.hash := private.audit_hash(entry);
  insert into public.audit_log (id, company_id, seq, occurred_at, actor_id, actor_role, action, table_name, row_id,
                                old_values, new_values, prev_hash, hash)
  values (entry.id, entry.company_id, entry.seq, entry.occurred_at, entry.actor_id, entry.actor_role, entry.action,
          entry.table_name, entry.row_id, entry.old_values, entry.new_values, entry.prev_hash, entry.hash);
  return entry.id;
end
$$;

-- Row trigger: logs inserts and deletes with the whole row, updates with the changed columns
-- only (old and new). Trigger arguments name extra columns to leave out (e.g. message bodies,
-- counters). A row entering a company (a claim) is logged by the claim itself.
create or replace function private.audit_row_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ignored text[] := array['updated_at', 'version', 'sync_xid', 'last_mutation_id']::text[] || tg_argv;
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  company uuid;
  old_values jsonb;
  new_values jsonb;
begin
  if tg_table_name = 'companies' then
    company := coalesce(new_row ->> 'id', old_row ->> 'id')::uuid;
  else
    company := coalesce(new_row ->> 'company_id', old_row ->> 'company_id')::uuid;
  end if;
  if company is null or (tg_op = 'UPDATE' and tg_table_name <> 'companies' and old_row ->> 'company_id' is null) then
    return null;
  end if;
  old_values := old_row - ignored;
  new_values := new_row - ignored;
  if tg_op = 'UPDATE' then
    select jsonb_object_agg(o.key, o.value) into old_values
      from jsonb_each(old_row - ignored) o where o.value is distinct from (new_row -> o.key);
    if old_values is null then
      return null;
    end if;
    select jsonb_object_agg(n.key, n.value) into new_values
      from jsonb_each(new_row - ignored) n where n.value is distinct from (old_row -> n.key);
  end if;
  perform private.write_audit(company, lower(tg_op), tg_table_name,
                              coalesce(new_row ->> 'id', old_row ->> 'id')::uuid, old_values, new_values);
  return null;
end
$$;

-- Before a staff member's statement touches any row: the company's chain lock (see
-- private.lock_company_chain).
create or replace function private.lock_caller_company_chain()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
begin
  if company is not null then
    perform private.lock_company_chain(company);
  end if;
  return null;
end
$$;

-- Attaches the audit trigger to a table (extra arguments: columns not to record).
create or replace function private.add_audit(target regclass, ignored_columns text[] default '{}')
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('create trigger audit_row_change after insert or update or delete on %s for each row '
                 'execute function private.audit_row_change(%s)',
                 target, coalesce((select string_agg(quote_literal(c), ', ') from unnest(ignored_columns) c), ''));
  execute format('create trigger lock_caller_company_chain before insert or update or delete on %s '
                 'for each statement execute function private.lock_caller_company_chain()', target);
end
$$;

select private.add_audit('public.companies', array['invoice_next_number', 'work_order_next_number']);
select private.add_audit('public.profiles');

-- Sign-ins, sign-outs, exports and prints reported by the console; actor and company come
-- from the caller's JWT, never from the arguments.
create or replace function public.log_audit_event(action text, details jsonb default '{}')
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
begin
  if company is null then
    perform private.raise_api_error('not_staff', 'Only staff of a company can record audit events.', 403);
  end if;
  if action is null or action not in ('sign_in', 'sign_out', 'export', 'print') then
    perform private.raise_api_error('invalid_audit_action', 'The action must be sign_in, sign_out, export or print.', 400);
  end if;
  if details is not null and (jsonb_typeof(details) <> 'object' or octet_length(details::text) > 4000) then
    perform private.raise_api_error('invalid_audit_details', 'Details must be a JSON object of at most 4000 bytes.', 400);
  end if;
  return private.write_audit(company, action, null, null, null, coalesce(details, '{}'));
end
$$;

-- Walks a company's chain in order; answers {"ok":true,"checked":n} or the first broken link
-- {"ok":false,"seq":..,"id":..,"reason":..}.
create or replace function public.verify_audit_chain(company_id uuid)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  entry public.audit_log;
  expected_seq bigint := 0;
  previous_hash text;
  broken_reason text;
begin
  if auth.uid() is not null and not (public.is_manager() and public.current_company_id() = verify_audit_chain.company_id) then
    perform private.raise_api_error('not_authorized', 'Only supervisors and admins of the company can verify its audit log.', 403);
  end if;
  for entry in select * from public.audit_log a where a.company_id = verify_audit_chain.company_id order by a.seq loop
    expected_seq := expected_seq + 1;
    broken_reason := case
      when entry.seq <> expected_seq then 'An entry before this one is missing.'
      when entry.prev_hash is distinct from previous_hash then 'This entry does not point to the entry before it.'
      when entry.hash is distinct from private.audit_hash(entry) then 'This entry was changed after it was written.'
    end;
    if broken_reason is not null then
      return json_build_object('ok', false, 'seq', entry.seq, 'id', entry.id, 'reason', broken_reason);
    end if;
    previous_hash := entry.hash;
  end loop;
  return json_build_object('ok', true, 'checked', expected_seq);
end
$$;

revoke execute on function public.log_audit_event(text, jsonb), public.verify_audit_chain(uuid) from public, anon;
grant execute on function public.log_audit_event(text, jsonb), public.verify_audit_chain(uuid) to authenticated, service_role;

select private.add_company_policies('public.audit_log', 'managers', null, null, null);
-- Not even the service role writes the log; only the database's own functions do.
revoke insert, update, delete, truncate on public.audit_log from service_role;
