-- Per-user read state for internal threads (issue 15 item 3). Customer messages carry read_at
-- because the company reads them as one; an internal thread is read by each staff member on
-- their own, so each keeps a marker: "I have read this thread up to read_at". Unread internal
-- messages of a thread, for a user, are the ones created after their marker and not written by
-- them. The offline cache syncs the markers (V7), so a console shows the same counts offline.

create table public.internal_thread_reads (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  internal_thread_id uuid not null,
  user_id uuid not null default auth.uid(),
  read_at timestamptz not null default now(),
  constraint internal_thread_read_thread_in_same_company
    foreign key (internal_thread_id, company_id) references public.internal_threads (id, company_id),
  constraint internal_thread_read_user_in_same_company
    foreign key (user_id, company_id) references public.profiles (id, company_id),
  constraint internal_thread_reads_one_per_user unique (internal_thread_id, user_id)
);
select private.add_sync_support('public.internal_thread_reads');
create index internal_thread_reads_user_idx on public.internal_thread_reads (user_id, internal_thread_id);

-- A marker is private: staff see and write only their own, and only in their company (the thread
-- must be of the caller's company: the composite foreign key plus company_id = caller's company).
alter table public.internal_thread_reads enable row level security;
create policy internal_thread_reads_select_own on public.internal_thread_reads for select to authenticated
  using (company_id = (select public.current_company_id()) and user_id = (select auth.uid()));
create policy internal_thread_reads_insert_own on public.internal_thread_reads for insert to authenticated
  with check (company_id = (select public.current_company_id()) and user_id = (select auth.uid()));
create policy internal_thread_reads_update_own on public.internal_thread_reads for update to authenticated
  using (company_id = (select public.current_company_id()) and user_id = (select auth.uid()))
  with check (company_id = (select public.current_company_id()) and user_id = (select auth.uid()));
grant select, insert, update on public.internal_thread_reads to authenticated;
revoke all on public.internal_thread_reads from anon;

-- The treatment every synced table gets: company first and no deleting (a marker is never
-- deleted; nobody may set deleted_at), no API DELETE, and Realtime.
select private.add_write_authorization('public.internal_thread_reads', null);
select private.make_soft_delete_only('public.internal_thread_reads');
alter publication supabase_realtime add table public.internal_thread_reads;

-- The console writes its markers through sync (apply_mutations).
create or replace function sync_internal.is_writable_table(p_table text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_table = any (array['companies', 'profiles', 'customers', 'customer_addresses', 'service_requests',
                              'work_orders', 'customer_threads', 'customer_messages', 'internal_threads',
                              'internal_messages', 'internal_thread_reads', 'invoices', 'invoice_items',
                              'payments'])
$$;
