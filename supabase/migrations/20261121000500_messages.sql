-- Two message systems that never mix: customer threads (customer <-> company, always about a
-- work order; reachable by portal customers) and internal threads (staff only).

create table public.customer_threads (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  work_order_id uuid not null,
  customer_id uuid not null,
  subject text not null,
  last_message_at timestamptz,
  constraint customer_thread_work_order_in_same_company
    foreign key (work_order_id, company_id) references public.work_orders (id, company_id),
  constraint customer_thread_customer_in_same_company
    foreign key (customer_id, company_id) references public.customers (id, company_id),
  constraint customer_thread_subject_required check (char_length(btrim(subject)) between 1 and 200),
  constraint customer_threads_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.customer_threads');
create index customer_threads_work_order_idx on public.customer_threads (work_order_id);
create index customer_threads_customer_idx on public.customer_threads (customer_id);

create table public.customer_messages (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  customer_thread_id uuid not null,
  sender_kind text not null default 'staff',
  sender_id uuid default auth.uid() references auth.users (id),
  body text not null,
  read_at timestamptz,
  constraint customer_message_thread_in_same_company
    foreign key (customer_thread_id, company_id) references public.customer_threads (id, company_id),
  constraint customer_message_sender_kind_is_valid check (sender_kind in ('staff', 'customer')),
  constraint customer_message_body_required check (char_length(btrim(body)) between 1 and 4000)
);
select private.add_sync_support('public.customer_messages');
create index customer_messages_thread_idx on public.customer_messages (customer_thread_id, created_at);

create table public.internal_threads (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  work_order_id uuid,
  subject text not null,
  created_by uuid default auth.uid() references auth.users (id),
  last_message_at timestamptz,
  constraint internal_thread_work_order_in_same_company
    foreign key (work_order_id, company_id) references public.work_orders (id, company_id),
  constraint internal_thread_subject_required check (char_length(btrim(subject)) between 1 and 200),
  constraint internal_threads_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.internal_threads');
create index internal_threads_company_idx on public.internal_threads (company_id, last_message_at desc);

create table public.internal_messages (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  internal_thread_id uuid not null,
  author_id uuid not null default auth.uid(),
  body text not null,
  constraint internal_message_thread_in_same_company
    foreign key (internal_thread_id, company_id) references public.internal_threads (id, company_id),
  constraint internal_message_author_in_same_company
    foreign key (author_id, company_id) references public.profiles (id, company_id),
  constraint internal_message_body_required check (char_length(btrim(body)) between 1 and 4000)
);
select private.add_sync_support('public.internal_messages');
create index internal_messages_thread_idx on public.internal_messages (internal_thread_id, created_at);

-- A portal customer does not know the company id: a customer message takes its thread's.
create or replace function private.inherit_thread_company()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.company_id is null then
    select t.company_id into new.company_id from public.customer_threads t where t.id = new.customer_thread_id;
  end if;
  return new;
end
$$;
create trigger inherit_thread_company before insert on public.customer_messages
  for each row execute function private.inherit_thread_company();

-- Keeps each thread's last_message_at for unread/recency ordering.
create or replace function private.touch_thread()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'customer_messages' then
    update public.customer_threads t set last_message_at = greatest(t.last_message_at, new.created_at)
     where t.id = new.customer_thread_id and t.last_message_at is distinct from greatest(t.last_message_at, new.created_at);
  else
    update public.internal_threads t set last_message_at = greatest(t.last_message_at, new.created_at)
     where t.id = new.internal_thread_id and t.last_message_at is distinct from greatest(t.last_message_at, new.created_at);
  end if;
  return null;
end
$$;
create trigger touch_thread after insert on public.customer_messages
  for each row execute function private.touch_thread();
create trigger touch_thread after insert on public.internal_messages
  for each row execute function private.touch_thread();

-- Customer threads: staff of the company, and portal customers for their own threads.
select private.add_company_policies('public.customer_threads', 'staff', 'office', 'office', 'managers');
create policy customer_threads_select_portal on public.customer_threads for select to authenticated
  using (customer_id = any ((select public.current_portal_customer_ids())::uuid[]));

select private.add_company_policies('public.customer_messages', 'staff', 'office', 'office', 'managers');
create policy customer_messages_select_portal on public.customer_messages for select to authenticated
  using (customer_thread_id in (select t.id from public.customer_threads t
                                 where t.customer_id = any ((select public.current_portal_customer_ids())::uuid[])));
create policy customer_messages_insert_portal on public.customer_messages for insert to authenticated
  with check (customer_thread_id in (select t.id from public.customer_threads t
                                      where t.customer_id = any ((select public.current_portal_customer_ids())::uuid[])));
-- Everyone writes as themselves: staff as 'staff', portal customers as 'customer'.
create policy customer_messages_insert_as_self on public.customer_messages as restrictive for insert to authenticated
  with check (sender_id = (select auth.uid())
              and sender_kind = case when (select public.current_company_id()) is null then 'customer' else 'staff' end);

-- Internal threads: staff of the company only (no policy here consults portal accounts).
select private.add_company_policies('public.internal_threads', 'staff', 'staff', 'staff', 'managers');
select private.add_company_policies('public.internal_messages', 'staff', 'staff', 'managers', 'managers');
create policy internal_messages_update_author on public.internal_messages for update to authenticated
  using (company_id = (select public.current_company_id()) and author_id = (select auth.uid()))
  with check (company_id = (select public.current_company_id()));
create policy internal_messages_insert_as_self on public.internal_messages as restrictive for insert to authenticated
  with check (author_id = (select auth.uid()));

-- Message metadata is audited; bodies are not copied into the log.
select private.add_audit('public.customer_threads', array['last_message_at']);
select private.add_audit('public.customer_messages', array['body']);
select private.add_audit('public.internal_threads', array['last_message_at']);
select private.add_audit('public.internal_messages', array['body']);
