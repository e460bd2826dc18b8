-- The invoices list's totals line with an issue-date range: invoices_amounts (V11) covers the
-- amounts and the status, payment-status and due-date filters but not issue_date, so a range made
-- SQLite walk that index and read every invoice row besides it (50k invoices, paid in a 30-day
-- range: count, total and paid ~235–675 ms). This one covers the issue date and the customer too;
-- it replaces the narrower one (same leading columns, so every query that used it uses this one).
create index invoices_amounts_and_dates on invoices (total, amount_paid, status, payment_status, due_date, issue_date,
  customer_id, deleted_at) where deleted_at is null;
drop index invoices_amounts;

-- The PDF upload queue says why the last try failed as a sentence the console shows ("PDF upload
-- failed: …"); last_error keeps the technical text for the log.
alter table invoice_pdf_uploads add column failure text;

-- What this computer uploaded for an invoice (never synced): where, how many bytes and their
-- SHA-256, so a download from Storage can be checked against exactly what was sent.
create table invoice_pdf_receipts (
  invoice_id text primary key,
  path text not null,
  sha256 text not null,
  bytes integer not null,
  uploaded_at text not null
);
