package com.fielddesk.desktop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.dispatch.DispatchFeature;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.Theme;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.fielddesk.desktop.testing.CacheRows.row;

/**
 * The dispatch day at the size: 50 technicians, 400 jobs on the day, 2,000 in the tray.
 * Measures (1) opening the section until every lane is laid out (targets: ≤ 300 ms), (2) a job
 * moved 15 minutes by the keyboard — the drop's path: the same local write, the same reload and
 * redraw — until its card stands at the new place on screen (target p95 ≤ 50 ms; moves are a
 * screen-reload gap apart, as one change each), (3) the frame time (pulse to pulse) while the lanes
 * scroll a step per frame, down and back up, and while the zoom changes a step per frame (in, in,
 * out, out, …) — target p95 ≤ 17 ms, the listener the Messages benchmark uses for its thread
 * scroll. Warm-up reported separately.
 * Usage: DispatchDayBenchmark [opens=10] [moves=40]
 */
public final class DispatchDayBenchmark {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final int TECHNICIANS = 50;
    private static final int JOBS_ON_THE_DAY = 400;
    private static final int IN_THE_TRAY = 2_000;
    /** CPU time of the FX thread per open: what the machine's load does not change much (2 shared cores). */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final List<Double> FX_CPU_MILLIS = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        int opens = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int moves = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Headless.applyIfNoDisplay();
        Path folder = Files.createTempDirectory("fielddesk-dispatch-bench-");
        CacheDatabase cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        UUID dispatcher = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        CacheRows.write(cache, "companies", List.of(row("id", COMPANY, "name", "Bench Heating", "timezone", ZONE.getId())));
        List<ObjectNode> people = new ArrayList<>();
        people.add(row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher"));
        List<UUID> technicians = new ArrayList<>();
        for (int i = 0; i < TECHNICIANS; i++) {
            UUID id = UUID.randomUUID();
            technicians.add(id);
            people.add(row("id", id, "company_id", COMPANY, "role", "technician",
                    "full_name", String.format(Locale.ROOT, "Technician %02d", i), "color", "#1f77b4"));
        }
        CacheRows.write(cache, "profiles", people);
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
        LocalDate today = LocalDate.now(ZONE);
        List<ObjectNode> jobs = new ArrayList<>();
        UUID moved = null;
        for (int i = 0; i < JOBS_ON_THE_DAY; i++) {
            UUID id = UUID.randomUUID();
            moved = moved == null ? id : moved;
            int hour = 7 + (i / TECHNICIANS) % 10;
            jobs.add(row("id", id, "company_id", COMPANY, "stage", "job", "number", i + 1, "title", "Service " + i,
                    "status", "scheduled", "customer_id", customer, "priority", "normal", "technician_id",
                    technicians.get(i % TECHNICIANS), "scheduled_start", today.atTime(hour, 0).atZone(ZONE).toInstant().toString(),
                    "scheduled_end", today.atTime(hour + 1, 0).atZone(ZONE).toInstant().toString(),
                    "created_at", "2026-12-01T10:00:00Z"));
        }
        for (int i = 0; i < IN_THE_TRAY; i++) {
            jobs.add(row("id", UUID.randomUUID(), "company_id", COMPANY, "stage", "job", "number", JOBS_ON_THE_DAY + i + 1,
                    "title", "Waiting " + i, "status", "unscheduled", "customer_id", customer, "priority", "normal",
                    "created_at", "2026-12-01T10:00:00Z"));
        }
        CacheRows.write(cache, "work_orders", jobs);
        System.out.printf(Locale.ROOT, "cache: %d technicians, %d jobs on %s, %,d in the tray%n", TECHNICIANS,
                JOBS_ON_THE_DAY, today, IN_THE_TRAY);

        querySplit(new WorkOrderRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()), new UserId(dispatcher)), today);
        Platform.startup(() -> { });
        var background = Executors.newFixedThreadPool(2);
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        LocalCache local = new LocalCache(cache, new Outbox(), Clock.systemUTC());
        Feature day = DispatchFeature.feature(new WorkOrderRepository(local, new UserId(dispatcher)));
        SectionNavigator navigator = new SectionNavigator(List.of(day));
        FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(true),
                new ViewSettings(folder.resolve("console.properties")), Clock.system(ZONE),
                Formats.forCompanyZone(ZONE.getId()), navigator, () -> { });
        Stage[] stage = new Stage[1];
        Fx.run(() -> {
            Theme.LIGHT.applyToApplication();
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
            Theme.LIGHT.applyTo(stage[0].getScene());
            stage[0].show();
        });

        List<Double> openMillis = new ArrayList<>();
        StringBuilder eachOpen = new StringBuilder();
        FeatureScreen screen = null;
        for (int i = 0; i < opens + 2; i++) {
            if (screen != null) {
                FeatureScreen closing = screen;
                Fx.run(closing::close);
            }
            double[] took = new double[1];
            long gcBefore = gcMillis();
            screen = open(day, context, stage[0], took);
            if (i >= 2) {
                openMillis.add(took[0]);
                eachOpen.append(String.format(Locale.ROOT, " %.0f (FX CPU %.0f, GC %d)", took[0],
                        FX_CPU_MILLIS.get(FX_CPU_MILLIS.size() - 1), gcMillis() - gcBefore));
            }
        }
        UUID cardId = moved;
        List<Double> moveMillis = new ArrayList<>();
        for (int i = 0; i < moves + 10; i++) {
            Thread.sleep(LiveList.SCREEN_RELOAD_GAP.toMillis());
            double took = moveLater(stage[0].getScene(), cardId, i % 2 == 0 ? KeyCode.RIGHT : KeyCode.LEFT);
            if (i >= 10) {
                moveMillis.add(took);
            }
        }
        Scene scene = stage[0].getScene();
        PulseFrames.measure(scene, 60, step -> scrollLanes(scene, step, 60));   // warm-up
        PulseFrames.Frames scrolled = PulseFrames.measure(scene, 240, step -> scrollLanes(scene, step, 240));
        List<Double> scrollFrames = scrolled.millis();
        PulseFrames.measure(scene, 20, step -> zoom(scene, step));   // warm-up
        PulseFrames.Frames zoomed = PulseFrames.measure(scene, 80, step -> zoom(scene, step));
        List<Double> zoomFrames = zoomed.millis();
        PulseFrames.Frames idle = PulseFrames.idle(scene, 240);
        PulseFrames.Frames repainted = PulseFrames.repainted(scene, 240);
        openMillis.sort(null);
        moveMillis.sort(null);
        System.out.printf(Locale.ROOT, "open the day (every lane laid out), %d opens: median %.0f ms, p95 %.0f ms, max %.0f ms"
                        + " (target <= 300 ms)%n", openMillis.size(), percentile(openMillis, 50), percentile(openMillis, 95),
                openMillis.get(openMillis.size() - 1));
        System.out.println("  each open in order, ms:" + eachOpen);
        List<Double> cpu = new ArrayList<>(FX_CPU_MILLIS.subList(2, FX_CPU_MILLIS.size()));
        cpu.sort(null);
        System.out.printf(Locale.ROOT, "open the day: FX thread CPU median %.0f ms, p95 %.0f ms%n", percentile(cpu, 50),
                percentile(cpu, 95));
        System.out.printf(Locale.ROOT, "move a job 15 min (local write, reload, redraw) -> card at its new place, %d moves:"
                        + " p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 <= 50 ms)%n", moveMillis.size(),
                percentile(moveMillis, 50), percentile(moveMillis, 95), moveMillis.get(moveMillis.size() - 1));
        System.out.printf(Locale.ROOT, "scroll the lanes, a step per frame, %d frames: p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                        + " (target p95 <= 17 ms)%n", scrollFrames.size(), percentile(scrollFrames, 50),
                percentile(scrollFrames, 95), scrollFrames.get(scrollFrames.size() - 1));
        printFrameDetail(scrolled);
        System.out.printf(Locale.ROOT, "zoom in/out, a step per frame, %d frames: p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                        + " (target p95 <= 17 ms)%n", zoomFrames.size(), percentile(zoomFrames, 50),
                percentile(zoomFrames, 95), zoomFrames.get(zoomFrames.size() - 1));
        printFrameDetail(zoomed);
        System.out.printf(Locale.ROOT, "baseline, the pulse timer alone (the same window, nothing changing), %d frames: p50 %.1f ms,"
                        + " p95 %.1f ms, max %.1f ms, late %d; scroll p95 / baseline p95 = %.3f, zoom p95 / baseline p95 = %.3f%n",
                idle.millis().size(), percentile(idle.millis(), 50), percentile(idle.millis(), 95),
                idle.millis().get(idle.millis().size() - 1), idle.late(),
                percentile(scrollFrames, 95) / percentile(idle.millis(), 95), percentile(zoomFrames, 95) / percentile(idle.millis(), 95));
        System.out.printf(Locale.ROOT, "baseline, the same window repainted every frame and nothing else done, %d frames: p50 %.1f ms,"
                        + " p95 %.1f ms, late %d, render thread CPU per frame mean %.1f ms; scroll p95 / its p95 = %.3f,"
                        + " zoom p95 / its p95 = %.3f%n", repainted.millis().size(), percentile(repainted.millis(), 50),
                percentile(repainted.millis(), 95), repainted.late(), repainted.renderCpuMillisPerFrame(),
                percentile(scrollFrames, 95) / percentile(repainted.millis(), 95),
                percentile(zoomFrames, 95) / percentile(repainted.millis(), 95));
        System.out.printf(Locale.ROOT, "load average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        FeatureScreen last = screen;
        Fx.run(() -> {
            last.close();
            stage[0].close();
        });
        background.shutdownNow();
        cache.close();
        com.fielddesk.localbackend.testing.TemporaryFolders.delete(folder);
        Platform.exit();
        System.exit(0);
    }

    /** What the frame times above are made of: frames that missed a 60 Hz turn, the FX and render threads' CPU per frame. */
    private static void printFrameDetail(PulseFrames.Frames frames) {
        System.out.printf(Locale.ROOT, "  late frames (missed a 60 Hz turn) %d of %d; FX thread CPU per frame p50 %.1f ms, p95 %.1f ms;"
                        + " render thread CPU per frame mean %.1f ms; timed after each layout instead: p50 %.1f ms, p95 %.1f ms%n",
                frames.late(), frames.millis().size(), percentile(frames.fxCpuMillis(), 50), percentile(frames.fxCpuMillis(), 95),
                frames.renderCpuMillisPerFrame(), percentile(frames.afterLayoutMillis(), 50), percentile(frames.afterLayoutMillis(), 95));
    }

    /** The day's reads one at a time (off the FX thread, as the section makes them): median ms of 10 after 3 warm-ups. */
    private static void querySplit(WorkOrderRepository repository, LocalDate day) {
        java.util.Map<String, Runnable> reads = new java.util.LinkedHashMap<>();
        reads.put("company zone", repository::companyZone);
        reads.put("technicians", repository::technicians);
        reads.put("jobs on the day", () -> repository.scheduledOn(day));
        reads.put("tray (3 groups, counts)", () -> repository.tray(java.time.Instant.now(), 50));
        StringBuilder line = new StringBuilder("reads of an open (median of 10):");
        reads.forEach((name, read) -> {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                long start = System.nanoTime();
                read.run();
                if (i >= 3) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            millis.sort(null);
            line.append(String.format(Locale.ROOT, " %s %.1f ms;", name, percentile(millis, 50)));
        });
        System.out.println(line);
    }

    /** Milliseconds the JVM has spent in garbage collection so far. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** Creates and starts the section, returns once all lanes are on screen and laid out. */
    private static FeatureScreen open(Feature day, FeatureContext context, Stage stage, double[] took) throws Exception {
        CompletableFuture<Double> shown = new CompletableFuture<>();
        FeatureScreen[] screen = new FeatureScreen[1];
        long start = System.nanoTime();
        Fx.run(() -> {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            screen[0] = day.create(context);
            ((javafx.scene.layout.StackPane) stage.getScene().getRoot()).getChildren().setAll(screen[0].node());
            screen[0].start();
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                Node lanes = stage.getScene().lookup("#dispatch-lanes");
                if (lanes instanceof javafx.scene.layout.VBox box && box.getChildren().size() == TECHNICIANS + 1) {
                    stage.getScene().removePostLayoutPulseListener(check[0]);
                    FX_CPU_MILLIS.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                    shown.complete((System.nanoTime() - start) / 1e6);
                } else {
                    Platform.requestNextPulse();
                }
            };
            stage.getScene().addPostLayoutPulseListener(check[0]);
            Platform.requestNextPulse();
        });
        took[0] = shown.get(60, TimeUnit.SECONDS);
        return screen[0];
    }

    /** Down the lanes in the first half of the steps, back up in the second (the scroll pane around them). */
    private static void scrollLanes(Scene scene, int step, int steps) {
        Node lanes = scene.lookup("#dispatch-lanes");
        Node pane = lanes;
        while (pane != null && !(pane instanceof javafx.scene.control.ScrollPane)) {
            pane = pane.getParent();
        }
        double position = step <= steps / 2 ? (double) step / (steps / 2) : (double) (steps - step) / (steps / 2);
        ((javafx.scene.control.ScrollPane) pane).setVvalue(position);
    }

    /** Ctrl+Plus twice, Ctrl+Minus twice, and so on, as a dispatcher zooming in on the morning and back. */
    private static void zoom(Scene scene, int step) {
        KeyCode key = (step - 1) % 4 < 2 ? KeyCode.EQUALS : KeyCode.MINUS;
        Event.fireEvent(scene.lookup("#dispatch"), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, true, false, false));
    }

    /** Alt+→ (or ←) on the card; the ms until a card with its id stands 30 px further (15 min at 2 px/min). */
    private static double moveLater(Scene scene, UUID cardId, KeyCode direction) throws Exception {
        double before = Fx.read(() -> card(scene, cardId).getLayoutX());
        double expected = before + (direction == KeyCode.RIGHT ? 30 : -30);
        CompletableFuture<Double> done = new CompletableFuture<>();
        long start = System.nanoTime();
        Fx.run(() -> {
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                Node card = card(scene, cardId);
                if (card != null && Math.abs(card.getLayoutX() - expected) < 0.5) {
                    scene.removePostLayoutPulseListener(check[0]);
                    done.complete((System.nanoTime() - start) / 1e6);
                } else {
                    Platform.requestNextPulse();
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
            Node card = card(scene, cardId);
            card.requestFocus();
            Event.fireEvent(card, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", direction, false, false, true, false));
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    /** A job's card: cards carry the job's id as a property, not as a node id (DispatchView). */
    private static Node card(Scene scene, UUID job) {
        return scene.getRoot().lookupAll(".fd-dispatch-card").stream()
                .filter(node -> job.equals(node.getProperties().get("fielddesk.job"))
                        || ("dispatch-card-" + job).equals(node.getId())).findFirst().orElse(null);
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
