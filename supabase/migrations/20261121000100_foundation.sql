-- Foundation: private helpers, companies, profiles, portal accounts and the policy helpers.
-- Everything here must also apply on a hosted Supabase project (roles anon/authenticated/
-- service_role, schema auth and the supabase_realtime publication already exist there).

-- Helpers that triggers and migrations use but no API role may call live outside the
-- PostgREST-exposed schema.
create schema if not exists private;
revoke all on schema private from public, anon, authenticated;

-- Functions created by this role stay uncallable by anon unless a migration grants them,
-- and tables stay unreadable by anon; authenticated still gets Supabase's defaults and
-- every table below narrows them explicitly.
alter default privileges in schema public revoke execute on functions from public, anon;
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on sequences from anon;

-- One API error, raised the way PostgREST turns into an HTTP status and a JSON body
-- {code, message, details, hint}. Used for the documented RPC errors.
create or replace function private.raise_api_error(code text, message text, http_status integer)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise sqlstate 'PGRST' using
    message = json_build_object('code', code, 'message', message, 'details', null, 'hint', null)::text,
    detail = json_build_object('status', http_status, 'headers', json_build_object())::text;
end
$$;

-- Sync bookkeeping shared by every synced table: updated_at, version (+1 on every update,
-- for optimistic concurrency), sync_xid (the writing transaction, for pulls that cannot miss
-- a late commit). Also keeps id, created_at and company_id from being rewritten.
create or replace function private.stamp_sync_columns()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  old_company text;
  new_company text;
begin
  if tg_op = 'INSERT' then
    new.version := 1;
    new.created_at := coalesce(new.created_at, now());
    new.updated_at := new.created_at;
  else
    if new.id is distinct from old.id then
      raise exception 'The id of a % row cannot change.', tg_table_name using errcode = '23514';
    end if;
    old_company := to_jsonb(old) ->> 'company_id';
    new_company := to_jsonb(new) ->> 'company_id';
    if old_company is not null and new_company is distinct from old_company then
      raise exception 'A % row cannot move to another company.', tg_table_name using errcode = '23514';
    end if;
    new.created_at := old.created_at;
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  new.sync_xid := pg_current_xact_id();
  return new;
end
$$;

-- Adds the sync columns, their trigger and the pull index to a table. Called once per table
-- right after its create table, so every synced table is alike.
create or replace function private.add_sync_support(target regclass)
returns void
language plpgsql
set search_path = ''
as $$
declare
  table_name text := (select c.relname from pg_class c where c.oid = target);
begin
  execute format($f$
    alter table %1$s
      add column created_at timestamptz not null default now(),
      add column updated_at timestamptz not null default now(),
      add column deleted_at timestamptz,
      add column version integer not null default 1,
      add column last_mutation_id uuid,
      add column sync_xid xid8 not null default pg_current_xact_id()
  $f$, target);
  execute format('create index %I on %s (sync_xid, id)', table_name || '_sync_idx', target);
  execute format('create trigger stamp_sync_columns before insert or update on %s '
                 'for each row execute function private.stamp_sync_columns()', target);
  execute format('alter table %s enable row level security', target);
  -- Supabase grants everything to the API roles by default; each table grants back narrowly.
  execute format('revoke all on %s from anon, authenticated', target);
end
$$;

create table public.companies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  email text,
  phone text,
  timezone text not null default 'America/New_York',
  trades text[] not null default '{}',
  service_postal_codes text[] not null default '{}',
  lead_opt_in boolean not null default false,
  invoice_legal_name text,
  invoice_address text,
  invoice_logo_path text,
  invoice_accent_color text not null default '#1F6FEB',
  invoice_footer text,
  payment_terms_days integer not null default 30,
  invoice_prefix text not null default 'INV-',
  invoice_next_number integer not null default 1,
  work_order_next_number integer not null default 1,
  constraint company_name_required check (char_length(btrim(name)) between 1 and 200),
  constraint company_email_at_most_320_chars check (char_length(email) <= 320),
  constraint company_phone_at_most_40_chars check (char_length(phone) <= 40),
  constraint company_timezone_at_most_64_chars check (char_length(timezone) <= 64),
  constraint company_trades_are_known check (trades <@ array['hvac', 'plumbing', 'electrical']::text[]),
  constraint company_at_most_500_postal_codes check (cardinality(service_postal_codes) <= 500),
  constraint company_invoice_legal_name_at_most_200_chars check (char_length(invoice_legal_name) <= 200),
  constraint company_invoice_address_at_most_500_chars check (char_length(invoice_address) <= 500),
  constraint company_invoice_logo_path_at_most_500_chars check (char_length(invoice_logo_path) <= 500),
  constraint company_invoice_accent_color_is_hex check (invoice_accent_color ~ '^#[0-9A-Fa-f]{6}$'),
  constraint company_invoice_footer_at_most_1000_chars check (char_length(invoice_footer) <= 1000),
  constraint company_payment_terms_between_0_and_365_days check (payment_terms_days between 0 and 365),
  constraint company_invoice_prefix_at_most_20_chars check (char_length(invoice_prefix) <= 20),
  constraint company_invoice_next_number_positive check (invoice_next_number > 0),
  constraint company_work_order_next_number_positive check (work_order_next_number > 0)
);
select private.add_sync_support('public.companies');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  company_id uuid not null references public.companies (id),
  role text not null,
  full_name text not null,
  email text,
  phone text,
  color text not null default '#6E7781',
  active boolean not null default true,
  constraint profile_role_is_valid check (role in ('admin', 'supervisor', 'dispatcher', 'csr', 'technician')),
  constraint profile_full_name_required check (char_length(btrim(full_name)) between 1 and 200),
  constraint profile_email_at_most_320_chars check (char_length(email) <= 320),
  constraint profile_phone_at_most_40_chars check (char_length(phone) <= 40),
  constraint profile_color_is_hex check (color ~ '^#[0-9A-Fa-f]{6}$'),
  -- Lets other tables' composite foreign keys prove a person belongs to the same company.
  constraint profiles_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.profiles');
create index profiles_company_idx on public.profiles (company_id);

-- A customer-portal login: an auth user who is a customer of one company, never staff.
create table public.customer_portal_accounts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references auth.users (id) on delete cascade,
  company_id uuid not null references public.companies (id),
  customer_id uuid not null
);
select private.add_sync_support('public.customer_portal_accounts');

-- Policy helpers. Security definer so policies can consult profiles without recursing into
-- profiles' own policies; used as (select public.current_company_id()) so they run once per
-- statement. An inactive profile has no company and therefore sees nothing.
create or replace function public.current_company_id()
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select p.company_id from public.profiles p where p.id = (select auth.uid()) and p.active
$$;

create or replace function public.current_app_role()
returns text
language sql stable security definer
set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid()) and p.active
$$;

-- The customers a portal user may act for (usually one).
create or replace function public.current_portal_customer_ids()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(a.customer_id), '{}')
    from public.customer_portal_accounts a
   where a.user_id = (select auth.uid()) and a.deleted_at is null
$$;

-- True for staff who work at a desk (everyone but technicians).
create or replace function public.is_office_staff()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(public.current_app_role() in ('admin', 'supervisor', 'dispatcher', 'csr'), false)
$$;

create or replace function public.is_manager()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(public.current_app_role() in ('admin', 'supervisor'), false)
$$;

revoke execute on function public.current_company_id(), public.current_app_role(),
  public.current_portal_customer_ids(), public.is_office_staff(), public.is_manager() from public, anon;
grant execute on function public.current_company_id(), public.current_app_role(),
  public.current_portal_customer_ids(), public.is_office_staff(), public.is_manager() to authenticated, service_role;

alter table public.profiles alter column company_id set default public.current_company_id();

-- The usual policies of a company-owned table, so each table states its rules in one line:
-- who may select, insert, update and delete its company's rows — 'staff' (any active profile
-- of the company), 'office' (everyone but technicians), 'managers' (supervisors and admins),
-- 'admin', or null (nobody; the verb is not even granted). Tables that need more (portal
-- customers, assigned technicians, authors) add their own policies beside these.
create or replace function private.add_company_policies(
  target regclass, select_by text, insert_by text, update_by text, delete_by text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  table_name text := (select c.relname from pg_class c where c.oid = target);
  same_company constant text := 'company_id = (select public.current_company_id())';
  verb text;
  who text;
  condition text;
  granted text[] := '{}';
begin
  foreach verb in array array['select', 'insert', 'update', 'delete'] loop
    who := case verb when 'select' then select_by when 'insert' then insert_by
                     when 'update' then update_by else delete_by end;
    continue when who is null;
    condition := same_company || case who
      when 'staff' then ''
      when 'office' then ' and (select public.is_office_staff())'
      when 'managers' then ' and (select public.is_manager())'
      when 'admin' then ' and (select public.current_app_role()) = ''admin'''
    end;
    if condition is null then
      raise exception 'Unknown audience % for % on %', who, verb, target;
    end if;
    execute format('create policy %I on %s for %s to authenticated %s',
      table_name || '_' || verb || '_' || who, target, verb,
      case verb when 'insert' then format('with check (%s)', condition)
                when 'update' then format('using (%s) with check (%s)', condition, same_company)
                else format('using (%s)', condition) end);
    granted := granted || upper(verb);
  end loop;
  if cardinality(granted) > 0 then
    execute format('grant %s on %s to authenticated', array_to_string(granted, ', '), target);
  end if;
end
$$;

-- Every audited write of a company appends to that company's audit chain, so writers of one
-- company serialize on this transaction-scoped lock anyway. Taking it before any row lock
-- (numbering, payments, claims, and a statement trigger on every audited table) gives all
-- writers one lock order, so multi-statement transactions (sync batches) cannot deadlock on it.
create or replace function private.lock_company_chain(company uuid)
returns void
language sql
set search_path = ''
as $$
  select pg_advisory_xact_lock(hashtextextended('audit_log:' || company::text, 0))
$$;

-- Takes the next number of a per-company counter. The counter row stays locked until the
-- caller's transaction ends, so concurrent writers queue and a rollback frees the number:
-- numbers are gap-free.
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
  if taken is null then
    raise exception 'Company % does not exist.', company using errcode = '23503';
  end if;
  return taken;
end
$$;

-- The number of a numbered row being inserted: a resent insert of an existing id (an outbox
-- retry, an upsert) keeps that row's number and takes none, so retries leave no gaps.
create or replace function private.number_for_insert(target regclass, row_id uuid, company uuid, counter text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  existing integer;
begin
  execute format('select number from %s where id = $1', target) into existing using row_id;
  return coalesce(existing, private.take_company_number(company, counter));
end
$$;

-- Profiles: only the user's own fields unless an admin edits; nobody changes role or
-- active flag of themselves except an admin.
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
    raise exception 'Only an admin can change a person''s role or active flag.' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger guard_profile_update before update on public.profiles
  for each row execute function private.guard_profile_update();

create policy companies_select_own on public.companies for select to authenticated
  using (id = (select public.current_company_id()));
create policy companies_update_by_admin on public.companies for update to authenticated
  using (id = (select public.current_company_id()) and (select public.current_app_role()) = 'admin')
  with check (id = (select public.current_company_id()));
grant select, update on public.companies to authenticated;

create policy profiles_select_same_company on public.profiles for select to authenticated
  using (company_id = (select public.current_company_id()));
create policy profiles_update_self_or_admin on public.profiles for update to authenticated
  using (company_id = (select public.current_company_id())
         and (id = (select auth.uid()) or (select public.current_app_role()) = 'admin'))
  with check (company_id = (select public.current_company_id()));
grant select, update on public.profiles to authenticated;

select private.add_company_policies('public.customer_portal_accounts', 'staff', null, null, null);
create policy customer_portal_accounts_select_own on public.customer_portal_accounts for select to authenticated
  using (user_id = (select auth.uid()));
