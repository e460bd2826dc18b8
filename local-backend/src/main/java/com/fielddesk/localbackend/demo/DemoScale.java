package com.fielddesk.localbackend.demo;

/**
 * How much demo data to generate. Companies and staff are always the same three companies and
 * their documented logins; everything else scales.
 *
 * @param workOrders      quotes and jobs, including those that came from claimed leads
 * @param openLeads       unclaimed service requests in the pool
 * @param closedLeads     claimed, converted, expired and withdrawn service requests
 * @param customers       customers created by the companies themselves (claimed leads add their own)
 * @param invoices        invoices, with items and (for most issued ones) payments
 * @param customerThreads customer message threads, each tied to a work order
 * @param internalThreads staff-only threads, some about a work order
 */
public record DemoScale(int workOrders, int openLeads, int closedLeads, int customers, int invoices,
                        int customerThreads, int internalThreads) {

    public DemoScale {
        if (workOrders < 1 || openLeads < 0 || closedLeads < 0 || customers < 1 || invoices < 0
                || customerThreads < 0 || internalThreads < 0) {
            throw new IllegalArgumentException("A demo scale needs at least one work order and one customer, "
                    + "and no negative counts: " + this);
        }
        if (closedLeads > workOrders) {
            throw new IllegalArgumentException("Every claimed lead becomes a work order, so closed leads ("
                    + closedLeads + ") cannot exceed work orders (" + workOrders + ").");
        }
        if (customerThreads > workOrders) {
            throw new IllegalArgumentException("Customer threads (" + customerThreads
                    + ") are tied to work orders and cannot exceed them (" + workOrders + ").");
        }
    }

    /** The dataset a new Local demo starts with: ~3,000 work orders, ~300 open leads. */
    public static DemoScale standard() {
        return new DemoScale(3_000, 300, 120, 600, 1_500, 1_200, 300);
    }

    /**
     * A benchmark dataset of {@code workOrders} work orders and half as many open leads (what the
     * sync and lead-pool benchmarks measure). Customers, messages and invoices grow at a tenth of
     * the standard ratios: every row passes the audit trigger, and they are not what is measured.
     */
    public static DemoScale ofWorkOrders(int workOrders) {
        if (workOrders < 10) {
            throw new IllegalArgumentException("ofWorkOrders needs at least 10 work orders, got " + workOrders);
        }
        return new DemoScale(workOrders, workOrders / 2, workOrders / 25, Math.max(20, workOrders / 10),
                workOrders / 10, workOrders / 20, workOrders / 50);
    }
}
