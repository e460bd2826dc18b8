-- A claim race without a queue of losers, and identity lookups planned once per connection.
--
-- 1. claim_service_request used to take the caller's company chain lock first and then the
--    request row FOR UPDATE. In a race every losing claimer of the winner's company waited its
--    turn for the chain lock, and each loser, once through, held the chain lock and the row lock
--    until its refusal's rollback came back from the client: the losers were served one after
--    the other (ClaimRaceHttpBenchmark, 50 claimers: p95 ~150 ms, most of it queueing).
--
--    Now the race is decided by inserting the request's id into private.lead_claims. A
--    concurrent inserter of the same id waits for the first one's transaction (PostgreSQL waits
--    on that transaction with a shared lock, so every waiter wakes at once when it ends), then
--    either finds the id committed (it lost: refused with already_claimed, having held no lock
--    at all) or, if the first one rolled back, inserts and goes on as the new first. Only that
--    single claimer then takes the chain lock and the request row, in the usual order (chain
--    lock before row locks), and re-checks the request under the lock. Nothing waits for the
--    insert but other claimers of the same request, so no lock cycle is possible.
--
--    Before any of that, a request that is visibly gone (claimed, expired, withdrawn) or that
--    the caller's company may not take is refused from a plain read, as before.
--
-- 2. current_company_id() and current_app_role() run in every policy, trigger and function of a
--    write (a claim calls them about twenty times). As SQL functions with SECURITY DEFINER they
--    cannot be inlined and were planned again on every call (~0.2 ms each); as PL/pgSQL their
--    query plan is kept for the connection. Same statement, same result.

create table private.lead_claims (
  service_request_id uuid primary key references public.service_requests (id) on delete cascade,
  company_id uuid not null references public.companies (id),
  claimed_by uuid not null,
  claimed_at timestamptz not null default now()
);
comment on table private.lead_claims is
  'Decides claim races: the first committed insert of a request id wins (see claim_service_request).';
-- Requests claimed before this table existed.
insert into private.lead_claims (service_request_id, company_id, claimed_by, claimed_at)
select sr.id, sr.company_id, sr.claimed_by, coalesce(sr.claimed_at, now())
  from public.service_requests sr
 where sr.status in ('claimed', 'converted') and sr.company_id is not null and sr.claimed_by is not null;

create or replace function public.current_company_id()
returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (select p.company_id from public.profiles p where p.id = (select auth.uid()) and p.active);
end
$$;

create or replace function public.current_app_role()
returns text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (select p.role from public.profiles p where p.id = (select auth.uid()) and p.active);
end
$$;

create or replace function public.claim_service_request(service_request_id uuid)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  request public.service_requests;
  company uuid := public.current_company_id();
  won boolean;
  new_customer_id uuid;
  new_address_id uuid;
  new_work_order_id uuid;
begin
  select * into request from public.service_requests sr where sr.id = claim_service_request.service_request_id;
  -- A retry by the winning user (an outbox resend) gets the same ids.
  if request.status in ('claimed', 'converted') and request.claimed_by = auth.uid() then
    return private.claimed_lead_ids(request);
  end if;
  perform private.refuse_unavailable_lead(request);

  insert into private.lead_claims (service_request_id, company_id, claimed_by)
  values (request.id, company, auth.uid())
  on conflict on constraint lead_claims_pkey do nothing
  returning true into won;
  if won is null then
    -- Another claim committed first; read what it made of the request (a new snapshot).
    select * into request from public.service_requests sr where sr.id = claim_service_request.service_request_id;
    if request.status in ('claimed', 'converted') and request.claimed_by = auth.uid() then
      return private.claimed_lead_ids(request);
    end if;
    perform private.refuse_unavailable_lead(request);
    perform private.raise_api_error('already_claimed', 'This lead was already claimed.', 409,
                                    jsonb_build_object('claimed_by_your_company', false));
  end if;

  perform private.lock_company_chain(company);
  select * into request from public.service_requests sr where sr.id = claim_service_request.service_request_id for update;
  -- Expired or withdrawn since the first read: refused, and the rollback frees the claim.
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

-- The ids a claim returned, for the winner's retry.
create or replace function private.claimed_lead_ids(request public.service_requests)
returns json
language sql
stable
security definer
set search_path = ''
as $$
  select json_build_object('service_request_id', request.id, 'customer_id', request.customer_id,
    'customer_address_id', (select w.customer_address_id from public.work_orders w where w.id = request.work_order_id),
    'work_order_id', request.work_order_id)
$$;

revoke execute on function public.claim_service_request(uuid) from public, anon;
grant execute on function public.claim_service_request(uuid) to authenticated;
revoke execute on function private.claimed_lead_ids(public.service_requests) from public;
