package com.fielddesk.desktop.app.feature;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A person's role in their company ({@code profiles.role}); decides which sections the console shows. */
public enum Role {
    ADMIN, SUPERVISOR, DISPATCHER, CSR, TECHNICIAN;

    /** The office roles: everyone at a desk (technicians use the mobile app). */
    public static final Set<Role> OFFICE_STAFF = EnumSet.of(ADMIN, SUPERVISOR, DISPATCHER, CSR);
    public static final Set<Role> MANAGERS = EnumSet.of(ADMIN, SUPERVISOR);

    /** The role for a stored code ("dispatcher"); empty for a code this console does not know. */
    public static Optional<Role> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.code().equals(code.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The wire code: "dispatcher". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
