package com.fielddesk.desktop.bench;

import java.util.Locale;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.desktop.leads.LeadPoolViewModel;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.desktop.leads.LeadActions;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.domain.leads.LeadsRepository;
import com.fielddesk.desktop.leads.LeadsView;
import com.fielddesk.domain.leads.Trade;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.Theme;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.fielddesk.desktop.bench.Keystrokes.percentile;
import static com.fielddesk.desktop.bench.Keystrokes.typedAndErased;

/**
 * 50k leads in the cache, the real Leads view on screen: time from a filter keystroke to the
 * table laid out with the new rows (the next layout pulse), p50/p95/max. Target: p95 ≤ 50 ms.
 * Usage: LeadFilterBenchmark [leads]
 */
public final class LeadFilterBenchmark {

    private static final String[] WORDS = {"boiler", "furnace", "leak", "pipe", "outlet", "breaker", "thermostat",
            "heat", "pump", "drain", "sink", "water", "heater", "panel", "wiring", "noise", "smell", "cold", "hot", "fan"};
    private static final String[] CITIES = {"Springfield", "Shelbyville", "Capital City", "Ogdenville", "North Haverbrook"};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Headless.applyIfNoDisplay();
        Path folder = Files.createTempDirectory("fielddesk-filter-bench-");
        CacheDatabase cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Random random = new Random(7);
        List<ObjectNode> rows = new ArrayList<>(count);
        Instant now = Instant.now();
        String[] trades = {"hvac", "plumbing", "electrical"};
        for (int i = 0; i < count; i++) {
            String description = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                    + " problem #" + i + ", " + WORDS[random.nextInt(WORDS.length)] + " since yesterday";
            rows.add(CacheRows.poolRow(UUID.randomUUID(), trades[random.nextInt(3)], description, random.nextInt(10) == 0,
                    String.valueOf(12000 + random.nextInt(900)), CITIES[random.nextInt(CITIES.length)],
                    now.minusSeconds(random.nextInt(86_400))));
        }
        CacheRows.write(cache, "lead_pool", rows);
        System.out.printf(Locale.ROOT, "cache: %d leads%n", count);

        Platform.startup(() -> { });
        var background = Executors.newFixedThreadPool(2);
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemDefaultZone());
        LeadActions noServer = new LeadActions() {
            @Override
            public void claim(com.fielddesk.domain.leads.LeadId lead) {
                throw new UnsupportedOperationException("the benchmark never claims");
            }

            @Override
            public void decline(com.fielddesk.domain.leads.LeadId lead, com.fielddesk.domain.leads.DeclineReason reason,
                                String note) {
                throw new UnsupportedOperationException("the benchmark never declines");
            }
        };
        LeadPoolViewModel viewModel = new LeadPoolViewModel(
                new LeadsRepository(new LocalCache(cache, new Outbox(), Clock.systemDefaultZone())),
                ChangeSource.of(repositories), noServer, new SyncState(true),
                tasks, Clock.systemDefaultZone());
        Stage[] stage = new Stage[1];
        Fx.run(() -> {
            Theme.LIGHT.applyToApplication();
            LeadsView view = new LeadsView(viewModel, new ViewSettings(folder.resolve("console.properties")));
            Scene scene = new Scene(new javafx.scene.layout.StackPane((javafx.scene.Node) view.node()), 1280, 800);
            Theme.LIGHT.applyTo(scene);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            viewModel.start();
        });
        Fx.waitUntil("50k leads loaded", Duration.ofMinutes(2), () -> viewModel.allPoolLeads().size() == count);

        TextField search = (TextField) Fx.read(() -> stage[0].getScene().lookup("#" + LeadsView.SEARCH_FIELD_ID));
        @SuppressWarnings("unchecked")
        TableView<Lead> table = (TableView<Lead>) Fx.read(() -> stage[0].getScene().lookup("#" + LeadsView.POOL_TABLE_ID));
        // The first pass warms the JIT up, as a morning's use of the console would; its words share
        // no prefix with the measured ones, so no filter result of the warm-up is reused.
        List<Double> warmUp = new ArrayList<>();
        for (String text : typedAndErased("furnace", "outlet breaker", "capital city", "water heater", "drain 99")) {
            warmUp.add(keystroke(stage[0].getScene(), search, text));
        }
        CHANGE_ONLY.clear();
        FX_CPU.clear();
        List<Double> millis = new ArrayList<>();
        for (String text : typedAndErased("boiler", "pipe leak", "springfield", "thermostat noise", "#4711")) {
            millis.add(keystroke(stage[0].getScene(), search, text));
        }
        for (Trade trade : Trade.values()) {
            millis.add(timed(stage[0].getScene(), () -> viewModel.tradeFilterProperty().set(trade)));
        }
        millis.add(timed(stage[0].getScene(), () -> viewModel.emergencyOnlyProperty().set(true)));
        millis.add(timed(stage[0].getScene(), viewModel::clearFilters));
        List<Double> changeOnly = new ArrayList<>(CHANGE_ONLY);
        changeOnly.sort(null);
        System.out.printf(Locale.ROOT, "of which the filter itself (model + list change events): p50 %.1f ms, p95 %.1f ms%n",
                percentile(changeOnly, 50), percentile(changeOnly, 95));
        List<Double> fxCpu = new ArrayList<>(FX_CPU);
        fxCpu.sort(null);
        System.out.printf(Locale.ROOT, "FX-thread CPU per change (the work itself, without the wait for the pulse): p50 %.1f ms, "
                + "p95 %.1f ms%n", percentile(fxCpu, 50), percentile(fxCpu, 95));
        int shown = Fx.read(() -> table.getItems().size());
        warmUp.sort(null);
        System.out.printf(Locale.ROOT, "warm-up pass (JIT compiling), %d keystrokes: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                warmUp.size(), percentile(warmUp, 50), percentile(warmUp, 95), warmUp.get(warmUp.size() - 1));
        millis.sort(null);
        System.out.printf(Locale.ROOT, "filter keystroke -> table laid out, %d changes over %d leads: p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms (target p95 <= 50 ms); rows shown after clearing: %d%n", millis.size(), count,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), shown);
        Fx.run(() -> stage[0].close());
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        viewModel.close();
        cache.close();
        Platform.exit();
        System.exit(0);
    }

    private static final java.lang.management.ThreadMXBean FX_THREAD_CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** FX-thread CPU time from the change to the end of the layout pulse: the work, without waiting or other processes. */
    private static final List<Double> FX_CPU = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<Double> CHANGE_ONLY = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static double keystroke(Scene scene, TextField search, String text) {
        return timed(scene, () -> search.setText(text));
    }

    /** Applies the change on the FX thread and returns the ms until the next layout pulse finished. */
    private static double timed(Scene scene, Runnable change) {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            long cpuStart = FX_THREAD_CPU.getCurrentThreadCpuTime();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                FX_CPU.add((FX_THREAD_CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                done.complete((System.nanoTime() - start) / 1e6);
            };
            change.run();
            CHANGE_ONLY.add((System.nanoTime() - start) / 1e6);
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No layout pulse after the change", e);
        }
    }
}
