package com.fielddesk.desktop.leads;

import java.util.Locale;

/** The trades a lead can ask for (server check: hvac | plumbing | electrical). */
public enum Trade {
    HVAC("HVAC"), PLUMBING("Plumbing"), ELECTRICAL("Electrical");

    private final String label;

    Trade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trade fromCode(String code) {
        for (Trade trade : values()) {
            if (trade.code().equals(code)) {
                return trade;
            }
        }
        throw new IllegalArgumentException("Unknown trade: " + code);
    }

    @Override
    public String toString() {
        return label;
    }
}
