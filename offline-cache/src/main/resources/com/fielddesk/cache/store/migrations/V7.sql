-- The signed-in user's read markers of internal threads (supabase/migrations/
-- 20261206110000_internal_thread_reads.sql): one row per thread they opened, read_at = read up
-- to. The server sends only the caller's own markers. Pulled after internal_messages.
create table internal_thread_reads (
  id TEXT primary key,
  company_id TEXT,
  internal_thread_id TEXT,
  user_id TEXT,
  read_at INSTANT_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('internal_thread_reads', 16, 1);
create index internal_thread_reads_by_thread on internal_thread_reads (internal_thread_id, user_id);
