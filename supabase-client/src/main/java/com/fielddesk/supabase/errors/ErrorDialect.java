package com.fielddesk.supabase.errors;

/** Which service answered: each shapes its error bodies differently (see SUPABASE_PROTOCOL.md). */
public enum ErrorDialect {
    /** {@code {code, message, details, hint}}; code is a SQLSTATE, PGRSTxxx or a custom code. */
    POSTGREST,
    /** {@code {code:"<error_code>", message}} (API version 2024-01-01) or legacy {@code {code:int, error_code, msg}}. */
    AUTH,
    /** {@code {statusCode:"<real status>", error, message}}, usually sent with HTTP 400. */
    STORAGE
}
