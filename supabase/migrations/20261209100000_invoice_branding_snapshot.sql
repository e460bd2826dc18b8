-- The branding an invoice was issued under travels with it (issue 16): an old invoice's PDF must not
-- change when the company later changes its legal name, address, colours, terms or logo.
--
-- invoices.branding (jsonb object) is written by the database only: when the invoice first leaves
-- draft (issued, paid, or voided as a draft) compute_invoice copies the company's invoice settings
-- into it, and from then on it never changes. No caller — API roles, apply_mutations, the service
-- role — may set or change it (refusal `invoice_branding_kept`, 42501); a draft has none and is
-- shown with the company's current branding. Keys:
--   legal_name, address, accent_color, footer, payment_terms_days, prefix, logo_path
-- logo_path names an object in the "branding" bucket that is never overwritten (the console stores
-- each logo under a name made from its content), so the snapshot's logo still resolves after a new
-- logo is uploaded.

alter table public.invoices add column branding jsonb;
alter table public.invoices add constraint invoice_branding_is_an_object
  check (branding is null or jsonb_typeof(branding) = 'object');

-- The company's invoice settings now, in the snapshot's shape.
create or replace function private.invoice_branding(company uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('legal_name', c.invoice_legal_name, 'address', c.invoice_address,
                            'accent_color', c.invoice_accent_color, 'footer', c.invoice_footer,
                            'payment_terms_days', c.payment_terms_days, 'prefix', c.invoice_prefix,
                            'logo_path', c.invoice_logo_path)
    from public.companies c where c.id = company
$$;
revoke all on function private.invoice_branding(uuid) from public;

-- Invoices issued before this migration get the branding their company has now: the closest
-- record there is, and from now on it stays.
update public.invoices i set branding = private.invoice_branding(i.company_id)
 where i.status <> 'draft' and i.branding is null;

-- compute_invoice as in 20261205100000_coded_refusals.sql, plus: the branding is refused from any
-- caller, and taken from the company when the invoice first leaves draft; an issued invoice's due
-- date follows the payment terms it was issued under.
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
    if new.branding is not null then
      perform private.refuse('invoice_branding_kept', '42501',
        'An invoice''s branding is recorded by the server when it is issued and cannot be set.');
    end if;
    new.number := private.number_for_insert('public.invoices', new.id, new.company_id, 'invoice');
  else
    if new.branding is distinct from old.branding then
      perform private.refuse('invoice_branding_kept', '42501',
        'An invoice''s branding is recorded by the server when it is issued and cannot be set.');
    end if;
    new.number := old.number;
    if old.status = 'void' and new.status <> 'void' then
      perform private.refuse('invoice_void_final', '23514', 'A void invoice cannot be reopened.');
    end if;
    if old.status <> 'draft' and new.status = 'draft' then
      perform private.refuse('invoice_issued_not_draft', '23514', 'An issued invoice cannot go back to draft; void it instead.');
    end if;
  end if;
  if new.status <> 'draft' and new.branding is null then
    new.branding := private.invoice_branding(new.company_id);
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
      terms := coalesce((new.branding ->> 'payment_terms_days')::integer,
                        (select c.payment_terms_days from public.companies c where c.id = new.company_id));
      new.due_date := new.issue_date + terms;
    end if;
  end if;
  return new;
end
$$;
