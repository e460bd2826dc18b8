package com.fielddesk.desktop.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.CustomerThreadSummary;
import com.fielddesk.domain.messages.InternalMessage;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messages section on a real SQLite cache: the customer inbox and its unread count, opening a
 * thread marks it read, a reply is queued and shows as pending in the customer's thread, and a note
 * in the internal inbox stays there — never in the customer's thread.
 */
class MessagesFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private ExecutorService background;
    private SectionNavigator navigator;
    private Parent root;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> navigator.close());
        FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void twoInboxesThatNeverMix() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", "csr",
                "full_name", "Casey CSR")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź")));
        UUID job = UUID.randomUUID();
        UUID customerThread = UUID.randomUUID();
        UUID staffThread = UUID.randomUUID();
        CacheRows.write(cache, "work_orders", List.of(row("id", job, "company_id", COMPANY, "stage", "job", "number", 42,
                "title", "Boiler", "status", "scheduled", "customer_id", customer, "priority", "normal")));
        CacheRows.write(cache, "customer_threads", List.of(row("id", customerThread, "company_id", COMPANY, "work_order_id", job,
                "customer_id", customer, "subject", "Boiler visit", "last_message_at", "2026-12-05T10:00:00Z")));
        CacheRows.write(cache, "customer_messages", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY,
                "customer_thread_id", customerThread, "sender_kind", "customer", "body", "Can you come at 10?",
                "created_at", "2026-12-05T10:00:00Z")));
        CacheRows.write(cache, "internal_threads", List.of(row("id", staffThread, "company_id", COMPANY, "work_order_id", job,
                "subject", "Parts for #42", "created_by", dispatcher, "last_message_at", "2026-12-05T09:00:00Z")));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        MessagesRepository messages = new MessagesRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher), Clock.systemUTC());
        background = Executors.newSingleThreadExecutor();
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            com.fielddesk.desktop.app.feature.Feature section = MessagesFeature.feature(messages);
            navigator = new SectionNavigator(List.of(section));
            FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(true),
                    new ViewSettings(folder.resolve("console.properties")), Clock.systemUTC(),
                    Formats.forCompanyZone("America/New_York"), navigator, Chime.SILENT);
            navigator.start(feature -> feature.create(context), null);
            navigator.show(MessagesFeature.ID);
            root = new StackPane(navigator.screen(section).node());
            stage.setScene(new Scene(root, 1280, 720));
            stage.show();
        });

        Fx.waitUntil("the customer thread with its unread message", DEADLINE, () -> text("#messages-unread")
                .equals("1 unread customer message") && customerThreads().size() == 1);
        assertThat(text("#customer-audience")).isEqualTo("The customer will see this");
        assertThat(text("#internal-audience")).isEqualTo("Staff only — customers never see this");

        Fx.run(() -> customerThreadList().getSelectionModel().selectFirst());
        Fx.waitUntil("opened and read", DEADLINE, () -> customerMessages().size() == 1
                && text("#messages-unread").equals("No unread customer messages"));
        Fx.run(() -> {
            ((TextArea) root.lookup("#customer-reply")).setText("10 works, see you then!");
            ((Button) root.lookup("#customer-send")).fire();
        });
        Fx.waitUntil("the reply is in the customer's thread, pending", DEADLINE, () -> customerMessages().size() == 2
                && customerMessages().get(1).pending() && customerMessages().get(1).body().equals("10 works, see you then!"));

        Fx.run(() -> internalThreadList().getSelectionModel().selectFirst());
        Fx.run(() -> {
            ((TextArea) root.lookup("#internal-reply")).setText("Valve is back-ordered.");
            ((Button) root.lookup("#internal-send")).fire();
        });
        Fx.waitUntil("the note is in the internal thread", DEADLINE, () -> internalMessages().stream()
                .anyMatch(message -> message.body().equals("Valve is back-ordered.")));
        assertThat(customerMessages()).extracting(CustomerMessage::body).doesNotContain("Valve is back-ordered.");
    }

    private static ObjectNode row(Object... columnsAndValues) {
        ObjectNode row = Json.object();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set((String) columnsAndValues[i], Json.toNode(columnsAndValues[i + 1]));
        }
        row.put("version", 1);
        return row;
    }

    @SuppressWarnings("unchecked")
    private ListView<CustomerThreadSummary> customerThreadList() {
        return (ListView<CustomerThreadSummary>) root.lookup("#customer-threads");
    }

    @SuppressWarnings("unchecked")
    private ListView<Object> internalThreadList() {
        return (ListView<Object>) root.lookup("#internal-threads");
    }

    private List<CustomerThreadSummary> customerThreads() {
        return Fx.read(() -> List.copyOf(customerThreadList().getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<CustomerMessage> customerMessages() {
        return Fx.read(() -> List.copyOf(((ListView<CustomerMessage>) root.lookup("#customer-messages")).getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<InternalMessage> internalMessages() {
        return Fx.read(() -> List.copyOf(((ListView<InternalMessage>) root.lookup("#internal-messages")).getItems()));
    }

    private String text(String selector) {
        return Fx.read(() -> root.lookup(selector) instanceof Label label ? label.getText() : "");
    }
}
