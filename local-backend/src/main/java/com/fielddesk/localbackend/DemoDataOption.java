package com.fielddesk.localbackend;

/**
 * Which demo data a first start loads: none, the standard small set, or a scaled set for
 * benchmarks ({@code scale} companies' worth of rows, as the demo seeder interprets it).
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
