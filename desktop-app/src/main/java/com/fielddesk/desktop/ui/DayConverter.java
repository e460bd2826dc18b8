package com.fielddesk.desktop.ui;

import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A day picker's text: shown as the console shows dates ({@link Formats#date(LocalDate)}, "5 Dec
 * 2026"), typed that way or as 2026-12-05; anything else (or nothing) is no day.
 */
public final class DayConverter {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d MMM uuuu", Formats.DISPLAY);

    private DayConverter() {
    }

    public static StringConverter<LocalDate> of(Formats formats) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : formats.date(day);
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
