package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload queue of issued invoices' PDFs on a real SQLite cache: offline the upload waits (and
 * survives a restart), after reconnecting it reaches Storage once and pdf_path is written; an
 * invoice without its server number yet, or issued here but not yet by the server (no recorded
 * branding), waits.
 */
class InvoicePdfUploadsTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private final UUID csr = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final InvoiceId numbered = new InvoiceId(UUID.randomUUID());
    private final InvoiceId unnumbered = new InvoiceId(UUID.randomUUID());
    private final InvoiceId issuedHere = new InvoiceId(UUID.randomUUID());
    private final List<String> stored = new ArrayList<>();
    private final List<byte[]> storedBytes = new ArrayList<>();
    private boolean online;

    @Test
    void offlineTheUploadWaitsSurvivesARestartAndReachesStorageOnce() {
        CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"));
        pulled(database, "profiles", row("id", csr, "company_id", COMPANY, "role", "csr", "full_name", "Casey", "version", 1));
        pulled(database, "customers", row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź Ñúñez", "version", 1));
        pulled(database, "invoices", row("id", numbered.value(), "company_id", COMPANY, "customer_id", customer, "number", 7,
                        "status", "issued", "currency", "USD", "total", new BigDecimal("10.00"), "amount_paid", BigDecimal.ZERO,
                        "branding", row("legal_name", "Flow Plumbing LLC", "payment_terms_days", 30, "prefix", "INV-"),
                        "version", 1),
                row("id", unnumbered.value(), "company_id", COMPANY, "customer_id", customer, "status", "issued",
                        "currency", "USD", "total", new BigDecimal("5.00"), "amount_paid", BigDecimal.ZERO, "version", 1),
                row("id", issuedHere.value(), "company_id", COMPANY, "customer_id", customer, "number", 8, "status", "draft",
                        "currency", "USD", "total", new BigDecimal("7.00"), "amount_paid", BigDecimal.ZERO, "version", 1));
        new InvoiceRepository(new LocalCache(database, new Outbox(), Clock.systemUTC()), new UserId(csr)).issue(issuedHere);
        InvoicePdfUploads uploads = uploads(database);
        uploads.queue(numbered);
        uploads.queue(unnumbered);
        uploads.queue(issuedHere);
        uploads.queue(numbered);

        assertThat(uploads.drain(failure -> "Cannot reach the server.")).isEqualTo(new InvoicePdfUploads.Drained(0, 3, true));
        assertThat(stored).isEmpty();
        assertThat(uploads.state(numbered)).as("tried, failed, said why")
                .isEqualTo(new InvoicePdfUploads.UploadState(InvoicePdfUploads.Where.FAILED, Optional.of("Cannot reach the server.")));
        assertThat(uploads.state(unnumbered)).as("not tried yet: no number")
                .isEqualTo(new InvoicePdfUploads.UploadState(InvoicePdfUploads.Where.WAITING, Optional.empty()));
        assertThat(uploads.receipt(numbered)).isEmpty();
        database.close();

        CacheDatabase reopened = CacheDatabase.open(folder.resolve("cache.db"));
        InvoicePdfUploads afterRestart = uploads(reopened);
        assertThat(afterRestart.waiting()).containsExactlyInAnyOrder(numbered, unnumbered, issuedHere);
        online = true;
        assertThat(afterRestart.state(numbered).where()).as("the failure survives the restart").isEqualTo(InvoicePdfUploads.Where.FAILED);
        assertThat(afterRestart.drain()).isEqualTo(new InvoicePdfUploads.Drained(1, 2, false));
        assertThat(afterRestart.drain()).isEqualTo(new InvoicePdfUploads.Drained(0, 2, false));
        assertThat(stored).containsExactly(COMPANY + "/" + numbered.value() + ".pdf");
        assertThat(afterRestart.state(numbered)).isEqualTo(new InvoicePdfUploads.UploadState(InvoicePdfUploads.Where.STORED,
                Optional.empty()));
        InvoicePdfUploads.Receipt receipt = afterRestart.receipt(numbered).orElseThrow();
        assertThat(receipt.path()).isEqualTo(stored.get(0));
        assertThat(receipt.bytes()).isEqualTo(storedBytes.get(0).length);
        assertThat(receipt.sha256()).as("the digest of exactly the bytes sent").isEqualTo(InvoicePdfUploads.sha256(storedBytes.get(0)))
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256(storedBytes.get(0))));
        assertThat(new LocalCache(reopened, new Outbox(), Clock.systemUTC()).first(
                com.fielddesk.cache.query.Query.from(INVOICES).where(INVOICES.id.eq(numbered.value())),
                row -> row.get(INVOICES.pdfPath))).contains(COMPANY + "/" + numbered.value() + ".pdf");
        assertThat(afterRestart.waiting()).as("no number yet; issued here but the server has not issued it (no branding yet)")
                .containsExactlyInAnyOrder(unnumbered, issuedHere);
        reopened.close();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private InvoicePdfUploads uploads(CacheDatabase database) {
        LocalCache cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        InvoiceRepository invoices = new InvoiceRepository(cache, new UserId(csr));
        InvoicePdfs pdfs = new InvoicePdfs(invoices, Optional::empty, path -> Optional.empty(), () -> CompanyZone.UTC,
                new InvoicePdfGenerator());
        return new InvoicePdfUploads(database, invoices, pdfs, (path, pdf) -> {
            if (!online) {
                throw new IOException("Cannot reach the server");
            }
            assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
            stored.add(path);
            storedBytes.add(pdf.clone());
        }, Clock.systemUTC());
    }
}
