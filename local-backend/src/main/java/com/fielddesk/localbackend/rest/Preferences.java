package com.fielddesk.localbackend.rest;

import java.util.ArrayList;
import java.util.List;

/** The {@code Prefer} headers of a request; unknown preferences are ignored, as PostgREST does. */
record Preferences(String returnMode, boolean countExact, String resolution, boolean missingDefault) {

    static Preferences parse(List<String> headers) {
        String returnMode = null;
        boolean count = false;
        String resolution = null;
        boolean missingDefault = false;
        for (String header : headers) {
            for (String raw : header.split(",")) {
                String preference = raw.trim();
                switch (preference) {
                    case "return=minimal" -> returnMode = "minimal";
                    case "return=representation" -> returnMode = "representation";
                    case "return=headers-only" -> returnMode = "headers-only";
                    case "count=exact", "count=planned", "count=estimated" -> count = true;
                    case "resolution=merge-duplicates" -> resolution = "merge-duplicates";
                    case "resolution=ignore-duplicates" -> resolution = "ignore-duplicates";
                    case "missing=default" -> missingDefault = true;
                    default -> {
                        // PostgREST ignores what it does not know (handling=lenient).
                    }
                }
            }
        }
        return new Preferences(returnMode, count, resolution, missingDefault);
    }

    boolean representation() {
        return "representation".equals(returnMode);
    }

    /** The value of {@code Preference-Applied} for what this request honoured. */
    String applied(boolean write) {
        List<String> parts = new ArrayList<>();
        if (write && resolution != null) {
            parts.add("resolution=" + resolution);
        }
        if (write && missingDefault) {
            parts.add("missing=default");
        }
        if (write && returnMode != null) {
            parts.add("return=" + returnMode);
        }
        if (countExact) {
            parts.add("count=exact");
        }
        return String.join(", ", parts);
    }
}
