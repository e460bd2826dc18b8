package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.Lead;

import java.util.Comparator;
import java.util.List;

/**
 * One level of the pool's order: a column and a direction. The pool is kept in this order in the
 * ViewModel (sorted once per change of order, new leads inserted in place) rather than through a
 * SortedList, which tripled the cost of a filter keystroke over 50k leads.
 */
public record PoolSort(Key key, boolean ascending) {

    /** The sortable pool columns; ascending is what a first click on the header means to a dispatcher. */
    public enum Key {
        /** Ascending = youngest first (newest posted on top). */
        AGE(Comparator.comparing(Lead::postedAt).reversed()),
        TRADE(Comparator.comparing(lead -> lead.trade().label())),
        /** Ascending = emergencies first. */
        EMERGENCY(Comparator.comparing(lead -> !lead.emergency())),
        AREA(Comparator.comparing(Lead::area, String.CASE_INSENSITIVE_ORDER)),
        /** Ascending = earliest preferred start first; "any time" last. */
        WINDOW(Comparator.comparing(lead -> lead.preferredWindow().start(), Comparator.nullsLast(Comparator.naturalOrder())));

        private final Comparator<Lead> ascending;

        Key(Comparator<Lead> ascending) {
            this.ascending = ascending;
        }
    }

    /** Newest first: answer the freshest lead first. */
    public static final List<PoolSort> NEWEST_FIRST = List.of(new PoolSort(Key.AGE, true));

    public PoolSort {
        if (key == null) {
            throw new IllegalArgumentException("A sort column is required");
        }
    }

    /** The comparator for an order of levels, ties broken newest first and then by id, so the order is total. */
    public static Comparator<Lead> comparator(List<PoolSort> order) {
        Comparator<Lead> combined = null;
        for (PoolSort level : order) {
            Comparator<Lead> next = level.ascending ? level.key.ascending : level.key.ascending.reversed();
            combined = combined == null ? next : combined.thenComparing(next);
        }
        Comparator<Lead> tieBreak = Key.AGE.ascending.thenComparing(lead -> lead.id().value());
        return combined == null ? tieBreak : combined.thenComparing(tieBreak);
    }
}
