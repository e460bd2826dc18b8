-- The subset of Supabase's storage schema: buckets and object rows under RLS, with the columns,
-- triggers and grants a current hosted project has (supabase/storage migrations/tenant/*.sql up to
-- 0063; the ones this follows are named below). Object bytes live outside the database (the local
-- Storage server's data folder). The schema belongs to supabase_storage_admin; postgres may use it,
-- read and write the two tables and put policies on them (supautils.policy_grants, see 001), but not
-- create anything in it (supabase/postgres 20250421084701_revoke_admin_roles_from_postgres.sql).
create schema if not exists storage authorization supabase_storage_admin;
alter schema storage owner to supabase_storage_admin;
grant usage on schema storage to anon, authenticated, service_role;
grant usage on schema storage to postgres with grant option;   -- 20250709135250_grant_storage_schema_to_postgres_with_grant_option.sql

do $$
begin
  if not exists (select 1 from pg_type where typname = 'buckettype' and typnamespace = 'storage'::regnamespace) then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');   -- 0038, 0044
  end if;
end
$$;

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,                                   -- deprecated for owner_id (0018)
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,                 -- 0008
  avif_autodetection boolean default false,     -- 0012
  file_size_limit bigint,                       -- 0013, 0014
  allowed_mime_types text[],                    -- 0013
  owner_id text,                                -- 0018
  type storage.buckettype not null default 'STANDARD',           -- 0038
  versioning_status text not null default 'DISABLED',            -- 0062
  constraint buckets_versioning_status_check check (versioning_status in ('DISABLED', 'ENABLED', 'SUSPENDED')),
  constraint buckets_versioning_standard_only_check check (type = 'STANDARD' or versioning_status = 'DISABLED'),
  constraint buckets_versioning_dark_check check (versioning_status = 'DISABLED')
);
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,                                   -- deprecated for owner_id (0018)
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,   -- 0003
  version text,                                 -- 0016
  owner_id text,                                -- 0018
  user_metadata jsonb,                          -- 0025
  archived_at timestamptz,                      -- 0062
  is_delete_marker boolean not null default false,                -- 0062
  is_versioned boolean not null default false                     -- 0062
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

create or replace function storage.foldername(name text) returns text[]
language sql immutable
as $$
  select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]
$$;

create or replace function storage.filename(name text) returns text
language sql immutable
as $$
  select (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)]
$$;

create or replace function storage.extension(name text) returns text
language sql immutable
as $$
  select reverse(split_part(reverse(storage.filename(name)), '.', 1))
$$;

-- 0011
create or replace function storage.update_updated_at_column() returns trigger
language plpgsql
as $$
begin
  new.updated_at = now();
  return new;
end
$$;
create or replace trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();

-- 0037
create or replace function storage.enforce_bucket_name_length() returns trigger
language plpgsql
as $$
begin
  if length(new.name) > 100 then
    raise exception 'bucket name "%" is too long (% characters). Max is 100.', new.name, length(new.name);
  end if;
  return new;
end
$$;
create or replace trigger enforce_bucket_name_length_trigger before insert or update of name on storage.buckets
  for each row execute function storage.enforce_bucket_name_length();

-- 0055: plain SQL may not delete buckets or objects (their files would be orphaned). The Storage
-- API sets storage.allow_delete_query for its own transactions (supabase/storage
-- src/internal/database/postgres/scope.ts); so does the local one (storage.StorageObjects).
create or replace function storage.protect_delete() returns trigger
language plpgsql
as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') <> 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
create or replace trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create or replace trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();

-- Foreign keys to these tables are checked as their owner, which must therefore reach the schema.
grant usage on schema storage to supautils_policy_grants;
alter table storage.buckets owner to supautils_policy_grants;
alter table storage.objects owner to supautils_policy_grants;
alter function storage.foldername(text) owner to supabase_storage_admin;
alter function storage.filename(text) owner to supabase_storage_admin;
alter function storage.extension(text) owner to supabase_storage_admin;
alter function storage.update_updated_at_column() owner to supabase_storage_admin;
alter function storage.enforce_bucket_name_length() owner to supabase_storage_admin;
alter function storage.protect_delete() owner to supabase_storage_admin;
alter type storage.buckettype owner to supabase_storage_admin;

-- 0046, 0049 and supabase/postgres 20250623125453_tmp_grant_storage_tables_to_postgres_with_grant_option.sql
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role, postgres;
