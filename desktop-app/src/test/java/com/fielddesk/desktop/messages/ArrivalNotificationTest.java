package com.fielddesk.desktop.messages;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.shell.CachedSearch;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.ShellViewModel;
import com.fielddesk.desktop.testing.NoRefusedMessages;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.NoSyncIssueActions;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.material2.Material2MZ;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's message or a colleague's note that the sync brings in is announced by the shell on
 * whatever screen the user is (here another section), and its button opens the thread in
 * Messages; the history a first sync brings in, the user's own notes and messages already read are not news.
 */
class ArrivalNotificationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private final UUID csr = UUID.randomUUID();
    private final UUID colleague = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID job = UUID.randomUUID();
    private final UUID customerThread = UUID.randomUUID();
    private final UUID internalThread = UUID.randomUUID();
    private final Instant opened = Instant.now();
    private CacheDatabase cache;
    private ExecutorService background;
    private SectionNavigator navigator;
    private Parent root;

    @BeforeEach
    void showTheShellOnAnotherSection() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(
                row("id", csr, "company_id", COMPANY, "role", "csr", "full_name", "Casey CSR"),
                row("id", colleague, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź")));
        CacheRows.write(cache, "work_orders", List.of(row("id", job, "company_id", COMPANY, "stage", "job", "number", 42,
                "title", "Boiler", "status", "scheduled", "customer_id", customer, "priority", "normal")));
        CacheRows.write(cache, "customer_threads", List.of(row("id", customerThread, "company_id", COMPANY, "work_order_id", job,
                "customer_id", customer, "subject", "Boiler visit", "last_message_at", "2026-12-01T10:00:00Z")));
        CacheRows.write(cache, "internal_threads", List.of(row("id", internalThread, "company_id", COMPANY,
                "subject", "Parts for #42", "created_by", colleague, "last_message_at", "2026-12-01T10:00:00Z")));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(csr), Clock.systemUTC());
        background = Executors.newSingleThreadExecutor();
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            SyncState sync = new SyncState(true);
            ChangeSource changes = ChangeSource.of(repositories);
            ShellViewModel shell = new ShellViewModel(csr, "casey@acme.test", repositories.table("profiles"),
                    repositories.table("companies"), new CachedSearch(new LocalCache(cache, new Outbox(), Clock.systemUTC())),
                    changes, new NoSyncIssueActions(), sync, tasks, Clock.systemUTC());
            Feature home = Feature.section("home", "Home").group("Work").icon(Material2MZ.WORK).visibleTo(Role.OFFICE_STAFF)
                    .screen(context -> FeatureScreen.of(new Label("Somewhere else"), () -> { }, () -> { }));
            navigator = new SectionNavigator(List.of(home, MessagesFeature.feature(messages, new NoRefusedMessages())));
            FeatureContext context = new FeatureContext(repositories, changes, tasks, sync,
                    new ViewSettings(folder.resolve("console.properties")), Clock.systemUTC(),
                    Formats.forCompanyZone("America/New_York"), navigator, Chime.SILENT);
            navigator.start(feature -> feature.create(context), null);
            root = (Parent) new ShellView(shell, navigator, () -> { }, () -> { }).node();
            navigator.arrivals().start(changes, tasks, opened);
            stage.setScene(new Scene(root, 1000, 600));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> navigator.close());
        FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void aCustomersMessageIsAnnouncedOnAnotherScreenAndItsButtonOpensTheThread() {
        assertThat(Fx.read(() -> navigator.currentProperty().get().id())).isEqualTo("home");
        // History (written before the console opened) and the user's own note arrive first: not news.
        CacheRows.write(cache, "customer_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_thread_id", customerThread, "sender_kind", "customer", "body", "Old question",
                "created_at", opened.minusSeconds(3_600).toString())));
        CacheRows.write(cache, "internal_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "internal_thread_id", internalThread, "author_id", csr, "body", "My own note",
                "created_at", opened.plusSeconds(1).toString())));
        // Then the customer writes, and the sync brings it in.
        CacheRows.write(cache, "customer_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_thread_id", customerThread, "sender_kind", "customer", "body", "Is 10 still ok?",
                "created_at", opened.plusSeconds(2).toString())));

        Fx.waitUntil("the notification names the customer and the message", DEADLINE,
                () -> arrivalShowing() && arrivalText().equals("New message from Zoë Łódź: Is 10 still ok?"));
        assertThat(Fx.read(() -> navigator.currentProperty().get().id())).as("the user was not moved").isEqualTo("home");

        Fx.run(() -> ((Button) root.lookup("#" + ShellView.ARRIVAL_ID)).fire());
        Fx.waitUntil("Messages shows the thread, read", DEADLINE, () -> !arrivalShowing()
                && Fx.read(() -> navigator.currentProperty().get().id()).equals(MessagesFeature.ID)
                && customerMessages().stream().anyMatch(message -> message.body().equals("Is 10 still ok?"))
                && navText().equals("Messages"));
    }

    @Test
    void aColleaguesNoteIsAnnouncedAndCanBeDismissed() {
        CacheRows.write(cache, "internal_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "internal_thread_id", internalThread, "author_id", colleague, "body", "Valve is back-ordered.",
                "created_at", opened.plusSeconds(5).toString())));
        Fx.waitUntil("the note is announced with its author and thread", DEADLINE, () -> arrivalShowing()
                && arrivalText().equals("Internal note from Dana Dispatcher (Parts for #42): Valve is back-ordered."));

        Fx.run(() -> ((Button) root.lookup("#" + ShellView.ARRIVAL_CLOSE_ID)).fire());
        assertThat(arrivalShowing()).isFalse();
        assertThat(Fx.read(() -> navigator.currentProperty().get().id())).isEqualTo("home");
    }

    private boolean arrivalShowing() {
        return Fx.read(() -> {
            Node panel = root.lookup("#" + ShellView.ARRIVAL_ID).getParent();
            return panel.isVisible();
        });
    }

    private String arrivalText() {
        return Fx.read(() -> ((Button) root.lookup("#" + ShellView.ARRIVAL_ID)).getText());
    }

    @SuppressWarnings("unchecked")
    private List<CustomerMessage> customerMessages() {
        return Fx.read(() -> {
            Node list = root.lookup("#customer-messages");
            return list == null ? List.of() : List.copyOf(((ListView<CustomerMessage>) list).getItems());
        });
    }

    /** The navigation item: "Messages (1)" while the message is unread. */
    private String navText() {
        return Fx.read(() -> ((javafx.scene.control.Labeled) root.lookup("#" + ShellView.NAV_PREFIX + MessagesFeature.ID)).getText());
    }
}
