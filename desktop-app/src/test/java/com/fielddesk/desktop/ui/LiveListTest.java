package com.fielddesk.desktop.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.QueuedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live list's promises, with the background and UI executors played by hand (so the order of
 * loads and results is exact), and against a real SQLite cache for its change notices.
 */
class LiveListTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor ui = new QueuedExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(background, ui);
    private CacheDatabase cache;

    @TempDir
    Path folder;

    @AfterEach
    void closeCache() {
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void changesDuringARunningLoadCauseExactlyOneMoreLoadAfterIt() {
        AtomicInteger queries = new AtomicInteger();
        ManualChanges changes = new ManualChanges();
        LiveList<String> list = LiveList.<String>of(tasks, row -> row)
                .query(() -> List.of("row " + queries.incrementAndGet()))
                .reloadOnChangesTo(changes, "jobs").build();
        list.start();
        assertThat(list.stateProperty().get()).isEqualTo(LiveList.State.LOADING);
        assertThat(list.messageProperty().get()).isEqualTo("Loading the list…");

        changes.fire("jobs");               // three commits land while the first load is in flight
        changes.fire("jobs");
        changes.fire("jobs");
        ui.runAll();                        // their notices reach the list (handed over once)
        assertThat(list.loadsStarted()).as("no second load while the first runs").isEqualTo(1);
        background.runNext();               // the first load reads
        ui.runAll();                        // its result arrives
        assertThat(list.items()).containsExactly("row 1");
        assertThat(list.loadsStarted()).as("one more load for all three changes").isEqualTo(2);
        background.runAll();
        ui.runAll();
        assertThat(list.items()).containsExactly("row 2");
        assertThat(list.loadsStarted()).isEqualTo(2);
        assertThat(list.stateProperty().get()).isEqualTo(LiveList.State.READY);
        assertThat(background.size()).as("nothing else is queued").isZero();
    }

    @Test
    void withAReloadGapAFewChangesLoadAtOnceAndABurstAfterThemLoadsOnceWhenTheGapIsOver() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        ManualChanges changes = new ManualChanges();
        LiveList<String> list = LiveList.<String>of(tasks, row -> row)
                .query(() -> List.of("row " + queries.incrementAndGet()))
                .reloadOnChangesTo(changes, "jobs").reloadAtMostEvery(java.time.Duration.ofMillis(300)).build();
        list.start();
        background.runAll();
        ui.runAll();

        for (int change = 0; change < 3; change++) {   // a save, its confirmation, a colleague's edit
            changes.fire("jobs");
            ui.runAll();
            background.runAll();
            ui.runAll();
        }
        assertThat(list.loadsStarted()).as("each shown at once").isEqualTo(4);
        assertThat(list.items()).containsExactly("row 4");

        for (int page = 0; page < 50; page++) {   // then a sync writes fifty pages
            changes.fire("jobs");
            ui.runAll();
        }
        assertThat(list.loadsStarted()).as("held back until the gap is over").isEqualTo(4);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (ui.size() == 0) {            // the timer hands the held-back reload to the UI thread
            assertThat(java.time.Instant.now()).as("the held-back reload arrives").isBefore(deadline);
            Thread.sleep(10);
        }
        ui.runAll();
        background.runAll();
        ui.runAll();
        assertThat(list.loadsStarted()).as("one load for the fifty pages").isEqualTo(5);
        assertThat(list.items()).containsExactly("row 5");
    }

    @Test
    void aNoticeForAnotherTableDoesNotReload() {
        ManualChanges changes = new ManualChanges();
        LiveList<String> list = LiveList.<String>of(tasks, row -> row).query(() -> List.of("a"))
                .reloadOnChangesTo(changes, "jobs").build();
        list.start();
        background.runAll();
        ui.runAll();
        changes.fire("invoices");
        ui.runAll();
        assertThat(list.loadsStarted()).isEqualTo(1);
        assertThat(background.size()).isZero();
    }

    @Test
    void theNewestQueryWinsEvenWhenAnOlderResultArrivesLater() {
        LiveList<String> list = LiveList.<String>of(tasks, row -> row).build();
        list.requery(() -> List.of("answer to 'bo'"));
        background.runNext();               // the older query has its result...
        list.requery(() -> List.of("answer to 'boiler'"));
        background.runNext();               // ...and the newer one too
        ui.runNewest();                     // the newer result is shown first
        ui.runNext();                       // then the older one arrives
        assertThat(list.items()).containsExactly("answer to 'boiler'");
        assertThat(list.stateProperty().get()).isEqualTo(LiveList.State.READY);
    }

    @Test
    void aQueryReplacedBeforeItStartsNeverRuns() {
        AtomicInteger olderRuns = new AtomicInteger();
        LiveList<String> list = LiveList.<String>of(tasks, row -> row).build();
        list.requery(() -> {
            olderRuns.incrementAndGet();
            return List.of("old");
        });
        list.requery(() -> List.of("new"));
        background.runAll();
        ui.runAll();
        assertThat(olderRuns).hasValue(0);
        assertThat(list.items()).containsExactly("new");
    }

    @Test
    void aFailedLoadKeepsTheRowsAndSaysWhatFailedInASentence() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        LiveList<String> list = LiveList.<String>of(tasks, row -> row).describedAs("the jobs").query(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return List.of("job 1");
        }).build();
        list.start();
        background.runAll();
        ui.runAll();
        failure.set(new IllegalStateException("SQLITE_CORRUPT: database disk image is malformed"));
        list.refresh();
        background.runAll();
        ui.runAll();
        assertThat(list.stateProperty().get()).isEqualTo(LiveList.State.FAILED);
        assertThat(list.items()).containsExactly("job 1");
        assertThat(list.messageProperty().get())
                .isEqualTo("Could not read the jobs. Something went wrong. The details are in the log.")
                .doesNotContain("SQLITE");
        assertThat(list.problemProperty().get().details()).hasValueSatisfying(d -> assertThat(d).contains("SQLITE_CORRUPT"));
    }

    @Test
    void closingCancelsTheLoadInFlightAndStopsListening() {
        ManualChanges changes = new ManualChanges();
        LiveList<String> list = LiveList.<String>of(tasks, row -> row).query(() -> List.of("late"))
                .reloadOnChangesTo(changes, "jobs").build();
        list.start();
        background.runNext();
        list.close();
        ui.runAll();
        assertThat(list.items()).as("a result arriving after close is dropped").isEmpty();
        assertThat(changes.listeners).as("no listener left on the source").isEmpty();
        changes.fire("jobs");
        assertThat(ui.size()).isZero();
    }

    @Test
    void rowsAreUpdatedInPlaceByKey() {
        List<ObservableRow> result = new ArrayList<>(List.of(new ObservableRow("a", 1), new ObservableRow("b", 1),
                new ObservableRow("c", 1)));
        LiveList<ObservableRow> list = LiveList.<ObservableRow>of(tasks, ObservableRow::id).query(() -> List.copyOf(result))
                .build();
        list.start();
        background.runAll();
        ui.runAll();
        List<String> changes = new ArrayList<>();
        list.items().addListener((javafx.collections.ListChangeListener<ObservableRow>) change -> {
            while (change.next()) {
                changes.add(change.getFrom() + ": -" + change.getRemoved() + " +" + change.getAddedSubList());
            }
        });
        result.set(1, new ObservableRow("b", 2));   // b changed
        result.remove(2);                           // c left
        result.add(0, new ObservableRow("z", 1));  // z arrived first
        list.refresh();
        background.runAll();
        ui.runAll();
        assertThat(list.items()).containsExactly(new ObservableRow("z", 1), new ObservableRow("a", 1), new ObservableRow("b", 2));
        // One change: z added at the top; b's new version and c's removal where they were. Nothing else moved.
        assertThat(changes).containsExactly("0: -[] +[ObservableRow[id=z, version=1]]",
                "2: -[ObservableRow[id=b, version=1], ObservableRow[id=c, version=1]] +[ObservableRow[id=b, version=2]]");
    }

    @Test
    void aChangeCommittedToTheRealCacheReloadsTheRowsOfItsTable() {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        LiveList<String> pool = LiveList.<String>of(tasks, id -> id)
                .query(() -> repositories.table("lead_pool").list().stream().map(row -> row.path("id").asText()).toList())
                .reloadOnChangesTo(ChangeSource.of(repositories), "lead_pool").build();
        pool.start();
        settle();
        assertThat(pool.items()).isEmpty();

        UUID lead = UUID.randomUUID();
        CacheRows.write(cache, "lead_pool", List.of(CacheRows.poolRow(lead, "hvac", "No heat", false, "12345",
                "Springfield", Instant.now())));
        settle();
        assertThat(pool.items()).containsExactly(lead.toString());

        long loads = pool.loadsStarted();
        CacheRows.write(cache, "work_orders", List.<ObjectNode>of());
        settle();
        assertThat(pool.loadsStarted()).as("a commit to another table does not reload the pool").isEqualTo(loads);
        pool.close();
    }

    /** Runs queued work and its results until nothing is left (a load's result can queue the next load). */
    private void settle() {
        while (background.size() > 0 || ui.size() > 0) {
            ui.runAll();
            background.runAll();
        }
    }

    /** A row whose values can change while its id stays. */
    private record ObservableRow(String id, int version) {
    }

    /** Change notices fired by the test, as the cache fires them after a commit. */
    private static final class ManualChanges implements ChangeSource {
        private final List<Consumer<Set<String>>> listeners = new ArrayList<>();
        private final List<Set<String>> watched = new ArrayList<>();

        @Override
        public AutoCloseable subscribe(java.util.Collection<String> tables, Consumer<Set<String>> listener) {
            listeners.add(listener);
            watched.add(Set.copyOf(tables));
            return () -> {
                int at = listeners.indexOf(listener);
                listeners.remove(at);
                watched.remove(at);
            };
        }

        void fire(String table) {
            for (int i = 0; i < listeners.size(); i++) {
                if (watched.get(i).contains(table)) {
                    listeners.get(i).accept(Set.of(table));
                }
            }
        }
    }
}
