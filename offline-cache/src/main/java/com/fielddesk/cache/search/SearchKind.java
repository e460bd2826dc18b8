package com.fielddesk.cache.search;

/** What a search hit is, with the index that finds it (created in cache migration V3). */
public enum SearchKind {
    /** Name, phone, email, and the street, city and postal code of its addresses. */
    CUSTOMER("search_customers", "customers",
            "t.full_name", "trim(coalesce(t.phone, '') || ' ' || coalesce(t.email, ''))", "10.0, 4.0, 4.0, 1.0"),
    /** An unclaimed lead in the pool: trade, description, city, postal code (no contact fields exist). */
    POOL_LEAD("search_lead_pool", "lead_pool",
            "t.trade || ' · ' || coalesce(t.city, '')", "coalesce(t.description, '')", "4.0, 2.0, 3.0, 3.0"),
    /** A lead this company claimed: customer name and phone, description, street, city, postal code. */
    CLAIMED_LEAD("search_service_requests", "service_requests",
            "coalesce(t.customer_name, '')", "coalesce(t.description, '')", "10.0, 4.0, 2.0, 2.0, 2.0, 2.0"),
    /** A job or quote: number, title, description. */
    WORK_ORDER("search_work_orders", "work_orders",
            "'#' || coalesce(t.number, '') || ' ' || coalesce(t.title, '')", "coalesce(t.description, '')", "10.0, 6.0, 1.0");

    final String index;
    final String table;
    final String title;
    final String detail;
    /** bm25 weight per indexed column, in the index's column order. */
    final String weights;

    SearchKind(String index, String table, String title, String detail, String weights) {
        this.index = index;
        this.table = table;
        this.title = title;
        this.detail = detail;
        this.weights = weights;
    }

    /** The synced table the hit's id belongs to. */
    public String table() {
        return table;
    }
}
