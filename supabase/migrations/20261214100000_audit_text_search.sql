-- Free text in the audit log's values, fast over millions of entries.
--
-- Through PostgREST the filter was `audit_log?values_text=ilike.*text*&order=seq.desc&limit=200`.
-- Under row security ilike (not leakproof) may not be used as an index condition before the row
-- policy's own checks, so the trigram index (20261208100000) was never used: the planner walked the
-- company's chain backwards reading every entry's values until it had 200 matches — 2–3 s over
-- 1,000,000 entries for a text in 1 entry of 5,000.
--
-- audit_log_search answers the same page (same filters, newest first, keyset on seq) for the person
-- asking, checked as the row policy checks it (a supervisor or admin, their own company only), and
-- picks the plan by how common the text is:
--   1. the newest 5,000 entries that pass the other filters are read (the chain's index): a common
--      text fills the page there, and a range of at most 5,000 entries is answered whole;
--   2. otherwise the trigram index finds every candidate (bitmap scans only) when the text mentions
--      at most 10,000 entries, and the newest max_rows of them are read by seq;
--   3. otherwise (a text between the two, or under 3 characters: no trigram) the chain walk.
-- The answer is the same either way; only the time differs.

create or replace function public.audit_log_search(
  search text,
  before_seq bigint default null,
  from_time timestamptz default null,
  to_time timestamptz default null,
  actor uuid default null,
  action_is text default null,
  table_is text default null,
  record uuid default null,
  max_rows integer default 200)
returns setof public.audit_log
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
  pattern text := '%' || replace(replace(replace(coalesce(search, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  page_size integer := least(greatest(coalesce(max_rows, 200), 1), 1000);
  newest constant integer := 5000;
  rare_at_most constant integer := 10000;
  -- others: every filter but the keyset (seq); filters: all of them.
  others text := case when from_time is not null then ' and a.occurred_at >= $4' else '' end
    || case when to_time is not null then ' and a.occurred_at < $5' else '' end
    || case when actor is not null then ' and a.actor_id = $6' else '' end
    || case when action_is is not null then ' and a.action = $7' else '' end
    || case when table_is is not null then ' and a.table_name = $8' else '' end
    || case when record is not null then ' and a.row_id = $9' else '' end;
  filters text := ' where a.company_id = $1' || case when before_seq is not null then ' and a.seq < $3' else '' end || others;
  conditions text := filters || ' and a.values_text ilike $2';
  scanned integer;
  index_scans text := pg_catalog.current_setting('enable_indexscan');
  seq_scans text := pg_catalog.current_setting('enable_seqscan');
  hits bigint[];
begin
  if company is null or not public.is_manager() then
    perform private.raise_api_error('not_authorized', 'Only supervisors and admins can read the audit log.', 403);
  end if;
  -- 1. The newest entries: the matches among them, and how many were read.
  execute 'select coalesce(array_agg(w.seq order by w.seq desc) filter (where w.values_text ilike $2), ''{}''), count(*)'
    || ' from (select a.seq, a.values_text from public.audit_log a' || filters || ' order by a.seq desc limit ' || newest || ') w'
    into hits, scanned
    using company, pattern, before_seq, from_time, to_time, actor, action_is, table_is, record;
  if pg_catalog.cardinality(hits) >= page_size or scanned < newest then
    return query select a.* from public.audit_log a
      where a.company_id = company and a.seq = any (hits[1:page_size])
      order by a.seq desc;
    return;
  end if;
  -- 2. A rare text: every candidate from the trigram index.
  if pg_catalog.length(coalesce(search, '')) >= 3 then
    -- Bitmap scans only: the trigram index (with another filter's index where it narrows). The
    -- keyset is applied to the candidates afterwards: a bitmap of "seq below" would span the chain.
    perform pg_catalog.set_config('enable_indexscan', 'off', true);
    perform pg_catalog.set_config('enable_seqscan', 'off', true);
    execute 'select array(select a.seq from public.audit_log a where a.company_id = $1' || others
      || ' and a.values_text ilike $2 limit ' || (rare_at_most + 1) || ')'
      into hits
      using company, pattern, before_seq, from_time, to_time, actor, action_is, table_is, record;
    perform pg_catalog.set_config('enable_indexscan', index_scans, true);
    perform pg_catalog.set_config('enable_seqscan', seq_scans, true);
    if pg_catalog.cardinality(hits) <= rare_at_most then
      hits := array(select h from pg_catalog.unnest(hits) h where before_seq is null or h < before_seq order by h desc);
      return query select a.* from public.audit_log a
        where a.company_id = company and a.seq = any (hits[1:page_size])
        order by a.seq desc;
      return;
    end if;
  end if;
  -- 3. The chain walk.
  return query execute 'select a.* from public.audit_log a' || conditions || ' order by a.seq desc limit ' || page_size
    using company, pattern, before_seq, from_time, to_time, actor, action_is, table_is, record;
end
$$;

revoke execute on function public.audit_log_search(text, bigint, timestamptz, timestamptz, uuid, text, text, uuid, integer)
  from public, anon;
grant execute on function public.audit_log_search(text, bigint, timestamptz, timestamptz, uuid, text, text, uuid, integer)
  to authenticated, service_role;
