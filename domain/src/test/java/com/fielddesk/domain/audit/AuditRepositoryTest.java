package com.fielddesk.domain.audit;

import com.fielddesk.cache.audit.SupabaseAuditLogPort;
import com.fielddesk.cache.audit.WitnessedHeads;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log read from a running local-backend (real migrations, real triggers, real row
 * security) as a supervisor and as a dispatcher, page by page, in words — and a history rewritten
 * by a database superuser with every hash recomputed, which the server's own check cannot see and
 * the witnessed heads do.
 */
class AuditRepositoryTest {

    private static final TestBackend BACKEND = TestBackend.shared();

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private TenantFixtures.Company company;
    private TestBackend.SignedInUser supervisor;
    private TestBackend.SignedInUser dispatcher;
    private final AuditClients clients = new AuditClients(BACKEND);

    @BeforeEach
    void setUp() {
        company = BACKEND.tenants().company("Audit Co " + UUID.randomUUID());
        supervisor = BACKEND.staff(company, "supervisor");
        dispatcher = BACKEND.staff(company, "dispatcher");
        for (int i = 1; i <= 5; i++) {
            BACKEND.tenants().customer(company, "Customer " + i);
        }
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        pulled(database, "profiles",
                row("id", supervisor.id(), "company_id", company.id(), "role", "supervisor", "full_name", "Sam Super", "version", 1),
                row("id", dispatcher.id(), "company_id", company.id(), "role", "dispatcher", "full_name", "Dana", "version", 1));
    }

    @AfterEach
    void close() {
        clients.close();
        database.close();
    }

    private AuditRepository as(TestBackend.SignedInUser user, String url) {
        SupabaseClient client = clients.signedIn(user, url);
        return new AuditRepository(new SupabaseAuditLogPort(client), new WitnessedHeads(database, Clock.systemUTC()), cache,
                new UserId(user.id()), new AuditOfflineCopy(database), Clock.systemUTC());
    }

    private long entriesOnTheServer() {
        try (Connection connection = BACKEND.admin().getConnection();
             var count = connection.prepareStatement("select count(*) from public.audit_log where company_id = ?")) {
            count.setObject(1, company.id());
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSupervisorReadsEveryEntryOncePageByPageInWordsAndTheChainIsIntact() {
        AuditRepository audit = as(supervisor, BACKEND.url().toString());
        List<Long> seen = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        do {
            AuditPage page = audit.page(AuditFilter.everything(), before, 2);
            page.entries().forEach(entry -> seen.add(entry.seq()));
            before = page.before();
        } while (before.isPresent());
        assertThat(seen).as("newest first, none skipped or repeated").isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates().hasSize((int) entriesOnTheServer());

        AuditPage customers = audit.page(AuditFilter.everything().recordType("customers").action("insert"), Optional.empty(), 50);
        assertThat(customers.entries()).hasSize(5).allSatisfy(entry -> assertThat(entry.changes())
                .anySatisfy(change -> assertThat(change.describe()).startsWith("Full name: Customer ")));

        assertThat(audit.verify()).isInstanceOfSatisfying(ChainCheck.Intact.class, intact -> {
            assertThat(intact.entries()).isEqualTo(entriesOnTheServer());
            assertThat(intact.witnessedHeads()).as("the first entry of each page read").isPositive();
            assertThat(intact.sentence()).startsWith("All ");
        });
    }

    @Test
    void aHistoryRewrittenWithEveryHashRecomputedIsCaughtByTheWitnessedHead() throws Exception {
        AuditRepository audit = as(supervisor, BACKEND.url().toString());
        audit.page(AuditFilter.everything(), Optional.empty(), 10);     // this computer sees the head

        try (Connection connection = BACKEND.admin().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local session_replication_role = replica");
            statement.execute("""
                    do $$
                    declare
                      e public.audit_log;
                      previous text := null;
                    begin
                      update public.audit_log set new_values = jsonb_set(new_values, '{full_name}', '"Mallory"')
                       where company_id = '%s' and seq = (select min(seq) from public.audit_log
                                                           where company_id = '%s' and table_name = 'customers');
                      for e in select * from public.audit_log where company_id = '%s' order by seq loop
                        e.prev_hash := previous;
                        e.hash := private.audit_hash(e);
                        update public.audit_log set prev_hash = e.prev_hash, hash = e.hash where id = e.id;
                        previous := e.hash;
                      end loop;
                    end $$""".replace("%s", company.id().toString()));
            connection.commit();
        }

        ChainCheck check = audit.verify();
        assertThat(check).isInstanceOfSatisfying(ChainCheck.Rewritten.class, rewritten ->
                assertThat(rewritten.sentence()).startsWith("The log was rewritten after this computer saw it"));
    }

    @Test
    void aDispatcherIsToldWhyAndAnUnreachableServerSaysSo() {
        assertThatThrownBy(() -> as(dispatcher, BACKEND.url().toString()).page(AuditFilter.everything(), Optional.empty(), 10))
                .isInstanceOfSatisfying(AuditUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuditUnavailableException.Reason.NOT_ALLOWED);
                    assertThat(e.getMessage()).isEqualTo("Only supervisors and admins can read the audit log.");
                });
        assertThatThrownBy(() -> as(supervisor, "http://127.0.0.1:9").page(AuditFilter.everything(), Optional.empty(), 10))
                .isInstanceOfSatisfying(AuditUnavailableException.class, e ->
                        assertThat(e.reason()).isEqualTo(AuditUnavailableException.Reason.SERVER_UNREACHABLE));
    }

    @Test
    void aChangeReadsFieldByFieldInWords() {
        var before = com.fielddesk.cache.store.Json.parse("{\"status\":\"scheduled\",\"title\":\"Boiler\",\"version\":3}");
        var after = com.fielddesk.cache.store.Json.parse("{\"status\":\"en_route\",\"title\":\"Boiler\",\"version\":4}");
        assertThat(AuditRepository.changes(before, after)).extracting(FieldChange::describe)
                .containsExactly("Status: Scheduled → En route");
    }
}
