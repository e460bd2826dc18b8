package com.fielddesk.desktop.bench;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.board.BoardFeature;
import com.fielddesk.desktop.messages.MessagesFeature;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Two consoles of one company on one machine against local-backend, realtime only (full passes 10
 * minutes apart): the time from an action on one console to its result shown on the other —
 * a Board move (Ctrl+→ / Ctrl+← on a card → the card in its new column over there) and an
 * internal note sent (Send → the note listed in the other's open thread). Targets: p95 ≤ 1 s each.
 * Usage: TwoConsolesLiveBenchmark [rounds=30]
 */
public final class TwoConsolesLiveBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Headless.applyIfNoDisplay();
        ConsoleBackend backend = new ConsoleBackend();
        UUID technician = (UUID) backend.queryValue("select id from public.profiles where email = ?",
                backend.staffWithPassword(backend.acme, "technician", "Ann Archer").email());
        Object customer = backend.tenants().customer(backend.acme, "Robin Bench");
        Instant start = Instant.now().plus(Duration.ofHours(3));
        UUID job = (UUID) backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id,"
                + " technician_id, scheduled_start, scheduled_end) values (?, 'job', 'scheduled', 'Boiler check', ?, ?,"
                + " ?::timestamptz, ?::timestamptz) returning id", backend.acme.id(), customer, technician, start.toString(),
                start.plus(Duration.ofHours(2)).toString());
        Object dispatcher = backend.queryValue("select id from public.profiles where email = ?", backend.acmeDispatcher.email());
        backend.queryValue("insert into public.internal_threads (company_id, work_order_id, subject, created_by)"
                + " values (?, ?, 'Bench thread', ?) returning id", backend.acme.id(), job, dispatcher);
        LiveUpdateTimings realtimeOnly = new LiveUpdateTimings(Duration.ofMinutes(10), Duration.ofMinutes(10));
        ConsoleUnderTest mover = ConsoleUnderTest.open(backend, realtimeOnly, false);
        ConsoleUnderTest watcher = ConsoleUnderTest.openAnother(backend,
                backend.staffWithPassword(backend.acme, "dispatcher", "Drew Second"), realtimeOnly);
        for (ConsoleUnderTest desk : List.of(mover, watcher)) {
            desk.signInWithTheDemoLogin();
        }
        for (ConsoleUnderTest desk : List.of(mover, watcher)) {
            show(desk, BoardFeature.ID);
            Fx.waitUntil("the job on the board", WAIT, () -> titles(desk, "scheduled").size() == 1);
            Fx.waitUntil("realtime is connected", WAIT, () -> desk.window().currentSession().liveUpdatesConnected());
        }

        List<Double> moves = new ArrayList<>();
        for (int i = 0; i < rounds + 5; i++) {
            boolean forward = i % 2 == 0;
            String from = forward ? "scheduled" : "dispatched";
            String to = forward ? "dispatched" : "scheduled";
            long began = System.nanoTime();
            Fx.run(() -> {
                ListView<WorkOrderSummary> list = list(mover, from);
                list.requestFocus();
                list.getSelectionModel().select(0);
                list.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", forward ? KeyCode.RIGHT : KeyCode.LEFT,
                        false, true, false, false));
            });
            Fx.waitUntil("the mover's board shows the move", WAIT, () -> titles(mover, to).size() == 1);
            Fx.waitUntil("the other board shows the move", WAIT, () -> titles(watcher, to).size() == 1);
            if (i >= 5) {
                moves.add((System.nanoTime() - began) / 1e6);
            }
            Fx.waitUntil("the mover's change is on the server", WAIT,
                    () -> to.equals(backend.queryValue("select status from public.work_orders where id = ?", job)));
        }
        report("Board move on one console -> shown on the other", moves);

        for (ConsoleUnderTest desk : List.of(mover, watcher)) {
            show(desk, MessagesFeature.ID);
            Fx.run(() -> ((javafx.scene.control.TabPane) desk.find("#messages").orElseThrow().lookup(".tab-pane"))
                    .getSelectionModel().select(1));
            Fx.waitUntil("the internal thread", WAIT, () -> desk.find("#internal-threads")
                    .map(node -> !((ListView<?>) node).getItems().isEmpty()).orElse(false));
            Fx.run(() -> ((ListView<?>) desk.find("#internal-threads").orElseThrow()).getSelectionModel().selectFirst());
        }
        List<Double> notes = new ArrayList<>();
        for (int i = 0; i < rounds + 5; i++) {
            String body = "Bench note " + i;
            long began = System.nanoTime();
            Fx.run(() -> {
                ((TextArea) mover.find("#internal-reply").orElseThrow()).setText(body);
                ((Button) mover.find("#internal-send").orElseThrow()).fire();
            });
            Fx.waitUntil("the other console lists the note", WAIT, () -> watcher.find("#internal-messages")
                    .map(node -> ((ListView<?>) node).getItems().stream().anyMatch(item -> item.toString().contains(body)))
                    .orElse(false));
            if (i >= 5) {
                notes.add((System.nanoTime() - began) / 1e6);
            }
        }
        report("internal note sent on one console -> listed on the other", notes);
        System.out.printf(Locale.ROOT, "load average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        watcher.close();
        mover.close();
        javafx.application.Platform.exit();
        System.exit(0);
    }

    private static void show(ConsoleUnderTest desk, String section) {
        String nav = "#" + ShellView.NAV_PREFIX + section;
        Fx.waitUntil(section + " is in the navigation", WAIT, () -> desk.find(nav).isPresent());
        Fx.run(() -> ((ToggleButton) desk.find(nav).orElseThrow()).fire());
    }

    @SuppressWarnings("unchecked")
    private static ListView<WorkOrderSummary> list(ConsoleUnderTest desk, String status) {
        return (ListView<WorkOrderSummary>) desk.find("#board-list-" + status).orElseThrow();
    }

    private static List<String> titles(ConsoleUnderTest desk, String status) {
        return Fx.read(() -> desk.find("#board-list-" + status)
                .map(node -> list(desk, status).getItems().stream().map(WorkOrderSummary::title).toList())
                .orElse(List.of()));
    }

    private static void report(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%s, %d rounds: p50 %.0f ms, p95 %.0f ms, max %.0f ms (target p95 <= 1000 ms)%n",
                what, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
