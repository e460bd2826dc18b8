-- The inboxes list threads by last activity (last_message_at, then created_at, then id, newest
-- first). Without an index every open and every filter sorted all threads (24 ms over 10,000
-- customer threads, the largest part of a 50 ms budget); with it the first page is read in order
-- from the index. Threads without activity yet (written here, not synced: last_message_at is null)
-- are read first by their own indexed query, so no "nulls first" sort is needed.
create index customer_threads_by_activity on customer_threads (last_message_at, created_at, id)
  where deleted_at is null;
create index internal_threads_by_activity on internal_threads (last_message_at, created_at, id)
  where deleted_at is null;
