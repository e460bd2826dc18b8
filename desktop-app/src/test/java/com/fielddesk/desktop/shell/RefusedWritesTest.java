package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.desktop.leads.LeadActionException;
import com.fielddesk.domain.leads.LeadId;
import com.fielddesk.desktop.leads.ServerLeadActions;
import com.fielddesk.desktop.testing.NoSyncIssueActions;
import com.fielddesk.desktop.testing.DirectExecutor;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes the server really refuses — a job status it does not allow, an empty title, a too-long
 * description (check constraints and our triggers' messages), changes RLS denies (42501, P0002), a
 * row that already exists (23505), a required value left out (23502), a job for a customer who is
 * not there (23503) — go through the real sync engine to a running local-backend; the
 * sync-issue list shows each as one plain sentence, with the server's text only as secondary
 * details. Claim and decline refusals from the real RPCs read the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedWritesTest {

    private final TestBackend backend = TestBackend.shared();
    private final TenantFixtures tenants = backend.tenants();
    private final String servedPostalCode = String.valueOf(ThreadLocalRandom.current().nextInt(70000, 79999));
    private TenantFixtures.Company company;
    private TenantFixtures.Company rival;
    private SupabaseClient client;
    private CacheDatabase cache;
    private SyncEngine engine;
    private TestBackend.SignedInUser dispatcher;
    private java.nio.file.Path cacheFolder;

    @BeforeAll
    void signIn() throws Exception {
        TenantFixtures.LeadPreferences hvacHere = TenantFixtures.LeadPreferences.serving("hvac", servedPostalCode);
        company = tenants.company("Refused Co " + backend.uniqueEmail("c"), hvacHere);
        rival = tenants.company("Faster Co " + backend.uniqueEmail("c"), hvacHere);
        dispatcher = backend.staff(company, "dispatcher");
        client = signedIn(dispatcher);
        cacheFolder = com.fielddesk.localbackend.testing.TemporaryFolders.create("fielddesk-refusals-");
        cache = CacheDatabase.open(cacheFolder.resolve("cache.sqlite"));
        engine = new SyncEngine(cache, new SupabaseRemoteTables(client), Clock.systemUTC(), SyncSettings.defaults(),
                RandomGenerator.getDefault());
    }

    @AfterAll
    void close() {
        engine.close();
        client.close();
        cache.close();
        com.fielddesk.localbackend.testing.TemporaryFolders.delete(cacheFolder);
    }

    @Test
    void refusedSyncWritesReadAsPlainSentencesWithTheServersTextAsDetails() throws Exception {
        UUID completedJob = completedJob();
        UUID untitledJob = tenants.job(company);
        UUID longJob = tenants.job(company);
        UUID unplannedJob = tenants.job(company);
        UUID someoneElsesCustomer = tenants.customer(rival, "Someone Else");
        engine.syncOnce(progress -> { });

        Repositories repositories = engine.repositories();
        repositories.table("work_orders").update(completedJob.toString(), Map.of("status", "scheduled"));
        repositories.table("work_orders").update(untitledJob.toString(), Map.of("title", ""));
        repositories.table("work_orders").update(longJob.toString(), Map.of("description", "x".repeat(5001)));
        repositories.table("work_orders").update(unplannedJob.toString(), Map.of("status", "scheduled"));
        repositories.table("companies").update(company.id().toString(), Map.of("name", "Renamed by a dispatcher"));
        repositories.table("customers").insert(Map.of("id", someoneElsesCustomer.toString(),
                "company_id", company.id().toString(), "full_name", "Same id as another company's customer"));
        String smuggled = repositories.table("customers").insert(Map.of("company_id", rival.id().toString(),
                "full_name", "A customer for another company"));
        String nameless = repositories.table("customers").insert(Map.of("company_id", company.id().toString(),
                "email", "no.name@example.test"));
        String orphanJob = repositories.table("work_orders").insert(Map.of("company_id", company.id().toString(),
                "stage", "job", "title", "Job for a customer who is not there", "customer_id", UUID.randomUUID().toString()));
        engine.syncOnce(progress -> { });

        SyncStatus status = engine.status().snapshot();
        assertThat(status.quarantined()).hasSize(9);
        SyncState sync = new SyncState(true);
        ShellViewModel shell = new ShellViewModel(dispatcher.id(), dispatcher.email(), repositories.table("profiles"),
                repositories.table("companies"), new CachedSearch(engine.cache()), ChangeSource.of(repositories),
                new NoSyncIssueActions(), sync, DirectExecutor.tasks(), Clock.systemUTC());
        sync.publish(status);
        Map<String, SyncIssue> byRow = issuesByRow(shell, status);

        assertIssue(byRow.get(completedJob.toString()),
                "The job's status cannot go from Completed back to Scheduled. A supervisor must reopen the job first.",
                "Cannot move a job from completed to scheduled");
        assertIssue(byRow.get(untitledJob.toString()), "The title is missing or too long.",
                "violates check constraint \"work_order_title_required\"");
        assertIssue(byRow.get(longJob.toString()), "The description is too long (at most 5000 characters).",
                "work_order_description_at_most_5000_chars");
        assertIssue(byRow.get(unplannedJob.toString()), "A scheduled job needs a start and end time.",
                "work_order_scheduled_job_needs_window");
        // RLS hides a row this user may not change from the update, so the server says it cannot see it.
        assertIssue(byRow.get(company.id().toString()),
                "This record was deleted on the server, or you are not allowed to change it.", "P0002");
        assertIssue(byRow.get(smuggled), "You are not allowed to change this record.",
                // The server refuses it before row security (authorize_writes_first) with its own code, not_allowed.
                "42501: You are not allowed to add this customers row.");
        assertIssue(byRow.get(someoneElsesCustomer.toString()), "This customer already exists on the server.",
                "customers_pkey");
        assertIssue(byRow.get(nameless), "The full name cannot be empty.", "23502: null value in column \"full_name\"");
        assertIssue(byRow.get(orphanJob), "This refers to a record that no longer exists.",
                "violates foreign key constraint \"work_order_customer_in_same_company\"");
        assertThat(shell.issues()).allSatisfy(issue -> assertThat(issue.detail())
                .as("no server wording in a headline").doesNotContain("\"", "relation", "constraint", "_"));
    }

    @Test
    void claimAndDeclineRefusalsReadAsPlainSentences() {
        ServerLeadActions actions = new ServerLeadActions(engine.serverFunctions(new SupabaseFunctionPort(client)));

        UUID lost = tenants.openLead("hvac", servedPostalCode);
        TestBackend.SignedInUser faster = backend.staff(rival, "dispatcher");
        try (SupabaseClient rivalClient = signedIn(faster)) {
            rivalClient.rpc("claim_service_request", Map.of("service_request_id", lost.toString())).execute();
        }
        assertRefused(() -> actions.claim(new LeadId(lost)), LeadActionException.Reason.ALREADY_CLAIMED,
                "Too late — this lead was already claimed by another company.", "already_claimed");

        UUID open = tenants.openLead("hvac", servedPostalCode);
        assertRefused(() -> actions.decline(new LeadId(open), DeclineReason.OTHER, "n".repeat(600)),
                LeadActionException.Reason.REFUSED,
                "The lead was not declined: the note is too long (at most 500 characters).",
                "service_request_decline_note_at_most_500_chars");

        UUID elsewhere = tenants.openLead("plumbing", servedPostalCode);
        assertRefused(() -> actions.claim(new LeadId(elsewhere)), LeadActionException.Reason.NOT_ELIGIBLE,
                "Your company does not serve this lead's trade and area, or has not opted in to leads.", "not_eligible");
    }

    // ---- helpers ----

    private interface LeadAction {
        void run() throws LeadActionException;
    }

    private static void assertRefused(LeadAction action, LeadActionException.Reason reason, String sentence,
                                      String inServerText) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(LeadActionException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(sentence);
            assertThat(e.serverText()).hasValueSatisfying(text -> assertThat(text).contains(inServerText));
        });
    }

    private static void assertIssue(SyncIssue issue, String sentence, String inServerText) {
        assertThat(issue).isInstanceOf(SyncIssue.Rejected.class);
        assertThat(issue.detail()).isEqualTo(sentence);
        assertThat(issue.technicalDetails()).hasValueSatisfying(text -> assertThat(text).contains(inServerText));
    }

    private static Map<String, SyncIssue> issuesByRow(ShellViewModel shell, SyncStatus status) {
        Map<UUID, String> rowOf = status.quarantined().stream()
                .collect(Collectors.toMap(OutboxEntry::mutationId, OutboxEntry::rowId));
        return shell.issues().stream().filter(SyncIssue.Rejected.class::isInstance).map(SyncIssue.Rejected.class::cast)
                .collect(Collectors.toMap(issue -> rowOf.get(issue.mutationId()), Function.identity()));
    }

    /** A job walked through its statuses to completed, as the office would (every step the triggers allow). */
    private UUID completedJob() {
        UUID job = tenants.job(company);
        TenantFixtures.AppUser technician = tenants.staff(company, "technician");
        backend.sql(
                "update public.work_orders set scheduled_start = now(), scheduled_end = now() + interval '2 hours',"
                        + " status = 'scheduled' where id = '" + job + "'",
                "update public.work_orders set technician_id = '" + technician.id() + "', status = 'dispatched' where id = '" + job + "'",
                "update public.work_orders set status = 'en_route' where id = '" + job + "'",
                "update public.work_orders set status = 'on_site' where id = '" + job + "'",
                "update public.work_orders set status = 'completed' where id = '" + job + "'");
        return job;
    }

    private SupabaseClient signedIn(TestBackend.SignedInUser user) {
        SupabaseClient signedIn = new SupabaseClient(SupabaseConfig.of(backend.url().toString(), backend.anonKey()),
                new InMemorySessionStore());
        signedIn.auth().signInWithPassword(user.email(), user.password());
        return signedIn;
    }
}
