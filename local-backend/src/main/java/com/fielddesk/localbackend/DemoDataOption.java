package com.fielddesk.localbackend;

/**
 * Which demo data a first start loads: none, the standard set (~3,000 work orders), or a scaled
 * set for benchmarks of about {@code scale} work orders (with half as many open leads).
 */
public record DemoDataOption(Kind kind, int scale) {

    public enum Kind { NONE, STANDARD, SCALED }

    public DemoDataOption {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == Kind.SCALED && scale < 1) {
            throw new IllegalArgumentException("A scaled demo needs a scale of at least 1, got " + scale);
        }
        if (kind != Kind.SCALED) {
            scale = kind == Kind.STANDARD ? 1 : 0;
        }
    }

    public static DemoDataOption none() {
        return new DemoDataOption(Kind.NONE, 0);
    }

    public static DemoDataOption standard() {
        return new DemoDataOption(Kind.STANDARD, 1);
    }

    public static DemoDataOption scaled(int scale) {
        return new DemoDataOption(Kind.SCALED, scale);
    }

    public boolean wanted() {
        return kind != Kind.NONE;
    }
}
