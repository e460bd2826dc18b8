package com.fielddesk.desktop.ui;

import com.fielddesk.desktop.testing.Fx;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.testfx.api.FxToolkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The column helpers in a real table: what each cell shows, and that sorting compares values, not text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnsTest {

    private enum Status { SCHEDULED, COMPLETED }

    private record Job(String title, long visits, BigDecimal total, Instant start, Status status) {
    }

    private final Formats newYork = Formats.forCompanyZone("America/New_York");
    private TableView<Job> table;
    private TableColumn<Job, Instant> start;

    @BeforeAll
    void showTable() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            table = new TableView<>(FXCollections.observableArrayList(
                    new Job("Replace igniter", 12_345, new BigDecimal("1234.50"), Instant.parse("2026-11-22T03:30:00Z"),
                            Status.SCHEDULED),
                    new Job("Annual service", 2, new BigDecimal("89.00"), Instant.parse("2026-11-21T14:00:00Z"),
                            Status.COMPLETED)));
            start = Columns.dateTime("start", "Start", newYork, Job::start);
            table.getColumns().addAll(List.of(Columns.text("title", "Title", Job::title),
                    Columns.count("visits", "Visits", newYork, Job::visits),
                    Columns.decimal("total", "Total", newYork, Job::total), start,
                    Columns.status("status", "Status", Job::status, status -> status == Status.COMPLETED
                            ? new StatusBadge("Completed", Material2AL.CHECK_CIRCLE, StatusBadge.Tone.SUCCESS)
                            : new StatusBadge("Scheduled", Material2MZ.SCHEDULE, StatusBadge.Tone.ACCENT),
                            Comparator.naturalOrder())));
            stage.setScene(new Scene(table, 900, 200));
            stage.show();
        });
    }

    @AfterAll
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void cellsShowValuesInTheCompanysZoneAndNumbersGrouped() {
        Fx.waitUntil("the first row is drawn", java.time.Duration.ofSeconds(10), () -> cell(0, "start") != null);
        assertThat(Fx.read(() -> cell(0, "title").getText())).isEqualTo("Replace igniter");
        assertThat(Fx.read(() -> cell(0, "visits").getText())).isEqualTo("12,345");
        assertThat(Fx.read(() -> cell(0, "total").getText())).isEqualTo("1,234.50");
        assertThat(Fx.read(() -> cell(0, "start").getText())).as("New York's evening of the 21st")
                .isEqualTo("21 Nov 2026, 22:30");
    }

    @Test
    void aStatusShowsAsWordsWithAnIconNeverColourAlone() {
        Fx.waitUntil("the status cells are drawn", java.time.Duration.ofSeconds(10), () -> cell(1, "status") != null);
        Label badge = Fx.read(() -> (Label) cell(1, "status").getGraphic());
        assertThat(Fx.read(badge::getText)).isEqualTo("Completed");
        assertThat(Fx.read(() -> ((FontIcon) badge.getGraphic()).getIconCode())).isEqualTo(Material2AL.CHECK_CIRCLE);
        assertThat(Fx.read(badge::getStyleClass)).contains(Styles.BADGE, "fd-badge-success");
    }

    @Test
    void sortingComparesTheInstantsNotTheirText() {
        Fx.run(() -> {
            start.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(start));
        });
        // As text "21 Nov 2026, 14…" (the 22nd in UTC shown as the 21st) would sort the other way round.
        assertThat(Fx.read(() -> table.getItems().get(0).title())).isEqualTo("Annual service");
    }

    /**
     * A table narrower than its columns' widths, with the constrained policy the list screens use:
     * the free text gives way down to its narrowest, the short words keep their width.
     */
    @Test
    void inANarrowTableFreeTextGivesWayAndShortWordsKeepTheirWidth() {
        javafx.stage.Stage narrow = Fx.read(() -> {
            TableView<Job> small = new TableView<>(table.getItems());
            small.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
            small.getColumns().addAll(List.of(Columns.givesWay(Columns.text("title", "Title", Job::title), 240),
                    Columns.keepsWidth(Columns.dateTime("start", "Start", newYork, Job::start), 150),
                    Columns.keepsWidth(Columns.decimal("total", "Total", newYork, Job::total), 100)));
            javafx.stage.Stage window = new javafx.stage.Stage();
            window.setScene(new Scene(small, 380, 200));
            window.show();
            return window;
        });
        try {
            TableView<?> small = Fx.read(() -> (TableView<?>) narrow.getScene().getRoot());
            Fx.waitUntil("laid out", java.time.Duration.ofSeconds(10), () -> Fx.read(() -> small.getColumns().get(0).getWidth() > 0));
            assertThat(Fx.read(() -> small.getColumns().get(1).getWidth())).isGreaterThanOrEqualTo(150);
            assertThat(Fx.read(() -> small.getColumns().get(2).getWidth())).isGreaterThanOrEqualTo(100);
            assertThat(Fx.read(() -> small.getColumns().get(0).getWidth())).as("the title gave way")
                    .isBetween(Columns.NARROWEST, 240.0 - 1);
        } finally {
            Fx.run(narrow::close);
        }
    }

    private TableCell<?, ?> cell(int row, String columnId) {
        return table.lookupAll(".table-cell").stream().map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())
                        && cell.getIndex() == row && !cell.isEmpty())
                .findFirst().orElse(null);
    }
}
