-- The Jobs and Quotes lists with no filter narrower than the stage ("Clear filters"): their first
-- 200 ids by number, newest first. Only work_orders_by_number (number) served that order, and since
-- the ids are read alone (V15) SQLite preferred to scan the covering work_orders_by_status_stage and
-- sort all 100k ids (~50 ms quiet, 100-300 ms under load) over walking work_orders_by_number with a
-- row look-up each. This index holds the number, the id (the order's tie-break) and the stage, so the
-- first 200 are read from its end alone (0.1 ms). Number first, not stage first: without sqlite_stat1
-- SQLite takes any "stage = ?" index as selective and used it for day ranges and counts too (60-300 ms).
create index work_orders_by_number_covering on work_orders (number, id, stage, deleted_at) where deleted_at is null;
