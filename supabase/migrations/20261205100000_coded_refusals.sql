-- Coded refusals: every refusal our own SQL raises carries a stable machine code and its facts, so
-- clients map codes, not English sentences (supabase/README.md, "Refusal codes"). The SQLSTATE
-- stays what it was (so HTTP statuses do not change) and the message stays an English sentence
-- (for logs); the DETAIL is a JSON object {"code": "<code>", ...facts}. RPC errors raised the
-- PostgREST way (SQLSTATE PGRST) keep their code and carry their facts as a JSON object string in
-- "details". apply_mutations answers a rejected mutation with that DETAIL object as "details".
-- The functions below are those of earlier migrations with only their refusals changed, except
-- where a comment says otherwise.

-- Raises one refusal: SQLSTATE, an English sentence, and {"code": code, ...facts} as the DETAIL.
create or replace function private.refuse(refusal_code text, sql_state text, sentence text, facts jsonb default '{}')
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = sql_state, message = sentence,
    detail = (coalesce(facts, '{}'::jsonb) || jsonb_build_object('code', refusal_code))::text;
end
$$;

-- Triggers that run as the caller (and apply_mutations) raise through private.refuse, so API roles
-- reach the schema — and no private function but refuse: until now the schema's USAGE was what kept
-- them out, from here on each function's EXECUTE does.
revoke execute on all functions in schema private from public;
alter default privileges in schema private revoke execute on functions from public;
grant usage on schema private to authenticated, service_role;
grant execute on function private.refuse(text, text, text, jsonb) to authenticated, service_role;

-- Amounts in facts: strings with two decimals, e.g. "80.00".
create or replace function private.money_text(amount numeric)
returns text
language sql immutable
set search_path = ''
as $$
  select to_char(round(amount, 2), 'FM999999999999990.00')
$$;

-- RPC errors gain facts ("details": a JSON object as a string, or null).
drop function private.raise_api_error(text, text, integer);
create function private.raise_api_error(code text, message text, http_status integer, facts jsonb default null)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise sqlstate 'PGRST' using
    message = json_build_object('code', code, 'message', message, 'details', facts::text, 'hint', null)::text,
    detail = json_build_object('status', http_status, 'headers', json_build_object())::text;
end
$$;

-- id_immutable. A row moving to another company is refused by private.authorize_row_write (next
-- migration), before any other trigger of the table runs.
create or replace function private.stamp_sync_columns()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := coalesce(new.created_at, now());
    new.updated_at := new.created_at;
  else
    if new.id is distinct from old.id then
      perform private.refuse('id_immutable', '23514', format('The id of a %s row cannot change.', tg_table_name),
                             jsonb_build_object('table', tg_table_name));
    end if;
    new.created_at := old.created_at;
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  new.sync_xid := pg_current_xact_id();
  return new;
end
$$;

-- A company that does not exist now takes no number; the row's foreign key to companies refuses it
-- (it used to raise its own uncoded error here).
create or replace function private.take_company_number(company uuid, counter text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  taken integer;
begin
  perform private.lock_company_chain(company);
  if counter = 'invoice' then
    update public.companies set invoice_next_number = invoice_next_number + 1
     where id = company returning invoice_next_number - 1 into taken;
  elsif counter = 'work_order' then
    update public.companies set work_order_next_number = work_order_next_number + 1
     where id = company returning work_order_next_number - 1 into taken;
  else
    raise exception 'Unknown counter %', counter;
  end if;
  return taken;
end
$$;

-- admin_only {field}
create or replace function private.guard_profile_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.role is distinct from old.role or new.active is distinct from old.active)
     and coalesce(public.current_app_role(), '') <> 'admin'
     and coalesce(auth.role(), '') <> 'service_role'
     and auth.uid() is not null then
    perform private.refuse('admin_only', '42501', 'Only an admin can change a person''s role or active flag.',
                           jsonb_build_object('field', case when new.role is distinct from old.role then 'role' else 'active' end));
  end if;
  return new;
end
$$;

-- transition_refused, job_cannot_become_quote, quote_not_accepted, technician_not_assignable
create or replace function private.check_work_order()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  reopen_allowed boolean := coalesce(public.current_app_role() in ('admin', 'supervisor'), false)
                            or coalesce(auth.role(), '') = 'service_role'
                            or auth.uid() is null;
  technician_role text;
begin
  if tg_op = 'INSERT' then
    if new.stage = 'quote' then
      new.quote_status := coalesce(new.quote_status, 'draft');
    else
      new.status := coalesce(new.status, 'unscheduled');
    end if;
    -- The database numbers work orders per company; a client-sent number is ignored.
    new.number := private.number_for_insert('public.work_orders', new.id, new.company_id, 'work_order');
  else
    -- Offline clients resend whole rows (number null before they learnt it): keep the number.
    new.number := old.number;
    if old.stage = 'job' and new.stage = 'quote' then
      perform private.refuse('job_cannot_become_quote', '23514', 'A job cannot turn back into a quote.');
    end if;
    if old.stage = 'quote' and new.stage = 'job' then
      if new.quote_status <> 'accepted' then
        perform private.refuse('quote_not_accepted', '23514',
          format('Only an accepted quote can become a job (this one is %s).', new.quote_status),
          jsonb_build_object('quote_status', new.quote_status));
      end if;
      new.status := coalesce(new.status, 'unscheduled');
    end if;
    if old.stage = 'job' and new.status is distinct from old.status
       and not private.job_transition_allowed(old.status, new.status, reopen_allowed) then
      if old.status in ('completed', 'canceled') and new.status in ('scheduled', 'dispatched', 'unscheduled') then
        perform private.refuse('transition_refused', '23514',
          format('Cannot move a job from %s to %s; a supervisor must reopen it.', old.status, new.status),
          jsonb_build_object('table', 'work_orders', 'field', 'status', 'from', old.status, 'to', new.status,
                             'reopen_required', true));
      end if;
      perform private.refuse('transition_refused', '23514',
        format('Cannot move a job from %s to %s.', old.status, coalesce(new.status, 'no status')),
        jsonb_build_object('table', 'work_orders', 'field', 'status', 'from', old.status, 'to', new.status,
                           'reopen_required', false));
    end if;
    if new.quote_status is distinct from old.quote_status
       and not private.quote_transition_allowed(old.quote_status, new.quote_status) then
      perform private.refuse('transition_refused', '23514',
        format('Cannot move a quote from %s to %s.', old.quote_status, coalesce(new.quote_status, 'no status')),
        jsonb_build_object('table', 'work_orders', 'field', 'quote_status', 'from', old.quote_status,
                           'to', new.quote_status, 'reopen_required', false));
    end if;
  end if;
  if new.technician_id is not null and (tg_op = 'INSERT' or new.technician_id is distinct from old.technician_id) then
    select p.role into technician_role from public.profiles p
     where p.id = new.technician_id and p.company_id = new.company_id and p.active;
    if technician_role is distinct from 'technician' then
      perform private.refuse('technician_not_assignable', '23514',
        'Work can only be assigned to an active technician of the same company.',
        jsonb_build_object('technician_id', new.technician_id));
    end if;
  end if;
  return new;
end
$$;

-- transition_refused for service requests
create or replace function private.check_service_request()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'open' and new.status in ('claimed', 'expired', 'withdrawn'))
    or (old.status = 'claimed' and new.status = 'converted')) then
    perform private.refuse('transition_refused', '23514',
      format('Cannot move a service request from %s to %s.', old.status, new.status),
      jsonb_build_object('table', 'service_requests', 'field', 'status', 'from', old.status, 'to', new.status,
                         'reopen_required', false));
  end if;
  return new;
end
$$;

-- lead_not_found {status} (no facts when there is no such request), already_claimed
-- {claimed_by_your_company}, not_eligible {reason: not_office_staff | outside_service_area | declined}
create or replace function private.refuse_unavailable_lead(request public.service_requests)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
begin
  if request.id is null then
    perform private.raise_api_error('lead_not_found', 'This lead does not exist.', 404);
  end if;
  if request.status in ('claimed', 'converted') then
    if request.company_id = company then
      perform private.raise_api_error('already_claimed', 'A colleague at your company already claimed this lead.', 409,
                                      jsonb_build_object('claimed_by_your_company', true));
    end if;
    perform private.raise_api_error('already_claimed', 'This lead was already claimed by another company.', 409,
                                    jsonb_build_object('claimed_by_your_company', false));
  end if;
  if request.status <> 'open' then
    perform private.raise_api_error('lead_not_found', 'This lead is no longer available (' || request.status || ').', 404,
                                    jsonb_build_object('status', request.status));
  end if;
  if company is null or not public.is_office_staff() then
    perform private.raise_api_error('not_eligible', 'Only office staff of a company can take leads.', 403,
                                    jsonb_build_object('reason', 'not_office_staff'));
  end if;
  if not exists (select 1 from public.companies c
                  where c.id = company and c.lead_opt_in
                    and request.trade = any (c.trades) and request.postal_code = any (c.service_postal_codes)) then
    perform private.raise_api_error('not_eligible',
      'Your company does not serve this lead''s trade and area, or has not opted in to leads.', 403,
      jsonb_build_object('reason', 'outside_service_area'));
  end if;
  if exists (select 1 from public.service_request_declines d
              where d.service_request_id = request.id and d.company_id = company) then
    perform private.raise_api_error('not_eligible', 'Your company declined this lead.', 403,
                                    jsonb_build_object('reason', 'declined'));
  end if;
end
$$;

-- invoice_void_final, invoice_issued_not_draft, overpayment (the invoice's total falls below what
-- was paid: amount = paid so far, balance_due = the new total)
create or replace function private.compute_invoice()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  terms integer;
begin
  if tg_op = 'INSERT' then
    new.number := private.number_for_insert('public.invoices', new.id, new.company_id, 'invoice');
  else
    new.number := old.number;
    if old.status = 'void' and new.status <> 'void' then
      perform private.refuse('invoice_void_final', '23514', 'A void invoice cannot be reopened.');
    end if;
    if old.status <> 'draft' and new.status = 'draft' then
      perform private.refuse('invoice_issued_not_draft', '23514', 'An issued invoice cannot go back to draft; void it instead.');
    end if;
  end if;
  select coalesce(sum(i.line_total), 0) into new.subtotal
    from public.invoice_items i where i.invoice_id = new.id and i.deleted_at is null;
  select coalesce(sum(p.amount), 0) into new.amount_paid
    from public.payments p where p.invoice_id = new.id and p.deleted_at is null;
  new.tax := round((new.subtotal - new.discount) * new.tax_rate / 100, 2);
  new.total := new.subtotal - new.discount + new.tax;
  if new.amount_paid > new.total then
    perform private.refuse('overpayment', '23514',
      format('Invoice %s would be overpaid: %s paid against a total of %s.',
             coalesce(new.number::text, 'draft'), new.amount_paid, new.total),
      jsonb_build_object('invoice_number', new.number, 'amount', private.money_text(new.amount_paid),
                         'balance_due', private.money_text(new.total)));
  end if;
  new.payment_status := case when new.amount_paid = 0 then 'unpaid'
                             when new.amount_paid < new.total then 'partial'
                             else 'paid' end;
  if new.status in ('issued', 'paid') then
    new.status := case when new.payment_status = 'paid' then 'paid' else 'issued' end;
    new.issue_date := coalesce(new.issue_date, current_date);
    if new.due_date is null then
      select c.payment_terms_days into terms from public.companies c where c.id = new.company_id;
      new.due_date := new.issue_date + terms;
    end if;
  end if;
  return new;
end
$$;

-- invoice_void_no_payments, overpayment. Also: the invoice is looked up (and locked) only within
-- the payment's company, so a payment naming another company's invoice no longer locks that
-- invoice before its foreign key refuses it.
create or replace function private.check_payment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  invoice public.invoices;
  paid_elsewhere numeric;
begin
  perform private.lock_company_chain(new.company_id);
  select * into invoice from public.invoices i
   where i.id = new.invoice_id and i.company_id = new.company_id for update;
  if not found then
    return new;  -- the foreign key reports it
  end if;
  if invoice.status = 'void' then
    perform private.refuse('invoice_void_no_payments', '23514',
      format('Invoice %s is void and cannot take payments.', coalesce(invoice.number::text, 'draft')),
      jsonb_build_object('invoice_number', invoice.number));
  end if;
  if new.deleted_at is null then
    select coalesce(sum(p.amount), 0) into paid_elsewhere from public.payments p
     where p.invoice_id = new.invoice_id and p.deleted_at is null and p.id <> new.id;
    if paid_elsewhere + new.amount > invoice.total then
      perform private.refuse('overpayment', '23514',
        format('A payment of %s exceeds the balance due of %s on invoice %s.',
               new.amount, invoice.total - paid_elsewhere, coalesce(invoice.number::text, 'draft')),
        jsonb_build_object('invoice_number', invoice.number, 'amount', private.money_text(new.amount),
                           'balance_due', private.money_text(invoice.total - paid_elsewhere)));
    end if;
  end if;
  return new;
end
$$;

-- not_staff {}
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
    perform private.refuse('not_staff', '42501', 'Only active staff of a company can sync changes.');
  end if;
  insert into public.sync_mutations (mutation_id, company_id, user_id, table_name, row_id, operation)
  values (p_mutation_id, company, auth.uid(), p_table, p_row_id, p_operation)
  on conflict (mutation_id) do nothing;
  return found;
end
$$;

create or replace function sync_internal.record_mutations(p_entries jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
  written integer;
begin
  if company is null then
    perform private.refuse('not_staff', '42501', 'Only active staff of a company can sync changes.');
  end if;
  insert into public.sync_mutations (mutation_id, company_id, user_id, table_name, row_id, operation, result_version)
  select e.mutation_id, company, auth.uid(), e.table_name, e.row_id, e.operation, e.result_version
    from jsonb_to_recordset(p_entries) as e(mutation_id uuid, table_name text, row_id uuid, operation text,
                                            result_version integer)
  on conflict (mutation_id) do nothing;
  get diagnostics written = row_count;
  return written;
end
$$;

-- The one-by-one path: table_not_syncable, columns_not_writable, row_not_found, not_allowed; and a
-- rejected answer gains "details": the refusal's DETAIL object (null when the refusal was not one of
-- ours, e.g. a check constraint or row security). Only this path answers "rejected" (the set-based
-- one hands any refused batch to it), so the two still answer alike.
create or replace function sync_internal.apply_mutations_one_by_one(mutations jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  mutation jsonb;
  results jsonb[] := '{}';
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
  err_detail text;
  err_details jsonb;
  current_version integer;
  new_version integer;
  affected integer;
  current_row jsonb;
begin
  for mutation in select value from jsonb_array_elements(mutations)
  loop
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
    err_details := null;

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
        perform private.refuse('table_not_syncable', '42501',
          format('The table "%s" cannot be changed through sync.', left(m_table, 63)),
          jsonb_build_object('table', left(m_table, 63)));
      end if;
      columns := array(select jsonb_object_keys(m_changes));
      if not columns <@ allowed then
        perform private.refuse('columns_not_writable', '42703',
          format('Cannot write column(s) %s of %s.',
                 array(select unnest(columns) except select unnest(allowed) order by 1), m_table),
          jsonb_build_object('table', m_table, 'columns',
                             to_jsonb(array(select unnest(columns) except select unnest(allowed) order by 1))));
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
          perform private.refuse('row_not_found', 'P0002',
            format('%s %s does not exist or you cannot see it.', m_table, m_row),
            jsonb_build_object('table', m_table, 'id', m_row));
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
          perform private.refuse('not_allowed', '42501', format('You are not allowed to change this %s row.', m_table),
                                 jsonb_build_object('table', m_table));
        end if;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      else
        execute format('update public.%I set deleted_at = coalesce(deleted_at, now()), last_mutation_id = $2 where id = $1 returning version', m_table)
          into new_version using m_row, m_id;
        get diagnostics affected = row_count;
        if affected = 0 then
          perform private.refuse('row_not_found', 'P0002',
            format('%s %s does not exist or you are not allowed to delete it.', m_table, m_row),
            jsonb_build_object('table', m_table, 'id', m_row));
        end if;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      end if;
    exception
      when others then
        get stacked diagnostics err_code = returned_sqlstate, err_message = message_text, err_detail = pg_exception_detail;
        -- Transient failures are not the mutation's fault: fail the whole call so it is retried.
        if err_code like '40%' or err_code like '53%' or err_code like '08%' or err_code = '57014' then
          raise;
        end if;
        status := case when err_code = 'FDCFL' then 'conflict' else 'rejected' end;
        if status = 'conflict' then
          err_code := 'conflict';
          err_message := 'The row was changed by someone else.';
        else
          err_details := sync_internal.refusal_details(err_detail);
        end if;
    end;

    if status in ('conflict', 'rejected') then
      blocked := blocked || row_key;
    end if;
    current_row := null;
    if sync_internal.is_writable_table(m_table) then
      execute format('select to_jsonb(t) from public.%I t where t.id = $1', m_table) into current_row using m_row;
    end if;
    results := results || (jsonb_build_object('mutation_id', m_id, 'status', status, 'code', err_code,
                                              'message', err_message, 'row', current_row)
                           || case when status = 'rejected' then jsonb_build_object('details', err_details) else '{}' end);
  end loop;
  return to_jsonb(results);
end
$$;

-- A refusal's DETAIL as the facts object, when it is one of ours ({"code": ..., ...}); else null
-- (PostgreSQL's own details, e.g. "Failing row contains ...", are not JSON).
create or replace function sync_internal.refusal_details(detail text)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  parsed jsonb;
begin
  if detail is null or left(detail, 1) <> '{' then
    return null;
  end if;
  begin
    parsed := detail::jsonb;
  exception
    when others then
      return null;
  end;
  return case when jsonb_typeof(parsed) = 'object' and parsed ? 'code' then parsed end;
end
$$;
revoke execute on function sync_internal.refusal_details(text) from public, anon;
grant execute on function sync_internal.refusal_details(text) to authenticated, service_role;

-- malformed_mutation {}
create or replace function public.apply_mutations(mutations jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  malformed jsonb;
  answer jsonb;
  err_code text;
begin
  if mutations is null or jsonb_typeof(mutations) <> 'array' then
    perform private.refuse('malformed_mutation', '22023', 'apply_mutations expects a JSON array of mutations.');
  end if;
  if jsonb_array_length(mutations) > 1000 then
    perform private.refuse('malformed_mutation', '22023', 'At most 1000 mutations per call.');
  end if;
  -- A malformed entry is a client bug: refuse the whole call (the client then sends its
  -- mutations one by one and quarantines the bad one).
  select m into malformed from jsonb_array_elements(mutations) as e(m)
   where jsonb_typeof(m) <> 'object' or jsonb_typeof(m -> 'mutation_id') <> 'string'
      or jsonb_typeof(m -> 'table') <> 'string' or jsonb_typeof(m -> 'row_id') <> 'string'
      or coalesce(m ->> 'operation', '') not in ('insert', 'update', 'delete')
      or coalesce(jsonb_typeof(m -> 'changes'), 'object') <> 'object'
   limit 1;
  if found then
    perform private.refuse('malformed_mutation', '22023', format('Malformed mutation: %s', left(malformed::text, 200)));
  end if;
  -- Take the company's write lock before any row lock, in the same order as every other
  -- writer of this company, so two batches queue instead of deadlocking on each other's rows.
  perform public.lock_company_writes();

  -- A single mutation gains nothing from the set-based path (which has more statements to run).
  if jsonb_array_length(mutations) = 1 then
    return sync_internal.apply_mutations_one_by_one(mutations);
  end if;
  begin
    answer := sync_internal.apply_mutations_set_based(mutations);
  exception
    when others then
      get stacked diagnostics err_code = returned_sqlstate;
      -- Transient failures are not the batch's fault: fail the whole call so it is retried.
      if err_code like '40%' or err_code like '53%' or err_code like '08%' or err_code = '57014' then
        raise;
      end if;
      answer := null;
  end;
  return coalesce(answer, sync_internal.apply_mutations_one_by_one(mutations));
end
$$;
