package com.fielddesk.desktop.bench;

import java.util.List;

/** Monocle headless settings, so benchmarks run the same with or without a display. */
final class Headless {
    private Headless() {
    }

    static final List<String> PROPERTIES = List.of("glass.platform=Monocle", "monocle.platform=Headless",
            "prism.order=sw", "prism.text=t2k", "java.awt.headless=true");

    static void applyIfNoDisplay() {
        if (System.getenv("DISPLAY") == null) {
            for (String property : PROPERTIES) {
                String[] pair = property.split("=", 2);
                System.setProperty(pair[0], pair[1]);
            }
        }
    }

    static List<String> jvmFlags() {
        return System.getenv("DISPLAY") == null
                ? PROPERTIES.stream().map(p -> "-D" + p).toList()
                : List.of("-Dprism.order=sw");
    }
}
