-- A table's first pull builds its secondary indexes once, at the end, instead of row by row
-- (store.DeferredIndexes, pull.Puller). Inserting 100k work orders page by page into their eight
-- indexes took about three quarters of the cache's write time (a throw-away harness: ~23 s with
-- the indexes, ~6 s without plus ~4 s to create them afterwards, at load 5–9); SQLite builds an
-- index over rows already in the table with one sort.
--
-- deferred_indexes: the indexes dropped for a pull under way, with the statement that makes each
-- again. Written in the same transaction as the drop, so an index is either in the schema or
-- here; CacheDatabase.open makes any left here again (a process killed mid-pull).
create table deferred_indexes (
  index_name text primary key,
  table_name text not null,
  create_sql text not null
);

-- Whether a table's indexes may wait for the end of its first pull. Not customer_addresses: the
-- customers' search refresh looks up each customer's addresses by customer_id, and the two
-- tables can be pulled at the same time (two lanes).
alter table synced_tables add column defer_indexes integer not null default 1;
update synced_tables set defer_indexes = 0 where name = 'customer_addresses';
