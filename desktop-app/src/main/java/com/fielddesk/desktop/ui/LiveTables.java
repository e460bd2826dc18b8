package com.fielddesk.desktop.ui;

import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link LiveList} in a table, keeping what the user selected through every reload. */
public final class LiveTables {

    private LiveTables() {
    }

    /**
     * Shows {@code rows} in {@code table}. The live list already keeps the scroll position and a
     * selection that moves with inserts, removals and reorders; a selected row that changed is
     * replaced by its new version, which JavaFX deselects — this selects it again (by key).
     * Closing the handle stops it.
     */
    public static <T> AutoCloseable show(TableView<T> table, LiveList<T> rows) {
        table.setItems(rows.items());
        List<Object> selectedKeys = new ArrayList<>();
        Object[] focusedKey = new Object[1];
        return rows.onUpdate(new LiveList.UpdateListener() {
            @Override
            public void beforeUpdate() {
                selectedKeys.clear();
                table.getSelectionModel().getSelectedItems().forEach(row -> selectedKeys.add(rows.keyOf(row)));
                T focused = table.getFocusModel().getFocusedItem();
                focusedKey[0] = focused == null ? null : rows.keyOf(focused);
            }

            @Override
            public void afterUpdate() {
                if (selectedKeys.isEmpty()) {
                    return;
                }
                Set<Object> stillSelected = new HashSet<>();
                table.getSelectionModel().getSelectedItems().forEach(row -> stillSelected.add(rows.keyOf(row)));
                if (stillSelected.containsAll(selectedKeys)) {
                    return;
                }
                Map<Object, Integer> at = new HashMap<>();
                for (int i = 0; i < rows.items().size(); i++) {
                    at.put(rows.keyOf(rows.items().get(i)), i);
                }
                for (Object key : selectedKeys) {
                    Integer index = at.get(key);
                    if (index != null && !stillSelected.contains(key)) {
                        table.getSelectionModel().select(index);
                    }
                }
                Integer focus = focusedKey[0] == null ? null : at.get(focusedKey[0]);
                if (focus != null) {
                    table.getFocusModel().focus(focus);
                }
            }
        });
    }
}
