-- Cache schema V2: the mirrored server tables (supabase/README.md lists their meaning).
-- Every table has the server's id and sync columns. Timestamps stay as the ISO text the server sent.
-- Nothing here is enforced beyond the primary key: the server is the judge of validity.

create table companies (
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
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('companies', 1, 1);

create table profiles (
  id TEXT primary key,
  company_id TEXT,
  role TEXT,
  full_name TEXT,
  email TEXT,
  phone TEXT,
  color TEXT,
  active BOOLEAN,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('profiles', 2, 1);

create table customers (
  id TEXT primary key,
  company_id TEXT,
  full_name TEXT,
  email TEXT,
  phone TEXT,
  notes TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('customers', 3, 1);

create table customer_addresses (
  id TEXT primary key,
  company_id TEXT,
  customer_id TEXT,
  label TEXT,
  street TEXT,
  city TEXT,
  region TEXT,
  postal_code TEXT,
  access_notes TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('customer_addresses', 4, 1);

create table lead_pool (
  id TEXT primary key,
  status TEXT,
  trade TEXT,
  description TEXT,
  emergency BOOLEAN,
  postal_code TEXT,
  city TEXT,
  preferred_start TEXT,
  preferred_end TEXT,
  posted_at TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('lead_pool', 5, 0);

create table service_requests (
  id TEXT primary key,
  company_id TEXT,
  status TEXT,
  source TEXT,
  trade TEXT,
  description TEXT,
  emergency BOOLEAN,
  postal_code TEXT,
  city TEXT,
  preferred_start TEXT,
  preferred_end TEXT,
  posted_at TEXT,
  customer_name TEXT,
  customer_phone TEXT,
  customer_email TEXT,
  street_address TEXT,
  claimed_at TEXT,
  claimed_by TEXT,
  customer_id TEXT,
  work_order_id TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('service_requests', 6, 1);

create table work_orders (
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
  scheduled_start TEXT,
  scheduled_end TEXT,
  technician_id TEXT,
  priority TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('work_orders', 7, 1);

create table work_order_status_history (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  status_field TEXT,
  from_status TEXT,
  to_status TEXT,
  changed_by TEXT,
  changed_at TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('work_order_status_history', 8, 0);

create table customer_threads (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  customer_id TEXT,
  subject TEXT,
  last_message_at TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('customer_threads', 9, 1);

create table customer_messages (
  id TEXT primary key,
  company_id TEXT,
  customer_thread_id TEXT,
  sender_kind TEXT,
  sender_id TEXT,
  body TEXT,
  read_at TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('customer_messages', 10, 1);

create table internal_threads (
  id TEXT primary key,
  company_id TEXT,
  work_order_id TEXT,
  subject TEXT,
  created_by TEXT,
  last_message_at TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('internal_threads', 11, 1);

create table internal_messages (
  id TEXT primary key,
  company_id TEXT,
  internal_thread_id TEXT,
  author_id TEXT,
  body TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('internal_messages', 12, 1);

create table invoices (
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
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('invoices', 13, 1);

create table invoice_items (
  id TEXT primary key,
  company_id TEXT,
  invoice_id TEXT,
  position INTEGER,
  description TEXT,
  quantity DECIMAL_TEXT,
  unit_price DECIMAL_TEXT,
  line_total DECIMAL_TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('invoice_items', 14, 1);

create table payments (
  id TEXT primary key,
  company_id TEXT,
  invoice_id TEXT,
  amount DECIMAL_TEXT,
  method TEXT,
  paid_at TEXT,
  reference TEXT,
  recorded_by TEXT,
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  version INTEGER,
  last_mutation_id TEXT,
  sync_xid INTEGER
);
insert into synced_tables (name, pull_order, writable) values ('payments', 15, 1);

create index work_orders_by_status on work_orders (stage, status);
create index work_orders_by_technician on work_orders (technician_id, scheduled_start);
create index lead_pool_by_posted_at on lead_pool (posted_at);
create index customer_messages_by_thread on customer_messages (customer_thread_id, created_at);
create index internal_messages_by_thread on internal_messages (internal_thread_id, created_at);
create index invoice_items_by_invoice on invoice_items (invoice_id, position);
