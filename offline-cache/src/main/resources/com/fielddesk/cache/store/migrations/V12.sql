-- The offline copy of the audit log's recent entries (the supervisor's offline window, 30 days by
-- default): what the list and the diff need, so a supervisor can review recent activity while the
-- server cannot be reached. Local only: not a synced table, never pushed; filled page by page from
-- the server by the audit screen (domain.audit.AuditOfflineCopy) and trimmed to the window.
-- values_text: the old and new values' text, for the free-text filter.
create table audit_offline_entries (
  company_id text not null,
  seq integer not null,
  id text not null,
  occurred_at text not null,
  actor_id text,
  actor_role text not null,
  action text not null,
  table_name text,
  row_id text,
  old_values text,
  new_values text,
  values_text text not null default '',
  hash text not null,
  primary key (company_id, seq)
);
-- Pages are newest first (seq desc) with an optional time range: each index walks seq downwards and
-- checks the time in the index itself, so a page of 200 reads ~200 rows, not every entry of the range
-- (person + a week over 82,000 entries: 0.5 ms this way, 30 ms with (company_id, actor_id, occurred_at)
-- and a sort — docs/benchmarks.md).
create index audit_offline_by_time on audit_offline_entries (company_id, seq, occurred_at);
create index audit_offline_by_person on audit_offline_entries (company_id, actor_id, seq, occurred_at);
create index audit_offline_by_record on audit_offline_entries (company_id, row_id, seq, occurred_at);

-- How far the copy reaches: complete from covered_since up to complete_seq (the newest entry of the
-- last refresh that ran to its end).
create table audit_offline_range (
  company_id text primary key,
  covered_since text not null,
  complete_seq integer not null,
  refreshed_at text not null
);
