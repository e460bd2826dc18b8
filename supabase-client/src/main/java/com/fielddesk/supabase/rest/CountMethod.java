package com.fielddesk.supabase.rest;

/** How PostgREST counts the total rows ({@code Prefer: count=...}). */
public enum CountMethod {
    EXACT, PLANNED, ESTIMATED;

    String preference() {
        return "count=" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
