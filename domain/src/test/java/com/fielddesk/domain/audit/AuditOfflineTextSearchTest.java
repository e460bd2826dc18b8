package com.fielddesk.domain.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.audit.AuditLogQuery;
import com.fielddesk.cache.store.CacheDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline copy's free-text filter as an index search (cache V17's trigram index of the kept
 * entries' values): it finds exactly the entries the one-by-one scan finds — any substring, any
 * case, accents as they were, texts of 1 and 2 characters, LIKE's own characters and quotes taken
 * literally — and the index follows every write to the copy: a page kept again with other values,
 * the trim to the window, the copy forgotten, and the purge when a sync takes the keeper's role away.
 */
class AuditOfflineTextSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values with accents, cases, LIKE's wildcards, quotes, a backslash, and a value over two lines. */
    private static final List<String> NAMES = List.of("Zoë Ångström", "ÉCOLE Saint-Rémi", "Straße 12", "Ada 100% Brennan",
            "snake_case_name", "the \"quoted\" boiler", "back\\slash", "İstanbul office", "two\nlines", "Élodie O'Neil",
            "ecole publique", "Job 4242 boiler");

    @TempDir
    Path folder;
    private CacheDatabase database;
    private AuditOfflineCopy copy;
    private final UUID company = UUID.randomUUID();
    private final UUID keeper = UUID.randomUUID();
    private final UUID colleague = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @BeforeEach
    void setUp() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        copy = new AuditOfflineCopy(database);
        pulled(database, "profiles", row("id", keeper, "company_id", company, "role", "supervisor", "full_name", "Sam Super",
                "version", 1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * 3,000 entries, one a minute (more than the newest 2,000 the page checks one by one first, so
     * texts only in older entries are found through the index): the names above now and then, and
     * job numbers (each name in 2–3 entries, spread over the copy), so most texts are rare and some are
     * in every entry.
     */
    private List<JsonNode> entries(int count, int firstSeq) {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seq = firstSeq + i;
            ObjectNode before = JSON.createObjectNode().put("status", "scheduled").put("title", "Job " + (seq * 7919 % 5000));
            ObjectNode after = JSON.createObjectNode().put("status", "dispatched").put("title", "Job " + (seq * 7919 % 5000));
            if (seq % 97 == 0) {
                after.put("full_name", NAMES.get(seq / 97 % NAMES.size()));
            }
            rows.add(entry(seq, seq % 3 == 0 ? keeper : colleague, before, after));
        }
        return rows;
    }

    private ObjectNode entry(int seq, UUID actor, ObjectNode before, ObjectNode after) {
        ObjectNode row = JSON.createObjectNode().put("seq", seq).put("id", UUID.randomUUID().toString())
                .put("occurred_at", now.minus(Duration.ofMinutes(5_000 - seq)).toString()).put("actor_id", actor.toString())
                .put("actor_role", "supervisor").put("action", "update").put("table_name", "work_orders")
                .put("row_id", UUID.randomUUID().toString()).put("hash", "h" + seq);
        row.set("old_values", before);
        row.set("new_values", after);
        return row;
    }

    private static AuditLogQuery containing(String text) {
        return containing(text, Optional.empty(), Optional.empty(), 50);
    }

    private static AuditLogQuery containing(String text, Optional<UUID> actor, Optional<Long> before, int limit) {
        return new AuditLogQuery(Optional.empty(), Optional.empty(), actor, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(text), before, limit);
    }

    private List<Long> found(AuditLogQuery query) {
        return copy.page(company, query).stream().map(row -> row.path("seq").asLong()).toList();
    }

    private List<Long> scanned(AuditLogQuery query) {
        return copy.scannedPage(company, query).stream().map(row -> row.path("seq").asLong()).toList();
    }

    @Test
    void theIndexFindsWhatTheScanFindsForAnySubstringInAnyCase() {
        List<JsonNode> rows = entries(3_000, 1);
        copy.keep(company, keeper, rows);
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(List.of("Job 4242", "job 42", "4242", "dispatched", "DISPATCHED", "no such text",
                "Ada 100%", "0% B", "0%B", "snake_case", "e_c", "\"quoted\"", "\"", "k\\s", "o\nl", "two\nlines", "'N", "O'NEIL",
                "z", "zo", "ë", "Zoë", "ZOË", "ångström", "école", "ÉCOLE", "ecole", "STRASSE", "straße", "ß", "İSTANBUL",
                "istanbul", "42", "4", "%", "_", "jo", "Ob 4", "ob 4242 b"));
        for (int i = 0; i < 60; i++) {
            JsonNode picked = rows.get(random.nextInt(rows.size()));
            String values = AuditOfflineCopy.valuesText(picked.path("old_values"), picked.path("new_values"));
            int start = random.nextInt(values.length() - 1);
            String cut = values.substring(start, Math.min(values.length(), start + 1 + random.nextInt(12)));
            texts.add(random.nextBoolean() ? cut.toUpperCase(Locale.ROOT) : cut);
        }
        int rareOld = 0;
        for (String text : texts) {
            for (AuditLogQuery query : List.of(containing(text), containing(text, Optional.of(keeper), Optional.empty(), 20),
                    containing(text, Optional.empty(), Optional.of(2_500L), 200))) {
                List<Long> scan = scanned(query);
                assertThat(found(query)).as("'%s' with %s", text, query).isEqualTo(scan);
                if (!scan.isEmpty() && scan.get(0) <= 1_000 && text.length() >= 3) {
                    rareOld++;
                }
            }
        }
        assertThat(rareOld).as("texts found only in entries older than the newest 2,000 (the index's part)").isPositive();
        List<Long> ecolePublique = found(containing("ECOLE PUBL"));
        assertThat(ecolePublique).hasSize(2);
        assertThat(found(containing("École"))).as("case folds, accents stay").hasSize(3).doesNotContainAnyElementsOf(ecolePublique);
        assertThat(found(containing("ecole"))).containsExactlyElementsOf(ecolePublique);
        assertThat(found(containing("0%B"))).as("%% is a character, not a wildcard").isEmpty();
        assertIndexHoldsExactlyTheKeptEntries();
    }

    @Test
    void aTextOfOneOrTwoCharactersIsFoundByTheScan() {
        copy.keep(company, keeper, entries(3_000, 1));
        for (String text : List.of("ß", "ë", "Zo", "42", "\"", "%")) {
            assertThat(found(containing(text))).as(text).isEqualTo(scanned(containing(text)));
        }
        assertThat(found(containing("ß"))).isNotEmpty();
    }

    @Test
    void anEntryKeptAgainWithOtherValuesIsFoundByItsNewValuesOnly() {
        copy.keep(company, keeper, entries(3_000, 1));
        ObjectNode renamed = entry(500, keeper, JSON.createObjectNode().put("title", "Job 500"),
                JSON.createObjectNode().put("title", "Renamed Quokka Job"));
        copy.keep(company, keeper, List.of(renamed));
        assertThat(found(containing("quokka"))).containsExactly(500L);
        assertThat(found(containing("Job " + (500 * 7919 % 5000)))).doesNotContain(500L);
        assertIndexHoldsExactlyTheKeptEntries();
    }

    @Test
    void theTrimToTheWindowTakesTheTrimmedEntriesOutOfTheIndex() {
        copy.keep(company, keeper, entries(3_000, 1));
        String oldText = "Job " + (10 * 7919 % 5000);
        assertThat(found(containing(oldText))).contains(10L);
        copy.completed(company, keeper, now.minus(Duration.ofMinutes(5_000 - 1_500)), 3_000, now);
        assertThat(found(containing(oldText))).isEqualTo(scanned(containing(oldText))).doesNotContain(10L);
        assertThat(indexed()).isEqualTo(1_501);
        assertIndexHoldsExactlyTheKeptEntries();
    }

    @Test
    void theIndexIsEmptiedWithTheCopyWhenASyncTakesTheRoleAwayOrTheCopyIsForgotten() {
        copy.keep(company, keeper, entries(3_000, 1));
        copy.completed(company, keeper, now.minus(Duration.ofDays(30)), 3_000, now);
        assertThat(indexed()).isEqualTo(3_000);
        pulled(database, "profiles", row("id", keeper, "company_id", company, "role", "dispatcher", "full_name", "Sam Super",
                "version", 2));
        assertThat(indexed()).as("V14's purge empties the index with the copy").isZero();
        assertThat(matches("job 4242")).isZero();

        pulled(database, "profiles", row("id", keeper, "company_id", company, "role", "supervisor", "full_name", "Sam Super",
                "version", 3));
        copy.keep(company, keeper, entries(100, 1));
        assertThat(indexed()).isEqualTo(100);
        copy.forget(company);
        assertThat(indexed()).isZero();
    }

    private void assertIndexHoldsExactlyTheKeptEntries() {
        long kept = count("select count(*) from audit_offline_entries");
        assertThat(indexed()).isEqualTo(kept);
        assertThat(count("select count(*) from audit_offline_text t join audit_offline_entries e on e.rowid = t.rowid"))
                .isEqualTo(kept);
        assertThat(count("select count(*) from audit_offline_entries e where e.values_text like '%job%'"))
                .isEqualTo(matches("job"));
    }

    private long indexed() {
        return count("select count(*) from audit_offline_text");
    }

    private long matches(String text) {
        return count("select count(*) from audit_offline_text where audit_offline_text match '\"" + text + "\"'");
    }

    private long count(String sql) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
