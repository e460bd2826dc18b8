-- Why an invoice was voided (supabase/migrations/20261206130000_invoice_void_reason.sql).
alter table invoices add column void_reason TEXT;

-- Issued invoices whose PDF waits to be uploaded to the Storage "invoices" bucket (never synced):
-- a row stays until the upload succeeded and pdf_path was written, so the queue survives restarts
-- and offline spells, and each PDF is uploaded once.
create table invoice_pdf_uploads (
  invoice_id text primary key,
  queued_at text not null,
  attempts integer not null default 0,
  last_error text
);
