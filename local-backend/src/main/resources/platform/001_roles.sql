-- What a hosted Supabase project already has and plain PostgreSQL lacks: its roles, with the
-- privileges they have since Supabase's 2025 permission change. Kept apart from
-- supabase/migrations, which must also apply to a real Supabase project. Runs as the cluster's
-- superuser, supabase_admin (EmbeddedPostgresServer renames the bootstrap superuser to it and creates
-- the non-superuser postgres, as Supabase's images do). Modelled on supabase/postgres:
--   migrations/db/init-scripts/00000000000000-initial-schema.sql   (API roles, default privileges)
--   migrations/db/migrations/10000000000000_demote-postgres.sql      (postgres: no superuser, bypassrls)
--   migrations/db/migrations/20250605172253_grant_with_admin_to_postgres_16_and_above.sql
--   migrations/db/migrations/20250421084701_revoke_admin_roles_from_postgres.sql
--                                                                    (postgres loses the auth, storage and
--                                                                     realtime admin roles and CREATE there)
--   ansible/files/postgresql_config/supautils.conf.j2                (supautils.policy_grants)
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- The role the HTTP layer connects as; like PostgREST's, it can do nothing itself
  -- and switches to one of the API roles per request with SET LOCAL ROLE.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;

-- The owners of the platform schemas, of which postgres is no member (any more), and
-- supautils_policy_grants. That one stands in for supautils.policy_grants, which lets postgres create
-- policies on a few platform tables it does not own (storage.objects, storage.buckets, auth.users,
-- ...): plain PostgreSQL lets only a table's owner do that, so this role owns those tables and
-- postgres is its member; everything else an owner could do to them is refused by 005.
do $$
declare
  owner_role text;
begin
  foreach owner_role in array array['supabase_auth_admin', 'supabase_storage_admin', 'supabase_realtime_admin',
                                    'supautils_policy_grants'] loop
    if not exists (select 1 from pg_roles where rolname = owner_role) then
      execute format('create role %I nologin noinherit', owner_role);
    end if;
  end loop;
end
$$;

alter role postgres nosuperuser createdb createrole login replication bypassrls;
grant anon, authenticated, service_role to authenticator;
-- supabase/postgres 20250605172253_grant_with_admin_to_postgres_16_and_above.sql
grant anon, authenticated, service_role to postgres with admin option;
grant supautils_policy_grants to postgres;

-- Supabase's database belongs to postgres, and so does schema public (owner pg_database_owner).
do $$ begin execute format('alter database %I owner to postgres', current_database()); end $$;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
grant all on schema extensions to postgres;
create extension if not exists pgcrypto with schema extensions;

-- Supabase's default privileges: API roles get table privileges in public and RLS decides.
-- They are postgres's defaults, since postgres creates everything our migrations create; the
-- migrations revoke from anon what no policy needs, and the tests prove they do.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Supabase streams the tables in this publication over Realtime; migrations add to it, which
-- only its owner may do.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;
alter publication supabase_realtime owner to postgres;
