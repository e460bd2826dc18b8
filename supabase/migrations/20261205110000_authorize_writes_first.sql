-- Two rules every write of an API caller meets before any other trigger of the table runs:
--
-- 1. Its company first. Row security refuses a row of another company only after the table's
--    BEFORE triggers, and some of those take locks: numbering (work_orders, invoices) takes the
--    row's company chain lock and its counter row, payments lock the chain and the invoice. So an
--    insert naming another company's company_id queued for that company's locks (behind its running
--    writers, ahead of its next ones) and took them before it was refused. Now such an insert is
--    refused (not_allowed, 42501 like row security) by
--    private.authorize_row_write, which PostgreSQL fires first because triggers of one kind fire in
--    name order and "authorize_row_write" sorts before every other BEFORE row trigger here (check_*,
--    compute_*, guard_*, inherit_*, stamp_*). apply_mutations writes as its caller, so its inserts
--    meet the same trigger. Rows never move to another company (company_immutable, for every
--    caller; stamp_sync_columns used to check that after the other triggers).
--
-- 2. Soft delete only on synced tables. A DELETE reaches Realtime subscribers as the primary key of
--    the row, whatever row security says, so API roles lose DELETE on every table the offline cache
--    syncs: a delete is a tombstone (deleted_at set, an UPDATE that row security filters), as the
--    sync's delete operation already writes it. Only who could delete a table's rows before (the
--    delete policies dropped below, supabase/README.md) may set or clear deleted_at
--    (delete_not_allowed otherwise).

create or replace function private.authorize_row_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  -- tg_argv[0]: who may set deleted_at — 'managers', 'office' or 'nobody'.
  deleter text := tg_argv[0];
  has_company boolean := tg_table_name <> 'companies';   -- a company's own row has no company_id
  caller_company uuid;
begin
  -- (Nested ifs: an expression naming company_id must not even be evaluated for companies.)
  if has_company and tg_op = 'UPDATE' then
    if old.company_id is not null and new.company_id is distinct from old.company_id then
      perform private.refuse('company_immutable', '23514', format('A %s row cannot move to another company.', tg_table_name),
                             jsonb_build_object('table', tg_table_name));
    end if;
  end if;
  -- The rest concerns the API caller's own statements, not the service role, the owner or a
  -- security-definer function writing on its behalf.
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  if has_company and tg_op = 'INSERT' then
    caller_company := public.current_company_id();
    -- A portal customer (no company) writes only messages into their own threads, which take the
    -- thread's company (private.inherit_thread_company); row security judges those.
    if new.company_id is distinct from caller_company
       and not (caller_company is null and tg_table_name = 'customer_messages') then
      perform private.refuse('not_allowed', '42501', format('You are not allowed to add this %s row.', tg_table_name),
                             jsonb_build_object('table', tg_table_name));
    end if;
  end if;
  if new.deleted_at is distinct from (case when tg_op = 'UPDATE' then old.deleted_at end)
     and not (case deleter when 'managers' then public.is_manager()
                           when 'office' then public.is_office_staff()
                           else false end) then
    perform private.refuse('delete_not_allowed', '42501', format('You are not allowed to delete this %s row.', tg_table_name),
                           jsonb_build_object('table', tg_table_name));
  end if;
  return new;
end
$$;

-- Attaches the rules to a table: delete_by names who may set deleted_at ('managers', 'office'),
-- null for nobody. For a new table: after private.add_company_policies (with no delete audience).
create or replace function private.add_write_authorization(target regclass, delete_by text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if delete_by is not null and delete_by not in ('managers', 'office') then
    raise exception 'Unknown deleter % for %', delete_by, target;
  end if;
  execute format('create or replace trigger authorize_row_write before insert or update on %s for each row '
                 'execute function private.authorize_row_write(%L)', target, coalesce(delete_by, 'nobody'));
end
$$;

-- A synced table keeps its rows: no API role may DELETE (or TRUNCATE) them, so there is no delete policy either.
create or replace function private.make_soft_delete_only(target regclass)
returns void
language plpgsql
set search_path = ''
as $$
declare
  policy_name name;
begin
  execute format('revoke delete, truncate on %s from anon, authenticated, service_role', target);
  for policy_name in select p.polname from pg_catalog.pg_policy p where p.polrelid = target and p.polcmd = 'd' loop
    execute format('drop policy %I on %s', policy_name, target);
  end loop;
end
$$;

-- Every company table an API role writes (audit_log and the sync ledger are written only by the
-- database's own functions).
select private.add_write_authorization('public.companies', null);
select private.add_write_authorization('public.profiles', null);
select private.add_write_authorization('public.customer_portal_accounts', null);
select private.add_write_authorization('public.customers', 'managers');
select private.add_write_authorization('public.customer_addresses', 'managers');
select private.add_write_authorization('public.service_requests', null);
select private.add_write_authorization('public.service_request_declines', null);
select private.add_write_authorization('public.work_orders', 'managers');
select private.add_write_authorization('public.work_order_status_history', null);
select private.add_write_authorization('public.customer_threads', 'managers');
select private.add_write_authorization('public.customer_messages', 'managers');
select private.add_write_authorization('public.internal_threads', 'managers');
select private.add_write_authorization('public.internal_messages', 'managers');
select private.add_write_authorization('public.invoices', null);
select private.add_write_authorization('public.invoice_items', 'office');
select private.add_write_authorization('public.payments', 'managers');

-- The offline cache's synced tables (offline-cache .../store/migrations, synced_tables).
select private.make_soft_delete_only(t)
  from unnest(array['public.companies', 'public.profiles', 'public.customers', 'public.customer_addresses',
                    'public.lead_pool', 'public.service_requests', 'public.work_orders',
                    'public.work_order_status_history', 'public.customer_threads', 'public.customer_messages',
                    'public.internal_threads', 'public.internal_messages', 'public.invoices',
                    'public.invoice_items', 'public.payments']::regclass[]) as t;
