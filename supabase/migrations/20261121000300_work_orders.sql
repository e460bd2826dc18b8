-- Work orders (quotes and jobs), their transition rules and status history.

create table public.work_orders (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  stage text not null default 'job',
  number integer,
  title text not null,
  description text,
  total numeric(12, 2) not null default 0,
  quote_status text,
  status text,
  customer_id uuid not null,
  customer_address_id uuid,
  service_request_id uuid,
  scheduled_start timestamptz,
  scheduled_end timestamptz,
  technician_id uuid,
  priority text not null default 'normal',
  constraint work_order_customer_in_same_company
    foreign key (customer_id, company_id) references public.customers (id, company_id),
  -- The address belongs to the work order's customer, hence to its company: one foreign key,
  -- so PostgREST sees a single relationship to customer_addresses.
  constraint work_order_address_of_its_customer
    foreign key (customer_address_id, customer_id) references public.customer_addresses (id, customer_id),
  constraint work_order_technician_in_same_company
    foreign key (technician_id, company_id) references public.profiles (id, company_id),
  constraint work_order_stage_is_quote_or_job check (stage in ('quote', 'job')),
  constraint work_order_status_is_valid
    check (status in ('unscheduled', 'scheduled', 'dispatched', 'en_route', 'on_site', 'completed', 'canceled')),
  constraint work_order_quote_status_is_valid
    check (quote_status in ('draft', 'sent', 'accepted', 'declined', 'expired')),
  constraint work_order_priority_is_valid check (priority in ('low', 'normal', 'high', 'emergency')),
  constraint work_order_quote_needs_quote_status check (stage <> 'quote' or quote_status is not null),
  constraint work_order_job_needs_status check (stage <> 'job' or status is not null),
  constraint work_order_title_required check (char_length(btrim(title)) between 1 and 200),
  constraint work_order_description_at_most_5000_chars check (char_length(description) <= 5000),
  constraint work_order_total_not_negative check (total >= 0),
  constraint work_order_window_ends_after_start check (scheduled_end > scheduled_start),
  constraint work_order_scheduled_job_needs_window
    check (status is null or status not in ('scheduled', 'dispatched', 'en_route', 'on_site')
           or (scheduled_start is not null and scheduled_end is not null)),
  constraint work_order_dispatched_job_needs_technician
    check (status is null or status not in ('dispatched', 'en_route', 'on_site') or technician_id is not null),
  constraint work_orders_number_unique unique (company_id, number),
  constraint work_orders_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.work_orders');
create index work_orders_company_status_idx on public.work_orders (company_id, status);
create index work_orders_customer_idx on public.work_orders (customer_id);
create index work_orders_technician_start_idx on public.work_orders (technician_id, scheduled_start);

-- Is this a move the caller may make? Job status moves follow the dispatch flow; completed
-- and canceled jobs only come back through a supervisor's or admin's "reopen".
create or replace function private.job_transition_allowed(from_status text, to_status text, reopen_allowed boolean)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case from_status
    when 'unscheduled' then to_status in ('scheduled', 'canceled')
    when 'scheduled'   then to_status in ('unscheduled', 'dispatched', 'canceled')
    when 'dispatched'  then to_status in ('unscheduled', 'scheduled', 'en_route', 'canceled')
    when 'en_route'    then to_status in ('dispatched', 'on_site', 'canceled')
    when 'on_site'     then to_status in ('en_route', 'completed', 'canceled')
    when 'completed'   then reopen_allowed and to_status in ('scheduled', 'dispatched')
    when 'canceled'    then reopen_allowed and to_status in ('unscheduled')
    else false
  end
$$;

create or replace function private.quote_transition_allowed(from_status text, to_status text)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case from_status
    when 'draft'    then to_status in ('sent', 'declined')
    when 'sent'     then to_status in ('draft', 'accepted', 'declined', 'expired')
    when 'declined' then to_status in ('draft')
    when 'expired'  then to_status in ('draft')
    else false
  end
$$;

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
      raise exception 'A job cannot turn back into a quote.' using errcode = '23514';
    end if;
    if old.stage = 'quote' and new.stage = 'job' then
      if new.quote_status <> 'accepted' then
        raise exception 'Only an accepted quote can become a job (this one is %).', new.quote_status using errcode = '23514';
      end if;
      new.status := coalesce(new.status, 'unscheduled');
    end if;
    if old.stage = 'job' and new.status is distinct from old.status
       and not private.job_transition_allowed(old.status, new.status, reopen_allowed) then
      if old.status in ('completed', 'canceled') and new.status in ('scheduled', 'dispatched', 'unscheduled') then
        raise exception 'Cannot move a job from % to %; a supervisor must reopen it.', old.status, new.status
          using errcode = '23514';
      end if;
      raise exception 'Cannot move a job from % to %.', old.status, coalesce(new.status, 'no status') using errcode = '23514';
    end if;
    if new.quote_status is distinct from old.quote_status
       and not private.quote_transition_allowed(old.quote_status, new.quote_status) then
      raise exception 'Cannot move a quote from % to %.', old.quote_status, coalesce(new.quote_status, 'no status')
        using errcode = '23514';
    end if;
  end if;
  if new.technician_id is not null and (tg_op = 'INSERT' or new.technician_id is distinct from old.technician_id) then
    select p.role into technician_role from public.profiles p
     where p.id = new.technician_id and p.company_id = new.company_id and p.active;
    if technician_role is distinct from 'technician' then
      raise exception 'Work can only be assigned to an active technician of the same company.' using errcode = '23514';
    end if;
  end if;
  return new;
end
$$;
create trigger check_work_order before insert or update on public.work_orders
  for each row execute function private.check_work_order();

create table public.work_order_status_history (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id),
  work_order_id uuid not null,
  status_field text not null,
  from_status text,
  to_status text not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  constraint status_history_work_order_in_same_company
    foreign key (work_order_id, company_id) references public.work_orders (id, company_id) on delete cascade,
  constraint status_history_field_is_valid check (status_field in ('status', 'quote_status', 'stage'))
);
select private.add_sync_support('public.work_order_status_history');
create index work_order_status_history_work_order_idx on public.work_order_status_history (work_order_id, changed_at);

create or replace function private.record_work_order_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.stage is distinct from old.stage then
    insert into public.work_order_status_history (company_id, work_order_id, status_field, from_status, to_status, changed_by)
    values (new.company_id, new.id, 'stage', case when tg_op = 'UPDATE' then old.stage end, new.stage, auth.uid());
  end if;
  if new.status is not null and (tg_op = 'INSERT' or new.status is distinct from old.status) then
    insert into public.work_order_status_history (company_id, work_order_id, status_field, from_status, to_status, changed_by)
    values (new.company_id, new.id, 'status', case when tg_op = 'UPDATE' then old.status end, new.status, auth.uid());
  end if;
  if new.quote_status is not null and (tg_op = 'INSERT' or new.quote_status is distinct from old.quote_status) then
    insert into public.work_order_status_history (company_id, work_order_id, status_field, from_status, to_status, changed_by)
    values (new.company_id, new.id, 'quote_status', case when tg_op = 'UPDATE' then old.quote_status end,
            new.quote_status, auth.uid());
  end if;
  return null;
end
$$;
create trigger record_work_order_status after insert or update on public.work_orders
  for each row execute function private.record_work_order_status();

-- Desk staff manage work orders; a technician may also update the jobs assigned to them.
select private.add_company_policies('public.work_orders', 'staff', 'office', 'office', 'managers');
create policy work_orders_update_assigned_technician on public.work_orders for update to authenticated
  using (company_id = (select public.current_company_id()) and technician_id = (select auth.uid()))
  with check (company_id = (select public.current_company_id()));
select private.add_company_policies('public.work_order_status_history', 'staff', null, null, null);

select private.add_audit('public.work_orders');
