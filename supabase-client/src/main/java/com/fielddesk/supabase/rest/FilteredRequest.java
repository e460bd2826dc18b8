package com.fielddesk.supabase.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The filter vocabulary shared by select, update, delete and RPC. Every call adds a condition;
 * several conditions are ANDed, as in PostgREST. Values are encoded by {@link Filter} /
 * {@link PostgrestValues}, never by hand.
 */
public abstract class FilteredRequest<SELF extends FilteredRequest<SELF>> {

    private final List<Filter> filters = new ArrayList<>();

    protected abstract SELF self();

    public SELF filter(Filter filter) {
        filters.add(filter);
        return self();
    }

    public SELF eq(String column, Object value) {
        return filter(Filter.eq(column, value));
    }

    public SELF neq(String column, Object value) {
        return filter(Filter.neq(column, value));
    }

    public SELF gt(String column, Object value) {
        return filter(Filter.gt(column, value));
    }

    public SELF gte(String column, Object value) {
        return filter(Filter.gte(column, value));
    }

    public SELF lt(String column, Object value) {
        return filter(Filter.lt(column, value));
    }

    public SELF lte(String column, Object value) {
        return filter(Filter.lte(column, value));
    }

    public SELF like(String column, String pattern) {
        return filter(Filter.like(column, pattern));
    }

    public SELF ilike(String column, String pattern) {
        return filter(Filter.ilike(column, pattern));
    }

    public SELF is(String column, Boolean value) {
        return filter(Filter.is(column, value));
    }

    public SELF isNull(String column) {
        return filter(Filter.isNull(column));
    }

    public SELF in(String column, Collection<?> values) {
        return filter(Filter.in(column, values));
    }

    public SELF contains(String column, Collection<?> values) {
        return filter(Filter.contains(column, values));
    }

    public SELF not(Filter negated) {
        return filter(Filter.not(negated));
    }

    public SELF or(Filter... alternatives) {
        return filter(Filter.or(alternatives));
    }

    /** Every entry must equal: {@code match(Map.of("company_id", id, "status", "open"))}. */
    public SELF match(Map<String, ?> columnValues) {
        columnValues.forEach(this::eq);
        return self();
    }

    protected List<Map.Entry<String, String>> filterParameters() {
        return filters.stream().map(Filter::toQueryParameter).toList();
    }

    protected boolean hasFilters() {
        return !filters.isEmpty();
    }
}
