package com.fielddesk.desktop.bench;

import java.util.ArrayList;
import java.util.List;

/** What the keystroke benchmarks type, and how they sum it up. */
final class Keystrokes {

    private Keystrokes() {
    }

    /** Each word typed letter by letter, then erased letter by letter. */
    static List<String> typedAndErased(String... words) {
        List<String> texts = new ArrayList<>();
        for (String word : words) {
            for (int i = 1; i <= word.length(); i++) {
                texts.add(word.substring(0, i));
            }
            for (int i = word.length() - 1; i >= 0; i--) {
                texts.add(word.substring(0, i));
            }
        }
        return texts;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
