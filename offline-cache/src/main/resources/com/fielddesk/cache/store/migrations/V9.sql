-- Why a job was canceled (supabase/migrations/20261207100000_cancel_reason.sql): the reason sent
-- with the move to 'canceled', and the reason the server kept on that move's history line.
alter table work_orders add column cancel_reason TEXT;
alter table work_order_status_history add column reason TEXT;

-- The Jobs and Quotes lists over 100k work orders (JobsListFilterBenchmark). Status first, stage
-- second: a status filter is read in number order from the index (no sort of every matching row),
-- and the counts per status come from it, while a list without a status keeps walking
-- work_orders_by_number (a stage-first index, or one carrying more columns, made SQLite scan it
-- and sort all 100k rows instead).
create index work_orders_by_status_stage on work_orders (status, stage, number, id, deleted_at) where deleted_at is null;
-- A technician's jobs in one status (the list's technician and status filters together), read in
-- number order without walking every job of that status.
create index work_orders_by_technician_status on work_orders (technician_id, status, number, id) where deleted_at is null;
