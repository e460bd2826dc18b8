-- Supabase Realtime's schema. Owned by supabase_realtime_admin; postgres may use it but not create in
-- it (supabase/postgres 20250421084701_revoke_admin_roles_from_postgres.sql and
-- 20260506172403_grant_realtime_schema_to_postgres_with_grant_option.sql). The local Realtime server
-- keeps its change-notify function here (realtime.PublishedTables, installed as supabase_admin).
create schema if not exists realtime authorization supabase_realtime_admin;
alter schema realtime owner to supabase_realtime_admin;
grant usage on schema realtime to anon, authenticated, service_role;
grant usage on schema realtime to postgres with grant option;
