package com.fielddesk.desktop.ui;

import com.fielddesk.desktop.testing.DirectExecutor;
import com.fielddesk.desktop.testing.Fx;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real TableView showing a live list ({@link LiveTables}) keeps the selected row (by key, with
 * its new values) and its scroll position when a reload inserts, removes, changes and reorders rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveListInATableTest {

    private record Job(String id, String title) {
    }

    private final List<Job> server = new ArrayList<>();
    private LiveList<Job> jobs;
    private TableView<Job> table;

    @BeforeAll
    void showTable() throws Exception {
        FxToolkit.registerPrimaryStage();
        IntStream.range(0, 200).forEach(i -> server.add(new Job("job-" + i, "Job " + i)));
        FxToolkit.setupStage(stage -> {
            jobs = LiveList.<Job>of(DirectExecutor.tasks(), Job::id).query(() -> List.copyOf(server)).build();
            jobs.start();
            table = new TableView<>();
            LiveTables.show(table, jobs);
            TableColumn<Job, String> title = new TableColumn<>("Title");
            title.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().title()));
            table.getColumns().add(title);
            stage.setScene(new Scene(table, 400, 300));
            stage.show();
        });
    }

    @AfterAll
    void close() throws Exception {
        Fx.run(jobs::close);
        FxToolkit.cleanupStages();
    }

    @Test
    void theSelectedRowStaysSelectedAndInViewThroughReloads() {
        Fx.run(() -> {
            table.getSelectionModel().select(120);
            table.scrollTo(115);
        });
        int firstShown = Fx.read(this::firstVisibleIndex);

        // Rows arrive after the selection, one before it is removed, and the selected job is renamed.
        server.add(new Job("job-new-1", "New job"));
        server.remove(150);
        server.set(120, new Job("job-120", "Job 120, renamed"));
        Fx.run(jobs::refresh);
        assertThat(Fx.read(() -> table.getSelectionModel().getSelectedItem()))
                .isEqualTo(new Job("job-120", "Job 120, renamed"));
        assertThat(Fx.read(() -> table.getSelectionModel().getSelectedIndices())).containsExactly(120);
        assertThat(Fx.read(this::firstVisibleIndex)).as("the table did not scroll").isEqualTo(firstShown);

        // A row before it leaves: the selection moves with its row.
        server.remove(3);
        Fx.run(jobs::refresh);
        assertThat(Fx.read(() -> table.getSelectionModel().getSelectedItem().id())).isEqualTo("job-120");
        assertThat(Fx.read(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(119);

        // The order changes (newest first): the same job stays selected.
        java.util.Collections.reverse(server);
        Fx.run(jobs::refresh);
        assertThat(Fx.read(() -> table.getSelectionModel().getSelectedItem().id())).isEqualTo("job-120");
        assertThat(Fx.read(() -> table.getItems())).containsExactlyElementsOf(server);
    }

    private int firstVisibleIndex() {
        table.layout();
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow.getFirstVisibleCell().getIndex();
    }
}
