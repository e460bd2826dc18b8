package com.fielddesk.cache.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The cache's synced tables declared with storage-level types (text stays {@code String}; ids and
 * {@code *_by} references are {@link UUID}s; timestamps {@link Instant}s; money {@link BigDecimal}).
 * A domain narrows a column with {@link Column#as} (e.g. a status to its enum) or declares its own
 * {@link Table}. {@code CacheTablesTest} verifies every declaration against the migrations.
 */
public final class CacheTables {

    private CacheTables() {
    }

    public static final Companies COMPANIES = new Companies();
    public static final Profiles PROFILES = new Profiles();
    public static final Customers CUSTOMERS = new Customers();
    public static final CustomerAddresses CUSTOMER_ADDRESSES = new CustomerAddresses();
    public static final LeadPool LEAD_POOL = new LeadPool();
    public static final ServiceRequests SERVICE_REQUESTS = new ServiceRequests();
    public static final WorkOrders WORK_ORDERS = new WorkOrders();
    public static final WorkOrderStatusHistory WORK_ORDER_STATUS_HISTORY = new WorkOrderStatusHistory();
    public static final CustomerThreads CUSTOMER_THREADS = new CustomerThreads();
    public static final CustomerMessages CUSTOMER_MESSAGES = new CustomerMessages();
    public static final InternalThreads INTERNAL_THREADS = new InternalThreads();
    public static final InternalMessages INTERNAL_MESSAGES = new InternalMessages();
    public static final InternalThreadReads INTERNAL_THREAD_READS = new InternalThreadReads();
    public static final Invoices INVOICES = new Invoices();
    public static final InvoiceItems INVOICE_ITEMS = new InvoiceItems();
    public static final Payments PAYMENTS = new Payments();

    /** Every declaration above, in pull order, for {@link SchemaCheck}. */
    public static final java.util.List<Table> ALL = java.util.List.of(
            COMPANIES, PROFILES, LEAD_POOL, SERVICE_REQUESTS,
            CUSTOMER_ADDRESSES, CUSTOMERS, WORK_ORDERS, WORK_ORDER_STATUS_HISTORY,
            CUSTOMER_THREADS, CUSTOMER_MESSAGES, INTERNAL_THREADS, INTERNAL_MESSAGES,
            INVOICES, INVOICE_ITEMS, PAYMENTS, INTERNAL_THREAD_READS);

    public static final class Companies extends Table {
        public final Column<String> name = column("name", Codecs.TEXT);
        public final Column<String> email = column("email", Codecs.TEXT);
        public final Column<String> phone = column("phone", Codecs.TEXT);
        public final Column<String> timezone = column("timezone", Codecs.TEXT);
        public final Column<JsonNode> trades = column("trades", Codecs.JSON);
        public final Column<JsonNode> servicePostalCodes = column("service_postal_codes", Codecs.JSON);
        public final Column<Boolean> leadOptIn = column("lead_opt_in", Codecs.BOOL);
        public final Column<String> invoiceLegalName = column("invoice_legal_name", Codecs.TEXT);
        public final Column<String> invoiceAddress = column("invoice_address", Codecs.TEXT);
        public final Column<String> invoiceLogoPath = column("invoice_logo_path", Codecs.TEXT);
        public final Column<String> invoiceAccentColor = column("invoice_accent_color", Codecs.TEXT);
        public final Column<String> invoiceFooter = column("invoice_footer", Codecs.TEXT);
        public final Column<Long> paymentTermsDays = column("payment_terms_days", Codecs.LONG);
        public final Column<String> invoicePrefix = column("invoice_prefix", Codecs.TEXT);
        public final Column<Long> invoiceNextNumber = column("invoice_next_number", Codecs.LONG);
        public final Column<Long> workOrderNextNumber = column("work_order_next_number", Codecs.LONG);

        private Companies() {
            super("companies");
        }
    }

    public static final class Profiles extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<String> role = column("role", Codecs.TEXT);
        public final Column<String> fullName = column("full_name", Codecs.TEXT);
        public final Column<String> email = column("email", Codecs.TEXT);
        public final Column<String> phone = column("phone", Codecs.TEXT);
        public final Column<String> color = column("color", Codecs.TEXT);
        public final Column<Boolean> active = column("active", Codecs.BOOL);

        private Profiles() {
            super("profiles");
        }
    }

    public static final class Customers extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<String> fullName = column("full_name", Codecs.TEXT);
        public final Column<String> email = column("email", Codecs.TEXT);
        public final Column<String> phone = column("phone", Codecs.TEXT);
        public final Column<String> notes = column("notes", Codecs.TEXT);

        private Customers() {
            super("customers");
        }
    }

    public static final class CustomerAddresses extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> customerId = column("customer_id", Codecs.UUID_TEXT);
        public final Column<String> label = column("label", Codecs.TEXT);
        public final Column<String> street = column("street", Codecs.TEXT);
        public final Column<String> city = column("city", Codecs.TEXT);
        public final Column<String> region = column("region", Codecs.TEXT);
        public final Column<String> postalCode = column("postal_code", Codecs.TEXT);
        public final Column<String> accessNotes = column("access_notes", Codecs.TEXT);

        private CustomerAddresses() {
            super("customer_addresses");
        }
    }

    public static final class LeadPool extends Table {
        public final Column<String> status = column("status", Codecs.TEXT);
        public final Column<String> trade = column("trade", Codecs.TEXT);
        public final Column<String> description = column("description", Codecs.TEXT);
        public final Column<Boolean> emergency = column("emergency", Codecs.BOOL);
        public final Column<String> postalCode = column("postal_code", Codecs.TEXT);
        public final Column<String> city = column("city", Codecs.TEXT);
        public final Column<Instant> preferredStart = column("preferred_start", Codecs.INSTANT);
        public final Column<Instant> preferredEnd = column("preferred_end", Codecs.INSTANT);
        public final Column<Instant> postedAt = column("posted_at", Codecs.INSTANT);

        private LeadPool() {
            super("lead_pool");
        }
    }

    public static final class ServiceRequests extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<String> status = column("status", Codecs.TEXT);
        public final Column<String> source = column("source", Codecs.TEXT);
        public final Column<String> trade = column("trade", Codecs.TEXT);
        public final Column<String> description = column("description", Codecs.TEXT);
        public final Column<Boolean> emergency = column("emergency", Codecs.BOOL);
        public final Column<String> postalCode = column("postal_code", Codecs.TEXT);
        public final Column<String> city = column("city", Codecs.TEXT);
        public final Column<Instant> preferredStart = column("preferred_start", Codecs.INSTANT);
        public final Column<Instant> preferredEnd = column("preferred_end", Codecs.INSTANT);
        public final Column<Instant> postedAt = column("posted_at", Codecs.INSTANT);
        public final Column<String> customerName = column("customer_name", Codecs.TEXT);
        public final Column<String> customerPhone = column("customer_phone", Codecs.TEXT);
        public final Column<String> customerEmail = column("customer_email", Codecs.TEXT);
        public final Column<String> streetAddress = column("street_address", Codecs.TEXT);
        public final Column<Instant> claimedAt = column("claimed_at", Codecs.INSTANT);
        public final Column<UUID> claimedBy = column("claimed_by", Codecs.UUID_TEXT);
        public final Column<UUID> customerId = column("customer_id", Codecs.UUID_TEXT);
        public final Column<UUID> workOrderId = column("work_order_id", Codecs.UUID_TEXT);

        private ServiceRequests() {
            super("service_requests");
        }
    }

    public static final class WorkOrders extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<String> stage = column("stage", Codecs.TEXT);
        public final Column<Long> number = column("number", Codecs.LONG);
        public final Column<String> title = column("title", Codecs.TEXT);
        public final Column<String> description = column("description", Codecs.TEXT);
        public final Column<BigDecimal> total = column("total", Codecs.DECIMAL);
        public final Column<String> quoteStatus = column("quote_status", Codecs.TEXT);
        public final Column<String> status = column("status", Codecs.TEXT);
        public final Column<UUID> customerId = column("customer_id", Codecs.UUID_TEXT);
        public final Column<UUID> customerAddressId = column("customer_address_id", Codecs.UUID_TEXT);
        public final Column<UUID> serviceRequestId = column("service_request_id", Codecs.UUID_TEXT);
        public final Column<Instant> scheduledStart = column("scheduled_start", Codecs.INSTANT);
        public final Column<Instant> scheduledEnd = column("scheduled_end", Codecs.INSTANT);
        public final Column<UUID> technicianId = column("technician_id", Codecs.UUID_TEXT);
        public final Column<String> priority = column("priority", Codecs.TEXT);
        /** Why the job was canceled, sent with the move to canceled (V9). */
        public final Column<String> cancelReason = column("cancel_reason", Codecs.TEXT);

        private WorkOrders() {
            super("work_orders");
        }
    }

    public static final class WorkOrderStatusHistory extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> workOrderId = column("work_order_id", Codecs.UUID_TEXT);
        public final Column<String> statusField = column("status_field", Codecs.TEXT);
        public final Column<String> fromStatus = column("from_status", Codecs.TEXT);
        public final Column<String> toStatus = column("to_status", Codecs.TEXT);
        public final Column<UUID> changedBy = column("changed_by", Codecs.UUID_TEXT);
        public final Column<Instant> changedAt = column("changed_at", Codecs.INSTANT);
        /** Why a job was canceled, on the line of that move (V9). */
        public final Column<String> reason = column("reason", Codecs.TEXT);

        private WorkOrderStatusHistory() {
            super("work_order_status_history");
        }
    }

    public static final class CustomerThreads extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> workOrderId = column("work_order_id", Codecs.UUID_TEXT);
        public final Column<UUID> customerId = column("customer_id", Codecs.UUID_TEXT);
        public final Column<String> subject = column("subject", Codecs.TEXT);
        public final Column<Instant> lastMessageAt = column("last_message_at", Codecs.INSTANT);

        private CustomerThreads() {
            super("customer_threads");
        }
    }

    public static final class CustomerMessages extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> customerThreadId = column("customer_thread_id", Codecs.UUID_TEXT);
        public final Column<String> senderKind = column("sender_kind", Codecs.TEXT);
        public final Column<UUID> senderId = column("sender_id", Codecs.UUID_TEXT);
        public final Column<String> body = column("body", Codecs.TEXT);
        public final Column<Instant> readAt = column("read_at", Codecs.INSTANT);

        private CustomerMessages() {
            super("customer_messages");
        }
    }

    public static final class InternalThreads extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> workOrderId = column("work_order_id", Codecs.UUID_TEXT);
        public final Column<String> subject = column("subject", Codecs.TEXT);
        public final Column<UUID> createdBy = column("created_by", Codecs.UUID_TEXT);
        public final Column<Instant> lastMessageAt = column("last_message_at", Codecs.INSTANT);

        private InternalThreads() {
            super("internal_threads");
        }
    }

    public static final class InternalMessages extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> internalThreadId = column("internal_thread_id", Codecs.UUID_TEXT);
        public final Column<UUID> authorId = column("author_id", Codecs.UUID_TEXT);
        public final Column<String> body = column("body", Codecs.TEXT);

        private InternalMessages() {
            super("internal_messages");
        }
    }

    /** The signed-in user's read markers of internal threads (only their own are synced). */
    public static final class InternalThreadReads extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> internalThreadId = column("internal_thread_id", Codecs.UUID_TEXT);
        public final Column<UUID> userId = column("user_id", Codecs.UUID_TEXT);
        public final Column<Instant> readAt = column("read_at", Codecs.INSTANT);

        private InternalThreadReads() {
            super("internal_thread_reads");
        }
    }

    public static final class Invoices extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> workOrderId = column("work_order_id", Codecs.UUID_TEXT);
        public final Column<UUID> customerId = column("customer_id", Codecs.UUID_TEXT);
        public final Column<Long> number = column("number", Codecs.LONG);
        public final Column<String> status = column("status", Codecs.TEXT);
        public final Column<LocalDate> issueDate = column("issue_date", Codecs.DATE);
        public final Column<LocalDate> dueDate = column("due_date", Codecs.DATE);
        public final Column<String> currency = column("currency", Codecs.TEXT);
        public final Column<BigDecimal> subtotal = column("subtotal", Codecs.DECIMAL);
        public final Column<BigDecimal> discount = column("discount", Codecs.DECIMAL);
        public final Column<BigDecimal> taxRate = column("tax_rate", Codecs.DECIMAL);
        public final Column<BigDecimal> tax = column("tax", Codecs.DECIMAL);
        public final Column<BigDecimal> total = column("total", Codecs.DECIMAL);
        public final Column<BigDecimal> amountPaid = column("amount_paid", Codecs.DECIMAL);
        public final Column<String> paymentStatus = column("payment_status", Codecs.TEXT);
        public final Column<String> notes = column("notes", Codecs.TEXT);
        public final Column<String> pdfPath = column("pdf_path", Codecs.TEXT);
        public final Column<String> voidReason = column("void_reason", Codecs.TEXT);
        /** The branding the invoice was issued under (written by the server when it leaves draft; null for a draft). */
        public final Column<JsonNode> branding = column("branding", Codecs.JSON);

        private Invoices() {
            super("invoices");
        }
    }

    public static final class InvoiceItems extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> invoiceId = column("invoice_id", Codecs.UUID_TEXT);
        public final Column<Long> position = column("position", Codecs.LONG);
        public final Column<String> description = column("description", Codecs.TEXT);
        public final Column<BigDecimal> quantity = column("quantity", Codecs.DECIMAL);
        public final Column<BigDecimal> unitPrice = column("unit_price", Codecs.DECIMAL);
        public final Column<BigDecimal> lineTotal = column("line_total", Codecs.DECIMAL);

        private InvoiceItems() {
            super("invoice_items");
        }
    }

    public static final class Payments extends Table {
        public final Column<UUID> companyId = column("company_id", Codecs.UUID_TEXT);
        public final Column<UUID> invoiceId = column("invoice_id", Codecs.UUID_TEXT);
        public final Column<BigDecimal> amount = column("amount", Codecs.DECIMAL);
        public final Column<String> method = column("method", Codecs.TEXT);
        public final Column<Instant> paidAt = column("paid_at", Codecs.INSTANT);
        public final Column<String> reference = column("reference", Codecs.TEXT);
        public final Column<UUID> recordedBy = column("recorded_by", Codecs.UUID_TEXT);

        private Payments() {
            super("payments");
        }
    }
}
