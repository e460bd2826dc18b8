package com.fielddesk.domain.leads;

import com.fielddesk.cache.query.Condition;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.Row;
import com.fielddesk.cache.query.Table;
import com.fielddesk.domain.jobs.WorkOrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.fielddesk.cache.query.CacheTables.LEAD_POOL;
import static com.fielddesk.cache.query.CacheTables.SERVICE_REQUESTS;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * The leads as the cache holds them (so every read works offline): the pool, a lead by id, My
 * leads with their jobs, and arrivals. Tombstones are never read; blocking: call off the UI thread.
 */
public final class LeadsRepository {

    /** The tables the pool reads: a screen showing the pool reloads when a notice names one of these. */
    public static final List<Table> POOL_TABLES = List.of(LEAD_POOL);
    /** The tables My leads reads (a claim's job arrives in work_orders after its service request). */
    public static final List<Table> MY_LEADS_TABLES = List.of(SERVICE_REQUESTS, WORK_ORDERS);

    private static final Condition OPEN = LEAD_POOL.status.eq(ServiceRequestStatus.OPEN.code());
    /** A service request is this company's once claimed: the server fills both when the claim wins. */
    private static final Condition CLAIMED = SERVICE_REQUESTS.companyId.isNotNull().and(SERVICE_REQUESTS.claimedAt.isNotNull());

    private final LocalCache cache;

    public LeadsRepository(LocalCache cache) {
        this.cache = cache;
    }

    /** The open leads this filter lets through, newest first. */
    public List<Lead> pool(PoolFilter filter) {
        return cache.list(Query.from(LEAD_POOL).where(OPEN.and(filter.condition()))
                .orderBy(LEAD_POOL.postedAt.desc(), LEAD_POOL.id.desc()), LeadsRepository::poolLead);
    }

    /** Every open lead, newest first. */
    public List<Lead> pool() {
        return pool(PoolFilter.EVERYTHING);
    }

    /** An open lead of the pool by id (empty once claimed, declined, expired or withdrawn). */
    public Optional<Lead> poolLead(LeadId id) {
        return cache.first(Query.from(LEAD_POOL).where(OPEN.and(LEAD_POOL.id.eq(id.value()))), LeadsRepository::poolLead);
    }

    /** Open leads posted at or after {@code since}, newest first (what arrived while the console was open). */
    public List<Lead> arrivedSince(Instant since) {
        return cache.list(Query.from(LEAD_POOL).where(OPEN.and(LEAD_POOL.postedAt.ge(since)))
                .orderBy(LEAD_POOL.postedAt.desc(), LEAD_POOL.id.desc()), LeadsRepository::poolLead);
    }

    /**
     * The leads this company claimed with the job each claim created, latest claim first: one
     * query joining service_requests to work_orders in SQL (a job not pulled yet reads as none).
     */
    public List<ClaimedLead> myLeads() {
        return cache.list(myLeadsQuery(CLAIMED), LeadsRepository::claimedLead);
    }

    /** A lead this company claimed, by id, with its job. */
    public Optional<ClaimedLead> claimedLead(LeadId id) {
        return cache.first(myLeadsQuery(CLAIMED.and(SERVICE_REQUESTS.id.eq(id.value()))), LeadsRepository::claimedLead);
    }

    private static Query myLeadsQuery(Condition where) {
        return Query.from(SERVICE_REQUESTS)
                .leftJoin(WORK_ORDERS, WORK_ORDERS.id, SERVICE_REQUESTS.workOrderId)
                .where(where)
                .orderBy(SERVICE_REQUESTS.claimedAt.desc(), SERVICE_REQUESTS.id.desc());
    }

    private static Lead poolLead(Row row) {
        Instant posted = row.get(LEAD_POOL.postedAt);
        return Lead.of(new LeadId(row.get(LEAD_POOL.id)), Trade.fromCode(text(row.get(LEAD_POOL.trade))),
                text(row.get(LEAD_POOL.description)), Boolean.TRUE.equals(row.get(LEAD_POOL.emergency)),
                text(row.get(LEAD_POOL.postalCode)), text(row.get(LEAD_POOL.city)),
                new PreferredWindow(row.get(LEAD_POOL.preferredStart), row.get(LEAD_POOL.preferredEnd)),
                posted != null ? posted : row.get(LEAD_POOL.createdAt));
    }

    private static ClaimedLead claimedLead(Row row) {
        ClaimedLead.Job job = null;
        if (row.has(WORK_ORDERS)) {
            String status = row.get(WORK_ORDERS.status);
            job = new ClaimedLead.Job(row.get(WORK_ORDERS.id).toString(), row.get(WORK_ORDERS.number),
                    WorkOrderStatus.fromCode(status == null ? WorkOrderStatus.UNSCHEDULED.code() : status));
        }
        return new ClaimedLead(new LeadId(row.get(SERVICE_REQUESTS.id)), Trade.fromCode(text(row.get(SERVICE_REQUESTS.trade))),
                text(row.get(SERVICE_REQUESTS.description)), Boolean.TRUE.equals(row.get(SERVICE_REQUESTS.emergency)),
                text(row.get(SERVICE_REQUESTS.customerName)), text(row.get(SERVICE_REQUESTS.customerPhone)),
                text(row.get(SERVICE_REQUESTS.customerEmail)), text(row.get(SERVICE_REQUESTS.streetAddress)),
                text(row.get(SERVICE_REQUESTS.city)), text(row.get(SERVICE_REQUESTS.postalCode)),
                row.get(SERVICE_REQUESTS.claimedAt), job);
    }

    /** The screens show an absent text as empty, never "null". */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
