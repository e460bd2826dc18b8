package com.fielddesk.domain.customers;

/** How the customer list is ordered. */
public enum CustomerSort {
    NAME("Name (A–Z)"), NEWEST("Newest first");

    private final String label;

    CustomerSort(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
