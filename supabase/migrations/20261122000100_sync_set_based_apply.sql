-- apply_mutations, fast: a batch is applied set-based (a few statements per table instead of
-- several per mutation), inside one sub-transaction; if anything in it raises (a validation,
-- RLS or constraint refusal, a bad value), that sub-transaction is rolled back and the batch is
-- applied one mutation at a time exactly as before (20261121100000), so the refused mutation is
-- answered `rejected` alone while the rest proceed. Answers, the ledger and every guarantee are
-- unchanged (offline-cache/README.md, "Push"):
--   * exactly once: a mutation already in the ledger answers `duplicate` and is not applied; the
--     ledger rows are written in the same sub-transaction as the changes they record;
--   * conflicts by base version, with chains of one row's queued changes recognised through the
--     ledger's result_version, exactly as sync_internal.produced_version decides;
--   * FIFO per row: the k-th mutation of a row in the batch is applied in round k, after its
--     predecessor; a row whose mutation conflicted has its later mutations `deferred`;
--   * RLS, grants and every trigger (audit chain, numbering, transitions) judge each row as before.
-- Why: profiling (offline-cache ApplyMutationsProfile) showed ~6 ms per mutation, most of it per
-- statement cost paid per row: planning the dynamic statements, RLS policy sub-plans
-- (current_company_id ran 9 times per mutation) and a sub-transaction each.

-- Writes the ledger rows of a set of mutations applied together (the set-based counterpart of
-- claim_mutation + record_result). Returns how many were new; the caller falls back when that
-- is not all of them (a replay raced in).
create or replace function sync_internal.record_mutations(p_entries jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
  written integer;
begin
  if company is null then
    raise exception 'Only active staff of a company can sync changes.' using errcode = '42501';
  end if;
  insert into public.sync_mutations (mutation_id, company_id, user_id, table_name, row_id, operation, result_version)
  select e.mutation_id, company, auth.uid(), e.table_name, e.row_id, e.operation, e.result_version
    from jsonb_to_recordset(p_entries) as e(mutation_id uuid, table_name text, row_id uuid, operation text,
                                            result_version integer)
  on conflict (mutation_id) do nothing;
  get diagnostics written = row_count;
  return written;
end
$$;
revoke execute on function sync_internal.record_mutations(jsonb) from public, anon;
grant execute on function sync_internal.record_mutations(jsonb) to authenticated, service_role;

-- The original per-mutation path (one sub-transaction per mutation), kept as the fallback. Same
-- logic as 20261121100000's loop; the answers are collected in an array instead of appending to
-- a JSON array (which copied the whole answer once per mutation).
create or replace function sync_internal.apply_mutations_one_by_one(mutations jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  mutation jsonb;
  results jsonb[] := '{}';
  blocked text[] := '{}';
  writable jsonb := '{}'::jsonb;
  m_id uuid;
  m_table text;
  m_row uuid;
  m_op text;
  m_changes jsonb;
  m_base integer;
  m_previous uuid;
  row_key text;
  allowed text[];
  columns text[];
  column_list text;
  status text;
  err_code text;
  err_message text;
  current_version integer;
  new_version integer;
  affected integer;
  current_row jsonb;
begin
  for mutation in select value from jsonb_array_elements(mutations)
  loop
    m_id := (mutation ->> 'mutation_id')::uuid;
    m_table := mutation ->> 'table';
    m_row := (mutation ->> 'row_id')::uuid;
    m_op := mutation ->> 'operation';
    m_changes := coalesce(mutation -> 'changes', '{}'::jsonb) - 'id';
    m_base := (mutation ->> 'base_version')::integer;
    m_previous := (mutation ->> 'previous_mutation_id')::uuid;
    row_key := m_table || ':' || m_row;
    err_code := null;
    err_message := null;

    if row_key = any (blocked) then
      results := results || jsonb_build_object('mutation_id', m_id, 'status', 'deferred');
      continue;
    end if;

    begin
      if not writable ? m_table then
        writable := writable || jsonb_build_object(m_table, to_jsonb(sync_internal.writable_columns(m_table)));
      end if;
      allowed := array(select jsonb_array_elements_text(writable -> m_table));
      if cardinality(allowed) = 0 then
        raise exception 'The table "%" cannot be changed through sync.', left(m_table, 63) using errcode = '42501';
      end if;
      columns := array(select jsonb_object_keys(m_changes));
      if not columns <@ allowed then
        raise exception 'Cannot write column(s) % of %.',
          array(select unnest(columns) except select unnest(allowed)), m_table using errcode = '42703';
      end if;
      column_list := (select string_agg(format('%I', c), ', ') from unnest(columns) c);

      if not sync_internal.claim_mutation(m_id, m_table, m_row, m_op) then
        status := 'duplicate';
      elsif m_op = 'insert' then
        execute format('insert into public.%I (id, last_mutation_id%s) select $1, $2%s from jsonb_populate_record(null::public.%I, $3) returning version',
                       m_table, coalesce(', ' || column_list, ''), coalesce(', ' || column_list, ''), m_table)
          into new_version using m_row, m_id, m_changes;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      elsif m_op = 'update' then
        execute format('select version from public.%I where id = $1 for update', m_table)
          into current_version using m_row;
        if current_version is null then
          raise exception '% % does not exist or you cannot see it.', m_table, m_row using errcode = 'P0002';
        end if;
        if (m_base is not null and current_version <> m_base or m_base is null and m_previous is not null)
           and not (m_previous is not null and sync_internal.produced_version(m_previous, current_version)) then
          -- Stale base: undo the ledger claim (the client merges and sends this id again).
          raise exception using errcode = 'FDCFL', message = 'conflict';
        end if;
        if column_list is null then
          execute format('update public.%I set last_mutation_id = $2 where id = $1 returning version', m_table)
            into new_version using m_row, m_id;
        else
          execute format('update public.%I set (last_mutation_id, %s) = (select $2, %s from jsonb_populate_record(null::public.%I, $3)) where id = $1 returning version',
                         m_table, column_list, column_list, m_table)
            into new_version using m_row, m_id, m_changes;
        end if;
        get diagnostics affected = row_count;
        if affected = 0 then
          raise exception 'You are not allowed to change this % row.', m_table using errcode = '42501';
        end if;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      else
        execute format('update public.%I set deleted_at = coalesce(deleted_at, now()), last_mutation_id = $2 where id = $1 returning version', m_table)
          into new_version using m_row, m_id;
        get diagnostics affected = row_count;
        if affected = 0 then
          raise exception '% % does not exist or you are not allowed to delete it.', m_table, m_row using errcode = 'P0002';
        end if;
        perform sync_internal.record_result(m_id, new_version);
        status := 'applied';
      end if;
    exception
      when others then
        get stacked diagnostics err_code = returned_sqlstate, err_message = message_text;
        -- Transient failures are not the mutation's fault: fail the whole call so it is retried.
        if err_code like '40%' or err_code like '53%' or err_code like '08%' or err_code = '57014' then
          raise;
        end if;
        status := case when err_code = 'FDCFL' then 'conflict' else 'rejected' end;
        if status = 'conflict' then
          err_code := 'conflict';
          err_message := 'The row was changed by someone else.';
        end if;
    end;

    if status in ('conflict', 'rejected') then
      blocked := blocked || row_key;
    end if;
    current_row := null;
    if sync_internal.is_writable_table(m_table) then
      execute format('select to_jsonb(t) from public.%I t where t.id = $1', m_table) into current_row using m_row;
    end if;
    results := results || jsonb_build_object('mutation_id', m_id, 'status', status, 'code', err_code,
                                             'message', err_message, 'row', current_row);
  end loop;
  return to_jsonb(results);
end
$$;

-- "name type, ..." of the given columns of a public table (for a jsonb_to_record column list);
-- null for no columns.
create or replace function sync_internal.typed_columns(p_table text, p_columns text[])
returns text
language sql
stable
set search_path = ''
as $$
  select string_agg(format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' order by a.attnum)
    from pg_catalog.pg_attribute a
   where a.attrelid = to_regclass('public.' || quote_ident(p_table))
     and a.attname = any (p_columns) and a.attnum > 0 and not a.attisdropped
$$;

-- The fast path. Answers like apply_mutations_one_by_one, or null when the batch holds something
-- it does not take (a table or column that cannot be written: the one-by-one path then answers
-- it `rejected` with its message). Raises when a statement is refused; the caller then rolls it
-- back and goes one by one.
create or replace function sync_internal.apply_mutations_set_based(mutations jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  entries jsonb;           -- normalised mutations: ord, mutation_id, table, row_id, operation, changes, base, previous, round
  writable jsonb;          -- table -> its writable columns
  results jsonb[];
  blocked jsonb := '{}';   -- "table:row" of rows whose mutation conflicted in this batch
  rounds integer;
  round_no integer;
  tbl text;
  work jsonb;              -- this round's mutations of tbl still to apply
  ids uuid[];
  versions jsonb;          -- row id -> current version (locked)
  produced jsonb;          -- previous mutation id -> the version it produced
  applied jsonb;           -- row id -> {version, row} after the change
  rows_now jsonb;          -- row id -> row (for answers that changed nothing)
  done jsonb;              -- mutation ids answered duplicate/conflict in this round
  e jsonb;
  ord integer;
  cur integer;
  base integer;
  previous text;
  column_set text[];
  assignments text;
  typed_columns text;      -- "name type, ..." of column_set: jsonb_to_record converts only those
                           -- (jsonb_populate_record built all ~25 columns of a row: 0.1 ms per row)
  expected integer;
  affected integer;
begin
  select jsonb_agg(jsonb_build_object(
           'ord', n.ord, 'mutation_id', n.mutation_id, 'table', n.tbl, 'row_id', n.row_id, 'operation', n.op,
           'changes', n.changes, 'base_version', n.base, 'previous_mutation_id', n.previous,
           'round', n.round) order by n.ord),
         max(n.ord)
    into entries, expected
    from (select m.ord::integer as ord, (m.v ->> 'mutation_id')::uuid as mutation_id, m.v ->> 'table' as tbl,
                 (m.v ->> 'row_id')::uuid as row_id, m.v ->> 'operation' as op,
                 case when m.v ->> 'operation' = 'delete' then '{}'::jsonb
                      else coalesce(m.v -> 'changes', '{}'::jsonb) - 'id' end as changes,
                 (m.v ->> 'base_version')::integer as base, (m.v ->> 'previous_mutation_id')::uuid as previous,
                 row_number() over (partition by m.v ->> 'table', (m.v ->> 'row_id')::uuid order by m.ord) as round
            from jsonb_array_elements(mutations) with ordinality as m(v, ord)) n;
  if entries is null then
    return '[]'::jsonb;
  end if;
  results := array_fill(null::jsonb, array[expected]);

  select jsonb_object_agg(t.tbl, to_jsonb(sync_internal.writable_columns(t.tbl)))
    into writable
    from (select distinct x ->> 'table' as tbl from jsonb_array_elements(entries) as w(x)) t;
  if exists (select 1 from jsonb_array_elements(entries) as w(x)
              where jsonb_array_length(writable -> (x ->> 'table')) = 0
                 or not (writable -> (x ->> 'table')) ?& array(select jsonb_object_keys(x -> 'changes'))) then
    return null;
  end if;

  rounds := (select max((x ->> 'round')::integer) from jsonb_array_elements(entries) as w(x));
  for round_no in 1 .. rounds loop
    for tbl in select x ->> 'table' from jsonb_array_elements(entries) as w(x)
                where (x ->> 'round')::integer = round_no
                group by x ->> 'table' order by min((x ->> 'ord')::integer)
    loop
      -- This round's mutations of the table; those of a row that conflicted earlier wait.
      if blocked <> '{}' then
        for e in select x from jsonb_array_elements(entries) as w(x)
                  where (x ->> 'round')::integer = round_no and x ->> 'table' = tbl
                    and blocked ? (tbl || ':' || (x ->> 'row_id'))
        loop
          results[(e ->> 'ord')::integer] := jsonb_build_object('mutation_id', e -> 'mutation_id', 'status', 'deferred');
        end loop;
      end if;
      select coalesce(jsonb_agg(x order by (x ->> 'ord')::integer), '[]') into work
        from jsonb_array_elements(entries) as w(x)
       where (x ->> 'round')::integer = round_no and x ->> 'table' = tbl
         and not blocked ? (tbl || ':' || (x ->> 'row_id'));
      continue when jsonb_array_length(work) = 0;

      -- Already in the ledger: an earlier attempt applied it (claim_mutation's answer).
      select coalesce(jsonb_object_agg(s.mutation_id, true), '{}') into done
        from public.sync_mutations s
       where s.mutation_id in (select (x ->> 'mutation_id')::uuid from jsonb_array_elements(work) as w(x));

      -- Lock the rows that change and read their versions; a row that is not there (or not
      -- visible) is refused one by one with its message.
      ids := array(select (x ->> 'row_id')::uuid from jsonb_array_elements(work) as w(x)
                    where x ->> 'operation' <> 'insert' and not done ? (x ->> 'mutation_id'));
      if cardinality(ids) > 0 then
        execute format('select coalesce(jsonb_object_agg(l.id, l.version), ''{}'') from '
                       '(select t.id, t.version from public.%I t where t.id = any ($1) for update) l', tbl)
          into versions using ids;
        if (select count(*) from jsonb_object_keys(versions)) <> cardinality(ids) then
          raise exception using errcode = 'FDSLO', message = 'a row is missing';
        end if;
        select coalesce(jsonb_object_agg(s.mutation_id, s.result_version), '{}') into produced
          from public.sync_mutations s
         where s.mutation_id in (select (x ->> 'previous_mutation_id')::uuid from jsonb_array_elements(work) as w(x)
                                  where x ->> 'operation' = 'update' and x ->> 'previous_mutation_id' is not null)
           and s.company_id = (select public.current_company_id());
      end if;

      -- Answer duplicates and stale bases now; the rest is applied below.
      for e in select x from jsonb_array_elements(work) as w(x) loop
        ord := (e ->> 'ord')::integer;
        if done ? (e ->> 'mutation_id') then
          results[ord] := jsonb_build_object('mutation_id', e -> 'mutation_id', 'status', 'duplicate', 'code', null,
                                             'message', null);
        elsif e ->> 'operation' = 'update' then
          cur := (versions ->> (e ->> 'row_id'))::integer;
          base := (e ->> 'base_version')::integer;
          previous := e ->> 'previous_mutation_id';
          if (base is not null and cur <> base or base is null and previous is not null)
             and not (previous is not null and (produced ->> previous)::integer is not distinct from cur) then
            results[ord] := jsonb_build_object('mutation_id', e -> 'mutation_id', 'status', 'conflict',
                                               'code', 'conflict', 'message', 'The row was changed by someone else.');
            blocked := blocked || jsonb_build_object(tbl || ':' || (e ->> 'row_id'), true);
            done := done || jsonb_build_object(e ->> 'mutation_id', true);
          end if;
        end if;
      end loop;
      work := coalesce((select jsonb_agg(x) from jsonb_array_elements(work) as w(x) where not done ? (x ->> 'mutation_id')), '[]');

      applied := '{}';
      -- Inserts, one statement per set of columns given.
      for column_set in select distinct array(select jsonb_object_keys(x -> 'changes') order by 1)
                          from jsonb_array_elements(work) as w(x) where x ->> 'operation' = 'insert'
      loop
        typed_columns := sync_internal.typed_columns(tbl, column_set);
        execute format('with m as (select * from jsonb_to_recordset($1) as m(mutation_id uuid, row_id uuid, changes jsonb)), '
                       'i as (insert into public.%1$I as t (id, last_mutation_id%2$s) '
                       '      select m.row_id, m.mutation_id%3$s from m%4$s '
                       '      returning t.id, t.version, to_jsonb(t) as row) '
                       'select coalesce(jsonb_object_agg(i.id, jsonb_build_object(''version'', i.version, ''row'', i.row)), ''{}'') from i',
                       tbl,
                       (select string_agg(format(', %I', c), '') from unnest(column_set) c),
                       (select string_agg(format(', r.%I', c), '') from unnest(column_set) c),
                       case when typed_columns is not null
                            then format(' cross join lateral jsonb_to_record(m.changes) as r(%s)', typed_columns) end)
          into rows_now
          using (select jsonb_agg(x) from jsonb_array_elements(work) as w(x)
                  where x ->> 'operation' = 'insert'
                    and array(select jsonb_object_keys(x -> 'changes') order by 1) = column_set);
        applied := applied || rows_now;
      end loop;

      -- Updates and deletes of the table: one statement; a column a mutation does not change keeps its value.
      column_set := array(select distinct k from jsonb_array_elements(work) as w(x), jsonb_object_keys(x -> 'changes') k
                           where x ->> 'operation' = 'update' order by 1);
      assignments := (select string_agg(format(', %1$I = case when m.changes ? %2$L then r.%1$I else t.%1$I end', c, c), '')
                        from unnest(column_set) c);
      typed_columns := sync_internal.typed_columns(tbl, column_set);
      if exists (select 1 from jsonb_array_elements(work) as w(x) where x ->> 'operation' <> 'insert') then
        execute format('with m as (select * from jsonb_to_recordset($1) as m(mutation_id uuid, row_id uuid, operation text, changes jsonb)), '
                       'u as (update public.%1$I as t set last_mutation_id = m.mutation_id, '
                       '        deleted_at = case when m.operation = ''delete'' then coalesce(t.deleted_at, now()) else t.deleted_at end%2$s '
                       '      from m%3$s '
                       '      where t.id = m.row_id '
                       '      returning t.id, t.version, to_jsonb(t) as row) '
                       'select coalesce(jsonb_object_agg(u.id, jsonb_build_object(''version'', u.version, ''row'', u.row)), ''{}'') from u',
                       tbl, coalesce(assignments, ''),
                       case when typed_columns is not null
                            then format(' cross join lateral jsonb_to_record(m.changes) as r(%s)', typed_columns) end)
          into rows_now
          using (select jsonb_agg(x) from jsonb_array_elements(work) as w(x) where x ->> 'operation' <> 'insert');
        applied := applied || rows_now;
      end if;
      -- A row the caller may see but not change is skipped silently by RLS: refuse one by one.
      if (select count(*) from jsonb_object_keys(applied)) <> jsonb_array_length(work) then
        raise exception using errcode = 'FDSLO', message = 'a row was not changed';
      end if;

      if jsonb_array_length(work) > 0 then
        if sync_internal.record_mutations(
             (select jsonb_agg(jsonb_build_object('mutation_id', x -> 'mutation_id', 'table_name', tbl,
                                                  'row_id', x -> 'row_id', 'operation', x -> 'operation',
                                                  'result_version', applied -> (x ->> 'row_id') -> 'version'))
                from jsonb_array_elements(work) as w(x))) <> jsonb_array_length(work) then
          raise exception using errcode = 'FDSLO', message = 'a mutation was recorded meanwhile';
        end if;
      end if;
      for e in select x from jsonb_array_elements(work) as w(x) loop
        results[(e ->> 'ord')::integer] := jsonb_build_object('mutation_id', e -> 'mutation_id', 'status', 'applied',
                                                              'code', null, 'message', null,
                                                              'row', applied -> (e ->> 'row_id') -> 'row');
      end loop;

      -- Rows for the answers that changed nothing (duplicate, conflict), as they are now.
      ids := array(select (x ->> 'row_id')::uuid from jsonb_array_elements(entries) as w(x)
                    where (x ->> 'round')::integer = round_no and x ->> 'table' = tbl
                      and results[(x ->> 'ord')::integer] ->> 'status' in ('duplicate', 'conflict'));
      if cardinality(ids) > 0 then
        execute format('select coalesce(jsonb_object_agg(t.id, to_jsonb(t)), ''{}'') from public.%I t where t.id = any ($1)', tbl)
          into rows_now using ids;
        for e in select x from jsonb_array_elements(entries) as w(x)
                  where (x ->> 'round')::integer = round_no and x ->> 'table' = tbl
                    and results[(x ->> 'ord')::integer] ->> 'status' in ('duplicate', 'conflict')
        loop
          ord := (e ->> 'ord')::integer;
          results[ord] := results[ord] || jsonb_build_object('row', rows_now -> (e ->> 'row_id'));
        end loop;
      end if;
    end loop;
  end loop;
  return to_jsonb(results);
end
$$;

create or replace function public.apply_mutations(mutations jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  malformed jsonb;
  answer jsonb;
  err_code text;
begin
  if mutations is null or jsonb_typeof(mutations) <> 'array' then
    raise exception 'apply_mutations expects a JSON array of mutations.' using errcode = '22023';
  end if;
  if jsonb_array_length(mutations) > 1000 then
    raise exception 'At most 1000 mutations per call.' using errcode = '22023';
  end if;
  -- A malformed entry is a client bug: refuse the whole call (the client then sends its
  -- mutations one by one and quarantines the bad one).
  select m into malformed from jsonb_array_elements(mutations) as e(m)
   where jsonb_typeof(m) <> 'object' or jsonb_typeof(m -> 'mutation_id') <> 'string'
      or jsonb_typeof(m -> 'table') <> 'string' or jsonb_typeof(m -> 'row_id') <> 'string'
      or coalesce(m ->> 'operation', '') not in ('insert', 'update', 'delete')
      or coalesce(jsonb_typeof(m -> 'changes'), 'object') <> 'object'
   limit 1;
  if found then
    raise exception 'Malformed mutation: %', left(malformed::text, 200) using errcode = '22023';
  end if;
  -- Take the company's write lock before any row lock, in the same order as every other
  -- writer of this company, so two batches queue instead of deadlocking on each other's rows.
  perform public.lock_company_writes();

  -- A single mutation gains nothing from the set-based path (which has more statements to run).
  if jsonb_array_length(mutations) = 1 then
    return sync_internal.apply_mutations_one_by_one(mutations);
  end if;
  begin
    answer := sync_internal.apply_mutations_set_based(mutations);
  exception
    when others then
      get stacked diagnostics err_code = returned_sqlstate;
      -- Transient failures are not the batch's fault: fail the whole call so it is retried.
      if err_code like '40%' or err_code like '53%' or err_code like '08%' or err_code = '57014' then
        raise;
      end if;
      answer := null;
  end;
  return coalesce(answer, sync_internal.apply_mutations_one_by_one(mutations));
end
$$;

revoke execute on function sync_internal.apply_mutations_one_by_one(jsonb), sync_internal.apply_mutations_set_based(jsonb),
  sync_internal.typed_columns(text, text[]) from public, anon;
grant execute on function sync_internal.apply_mutations_one_by_one(jsonb), sync_internal.apply_mutations_set_based(jsonb),
  sync_internal.typed_columns(text, text[]) to authenticated, service_role;
