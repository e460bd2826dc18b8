package com.fielddesk.desktop.jobs;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.shell.CachedSearch;
import com.fielddesk.desktop.shell.SearchResult;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.ShellViewModel;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.NoSyncIssueActions;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl+K through the real shell, with the real Sales → Jobs and Sales → Quotes sections over a real
 * SQLite cache: one search finds a job and a quote with the same word, each under its own heading,
 * and Enter on the quote opens it in Quotes (not in Jobs, where a quote is not listed), a job in Jobs.
 */
class QuoteFromSearchTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private CacheDatabase cache;
    private ExecutorService background;
    private ShellViewModel shell;
    private SectionNavigator navigator;
    private Parent root;

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> {
            navigator.close();
            shell.close();
        });
        FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void aQuoteFoundWithCtrlKOpensInQuotesAndAJobInJobs() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher",
                "full_name", "Dana Dispatcher")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
        CacheRows.write(cache, "work_orders", List.of(
                row("id", UUID.randomUUID(), "company_id", COMPANY, "stage", "quote", "number", 7L, "title", "Heat pump install",
                        "quote_status", "sent", "customer_id", customer, "priority", "normal", "total", "12000",
                        "created_at", "2026-12-01T10:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "stage", "job", "number", 8L, "title", "Heat pump service",
                        "status", "unscheduled", "customer_id", customer, "priority", "normal",
                        "created_at", "2026-12-01T10:00:00Z")));
        showShell();

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        Fx.waitUntil("the search panel is open", DEADLINE, () -> root.lookup("#" + ShellView.SEARCH_PANEL_ID).isVisible());
        Fx.run(() -> ((TextField) root.lookup("#" + ShellView.SEARCH_FIELD_ID)).setText("heat pump"));
        Fx.waitUntil("the job and the quote are found, each as what it is", DEADLINE, () -> results().stream()
                .map(result -> result.kind() + " " + result.title()).toList()
                .equals(List.of("JOB #8 Heat pump service", "QUOTE #7 Heat pump install")));

        choose(1);
        Fx.waitUntil("the quote is open in Sales → Quotes", DEADLINE,
                () -> navigator.currentProperty().get().id().equals(JobsFeature.QUOTES_ID)
                        && text("#job-title").equals("Quote #7 · Heat pump install"));
        assertThat(Fx.read(() -> root.lookup("#" + ShellView.SEARCH_PANEL_ID).isVisible())).as("the panel closed").isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        Fx.waitUntil("the search panel is open again", DEADLINE, () -> root.lookup("#" + ShellView.SEARCH_PANEL_ID).isVisible()
                && results().size() == 2);
        choose(0);
        Fx.waitUntil("the job is open in Sales → Jobs", DEADLINE,
                () -> navigator.currentProperty().get().id().equals(JobsFeature.ID)
                        && text("#job-title").equals("Job #8 · Heat pump service"));
    }

    /** Selects the result in the list and presses Enter on it, as a dispatcher would. */
    private void choose(int index) {
        Fx.run(() -> {
            @SuppressWarnings("unchecked")
            ListView<SearchResult> list = (ListView<SearchResult>) root.lookup("#" + ShellView.SEARCH_RESULTS_ID);
            list.requestFocus();
            list.getSelectionModel().select(index);
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    }

    private void showShell() throws Exception {
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        background = Executors.newSingleThreadExecutor();
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        LocalCache local = new LocalCache(cache, new Outbox(), Clock.systemUTC());
        WorkOrderRepository jobs = new WorkOrderRepository(local, new UserId(dispatcher));
        CustomerRepository customers = new CustomerRepository(local, new UserId(dispatcher));
        MessagesRepository messages = new MessagesRepository(local, new UserId(dispatcher), Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            shell = new ShellViewModel(dispatcher, "dana@acme.test", repositories.table("profiles"), repositories.table("companies"),
                    new CachedSearch(local), ChangeSource.of(repositories), new NoSyncIssueActions(), new SyncState(true),
                    tasks, Clock.systemUTC());
            navigator = new SectionNavigator(List.of(JobsFeature.feature(jobs, customers, messages),
                    JobsFeature.quotes(jobs, customers, messages)));
            FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(true),
                    new ViewSettings(folder.resolve("console.properties")), Clock.system(ZONE),
                    Formats.forCompanyZone(ZONE.getId()), navigator, Chime.SILENT);
            navigator.start(feature -> feature.create(context), null);
            ShellView view = new ShellView(shell, navigator, () -> { }, () -> { });
            root = (Parent) view.node();
            stage.setScene(new Scene(root, 1280, 720));
            stage.show();
            shell.start();
        });
        assertThat(Fx.read(() -> navigator.canOpen(RecordKind.QUOTE))).isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<SearchResult> results() {
        ListView<SearchResult> list = (ListView<SearchResult>) root.lookup("#" + ShellView.SEARCH_RESULTS_ID);
        return list == null ? List.of() : List.copyOf(list.getItems());
    }

    private String text(String selector) {
        return Fx.read(() -> root.lookup(selector) instanceof Label label ? label.getText() : "");
    }
}
