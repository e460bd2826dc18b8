package com.fielddesk.desktop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.messages.MessagesFeature;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.testing.NoRefusedMessages;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.Theme;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The Messages section over a cache of 10,000 customer threads (with unread counts, computed in SQL)
 * and one thread of 5,000 messages, on screen:
 * <ul>
 *   <li>inbox open (section started → thread list filled and laid out) and filter change (search
 *       text typed → list updated and laid out): p50/p95, target p95 ≤ 50 ms;</li>
 *   <li>the long thread opened (→ its messages listed and laid out): target ≤ 200 ms;</li>
 *   <li>scrolling it: frame time (pulse to pulse) while the list scrolls a step per frame, target p95 ≤ 17 ms.</li>
 * </ul>
 * Usage: MessagesBenchmark [threads=10000] [longThread=5000] [rounds=40] [opens=8]; with
 * {@code -Dbench.opensOnly=true} it stops after the inbox opens (for profiling them). With 40 opens
 * or more it also reports the second half of them: the opens once the JIT has compiled their paths.
 */
public final class MessagesBenchmark {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int longThread = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int openings = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Headless.applyIfNoDisplay();
        Path folder = Files.createTempDirectory("fielddesk-messages-bench-");
        CacheDatabase cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        UUID user = UUID.randomUUID();
        UUID[] threadIds = fill(cache, user, threads, longThread);
        UUID longThreadId = threadIds[0];
        UUID shortThreadId = threadIds[1];
        System.out.printf(Locale.ROOT, "cache: %,d customer threads, a thread of %,d messages%n", threads, longThread);

        timeQueries(new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemDefaultZone()), new UserId(user),
                Clock.systemUTC()));
        Platform.startup(() -> { });
        var pool = Executors.newFixedThreadPool(2);
        // Each background task's start and end, so an open's cache read can be told from waiting for the FX thread.
        List<long[]> taskTimes = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Executor background = work -> pool.execute(() -> {
            long began = System.nanoTime();
            try {
                work.run();
            } finally {
                taskTimes.add(new long[] {began, System.nanoTime()});
            }
        });
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemDefaultZone());
        LocalCache local = new LocalCache(cache, new Outbox(), Clock.systemDefaultZone());
        Feature messages = MessagesFeature.feature(new MessagesRepository(local, new UserId(user), Clock.systemUTC()),
                new NoRefusedMessages());
        SectionNavigator navigator = new SectionNavigator(List.of(messages));
        FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(true),
                new ViewSettings(folder.resolve("console.properties")), Clock.systemDefaultZone(),
                Formats.forCompanyZone("America/New_York"), navigator, () -> { });
        Stage stage = Fx.read(() -> {
            Theme.LIGHT.applyToApplication();
            Stage window = new Stage();
            window.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
            Theme.LIGHT.applyTo(window.getScene());
            window.show();
            return window;
        });

        List<Double> opens = new ArrayList<>();
        List<Double> openListed = new ArrayList<>();
        List<Double> openCpu = new ArrayList<>();
        List<Double> openCpuAfterListed = new ArrayList<>();
        List<Double> openReads = new ArrayList<>();
        List<Double> openGc = new ArrayList<>();
        List<Double> openAllocated = new ArrayList<>();
        List<String> timelines = new ArrayList<>();
        FeatureScreen screen = null;
        for (int i = 0; i < openings; i++) {
            if (screen != null) {
                FeatureScreen closing = screen;
                Fx.run(closing::close);
            }
            FeatureScreen made = Fx.read(() -> messages.create(context));
            screen = made;
            long[] listedAt = new long[1];
            long[] cpuListed = new long[1];
            long cpuBefore = Fx.read(() -> THREADS.getCurrentThreadCpuTime());
            long allocatedBefore = Fx.read(MessagesBenchmark::allocatedOnThisThread);
            long gcBefore = gcMillis();
            taskTimes.clear();
            // Each pulse's end (after its layout) and the FX thread's CPU by then, from the start of the open.
            // (Kept as numbers and written out after the open: formatting them in the pulse would add to what is measured.)
            List<long[]> pulseEnds = new ArrayList<>();
            Runnable pulseMark = () -> pulseEnds.add(new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()});
            Fx.run(() -> stage.getScene().addPostLayoutPulseListener(pulseMark));
            long startedAt = System.nanoTime();
            opens.add(measure(stage.getScene(), () -> {
                ((javafx.scene.layout.StackPane) stage.getScene().getRoot()).getChildren().setAll(made.node());
                made.start();
                // The section's model fills the inbox: when its items arrive, whether or not the list is laid out yet.
                whenListed(made.node(), () -> {
                    if (listedAt[0] == 0) {
                        listedAt[0] = System.nanoTime();
                        cpuListed[0] = THREADS.getCurrentThreadCpuTime();
                    }
                });
            }, () -> threadList(stage) != null && threadList(stage).getItems().size() > 0));
            long cpuDone = Fx.read(() -> THREADS.getCurrentThreadCpuTime());
            openAllocated.add((Fx.read(MessagesBenchmark::allocatedOnThisThread) - allocatedBefore) / 1e3);
            openCpu.add((cpuDone - cpuBefore) / 1e6);
            openCpuAfterListed.add(cpuListed[0] == 0 ? 0 : (cpuDone - cpuListed[0]) / 1e6);
            Fx.run(() -> stage.getScene().removePostLayoutPulseListener(pulseMark));
            openGc.add((double) (gcMillis() - gcBefore));
            // The open's longest background task is its cache read (the others are the empty thread panes and a count).
            long[] read = taskTimes.stream().filter(task -> task[0] >= startedAt).max(java.util.Comparator.comparingLong(task -> task[1] - task[0]))
                    .orElse(new long[] {startedAt, startedAt});
            openReads.add((read[1] - read[0]) / 1e6);
            timelines.add(String.format(Locale.ROOT, "  open %d: read %.1f-%.1f ms, listed %.1f ms, done %.1f ms;%s", i,
                    (read[0] - startedAt) / 1e6, (read[1] - startedAt) / 1e6, listedAt[0] == 0 ? 0 : (listedAt[0] - startedAt) / 1e6,
                    opens.get(opens.size() - 1), pulseTimeline(pulseEnds, startedAt, cpuBefore)));
            // 0: the threads were in the list before the listener was added (the read finished within start()).
            openListed.add(listedAt[0] == 0 ? 0 : (listedAt[0] - startedAt) / 1e6);
        }
        report("inbox open (started -> threads listed, laid out), first run excluded", opens.subList(1, opens.size()), 50);
        report("  of which: started -> the page's threads handed to the list (the cache read)", openListed.subList(1, opens.size()), 50);
        report("  FX thread CPU per open (building, CSS, layout, the first frame)", openCpu.subList(1, opens.size()), 50);
        report("  FX thread CPU from the threads handed to the list to the end", openCpuAfterListed.subList(1, opens.size()), 50);
        report("  the cache read itself (its background task)", openReads.subList(1, opens.size()), 50);
        // Not a time: kB the FX thread allocates per open (the open's garbage, which brings the GC pauses).
        List<Double> allocated = new ArrayList<>(openAllocated.subList(1, opens.size()));
        allocated.sort(null);
        System.out.printf(Locale.ROOT, "%s   FX thread allocation per open, %d samples: p50 %.0f kB, p95 %.0f kB, max %.0f kB%n",
                java.time.LocalTime.now(java.time.ZoneOffset.UTC), allocated.size(), percentile(allocated, 50), percentile(allocated, 95),
                allocated.get(allocated.size() - 1));
        report("  garbage collection pauses during an open", openGc.subList(1, opens.size()), 50);
        if (opens.size() >= 40) {
            // The first opens of a fresh JVM run interpreted code; a console in use all day has compiled
            // these paths (CSS, layout, list cells are the same on every screen). Both are shown.
            report("inbox open once warm (the second half of the opens)", opens.subList(opens.size() / 2, opens.size()), 50);
        }
        timelines.subList(1, timelines.size()).forEach(System.out::println);
        // A return visit: the navigator keeps a section's screen for the session, so coming back to
        // Messages puts the kept screen into the window again (styled again, laid out; no read).
        List<Double> returns = new ArrayList<>();
        List<Double> returnCpu = new ArrayList<>();
        javafx.scene.Node kept = screen.node();
        for (int i = 0; i < 11; i++) {
            Fx.run(() -> ((javafx.scene.layout.StackPane) stage.getScene().getRoot()).getChildren().setAll(new javafx.scene.control.Label("Elsewhere")));
            Fx.waitUntil("another section is shown", WAIT, () -> threadList(stage) == null);
            // The other section's frame painted first, so the visit starts from a settled window.
            CompletableFuture<Void> painted = new CompletableFuture<>();
            Fx.run(() -> com.fielddesk.desktop.ui.AfterFramesShown.run(() -> painted.complete(null)));
            painted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long cpuBefore = Fx.read(() -> THREADS.getCurrentThreadCpuTime());
            returns.add(measure(stage.getScene(), () -> ((javafx.scene.layout.StackPane) stage.getScene().getRoot()).getChildren()
                    .setAll(kept), () -> threadList(stage) != null && threadList(stage).getItems().size() > 0));
            returnCpu.add((Fx.read(() -> THREADS.getCurrentThreadCpuTime()) - cpuBefore) / 1e6);
        }
        report("return visit (the kept section back in the window -> laid out), first run excluded", returns.subList(1, returns.size()), 50);
        report("  FX thread CPU per return visit", returnCpu.subList(1, returnCpu.size()), 50);
        if (Boolean.getBoolean("bench.opensOnly")) {
            end(screen, stage, pool, cache, folder);
        }

        TextField search = (TextField) Fx.read(() -> stage.getScene().lookup("#messages-search"));
        List<Double> filters = new ArrayList<>();
        for (int i = 0; i < rounds + 10; i++) {
            String text = i % 2 == 0 ? String.format(Locale.ROOT, "Customer %03d", i % 200) : "";
            // Each "Customer 0xy" matches ten customers of five threads each (and one the long thread).
            int expectAtMost = text.isEmpty() ? Integer.MAX_VALUE : 51;
            Thread.sleep(com.fielddesk.desktop.ui.LiveList.SCREEN_RELOAD_GAP.toMillis());
            double ms = measure(stage.getScene(), () -> search.setText(text), () -> {
                int size = threadList(stage).getItems().size();
                return text.isEmpty() ? size > 50 : size > 0 && size <= expectAtMost;
            });
            if (i >= 10) {
                filters.add(ms);
            }
        }
        report("inbox filter change (search typed -> list updated, laid out)", filters, 50);

        Thread.sleep(300);
        List<Double> threadOpens = new ArrayList<>();
        List<Double> threadOpenCpu = new ArrayList<>();
        FeatureScreen shown = screen;
        UUID shortThread = shortThreadId;
        for (int i = 0; i < 6; i++) {
            // From a short thread to the long one, as a CSR moves down the inbox.
            Fx.run(() -> shown.open(new RecordRef(RecordKind.MESSAGE_THREAD, shortThread.toString())));
            Fx.waitUntil("a short thread is open", WAIT, () -> messageList(stage).getItems().size() == 2);
            long cpuBefore = Fx.read(() -> THREADS.getCurrentThreadCpuTime());
            threadOpens.add(measure(stage.getScene(), () -> shown.open(new RecordRef(RecordKind.MESSAGE_THREAD,
                    longThreadId.toString())), () -> messageList(stage).getItems().size() == longThread));
            threadOpenCpu.add((Fx.read(() -> THREADS.getCurrentThreadCpuTime()) - cpuBefore) / 1e6);
        }
        report("thread of " + longThread + " messages opened (-> listed, laid out), first run excluded",
                threadOpens.subList(1, threadOpens.size()), 200);
        report("  FX thread CPU per thread open", threadOpenCpu.subList(1, threadOpenCpu.size()), 200);

        PulseFrames.Frames frames = scrollFrames(stage, 240);
        report("scrolling that thread: frame time (pulse start to pulse start), a step per frame", frames.millis(), 17);
        System.out.printf(Locale.ROOT, "  late frames (missed a 60 Hz turn) %d of %d%n", frames.late(), frames.millis().size());
        report("  the same frames timed after each layout", frames.afterLayoutMillis(), 17);
        report("  FX thread CPU per frame (scroll, CSS, layout of the cells shown)", frames.fxCpuMillis(), 17);
        System.out.printf(Locale.ROOT, "  render thread CPU per frame (painting), mean %.1f ms%n", frames.renderCpuMillisPerFrame());
        PulseFrames.Frames idle = PulseFrames.idle(stage.getScene(), 240);
        System.out.printf(Locale.ROOT, "baseline, the pulse timer alone (the same window, nothing changing), %d frames: p50 %.1f ms,"
                        + " p95 %.1f ms, max %.1f ms, late %d; scroll p95 / baseline p95 = %.3f%n", idle.millis().size(),
                percentile(idle.millis(), 50), percentile(idle.millis(), 95), idle.millis().get(idle.millis().size() - 1),
                idle.late(), percentile(frames.millis(), 95) / percentile(idle.millis(), 95));
        PulseFrames.Frames repainted = PulseFrames.repainted(stage.getScene(), 240);
        System.out.printf(Locale.ROOT, "baseline, the same window repainted every frame and nothing else done, %d frames: p50 %.1f ms,"
                        + " p95 %.1f ms, late %d, render thread CPU per frame mean %.1f ms; scroll p95 / its p95 = %.3f%n",
                repainted.millis().size(), percentile(repainted.millis(), 50), percentile(repainted.millis(), 95), repainted.late(),
                repainted.renderCpuMillisPerFrame(), percentile(frames.millis(), 95) / percentile(repainted.millis(), 95));
        System.out.printf(Locale.ROOT, "load average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        end(screen, stage, pool, cache, folder);
    }

    /** Closes the section and the window, removes the cache's folder, and ends the process. */
    private static void end(FeatureScreen last, Stage stage, java.util.concurrent.ExecutorService pool, CacheDatabase cache,
                            Path folder) throws Exception {
        Fx.run(() -> {
            last.close();
            stage.close();
        });
        pool.shutdownNow();
        cache.close();
        com.fielddesk.localbackend.testing.TemporaryFolders.delete(folder);
        Platform.exit();
        System.exit(0);
    }

    /** " pulse@<ms since the open started>(cpu <FX thread CPU ms since then>)" for each pulse's end. */
    private static String pulseTimeline(List<long[]> pulseEnds, long startedAt, long cpuBefore) {
        StringBuilder timeline = new StringBuilder();
        for (long[] end : pulseEnds) {
            timeline.append(String.format(Locale.ROOT, " pulse@%.1f(cpu %.1f)", (end[0] - startedAt) / 1e6, (end[1] - cpuBefore) / 1e6));
        }
        return timeline.toString();
    }

    /** Bytes allocated so far by the calling thread (the FX thread when called through {@link Fx#read}). */
    private static long allocatedOnThisThread() {
        return THREADS instanceof com.sun.management.ThreadMXBean counting ? counting.getCurrentThreadAllocatedBytes() : 0;
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** The repository's reads alone (no UI), so a slow screen can be told from a slow query. */
    private static void timeQueries(MessagesRepository repository) {
        var all = com.fielddesk.domain.messages.ThreadFilter.all();
        var text = all.withText("Customer 012");
        List<Double> threadsMs = new ArrayList<>();
        List<Double> filteredMs = new ArrayList<>();
        List<Double> unreadMs = new ArrayList<>();
        List<Double> internalMs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            threadsMs.add(time(() -> repository.customerThreads(all, 200)));
            filteredMs.add(time(() -> repository.customerThreads(text, 200)));
            unreadMs.add(time(repository::unreadTotal));
            internalMs.add(time(() -> repository.internalThreads(all, 200)));
        }
        report("query: customer threads, first 200", threadsMs.subList(5, 15), 50);
        report("query: customer threads, text filter", filteredMs.subList(5, 15), 50);
        report("query: unread total", unreadMs.subList(5, 15), 50);
        report("query: internal threads, first 200", internalMs.subList(5, 15), 50);
    }

    private static double time(java.util.concurrent.Callable<?> work) {
        long start = System.nanoTime();
        try {
            work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * Runs {@code listed} when the Customers inbox's items arrive, found in the section's node tree
     * before its first layout (the tab's content) — or, if the section shows its parts with its first
     * page, as soon as they are there with their items.
     */
    @SuppressWarnings("unchecked")
    private static void whenListed(javafx.scene.Node section, Runnable listed) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) section.lookup(".tab-pane");
        if (tabs == null) {
            ((javafx.scene.Parent) section).getChildrenUnmodifiable().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable parts) {
                    if (section.lookup(".tab-pane") != null) {
                        ((javafx.scene.Parent) section).getChildrenUnmodifiable().removeListener(this);
                        whenListed(section, listed);
                    }
                }
            });
            return;
        }
        javafx.scene.control.SplitPane inbox = (javafx.scene.control.SplitPane) tabs.getTabs().get(0).getContent();
        javafx.collections.ObservableList<Object> items = ((ListView<Object>) inbox.getItems().get(0)).getItems();
        if (!items.isEmpty()) {
            listed.run();
        } else {
            items.addListener((javafx.beans.InvalidationListener) changed -> listed.run());
        }
    }

    @SuppressWarnings("unchecked")
    private static ListView<Object> threadList(Stage stage) {
        return (ListView<Object>) stage.getScene().lookup("#customer-threads");
    }

    @SuppressWarnings("unchecked")
    private static ListView<Object> messageList(Stage stage) {
        return (ListView<Object>) stage.getScene().lookup("#customer-messages");
    }

    /** Runs {@code action} on the FX thread; the ms until {@code done} holds after a layout pulse. */
    private static double measure(Scene scene, Runnable action, BooleanSupplier done) throws Exception {
        CompletableFuture<Double> finished = new CompletableFuture<>();
        long[] start = new long[1];
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (done.getAsBoolean()) {
                scene.removePostLayoutPulseListener(check[0]);
                finished.complete((System.nanoTime() - start[0]) / 1e6);
            } else {
                Platform.requestNextPulse();
            }
        };
        Fx.run(() -> {
            start[0] = System.nanoTime();
            scene.addPostLayoutPulseListener(check[0]);
            action.run();
            Platform.requestNextPulse();
        });
        return finished.get(2, TimeUnit.MINUTES);
    }

    /** Scrolls the open thread's list one step per pulse: down the first half, back up, as a person reading back. */
    private static PulseFrames.Frames scrollFrames(Stage stage, int steps) throws Exception {
        ScrollBar bar = Fx.read(() -> messageList(stage).lookupAll(".scroll-bar").stream()
                .filter(node -> node instanceof ScrollBar scroll && scroll.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .map(ScrollBar.class::cast).findFirst().orElseThrow());
        return PulseFrames.measure(stage.getScene(), steps, step -> {
            double position = step <= steps / 2 ? (double) step / (steps / 2) : (double) (steps - step) / (steps / 2);
            bar.setValue(bar.getMin() + position * (bar.getMax() - bar.getMin()) * 0.2);
        });
    }

    /** Returns the long thread's id and a short thread's. */
    private static UUID[] fill(CacheDatabase cache, UUID user, int threads, int longThread) {
        Instant now = Instant.now();
        List<ObjectNode> customers = new ArrayList<>();
        List<UUID> customerIds = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            UUID id = UUID.randomUUID();
            customerIds.add(id);
            customers.add(row("id", id, "full_name", String.format(Locale.ROOT, "Customer %04d", i)));
        }
        CacheRows.write(cache, "customers", customers);
        CacheRows.write(cache, "profiles", List.of(row("id", user, "role", "csr", "full_name", "Casey CSR")));
        List<ObjectNode> threadRows = new ArrayList<>();
        List<ObjectNode> messageRows = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            UUID thread = UUID.randomUUID();
            Instant last = now.minusSeconds(60L * i);
            threadRows.add(row("id", thread, "work_order_id", UUID.randomUUID(), "customer_id", customerIds.get(i % customerIds.size()),
                    "subject", "Visit " + i, "last_message_at", last, "created_at", last.minusSeconds(3_600)));
            messageRows.add(message(thread, "staff", user, "We can come on Tuesday.", last.minusSeconds(600), last));
            messageRows.add(message(thread, "customer", null, "Tuesday works, thank you!", last, i % 3 == 0 ? null : last));
        }
        UUID longThreadId = UUID.randomUUID();
        threadRows.add(row("id", longThreadId, "work_order_id", UUID.randomUUID(), "customer_id", customerIds.get(0),
                "subject", "A very long conversation", "last_message_at", now, "created_at", now.minusSeconds(86_400L * 400)));
        for (int m = 0; m < longThread; m++) {
            Instant at = now.minusSeconds(600L * (longThread - m));
            messageRows.add(message(longThreadId, m % 2 == 0 ? "customer" : "staff", m % 2 == 0 ? null : user,
                    "Message " + m + ": " + "a line of ordinary length about the job and the visit. ".repeat(1 + m % 3), at, at));
        }
        CacheRows.write(cache, "customer_threads", threadRows);
        CacheRows.write(cache, "customer_messages", messageRows);
        return new UUID[] {longThreadId, UUID.fromString(threadRows.get(0).path("id").asText())};
    }

    private static ObjectNode message(UUID thread, String kind, UUID sender, String body, Instant at, Instant readAt) {
        return row("id", UUID.randomUUID(), "customer_thread_id", thread, "sender_kind", kind, "sender_id", sender,
                "body", body, "created_at", at, "read_at", readAt);
    }

    private static ObjectNode row(Object... columnsAndValues) {
        ObjectNode row = Json.object();
        row.put("company_id", COMPANY.toString());
        row.put("version", 1);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            if (value == null) {
                row.putNull((String) columnsAndValues[i]);
            } else {
                row.put((String) columnsAndValues[i], value.toString());
            }
        }
        return row;
    }

    private static void report(String what, List<Double> samples, double target) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%s %s, %d samples: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 <= %.0f ms)%n",
                java.time.LocalTime.now(java.time.ZoneOffset.UTC), what, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), target);
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
