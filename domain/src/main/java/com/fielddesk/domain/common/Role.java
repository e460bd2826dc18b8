package com.fielddesk.domain.common;

import java.util.List;
import java.util.Set;

/** A person's role in their company ({@code profiles.role}). */
public final class Role extends CodedValue {

    private static final Vocabulary<Role> VOCABULARY = new Vocabulary<>(Role::new);

    public static final Role ADMIN = VOCABULARY.known("admin", "Admin");
    public static final Role SUPERVISOR = VOCABULARY.known("supervisor", "Supervisor");
    public static final Role DISPATCHER = VOCABULARY.known("dispatcher", "Dispatcher");
    public static final Role CSR = VOCABULARY.known("csr", "Customer service");
    public static final Role TECHNICIAN = VOCABULARY.known("technician", "Technician");

    /** Everyone at a desk (technicians use the mobile app). */
    public static final Set<Role> OFFICE_STAFF = Set.of(ADMIN, SUPERVISOR, DISPATCHER, CSR);
    /** Supervisors and admins: they may reopen jobs, delete records and read the audit log. */
    public static final Set<Role> MANAGERS = Set.of(ADMIN, SUPERVISOR);

    private Role(String code, String label, boolean known) {
        super(code, label, known);
    }

    public static Role fromCode(String code) {
        return VOCABULARY.of(code);
    }

    public static List<Role> values() {
        return VOCABULARY.values();
    }

    public boolean isManager() {
        return MANAGERS.contains(this);
    }
}
