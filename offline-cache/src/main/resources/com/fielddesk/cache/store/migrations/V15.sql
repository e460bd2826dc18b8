-- The Jobs list filtered by a range of days and nothing narrower (e.g. two days of 100k work
-- orders, ~3,300 rows) read each row of the range from the table through work_orders_by_start
-- (scheduled_start, id) to check its stage and to sort by number — three times per filter change:
-- the page's ids, the count and the count per status. This index holds every column those three
-- reads use after the range (stage, status, number and id, and the technician, priority and
-- customer a further filter adds), so they are answered from the index alone.
create index work_orders_by_start_covering on work_orders
  (scheduled_start, stage, status, number, id, technician_id, priority, customer_id, deleted_at)
  where deleted_at is null;
