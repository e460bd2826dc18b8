-- Audit chain heads this computer has seen (seq and hash of the newest entry at the time): a later
-- verify compares the server's chain with every one of them, so a history rewritten on the server
-- with every hash recomputed — which the server's own chain check cannot see — is still caught.
-- Local only: not a synced table, never pushed.
create table audit_witnessed_heads (
  company_id text not null,
  seq integer not null,
  hash text not null,
  seen_at text not null,
  primary key (company_id, seq)
);
