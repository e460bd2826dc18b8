package com.fielddesk.desktop.tour;

import com.fielddesk.desktop.app.ConsoleWindow;
import com.fielddesk.desktop.app.Services;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.desktop.leads.LeadsView;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.signin.SignInView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.Fx;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import com.fielddesk.desktop.shell.SearchResult;
import com.fielddesk.desktop.app.feature.RecordKind;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Walks through every console screen against a real local-backend with sample leads and saves a
 * PNG of each into docs/screenshots (or the folder given as the first argument). Run it under
 * Xvfb, see desktop-app/README.md.
 */
public final class ScreenshotTour {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path out;
    private Stage stage;
    private ConsoleWindow window;

    private ScreenshotTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        if (args.length > 1 && "settings".equals(args[1])) {
            new ScreenshotTour(out).runSettingsOnly();
        } else if (args.length > 1 && "audit".equals(args[1])) {
            new ScreenshotTour(out).runAuditOnly();
        } else if (args.length > 1 && "board".equals(args[1])) {
            new ScreenshotTour(out).runBoardOnly();
        } else if (args.length > 1 && "messages".equals(args[1])) {
            new ScreenshotTour(out).runMessagesOnly();
        } else {
            new ScreenshotTour(out).run();
        }
        Platform.exit();
        System.exit(0);
    }

    private void run() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withHour(14).withMinute(0).withSecond(0).withNano(0);
        backend.openLead("hvac", "No heat since last night; the boiler shows error E119 and the radiators are cold.",
                true, "12345", "Springfield", null, 4);
        UUID furnace = backend.openLead("hvac", "Furnace pilot light keeps going out every few hours.", false, "12346",
                "Shelbyville", tomorrow, 18);
        backend.openLead("plumbing", "Kitchen sink drains slowly, gurgling sound in the pipes.", false, "12345",
                "Springfield", tomorrow.plusHours(2), 35);
        backend.openLead("plumbing", "Burst pipe under the bathroom floor, water coming through the ceiling below!",
                true, "12350", "Capital City", null, 2);
        backend.openLead("electrical", "Half the outlets in the living room stopped working after a storm.", false,
                "12346", "Shelbyville", tomorrow.plusDays(1), 95);
        backend.openLead("electrical", "Install a 240 V circuit for an EV charger in the garage.", false, "12345",
                "Springfield", tomorrow.plusDays(3), 310);
        backend.openLead("hvac", "AC unit leaking water onto the attic floor, smells musty.", false, "12350",
                "Capital City", tomorrow.plusHours(5), 61);
        UUID raced = backend.openLead("hvac", "Thermostat display is blank, new batteries did not help.", false, "12345",
                "Springfield", tomorrow.plusHours(1), 9);

        Path home = Files.createTempDirectory("fielddesk-tour-home-");
        Platform.startup(() -> { });
        FirstStart firstStart = new FirstStart(backend.asLocalDemo());
        Services services = new Services(home, firstStart, Platform::runLater, Clock.systemDefaultZone(),
                List.of(backend.acmeDispatcher, backend.rivalDispatcher));
        showSignIn(services);
        shoot("01-sign-in");
        signInFormShots("", backend);

        Fx.run(() -> {
            ((TextField) node("#" + SignInView.EMAIL_ID)).setText(backend.acmeDispatcher.email());
            ((PasswordField) node("#" + SignInView.PASSWORD_ID)).setText("not-the-password");
            ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
        Fx.waitUntil("the wrong-password message", WAIT, () -> text("#" + SignInView.ERROR_ID).contains("Wrong email"));
        shoot("02-sign-in-wrong-password");

        firstStartShot("17-first-run-progress", firstStart);
        Fx.waitUntil("the pool is loaded", WAIT, () -> node("#" + LeadsView.POOL_TABLE_ID) != null && pool().getItems().size() == 8);
        Fx.waitUntil("the header shows the company", WAIT, () -> text("#" + ShellView.USER_ID).contains("Acme"));
        shoot("03-lead-pool");

        select(furnace);
        shoot("04-lead-detail");

        Fx.run(() -> ((Button) node("#" + LeadsView.CLAIM_BUTTON_ID)).fire());
        Fx.waitUntil("My leads shows the claimed lead with its job", WAIT, () -> {
            TableView<com.fielddesk.domain.leads.ClaimedLead> mine = lookup("#" + LeadsView.MY_LEADS_TABLE_ID);
            return mine.getItems().size() == 1 && mine.getItems().get(0).job() != null;
        });
        shoot("05-my-leads-after-claim");

        Fx.run(() -> ((TabPane) node("#" + LeadsView.TABS_ID)).getSelectionModel().select(0));
        select(raced);
        // The rival wins while this console still shows the lead: both happen in one UI-thread turn,
        // so the pool refresh cannot take the lead away before our click.
        Fx.run(() -> {
            backend.rivalClaims(raced);
            ((Button) node("#" + LeadsView.CLAIM_BUTTON_ID)).fire();
        });
        Fx.waitUntil("the lost-race message", WAIT, () -> text("#" + LeadsView.MESSAGE_ID).contains("already claimed"));
        shoot("06-lost-the-race");

        backend.openLead("electrical", "Sparks from the breaker panel when the dryer starts.", true, "12346",
                "Shelbyville", null, 0);
        Fx.waitUntil("the new-lead notification", WAIT, this::notificationShown);
        shoot("07-new-lead-notification");
        // Opening the notification selects the new lead (as Ctrl+Shift+N does) and clears it.
        Fx.run(() -> ((Button) node("#" + LeadsView.TOAST_ID)).fire());
        Fx.waitUntil("the notification is gone", WAIT, () -> !node("#" + LeadsView.TOAST_ID).isVisible());

        Fx.run(() -> ((TextField) node("#" + LeadsView.SEARCH_FIELD_ID)).setText("pipe"));
        Fx.waitUntil("the filter applied", WAIT, () -> pool().getItems().size() == 2);
        shoot("08-pool-filtered");
        Fx.run(() -> ((TextField) node("#" + LeadsView.SEARCH_FIELD_ID)).setText(""));

        Fx.run(() -> {
            Node shellRoot = stage.getScene().getRoot().lookup("#" + ShellView.SEARCH_PANEL_ID);
            shellRoot.setVisible(true);
            ((TextField) node("#" + ShellView.SEARCH_FIELD_ID)).setText("spring");
        });
        Fx.waitUntil("search results", WAIT, () -> !((javafx.scene.control.ListView<?>) node("#" + ShellView.SEARCH_PANEL_ID)
                .lookup(".list-view")).getItems().isEmpty());
        shoot("09-global-search");
        Fx.run(() -> node("#" + ShellView.SEARCH_PANEL_ID).setVisible(false));

        Fx.run(() -> {
            ((TextField) node("#" + ShellView.SEARCH_FIELD_ID)).setText("pat cust");
            node("#" + ShellView.SEARCH_PANEL_ID).setVisible(true);
        });
        Fx.waitUntil("a customer result", WAIT, () -> searchResults().getItems().stream()
                .anyMatch(result -> result.kind() == RecordKind.CUSTOMER));
        Fx.run(() -> {
            searchResults().getSelectionModel().select(searchResults().getItems().stream()
                    .filter(result -> result.kind() == RecordKind.CUSTOMER).findFirst().orElseThrow());
            searchResults().requestFocus();
            searchResults().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        Fx.waitUntil("Customers opens on the customer", WAIT, () -> text("#customer-title").startsWith("Pat"));
        shoot("12-search-opens-customer");
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "leads")).fire());
        Fx.waitUntil("the pool is shown again", WAIT, () -> node("#" + LeadsView.POOL_TABLE_ID) != null);

        Fx.run(() -> {
            TableView<Lead> pool = pool();
            TableColumn<Lead, ?> trade = pool.getColumns().stream().filter(c -> "trade".equals(c.getId())).findFirst()
                    .orElseThrow();
            trade.setSortType(TableColumn.SortType.ASCENDING);
            pool.getSortOrder().setAll(List.of(trade));
        });
        Fx.waitUntil("the pool sorted by trade", WAIT, () -> pool().getItems().get(0).trade().label().equals("Electrical"));
        shoot("13-pool-sorted-by-trade");

        produceSyncIssues(backend);
        Fx.run(() -> ((Button) node("#" + ShellView.ISSUES_BUTTON_ID)).fire());
        Fx.waitUntil("the sync-issues list", WAIT, () -> node("#" + ShellView.ISSUES_PANEL_ID).isVisible());
        shoot("14-sync-issues");
        Fx.run(() -> node("#" + ShellView.ISSUES_PANEL_ID).setVisible(false));

        customerShots(backend, "");

        busyDay(backend);
        jobsShot("");
        jobDetailShots();
        seedMessages(backend);
        messagesShots("");
        arrivalShot(backend);
        refusedMessageShot(backend);
        invoiceShots(backend, "");
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
        customerShots(backend, "-dark");
        jobsShot("-dark");
        messagesShots("-dark");
        invoiceShots(backend, "-dark");
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "leads")).fire());
        Fx.waitUntil("the pool is shown again", WAIT, () -> node("#" + LeadsView.POOL_TABLE_ID) != null);
        select(furnace == null ? raced : pool().getItems().get(0).id().value());
        shoot("10-lead-pool-dark");
        backend.openLead("plumbing", "Water heater pilot out, no hot water for a family of five.", true, "12345",
                "Springfield", null, 0);
        Fx.waitUntil("the new-lead notification (dark)", WAIT, this::notificationShown);
        shoot("21-new-lead-notification-dark");
        Fx.run(() -> ((Button) node("#" + LeadsView.TOAST_ID)).fire());

        // The sign-in screen in the dark theme: sign out, look, and sign in again.
        Fx.run(() -> ((Button) node("#" + ShellView.SIGN_OUT_ID)).fire());
        Fx.waitUntil("the sign-in form (dark)", WAIT, () -> node("#" + SignInView.SIGN_IN_BUTTON_ID) != null);
        shoot("18-sign-in-dark");
        signInFormShots("-dark", backend);
        firstStartShot("22-sign-in-progress-dark", firstStart);
        Fx.waitUntil("the console is back with the pool", WAIT, () -> node("#" + ShellView.THEME_BUTTON_ID) != null
                && node("#" + LeadsView.POOL_TABLE_ID) != null && !pool().getItems().isEmpty());
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());

        auditShots(backend, furnace);
        settingsShots(backend);

        backend.stop();
        Fx.waitUntil("the offline status", WAIT, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        select(pool().getItems().get(1).id().value());
        shoot("11-offline");
        offlineCustomerShot("26-customer-created-offline-pending");
        pendingMessageShot();
        invoiceUploadWaitingShot("90-invoice-pdf-upload-waiting-offline", true);
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
        offlineCustomerShot("30-customer-created-offline-pending-dark");
        invoiceUploadWaitingShot("91-invoice-pdf-upload-waiting-offline-dark", false);

        Fx.run(() -> stage.close());
        services.close();
    }

    /** Starts JavaFX and a console window on the backend's sign-in form (the partial tours). */
    private Services consoleOn(ConsoleBackend backend) throws Exception {
        Platform.startup(() -> { });
        Services services = new Services(Files.createTempDirectory("fielddesk-tour-home-"), backend.asLocalDemo(),
                Platform::runLater, Clock.systemDefaultZone(), List.of(backend.acmeDispatcher));
        showSignIn(services);
        return services;
    }

    /**
     * The job board's shots (64–69): Sales → Quotes (64, dark 67), the dispatch day's cards (65,
     * dark 68), and on the board a reopen the server refused snapping back with its reason (66):
     * the supervisor was made a dispatcher again while the console was offline, so its own rules
     * still allowed the move. The console reaches the server through a relay that can cut it.
     */
    private void runBoardOnly() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        backend.queryValue("update public.profiles set role = 'supervisor' where email = ? returning id",
                backend.acmeDispatcher.email());
        backend.tenants().customer(backend.acme, "Northwind Traders");
        busyDay(backend);
        Object customer = backend.queryValue("select id from public.customers where company_id = ? order by full_name limit 1",
                backend.acme.id());
        String[][] quotes = {{"New boiler and flue", "sent", "4250"}, {"Heat pump for the annex", "draft", "12800"},
                {"Bathroom repipe", "accepted", "3100"}, {"Smart thermostats, 6 rooms", "declined", "1480"}};
        for (String[] quote : quotes) {
            backend.queryValue("insert into public.work_orders (company_id, stage, quote_status, title, customer_id, total)"
                    + " values (?, 'quote', ?, ?, ?, ?::numeric) returning id", backend.acme.id(), quote[1], quote[0], customer,
                    quote[2]);
        }
        Object technician = backend.queryValue("select id from public.profiles where company_id = ? and role = 'technician'"
                + " order by full_name limit 1", backend.acme.id());
        backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id, technician_id,"
                + " scheduled_start, scheduled_end) values (?, 'job', 'completed', 'Gas leak check', ?, ?, now() - interval"
                + " '1 day', now() - interval '23 hours') returning id", backend.acme.id(), customer, technician);
        try (com.fielddesk.desktop.testing.HangingRelay relay = new com.fielddesk.desktop.testing.HangingRelay(backend.url())) {
            Platform.startup(() -> { });
            Services services = new Services(Files.createTempDirectory("fielddesk-tour-home-"),
                    backend.asLocalDemoAt(relay.url()), Platform::runLater, Clock.systemDefaultZone(),
                    List.of(backend.acmeDispatcher), new com.fielddesk.desktop.app.LiveUpdateTimings(
                            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1)));
            showSignIn(services);
            Fx.run(() -> {
                ((ComboBox<?>) node("#" + SignInView.DEMO_LOGINS_ID)).getSelectionModel().selectFirst();
                ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
            });
            for (String theme : List.of("", "-dark")) {
                Fx.waitUntil("Quotes is in the navigation", WAIT, () -> node("#" + ShellView.NAV_PREFIX + "quotes") != null);
                Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "quotes")).fire());
                Fx.waitUntil("the quotes are listed", WAIT, () -> node("#jobs-table") != null
                        && ((TableView<?>) node("#jobs-table")).getItems().size() == quotes.length);
                Fx.run(() -> ((TableView<?>) node("#jobs-table")).getSelectionModel().selectFirst());
                Fx.waitUntil("the quote and its actions", WAIT, () -> node("#job-moves") != null
                        && !((javafx.scene.layout.Pane) node("#job-moves")).getChildren().isEmpty());
                shoot(theme.isEmpty() ? "64-quotes-list" : "67-quotes-list-dark");
                Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "dispatch-day")).fire());
                Fx.waitUntil("the dispatch day's cards", WAIT, () -> node("#dispatch-axis") != null
                        && node(".fd-dispatch-card") != null);
                shoot(theme.isEmpty() ? "65-dispatch-day-cards" : "68-dispatch-day-cards-dark");
                if (theme.isEmpty()) {
                    refusedMoveShot(backend, relay);
                    dayRefusedMoveShot(backend, relay);
                    Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
                }
            }
            Fx.run(() -> stage.close());
            services.close();
        }
        backend.close();
    }

    private void refusedMoveShot(ConsoleBackend backend, com.fielddesk.desktop.testing.HangingRelay relay) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "board")).fire());
        Fx.waitUntil("the completed job is on the board", WAIT, () -> node("#board-list-completed") != null
                && !((javafx.scene.control.ListView<?>) node("#board-list-completed")).getItems().isEmpty());
        relay.refuse();
        Fx.waitUntil("the console is offline", WAIT, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        backend.queryValue("update public.profiles set role = 'dispatcher' where email = ? returning id",
                backend.acmeDispatcher.email());
        Fx.run(() -> {
            javafx.scene.control.ListView<?> completed = (javafx.scene.control.ListView<?>) node("#board-list-completed");
            completed.requestFocus();
            completed.getSelectionModel().selectFirst();
            completed.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.LEFT, false, true, false, false));
        });
        try {
            Fx.waitUntil("reopened on this computer", WAIT, () -> text("#board-notice").contains("moved to Dispatched"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the board says: " + Fx.read(() -> text("#board-notice")), e);
        }
        relay.pass();
        Fx.waitUntil("the refused move snapped back with the server's reason", WAIT,
                () -> text("#board-notice").contains("the server refused the move"));
        Fx.run(() -> {
            javafx.scene.control.ListView<?> completed = (javafx.scene.control.ListView<?>) node("#board-list-completed");
            completed.requestFocus();
            completed.getSelectionModel().selectFirst();
        });
        shoot("66-board-refused-move");
    }

    /**
     * The dispatch day (85): a job given (Alt+↓) to the technician of the next lane while the
     * console is offline, and meanwhile the office deactivated that technician: when the network is
     * back the server refuses the assignment and the card snaps back to its lane, marked, with the
     * server's reason as a sentence.
     */
    private void dayRefusedMoveShot(ConsoleBackend backend, com.fielddesk.desktop.testing.HangingRelay relay) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "dispatch-day")).fire());
        Fx.waitUntil("the dispatch day's cards", WAIT, () -> node("#dispatch-axis") != null && node(".fd-dispatch-card") != null);
        // The first lane with a job that may move and a lane below it.
        Node[] chosen = Fx.read(() -> {
            List<Node> lanes = List.copyOf(node("#dispatch-lanes").lookupAll(".fd-dispatch-lane"));
            for (int i = 0; i + 1 < lanes.size(); i++) {
                for (Node card : lanes.get(i).lookupAll(".fd-dispatch-card")) {
                    String about = card.getAccessibleText();
                    if (about != null && (about.contains(", Scheduled") || about.contains(", Dispatched"))) {
                        return new Node[]{card, lanes.get(i + 1)};
                    }
                }
            }
            throw new AssertionError("No movable job above another lane on the busy day.");
        });
        Object job = Fx.read(() -> chosen[0].getProperties().get("fielddesk.job"));
        Object next = Fx.read(() -> chosen[1].getProperties().get("fielddesk.technician"));
        relay.refuse();
        Fx.waitUntil("the console is offline", WAIT, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        backend.queryValue("update public.profiles set active = false where id = ? returning id", next);
        Fx.run(() -> {
            chosen[0].requestFocus();
            chosen[0].fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.DOWN, false, false, true, false));
        });
        Fx.waitUntil("given to the next lane on this computer", WAIT, () -> text("#dispatch-notice").contains(" is now with "));
        relay.pass();
        Fx.waitUntil("the refused assignment snapped back with the server's reason", WAIT,
                () -> text("#dispatch-notice").contains("the server refused the move")
                        && node("#dispatch-lanes").lookupAll(".fd-dispatch-card-refused").size() == 1);
        Fx.run(() -> node("#dispatch-lanes").lookupAll(".fd-dispatch-card").stream()
                .filter(card -> job.equals(card.getProperties().get("fielddesk.job"))).findFirst()
                .ifPresent(Node::requestFocus));
        shoot("85-dispatch-day-refused-move");
    }

    /** The console window at its default size (columns must fit it without truncation), on the sign-in form. */
    private void showSignIn(Services services) {
        Fx.run(() -> {
            stage = new Stage();
            window = new ConsoleWindow(stage, services);
            window.showSignIn(null, false);
            stage.show();
        });
        Fx.waitUntil("the sign-in form is shown", WAIT, () -> node("#" + SignInView.SIGN_IN_BUTTON_ID) != null);
    }

    /** Only the Settings pictures (40–49): a backend with one lead, the sign-in form, then {@link #settingsShots}. */
    private void runSettingsOnly() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        backend.openLead("hvac", "No heat since last night; the boiler shows error E119 and the radiators are cold.",
                true, "12345", "Springfield", null, 4);
        Services services = consoleOn(backend);
        settingsShots(backend);
        Fx.run(() -> stage.close());
        services.close();
    }

    /**
     * Only the audit pictures of issue 17's last part (80–82, dark 93–95), on a backend of their
     * own: the free-text filter, Verify's answer (dark 96), a rewritten history detected (83–84),
     * the branding page's invoice preview (as a supervisor: read-only), then the backend stopped and
     * the log shown from the offline copy.
     */
    private void runAuditOnly() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        com.fielddesk.desktop.signin.DemoLogin admin = backend.staffWithPassword(backend.acme, "admin", "Ada Admin");
        com.fielddesk.desktop.signin.DemoLogin supervisor = backend.staffWithPassword(backend.acme, "supervisor",
                "Sam Supervisor");
        Object ada = backend.queryValue("insert into public.customers (company_id, full_name, phone, email)"
                + " values (?, 'Ada Brennan', '+1 555 0142', 'ada.brennan@example.com') returning id", backend.acme.id());
        backend.queryValue("insert into public.customers (company_id, full_name, phone) values (?, 'Marcus Okafor', '+1 555 0177')"
                + " returning id", backend.acme.id());
        try (com.fielddesk.supabase.SupabaseClient api = brandedAsAdmin(backend, admin)) {
            api.from("customers").update(java.util.Map.of("full_name", "Ada Brennan-Lowe", "email", "ada.lowe@example.com"))
                    .eq("id", ada).execute();
        }
        Services services = consoleOn(backend);
        signInAs(supervisor);
        Fx.waitUntil("the Audit log item", WAIT, () -> node("#" + ShellView.NAV_PREFIX + "audit") != null);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "audit")).fire());
        Fx.waitUntil("the log and the offline copy's range", WAIT, () -> node("#audit-table") != null
                && !((TableView<?>) node("#audit-table")).getItems().isEmpty()
                && text("#audit-offline-range").startsWith("Offline: entries since "));
        Fx.run(() -> ((TextField) node("#audit-text")).setText("Brennan"));
        Fx.waitUntil("the entries with Brennan in their values", WAIT, () -> text("#audit-status").startsWith("Showing all 2")
                && !node("#audit-loading").isVisible());
        Fx.run(() -> ((TableView<?>) node("#audit-table")).getSelectionModel().select(0));
        Fx.waitUntil("the entry's changes", WAIT, () -> !((TableView<?>) node("#audit-diff")).getItems().isEmpty());
        shoot("80-audit-free-text");
        inDark("93-audit-free-text-dark");
        Fx.run(() -> ((Button) node("#audit-verify")).fire());
        Fx.waitUntil("Verify's answer", WAIT, () -> text("#audit-verify-result").startsWith("All "));
        inDark("96-audit-verified-dark");
        rewriteShots(backend);

        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "settings")).fire());
        Fx.waitUntil("the company's pages", WAIT, () -> node("#settings") != null
                && ((TabPane) node("#settings")).getTabs().size() == 4);
        settingsTab(3);
        Fx.waitUntil("the invoice preview", WAIT, () -> node("#settings-branding-preview") != null
                && ((javafx.scene.image.ImageView) node("#settings-branding-preview")).getImage() != null
                && ((javafx.scene.image.ImageView) node("#settings-branding-logo")).getImage() != null);
        shoot("81-settings-invoice-branding-preview");
        inDark("94-settings-invoice-branding-preview-dark");

        backend.stop();
        Fx.waitUntil("the offline status", WAIT, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "audit")).fire());
        Fx.run(() -> ((Button) node("#audit-clear-filters")).fire());
        Fx.waitUntil("the offline copy", WAIT, () -> text("#audit-status").startsWith("Showing the offline copy")
                && !((TableView<?>) node("#audit-table")).getItems().isEmpty());
        Fx.run(() -> ((TableView<?>) node("#audit-table")).getSelectionModel().select(0));
        shoot("82-audit-offline-copy");
        inDark("95-audit-offline-copy-dark");
        Fx.run(() -> stage.close());
        services.close();
    }

    /** The screen as it is, in the dark theme (the header's theme button), then light again. */
    private void inDark(String name) throws IOException {
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
        shoot(name);
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
    }

    /**
     * Someone with database access rewrites the log and recomputes every hash, so the server's own
     * chain check passes; Verify compares the chain with the heads this console witnessed while it
     * showed the log and reports the rewrite (83, dark 84).
     */
    private void rewriteShots(ConsoleBackend backend) throws Exception {
        Fx.run(() -> ((Button) node("#audit-clear-filters")).fire());
        Fx.waitUntil("the whole log again", WAIT, () -> !node("#audit-loading").isVisible()
                && ((TableView<?>) node("#audit-table")).getItems().size() > 2);
        try (java.sql.Connection connection = backend.tenants().superuser().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local session_replication_role = replica");
            statement.execute("""
                    do $$
                    declare
                      e public.audit_log;
                      previous text := null;
                    begin
                      update public.audit_log set new_values = jsonb_set(new_values, '{full_name}', '"Mallory"')
                       where company_id = '%s' and table_name = 'customers' and new_values ? 'full_name';
                      for e in select * from public.audit_log where company_id = '%s' order by seq loop
                        e.prev_hash := previous;
                        e.hash := private.audit_hash(e);
                        update public.audit_log set prev_hash = e.prev_hash, hash = e.hash where id = e.id;
                        previous := e.hash;
                      end loop;
                    end $$""".replace("%s", backend.acme.id().toString()));
            connection.commit();
        }
        Fx.run(() -> ((Button) node("#audit-verify")).fire());
        Fx.waitUntil("the rewrite is reported", WAIT, () -> text("#audit-verify-result").startsWith("The log was rewritten"));
        shoot("83-audit-rewrite-detected");
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
        shoot("84-audit-rewrite-detected-dark");
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
        // Filtered again as before, so that the offline shot's Clear filters reads the log once more.
        Fx.run(() -> ((TextField) node("#audit-text")).setText("Brennan"));
        Fx.waitUntil("filtered again", WAIT, () -> text("#audit-status").startsWith("Showing all 2")
                && !node("#audit-loading").isVisible());
    }

    /**
     * Settings as an admin — Sync with the reset question, Personal, Lead preferences, Invoice
     * branding with a logo — in the light theme (40–44) and the dark (45–48); then a technician
     * refused at sign-in (49); signs back in as the dispatcher afterwards.
     */
    private void settingsShots(ConsoleBackend backend) throws IOException {
        com.fielddesk.desktop.signin.DemoLogin admin = backend.staffWithPassword(backend.acme, "admin", "Ada Admin");
        com.fielddesk.desktop.signin.DemoLogin technician = backend.staffWithPassword(backend.acme, "technician", "Toni Tech");
        brandedAsAdmin(backend, admin).close();
        if (node("#" + ShellView.SIGN_OUT_ID) != null) {
            Fx.run(() -> ((Button) node("#" + ShellView.SIGN_OUT_ID)).fire());
        }
        signInAs(admin);
        Fx.waitUntil("the Settings item", WAIT, () -> node("#" + ShellView.NAV_PREFIX + "settings") != null
                && text("#" + ShellView.USER_ID).contains(" · Admin · "));
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "settings")).fire());
        Fx.waitUntil("the company's pages", WAIT, () -> node("#settings") != null
                && ((TabPane) node("#settings")).getTabs().size() == 4);
        for (String theme : new String[]{"", "-dark"}) {
            boolean light = theme.isEmpty();
            settingsTab(0);
            Fx.waitUntil("the copy's size", WAIT, () -> !text("#settings-sync-size").isEmpty());
            if (light) {
                Fx.run(() -> ((Button) node("#settings-reset")).fire());
                Fx.waitUntil("the reset question", WAIT, () -> !text("#settings-reset-question").isEmpty());
            }
            shoot(light ? "40-settings-sync-reset" : "45-settings-sync-dark");
            if (light) {
                Fx.run(() -> ((Button) node("#settings-reset-cancel")).fire());
            }
            settingsTab(1);
            shoot(light ? "41-settings-personal" : "46-settings-personal-dark");
            settingsTab(2);
            Fx.waitUntil("the codes", WAIT, () -> ((javafx.scene.layout.Pane) node("#settings-leads-codes")).getChildren().size() > 1);
            if (light) {
                Fx.run(() -> {
                    TextField code = lookup("#settings-leads-code");
                    code.requestFocus();
                    code.setText("99999999999999999999999");
                    code.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                            javafx.scene.input.KeyCode.ENTER, false, false, false, false));
                });
                shoot("42-settings-lead-preferences-code-refused");
                Fx.run(() -> {
                    TextField code = lookup("#settings-leads-code");
                    code.setText("12360");
                    code.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                            javafx.scene.input.KeyCode.ENTER, false, false, false, false));
                });
            }
            shoot(light ? "43-settings-lead-preferences" : "47-settings-lead-preferences-dark");
            settingsTab(3);
            Fx.waitUntil("the logo", WAIT, () -> ((javafx.scene.image.ImageView) node("#settings-branding-logo")).getImage() != null);
            shoot(light ? "44-settings-invoice-branding" : "48-settings-invoice-branding-dark");
            if (light) {
                Fx.run(() -> ((javafx.scene.control.RadioButton) node("#settings-theme-dark")).fire());
            }
        }

        Fx.run(() -> ((Button) node("#" + ShellView.SIGN_OUT_ID)).fire());
        signInAs(technician);
        Fx.waitUntil("the technician refused", WAIT, () -> text("#" + SignInView.ERROR_ID).startsWith("FieldDesk's console is for the office"));
        shoot("49-sign-in-technician-refused-dark");
        Fx.run(() -> {
            ((ComboBox<?>) node("#" + SignInView.DEMO_LOGINS_ID)).getSelectionModel().selectFirst();
            ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
        Fx.waitUntil("the dispatcher's console with the pool", WAIT, () -> node("#" + ShellView.THEME_BUTTON_ID) != null
                && node("#" + LeadsView.POOL_TABLE_ID) != null && !pool().getItems().isEmpty());
        // Back to light, as the header's button does it.
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
    }

    private void signInAs(com.fielddesk.desktop.signin.DemoLogin login) {
        Fx.waitUntil("the sign-in form", WAIT, () -> node("#" + SignInView.SIGN_IN_BUTTON_ID) != null);
        Fx.run(() -> {
            ((TextField) node("#" + SignInView.EMAIL_ID)).setText(login.email());
            ((PasswordField) node("#" + SignInView.PASSWORD_ID)).setText(login.password());
            ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
    }

    /** Signs in as the admin through the API and gives Acme its invoice branding with a logo; the client stays signed in. */
    private static com.fielddesk.supabase.SupabaseClient brandedAsAdmin(ConsoleBackend backend,
                                                                         com.fielddesk.desktop.signin.DemoLogin admin)
            throws IOException {
        com.fielddesk.supabase.SupabaseClient api = new com.fielddesk.supabase.SupabaseClient(
                com.fielddesk.supabase.SupabaseConfig.of(backend.url().toString(), backend.endpoint().anonKey()),
                new com.fielddesk.supabase.auth.InMemorySessionStore());
        api.auth().signInWithPassword(admin.email(), admin.password());
        String logo = backend.acme.id() + "/invoice-logo.png";
        api.storage().from("branding").upload(logo, logoPicture(), "image/png", true, null);
        api.from("companies").update(java.util.Map.of("invoice_logo_path", logo, "invoice_legal_name", "Acme Heating LLC",
                "invoice_address", "1 Main Street\nSpringfield, IL 12345", "invoice_footer",
                "Thank you for your business. Questions? Call (555) 010-0100.", "invoice_prefix", "ACME-"))
                .eq("id", backend.acme.id()).execute();
        return api;
    }

    private void settingsTab(int index) {
        Fx.run(() -> ((TabPane) node("#settings")).getSelectionModel().select(index));
    }

    /** A small wordmark for the invoice-branding picture. */
    private static byte[] logoPicture() throws IOException {
        BufferedImage logo = new BufferedImage(360, 120, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D paint = logo.createGraphics();
        paint.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        paint.setColor(new java.awt.Color(0x1F, 0x6F, 0xEB));
        paint.fillRoundRect(0, 10, 100, 100, 24, 24);
        paint.setColor(java.awt.Color.WHITE);
        paint.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 64));
        paint.drawString("A", 28, 84);
        paint.setColor(new java.awt.Color(0x24, 0x29, 0x2F));
        paint.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 44));
        paint.drawString("ACME", 120, 66);
        paint.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 22));
        paint.drawString("Heating & Air", 122, 98);
        paint.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(logo, "png", out);
        return out.toByteArray();
    }

    // ---- helpers ----

    /**
     * Supervision → Audit log as a supervisor (dispatchers do not see it): the log with one change's
     * diff, then Verify's answer; signs back in as the dispatcher afterwards.
     */
    private void auditShots(ConsoleBackend backend, UUID claimedLead) throws IOException {
        com.fielddesk.desktop.signin.DemoLogin supervisor = backend.staffWithPassword(backend.acme, "supervisor",
                "Sam Supervisor");
        // The supervisor schedules the claimed lead's job through the API: a change with a person and a diff.
        Object job = backend.queryValue("select work_order_id from public.service_requests where id = ?", claimedLead);
        try (com.fielddesk.supabase.SupabaseClient api = new com.fielddesk.supabase.SupabaseClient(
                com.fielddesk.supabase.SupabaseConfig.of(backend.url().toString(), backend.endpoint().anonKey()),
                new com.fielddesk.supabase.auth.InMemorySessionStore())) {
            api.auth().signInWithPassword(supervisor.email(), supervisor.password());
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withHour(14).withMinute(0).withSecond(0)
                    .withNano(0);
            api.from("work_orders").update(java.util.Map.of("status", "scheduled", "scheduled_start", start.toString(),
                    "scheduled_end", start.plusHours(2).toString())).eq("id", job).execute();
        }
        Fx.run(() -> ((Button) node("#" + ShellView.SIGN_OUT_ID)).fire());
        Fx.waitUntil("the sign-in form", WAIT, () -> node("#" + SignInView.SIGN_IN_BUTTON_ID) != null);
        Fx.run(() -> {
            ((TextField) node("#" + SignInView.EMAIL_ID)).setText(supervisor.email());
            ((PasswordField) node("#" + SignInView.PASSWORD_ID)).setText(supervisor.password());
            ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
        Fx.waitUntil("the Audit log item", WAIT, () -> node("#" + ShellView.NAV_PREFIX + "audit") != null);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "audit")).fire());
        Fx.waitUntil("the log is read", WAIT, () -> node("#audit-table") != null
                && !((TableView<?>) node("#audit-table")).getItems().isEmpty());
        Fx.run(() -> {
            TableView<com.fielddesk.domain.audit.AuditEntry> log = lookup("#audit-table");
            log.getItems().stream().filter(entry -> entry.action().equals("update")
                            && entry.recordType().equals(java.util.Optional.of("work_orders")))
                    .findFirst().or(() -> log.getItems().stream().filter(entry -> !entry.changes().isEmpty()).findFirst())
                    .ifPresent(entry -> {
                        log.getSelectionModel().select(entry);
                        log.scrollTo(entry);
                    });
        });
        Fx.waitUntil("the entry's changes", WAIT, () -> !((TableView<?>) node("#audit-diff")).getItems().isEmpty());
        shoot("34-audit-log");
        Fx.run(() -> ((Button) node("#audit-verify")).fire());
        Fx.waitUntil("Verify's answer", WAIT, () -> text("#audit-verify-result").startsWith("All "));
        shoot("35-audit-verified");

        Fx.run(() -> ((Button) node("#" + ShellView.SIGN_OUT_ID)).fire());
        Fx.waitUntil("the sign-in form", WAIT, () -> node("#" + SignInView.SIGN_IN_BUTTON_ID) != null);
        Fx.run(() -> {
            ((ComboBox<?>) node("#" + SignInView.DEMO_LOGINS_ID)).getSelectionModel().selectFirst();
            ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
        Fx.waitUntil("the dispatcher's console with the pool", WAIT, () -> node("#" + ShellView.THEME_BUTTON_ID) != null
                && node("#" + LeadsView.POOL_TABLE_ID) != null && !pool().getItems().isEmpty());
    }

    /** Customers: the list, one customer's detail and the phone intake form, in the current theme. */
    private void customerShots(ConsoleBackend backend, String theme) throws IOException {
        if (theme.isEmpty()) {
            String[][] people = {{"Ada Brennan", "+1 555 0142", "ada.brennan@example.com", "14 Birch Rd"},
                    {"Marcus Okafor", "+1 555 0177", "m.okafor@example.com", "88 Quarry Ln"},
                    {"Zoë Łódź Ñúñez", "+1 555 0101", "zoe@example.com", "3 Harbor View Apt 12"},
                    {"Springfield Dental Clinic (front desk, ask for Priya)", "+1 555 0190", "office@springfield-dental.example",
                            "400 Main St Suite 210"},
                    {"Greta Lindqvist", null, "greta@example.com", "7 Elm Ct"}};
            for (String[] person : people) {
                Object id = backend.queryValue("insert into public.customers (company_id, full_name, phone, email)"
                        + " values (?, ?, ?, ?) returning id", backend.acme.id(), person[0], person[1], person[2]);
                backend.queryValue("insert into public.customer_addresses (company_id, customer_id, label, street, city,"
                        + " postal_code) values (?, ?, 'Home', ?, 'Springfield', '12345') returning id",
                        backend.acme.id(), id, person[3]);
            }
        }
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "customers")).fire());
        Fx.waitUntil("the customers are listed", WAIT, () -> node("#customer-table") != null
                && customers().getItems().size() >= 6);
        Fx.run(() -> customers().getSelectionModel().clearSelection());
        shoot("23-customers-list" + theme);
        Fx.run(() -> customers().getItems().stream().filter(c -> c.fullName().startsWith("Pat")).findFirst()
                .ifPresent(c -> customers().getSelectionModel().select(c)));
        Fx.waitUntil("the customer's job is listed", WAIT, () -> text("#customer-title").startsWith("Pat")
                && !((TableView<?>) node("#customer-jobs")).getItems().isEmpty());
        shoot("24-customer-detail" + theme);

        Platform.runLater(() -> ((Button) node("#phone-intake")).fire());
        Fx.waitUntil("the phone intake form", WAIT, () -> dialog("#phone-intake-dialog") != null);
        Fx.run(() -> {
            Node form = dialog("#phone-intake-dialog");
            ((TextField) form.lookup("#fullName")).setText("Luis Ortega");
            ((TextField) form.lookup("#phone")).setText("+1 555 0123");
            ((TextField) form.lookup("#street")).setText("52 Cedar Ave");
            ((TextField) form.lookup("#city")).setText("Shelbyville");
            ((TextField) form.lookup("#postalCode")).setText("12346");
            ((TextField) form.lookup("#title")).setText("Water heater leaking");
            ((javafx.scene.control.TextArea) form.lookup("#description")).setText(
                    "Puddle under the tank since this morning; the pilot is still on.");
            ((TextField) form.lookup("#tradeNotes")).setText("Plumbing, east side");
        });
        shootDialog("25-phone-intake" + theme, "#phone-intake-dialog");
        Fx.run(() -> ((javafx.scene.control.DialogPane) dialog("#phone-intake-dialog")).getScene().getWindow().hide());
    }

    /**
     * Three technicians with today's jobs in the company's zone (one overlap, one on site), as a
     * dispatcher's morning looks, for the board and the dispatch day.
     */
    private void busyDay(ConsoleBackend backend) {
        String[][] technicians = {{"Ann Archer", "#1f77b4"}, {"Bob Baker", "#ff7f0e"}, {"Chidi Okeke", "#2ca02c"}};
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
        int[][] windows = {{8, 0, 10, 0}, {10, 30, 12, 30}, {12, 0, 13, 30}, {9, 0, 11, 0}, {13, 0, 16, 0}, {8, 30, 9, 30},
                {10, 0, 12, 0}, {14, 0, 15, 30}};
        String[] statuses = {"dispatched", "scheduled", "scheduled", "on_site", "scheduled", "en_route", "scheduled", "scheduled"};
        int[] lanes = {0, 0, 0, 1, 1, 2, 2, 2};
        String[] titles = {"Furnace not igniting", "Annual boiler service", "Thermostat replacement", "Burst pipe under sink",
                "Water heater install", "Breaker keeps tripping", "Panel upgrade quote visit", "AC condenser noise"};
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        for (String[] technician : technicians) {
            com.fielddesk.desktop.signin.DemoLogin login = backend.staffWithPassword(backend.acme, "technician", technician[0]);
            backend.queryValue("update public.profiles set color = ? where email = ? returning id", technician[1], login.email());
            ids.add((UUID) backend.queryValue("select id from public.profiles where email = ?", login.email()));
        }
        Object customer = backend.queryValue("select id from public.customers where company_id = ? order by full_name limit 1",
                backend.acme.id());
        for (int i = 0; i < windows.length; i++) {
            java.time.Instant start = today.atTime(windows[i][0], windows[i][1]).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
            java.time.Instant end = today.atTime(windows[i][2], windows[i][3]).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
            backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id, technician_id,"
                    + " scheduled_start, scheduled_end, priority) values (?, 'job', ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?)"
                    + " returning id", backend.acme.id(), statuses[i], titles[i], customer, ids.get(lanes[i]), start.toString(),
                    end.toString(), i == 3 ? "emergency" : "normal");
        }
    }

    /** Jobs: the list with its counts per status and one job with its legal moves and history; then the board. */
    private void jobsShot(String theme) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "jobs")).fire());
        Fx.waitUntil("the jobs are listed", WAIT, () -> node("#jobs-table") != null
                && !((TableView<?>) node("#jobs-table")).getItems().isEmpty());
        Fx.run(() -> ((TableView<?>) node("#jobs-table")).getSelectionModel().selectFirst());
        Fx.waitUntil("the job and its moves", WAIT, () -> node("#job-title") != null && node("#job-moves") != null
                && !((javafx.scene.layout.Pane) node("#job-moves")).getChildren().isEmpty());
        shoot("31-jobs" + theme);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "board")).fire());
        Fx.waitUntil("the board's columns are filled", WAIT, () -> node("#board-list-unscheduled") != null
                && !((javafx.scene.control.ListView<?>) node("#board-list-unscheduled")).getItems().isEmpty());
        Fx.run(() -> {
            javafx.scene.control.ListView<?> unscheduled = (javafx.scene.control.ListView<?>) node("#board-list-unscheduled");
            unscheduled.requestFocus();
            unscheduled.getSelectionModel().selectFirst();
        });
        shoot("32-board" + theme);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "dispatch-day")).fire());
        Fx.waitUntil("the dispatch day's lanes", WAIT, () -> node("#dispatch-axis") != null);
        shoot("33-dispatch-day" + theme);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#dispatch-show-week")).fire());
        Fx.waitUntil("the week overview", WAIT, () -> node("#dispatch-week") != null && node("#dispatch-week").isVisible()
                && !((javafx.scene.layout.GridPane) node("#dispatch-week")).getChildren().isEmpty());
        shoot("36-dispatch-week" + theme);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#dispatch-show-day")).fire());
    }

    /**
     * The jobs list narrowed by its filters (37), a job's detail after a move with its status history
     * (38), and the New job form with the customer being picked as one types (39).
     */
    private void jobDetailShots() throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "jobs")).fire());
        Fx.waitUntil("the technicians are in the filter", WAIT, () -> ((ComboBox<?>) node("#jobs-technician")).getItems().size() > 2);
        Fx.run(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> technician = (ComboBox<Object>) node("#jobs-technician");
            technician.setValue(technician.getItems().stream().filter(choice -> choice.toString().equals("Ann Archer"))
                    .findFirst().orElseThrow());
            ((javafx.scene.control.DatePicker) node("#jobs-first-day")).setValue(
                    java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")));
            ((javafx.scene.control.DatePicker) node("#jobs-last-day")).setValue(
                    java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")));
        });
        Fx.waitUntil("Ann's jobs today", WAIT, () -> ((TableView<?>) node("#jobs-table")).getItems().size() == 3);
        Fx.run(() -> {
            TableView<com.fielddesk.domain.jobs.WorkOrderSummary> table = lookup("#jobs-table");
            table.getSelectionModel().select(table.getItems().stream().filter(job -> job.title().equals("Annual boiler service"))
                    .findFirst().orElseThrow());
        });
        Fx.waitUntil("the job's form", WAIT, () -> text("#job-title").endsWith("Annual boiler service")
                && node("#job-move-dispatched") != null);
        shoot("37-jobs-list-filters");

        Fx.run(() -> ((Button) node("#job-move-dispatched")).fire());
        Fx.waitUntil("the move is back from the server in the history", WAIT, () -> {
            javafx.scene.control.ListView<?> history = lookup("#job-history");
            return history.getItems().size() == 3 && text("#job-status").startsWith("Status: Dispatched")
                    && !text("#job-status").contains("waiting to sync");
        });
        Fx.run(() -> ((TabPane) node("#job-tabs")).getSelectionModel().select(1));
        shoot("38-job-detail-history");
        Fx.run(() -> ((TabPane) node("#job-tabs")).getSelectionModel().select(0));

        Fx.run(() -> ((Button) node("#jobs-new-job")).fire());
        Fx.waitUntil("the new job form", WAIT, () -> text("#job-title").equals("New job"));
        Fx.run(() -> {
            ((TextField) node("#wo-title")).setText("Boiler making a banging noise");
            ((javafx.scene.control.TextArea) node("#wo-description")).setText("Loud bangs when the heating starts in the morning.");
            ((TextField) node("#wo-customer")).setText("a");
        });
        Fx.waitUntil("the customers matching what was typed", WAIT,
                () -> !((javafx.scene.control.ListView<?>) node("#wo-customerMatches")).getItems().isEmpty());
        shoot("39-new-job-form");
        Fx.run(() -> ((Button) node("#jobs-clear-filters")).fire());
        // Back to a job (out of the new-job form) for the shots that follow on this screen.
        TableView<?> jobs = lookup("#jobs-table");
        Fx.waitUntil("every job listed again", WAIT, () -> jobs.getItems().size() > 3);
        Fx.run(() -> {
            jobs.getSelectionModel().clearSelection();
            jobs.getSelectionModel().selectFirst();
        });
    }

    /** A customer thread (customer and office taking turns) and an internal thread about the same job. */
    private void seedMessages(ConsoleBackend backend) {
        UUID job = (UUID) backend.queryValue("select id from public.work_orders where company_id = ? and customer_id is not null"
                + " order by created_at limit 1", backend.acme.id());
        UUID customer = (UUID) backend.queryValue("select customer_id from public.work_orders where id = ?", job);
        com.fielddesk.desktop.signin.DemoLogin csr = backend.staffWithPassword(backend.acme, "csr", "Casey Rivera");
        UUID csrId = (UUID) backend.queryValue("select id from public.profiles where email = ?", csr.email());
        UUID thread = (UUID) backend.queryValue("insert into public.customer_threads (company_id, work_order_id, customer_id,"
                + " subject) values (?, ?, ?, 'Your visit tomorrow') returning id", backend.acme.id(), job, customer);
        String[][] turns = {{"customer", "Hi, is the technician still coming tomorrow morning? The radiators are cold again."},
                {"staff", "Yes — Ann Archer is booked for 8:00–10:00. She will call 30 minutes before arriving."},
                {"customer", "Great, thank you! The side gate code is 4412."}};
        for (int i = 0; i < turns.length; i++) {
            backend.queryValue("insert into public.customer_messages (customer_thread_id, sender_kind, sender_id, body, created_at)"
                    + " values (?, ?, ?, ?, now() - make_interval(mins => ?)) returning id", thread, turns[i][0],
                    turns[i][0].equals("staff") ? csrId : null, turns[i][1], 90 - 30 * i);
        }
        UUID internal = (UUID) backend.queryValue("insert into public.internal_threads (company_id, work_order_id, subject,"
                + " created_by) values (?, ?, 'Parts for the boiler job', ?) returning id", backend.acme.id(), job, csrId);
        backend.queryValue("insert into public.internal_messages (company_id, internal_thread_id, author_id, body)"
                + " values (?, ?, ?, 'Customer is a slow payer — ask for a deposit before ordering the valve.') returning id",
                backend.acme.id(), internal, csrId);
        // The colleague's note is announced; dismissed here, so the next shots show the screens alone.
        Fx.waitUntil("the note is announced", WAIT, () -> node("#" + ShellView.ARRIVAL_ID).getParent().isVisible());
        Fx.run(() -> ((Button) node("#" + ShellView.ARRIVAL_CLOSE_ID)).fire());
    }

    /**
     * Messages as it opens, before a thread is chosen: the Customers inbox, and beside it only what
     * the thread pane says until then (its list and compose box appear with the first thread opened)
     * — 88, dark 89.
     */
    private void runMessagesOnly() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        com.fielddesk.desktop.signin.DemoLogin supervisor = backend.staffWithPassword(backend.acme, "supervisor",
                "Sam Supervisor");
        Object customer = backend.queryValue("insert into public.customers (company_id, full_name, phone)"
                + " values (?, 'Ada Brennan', '+1 555 0142') returning id", backend.acme.id());
        Object technician = backend.queryValue("select id from public.profiles where company_id = ? and role = 'technician'"
                + " order by full_name limit 1", backend.acme.id());
        backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id, technician_id,"
                + " scheduled_start, scheduled_end) values (?, 'job', 'completed', 'Radiators cold upstairs', ?, ?, now() - interval"
                + " '1 day', now() - interval '23 hours') returning id", backend.acme.id(), customer, technician);
        Services services = consoleOn(backend);
        signInAs(supervisor);
        Fx.waitUntil("Messages in the navigation", WAIT, () -> node("#" + ShellView.NAV_PREFIX + "messages") != null);
        seedMessages(backend);
        for (String shot : List.of("88-messages-inbox-opened", "89-messages-inbox-opened-dark")) {
            // Away and back: Messages opens afresh, no thread chosen yet.
            Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "customers")).fire());
            Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "messages")).fire());
            Fx.waitUntil("the customer threads", WAIT, () -> node("#customer-threads") != null
                    && !((javafx.scene.control.ListView<?>) node("#customer-threads")).getItems().isEmpty()
                    && !text("#messages-unread").isEmpty());
            shoot(shot);
            if (!shot.endsWith("-dark")) {
                Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
            }
        }
        // A thread chosen: the inbox's selected row, in a focused and an unfocused list, in both themes.
        javafx.scene.control.ListView<?> threads = lookup("#customer-threads");
        Fx.run(() -> {
            threads.requestFocus();
            threads.getSelectionModel().selectFirst();
        });
        Fx.waitUntil("the first thread open", WAIT, () -> node("#customer-messages") != null
                && !((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().isEmpty());
        shoot("97-messages-thread-chosen-dark");
        Fx.run(() -> node("#messages-search").requestFocus());
        shoot("98-messages-thread-chosen-unfocused-dark");
        Fx.run(() -> ((Button) node("#" + ShellView.THEME_BUTTON_ID)).fire());
        shoot("98-messages-thread-chosen-unfocused");
        Fx.run(threads::requestFocus);
        shoot("97-messages-thread-chosen");
        Fx.run(() -> stage.close());
        services.close();
        backend.close();
    }

    /** Messages: the customer inbox with a thread open, then the internal inbox (staff only). */
    private void messagesShots(String theme) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "messages")).fire());
        Fx.waitUntil("the customer threads", WAIT, () -> node("#customer-threads") != null
                && !((javafx.scene.control.ListView<?>) node("#customer-threads")).getItems().isEmpty());
        Fx.run(() -> {
            ((TabPane) node("#messages").lookup(".tab-pane")).getSelectionModel().select(0);
            selectTheVisitThread();
        });
        Fx.waitUntil("the customer thread's messages", WAIT,
                () -> ((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().size() >= 3);
        shoot("60-messages-customer-thread" + theme);
        Fx.run(() -> ((TabPane) node("#messages").lookup(".tab-pane")).getSelectionModel().select(1));
        Fx.waitUntil("the internal threads", WAIT, () -> node("#internal-threads") != null
                && !((javafx.scene.control.ListView<?>) node("#internal-threads")).getItems().isEmpty());
        Fx.run(() -> ((javafx.scene.control.ListView<?>) node("#internal-threads")).getSelectionModel().selectFirst());
        Fx.waitUntil("the internal note", WAIT,
                () -> !((javafx.scene.control.ListView<?>) node("#internal-messages")).getItems().isEmpty());
        shoot("61-messages-internal" + theme);
        Fx.run(() -> ((TabPane) node("#messages").lookup(".tab-pane")).getSelectionModel().select(0));
    }

    /**
     * A reply the server refuses (its thread was deleted on the server meanwhile): the thread says
     * "Not sent: …" with Resend and Discard; then discarded, so the next shots are as before.
     */
    private void refusedMessageShot(ConsoleBackend backend) throws IOException {
        UUID job = (UUID) backend.queryValue("select id from public.work_orders where company_id = ? and customer_id is not null"
                + " order by created_at limit 1", backend.acme.id());
        UUID customer = (UUID) backend.queryValue("select customer_id from public.work_orders where id = ?", job);
        UUID thread = (UUID) backend.queryValue("insert into public.customer_threads (company_id, work_order_id, customer_id,"
                + " subject) values (?, ?, ?, 'Parking on Friday') returning id", backend.acme.id(), job, customer);
        backend.queryValue("insert into public.customer_messages (customer_thread_id, sender_kind, body) values (?, 'customer',"
                + " 'Can your van park in the driveway on Friday?') returning id", thread);
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "messages")).fire());
        Fx.run(() -> ((TabPane) node("#messages").lookup(".tab-pane")).getSelectionModel().select(0));
        javafx.scene.control.ListView<com.fielddesk.domain.messages.CustomerThreadSummary> threads = lookup("#customer-threads");
        Fx.waitUntil("the new thread is listed", WAIT, () -> threads.getItems().stream()
                .anyMatch(line -> line.subject().equals("Parking on Friday")));
        Fx.run(() -> threads.getSelectionModel().select(threads.getItems().stream()
                .filter(line -> line.subject().equals("Parking on Friday")).findFirst().orElseThrow()));
        Fx.waitUntil("its message", WAIT, () -> ((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().size() == 1);
        Fx.waitUntil("the message is announced", WAIT, () -> node("#" + ShellView.ARRIVAL_ID).getParent().isVisible());
        Fx.run(() -> ((Button) node("#" + ShellView.ARRIVAL_CLOSE_ID)).fire());
        // Removed on the server (as a supervisor cleaning up would) while this console still shows it.
        backend.queryValue("with m as (delete from public.customer_messages where customer_thread_id = ? returning id)"
                + " select count(*) from m", thread);
        backend.queryValue("with t as (delete from public.customer_threads where id = ? returning id) select count(*) from t", thread);
        Fx.run(() -> {
            ((javafx.scene.control.TextArea) node("#customer-reply")).setText("Yes, the driveway is free all day.");
            ((Button) node("#customer-send")).fire();
        });
        Fx.waitUntil("the reply is refused, with the reason", WAIT, () -> node("#customer-not-sent").getParent().isVisible()
                && ((Label) node("#customer-not-sent")).getText().startsWith("Not sent: "));
        Fx.run(() -> node("#customer-resend").requestFocus());
        shoot("70-messages-refused");
        Fx.run(() -> ((Button) node("#customer-discard")).fire());
        Fx.waitUntil("discarded", WAIT, () -> !node("#customer-not-sent").getParent().isVisible());
    }

    /** On another screen (Jobs), a customer's message arrives: the shell's notification names them. */
    private void arrivalShot(ConsoleBackend backend) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "jobs")).fire());
        UUID thread = (UUID) backend.queryValue("select id from public.customer_threads where company_id = ?"
                + " and subject = 'Your visit tomorrow'", backend.acme.id());
        backend.queryValue("insert into public.customer_messages (customer_thread_id, sender_kind, body) values (?, 'customer',"
                + " 'Could Ann bring a spare thermostat too? Ours is 15 years old.') returning id", thread);
        Fx.waitUntil("the arrival notification", WAIT, () -> node("#" + ShellView.ARRIVAL_ID).getParent().isVisible()
                && ((Button) node("#" + ShellView.ARRIVAL_ID)).getText().startsWith("New message from"));
        shoot("63-message-notification");
        Fx.run(() -> ((Button) node("#" + ShellView.ARRIVAL_ID)).fire());
        Fx.waitUntil("Messages opens the thread", WAIT, () -> node("#customer-messages") != null
                && ((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().size() >= 4);
    }

    /** The seeded customer thread (another one, refused and discarded, may be listed above it). On the FX thread. */
    private void selectTheVisitThread() {
        javafx.scene.control.ListView<com.fielddesk.domain.messages.CustomerThreadSummary> threads = lookup("#customer-threads");
        threads.getSelectionModel().select(threads.getItems().stream()
                .filter(line -> line.subject().equals("Your visit tomorrow")).findFirst().orElse(threads.getItems().get(0)));
    }

    /** Offline: a reply to the customer is kept and shown as pending. */
    private void pendingMessageShot() throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "messages")).fire());
        Fx.waitUntil("the customer threads", WAIT, () -> node("#customer-threads") != null
                && !((javafx.scene.control.ListView<?>) node("#customer-threads")).getItems().isEmpty());
        Fx.run(this::selectTheVisitThread);
        Fx.waitUntil("the thread is open", WAIT,
                () -> ((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().size() >= 3);
        int before = Fx.read(() -> ((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().size());
        Fx.run(() -> {
            ((javafx.scene.control.TextArea) node("#customer-reply")).setText("Yes, Ann will bring one. See you tomorrow!");
            ((Button) node("#customer-send")).fire();
        });
        Fx.waitUntil("the reply is listed, pending", WAIT,
                () -> ((javafx.scene.control.ListView<?>) node("#customer-messages")).getItems().size() == before + 1);
        shoot("62-messages-pending-offline");
    }

    /**
     * Invoices (50–57): the list with an issued, partly paid invoice selected, its editor (a draft),
     * its PDF in the viewer and the Mark paid dialog — light 50–53, dark 54–57. The first call gives
     * the company its invoice branding and writes the invoices on the server (numbered there).
     */
    private void invoiceShots(ConsoleBackend backend, String theme) throws IOException {
        boolean dark = !theme.isEmpty();
        if (!dark) {
            backend.queryValue("update public.companies set invoice_legal_name = ?, invoice_address = ?, invoice_accent_color = ?,"
                    + " invoice_footer = ?, payment_terms_days = 14, invoice_prefix = 'INV-' where id = ? returning id",
                    "Acme Heating & Plumbing LLC", "12 Harbour Street\nSpringfield, IL 62701", "#0E7C66",
                    "Thank you for your business. Questions? billing@acme.example", backend.acme.id());
            Object zoe = backend.queryValue("select id from public.customers where full_name = ? and company_id = ?",
                    "Zoë Łódź Ñúñez", backend.acme.id());
            Object ada = backend.queryValue("select id from public.customers where full_name = ? and company_id = ?",
                    "Ada Brennan", backend.acme.id());
            Object issued = tourInvoice(backend, zoe, "8.875", new String[][] {{"Boiler service, annual", "1", "189.00"},
                    {"Pressure relief valve (¾\")", "2", "42.50"}, {"Labour, hours", "1.5", "95.00"}});
            backend.queryValue("update public.invoices set status = 'issued' where id = ? returning id", issued);
            backend.queryValue("insert into public.payments (company_id, invoice_id, amount, method, reference)"
                    + " values (?, ?, 150.00, 'check', 'Check 1042') returning id", backend.acme.id(), issued);
            tourInvoice(backend, ada, "0", new String[][] {{"Thermostat replacement", "1", "129.00"},
                    {"Service call", "1", "65.00"}});
        }
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "invoices")).fire());
        Fx.waitUntil("the invoices are listed", WAIT, () -> node("#invoices-table") != null
                && ((TableView<?>) node("#invoices-table")).getItems().size() >= 2);
        Fx.run(() -> {
            TableView<com.fielddesk.domain.invoices.InvoiceSummary> table = lookup("#invoices-table");
            table.getItems().stream().filter(row -> row.customerName().startsWith("Zoë")).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        Fx.waitUntil("the issued invoice's detail", WAIT, () -> text("#invoice-title").contains("Zoë")
                && text("#invoice-money").contains("paid $150.00"));
        shoot(dark ? "54-invoices-list-dark" : "50-invoices-list");

        Fx.run(() -> ((Button) node("#invoice-mark-paid")).fire());
        Fx.waitUntil("the Mark paid dialog", WAIT, () -> dialog("#mark-paid-dialog") != null);
        shootDialog(dark ? "57-invoice-mark-paid-dark" : "53-invoice-mark-paid", "#mark-paid-dialog");
        closeDialog("#mark-paid-dialog");

        Fx.run(() -> ((Button) node("#invoice-view-pdf")).fire());
        Fx.waitUntil("the PDF's first page in the viewer", WAIT, () -> dialog("#invoice-pdf-image") != null
                && ((javafx.scene.image.ImageView) dialog("#invoice-pdf-image")).getImage() != null);
        shootDialog(dark ? "56-invoice-pdf-viewer-dark" : "52-invoice-pdf-viewer", "#invoice-pdf-dialog");
        closeDialog("#invoice-pdf-dialog");
        if (!dark) {
            issuedBrandingShot(backend);
        }

        Fx.run(() -> {
            TableView<com.fielddesk.domain.invoices.InvoiceSummary> table = lookup("#invoices-table");
            table.getItems().stream().filter(row -> row.customerName().startsWith("Ada")).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        Fx.waitUntil("the draft's detail", WAIT, () -> text("#invoice-title").contains("Ada"));
        Fx.run(() -> ((Button) node("#invoice-edit")).fire());
        Fx.waitUntil("the editor with its lines", WAIT, () -> dialog("#invoice-editor-dialog") != null
                && dialog("#invoice-editor-total") instanceof javafx.scene.control.Label total && total.getText().equals("$194.00"));
        shootDialog(dark ? "55-invoice-editor-dark" : "51-invoice-editor", "#invoice-editor-dialog");
        closeDialog("#invoice-editor-dialog");
    }

    /**
     * 90–91: offline, Ada's draft is issued here (the first call); the invoice says its PDF upload
     * waits for the connection — light, then dark.
     */
    private void invoiceUploadWaitingShot(String name, boolean issueFirst) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "invoices")).fire());
        Fx.waitUntil("the invoices are listed", WAIT, () -> node("#invoices-table") != null
                && ((TableView<?>) node("#invoices-table")).getItems().size() >= 2);
        Fx.run(() -> {
            TableView<com.fielddesk.domain.invoices.InvoiceSummary> table = lookup("#invoices-table");
            table.getItems().stream().filter(row -> row.customerName().startsWith("Ada")).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        Fx.waitUntil("Ada's invoice", WAIT, () -> text("#invoice-title").contains("Ada"));
        if (issueFirst) {
            Fx.run(() -> ((Button) node("#invoice-issue")).fire());
        }
        Fx.waitUntil("its PDF upload waits for the connection", WAIT, () -> text("#invoice-pdf-state")
                .equals("PDF upload waiting (offline), will upload when back online"));
        shoot(name);
    }

    /**
     * 75: the company renames itself, moves and changes its colour after the invoice was issued;
     * the issued invoice's PDF keeps the branding the server recorded when it was issued.
     */
    private void issuedBrandingShot(ConsoleBackend backend) throws IOException {
        backend.queryValue("update public.companies set invoice_legal_name = 'Acme Comfort Group Inc.', invoice_address = ?,"
                + " invoice_accent_color = '#B22222' where id = ? returning id", "500 New Plaza\nCapital City, IL 62702",
                backend.acme.id());
        Fx.waitUntil("the new branding is on this computer", WAIT, () -> window.currentSession().repositories().table("companies")
                .get(backend.acme.id().toString()).map(row -> row.path("invoice_legal_name").asText().startsWith("Acme Comfort"))
                .orElse(false));
        Fx.run(() -> ((Button) node("#invoice-view-pdf")).fire());
        Fx.waitUntil("the issued invoice's PDF again", WAIT, () -> dialog("#invoice-pdf-image") != null
                && ((javafx.scene.image.ImageView) dialog("#invoice-pdf-image")).getImage() != null);
        shootDialog("75-invoice-pdf-keeps-issued-branding", "#invoice-pdf-dialog");
        closeDialog("#invoice-pdf-dialog");
    }

    /** A draft invoice on the server with its lines (the server computes the totals). */
    private static Object tourInvoice(ConsoleBackend backend, Object customer, String taxRate, String[][] lines) {
        Object invoice = backend.queryValue("insert into public.invoices (company_id, customer_id, tax_rate, notes)"
                + " values (?, ?, ?::numeric, 'Gate code 4471; the dog is friendly.') returning id", backend.acme.id(), customer, taxRate);
        for (int i = 0; i < lines.length; i++) {
            backend.queryValue("insert into public.invoice_items (company_id, invoice_id, position, description, quantity, unit_price)"
                    + " values (?, ?, ?, ?, ?::numeric, ?::numeric) returning id", backend.acme.id(), invoice, i + 1, lines[i][0],
                    lines[i][1], lines[i][2]);
        }
        return invoice;
    }

    private void closeDialog(String id) {
        Fx.run(() -> ((javafx.stage.Stage) dialog(id).getScene().getWindow()).close());
    }

    /** While offline: a new customer, listed as pending. */
    private void offlineCustomerShot(String name) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + ShellView.NAV_PREFIX + "customers")).fire());
        Fx.waitUntil("the customer list", WAIT, () -> node("#customer-table") != null);
        Platform.runLater(() -> ((Button) node("#new-customer")).fire());
        Fx.waitUntil("the New customer form", WAIT, () -> dialog("#new-customer-dialog") != null);
        String customer = name.endsWith("-dark") ? "Nadia Offline (dark)" : "Nadia Offline";
        Fx.run(() -> {
            javafx.scene.control.DialogPane form = (javafx.scene.control.DialogPane) dialog("#new-customer-dialog");
            ((TextField) form.lookup("#fullName")).setText(customer);
            ((TextField) form.lookup("#phone")).setText("+1 555 0166");
            ((TextField) form.lookup("#street")).setText("19 Mill St");
            ((TextField) form.lookup("#postalCode")).setText("12350");
            ((Button) form.lookupButton(form.getButtonTypes().get(0))).fire();
        });
        Fx.waitUntil("the offline customer is listed as pending", WAIT, () -> customers().getItems().stream()
                .anyMatch(c -> c.fullName().equals(customer) && c.pending()));
        Fx.run(() -> customers().getItems().stream().filter(c -> c.fullName().equals(customer)).findFirst()
                .ifPresent(c -> customers().getSelectionModel().select(c)));
        Fx.waitUntil("the detail shows it pending", WAIT, () -> node("#customer-pending").isVisible());
        shoot(name);
    }

    private TableView<com.fielddesk.domain.customers.CustomerSummary> customers() {
        return lookup("#customer-table");
    }

    /** A dialog's pane (a window of its own). */
    private Node dialog(String id) {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .map(w -> w.getScene().getRoot().lookup(id)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private void shootDialog(String name, String id) throws IOException {
        Fx.run(() -> { });
        Fx.run(() -> { });
        save(Fx.read(() -> dialog(id).getScene().snapshot(null)), name);
    }

    /**
     * The sign-in form's checks and help, in the current theme: a project with a malformed URL and
     * an email without @ show their problems beside the fields; the anon key's pop-over (a window
     * of its own, so the screen is captured). Leaves the form as it found it (Local demo, empty).
     */
    private void signInFormShots(String theme, ConsoleBackend backend) throws IOException {
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("#" + SignInView.PROJECT_ID)).fire());
        Fx.run(() -> {
            ((TextField) node("#" + SignInView.PROJECT_URL_ID)).setText("ftp://acme.example");
            ((TextField) node("#" + SignInView.EMAIL_ID)).setText("dana.acme.test");
        });
        Fx.waitUntil("the fields' problems", WAIT, () -> node("#" + SignInView.PROJECT_URL_ID).getParent()
                .lookupAll("." + com.fielddesk.desktop.ui.Styles.FIELD_ERROR).stream().anyMatch(Node::isVisible));
        shoot(theme.isEmpty() ? "15-sign-in-field-problems" : "19-sign-in-field-problems-dark");
        Fx.run(() -> ((Button) node("#" + SignInView.ANON_KEY_HELP_ID)).fire());
        // It fades in: shoot once it is fully there.
        Fx.waitUntil("the anon key pop-over", WAIT, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(window -> window instanceof org.controlsfx.control.PopOver popOver && popOver.isShowing()
                        && popOver.getSkin() != null && popOver.getSkin().getNode().getOpacity() >= 1.0));
        shootScreen(theme.isEmpty() ? "16-sign-in-anon-key-popover" : "20-sign-in-anon-key-popover-dark");
        Fx.run(() -> {
            ((Button) node("#" + SignInView.ANON_KEY_HELP_ID)).fire();
            ((TextField) node("#" + SignInView.PROJECT_URL_ID)).setText("");
            ((TextField) node("#" + SignInView.EMAIL_ID)).setText(backend.acmeDispatcher.email());
            ((javafx.scene.control.ToggleButton) node("#" + SignInView.LOCAL_DEMO_ID)).fire();
        });
    }

    /** Signs in with the demo login while the Local demo "starts" slowly, and shoots its steps. */
    private void firstStartShot(String name, FirstStart firstStart) throws Exception {
        firstStart.holdNext();
        Fx.run(() -> {
            ((ComboBox<?>) node("#" + SignInView.DEMO_LOGINS_ID)).getSelectionModel().selectFirst();
            ((Button) node("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
        Fx.waitUntil("the demo data step", WAIT, () -> text("#" + SignInView.PROGRESS_ID).startsWith("Loading demo data"));
        shoot(name);
        firstStart.release();
    }

    /**
     * The Local demo as a first start reports it — database, migrations, part of the demo data —
     * held there until the tour has its picture (the backend itself is already running).
     */
    private static final class FirstStart implements com.fielddesk.desktop.app.LocalDemo {
        private final com.fielddesk.desktop.app.LocalDemo started;
        private volatile java.util.concurrent.CountDownLatch held;

        FirstStart(com.fielddesk.desktop.app.LocalDemo started) {
            this.started = started;
        }

        void holdNext() {
            held = new java.util.concurrent.CountDownLatch(1);
        }

        void release() {
            held.countDown();
        }

        @Override
        public com.fielddesk.desktop.app.Endpoint start(
                java.util.function.Consumer<com.fielddesk.desktop.signin.SignInProgress> progress) {
            java.util.concurrent.CountDownLatch gate = held;
            if (gate != null && gate.getCount() > 0) {
                progress.accept(com.fielddesk.desktop.signin.SignInProgress.of(
                        com.fielddesk.desktop.signin.SignInProgress.Step.STARTING_DATABASE));
                progress.accept(com.fielddesk.desktop.signin.SignInProgress.counted(
                        com.fielddesk.desktop.signin.SignInProgress.Step.APPLYING_MIGRATIONS, 13, 13));
                progress.accept(com.fielddesk.desktop.signin.SignInProgress.counted(
                        com.fielddesk.desktop.signin.SignInProgress.Step.LOADING_DEMO_DATA, 41_500, 118_240));
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return started.start(progress);
        }

        @Override
        public void close() {
            started.close();
        }
    }

    /** The new-lead notice is up and its bar has finished sliding in (ControlsFX animates it). */
    private boolean notificationShown() {
        Node bar = node(".notification-bar");
        return node("#" + LeadsView.TOAST_ID).isVisible() && bar instanceof impl.org.controlsfx.skin.NotificationBar sliding
                && sliding.transition.get() >= 1.0;
    }

    /**
     * The window with its pop-ups (each a window of its own) drawn where they are on screen. Each
     * is its own snapshot: Xvfb has no compositor, so a screen capture shows a transparent pop-up
     * window as garbage, while the snapshots are exactly what JavaFX draws.
     */
    private void shootScreen(String name) throws IOException {
        Fx.run(() -> { });
        Fx.run(() -> { });
        BufferedImage window = image(Fx.read(() -> stage.getScene().snapshot(null)));
        java.awt.Graphics2D canvas = window.createGraphics();
        for (javafx.stage.Window popup : Fx.read(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()).toList())) {
            Node root = popup.getScene().getRoot();
            javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
            transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
            WritableImage drawn = Fx.read(() -> root.snapshot(transparent, null));
            javafx.geometry.Point2D corner = Fx.read(() -> root.localToScreen(root.getBoundsInLocal().getMinX(),
                    root.getBoundsInLocal().getMinY()));
            javafx.geometry.Point2D origin = Fx.read(() -> stage.getScene().getRoot().localToScreen(0, 0));
            canvas.drawImage(image(drawn), (int) Math.round(corner.getX() - origin.getX()),
                    (int) Math.round(corner.getY() - origin.getY()), null);
        }
        canvas.dispose();
        write(window, name);
    }

    /** A real conflict (the server changed a job title while this console's change was on its way) and a real rejection. */
    private void produceSyncIssues(ConsoleBackend backend) throws Exception {
        UUID contested = backend.tenants().job(backend.acme);
        UUID refused = backend.tenants().job(backend.acme);
        com.fielddesk.cache.repository.TableRepository jobs = window.currentSession().repositories().table("work_orders");
        Fx.waitUntil("the jobs are in the cache", WAIT,
                () -> jobs.get(contested.toString()).isPresent() && jobs.get(refused.toString()).isPresent());
        backend.changeJobTitleWhile(contested, "Replace furnace igniter", () -> {
            jobs.update(contested.toString(), java.util.Map.of("title", "Furnace igniter + filter"));
            jobs.update(refused.toString(), java.util.Map.of("title", ""));
        });
        Fx.waitUntil("two sync issues", WAIT, () -> ((Button) node("#" + ShellView.ISSUES_BUTTON_ID)).getText()
                .equals("2 sync issues"));
    }

    private javafx.scene.control.ListView<SearchResult> searchResults() {
        return lookup("#" + ShellView.SEARCH_RESULTS_ID);
    }

    private void shoot(String name) throws IOException {
        // Two pulses so layout and CSS of the last change are on screen before the snapshot.
        Fx.run(() -> { });
        Fx.run(() -> { });
        WritableImage image = Fx.read(() -> {
            Scene scene = stage.getScene();
            return scene.snapshot(null);
        });
        save(image, name);
    }

    private void save(WritableImage image, String name) throws IOException {
        write(image(image), name);
    }

    private static BufferedImage image(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return png;
    }

    private void write(BufferedImage png, String name) throws IOException {
        Path file = out.resolve(name + ".png");
        ImageIO.write(png, "png", file.toFile());
        System.out.println("saved " + file);
    }


    private void select(UUID lead) {
        Fx.waitUntil("lead " + lead + " in the pool", WAIT,
                () -> pool().getItems().stream().anyMatch(l -> l.id().value().equals(lead)));
        Fx.run(() -> pool().getItems().stream().filter(l -> l.id().value().equals(lead)).findFirst()
                .ifPresent(l -> pool().getSelectionModel().select(l)));
    }

    private TableView<Lead> pool() {
        return lookup("#" + LeadsView.POOL_TABLE_ID);
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String selector) {
        return (T) node(selector);
    }

    private Node node(String selector) {
        return stage.getScene() == null ? null : stage.getScene().getRoot().lookup(selector);
    }

    private String text(String selector) {
        Node node = node(selector);
        return node instanceof Label label && label.getText() != null ? label.getText() : "";
    }
}
