package com.fielddesk.desktop.ui;

import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A day picker's text, the same on every screen and whatever the computer's locale: shown as the
 * console shows dates ({@link Formats#date(LocalDate)}, "5 Dec 2026"), typed that way or as
 * 2026-12-05; anything else (or nothing) is no day. (A picker left with JavaFX's own converter
 * shows the computer's short form, "12/6/2026" here and "06.12.26" in Germany.)
 */
public final class DayConverter {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d MMM uuuu", Formats.DISPLAY);

    private DayConverter() {
    }

    public static StringConverter<LocalDate> of() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : TYPED.format(day);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.trim(), TYPED);
                } catch (DateTimeParseException notThatForm) {
                    try {
                        return LocalDate.parse(text.trim());
                    } catch (DateTimeParseException notADay) {
                        return null;
                    }
                }
            }
        };
    }
}
