-- Cache schema V3: instants stored in one text form (sortable), the indexes the screens' queries
-- need, the details of a refused change in the outbox, and the full-text search index (Ctrl+K).
--
-- 1. Timestamp columns are declared INSTANT_TEXT (ColumnType.INSTANT_TEXT): written as UTC with six
-- fractional digits and 'Z' (com.fielddesk.cache.store.Instants), so text order is time order
-- whatever offset or precision the server sent. SQLite cannot change a declared type in place, so
-- each mirrored table is rebuilt (create new, copy, drop, rename) and its stored instants are
-- rewritten by fielddesk_instant(), a function the cache registers on its connections.

create table companies__v3 (
  id TEXT primary key,
  name TEXT,
  email TEXT,
  phone TEXT,
  timezone TEXT,
  trades JSON_TEXT,
  service_postal_codes JSON_TEXT,
  lead_opt_in BOOLEAN,
  invoice_legal_name TEXT,
  invoice_address TEXT,
  invoice_logo_path TEXT,
  invoice_accent_color TEXT,
  invoice_footer TEXT,
  payment_terms_days INTEGER,
  invoice_prefix TEXT,
  invoice_next_number INTEGER,
  work_order_next_number INTEGER,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into companies__v3 select * from companies;
drop table companies;
alter table companies__v3 rename to companies;
update companies set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table profiles__v3 (
  id TEXT primary key,
  company_id TEXT,
  role TEXT,
  full_name TEXT,
  email TEXT,
  phone TEXT,
  color TEXT,
  active BOOLEAN,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into profiles__v3 select * from profiles;
drop table profiles;
alter table profiles__v3 rename to profiles;
update profiles set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table customers__v3 (
  id TEXT primary key,
  company_id TEXT,
  full_name TEXT,
  email TEXT,
  phone TEXT,
  notes TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into customers__v3 select * from customers;
drop table customers;
alter table customers__v3 rename to customers;
update customers set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table customer_addresses__v3 (
  id TEXT primary key,
  company_id TEXT,
  customer_id TEXT,
  label TEXT,
  street TEXT,
  city TEXT,
  region TEXT,
  postal_code TEXT,
  access_notes TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into customer_addresses__v3 select * from customer_addresses;
drop table customer_addresses;
alter table customer_addresses__v3 rename to customer_addresses;
update customer_addresses set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table lead_pool__v3 (
  id TEXT primary key,
  status TEXT,
  trade TEXT,
  description TEXT,
  emergency BOOLEAN,
  postal_code TEXT,
  city TEXT,
  preferred_start INSTANT_TEXT,
  preferred_end INSTANT_TEXT,
  posted_at INSTANT_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into lead_pool__v3 select * from lead_pool;
drop table lead_pool;
alter table lead_pool__v3 rename to lead_pool;
update lead_pool set preferred_start = fielddesk_instant(preferred_start), preferred_end = fielddesk_instant(preferred_end), posted_at = fielddesk_instant(posted_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table service_requests__v3 (
  id TEXT primary key,
  company_id TEXT,
  status TEXT,
  source TEXT,
  trade TEXT,
  description TEXT,
  emergency BOOLEAN,
  postal_code TEXT,
  city TEXT,
  preferred_start INSTANT_TEXT,
  preferred_end INSTANT_TEXT,
  posted_at INSTANT_TEXT,
  customer_name TEXT,
  customer_phone TEXT,
  customer_email TEXT,
  street_address TEXT,
  claimed_at INSTANT_TEXT,
  claimed_by TEXT,
  customer_id TEXT,
  work_order_id TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into service_requests__v3 select * from service_requests;
drop table service_requests;
alter table service_requests__v3 rename to service_requests;
update service_requests set preferred_start = fielddesk_instant(preferred_start), preferred_end = fielddesk_instant(preferred_end), posted_at = fielddesk_instant(posted_at), claimed_at = fielddesk_instant(claimed_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table work_orders__v3 (
  id TEXT primary key,
  company_id TEXT,
  stage TEXT,
  number INTEGER,
  title TEXT,
  description TEXT,
  total DECIMAL_TEXT,
  quote_status TEXT,
  status TEXT,
  customer_id TEXT,
  customer_address_id TEXT,
  service_request_id TEXT,
  scheduled_start INSTANT_TEXT,
  scheduled_end INSTANT_TEXT,
  technician_id TEXT,
  priority TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into work_orders__v3 select * from work_orders;
drop table work_orders;
alter table work_orders__v3 rename to work_orders;
update work_orders set scheduled_start = fielddesk_instant(scheduled_start), scheduled_end = fielddesk_instant(scheduled_end), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table work_order_status_history__v3 (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  status_field TEXT,
  from_status TEXT,
  to_status TEXT,
  changed_by TEXT,
  changed_at INSTANT_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into work_order_status_history__v3 select * from work_order_status_history;
drop table work_order_status_history;
alter table work_order_status_history__v3 rename to work_order_status_history;
update work_order_status_history set changed_at = fielddesk_instant(changed_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table customer_threads__v3 (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  customer_id TEXT,
  subject TEXT,
  last_message_at INSTANT_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into customer_threads__v3 select * from customer_threads;
drop table customer_threads;
alter table customer_threads__v3 rename to customer_threads;
update customer_threads set last_message_at = fielddesk_instant(last_message_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table customer_messages__v3 (
  id TEXT primary key,
  company_id TEXT,
  customer_thread_id TEXT,
  sender_kind TEXT,
  sender_id TEXT,
  body TEXT,
  read_at INSTANT_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into customer_messages__v3 select * from customer_messages;
drop table customer_messages;
alter table customer_messages__v3 rename to customer_messages;
update customer_messages set read_at = fielddesk_instant(read_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table internal_threads__v3 (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  subject TEXT,
  created_by TEXT,
  last_message_at INSTANT_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into internal_threads__v3 select * from internal_threads;
drop table internal_threads;
alter table internal_threads__v3 rename to internal_threads;
update internal_threads set last_message_at = fielddesk_instant(last_message_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table internal_messages__v3 (
  id TEXT primary key,
  company_id TEXT,
  internal_thread_id TEXT,
  author_id TEXT,
  body TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into internal_messages__v3 select * from internal_messages;
drop table internal_messages;
alter table internal_messages__v3 rename to internal_messages;
update internal_messages set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table invoices__v3 (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  customer_id TEXT,
  number INTEGER,
  status TEXT,
  issue_date TEXT,
  due_date TEXT,
  currency TEXT,
  subtotal DECIMAL_TEXT,
  discount DECIMAL_TEXT,
  tax_rate DECIMAL_TEXT,
  tax DECIMAL_TEXT,
  total DECIMAL_TEXT,
  amount_paid DECIMAL_TEXT,
  payment_status TEXT,
  notes TEXT,
  pdf_path TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into invoices__v3 select * from invoices;
drop table invoices;
alter table invoices__v3 rename to invoices;
update invoices set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table invoice_items__v3 (
  id TEXT primary key,
  company_id TEXT,
  invoice_id TEXT,
  position INTEGER,
  description TEXT,
  quantity DECIMAL_TEXT,
  unit_price DECIMAL_TEXT,
  line_total DECIMAL_TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into invoice_items__v3 select * from invoice_items;
drop table invoice_items;
alter table invoice_items__v3 rename to invoice_items;
update invoice_items set created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);

create table payments__v3 (
  id TEXT primary key,
  company_id TEXT,
  invoice_id TEXT,
  amount DECIMAL_TEXT,
  method TEXT,
  paid_at INSTANT_TEXT,
  reference TEXT,
  recorded_by TEXT,
  created_at INSTANT_TEXT,
  updated_at INSTANT_TEXT,
  deleted_at INSTANT_TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into payments__v3 select * from payments;
drop table payments;
alter table payments__v3 rename to payments;
update payments set paid_at = fielddesk_instant(paid_at), created_at = fielddesk_instant(created_at), updated_at = fielddesk_instant(updated_at), deleted_at = fielddesk_instant(deleted_at);
-- 2. Indexes for the screens' queries (EXPLAIN QUERY PLAN checked in query.QueryPlanTest). Sort
-- indexes end with id, the tie-breaker of keyset pages, so a page is read in index order. They are
-- partial (live rows only), as every query is unless it asks for tombstones; the main ones also
-- carry deleted_at (always null in them) so SQLite can answer a count from the index alone.
create index work_orders_by_technician on work_orders (technician_id, scheduled_start) where deleted_at is null;
create index work_orders_by_customer on work_orders (customer_id, scheduled_start, id, deleted_at) where deleted_at is null;
create index work_orders_by_status_and_start on work_orders (status, scheduled_start, id, deleted_at) where deleted_at is null;
create index work_orders_by_start on work_orders (scheduled_start, id) where deleted_at is null;
create index work_orders_by_number on work_orders (number) where deleted_at is null;
create index lead_pool_by_posted_at on lead_pool (posted_at, id, deleted_at) where deleted_at is null;
create index service_requests_by_claimed_at on service_requests (claimed_at, id) where deleted_at is null;
create index service_requests_by_work_order on service_requests (work_order_id) where deleted_at is null;
create index customers_by_name on customers (full_name, id, deleted_at) where deleted_at is null;
create index customer_addresses_by_customer on customer_addresses (customer_id) where deleted_at is null;
create index customer_threads_by_customer on customer_threads (customer_id, last_message_at) where deleted_at is null;
create index customer_threads_by_work_order on customer_threads (work_order_id) where deleted_at is null;
create index customer_messages_by_thread on customer_messages (customer_thread_id, created_at) where deleted_at is null;
create index internal_threads_by_work_order on internal_threads (work_order_id) where deleted_at is null;
create index internal_messages_by_thread on internal_messages (internal_thread_id, created_at) where deleted_at is null;
create index invoices_by_customer on invoices (customer_id, issue_date) where deleted_at is null;
create index invoices_by_work_order on invoices (work_order_id) where deleted_at is null;
create index invoice_items_by_invoice on invoice_items (invoice_id, position) where deleted_at is null;
create index payments_by_invoice on payments (invoice_id) where deleted_at is null;
create index work_order_status_history_by_work_order on work_order_status_history (work_order_id, changed_at) where deleted_at is null;

-- 3. A refused change keeps the server's facts ({"code": ..., ...}) next to its code and message.
alter table outbox add column error_details JSON_TEXT;

-- 4. Full-text search (Ctrl+K), one FTS5 index per kind, its rowid the mirrored row's rowid.
-- Kept in step in the same transaction as every write (sync pages and local writes alike): cheap
-- triggers note the changed rows in search_dirty, and before each commit the cache re-indexes
-- them with the two statements per index in search_refresh (store.SearchIndexes). Writing the
-- index from a per-row trigger instead made a 100k-row initial sync three times slower; one
-- statement pair per index and transaction costs a few per cent (SearchBenchmark). Tombstones are never indexed. The
-- indexes are contentless: the text stays in the mirrored table (a search reads the few rows it
-- shows from there); contentless_delete lets a row be removed by rowid. Cached rows are written
-- with upserts (store.LocalRows), so a changed row keeps its rowid and fires the update trigger.
-- was_indexed: the row may have an entry to remove first (an update or delete; a new row has none,
-- and removing an absent entry from a contentless index is not free). A plain table with no key and
-- no constraint: a row noted twice is harmless, and a constraint on a trigger's target table (a key,
-- even NOT NULL) made writing a sync page several times slower.
create table search_dirty (
  search_index text,
  row_rowid integer,
  was_indexed integer
);

create table search_refresh (
  search_index text primary key,
  delete_sql text not null,
  insert_sql text not null
);

create virtual table search_lead_pool using fts5(trade, description, city, postal_code, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
insert into search_refresh (search_index, delete_sql, insert_sql) values ('search_lead_pool',
  'delete from search_lead_pool where rowid in (select row_rowid from search_dirty where search_index = ''search_lead_pool'' and was_indexed = 1)',
  'insert into search_lead_pool (rowid, trade, description, city, postal_code) select t.rowid, t.trade, t.description, t.city, t.postal_code from lead_pool t where t.rowid in (select row_rowid from search_dirty where search_index = ''search_lead_pool'') and t.deleted_at is null');
insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_lead_pool', rowid, 0 from lead_pool;
create trigger lead_pool_search_insert after insert on lead_pool begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_lead_pool', new.rowid, 0);
end;
create trigger lead_pool_search_update after update on lead_pool begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_lead_pool', old.rowid, 1);
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_lead_pool', new.rowid, 0);
end;
create trigger lead_pool_search_delete after delete on lead_pool begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_lead_pool', old.rowid, 1);
end;

create virtual table search_service_requests using fts5(customer_name, customer_phone, description, street_address, city, postal_code, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
insert into search_refresh (search_index, delete_sql, insert_sql) values ('search_service_requests',
  'delete from search_service_requests where rowid in (select row_rowid from search_dirty where search_index = ''search_service_requests'' and was_indexed = 1)',
  'insert into search_service_requests (rowid, customer_name, customer_phone, description, street_address, city, postal_code) select t.rowid, t.customer_name, t.customer_phone, t.description, t.street_address, t.city, t.postal_code from service_requests t where t.rowid in (select row_rowid from search_dirty where search_index = ''search_service_requests'') and t.deleted_at is null and t.company_id is not null');
insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_service_requests', rowid, 0 from service_requests;
create trigger service_requests_search_insert after insert on service_requests begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_service_requests', new.rowid, 0);
end;
create trigger service_requests_search_update after update on service_requests begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_service_requests', old.rowid, 1);
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_service_requests', new.rowid, 0);
end;
create trigger service_requests_search_delete after delete on service_requests begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_service_requests', old.rowid, 1);
end;

create virtual table search_work_orders using fts5(number, title, description, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
insert into search_refresh (search_index, delete_sql, insert_sql) values ('search_work_orders',
  'delete from search_work_orders where rowid in (select row_rowid from search_dirty where search_index = ''search_work_orders'' and was_indexed = 1)',
  'insert into search_work_orders (rowid, number, title, description) select t.rowid, t.number, t.title, t.description from work_orders t where t.rowid in (select row_rowid from search_dirty where search_index = ''search_work_orders'') and t.deleted_at is null');
insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_work_orders', rowid, 0 from work_orders;
create trigger work_orders_search_insert after insert on work_orders begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_work_orders', new.rowid, 0);
end;
create trigger work_orders_search_update after update on work_orders begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_work_orders', old.rowid, 1);
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_work_orders', new.rowid, 0);
end;
create trigger work_orders_search_delete after delete on work_orders begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_work_orders', old.rowid, 1);
end;

-- A customer is found by its addresses too: their street, city and postal code are one column,
-- so a change of an address re-indexes its customer.
create virtual table search_customers using fts5(full_name, phone, email, addresses, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
insert into search_refresh (search_index, delete_sql, insert_sql) values ('search_customers',
  'delete from search_customers where rowid in (select row_rowid from search_dirty where search_index = ''search_customers'' and was_indexed = 1)',
  'insert into search_customers (rowid, full_name, phone, email, addresses) select t.rowid, t.full_name, t.phone, t.email, (select group_concat(coalesce(a.street, '''') || '' '' || coalesce(a.city, '''') || '' '' || coalesce(a.postal_code, ''''), '' '') from customer_addresses a where a.customer_id = t.id and a.deleted_at is null) from customers t where t.rowid in (select row_rowid from search_dirty where search_index = ''search_customers'') and t.deleted_at is null');
insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_customers', rowid, 0 from customers;
create trigger customers_search_insert after insert on customers begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_customers', new.rowid, 0);
end;
create trigger customers_search_update after update on customers begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_customers', old.rowid, 1);
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_customers', new.rowid, 0);
end;
create trigger customers_search_delete after delete on customers begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('search_customers', old.rowid, 1);
end;

create trigger customer_addresses_search_insert after insert on customer_addresses begin
  insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_customers', rowid, 1 from customers where id = new.customer_id;
end;
create trigger customer_addresses_search_update after update on customer_addresses begin
  insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_customers', rowid, 1 from customers where id = old.customer_id;
  insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_customers', rowid, 1 from customers where id = new.customer_id;
end;
create trigger customer_addresses_search_delete after delete on customer_addresses begin
  insert into search_dirty (search_index, row_rowid, was_indexed) select 'search_customers', rowid, 1 from customers where id = old.customer_id;
end;
