-- Storage buckets for FieldDesk and who may reach which objects.
--
-- Corrected in place on 2026-12-05, before any hosted project had applied it: the folder helper was
-- created in schema storage, which postgres (the role `supabase db push` runs as) may no longer do
-- since Supabase's 2025 permission change (supabase/postgres
-- migrations/db/migrations/20250421084701_revoke_admin_roles_from_postgres.sql), so the push stopped
-- here. It now lives in public. From here on applied migrations are never edited.
-- Every object lives under its company's folder: `<company_id>/...` (e.g. invoices/<company>/<invoice>.pdf).
-- All buckets are private: files are read through the API as a signed-in user or via signed URLs.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('invoices',    'invoices',    false, 10485760, array['application/pdf']),
  ('attachments', 'attachments', false, 26214400, array['image/jpeg', 'image/png', 'image/webp', 'image/heic',
                                                        'application/pdf', 'text/plain']),
  ('branding',    'branding',    false, 2097152,  array['image/png', 'image/jpeg', 'image/svg+xml'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- True when the object sits in one of FieldDesk's buckets under the caller's company folder.
-- current_company_id() is null for anyone without an active staff profile, so portal customers
-- and deactivated staff reach nothing.
create or replace function public.in_own_company_folder(bucket text, object_name text)
returns boolean
language sql stable
set search_path = ''
as $$
  select bucket in ('invoices', 'attachments', 'branding')
     and (storage.foldername(object_name))[1] = (select public.current_company_id())::text
$$;
revoke execute on function public.in_own_company_folder(text, text) from public, anon;
grant execute on function public.in_own_company_folder(text, text) to authenticated, service_role;

create policy "staff read their company's objects" on storage.objects
  for select to authenticated
  using (public.in_own_company_folder(bucket_id, name));

-- Branding (logo on invoices) is the managers' call; other buckets take any staff's uploads.
create policy "staff upload into their company's folder" on storage.objects
  for insert to authenticated
  with check (public.in_own_company_folder(bucket_id, name)
              and (bucket_id <> 'branding' or (select public.is_manager())));

create policy "staff replace their company's objects" on storage.objects
  for update to authenticated
  using (public.in_own_company_folder(bucket_id, name)
         and (bucket_id <> 'branding' or (select public.is_manager())))
  with check (public.in_own_company_folder(bucket_id, name)
              and (bucket_id <> 'branding' or (select public.is_manager())));

create policy "office staff delete their company's objects" on storage.objects
  for delete to authenticated
  using (public.in_own_company_folder(bucket_id, name)
         and (select public.is_office_staff())
         and (bucket_id <> 'branding' or (select public.is_manager())));
