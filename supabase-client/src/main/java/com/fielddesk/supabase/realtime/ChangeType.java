package com.fielddesk.supabase.realtime;

/** Which row changes a subscription wants; {@link #ALL} is {@code "*"} on the wire. */
public enum ChangeType {
    INSERT, UPDATE, DELETE, ALL;

    String wireName() {
        return this == ALL ? "*" : name();
    }

    static ChangeType fromWire(String name) {
        return "*".equals(name) ? ALL : valueOf(name);
    }
}
