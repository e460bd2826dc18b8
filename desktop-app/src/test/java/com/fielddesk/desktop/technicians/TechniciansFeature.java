package com.fielddesk.desktop.technicians;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.domain.common.Role;
import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.LiveTables;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The smallest real section, as desktop-app/README.md shows it ("Adding a section"): the company's
 * technicians, live from the cache. A feature package plus one registry entry; TechniciansFeatureTest
 * runs it in the real shell.
 */
public final class TechniciansFeature {

    private TechniciansFeature() {
    }

    public static Feature feature() {
        return Feature.section("technicians", "Technicians").group("Operations").icon(Material2MZ.PEOPLE)
                .visibleTo(Role.OFFICE_STAFF)
                .screen(Screen::new);
    }

    private static final class Screen implements FeatureScreen {
        private final TableView<ObjectNode> table = new TableView<>();
        private final LiveList<ObjectNode> technicians;
        private final AutoCloseable shown;

        Screen(FeatureContext context) {
            technicians = LiveList.<ObjectNode>of(context.tasks(), row -> row.path("id").asText())
                    .describedAs("the technicians")
                    .query(() -> context.repositories().table("profiles").listWhere("role", "technician"))
                    .reloadOnChangesTo(context.changes(), "profiles")
                    .build();
            table.getColumns().add(Columns.text("name", "Name", row -> row.path("full_name").asText()));
            table.getColumns().add(Columns.text("phone", "Phone", row -> row.path("phone").asText()));
            shown = LiveTables.show(table, technicians);
        }

        @Override
        public Node node() {
            return table;
        }

        @Override
        public void start() {
            technicians.start();
        }

        @Override
        public void close() {
            technicians.close();
            try {
                shown.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
