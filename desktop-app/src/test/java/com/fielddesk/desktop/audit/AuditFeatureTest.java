package com.fielddesk.desktop.audit;

import com.fielddesk.desktop.ui.SaveFileChooser;
import com.fielddesk.cache.audit.SupabaseAuditLogPort;
import com.fielddesk.cache.audit.WitnessedHeads;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.audit.AuditEntry;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditOfflineCopy;
import com.fielddesk.domain.audit.AuditRepository;
import com.fielddesk.domain.audit.CsvReader;
import com.fielddesk.domain.audit.FieldChange;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Audit log section against a running local-backend (real migrations, triggers, row security
 * and chain), shown by the real navigator over a real cache: a supervisor sees a job's status
 * change as old → new, narrows the log to that job's history, verifies the chain, and exports the
 * shown range as CSV (recorded as an export); a dispatcher has no Audit item; an unreachable
 * server is said in a sentence.
 */
class AuditFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final TestBackend BACKEND = TestBackend.shared();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private SectionUnderTest section;
    private TenantFixtures.Company company;
    private TestBackend.SignedInUser supervisor;
    private final List<SupabaseClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        company = BACKEND.tenants().company("Audit Screen Co " + UUID.randomUUID());
        supervisor = BACKEND.staff(company, "supervisor");
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", supervisor.id(), "company_id", company.id(), "role", "supervisor",
                "full_name", "Sam Super")));
    }

    @AfterEach
    void close() throws Exception {
        if (section != null) {
            section.close();
        }
        clients.forEach(SupabaseClient::close);
        cache.close();
    }

    private SupabaseClient signedIn(TestBackend.SignedInUser user, String url) {
        SupabaseClient client = new SupabaseClient(SupabaseConfig.of(url, BACKEND.anonKey()), new InMemorySessionStore());
        clients.add(client);
        if (url.equals(BACKEND.url().toString())) {
            client.auth().signInWithPassword(user.email(), user.password());
        }
        return client;
    }

    private Feature auditAs(SupabaseClient client, UUID user, SaveFileChooser files) {
        AuditRepository audit = new AuditRepository(new SupabaseAuditLogPort(client), new WitnessedHeads(cache, Clock.systemUTC()),
                new LocalCache(cache, new Outbox(), Clock.systemUTC()), new UserId(user), new AuditOfflineCopy(cache), Clock.systemUTC());
        return AuditFeature.feature(audit, new AuditEvents(new SupabaseFunctionPort(client)), files);
    }

    /** Schedules a job through the real API as the signed-in person (status unscheduled → scheduled). */
    private static void schedule(SupabaseClient client, UUID job) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0);
        client.from("work_orders").update(Map.of("status", "scheduled", "scheduled_start", start.toString(),
                "scheduled_end", start.plusHours(2).toString())).eq("id", job).execute();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorSeesAJobsStatusChangeNarrowsToItsHistoryVerifiesAndExports() throws Exception {
        SupabaseClient client = signedIn(supervisor, BACKEND.url().toString());
        UUID job = BACKEND.tenants().job(company);
        UUID otherJob = BACKEND.tenants().job(company);
        schedule(client, job);
        schedule(client, otherJob);
        CacheRows.write(cache, "work_orders", List.of(row("id", job, "company_id", company.id(), "stage", "job", "number", 42,
                "title", "Fix the furnace", "status", "scheduled")));
        Path exported = folder.resolve("audit.csv");
        section = SectionUnderTest.show(auditAs(client, supervisor.id(), (owner, title, name) -> Optional.of(exported)),
                cache, folder);

        Fx.waitUntil("the newest entries are listed", DEADLINE, () -> entries().size() >= 4);
        AuditEntry statusChange = Fx.read(() -> entries().stream().filter(entry -> entry.action().equals("update")
                && entry.recordId().equals(Optional.of(job))).findFirst().orElseThrow());
        Fx.run(() -> table().getSelectionModel().select(statusChange));
        Fx.waitUntil("the diff shows the status old → new in words", DEADLINE, () -> diff().stream()
                .anyMatch(change -> change.label().equals("Status") && change.beforeInWords().equals("Unscheduled")
                        && change.afterInWords().equals("Scheduled")));
        assertThat(section.text("#audit-entry-title")).startsWith("Changed · Job 42 · Fix the furnace — Sam Super (Supervisor)");
        String zone = SectionUnderTest.COMPANY_ZONE.getId();
        assertThat(Fx.read(() -> ((TableView<FieldChange>) section.lookup("#audit-diff")).getColumns().get(2)
                .getCellObservableValue(diff().stream().map(FieldChange::label).toList().indexOf("Scheduled start"))
                .getValue())).as("a time in the company's zone (%s), not the server's text", zone)
                .isEqualTo(com.fielddesk.desktop.ui.Formats.forCompanyZone(zone).dateTime(
                        java.time.OffsetDateTime.parse(statusChange.changes().stream()
                                .filter(change -> change.field().equals("scheduled_start")).findFirst().orElseThrow()
                                .after().orElseThrow()).toInstant()));

        Fx.run(() -> ((Button) section.lookup("#audit-history")).fire());
        Fx.waitUntil("only the job's own entries", DEADLINE, () -> section.text("#audit-record").equals(
                "History of Job 42 · Fix the furnace") && !entries().isEmpty() && !section.lookup("#audit-loading").isVisible());
        assertThat(entries()).allSatisfy(entry -> assertThat(entry.recordId()).contains(job))
                .extracting(AuditEntry::action).containsExactly("update", "insert");

        Fx.run(() -> ((Button) section.lookup("#audit-verify")).fire());
        Fx.waitUntil("the chain is intact", DEADLINE, () -> section.text("#audit-verify-result").startsWith("All "));
        assertThat(section.text("#audit-verify-result")).contains("entries are intact");

        Fx.run(() -> ((Button) section.lookup("#audit-export")).fire());
        Fx.waitUntil("exported and recorded", DEADLINE, () -> section.text("#audit-export-notice").startsWith("Exported 2 entries"));
        assertThat(section.text("#audit-export-notice"))
                .isEqualTo("Exported 2 entries to audit.csv. The export is recorded in the audit log.");
        List<List<String>> rows = CsvReader.read(java.nio.file.Files.readString(exported));
        assertThat(rows.get(0).get(0)).startsWith("\uFEFF");
        assertThat(rows.subList(1, rows.size())).extracting(cells -> cells.get(7))
                .containsExactly(job.toString(), job.toString());
        assertThat(rows.get(1).get(8)).contains("Status: Unscheduled → Scheduled");
        assertThat(BACKEND.tenants().insertReturningId("select actor_id from public.audit_log where company_id = ?"
                + " and action = 'export' and new_values ->> 'record' = ?::text", company.id(), job.toString()))
                .isEqualTo(supervisor.id());
    }

    @Test
    void olderPagesLoadOnRequestAndTheFiltersNarrowTheLogOnTheServer() throws Exception {
        SupabaseClient client = signedIn(supervisor, BACKEND.url().toString());
        sql("insert into public.customers (company_id, full_name) select '" + company.id()
                + "', 'Customer ' || g from generate_series(1, 55) g");
        UUID job = BACKEND.tenants().job(company);
        schedule(client, job);
        long total = entriesOnTheServer();
        section = SectionUnderTest.show(auditAs(client, supervisor.id(), (o, t, n) -> Optional.empty()), cache, folder);

        Fx.waitUntil("the newest page", DEADLINE, () -> entries().size() == AuditViewModel.PAGE
                && !section.lookup("#audit-load-older").isDisabled());
        assertThat(section.text("#audit-status")).isEqualTo("Showing the newest 50 entries; older ones load with Load older.");
        Fx.run(() -> ((Button) section.lookup("#audit-load-older")).fire());
        Fx.waitUntil("and the older ones under them", DEADLINE, () -> entries().size() == total);
        assertThat(entries()).extracting(AuditEntry::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        Fx.waitUntil("nothing older", DEADLINE, () -> section.text("#audit-status").equals("Showing all " + total + " entries.")
                && section.lookup("#audit-load-older").isDisabled());

        Fx.waitUntil("the people are listed", DEADLINE, () -> personBox().getItems().size() == 2);
        Fx.run(() -> personBox().setValue(personBox().getItems().get(1)));
        Fx.waitUntil("only what Sam did", DEADLINE, () -> entries().size() == 1);
        assertThat(entries().get(0).actorId()).contains(supervisor.id());
        assertThat(entries().get(0).recordId()).contains(job);
        Fx.run(() -> personBox().setValue(null));

        Fx.run(() -> comboBox("#audit-record-type").setValue(com.fielddesk.domain.audit.AuditRecordType.CUSTOMERS));
        Fx.waitUntil("only customers: 56 (the job's own customer too), the newest page of them", DEADLINE,
                () -> entries().size() == AuditViewModel.PAGE && !section.lookup("#audit-loading").isVisible());
        assertThat(entries()).allSatisfy(entry -> assertThat(entry.recordType()).contains("customers"));

        java.time.LocalDate tomorrow = java.time.LocalDate.now(SectionUnderTest.COMPANY_ZONE).plusDays(1);
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#audit-from")).setValue(tomorrow));
        Fx.waitUntil("nothing from tomorrow on", DEADLINE, () -> entries().isEmpty()
                && section.text("#audit-status").equals("No entries match these filters."));
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#audit-to")).setValue(tomorrow.minusDays(2)));
        Fx.waitUntil("a range that ends before it starts is said", DEADLINE, () -> section.text("#audit-status")
                .equals("The range ends before it starts; pick a later \"to\" day."));
        Fx.run(() -> ((Button) section.lookup("#audit-clear-filters")).fire());
        Fx.waitUntil("everything again", DEADLINE, () -> entries().size() == AuditViewModel.PAGE);
    }

    @Test
    void aHistoryRewrittenAfterThisComputerSawItIsReportedWithTheEntry() throws Exception {
        SupabaseClient client = signedIn(supervisor, BACKEND.url().toString());
        BACKEND.tenants().customer(company, "Honest Customer");
        section = SectionUnderTest.show(auditAs(client, supervisor.id(), (o, t, n) -> Optional.empty()), cache, folder);
        Fx.waitUntil("the log is read (its head is witnessed)", DEADLINE, () -> entries().size() >= 3);
        long head = entries().get(0).seq();

        try (java.sql.Connection connection = BACKEND.admin().getConnection();
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
                       where company_id = '%s' and table_name = 'customers';
                      for e in select * from public.audit_log where company_id = '%s' order by seq loop
                        e.prev_hash := previous;
                        e.hash := private.audit_hash(e);
                        update public.audit_log set prev_hash = e.prev_hash, hash = e.hash where id = e.id;
                        previous := e.hash;
                      end loop;
                    end $$""".replace("%s", company.id().toString()));
            connection.commit();
        }

        Fx.run(() -> ((Button) section.lookup("#audit-verify")).fire());
        Fx.waitUntil("the rewrite is reported", DEADLINE, () -> section.text("#audit-verify-result")
                .startsWith("The log was rewritten after this computer saw it: entry " + head + " no longer matches"));
    }

    @Test
    void onlySupervisorsAndAdminsHaveTheAuditItem() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        Feature audit = auditAs(signedIn(supervisor, BACKEND.url().toString()), supervisor.id(), (o, t, n) -> Optional.empty());
        Feature everyone = Feature.section("home", "Home").visibleTo(java.util.Set.copyOf(Role.values()))
                .icon(org.kordamp.ikonli.material2.Material2AL.HOME).screen(context -> new FeatureScreen() {
                    private final Label node = new Label("Home");

                    @Override
                    public javafx.scene.Node node() {
                        return node;
                    }

                    @Override
                    public void close() {
                    }
                });
        for (Role role : List.of(Role.DISPATCHER, Role.CSR, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN)) {
            SectionNavigator navigator = new SectionNavigator(List.of(everyone, audit));
            Fx.run(() -> navigator.start(feature -> feature.create(null), role));
            assertThat(Fx.read(() -> navigator.visibleFeatures().contains(audit))).as(role.label())
                    .isEqualTo(role.isManager());
            Fx.run(navigator::close);
        }
    }

    @Test
    void anUnreachableServerIsSaidInASentenceAndNoHalfExportIsLeft() throws Exception {
        Path exported = folder.resolve("offline.csv");
        section = SectionUnderTest.show(auditAs(signedIn(supervisor, "http://127.0.0.1:9"), supervisor.id(),
                (o, t, n) -> Optional.of(exported)), cache, folder);
        String unreachable = "The audit log is on the server, which cannot be reached now; try again when online.";
        Fx.waitUntil("the reason is shown", DEADLINE, () -> section.text("#audit-status")
                .equals("Could not read the audit log. " + unreachable));
        assertThat(entries()).isEmpty();

        Fx.run(() -> ((Button) section.lookup("#audit-verify")).fire());
        Fx.waitUntil("Verify says why not", DEADLINE, () -> section.text("#audit-verify-result")
                .equals("Could not verify the audit log. " + unreachable));
        Fx.run(() -> ((Button) section.lookup("#audit-export")).fire());
        Fx.waitUntil("Export says why not", DEADLINE, () -> section.text("#audit-export-notice")
                .equals("Could not export the audit log. " + unreachable));
        assertThat(exported).doesNotExist();
    }

    @Test
    void entriesSeenOnlineStayReadableAndFilterableOfflineAndTheScreenSaysItShowsTheOfflineCopy() throws Exception {
        SupabaseClient client = signedIn(supervisor, BACKEND.url().toString());
        UUID ada = adaRenamedBy(client);
        section = SectionUnderTest.show(auditAs(client, supervisor.id(), (o, t, n) -> Optional.empty()), cache, folder);
        Fx.waitUntil("the log, and the offline copy's range", DEADLINE, () -> entries().size() >= 5
                && section.text("#audit-offline-range").startsWith("Offline: entries since "));
        List<AuditEntry> online = entries();

        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#audit-text")).setText("brennan"));
        Fx.waitUntil("the server finds the text in Ada's values", DEADLINE, () -> entries().size() == 2
                && !section.lookup("#audit-loading").isVisible());
        assertThat(entries()).allSatisfy(entry -> assertThat(entry.recordId()).contains(ada));
        section.close();

        section = SectionUnderTest.show(auditAs(signedIn(supervisor, "http://127.0.0.1:9"), supervisor.id(),
                (o, t, n) -> Optional.empty()), cache, folder);
        Fx.waitUntil("the offline copy, said as such", DEADLINE, () -> section.text("#audit-status")
                .startsWith("Showing the offline copy (entries since "));
        assertThat(section.text("#audit-status")).contains("the server cannot be reached");
        assertThat(entries()).extracting(AuditEntry::seq).isEqualTo(online.stream().map(AuditEntry::seq).toList());
        assertThat(section.text("#audit-offline-range")).startsWith("Offline: entries since ");

        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#audit-text")).setText("Brennan-Lowe"));
        Fx.waitUntil("the text filter on the offline copy", DEADLINE, () -> entries().size() == 1
                && !section.lookup("#audit-loading").isVisible());
        Fx.waitUntil("the diff of the offline entry", DEADLINE, () -> {
            Fx.run(() -> table().getSelectionModel().select(0));
            return diff().stream().anyMatch(change -> change.describe().equals("Full name: Ada Brennan → Ada Brennan-Lowe"));
        });
        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#audit-text")).setText(""));
        Fx.run(() -> personBox().setValue(personBox().getItems().get(1)));
        Fx.waitUntil("only what Sam did, offline", DEADLINE, () -> entries().size() == 1
                && entries().get(0).actorId().equals(Optional.of(supervisor.id())));
        assertThat(section.text("#audit-status")).startsWith("Showing the offline copy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyOnACustomerOpensTheLogFilteredToThatCustomer() throws Exception {
        SupabaseClient client = signedIn(supervisor, BACKEND.url().toString());
        UUID ada = adaRenamedBy(client);
        CacheRows.write(cache, "customers", List.of(row("id", ada, "company_id", company.id(), "full_name", "Ada Brennan-Lowe")));
        Feature customers = com.fielddesk.desktop.customers.CustomersFeature.feature(new com.fielddesk.domain.customers
                .CustomerRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()), new UserId(supervisor.id())));
        section = SectionUnderTest.show(customers, List.of(auditAs(client, supervisor.id(), (o, t, n) -> Optional.empty())),
                cache, folder);
        Fx.run(() -> assertThat(section.navigator().open(new com.fielddesk.desktop.app.feature.RecordRef(
                com.fielddesk.desktop.app.feature.RecordKind.CUSTOMER, ada.toString()))).isEmpty());
        Fx.waitUntil("Ada's History button (a supervisor)", DEADLINE, () -> Fx.read(() -> section.lookup("#customer-history") != null
                && section.lookup("#customer-history").isVisible()));
        Fx.run(() -> ((Button) section.lookup("#customer-history")).fire());
        Fx.run(() -> {
            assertThat(section.navigator().currentProperty().get().id()).isEqualTo(AuditFeature.ID);
            section.showCurrent();
        });
        Fx.waitUntil("the log filtered to Ada", DEADLINE, () -> section.text("#audit-record").equals("History of Ada Brennan-Lowe")
                && entries().size() == 2 && !section.lookup("#audit-loading").isVisible());
        assertThat(entries()).allSatisfy(entry -> assertThat(entry.recordId()).contains(ada))
                .extracting(AuditEntry::action).containsExactly("update", "insert");
        assertThat(Fx.read(() -> String.valueOf(table().getColumns().get(4).getCellData(0))))
                .as("the row's summary is one line; the notes' line break is kept in the diff")
                .contains("Notes: Gate code 4471 The dog is friendly").doesNotContain("\n").doesNotContain("\r");
        Fx.run(() -> table().getSelectionModel().select(0));
        Fx.waitUntil("the diff shows the notes as written", DEADLINE, () -> diff().stream().anyMatch(change -> change.label().equals("Notes")));
        int notes = Fx.read(() -> diff().stream().map(FieldChange::label).toList().indexOf("Notes"));
        assertThat(Fx.read(() -> ((TableView<FieldChange>) section.lookup("#audit-diff")).getColumns().get(2).getCellData(notes)))
                .isEqualTo("Gate code 4471\r\nThe dog is friendly");
    }

    /**
     * Two customers; Ada renamed by the signed-in person ("Ada Brennan" → "Ada Brennan-Lowe"), and two
     * lines of notes given. Answers Ada's id.
     */
    private UUID adaRenamedBy(SupabaseClient client) {
        UUID ada = BACKEND.tenants().customer(company, "Ada Brennan");
        BACKEND.tenants().customer(company, "Bea Other");
        client.from("customers").update(Map.of("full_name", "Ada Brennan-Lowe", "notes", "Gate code 4471\r\nThe dog is friendly"))
                .eq("id", ada).execute();
        return ada;
    }

    private long entriesOnTheServer() {
        try (java.sql.Connection connection = BACKEND.admin().getConnection();
             java.sql.PreparedStatement count = connection.prepareStatement(
                     "select count(*) from public.audit_log where company_id = ?")) {
            count.setObject(1, company.id());
            try (java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String statement) {
        try (java.sql.Connection connection = BACKEND.admin().getConnection();
             java.sql.Statement run = connection.createStatement()) {
            run.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ComboBox<Object> comboBox(String selector) {
        return (javafx.scene.control.ComboBox<Object>) section.lookup(selector);
    }

    private javafx.scene.control.ComboBox<Object> personBox() {
        return comboBox("#audit-person");
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditEntry> table() {
        return (TableView<AuditEntry>) section.lookup("#audit-table");
    }

    private List<AuditEntry> entries() {
        return Fx.read(() -> List.copyOf(table().getItems()));
    }

    @SuppressWarnings("unchecked")
    private List<FieldChange> diff() {
        return List.copyOf(((TableView<FieldChange>) section.lookup("#audit-diff")).getItems());
    }
}
