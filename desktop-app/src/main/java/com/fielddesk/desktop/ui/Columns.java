package com.fielddesk.desktop.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * Table columns the way every screen shows them: an id (for remembered layouts, see
 * {@link TableLayouts}), a title, the value taken from the row, and a cell that writes it —
 * times in the company's zone ({@link Formats}), numbers right-aligned, statuses as badges with
 * words and an icon. The column's value stays typed, so sorting compares instants and numbers,
 * not their text.
 */
public final class Columns {

    private Columns() {
    }

    /** Text on one line ({@link Lines#oneLine}): a row is one line high, whatever line breaks a name or a value holds. */
    public static <T> TableColumn<T, String> text(String id, String title, Function<? super T, String> value) {
        TableColumn<T, String> column = column(id, title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Lines.oneLine(orEmpty(value.apply(cell.getValue())))));
        return column;
    }

    /**
     * Text as written, line breaks kept (the row grows): for a value that must be read exactly as it
     * is, like the before and after of an audit entry.
     */
    public static <T> TableColumn<T, String> textAsWritten(String id, String title, Function<? super T, String> value) {
        TableColumn<T, String> column = column(id, title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(orEmpty(value.apply(cell.getValue()))));
        return column;
    }

    /** A whole number, right-aligned, with grouping ("12,345"). */
    public static <T> TableColumn<T, Long> count(String id, String title, Formats formats, Function<? super T, Long> value) {
        TableColumn<T, Long> column = column(id, title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> rightAligned(number -> formats.number(number)));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        return column;
    }

    /** A decimal with its own scale, right-aligned ("1,234.50"). */
    public static <T> TableColumn<T, BigDecimal> decimal(String id, String title, Formats formats,
                                                         Function<? super T, BigDecimal> value) {
        TableColumn<T, BigDecimal> column = column(id, title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> rightAligned(formats::decimal));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        return column;
    }

    /** Date and time in the company's zone ("21 Nov 2026, 14:05"); sorts by the instant. */
    public static <T> TableColumn<T, Instant> dateTime(String id, String title, Formats formats,
                                                       Function<? super T, Instant> value) {
        return instantColumn(id, title, value, formats::dateTime);
    }

    /** The company's calendar day of an instant ("21 Nov 2026"); sorts by the instant. */
    public static <T> TableColumn<T, Instant> date(String id, String title, Formats formats,
                                                   Function<? super T, Instant> value) {
        return instantColumn(id, title, value, formats::date);
    }

    /**
     * A status as a badge: words, icon and a tone class. {@code badge} says how each status shows;
     * the column sorts by {@code order} (e.g. the lifecycle), not alphabetically.
     */
    public static <T, S> TableColumn<T, S> status(String id, String title, Function<? super T, S> value,
                                                  Function<? super S, StatusBadge> badge, Comparator<? super S> order) {
        TableColumn<T, S> column = column(id, title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsFirst(order));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label shown = new Label();

            {
                shown.getStyleClass().add(Styles.BADGE);
                shown.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(S status, boolean empty) {
                super.updateItem(status, empty);
                setText(null);
                if (empty || status == null) {
                    setGraphic(null);
                    return;
                }
                StatusBadge look = badge.apply(status);
                shown.setText(look.text());
                shown.setGraphic(look.icon() == null ? null : new FontIcon(look.icon()));
                shown.getStyleClass().setAll("label", Styles.BADGE, look.tone().styleClass());
                setGraphic(shown);
            }
        });
        return column;
    }

    private static <T> TableColumn<T, Instant> instantColumn(String id, String title, Function<? super T, Instant> value,
                                                            Function<Instant, String> written) {
        TableColumn<T, Instant> column = column(id, title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant instant, boolean empty) {
                super.updateItem(instant, empty);
                setText(empty || instant == null ? null : written.apply(instant));
            }
        });
        return column;
    }

    private static <T, V> TableCell<T, V> rightAligned(Function<V, String> written) {
        TableCell<T, V> cell = new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : written.apply(item));
            }
        };
        cell.setAlignment(Pos.CENTER_RIGHT);
        return cell;
    }

    /** The narrowest a column of free text becomes when its table is narrow ("Ada B…"). */
    public static final double NARROWEST = 48;

    /**
     * A column of short words of known length (a day, a status, an amount): {@code width} wide and
     * never narrower, so a narrow table with a constrained resize policy cuts free text instead of
     * "6 Dec 14:…" or "Unsched…".
     */
    public static <C extends TableColumn<?, ?>> C keepsWidth(C column, double width) {
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }

    /** A column of free text (a name, a title): {@code width} wide when there is room, down to {@link #NARROWEST}. */
    public static <C extends TableColumn<?, ?>> C givesWay(C column, double width) {
        column.setPrefWidth(width);
        column.setMinWidth(NARROWEST);
        return column;
    }

    private static <T, V> TableColumn<T, V> column(String id, String title) {
        TableColumn<T, V> column = new TableColumn<>(Objects.requireNonNull(title));
        column.setId(Objects.requireNonNull(id));
        return column;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
