-- Why an invoice was voided (issue 16): the console asks for a reason when it voids an invoice
-- and the reason travels with the void through sync. At most 500 characters; invoices voided
-- before this column existed keep none.
alter table public.invoices add column void_reason text;
alter table public.invoices add constraint invoice_void_reason_at_most_500_chars
  check (char_length(void_reason) <= 500);
