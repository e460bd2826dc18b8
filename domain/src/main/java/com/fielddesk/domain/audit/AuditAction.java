package com.fielddesk.domain.audit;

import java.util.Arrays;

/** What an audit entry records ({@code audit_log.action}): a row created, changed or deleted, or a console event. */
public enum AuditAction {
    INSERT("insert", "Created"), UPDATE("update", "Changed"), DELETE("delete", "Deleted"), SIGN_IN("sign_in", "Signed in"),
    SIGN_OUT("sign_out", "Signed out"), EXPORT("export", "Exported"), PRINT("print", "Printed");

    private final String code;
    private final String label;

    AuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    /** "Changed". */
    public String label() {
        return label;
    }

    /** The action's words, or the code itself for an action this console does not know yet. */
    public static String labelOf(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst().map(AuditAction::label)
                .orElse(code);
    }
}
