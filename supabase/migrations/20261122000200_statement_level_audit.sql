-- The audit chain, written once per statement instead of once per row. Same entries, same
-- chain, same hash (private.audit_hash), same lock (private.lock_company_chain), same rules for
-- what is logged (20261121000150_audit.sql); only the work per changed row shrinks: the actor is
-- looked up, the chain locked and its head read once per statement and company, and the
-- entries are inserted with one statement. Entries of one statement follow the order in which
-- the statement changed its rows. Why: the row trigger cost ~0.5 ms per row (a lock, a lookup
-- of the previous entry, the actor's role and an INSERT each), which bounded batched writes
-- such as the offline cache's push (docs/benchmarks.md).

-- Appends entries to a company's chain, in the given order, under the chain lock; returns their
-- ids. Items: [{action, table_name, row_id, old_values, new_values}].
create or replace function private.append_audit(company uuid, items jsonb)
returns uuid[]
language plpgsql
security definer
set search_path = ''
as $$
declare
  entry public.audit_log;
  entries public.audit_log[] := '{}';
  item jsonb;
  head record;
  next_seq bigint;
  previous_hash text;
  actor uuid := auth.uid();
  actor_role text := coalesce(public.current_app_role(),
                              case when cardinality(public.current_portal_customer_ids()) > 0 then 'customer' end,
                              nullif(auth.role(), ''), 'system');
begin
  perform private.lock_company_chain(company);
  select a.seq, a.hash into head from public.audit_log a
   where a.company_id = company order by a.seq desc limit 1;
  next_seq := coalesce(head.seq, 0);
  previous_hash := head.hash;
  for item in select value from jsonb_array_elements(items) loop
    next_seq := next_seq + 1;
    entry.id := gen_random_uuid();
    entry.company_id := company;
    entry.seq := next_seq;
    entry.occurred_at := clock_timestamp();
    entry.actor_id := actor;
    entry.actor_role := actor_role;
    entry.action := item ->> 'action';
    entry.table_name := item ->> 'table_name';
    entry.row_id := (item ->> 'row_id')::uuid;
    entry.old_values := nullif(item -> 'old_values', 'null'::jsonb);
    entry.new_values := nullif(item -> 'new_values', 'null'::jsonb);
    entry.prev_hash := previous_hash;
    entry.hash := private.audit_hash(entry);
    previous_hash := entry.hash;
    entries := entries || entry;
  end loop;
  insert into public.audit_log (id, company_id, seq, occurred_at, actor_id, actor_role, action, table_name, row_id,
                                old_values, new_values, prev_hash, hash)
  select e.id, e.company_id, e.seq, e.occurred_at, e.actor_id, e.actor_role, e.action, e.table_name, e.row_id,
         e.old_values, e.new_values, e.prev_hash, e.hash
    from unnest(entries) with ordinality as e
   order by e.ordinality;
  return array(select e.id from unnest(entries) as e);
end
$$;

-- One entry (claims, declines, sign-ins, ...): the same path as the triggers.
create or replace function private.write_audit(
  company uuid, action text, table_name text, row_id uuid, old_values jsonb, new_values jsonb)
returns uuid
language sql
security definer
set search_path = ''
as $$
  select (private.append_audit(company, jsonb_build_array(jsonb_build_object(
    'action', action, 'table_name', table_name, 'row_id', row_id, 'old_values', old_values,
    'new_values', new_values))))[1]
$$;

-- Statement trigger (after insert / update / delete, with the transition table(s) new_rows /
-- old_rows): logs inserts and deletes with the whole row, updates with the changed columns only
-- (old and new); a row whose update changed only ignored columns is not logged. Trigger
-- arguments name extra columns to leave out (e.g. message bodies, counters). A row entering a
-- company (a claim: company_id was null) is logged by the claim itself.
create or replace function private.audit_changed_rows()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ignored text[] := array['updated_at', 'version', 'sync_xid', 'last_mutation_id']::text[] || tg_argv;
  company_key text := case when tg_table_name = 'companies' then 'id' else 'company_id' end;
  chain record;
begin
  if tg_op = 'INSERT' then
    for chain in
      select (r.j ->> company_key)::uuid as company,
             jsonb_agg(jsonb_build_object('action', 'insert', 'table_name', tg_table_name, 'row_id', r.j -> 'id',
                                          'new_values', r.j - ignored) order by r.ord) as items
        from (select row_number() over () as ord, to_jsonb(n) as j from new_rows n offset 0) r
       where r.j ->> company_key is not null
       group by 1 order by min(r.ord)
    loop
      perform private.append_audit(chain.company, chain.items);
    end loop;
  elsif tg_op = 'DELETE' then
    for chain in
      select (r.j ->> company_key)::uuid as company,
             jsonb_agg(jsonb_build_object('action', 'delete', 'table_name', tg_table_name, 'row_id', r.j -> 'id',
                                          'old_values', r.j - ignored) order by r.ord) as items
        from (select row_number() over () as ord, to_jsonb(o) as j from old_rows o offset 0) r
       where r.j ->> company_key is not null
       group by 1 order by min(r.ord)
    loop
      perform private.append_audit(chain.company, chain.items);
    end loop;
  else
    for chain in
      -- Each row is turned into JSON once (materialized): otherwise the planner repeats
      -- to_jsonb(row) in every expression that uses it, once per key compared.
      with o as materialized (select r.id, to_jsonb(r) as j from old_rows r),
           n as materialized (select row_number() over () as ord, r.id, to_jsonb(r) as j from new_rows r)
      select c.company,
             jsonb_agg(jsonb_build_object('action', 'update', 'table_name', tg_table_name, 'row_id', c.id,
                                          'old_values', c.diff -> 'old', 'new_values', c.diff -> 'new') order by c.ord) as items
        from (select n.ord, n.j -> 'id' as id,
                     coalesce(n.j ->> company_key, o.j ->> company_key)::uuid as company,
                     o.j ->> company_key as old_company,
                     -- Old and new row have the same keys: one pass finds the changed ones.
                     (select jsonb_build_object('old', jsonb_object_agg(k.key, k.value),
                                                'new', jsonb_object_agg(k.key, n.j -> k.key))
                        from jsonb_each(o.j - ignored) k
                       where k.value is distinct from (n.j -> k.key)
                      having count(*) > 0) as diff
                from n join o on o.id = n.id offset 0) c
       where c.company is not null and c.diff is not null
         and (tg_table_name = 'companies' or c.old_company is not null)
       group by c.company order by min(c.ord)
    loop
      perform private.append_audit(chain.company, chain.items);
    end loop;
  end if;
  return null;
end
$$;

-- Attaches the audit triggers to a table (extra arguments: columns not to record).
create or replace function private.add_audit(target regclass, ignored_columns text[] default '{}')
returns void
language plpgsql
set search_path = ''
as $$
declare
  arguments text := coalesce((select string_agg(quote_literal(c), ', ') from unnest(ignored_columns) c), '');
begin
  execute format('drop trigger if exists audit_row_change on %s', target);
  execute format('create trigger audit_inserted_rows after insert on %s referencing new table as new_rows '
                 'for each statement execute function private.audit_changed_rows(%s)', target, arguments);
  execute format('create trigger audit_updated_rows after update on %s referencing old table as old_rows new table as new_rows '
                 'for each statement execute function private.audit_changed_rows(%s)', target, arguments);
  execute format('create trigger audit_deleted_rows after delete on %s referencing old table as old_rows '
                 'for each statement execute function private.audit_changed_rows(%s)', target, arguments);
  execute format('create or replace trigger lock_caller_company_chain before insert or update or delete on %s '
                 'for each statement execute function private.lock_caller_company_chain()', target);
end
$$;

-- Every table audited so far moves to the statement triggers, keeping its ignored columns (the
-- row trigger's arguments, NUL-separated in pg_trigger.tgargs).
do $$
declare
  audited record;
begin
  for audited in
    select t.tgrelid::regclass as target,
           coalesce(array_remove(string_to_array(encode(t.tgargs, 'escape'), '\000'), ''), '{}') as ignored
      from pg_catalog.pg_trigger t
     where t.tgname = 'audit_row_change' and not t.tgisinternal
     order by t.tgrelid
  loop
    perform private.add_audit(audited.target, audited.ignored);
  end loop;
end
$$;
drop function private.audit_row_change();
