-- Why a job was canceled (supabase/migrations/20261207100000_cancel_reason.sql): the reason sent
-- with the move to 'canceled', and the reason the server kept on that move's history line.
alter table work_orders add column cancel_reason TEXT;
alter table work_order_status_history add column reason TEXT;
