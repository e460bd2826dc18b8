-- Why a job was canceled. The console asks for a reason before it cancels (issue 14): the client
-- sends it on the work order with the move to 'canceled', and the status-history trigger keeps it
-- on the history line of that move, so a later reopen (which clears the work order's reason) does
-- not lose it. A reason is at most 500 characters and never only spaces.
alter table public.work_orders add column cancel_reason text;
alter table public.work_orders add constraint work_order_cancel_reason_1_to_500_chars
  check (char_length(btrim(cancel_reason)) between 1 and 500);

alter table public.work_order_status_history add column reason text;
alter table public.work_order_status_history add constraint status_history_reason_1_to_500_chars
  check (char_length(btrim(reason)) between 1 and 500);

-- As in 20261121000300_work_orders.sql, plus the reason on a move to 'canceled'.
create or replace function private.record_work_order_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.stage is distinct from old.stage then
    insert into public.work_order_status_history (company_id, work_order_id, status_field, from_status, to_status, changed_by)
    values (new.company_id, new.id, 'stage', case when tg_op = 'UPDATE' then old.stage end, new.stage, auth.uid());
  end if;
  if new.status is not null and (tg_op = 'INSERT' or new.status is distinct from old.status) then
    insert into public.work_order_status_history (company_id, work_order_id, status_field, from_status, to_status,
                                                  changed_by, reason)
    values (new.company_id, new.id, 'status', case when tg_op = 'UPDATE' then old.status end, new.status, auth.uid(),
            case when new.status = 'canceled' then new.cancel_reason end);
  end if;
  if new.quote_status is not null and (tg_op = 'INSERT' or new.quote_status is distinct from old.quote_status) then
    insert into public.work_order_status_history (company_id, work_order_id, status_field, from_status, to_status, changed_by)
    values (new.company_id, new.id, 'quote_status', case when tg_op = 'UPDATE' then old.quote_status end,
            new.quote_status, auth.uid());
  end if;
  return null;
end
$$;
