package com.fielddesk.localbackend.rest;

import java.util.ArrayList;
import java.util.List;

/** The model of PostgREST's query-string language (select, filters, logic trees, order). */
final class QuerySyntax {

    private QuerySyntax() {
    }

    /** A column with an optional JSON path: {@code data->a->>b}. */
    record ColumnPath(String column, List<PathStep> path) {
        /** The JSON key PostgREST gives the value: the last path key, else the column. */
        String outputName() {
            return path.isEmpty() ? column : path.get(path.size() - 1).key();
        }
    }

    /** {@code ->key} ({@code asText} false) or {@code ->>key}. */
    record PathStep(boolean asText, String key) {
    }

    sealed interface SelectItem permits Star, Field, Embed {
    }

    record Star() implements SelectItem {
    }

    record Field(ColumnPath column, String alias, String cast) implements SelectItem {
        String outputName() {
            return alias != null ? alias : column.outputName();
        }
    }

    record Embed(String relation, String alias, String hint, boolean inner, List<SelectItem> items) implements SelectItem {
        String outputName() {
            return alias != null ? alias : relation;
        }
    }

    sealed interface Condition permits Filter, Logic {
    }

    /** {@code column=[not.]operator[(modifier)].value}. */
    record Filter(ColumnPath column, boolean negated, String operator, String modifier, String value) implements Condition {
    }

    /**
     * An {@code and}/{@code or} group. At most {@link #MAX_DEPTH} groups deep, so that parsing and
     * rendering (both recursive) stay far from the stack's end whatever the query string holds.
     */
    record Logic(boolean conjunction, boolean negated, List<Condition> children) implements Condition {

        static final int MAX_DEPTH = 32;

        Logic {
            children = List.copyOf(children);
            if (depth(children) >= MAX_DEPTH) {
                throw new IllegalArgumentException("logic tree deeper than " + MAX_DEPTH);
            }
        }

        /** Groups on the deepest path from this one, this one included. */
        int depth() {
            return 1 + depth(children);
        }

        private static int depth(List<Condition> children) {
            int deepest = 0;
            for (Condition child : children) {
                if (child instanceof Logic group) {
                    deepest = Math.max(deepest, group.depth());
                }
            }
            return deepest;
        }
    }

    record OrderTerm(ColumnPath column, boolean descending, Boolean nullsFirst) {
    }

    /** Filters, order and paging of one level: the root resource or one embedded resource. */
    static final class Scope {
        final List<Condition> conditions = new ArrayList<>();
        final List<OrderTerm> order = new ArrayList<>();
        Long limit;
        Long offset;

        boolean isEmpty() {
            return conditions.isEmpty() && order.isEmpty() && limit == null && offset == null;
        }
    }
}
