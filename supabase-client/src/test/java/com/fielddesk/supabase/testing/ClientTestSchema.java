package com.fielddesk.supabase.testing;

import com.fielddesk.supabase.SupabaseClient;

import java.util.UUID;

/**
 * Tables and functions of the client's own tests, created in the shared local-backend with RLS
 * exactly as a migration would: each user sees and writes only rows they own, so tests by
 * different users never see each other's rows.
 */
public final class ClientTestSchema {

    /** A private bucket in which every user owns the folder named by their user id. */
    public static final String BUCKET = "client-test";

    private static boolean installed;
    private static boolean storageInstalled;

    private ClientTestSchema() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        LiveBackend.BACKEND.sql("""
                create table if not exists public.client_test_notes (
                  id uuid primary key default gen_random_uuid(),
                  owner_id uuid not null default auth.uid(),
                  slug text,
                  title text not null constraint client_test_note_title_required check (length(trim(title)) > 0),
                  tags text[] not null default '{}',
                  amount numeric(10,2),
                  position integer,
                  created_at timestamptz not null default now(),
                  constraint client_test_notes_slug_unique unique (owner_id, slug)
                )""", """
                create table if not exists public.client_test_comments (
                  id uuid primary key default gen_random_uuid(),
                  owner_id uuid not null default auth.uid(),
                  note_id uuid not null references public.client_test_notes (id) on delete cascade,
                  body text not null
                )""",
                "alter table public.client_test_notes enable row level security",
                "alter table public.client_test_comments enable row level security",
                "drop policy if exists own_notes on public.client_test_notes",
                "create policy own_notes on public.client_test_notes for all to authenticated using (owner_id = auth.uid()) with check (owner_id = auth.uid())",
                "drop policy if exists own_comments on public.client_test_comments",
                "create policy own_comments on public.client_test_comments for all to authenticated using (owner_id = auth.uid()) with check (owner_id = auth.uid())",
                "grant select, insert, update, delete on public.client_test_notes, public.client_test_comments to authenticated",
                "revoke all on public.client_test_notes, public.client_test_comments from anon",
                """
                create or replace function public.client_test_who_am_i() returns uuid
                language sql stable as $$ select auth.uid() $$""", """
                create or replace function public.client_test_add(a integer, b integer) returns integer
                language sql immutable as $$ select a + b $$""", """
                create or replace function public.client_test_claim(note_id uuid) returns json
                language plpgsql as $$
                begin
                  raise sqlstate 'PGRST' using
                    message = json_build_object('code', 'already_claimed', 'message', 'This note was already claimed',
                                                'details', note_id::text, 'hint', 'Refresh and pick another')::text,
                    detail = json_build_object('status', 409, 'headers', json_build_object())::text;
                end $$""",
                "revoke all on function public.client_test_who_am_i(), public.client_test_add(integer, integer), public.client_test_claim(uuid) from public, anon",
                "grant execute on function public.client_test_who_am_i(), public.client_test_add(integer, integer), public.client_test_claim(uuid) to authenticated");
        installed = true;
    }

    public static synchronized void installStorage() {
        if (storageInstalled) {
            return;
        }
        LiveBackend.BACKEND.sql(
                "insert into storage.buckets (id, name, public) values ('" + BUCKET + "', '" + BUCKET + "', false) on conflict (id) do nothing",
                "drop policy if exists client_test_own_folder on storage.objects",
                "create policy client_test_own_folder on storage.objects for all to authenticated"
                        + " using (bucket_id = '" + BUCKET + "' and (storage.foldername(name))[1] = auth.uid()::text)"
                        + " with check (bucket_id = '" + BUCKET + "' and (storage.foldername(name))[1] = auth.uid()::text)");
        storageInstalled = true;
    }

    /** The user id the server sees for this client's requests (an RPC reading auth.uid()). */
    public static UUID whoAmI(SupabaseClient supabase) {
        return supabase.rpc("client_test_who_am_i", null).returning(UUID.class);
    }
}
