-- supautils (Supabase's extension guarding the platform schemas) lets postgres add policies to a
-- few tables in auth, storage and realtime it does not own, and nothing else there. Locally
-- postgres gets that through membership in their owner role (001), which would also let it alter,
-- index, trigger, comment on or drop those tables; this refuses all of that, as hosted Supabase
-- does ("must be owner of table objects"). Superusers (the platform bootstrap, the local Auth,
-- Storage and Realtime servers) are not restricted.
create schema if not exists local_platform;
revoke all on schema local_platform from public;

create or replace function local_platform.refuse_platform_schema_ddl() returns event_trigger
language plpgsql
set search_path = ''
as $$
declare
  offending record;
begin
  if (select r.rolsuper from pg_catalog.pg_roles r where r.rolname = current_user) then
    return;
  end if;
  -- A trigger or rule has no schema of its own: its table's is the first of its address names.
  if tg_event = 'sql_drop' then
    select d.object_type, d.object_identity into offending
      from pg_catalog.pg_event_trigger_dropped_objects() d
     where coalesce(d.schema_name, d.address_names[1]) in ('auth', 'storage', 'realtime')
       and d.object_type <> 'policy'
     limit 1;
  else
    select c.object_type, c.object_identity into offending
      from pg_catalog.pg_event_trigger_ddl_commands() c
     where coalesce(c.schema_name, (pg_catalog.pg_identify_object_as_address(c.classid, c.objid, c.objsubid)).object_names[1])
           in ('auth', 'storage', 'realtime')
       and c.command_tag not in ('CREATE POLICY', 'ALTER POLICY', 'GRANT', 'REVOKE')
     limit 1;
  end if;
  if found then
    raise exception 'must be owner of % %', offending.object_type, offending.object_identity
      using errcode = '42501',
            hint = 'On Supabase, postgres may only add policies to tables in auth, storage and realtime.';
  end if;
end
$$;

drop event trigger if exists refuse_platform_schema_ddl;
create event trigger refuse_platform_schema_ddl on ddl_command_end
  execute function local_platform.refuse_platform_schema_ddl();
drop event trigger if exists refuse_platform_schema_drop;
create event trigger refuse_platform_schema_drop on sql_drop
  execute function local_platform.refuse_platform_schema_ddl();
