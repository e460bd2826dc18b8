-- One pull page of a synced table, as the offline cache reads it: rows with sync_xid >= from_xid,
-- strictly after the keyset position (after_xid, after_id) when given, ordered by (sync_xid, id).
--
-- Why a function and not a PostgREST range query: PostgREST has no row comparison, so a keyset
-- page took two queries, and their plan depended on table statistics. Right after a bulk import,
-- before the first ANALYZE, the planner guessed "1 row" for every filter, preferred the
-- company_id index (0.5 % guessed selectivity against 33 % for a range) and answered every page
-- with a bitmap scan of all the company's remaining rows plus a sort: quadratic in the table size.
-- Here the keyset is one row comparison, (sync_xid, id) > (x, y), which is a single range of the
-- (sync_xid, id) index, and the planner may not sort or use bitmaps inside this function
-- (function-level settings, USERSET, allowed on hosted Supabase): the only plan left without a
-- penalty is that index range scan read in order, stopping after page_size rows, with or
-- without statistics (SyncPageTest shows the plan on a never-analyzed table).
--
-- The page is compact: one JSON array per row with the values in the order of `columns` (the
-- caller's mirrored columns), no key names. SECURITY INVOKER: row security, column grants and
-- the table grants decide what the caller gets, exactly as for a REST select. Only tables of
-- schema public with the sync columns are accepted; names are quoted with format('%I').
create or replace function public.sync_page(table_name text, columns text[], from_xid bigint,
                                            after_xid bigint default null, after_id uuid default null,
                                            page_size integer default 5000)
returns json
language plpgsql
stable
security invoker
set search_path = ''
set enable_sort = off
set enable_bitmapscan = off
as $$
declare
  target regclass := to_regclass(format('public.%I', table_name));
  values_list text;
  page json;
begin
  if target is null or not exists (
      select 1 from pg_catalog.pg_attribute a
       where a.attrelid = target and a.attname = 'sync_xid' and not a.attisdropped) then
    raise sqlstate 'PGRST' using
      message = json_build_object('code', 'not_a_synced_table',
                                  'message', format('%s is not a synced table.', table_name),
                                  'details', null, 'hint', null)::text,
      detail = json_build_object('status', 400, 'headers', json_build_object())::text;
  end if;
  if columns is null or cardinality(columns) = 0 or page_size is null or page_size < 1 or page_size > 50000
     or from_xid is null or (after_xid is null) <> (after_id is null) then
    raise sqlstate 'PGRST' using
      message = json_build_object('code', 'invalid_page_request',
                                  'message', 'A sync page needs columns, from_xid, a page_size of 1 to 50000, '
                                             'and after_xid and after_id together or neither.',
                                  'details', null, 'hint', null)::text,
      detail = json_build_object('status', 400, 'headers', json_build_object())::text;
  end if;
  select string_agg(format('p.%I', c), ', ' order by ordinality) into values_list
    from unnest(columns) with ordinality as c;
  -- The aggregate keeps the subquery's index order (as PostgREST's own json_agg does).
  execute format(
    'select coalesce(json_agg(json_build_array(%s)), ''[]'') from ('
    || 'select * from %s t where %s order by t.sync_xid, t.id limit $4) p',
    values_list, target,
    case when after_xid is null then 't.sync_xid >= $1::text::xid8'
         else 't.sync_xid >= $1::text::xid8 and (t.sync_xid, t.id) > ($2::text::xid8, $3)' end)
    into page
    using from_xid, after_xid, after_id, page_size;
  return page;
end
$$;

revoke execute on function public.sync_page(text, text[], bigint, bigint, uuid, integer) from public, anon;
grant execute on function public.sync_page(text, text[], bigint, bigint, uuid, integer) to authenticated;
