-- The first screen after sign-in is the lead pool: on a first sync its tables (lead_pool,
-- service_requests) are pulled right after the company and the people, before the customers and
-- their addresses (tens of thousands of rows in a large company), so the pool is usable seconds
-- sooner. Pull order is only an order: the cache keeps no foreign keys between synced tables.
update synced_tables set pull_order = 3 where name = 'lead_pool';
update synced_tables set pull_order = 4 where name = 'service_requests';
update synced_tables set pull_order = 5 where name = 'customers';
update synced_tables set pull_order = 6 where name = 'customer_addresses';
