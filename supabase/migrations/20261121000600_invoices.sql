-- Invoices, their line items and manual payments. The database numbers invoices per company
-- (gap-free), and keeps subtotal, tax, total, amount paid and payment status consistent.

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  work_order_id uuid,
  customer_id uuid not null,
  number integer,
  status text not null default 'draft',
  issue_date date,
  due_date date,
  currency text not null default 'USD',
  subtotal numeric(12, 2) not null default 0,
  discount numeric(12, 2) not null default 0,
  tax_rate numeric(6, 3) not null default 0,
  tax numeric(12, 2) not null default 0,
  total numeric(12, 2) not null default 0,
  amount_paid numeric(12, 2) not null default 0,
  payment_status text not null default 'unpaid',
  notes text,
  pdf_path text,
  constraint invoice_work_order_in_same_company
    foreign key (work_order_id, company_id) references public.work_orders (id, company_id),
  constraint invoice_customer_in_same_company
    foreign key (customer_id, company_id) references public.customers (id, company_id),
  constraint invoice_status_is_valid check (status in ('draft', 'issued', 'paid', 'void')),
  constraint invoice_payment_status_is_valid check (payment_status in ('unpaid', 'partial', 'paid')),
  constraint invoice_currency_is_iso_code check (currency ~ '^[A-Z]{3}$'),
  constraint invoice_discount_not_negative check (discount >= 0),
  constraint invoice_discount_within_subtotal check (discount <= subtotal),
  constraint invoice_tax_rate_between_0_and_100_percent check (tax_rate between 0 and 100),
  constraint invoice_amount_paid_within_total check (amount_paid between 0 and total),
  constraint invoice_due_date_not_before_issue_date check (due_date >= issue_date),
  constraint invoice_notes_at_most_2000_chars check (char_length(notes) <= 2000),
  constraint invoice_pdf_path_at_most_500_chars check (char_length(pdf_path) <= 500),
  constraint invoices_number_unique unique (company_id, number),
  constraint invoices_id_company_unique unique (id, company_id)
);
select private.add_sync_support('public.invoices');
create index invoices_company_status_idx on public.invoices (company_id, status);
create index invoices_customer_idx on public.invoices (customer_id);
create index invoices_work_order_idx on public.invoices (work_order_id);

create table public.invoice_items (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  invoice_id uuid not null,
  position integer not null default 0,
  description text not null,
  quantity numeric(12, 3) not null default 1,
  unit_price numeric(12, 2) not null default 0,
  line_total numeric(14, 2) generated always as (round(quantity * unit_price, 2)) stored,
  constraint invoice_item_invoice_in_same_company
    foreign key (invoice_id, company_id) references public.invoices (id, company_id) on delete cascade,
  constraint invoice_item_description_required check (char_length(btrim(description)) between 1 and 500),
  constraint invoice_item_quantity_positive check (quantity > 0),
  constraint invoice_item_unit_price_not_negative check (unit_price >= 0)
);
select private.add_sync_support('public.invoice_items');
create index invoice_items_invoice_idx on public.invoice_items (invoice_id, position);

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null default public.current_company_id() references public.companies (id),
  invoice_id uuid not null,
  amount numeric(12, 2) not null,
  method text not null,
  paid_at timestamptz not null default now(),
  reference text,
  recorded_by uuid default auth.uid() references auth.users (id),
  constraint payment_invoice_in_same_company
    foreign key (invoice_id, company_id) references public.invoices (id, company_id),
  constraint payment_amount_positive check (amount > 0),
  constraint payment_method_is_valid check (method in ('cash', 'check', 'card', 'bank_transfer')),
  constraint payment_reference_at_most_200_chars check (char_length(reference) <= 200)
);
select private.add_sync_support('public.payments');
create index payments_invoice_idx on public.payments (invoice_id);

-- Before every invoice write: number on insert (a client-sent number is ignored, and kept
-- on update whatever the client sends), subtotal
-- from live items, tax and total from subtotal/discount/rate, amount paid from live payments,
-- payment status, and 'paid' status following full payment.
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
      raise exception 'A void invoice cannot be reopened.' using errcode = '23514';
    end if;
    if old.status <> 'draft' and new.status = 'draft' then
      raise exception 'An issued invoice cannot go back to draft; void it instead.' using errcode = '23514';
    end if;
  end if;
  select coalesce(sum(i.line_total), 0) into new.subtotal
    from public.invoice_items i where i.invoice_id = new.id and i.deleted_at is null;
  select coalesce(sum(p.amount), 0) into new.amount_paid
    from public.payments p where p.invoice_id = new.id and p.deleted_at is null;
  new.tax := round((new.subtotal - new.discount) * new.tax_rate / 100, 2);
  new.total := new.subtotal - new.discount + new.tax;
  if new.amount_paid > new.total then
    raise exception 'Invoice % would be overpaid: % paid against a total of %.',
      coalesce(new.number::text, 'draft'), new.amount_paid, new.total using errcode = '23514';
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
create trigger compute_invoice before insert or update on public.invoices
  for each row execute function private.compute_invoice();

-- Items and payments change their invoice's numbers: re-run compute_invoice on it. Payments
-- lock the invoice first so concurrent payments cannot together overpay it.
create or replace function private.recompute_parent_invoice()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.invoices i set updated_at = now()
   where i.id in (case when tg_op <> 'DELETE' then new.invoice_id end, case when tg_op <> 'INSERT' then old.invoice_id end);
  return null;
end
$$;
create trigger recompute_parent_invoice after insert or update or delete on public.invoice_items
  for each row execute function private.recompute_parent_invoice();
create trigger recompute_parent_invoice after insert or update or delete on public.payments
  for each row execute function private.recompute_parent_invoice();

-- Refuses a payment on a void invoice or beyond the balance due, with the numbers in the message.
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
  select * into invoice from public.invoices i where i.id = new.invoice_id for update;
  if not found then
    return new;  -- the foreign key reports it
  end if;
  if invoice.status = 'void' then
    raise exception 'Invoice % is void and cannot take payments.', coalesce(invoice.number::text, 'draft') using errcode = '23514';
  end if;
  if new.deleted_at is null then
    select coalesce(sum(p.amount), 0) into paid_elsewhere from public.payments p
     where p.invoice_id = new.invoice_id and p.deleted_at is null and p.id <> new.id;
    if paid_elsewhere + new.amount > invoice.total then
      raise exception 'A payment of % exceeds the balance due of % on invoice %.',
        new.amount, invoice.total - paid_elsewhere, coalesce(invoice.number::text, 'draft') using errcode = '23514';
    end if;
  end if;
  return new;
end
$$;
create trigger check_payment before insert or update on public.payments
  for each row execute function private.check_payment();

-- No delete for invoices: a number, once given, stays (void instead), so the verb is not granted.
select private.add_company_policies('public.invoices', 'staff', 'office', 'office', null);
select private.add_company_policies('public.invoice_items', 'staff', 'office', 'office', 'office');
select private.add_company_policies('public.payments', 'staff', 'office', 'office', 'managers');

select private.add_audit('public.invoices');
select private.add_audit('public.invoice_items');
select private.add_audit('public.payments');
