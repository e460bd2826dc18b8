package com.fielddesk.supabase.rest;

import java.util.List;
import java.util.OptionalLong;

/** Rows of one request plus the total PostgREST counted ({@code Content-Range: 0-24/3573}), when asked. */
public record Page<T>(List<T> rows, OptionalLong totalCount) {

    static OptionalLong parseTotal(String contentRange) {
        if (contentRange == null) {
            return OptionalLong.empty();
        }
        int slash = contentRange.lastIndexOf('/');
        String total = slash < 0 ? "*" : contentRange.substring(slash + 1).trim();
        return total.equals("*") || total.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(total));
    }
}
