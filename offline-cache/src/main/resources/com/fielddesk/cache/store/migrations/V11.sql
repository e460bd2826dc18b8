-- The branding an invoice was issued under (supabase/migrations/20261209100000_invoice_branding_snapshot.sql):
-- a JSON object the server writes when the invoice leaves draft and never changes.
alter table invoices add column branding JSON_TEXT;

-- Invoices pulled before this column existed are pulled again, so issued ones get their branding.
update pull_cursors set cursor_xid = 0, round_watermark = null, round_after_xid = null, round_after_id = null
 where table_name = 'invoices';
