package com.fielddesk.desktop.ui;

import java.util.regex.Pattern;

/** Text someone typed, made fit for a row that is one line high. */
public final class Lines {

    /** Every line break a regular expression knows (line feed, CR LF, U+2028 and the rest) and tabs. */
    private static final Pattern LINE_BREAKS_AND_TABS = Pattern.compile("(?:\\R|\\t)+");

    private Lines() {
    }

    /**
     * {@code text} on one line: each run of line breaks and tabs becomes a space. A subject, a name
     * or an address may hold line breaks (a portal customer's, a pasted one); in a row of a fixed
     * height they would push the rest of the row out of sight.
     */
    public static String oneLine(String text) {
        String stripped = text.strip();
        return hasBreakOrTab(stripped) ? LINE_BREAKS_AND_TABS.matcher(stripped).replaceAll(" ") : stripped;
    }

    /** Most text has none: a table's cells are filled while it scrolls, so they skip the regular expression. */
    private static boolean hasBreakOrTab(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
