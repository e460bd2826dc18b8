-- Every table the offline cache syncs is in the Realtime publication, so a second console hears of
-- any change it may see (a new customer, an address, a payment...) live instead of at its next pull.
-- Before, only lead_pool, work_orders, customer_messages, internal_messages, invoices and
-- service_requests were. The cache's list: offline-cache .../store/migrations (synced_tables);
-- local-backend's SyncedTablesPublicationTest keeps the two equal.
alter publication supabase_realtime add table
  public.companies, public.profiles, public.customers, public.customer_addresses,
  public.work_order_status_history, public.customer_threads, public.internal_threads,
  public.invoice_items, public.payments;
