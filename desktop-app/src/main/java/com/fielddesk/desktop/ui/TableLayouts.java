package com.fielddesk.desktop.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/** Remembers a table's column order, widths, visibility and sort order under a key, by column id. */
public final class TableLayouts {
    private TableLayouts() {
    }

    public static void remember(TableView<?> table, String key, ViewSettings settings) {
        restore(table, key, settings);
        Runnable store = () -> {
            List<String> order = new ArrayList<>();
            for (TableColumn<?, ?> column : table.getColumns()) {
                order.add(column.getId());
                settings.put(key + ".width." + column.getId(), Double.toString(column.getWidth()));
                settings.put(key + ".visible." + column.getId(), Boolean.toString(column.isVisible()));
            }
            settings.put(key + ".order", String.join(",", order));
            List<String> sort = new ArrayList<>();
            for (TableColumn<?, ?> column : table.getSortOrder()) {
                sort.add(column.getId() + ":" + column.getSortType().name());
            }
            settings.put(key + ".sort", String.join(",", sort));
        };
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> store.run());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<?, ?>>) change -> store.run());
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.widthProperty().addListener((o, a, b) -> store.run());
            column.visibleProperty().addListener((o, a, b) -> store.run());
            column.sortTypeProperty().addListener((o, a, b) -> store.run());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void restore(TableView<?> table, String key, ViewSettings settings) {
        settings.get(key + ".order").ifPresent(saved -> {
            List<TableColumn> ordered = new ArrayList<>();
            for (String id : saved.split(",")) {
                table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(ordered::add);
            }
            table.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            ((List) table.getColumns()).clear();
            ((List) table.getColumns()).addAll(ordered);
        });
        for (TableColumn<?, ?> column : table.getColumns()) {
            double width = settings.getDouble(key + ".width." + column.getId(), -1);
            if (width > 10) {
                column.setPrefWidth(width);
            }
            settings.get(key + ".visible." + column.getId()).ifPresent(v -> column.setVisible(Boolean.parseBoolean(v)));
        }
        // "" is a remembered choice too (the user clicked the sort away); absent keeps the table's default.
        settings.get(key + ".sort").ifPresent(saved -> {
            List<TableColumn> sortOrder = new ArrayList<>();
            for (String entry : saved.split(",")) {
                String[] idAndType = entry.split(":", 2);
                table.getColumns().stream()
                        .filter(c -> c.getId() != null && c.getId().equals(idAndType[0]) && c.isSortable())
                        .findFirst()
                        .ifPresent(column -> {
                            column.setSortType(idAndType.length == 2 && idAndType[1].equals("DESCENDING")
                                    ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                            sortOrder.add(column);
                        });
            }
            ((javafx.collections.ObservableList) table.getSortOrder()).setAll(sortOrder);
        });
    }
}
