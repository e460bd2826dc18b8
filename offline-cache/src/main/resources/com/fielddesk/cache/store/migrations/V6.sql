-- Addresses are pulled before their customers. A customer's search entry includes its addresses
-- (V3, search_customers), so an address written after its customer marks the customer for
-- re-indexing: on a first sync, customers first meant every customer was indexed, then removed
-- from the index and indexed again when its addresses arrived (a page of addresses re-indexed a
-- page of customers). With addresses first, an address finds no customer yet and marks nothing,
-- and each customer is indexed once, addresses included. Later rounds are unaffected: an address
-- of a cached customer still re-indexes it. Pull order is only an order (no foreign keys here).
update synced_tables set pull_order = 5 where name = 'customer_addresses';
update synced_tables set pull_order = 6 where name = 'customers';
