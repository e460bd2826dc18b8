package com.fielddesk.domain.audit;

import com.fielddesk.cache.calls.FunctionPort;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Console events the server writes into the audit log ({@code log_audit_event}): actor and company
 * come from the caller's token, so a console can only say what it did, never who it was.
 */
public final class AuditEvents {

    private final FunctionPort server;

    public AuditEvents(FunctionPort server) {
        this.server = server;
    }

    /** Records an export of the audit log: how many entries, and the filter that chose them. */
    public void recordExport(AuditFilter filter, long entries) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "audit_log");
        details.put("format", "csv");
        details.put("entries", entries);
        filter.from().ifPresent(at -> details.put("from", at.toString()));
        filter.to().ifPresent(at -> details.put("to", at.toString()));
        filter.person().ifPresent(person -> details.put("person", person.toString()));
        filter.action().ifPresent(action -> details.put("action", action));
        filter.recordType().ifPresent(table -> details.put("record_type", table));
        filter.record().ifPresent(record -> details.put("record", record.toString()));
        filter.text().ifPresent(text -> details.put("text", text));
        log(AuditAction.EXPORT, details);
    }

    /** Records that the caller signed in to the console (the server takes who and which company from the token). */
    public void recordSignIn() {
        record(AuditAction.SIGN_IN);
    }

    /** Records that the caller signed out of the console; called before the session ends, while its token still works. */
    public void recordSignOut() {
        record(AuditAction.SIGN_OUT);
    }

    private void record(AuditAction action) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("client", "console");
        log(action, details);
    }

    /**
     * Records that one record's document left the console: saved to a file ({@link AuditAction#EXPORT})
     * or sent to a printer ({@link AuditAction#PRINT}) — e.g. an invoice's PDF.
     *
     * @param recordType the record's table, e.g. "invoices"
     * @param label      how the user knows it, e.g. "Invoice 1042"
     */
    public void recordDocument(AuditAction action, String recordType, java.util.UUID record, String label, String format) {
        if (action != AuditAction.EXPORT && action != AuditAction.PRINT) {
            throw new IllegalArgumentException("A document is exported or printed, not " + action.code());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", recordType);
        details.put("record_type", recordType);
        details.put("record", record.toString());
        details.put("label", label);
        details.put("format", format);
        log(action, details);
    }

    private void log(AuditAction action, Map<String, Object> details) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("action", action.code());
        arguments.put("details", details);
        AuditRepository.onServer(() -> server.call("log_audit_event", arguments));
    }
}
