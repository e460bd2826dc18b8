-- Cache schema V1: bookkeeping for sync. Mirrored server tables come in V2.
-- Declared column types are read by ColumnType: TEXT, INTEGER, REAL, BOOLEAN, DECIMAL_TEXT, JSON_TEXT.

-- Which mirrored tables are synced, in pull order (parents before children).
create table synced_tables (
  name text primary key,
  pull_order integer not null,
  writable integer not null
);

-- Pull position per table. cursor_xid is committed only when a whole pull round finished;
-- while a round is under way, round_* hold its watermark and the keyset position of the last
-- applied page so a killed process resumes exactly where it stopped.
create table pull_cursors (
  table_name text primary key,
  cursor_xid integer not null default 0,
  round_watermark integer,
  round_after_xid integer,
  round_after_id text,
  rows_pulled integer not null default 0,
  last_pulled_at text
);

-- The sync queue. One row per local change, drained FIFO by seq.
create table outbox (
  seq integer primary key autoincrement,
  mutation_id text not null unique,
  table_name text not null,
  row_id text not null,
  operation text not null check (operation in ('insert', 'update', 'delete')),
  changes JSON_TEXT not null,
  base_values JSON_TEXT,
  base_version integer,
  previous_mutation_id text,
  state text not null default 'pending' check (state in ('pending', 'quarantined')),
  attempts integer not null default 0,
  error_code text,
  error_message text,
  created_at text not null,
  last_attempt_at text
);
create index outbox_row on outbox (table_name, row_id, seq);
create index outbox_state on outbox (state, seq);

-- Fields both this user and someone else changed: the server value was kept; the user may
-- re-apply their value or dismiss the entry.
create table conflicts (
  id integer primary key autoincrement,
  table_name text not null,
  row_id text not null,
  column_name text not null,
  local_value JSON_TEXT,
  server_value JSON_TEXT,
  server_version integer,
  created_at text not null
);

create table sync_meta (
  key text primary key,
  value text
);
