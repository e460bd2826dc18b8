-- For multi-statement writers (the sync push, apply_mutations): take the caller's company
-- chain lock first, before any SELECT ... FOR UPDATE, so that every writer of a company takes
-- its locks in one order (chain lock, then rows) and concurrent batches queue instead of
-- deadlocking. Single statements need not call it: a statement trigger on every audited table
-- does the same. A caller without an active staff profile takes no lock.
create or replace function public.lock_company_writes()
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  company uuid := public.current_company_id();
begin
  if company is not null then
    perform private.lock_company_chain(company);
  end if;
end
$$;
revoke execute on function public.lock_company_writes() from public, anon;
grant execute on function public.lock_company_writes() to authenticated, service_role;
