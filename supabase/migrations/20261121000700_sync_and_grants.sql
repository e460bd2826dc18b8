-- Sync watermark, realtime publication and the final sweep of API privileges.

-- The pull cursor: the oldest transaction still running. Rows with sync_xid >= this value
-- may still appear, so the next pull starts here. Returned as bigint (a JSON number);
-- PostgREST filters sync_xid=gte.<value> on the xid8 columns. Take it BEFORE (or in the same
-- transaction as) the first page of a pull, never after.
create or replace function public.sync_watermark()
returns bigint
language sql
stable
set search_path = ''
as $$
  select pg_snapshot_xmin(pg_current_snapshot())::text::bigint
$$;
revoke execute on function public.sync_watermark() from public, anon;
grant execute on function public.sync_watermark() to authenticated, service_role;

alter publication supabase_realtime add table
  public.lead_pool, public.work_orders, public.customer_messages, public.internal_messages,
  public.invoices, public.service_requests;

-- Hosted Supabase grants everything in public to anon by default. No policy here serves an
-- anonymous caller, so anon keeps nothing; functions are callable only where granted above.
revoke all on all tables in schema public from anon;
revoke all on all sequences in schema public from anon;
revoke execute on all functions in schema public from public, anon;
revoke truncate, references, trigger on all tables in schema public from authenticated;
