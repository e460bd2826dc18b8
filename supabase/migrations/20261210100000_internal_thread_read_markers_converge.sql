-- A user's read marker of an internal thread, written for the first time on two consoles while
-- both were offline (issue 15): each console inserts the marker, and the second insert to reach
-- the server used to break internal_thread_reads_one_per_user and wait as a sync issue for the
-- user to resolve. The console now gives a marker an id derived from its natural key (thread and
-- user), so both consoles insert the same row; here an insert of a marker the user already has
-- replaces it, keeping the later read_at (newest wins) — one row per user and thread, as before,
-- and both pushes are applied. Only the caller's own marker is replaced (RLS then checks the new
-- row as for any insert); a marker of a thread in another company or of another user is never
-- touched. Markers are never deleted otherwise (no API DELETE).

create or replace function private.replace_earlier_read_marker()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  earlier timestamptz;
begin
  if new.user_id is distinct from (select auth.uid()) then
    return new;
  end if;
  delete from public.internal_thread_reads r
   where r.internal_thread_id = new.internal_thread_id and r.user_id = new.user_id and r.company_id = new.company_id
  returning r.read_at into earlier;
  if earlier is not null and earlier > new.read_at then
    new.read_at := earlier;
  end if;
  return new;
end
$$;
revoke all on function private.replace_earlier_read_marker() from public, anon, authenticated;

create trigger replace_earlier_read_marker before insert on public.internal_thread_reads
  for each row execute function private.replace_earlier_read_marker();
