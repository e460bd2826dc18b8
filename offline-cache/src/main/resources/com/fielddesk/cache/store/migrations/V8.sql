-- Why an invoice was voided (supabase/migrations/20261206130000_invoice_void_reason.sql).
alter table invoices add column void_reason TEXT;
