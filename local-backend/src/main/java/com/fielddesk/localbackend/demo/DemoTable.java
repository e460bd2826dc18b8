package com.fielddesk.localbackend.demo;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables the generator fills and the columns it sets, in load order. Both sinks (JDBC and
 * the seed.sql script) build their INSERTs from this one description, so the two can't drift
 * apart. Columns the generator leaves out are the ones the database owns: numbers, computed
 * invoice totals, version, updated_at, sync_xid.
 */
enum DemoTable {
    COMPANIES("public.companies", "id uuid", "name text", "email text", "phone text", "timezone text",
            "trades text[]", "service_postal_codes text[]", "lead_opt_in boolean", "invoice_legal_name text",
            "invoice_address text", "invoice_accent_color text", "invoice_footer text", "payment_terms_days integer",
            "invoice_prefix text", "created_at timestamptz"),
    AUTH_USERS("auth.users", "instance_id uuid", "id uuid", "aud text", "role text", "email text",
            "encrypted_password password", "email_confirmed_at timestamptz", "raw_app_meta_data jsonb",
            "raw_user_meta_data jsonb", "created_at timestamptz", "updated_at timestamptz"),
    PROFILES("public.profiles", "id uuid", "company_id uuid", "role text", "full_name text", "email text",
            "phone text", "color text", "created_at timestamptz"),
    CUSTOMERS("public.customers", "id uuid", "company_id uuid", "full_name text", "email text", "phone text",
            "notes text", "created_at timestamptz"),
    CUSTOMER_ADDRESSES("public.customer_addresses", "id uuid", "company_id uuid", "customer_id uuid", "label text",
            "street text", "city text", "region text", "postal_code text", "access_notes text",
            "created_at timestamptz"),
    CUSTOMER_PORTAL_ACCOUNTS("public.customer_portal_accounts", "id uuid", "user_id uuid", "company_id uuid",
            "customer_id uuid", "created_at timestamptz"),
    SERVICE_REQUESTS("public.service_requests", "id uuid", "company_id uuid", "status text", "source text",
            "trade text", "description text", "emergency boolean", "postal_code text", "city text",
            "preferred_start timestamptz", "preferred_end timestamptz", "posted_at timestamptz",
            "customer_name text", "customer_phone text", "customer_email text", "street_address text",
            "claimed_at timestamptz", "claimed_by uuid", "customer_id uuid", "created_at timestamptz"),
    SERVICE_REQUEST_DECLINES("public.service_request_declines", "id uuid", "company_id uuid",
            "service_request_id uuid", "declined_by uuid", "reason text", "note text", "created_at timestamptz"),
    WORK_ORDERS("public.work_orders", "id uuid", "company_id uuid", "stage text", "title text", "description text",
            "total numeric", "quote_status text", "status text", "customer_id uuid", "customer_address_id uuid",
            "service_request_id uuid", "scheduled_start timestamptz", "scheduled_end timestamptz",
            "technician_id uuid", "priority text", "created_at timestamptz"),
    CUSTOMER_THREADS("public.customer_threads", "id uuid", "company_id uuid", "work_order_id uuid",
            "customer_id uuid", "subject text", "last_message_at timestamptz", "created_at timestamptz"),
    CUSTOMER_MESSAGES("public.customer_messages", "id uuid", "company_id uuid", "customer_thread_id uuid",
            "sender_kind text", "sender_id uuid", "body text", "read_at timestamptz", "created_at timestamptz"),
    INTERNAL_THREADS("public.internal_threads", "id uuid", "company_id uuid", "work_order_id uuid", "subject text",
            "created_by uuid", "last_message_at timestamptz", "created_at timestamptz"),
    INTERNAL_MESSAGES("public.internal_messages", "id uuid", "company_id uuid", "internal_thread_id uuid",
            "author_id uuid", "body text", "created_at timestamptz"),
    INVOICES("public.invoices", "id uuid", "company_id uuid", "work_order_id uuid", "customer_id uuid",
            "status text", "issue_date date", "due_date date", "currency text", "tax_rate numeric", "notes text",
            "created_at timestamptz"),
    INVOICE_ITEMS("public.invoice_items", "id uuid", "company_id uuid", "invoice_id uuid", "position integer",
            "description text", "quantity numeric", "unit_price numeric", "created_at timestamptz"),
    PAYMENTS("public.payments", "id uuid", "company_id uuid", "invoice_id uuid", "amount numeric", "method text",
            "paid_at timestamptz", "reference text", "recorded_by uuid", "created_at timestamptz");

    /** One column; type {@code password} means "hash this plain text with pgcrypto's bcrypt". */
    record Column(String name, String type) {

        /** The JDBC placeholder, cast explicitly because values are bound as text. */
        String placeholder() {
            return type.equals("password") ? "extensions.crypt(?, extensions.gen_salt('bf', 6))" : "?::" + type;
        }

        /**
         * The value as it appears in seed.sql. INSERT ... VALUES resolves untyped literals to the
         * target column's type, so only the password needs an expression.
         */
        String literal(String value) {
            if (value == null) {
                return "null";
            }
            String quoted = "'" + value.replace("'", "''") + "'";
            return type.equals("password") ? placeholder().replace("?", quoted) : quoted;
        }
    }

    private final String qualifiedName;
    private final List<Column> columns;

    DemoTable(String qualifiedName, String... columns) {
        this.qualifiedName = qualifiedName;
        this.columns = Arrays.stream(columns).map(c -> {
            String[] parts = c.split(" ");
            return new Column(parts[0], parts[1]);
        }).toList();
    }

    String qualifiedName() {
        return qualifiedName;
    }

    List<Column> columns() {
        return columns;
    }

    /** {@code insert into <table> (<columns>) values} — shared by both sinks. */
    String insertPrefix() {
        return "insert into " + qualifiedName + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") values";
    }
}
