package com.fielddesk.domain.audit;

import com.fielddesk.cache.audit.AuditLogQuery;
import com.fielddesk.cache.audit.SupabaseAuditLogPort;
import com.fielddesk.cache.calls.RefusedCallException;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offline copy of the recent audit entries and the free-text filter, against a running
 * local-backend (real triggers, row security, the values_text column): what a supervisor's
 * console kept stays readable and filterable (person, record, text) with the server unreachable
 * and says it is the copy; a refresh adds only what is new and drops what left the window; the
 * server finds a text in the values (not in the field names), its % taken literally.
 */
class AuditOfflineCopyTest {

    private static final TestBackend BACKEND = TestBackend.shared();
    private static final String UNREACHABLE = "http://127.0.0.1:9";

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private TenantFixtures.Company company;
    private TestBackend.SignedInUser supervisor;
    private SupabaseClient supervisorClient;
    private UUID ada;
    private final AuditClients clients = new AuditClients(BACKEND);

    @BeforeEach
    void setUp() {
        company = BACKEND.tenants().company("Audit Offline Co " + UUID.randomUUID());
        supervisor = BACKEND.staff(company, "supervisor");
        ada = BACKEND.tenants().customer(company, "Ada Brennan");
        BACKEND.tenants().customer(company, "Bea Status");
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        pulled(database, "profiles",
                row("id", supervisor.id(), "company_id", company.id(), "role", "supervisor", "full_name", "Sam Super", "version", 1));
        supervisorClient = client(supervisor, BACKEND.url().toString());
        // An entry by the supervisor: Ada renamed (a % in the value, taken literally by the text filter).
        supervisorClient.from("customers").update(Map.of("full_name", "Ada 100% Brennan")).eq("id", ada).execute();
    }

    @AfterEach
    void close() {
        clients.close();
        database.close();
    }

    private SupabaseClient client(TestBackend.SignedInUser user, String url) {
        return clients.signedIn(user, url);
    }

    private AuditRepository audit(SupabaseClient client, Clock clock) {
        return new AuditRepository(new SupabaseAuditLogPort(client), new WitnessedHeads(database, Clock.systemUTC()), cache,
                new UserId(supervisor.id()), new AuditOfflineCopy(database), clock);
    }

    private static List<Long> seqs(AuditPage page) {
        return page.entries().stream().map(AuditEntry::seq).toList();
    }

    @Test
    void entriesSeenOnlineStayReadableAndFilterableOfflineAndSaySoTheCopy() {
        AuditRepository online = audit(supervisorClient, Clock.systemUTC());
        AuditRepository offline = audit(client(supervisor, UNREACHABLE), Clock.systemUTC());
        assertThatThrownBy(() -> offline.page(AuditFilter.everything(), Optional.empty(), 50))
                .as("no copy yet: the server's absence is said").isInstanceOfSatisfying(AuditUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuditUnavailableException.Reason.SERVER_UNREACHABLE));

        Instant before = Instant.now();
        AuditOfflineCopy.Range range = online.refreshOfflineCopy(Duration.ofDays(30)).orElseThrow();
        AuditPage server = online.page(AuditFilter.everything(), Optional.empty(), 50);
        assertThat(server.fromOfflineCopy()).isFalse();
        assertThat(range.completeSeq()).isEqualTo(server.entries().get(0).seq());
        assertThat(range.since()).isBetween(before.minus(Duration.ofDays(30)).minusSeconds(1), Instant.now().minus(Duration.ofDays(30)));

        AuditPage copy = offline.page(AuditFilter.everything(), Optional.empty(), 50);
        assertThat(copy.offlineSince()).contains(range.since());
        assertThat(copy.entries()).usingRecursiveFieldByFieldElementComparator().isEqualTo(server.entries());

        AuditPage adaOffline = offline.page(AuditFilter.everything().historyOf("customers", ada), Optional.empty(), 50);
        assertThat(adaOffline.entries()).extracting(AuditEntry::action).containsExactly("update", "insert");
        assertThat(adaOffline.entries().get(0).changes()).extracting(FieldChange::describe)
                .containsExactly("Full name: Ada Brennan → Ada 100% Brennan");
        assertThat(offline.page(AuditFilter.everything().by(supervisor.id()), Optional.empty(), 50).entries())
                .extracting(AuditEntry::recordId).containsExactly(Optional.of(ada));
        assertThat(seqs(offline.page(AuditFilter.everything().containing("BREnnan"), Optional.empty(), 50)))
                .isEqualTo(seqs(adaOffline));
        assertThat(seqs(offline.page(AuditFilter.everything().containing("100%"), Optional.empty(), 50)))
                .isEqualTo(seqs(adaOffline).subList(0, 1));
        assertThat(offline.page(AuditFilter.everything().containing("0%B"), Optional.empty(), 50).entries())
                .as("%% is a character, not a wildcard").isEmpty();
        AuditPage firstTwo = offline.page(AuditFilter.everything(), Optional.empty(), 2);
        assertThat(firstTwo.before()).isPresent();
        assertThat(seqs(offline.page(AuditFilter.everything(), firstTwo.before(), 50)))
                .isEqualTo(seqs(server).subList(2, server.entries().size()));
    }

    @Test
    void aRefreshAddsWhatIsNewAndDropsWhatLeftTheWindow() {
        AuditRepository online = audit(supervisorClient, Clock.systemUTC());
        online.refreshOfflineCopy(Duration.ofDays(30));
        UUID cy = BACKEND.tenants().customer(company, "Cy Newcomer");
        long newest = online.refreshOfflineCopy(Duration.ofDays(30)).orElseThrow().completeSeq();
        AuditRepository offline = audit(client(supervisor, UNREACHABLE), Clock.systemUTC());
        AuditPage copy = offline.page(AuditFilter.everything(), Optional.empty(), 50);
        assertThat(copy.entries().get(0).seq()).isEqualTo(newest);
        assertThat(copy.entries().get(0).recordId()).contains(cy);
        assertThat(seqs(copy)).isEqualTo(seqs(online.page(AuditFilter.everything(), Optional.empty(), 50)));

        Clock fortyDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(40)), ZoneOffset.UTC);
        AuditOfflineCopy.Range later = audit(supervisorClient, fortyDaysOn).refreshOfflineCopy(Duration.ofDays(30)).orElseThrow();
        assertThat(later.since()).isAfter(Instant.now());
        AuditPage trimmed = offline.page(AuditFilter.everything(), Optional.empty(), 50);
        assertThat(trimmed.fromOfflineCopy()).isTrue();
        assertThat(trimmed.entries()).as("everything is older than the window now").isEmpty();
    }

    @Test
    void theServerFindsATextInTheValuesNotInTheFieldNames() {
        AuditRepository online = audit(supervisorClient, Clock.systemUTC());
        AuditPage ada = online.page(AuditFilter.everything().historyOf("customers", this.ada), Optional.empty(), 50);
        assertThat(seqs(online.page(AuditFilter.everything().containing("brENNAN"), Optional.empty(), 50))).isEqualTo(seqs(ada));
        assertThat(seqs(online.page(AuditFilter.everything().containing("100%"), Optional.empty(), 50)))
                .isEqualTo(seqs(ada).subList(0, 1));
        assertThat(online.page(AuditFilter.everything().containing("0%B"), Optional.empty(), 50).entries()).isEmpty();
        assertThat(online.page(AuditFilter.everything().containing("full_name"), Optional.empty(), 50).entries())
                .as("field names are not values").isEmpty();
        assertThat(online.page(AuditFilter.everything().containing("Status"), Optional.empty(), 50).entries())
                .extracting(AuditEntry::recordName).hasSize(1);

        // With other filters, page by page (the server's search keeps the keyset), a text too short for trigrams.
        assertThat(seqs(online.page(AuditFilter.everything().containing("brennan").by(supervisor.id()), Optional.empty(), 50)))
                .isEqualTo(seqs(ada).subList(0, 1));
        AuditPage first = online.page(AuditFilter.everything().containing("Brennan"), Optional.empty(), 1);
        assertThat(seqs(first)).isEqualTo(seqs(ada).subList(0, 1));
        assertThat(seqs(online.page(AuditFilter.everything().containing("Brennan"), first.before(), 50)))
                .isEqualTo(seqs(ada).subList(1, 2));
        assertThat(seqs(online.page(AuditFilter.everything().containing("0%"), Optional.empty(), 50)))
                .isEqualTo(seqs(ada).subList(0, 1));
    }

    @Test
    void theServersTextSearchRefusesADispatcher() {
        TestBackend.SignedInUser dispatcher = BACKEND.staff(company, "dispatcher");
        assertThatThrownBy(() -> new SupabaseAuditLogPort(client(dispatcher, BACKEND.url().toString())).page(new AuditLogQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Brennan"), Optional.empty(), 50))).isInstanceOf(RefusedCallException.class);
    }

    @Test
    void aSyncThatTakesTheRoleAwayEmptiesTheCopyAndNothingOfItIsReadableOffline() {
        AuditRepository online = audit(supervisorClient, Clock.systemUTC());
        online.refreshOfflineCopy(Duration.ofDays(30));
        assertThat(offlineEntries()).isPositive();

        // A colleague's profile changing changes nothing.
        UUID colleague = UUID.randomUUID();
        pulled(database, "profiles", row("id", colleague, "company_id", company.id(), "role", "supervisor", "full_name", "Cole",
                "version", 1));
        pulled(database, "profiles", row("id", colleague, "company_id", company.id(), "role", "dispatcher", "full_name", "Cole",
                "version", 2));
        assertThat(offlineEntries()).isPositive();

        // The server made the supervisor a dispatcher; the next sync writes the profile.
        pulled(database, "profiles", row("id", supervisor.id(), "company_id", company.id(), "role", "dispatcher", "full_name",
                "Sam Super", "version", 2));
        assertThat(offlineEntries()).as("the copy is emptied by the profile's write").isZero();
        assertThat(online.offlineRange()).isEmpty();
        AuditRepository offline = audit(client(supervisor, UNREACHABLE), Clock.systemUTC());
        assertThatThrownBy(() -> offline.page(AuditFilter.everything(), Optional.empty(), 50))
                .isInstanceOfSatisfying(AuditUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuditUnavailableException.Reason.NOT_ALLOWED));

        // A refresh that was already under way keeps nothing for a dispatcher.
        new AuditOfflineCopy(database).keep(company.id(), supervisor.id(), List.of(new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("seq", 1).put("id", UUID.randomUUID().toString()).put("occurred_at", Instant.now().toString())
                .put("actor_role", "supervisor").put("action", "update").put("hash", "h")));
        new AuditOfflineCopy(database).completed(company.id(), supervisor.id(), Instant.now().minus(Duration.ofDays(30)), 1,
                Instant.now());
        assertThat(offlineEntries()).isZero();
        assertThat(online.offlineRange()).isEmpty();
    }

    private long offlineEntries() {
        return database.read(connection -> {
            try (var sql = connection.createStatement(); var rows = sql.executeQuery("select count(*) from audit_offline_entries")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
