-- The marketplace lead flow: service requests belong to no company until claimed; the lead
-- pool (a table kept by triggers, without contact fields) broadcasts open requests to every
-- eligible company; claim and decline are the only ways a company touches an unclaimed request.

create table public.service_requests (
  id uuid primary key default gen_random_uuid(),
  company_id uuid references public.companies (id),
  status text not null default 'open',
  source text not null default 'portal',
  trade text not null,
  description text not null,
  emergency boolean not null default false,
  postal_code text not null,
  city text,
  preferred_start timestamptz,
  preferred_end timestamptz,
  posted_at timestamptz not null default now(),
  customer_name text not null,
  customer_phone text,
  customer_email text,
  street_address text not null,
  claimed_at timestamptz,
  claimed_by uuid references auth.users (id),
  customer_id uuid,
  work_order_id uuid,
  constraint service_request_status_is_valid
    check (status in ('open', 'claimed', 'converted', 'expired', 'withdrawn')),
  constraint service_request_source_is_valid check (source in ('portal', 'phone', 'partner', 'web')),
  constraint service_request_trade_is_valid check (trade in ('hvac', 'plumbing', 'electrical')),
  constraint service_request_description_required check (char_length(btrim(description)) between 1 and 2000),
  constraint service_request_postal_code_required check (char_length(btrim(postal_code)) between 1 and 12),
  constraint service_request_city_at_most_100_chars check (char_length(city) <= 100),
  constraint service_request_window_ends_after_start check (preferred_end > preferred_start),
  constraint service_request_customer_name_required check (char_length(btrim(customer_name)) between 1 and 200),
  constraint service_request_customer_phone_at_most_40_chars check (char_length(customer_phone) <= 40),
  constraint service_request_customer_email_at_most_320_chars check (char_length(customer_email) <= 320),
  constraint service_request_street_address_required check (char_length(btrim(street_address)) between 1 and 300),
  constraint service_request_company_set_exactly_when_claimed
    check ((status in ('claimed', 'converted')) = (company_id is not null)),
  constraint service_request_customer_in_same_company
    foreign key (customer_id, company_id) references public.customers (id, company_id),
  constraint service_request_work_order_in_same_company
    foreign key (work_order_id, company_id) references public.work_orders (id, company_id),
  constraint service_requests_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.service_requests');
create index service_requests_open_idx on public.service_requests (trade, postal_code) where status = 'open';
create index service_requests_company_idx on public.service_requests (company_id);

alter table public.work_orders
  add constraint work_order_service_request_in_same_company
  foreign key (service_request_id, company_id) references public.service_requests (id, company_id);

create table public.service_request_declines (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references public.companies (id),
  service_request_id uuid not null references public.service_requests (id) on delete cascade,
  declined_by uuid references auth.users (id),
  reason text not null,
  note text,
  constraint service_request_decline_reason_is_valid
    check (reason in ('too_far', 'fully_booked', 'outside_expertise', 'not_worth_it', 'suspected_spam', 'other')),
  constraint service_request_decline_note_at_most_500_chars check (char_length(note) <= 500),
  constraint service_request_declines_once_per_company unique (service_request_id, company_id)
);
select private.add_sync_support('public.service_request_declines');
create index service_request_declines_company_idx on public.service_request_declines (company_id);

-- One row per service request, same id, never a contact field. Open rows are live leads;
-- when the request leaves 'open' the row becomes a tombstone (deleted_at set, description
-- blanked) so realtime UPDATEs and sync pulls tell every other company the lead is gone.
create table public.lead_pool (
  id uuid primary key references public.service_requests (id) on delete cascade,
  status text not null,
  trade text not null,
  description text not null,
  emergency boolean not null,
  postal_code text not null,
  city text,
  preferred_start timestamptz,
  preferred_end timestamptz,
  posted_at timestamptz not null
);
select private.add_sync_support('public.lead_pool');
create index lead_pool_trade_postal_idx on public.lead_pool (trade, postal_code);

create or replace function private.mirror_service_request_to_pool()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  is_open boolean := new.status = 'open';
begin
  insert into public.lead_pool as pool
    (id, status, trade, description, emergency, postal_code, city, preferred_start, preferred_end, posted_at, deleted_at)
  values
    (new.id, new.status, new.trade, case when is_open then new.description else '' end, new.emergency,
     new.postal_code, new.city, new.preferred_start, new.preferred_end, new.posted_at,
     case when is_open then null else now() end)
  on conflict (id) do update set
    status = excluded.status, trade = excluded.trade, description = excluded.description,
    emergency = excluded.emergency, postal_code = excluded.postal_code, city = excluded.city,
    preferred_start = excluded.preferred_start, preferred_end = excluded.preferred_end,
    posted_at = excluded.posted_at,
    deleted_at = case when is_open then null else coalesce(pool.deleted_at, now()) end
  where (pool.status, pool.trade, pool.description, pool.emergency, pool.postal_code, pool.city,
         pool.preferred_start, pool.preferred_end, pool.posted_at)
        is distinct from
        (excluded.status, excluded.trade, excluded.description, excluded.emergency, excluded.postal_code,
         excluded.city, excluded.preferred_start, excluded.preferred_end, excluded.posted_at);
  return null;
end
$$;
create trigger mirror_service_request_to_pool after insert or update on public.service_requests
  for each row execute function private.mirror_service_request_to_pool();

-- A request leaves 'open' only forward; becoming claimed happens only in claim_service_request.
create or replace function private.check_service_request()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'open' and new.status in ('claimed', 'expired', 'withdrawn'))
    or (old.status = 'claimed' and new.status = 'converted')) then
    raise exception 'Cannot move a service request from % to %.', old.status, new.status using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger check_service_request before update on public.service_requests
  for each row execute function private.check_service_request();

-- Lead preferences of the caller's company, for the pool's policy (null if not opted in).
create or replace function public.current_lead_trades()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select c.trades from public.companies c where c.id = public.current_company_id() and c.lead_opt_in
$$;

create or replace function public.current_lead_postal_codes()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select c.service_postal_codes from public.companies c where c.id = public.current_company_id() and c.lead_opt_in
$$;
revoke execute on function public.current_lead_trades(), public.current_lead_postal_codes() from public, anon;
grant execute on function public.current_lead_trades(), public.current_lead_postal_codes() to authenticated, service_role;

-- Pool rows (live and tombstones) reach staff of companies that opted in, serve the trade
-- and postal code, and have not declined the lead.
create policy lead_pool_select_eligible on public.lead_pool for select to authenticated
  using (trade = any ((select public.current_lead_trades())::text[])
         and postal_code = any ((select public.current_lead_postal_codes())::text[])
         and not exists (select 1 from public.service_request_declines d
                          where d.service_request_id = lead_pool.id
                            and d.company_id = (select public.current_company_id())));
grant select on public.lead_pool to authenticated;

-- A claimed request, with its contact fields, is visible only to the claiming company.
select private.add_company_policies('public.service_requests', 'staff', null, 'office', null);
-- Declines are written only by decline_service_request.
select private.add_company_policies('public.service_request_declines', 'staff', null, null, null);

-- Raises the documented API error unless the caller's company may act on this request now:
-- lead_not_found (missing, expired, withdrawn), already_claimed, not_eligible.
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
      perform private.raise_api_error('already_claimed', 'A colleague at your company already claimed this lead.', 409);
    end if;
    perform private.raise_api_error('already_claimed', 'This lead was already claimed by another company.', 409);
  end if;
  if request.status <> 'open' then
    perform private.raise_api_error('lead_not_found', 'This lead is no longer available (' || request.status || ').', 404);
  end if;
  if company is null or not public.is_office_staff() then
    perform private.raise_api_error('not_eligible', 'Only office staff of a company can take leads.', 403);
  end if;
  if not exists (select 1 from public.companies c
                  where c.id = company and c.lead_opt_in
                    and request.trade = any (c.trades) and request.postal_code = any (c.service_postal_codes)) then
    perform private.raise_api_error('not_eligible',
      'Your company does not serve this lead''s trade and area, or has not opted in to leads.', 403);
  end if;
  if exists (select 1 from public.service_request_declines d
              where d.service_request_id = request.id and d.company_id = company) then
    perform private.raise_api_error('not_eligible', 'Your company declined this lead.', 403);
  end if;
end
$$;

-- First claim wins: the request row is locked, so concurrent claimers queue and every one
-- after the winner sees it claimed. Creates customer, address and an unscheduled job and links
-- them. A retry by the winning user returns the same ids (safe to resend from an outbox).
create or replace function public.claim_service_request(service_request_id uuid)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  request public.service_requests;
  company uuid := public.current_company_id();
  new_customer_id uuid;
  new_address_id uuid;
  new_work_order_id uuid;
begin
  if company is not null then
    perform private.lock_company_chain(company);
  end if;
  select * into request from public.service_requests sr where sr.id = claim_service_request.service_request_id for update;
  if request.status in ('claimed', 'converted') and request.claimed_by = auth.uid() then
    return json_build_object('service_request_id', request.id, 'customer_id', request.customer_id,
      'customer_address_id', (select w.customer_address_id from public.work_orders w where w.id = request.work_order_id),
      'work_order_id', request.work_order_id);
  end if;
  perform private.refuse_unavailable_lead(request);

  insert into public.customers (company_id, full_name, email, phone)
  values (company, request.customer_name, request.customer_email, request.customer_phone)
  returning id into new_customer_id;
  insert into public.customer_addresses (company_id, customer_id, street, city, postal_code)
  values (company, new_customer_id, request.street_address, request.city, request.postal_code)
  returning id into new_address_id;
  update public.service_requests sr
     set company_id = company, status = 'claimed', claimed_at = now(), claimed_by = auth.uid(),
         customer_id = new_customer_id
   where sr.id = request.id;
  insert into public.work_orders (company_id, stage, status, title, description, customer_id, customer_address_id,
                                  service_request_id, priority)
  values (company, 'job', 'unscheduled',
          left(initcap(request.trade) || ' service: ' || request.description, 200), request.description,
          new_customer_id, new_address_id, request.id, case when request.emergency then 'emergency' else 'normal' end)
  returning id into new_work_order_id;
  update public.service_requests sr set work_order_id = new_work_order_id where sr.id = request.id;
  perform private.write_audit(company, 'claim', 'service_requests', request.id, jsonb_build_object('status', 'open'),
    jsonb_build_object('status', 'claimed', 'customer_id', new_customer_id, 'customer_address_id', new_address_id,
                       'work_order_id', new_work_order_id));

  return json_build_object('service_request_id', request.id, 'customer_id', new_customer_id,
                           'customer_address_id', new_address_id, 'work_order_id', new_work_order_id);
end
$$;

create or replace function public.decline_service_request(service_request_id uuid, reason text, note text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  request public.service_requests;
  company uuid := public.current_company_id();
  decline_id uuid;
begin
  select * into request from public.service_requests sr where sr.id = decline_service_request.service_request_id;
  select d.id into decline_id from public.service_request_declines d
   where d.service_request_id = request.id and d.company_id = company;
  if decline_id is not null then
    return json_build_object('service_request_id', request.id, 'decline_id', decline_id);
  end if;
  perform private.refuse_unavailable_lead(request);
  if reason is null or reason not in ('too_far', 'fully_booked', 'outside_expertise', 'not_worth_it', 'suspected_spam', 'other') then
    perform private.raise_api_error('invalid_decline_reason',
      'Choose a reason: too_far, fully_booked, outside_expertise, not_worth_it, suspected_spam or other.', 400);
  end if;
  insert into public.service_request_declines (company_id, service_request_id, declined_by, reason, note)
  values (company, request.id, auth.uid(), reason, nullif(btrim(note), ''))
  returning id into decline_id;
  perform private.write_audit(company, 'decline', 'service_requests', request.id, null,
    jsonb_build_object('decline_id', decline_id, 'reason', reason, 'note', nullif(btrim(note), '')));
  return json_build_object('service_request_id', request.id, 'decline_id', decline_id);
end
$$;

revoke execute on function public.claim_service_request(uuid), public.decline_service_request(uuid, text, text)
  from public, anon;
grant execute on function public.claim_service_request(uuid), public.decline_service_request(uuid, text, text)
  to authenticated;

select private.add_audit('public.service_requests');
