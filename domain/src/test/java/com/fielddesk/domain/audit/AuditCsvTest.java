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
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log exported as CSV from a running local-backend (real entries written by the real
 * triggers): a UTF-8 file with a byte-order mark that a strict RFC 4180 reader reads back cell for
 * cell, names that look like formulas kept as text, page by page with progress, and a cancel that
 * stops at the next page.
 */
class AuditCsvTest {

    private static final TestBackend BACKEND = TestBackend.shared();
    private static final ZoneId COMPANY_ZONE = ZoneId.of("America/New_York");
    /** Names as a customer might be typed in, and what a spreadsheet must show for each. */
    private static final Map<String, String> NAMES_AND_CELLS = new LinkedHashMap<>();

    static {
        NAMES_AND_CELLS.put("=HYPERLINK(\"http://evil.test\",\"Click\")", "'=HYPERLINK(\"http://evil.test\",\"Click\")");
        NAMES_AND_CELLS.put("+1 555 0100", "'+1 555 0100");
        NAMES_AND_CELLS.put("-2+3", "'-2+3");
        NAMES_AND_CELLS.put("@SUM(A1:A9)", "'@SUM(A1:A9)");
        NAMES_AND_CELLS.put("\tTabbed", "'\tTabbed");
        NAMES_AND_CELLS.put("Smith, \"Jr.\"", "Smith, \"Jr.\"");
        NAMES_AND_CELLS.put("Two\r\nlines", "Two\r\nlines");
        NAMES_AND_CELLS.put("Łódź Plumbing", "Łódź Plumbing");
    }

    @TempDir
    Path folder;
    private CacheDatabase database;
    private TenantFixtures.Company company;
    private AuditRepository audit;
    private SupabaseClient client;

    @BeforeEach
    void setUp() {
        company = BACKEND.tenants().company("Csv Co " + UUID.randomUUID());
        TestBackend.SignedInUser supervisor = BACKEND.staff(company, "supervisor");
        database = CacheDatabase.open(folder.resolve("cache.db"));
        pulled(database, "profiles", row("id", supervisor.id(), "company_id", company.id(), "role", "supervisor",
                "full_name", "@Sam Super", "version", 1));
        for (String name : NAMES_AND_CELLS.keySet()) {
            UUID customer = BACKEND.tenants().customer(company, name);
            pulled(database, "customers", row("id", customer, "company_id", company.id(), "full_name", name, "version", 1));
        }
        client = new SupabaseClient(SupabaseConfig.of(BACKEND.url().toString(), BACKEND.anonKey()), new InMemorySessionStore());
        client.auth().signInWithPassword(supervisor.email(), supervisor.password());
        audit = new AuditRepository(new SupabaseAuditLogPort(client), new WitnessedHeads(database, Clock.systemUTC()),
                new LocalCache(database, new Outbox(), Clock.systemUTC()), new UserId(supervisor.id()), new AuditOfflineCopy(database),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        client.close();
        database.close();
    }

    private static final AuditFilter CUSTOMERS_CREATED = AuditFilter.everything().recordType("customers").action("insert");

    @Test
    void everyEntryIsWrittenFormulaSafeAndReadsBackCellForCell() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        AuditCsv.Result result;
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            result = new AuditCsv(audit::page, COMPANY_ZONE, 3).write(CUSTOMERS_CREATED, out, progress::add, () -> false);
        }

        assertThat(result).isEqualTo(new AuditCsv.Result(NAMES_AND_CELLS.size(), false));
        assertThat(progress).as("after each page of 3").containsExactly(3L, 6L, 8L);
        byte[] file = bytes.toByteArray();
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = CsvReader.read(new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).isEqualTo(AuditCsv.HEADER);

        List<AuditEntry> shown = audit.page(CUSTOMERS_CREATED, java.util.Optional.empty(), 100).entries();
        assertThat(rows.subList(1, rows.size())).hasSameSizeAs(shown);
        List<String> expectedRecords = new ArrayList<>(NAMES_AND_CELLS.values());
        java.util.Collections.reverse(expectedRecords);     // newest first
        for (int i = 0; i < shown.size(); i++) {
            List<String> cells = rows.get(i + 1);
            AuditEntry entry = shown.get(i);
            assertThat(cells).hasSize(AuditCsv.HEADER.size());
            assertThat(cells.get(0)).isEqualTo(String.valueOf(entry.seq()));
            assertThat(java.time.OffsetDateTime.parse(cells.get(1)).toInstant()).isEqualTo(entry.occurredAt());
            assertThat(cells.get(1)).as("in the company's zone").endsWith(
                    COMPANY_ZONE.getRules().getOffset(entry.occurredAt()).getId());
            assertThat(cells.get(4)).isEqualTo("Created");
            assertThat(cells.get(5)).isEqualTo("Customer");
            assertThat(cells.get(6)).isEqualTo(expectedRecords.get(i));
            assertThat(cells.get(7)).isEqualTo(entry.recordId().orElseThrow().toString());
            assertThat(cells.get(8)).contains("Full name: " + entry.recordName().orElseThrow());
            assertThat(cells.get(9)).isEqualTo(entry.hash());
        }
    }

    @Test
    void anEntryReadsInWordsInTheCompanyZoneWithItsPersonAndRecordFormulaSafe() throws Exception {
        UUID job = UUID.randomUUID();
        StringBuilderWriter out = new StringBuilderWriter();
        AuditEntry mine = new AuditEntry(1, java.time.Instant.parse("2026-12-05T15:00:00Z"), java.util.Optional.of(UUID.randomUUID()),
                java.util.Optional.of("@Sam Super"), com.fielddesk.domain.common.Role.SUPERVISOR, "update",
                java.util.Optional.of("work_orders"), java.util.Optional.of(job), java.util.Optional.of("-Job 7"),
                List.of(new FieldChange("status", java.util.Optional.of("scheduled"), java.util.Optional.of("dispatched"))), "h");
        new AuditCsv((filter, before, limit) -> new AuditPage(List.of(mine), java.util.Optional.empty()), COMPANY_ZONE, 10)
                .write(AuditFilter.everything(), out, written -> { }, () -> false);
        List<String> cells = CsvReader.read(out.text().substring(1)).get(1);
        assertThat(cells.subList(1, 9)).containsExactly("2026-12-05T10:00:00-05:00", "'@Sam Super", "Supervisor", "Changed",
                "Job or quote", "'-Job 7", job.toString(), "Status: Scheduled → Dispatched");
    }

    @Test
    void aCancelStopsBeforeTheNextPage() throws Exception {
        StringBuilderWriter out = new StringBuilderWriter();
        List<Long> progress = new ArrayList<>();
        AuditCsv.Result result = new AuditCsv(audit::page, COMPANY_ZONE, 3).write(CUSTOMERS_CREATED, out, progress::add,
                () -> !progress.isEmpty());
        assertThat(result).isEqualTo(new AuditCsv.Result(3, true));
        assertThat(progress).containsExactly(3L);
        assertThat(CsvReader.read(out.text().substring(1))).hasSize(1 + 3);
    }

    @Test
    void onlyADangerousFirstCharacterIsQuotedAway() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(AuditCsv.cell("")).isEqualTo("");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    /** A writer that keeps what was written, to read it back. */
    private static final class StringBuilderWriter extends java.io.StringWriter {
        String text() {
            return toString();
        }
    }
}
