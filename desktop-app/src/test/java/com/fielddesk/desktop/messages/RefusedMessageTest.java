package com.fielddesk.desktop.messages;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.messages.CustomerMessage;
import com.fielddesk.domain.messages.CustomerThreadSummary;
import com.fielddesk.domain.messages.MessagesRepository;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply the server really refuses — its thread was deleted on the server meanwhile — through the
 * real sync engine and a running local-backend: the thread shows it as "Not sent: <why>" with
 * Resend and Discard; Resend queues the same change again (once the thread is back, it is sent,
 * one row on the server); Discard removes it from this computer and the queue. The sync-issues
 * list (the engine's quarantined changes) agrees with the thread at every step.
 */
class RefusedMessageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String GONE = "Not sent: This refers to a record that no longer exists.";

    private final TestBackend backend = TestBackend.shared();
    private final TenantFixtures tenants = backend.tenants();

    @TempDir
    Path folder;

    private SupabaseClient client;
    private CacheDatabase cache;
    private SyncEngine engine;
    private SectionUnderTest section;

    @AfterEach
    void close() throws Exception {
        if (section != null) {
            section.close();
        }
        engine.close();
        client.close();
        cache.close();
    }

    @Test
    void aRefusedReplySaysWhyInItsThreadAndIsResentOnceOrDiscarded() throws Exception {
        TenantFixtures.Company company = tenants.company("Refused Messages Co " + backend.uniqueEmail("c"));
        TestBackend.SignedInUser csr = backend.staff(company, "csr");
        UUID customer = tenants.customer(company, "Zoë Łódź");
        UUID job = tenants.insertReturningId("insert into public.work_orders (company_id, stage, title, customer_id)"
                + " values (?, 'job', 'Boiler', ?) returning id", company.id(), customer);
        UUID thread = tenants.insertReturningId("insert into public.customer_threads (company_id, work_order_id, customer_id,"
                + " subject) values (?, ?, ?, 'Boiler visit') returning id", company.id(), job, customer);
        client = new SupabaseClient(SupabaseConfig.of(backend.url().toString(), backend.anonKey()), new InMemorySessionStore());
        client.auth().signInWithPassword(csr.email(), csr.password());
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        engine = new SyncEngine(cache, new SupabaseRemoteTables(client), Clock.systemUTC(), SyncSettings.defaults(),
                RandomGenerator.getDefault());
        engine.syncOnce(progress -> { });
        MessagesRepository messages = new MessagesRepository(engine.cache(), new UserId(csr.id()), Clock.systemUTC());
        section = SectionUnderTest.show(MessagesFeature.feature(messages, new RefusedMessages() {
            @Override
            public void resend(UUID change) {
                engine.retryQuarantined(change);
            }

            @Override
            public void discard(UUID change) throws Exception {
                engine.dismissQuarantined(change);
            }
        }), cache, folder);
        Fx.waitUntil("the thread in the inbox", DEADLINE, () -> threads().size() == 1);
        Fx.run(() -> threadList().getSelectionModel().selectFirst());
        assertThat(Fx.read(() -> section.lookup("#customer-not-sent").getParent().isVisible())).isFalse();

        // Deleted on the server while this console still shows it: the reply refers to nothing there.
        deleteThreadOnServer(thread);
        reply("10 works, see you then!");
        engine.syncOnce(progress -> { });
        Fx.waitUntil("the reply says why it was not sent", DEADLINE, () -> section.text("#customer-not-sent")
                .equals(GONE + " — “10 works, see you then!”"));
        CustomerMessage refused = messagesShown().get(0);
        assertThat(refused.pending()).isTrue();
        assertThat(refused.refusal()).isPresent();
        assertThat(engine.status().snapshot().quarantined()).singleElement()
                .satisfies(issue -> assertThat(issue.mutationId()).isEqualTo(refused.refusal().get().change()));
        Button resend = (Button) section.lookup("#customer-resend");
        Button discard = (Button) section.lookup("#customer-discard");
        assertThat(Fx.read(() -> List.of(resend.getText(), discard.getText(), resend.isMnemonicParsing(),
                resend.isFocusTraversable(), discard.isFocusTraversable()))).containsExactly("_Resend", "_Discard", true, true, true);

        // Back on the server (restored), Resend sends the same change again: once, one row.
        restoreThreadOnServer(thread, company.id(), job, customer);
        Fx.run(resend::fire);
        Fx.waitUntil("queued again, no longer refused", DEADLINE, () -> !section.lookup("#customer-not-sent").getParent().isVisible()
                && messagesShown().size() == 1 && messagesShown().get(0).pending() && messagesShown().get(0).refusal().isEmpty());
        assertThat(engine.status().snapshot().quarantined()).isEmpty();
        engine.syncOnce(progress -> { });
        Fx.waitUntil("sent", DEADLINE, () -> messagesShown().size() == 1 && !messagesShown().get(0).pending()
                && messagesShown().get(0).sentAt().isPresent());
        assertThat(serverCount("select count(*) from public.customer_messages where id = ?", refused.id())).isEqualTo(1);

        // Refused again (the thread gone once more): Discard drops it here and from the queue.
        deleteThreadOnServer(thread);
        reply("Or 11 if that is better?");
        engine.syncOnce(progress -> { });
        Fx.waitUntil("the second reply refused", DEADLINE, () -> section.text("#customer-not-sent")
                .equals(GONE + " — “Or 11 if that is better?”"));
        UUID second = messagesShown().get(1).id();
        assertThat(messagesShown().get(1).refusal()).isPresent();
        Fx.run(discard::fire);
        Fx.waitUntil("discarded", DEADLINE, () -> messagesShown().size() == 1
                && !section.lookup("#customer-not-sent").getParent().isVisible());
        assertThat(engine.status().snapshot().quarantined()).isEmpty();
        assertThat(engine.status().snapshot().pendingCount()).isZero();
        assertThat(serverCount("select count(*) from public.customer_messages where id = ?", second)).isZero();
        assertThat(section.text("#messages-notice")).isEmpty();
    }

    private void reply(String text) {
        Fx.run(() -> {
            ((TextArea) section.lookup("#customer-reply")).setText(text);
            ((Button) section.lookup("#customer-send")).fire();
        });
        Fx.waitUntil("the reply is in the thread", DEADLINE, () -> messagesShown().stream()
                .anyMatch(message -> message.body().equals(text)));
    }

    private void deleteThreadOnServer(UUID thread) {
        backend.sql("delete from public.customer_messages where customer_thread_id = '" + thread + "'",
                "delete from public.customer_threads where id = '" + thread + "'");
    }

    private void restoreThreadOnServer(UUID thread, UUID company, UUID job, UUID customer) {
        tenants.insertReturningId("insert into public.customer_threads (id, company_id, work_order_id, customer_id, subject)"
                + " values (?, ?, ?, ?, 'Boiler visit') returning id", thread, company, job, customer);
    }

    private long serverCount(String sql, UUID id) throws SQLException {
        try (Connection connection = backend.admin().getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private ListView<CustomerThreadSummary> threadList() {
        return (ListView<CustomerThreadSummary>) section.lookup("#customer-threads");
    }

    private List<CustomerThreadSummary> threads() {
        return Fx.read(() -> List.copyOf(threadList().getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<CustomerMessage> messagesShown() {
        return Fx.read(() -> List.copyOf(((ListView<CustomerMessage>) section.lookup("#customer-messages")).getItems()));
    }
}
