package com.fielddesk.cache.calls;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.FaultProxy;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.LEAD_POOL;
import static com.fielddesk.cache.query.CacheTables.SERVICE_REQUESTS;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claim and decline over HTTP against a running local-backend, through a proxy that can take it away. */
class ServerFunctionsTest {

    @TempDir
    Path folder;

    private TestBackend backend;
    private TenantFixtures tenants;
    private String postalCode;
    private TenantFixtures.Company rival;
    private FaultProxy proxy;
    private SupabaseClient client;
    private CacheDatabase database;
    private SyncEngine engine;
    private ServerFunctions functions;

    @BeforeEach
    void signIn() throws Exception {
        backend = TestBackend.shared();
        tenants = backend.tenants();
        postalCode = "S" + UUID.randomUUID().toString().substring(0, 6);
        TenantFixtures.Company mine = tenants.company("Mine " + postalCode,
                TenantFixtures.LeadPreferences.serving("hvac", postalCode));
        rival = tenants.company("Rival " + postalCode, TenantFixtures.LeadPreferences.serving("hvac", postalCode));
        TestBackend.SignedInUser me = backend.staff(mine, "dispatcher");
        proxy = new FaultProxy(backend.url(), 1);
        client = signedIn(proxy.url(), me);
        database = CacheDatabase.open(folder.resolve("cache.db"));
        engine = new SyncEngine(database, new SupabaseRemoteTables(client), Clock.systemUTC(),
                SyncSettings.defaults().withWatchInterval(Duration.ofMinutes(10)), new SplittableRandom(1));
        functions = engine.serverFunctions(new SupabaseFunctionPort(client));
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        database.close();
        client.close();
        proxy.close();
    }

    private SupabaseClient signedIn(URI url, TestBackend.SignedInUser user) {
        SupabaseClient signedIn = new SupabaseClient(SupabaseConfig.of(url.toString(), backend.anonKey()),
                new InMemorySessionStore());
        signedIn.auth().signInWithPassword(user.email(), user.password());
        return signedIn;
    }

    private boolean inPool(UUID lead) {
        return engine.cache().count(Query.from(LEAD_POOL).where(LEAD_POOL.id.eq(lead))) > 0;
    }

    @Test
    void aClaimBringsTheLeadItsCustomerAndItsJobIntoTheCache() throws Exception {
        UUID lead = tenants.openLead("hvac", postalCode);
        engine.syncOnce(p -> { });
        assertThat(inPool(lead)).isTrue();

        ServerFunctions.Claimed claimed = functions.claimServiceRequest(lead);

        assertThat(claimed.workOrderId()).isPresent();
        assertThat(inPool(lead)).isFalse();
        assertThat(engine.cache().first(Query.from(SERVICE_REQUESTS).where(SERVICE_REQUESTS.id.eq(lead)),
                row -> row.get(SERVICE_REQUESTS.customerName))).hasValue("Pat Secret");
        assertThat(engine.cache().count(Query.from(WORK_ORDERS).where(WORK_ORDERS.id.eq(claimed.workOrderId().get()))))
                .isEqualTo(1);
        assertThat(engine.status().online()).isTrue();
    }

    @Test
    void refusalsAreTypedWithTheServersCodeAndStillProveTheServerIsThere() throws Exception {
        UUID lost = tenants.openLead("hvac", postalCode);
        engine.syncOnce(p -> { });
        try (SupabaseClient rivalClient = signedIn(backend.url(), backend.staff(rival, "dispatcher"))) {
            rivalClient.rpc("claim_service_request", Map.of("service_request_id", lost.toString())).execute();
        }
        assertThatThrownBy(() -> functions.claimServiceRequest(lost)).isInstanceOfSatisfying(ServerCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServerCallException.Kind.ALREADY_CLAIMED);
            assertThat(e.refusalCode()).hasValue("already_claimed");
            assertThat(e.serverMessage()).hasValueSatisfying(text -> assertThat(text).contains("another company"));
        });
        assertThat(inPool(lost)).as("a lead claimed by someone else leaves the pool at once").isFalse();
        assertThat(engine.status().online()).isTrue();

        UUID open = tenants.openLead("hvac", postalCode);
        assertThatThrownBy(() -> functions.declineServiceRequest(open, "not_a_reason", null))
                .isInstanceOfSatisfying(ServerCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ServerCallException.Kind.REFUSED);
                    assertThat(e.refusalCode()).hasValue("invalid_decline_reason");
                });
        assertThatThrownBy(() -> functions.claimServiceRequest(UUID.randomUUID()))
                .isInstanceOfSatisfying(ServerCallException.class, e ->
                        assertThat(e.kind()).isEqualTo(ServerCallException.Kind.NOT_FOUND));
        UUID elsewhere = tenants.openLead("plumbing", postalCode);
        assertThatThrownBy(() -> functions.claimServiceRequest(elsewhere))
                .isInstanceOfSatisfying(ServerCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ServerCallException.Kind.NOT_ELIGIBLE);
                    assertThat(e.refusalCode()).hasValue("not_eligible");
                });
    }

    @Test
    void aDeclineTakesTheLeadOutOfThePool() throws Exception {
        UUID lead = tenants.openLead("hvac", postalCode);
        engine.syncOnce(p -> { });
        assertThat(inPool(lead)).isTrue();
        functions.declineServiceRequest(lead, "too_far", "Out of our way");
        assertThat(inPool(lead)).isFalse();
    }

    @Test
    void aClaimThatCannotConnectTurnsTheStatusOffline() throws Exception {
        UUID lead = tenants.openLead("hvac", postalCode);
        engine.syncOnce(p -> { });
        assertThat(engine.status().online()).isTrue();

        proxy.setOffline(true);
        assertThatThrownBy(() -> functions.claimServiceRequest(lead)).isInstanceOfSatisfying(ServerCallException.class,
                e -> assertThat(e.kind()).isEqualTo(ServerCallException.Kind.OFFLINE));
        assertThat(engine.status().online()).as("the failed claim is what says offline").isFalse();

        proxy.setOffline(false);
        functions.claimServiceRequest(lead);
        assertThat(engine.status().online()).isTrue();
    }

    @Test
    void refusalDetailsAreReadWhenTheServerSendsThemAndToleratedWhenNot() {
        RefusedCallException coded = new RefusedCallException(409, "P0001", "Already claimed.",
                "{\"code\": \"already_claimed\", \"by_colleague\": true}", null, null);
        assertThat(coded.refusalCode()).hasValue("already_claimed");
        assertThat(coded.details().get("by_colleague").asBoolean()).isTrue();
        assertThat(ServerFunctions.failed(coded, "claim").kind()).isEqualTo(ServerCallException.Kind.ALREADY_CLAIMED);

        RefusedCallException textDetails = new RefusedCallException(400, "23514", "violates check", "Failing row {x}", null, null);
        assertThat(textDetails.refusalCode()).hasValue("23514");
        assertThat(textDetails.details().asText()).isEqualTo("Failing row {x}");
        assertThat(new RefusedCallException(400, "already_claimed", "m", null, null, null).refusalCode())
                .hasValue("already_claimed");
    }
}
