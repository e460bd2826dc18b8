package com.fielddesk.desktop.messages;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.messages.InternalThreadId;
import com.fielddesk.domain.messages.MessagesRepository;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consoles of the same user mark the same internal thread read for the first time while
 * offline (the second one after a later note arrived): both pushes are applied, in either order,
 * with no sync issue; the server keeps one marker for the user and thread, with the later time,
 * and both consoles then count nothing unread.
 */
class ReadMarkersOfflineTwiceTest {

    private final TestBackend backend = TestBackend.shared();
    private final TenantFixtures tenants = backend.tenants();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void bothFirstMarkersConvergeOnTheLaterOneWithoutASyncIssue() throws Exception {
        TenantFixtures.Company company = tenants.company("Two Desks Co " + backend.uniqueEmail("c"));
        TestBackend.SignedInUser csr = backend.staff(company, "csr");
        TestBackend.SignedInUser colleague = backend.staff(company, "dispatcher");
        UUID thread = tenants.insertReturningId("insert into public.internal_threads (company_id, subject, created_by)"
                + " values (?, 'Van keys', ?) returning id", company.id(), colleague.id());
        note(company.id(), thread, colleague.id(), "Who has the van keys?", "2026-12-05T09:00:00Z");

        Desk laptop = desk("laptop", csr);
        Desk office = desk("office", csr);
        laptop.engine.syncOnce(progress -> { });
        office.engine.syncOnce(progress -> { });
        // The laptop goes offline and reads the thread; a later note arrives; the office PC gets it,
        // goes offline and reads the thread too. Neither has a marker yet: both insert one.
        laptop.messages.markRead(new InternalThreadId(thread));
        note(company.id(), thread, colleague.id(), "Found them.", "2026-12-05T09:05:00Z");
        office.engine.syncOnce(progress -> { });
        office.messages.markRead(new InternalThreadId(thread));
        assertThat(laptop.engine.status().snapshot().pendingCount()).isEqualTo(1);
        assertThat(office.engine.status().snapshot().pendingCount()).isEqualTo(1);

        // The later marker reaches the server first, then the earlier one: the later time stays.
        office.engine.syncOnce(progress -> { });
        laptop.engine.syncOnce(progress -> { });
        office.engine.syncOnce(progress -> { });

        for (Desk desk : List.of(laptop, office)) {
            assertThat(desk.engine.status().snapshot().quarantined()).as(desk.name + ": no sync issue").isEmpty();
            assertThat(desk.engine.status().snapshot().conflicts()).as(desk.name + ": no conflict").isEmpty();
            assertThat(desk.engine.status().snapshot().pendingCount()).as(desk.name + ": nothing left to send").isZero();
            assertThat(desk.messages.internalUnreadTotal()).as(desk.name + ": nothing unread").isZero();
        }
        assertThat(serverMarkers(thread, csr.id())).containsExactly(Instant.parse("2026-12-05T09:05:00Z"));

        // And the other way round, on a thread where the earlier marker arrives first.
        UUID second = tenants.insertReturningId("insert into public.internal_threads (company_id, subject, created_by)"
                + " values (?, 'Ladder', ?) returning id", company.id(), colleague.id());
        note(company.id(), second, colleague.id(), "Ladder is in van 2.", "2026-12-05T10:00:00Z");
        laptop.engine.syncOnce(progress -> { });
        office.engine.syncOnce(progress -> { });
        laptop.messages.markRead(new InternalThreadId(second));
        note(company.id(), second, colleague.id(), "No, van 3.", "2026-12-05T10:05:00Z");
        office.engine.syncOnce(progress -> { });
        office.messages.markRead(new InternalThreadId(second));
        laptop.engine.syncOnce(progress -> { });
        office.engine.syncOnce(progress -> { });
        laptop.engine.syncOnce(progress -> { });

        for (Desk desk : List.of(laptop, office)) {
            assertThat(desk.engine.status().snapshot().quarantined()).as(desk.name + ": no sync issue").isEmpty();
            assertThat(desk.messages.internalUnreadTotal()).as(desk.name + ": nothing unread").isZero();
        }
        assertThat(serverMarkers(second, csr.id())).containsExactly(Instant.parse("2026-12-05T10:05:00Z"));
    }

    private record Desk(String name, SyncEngine engine, MessagesRepository messages) {
    }

    private Desk desk(String name, TestBackend.SignedInUser user) throws Exception {
        SupabaseClient client = new SupabaseClient(SupabaseConfig.of(backend.url().toString(), backend.anonKey()),
                new InMemorySessionStore());
        opened.add(client);
        client.auth().signInWithPassword(user.email(), user.password());
        CacheDatabase cache = CacheDatabase.open(folder.resolve(name).resolve("cache.sqlite"));
        opened.add(cache);
        SyncEngine engine = new SyncEngine(cache, new SupabaseRemoteTables(client), Clock.systemUTC(), SyncSettings.defaults(),
                RandomGenerator.getDefault());
        opened.add(engine);
        return new Desk(name, engine, new MessagesRepository(engine.cache(), new UserId(user.id()), Clock.systemUTC()));
    }

    private void note(UUID company, UUID thread, UUID author, String body, String at) {
        tenants.insertReturningId("insert into public.internal_messages (company_id, internal_thread_id, author_id, body, created_at)"
                + " values (?, ?, ?, ?, ?::timestamptz) returning id", company, thread, author, body, at);
    }

    private List<Instant> serverMarkers(UUID thread, UUID user) throws SQLException {
        List<Instant> markers = new ArrayList<>();
        try (Connection connection = backend.admin().getConnection(); PreparedStatement query = connection.prepareStatement(
                "select read_at from public.internal_thread_reads where internal_thread_id = ? and user_id = ?")) {
            query.setObject(1, thread);
            query.setObject(2, user);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    markers.add(rows.getTimestamp(1).toInstant());
                }
            }
        }
        return markers;
    }
}
