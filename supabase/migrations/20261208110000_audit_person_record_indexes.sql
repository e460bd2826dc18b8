-- The audit screen's pages are newest first (seq desc) filtered by a person or one record ("History").
-- With only (company_id, seq) and (company_id, occurred_at) the server walked the company's chain
-- backwards and dropped every other person's entries (1,000,000 entries, person + a week: a parallel
-- backward scan, 127 ms on a cold start; one record's history reads the whole chain when the record is
-- rare). These indexes start at the person or the record.
create index audit_log_company_actor_seq_idx on public.audit_log (company_id, actor_id, seq desc);
create index audit_log_company_row_seq_idx on public.audit_log (company_id, row_id, seq desc);
