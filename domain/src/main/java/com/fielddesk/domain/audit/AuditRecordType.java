package com.fielddesk.domain.audit;

import java.util.Arrays;

/** The kinds of record the server audits ({@code audit_log.table_name}), in words. */
public enum AuditRecordType {
    COMPANIES("companies", "Company"), PROFILES("profiles", "Person"), CUSTOMERS("customers", "Customer"),
    CUSTOMER_ADDRESSES("customer_addresses", "Customer address"), SERVICE_REQUESTS("service_requests", "Lead"),
    WORK_ORDERS("work_orders", "Job or quote"), CUSTOMER_THREADS("customer_threads", "Customer thread"),
    CUSTOMER_MESSAGES("customer_messages", "Customer message"), INTERNAL_THREADS("internal_threads", "Internal thread"),
    INTERNAL_MESSAGES("internal_messages", "Internal message"), INVOICES("invoices", "Invoice"),
    INVOICE_ITEMS("invoice_items", "Invoice line"), PAYMENTS("payments", "Payment");

    private final String table;
    private final String label;

    AuditRecordType(String table, String label) {
        this.table = table;
        this.label = label;
    }

    /** The server's table name. */
    public String table() {
        return table;
    }

    /** "Customer". */
    public String label() {
        return label;
    }

    /** The record type's words, or the table name for a table this console does not know yet. */
    public static String labelOf(String table) {
        return Arrays.stream(values()).filter(type -> type.table.equals(table)).findFirst().map(AuditRecordType::label)
                .orElse(table);
    }
}
