-- Customers and their service addresses.

create table public.customers (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  full_name text not null,
  email text,
  phone text,
  notes text,
  constraint customer_full_name_required check (char_length(btrim(full_name)) between 1 and 200),
  constraint customer_email_at_most_320_chars check (char_length(email) <= 320),
  constraint customer_phone_at_most_40_chars check (char_length(phone) <= 40),
  constraint customer_notes_at_most_4000_chars check (char_length(notes) <= 4000),
  constraint customers_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.customers');
create index customers_company_idx on public.customers (company_id);

alter table public.customer_portal_accounts
  add constraint portal_account_customer_in_same_company
  foreign key (customer_id, company_id) references public.customers (id, company_id);

create table public.customer_addresses (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  customer_id uuid not null,
  label text,
  street text not null,
  city text,
  region text,
  postal_code text not null,
  access_notes text,
  constraint customer_address_customer_in_same_company
    foreign key (customer_id, company_id) references public.customers (id, company_id),
  constraint customer_address_label_at_most_60_chars check (char_length(label) <= 60),
  constraint customer_address_street_required check (char_length(btrim(street)) between 1 and 300),
  constraint customer_address_city_at_most_100_chars check (char_length(city) <= 100),
  constraint customer_address_region_at_most_100_chars check (char_length(region) <= 100),
  constraint customer_address_postal_code_required check (char_length(btrim(postal_code)) between 1 and 12),
  constraint customer_address_access_notes_at_most_1000_chars check (char_length(access_notes) <= 1000),
  constraint customer_addresses_id_company_unique unique (id, company_id),
  constraint customer_addresses_id_customer_unique unique (id, customer_id)
);
select private.add_sync_support('public.customer_addresses');
create index customer_addresses_customer_idx on public.customer_addresses (customer_id);

-- Staff read everything of their company; desk staff write; only managers hard-delete
-- (everyone else soft-deletes with deleted_at). Portal users read their own customer row.
select private.add_company_policies('public.customers', 'staff', 'office', 'office', 'managers');
create policy customers_select_portal on public.customers for select to authenticated
  using (id = any ((select public.current_portal_customer_ids())::uuid[]));
select private.add_company_policies('public.customer_addresses', 'staff', 'office', 'office', 'managers');

select private.add_audit('public.customers');
select private.add_audit('public.customer_addresses');
