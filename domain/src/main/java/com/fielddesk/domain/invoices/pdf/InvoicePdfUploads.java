package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.InvoiceStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The issued invoices' PDFs on their way to the Storage "invoices" bucket. Issuing queues the
 * invoice here (the cache table {@code invoice_pdf_uploads}, never synced), so the upload survives
 * restarts and offline spells; {@link #drain} uploads each queued invoice once the server has
 * numbered and issued it (its number and issued branding have come back), sets {@code pdf_path}, and only then drops it from the queue. Offline, the
 * first failed upload stops the drain and the rest wait for the next one.
 */
public final class InvoicePdfUploads {

    /** Where PDFs go (the Storage bucket in the console). Throws when the upload did not happen. */
    @FunctionalInterface
    public interface PdfStore {
        void upload(String path, byte[] pdf) throws Exception;
    }

    /** What one drain did; {@code failed}: an upload failed and the rest wait (try again later). */
    public record Drained(int uploaded, int waiting, boolean failed) {
    }

    /** Where an invoice's PDF is, as far as this computer knows. */
    public enum Where {
        /** Not queued here and no {@code pdf_path}: a draft, or issued elsewhere. */
        NOT_QUEUED,
        /** Queued, not tried yet or waiting for the server's number. */
        WAITING,
        /** Queued; the last try failed (it is tried again). */
        FAILED,
        /** In the invoices bucket ({@code pdf_path} set). */
        STORED
    }

    /** @param failure why the last try failed, as a sentence (only when {@link Where#FAILED}) */
    public record UploadState(Where where, Optional<String> failure) {
    }

    /** What this computer uploaded: where, its size and SHA-256 (hex), and when. */
    public record Receipt(String path, long bytes, String sha256, java.time.Instant uploadedAt) {
    }

    /** Said of a failure when no sentence was kept for it (a row queued before sentences were). */
    static final String UNEXPLAINED = "The last try did not go through.";

    private final CacheDatabase database;
    private final InvoiceRepository invoices;
    private final InvoicePdfs pdfs;
    private final PdfStore store;
    private final Clock clock;

    public InvoicePdfUploads(CacheDatabase database, InvoiceRepository invoices, InvoicePdfs pdfs, PdfStore store, Clock clock) {
        this.database = database;
        this.invoices = invoices;
        this.pdfs = pdfs;
        this.store = store;
        this.clock = clock;
    }

    /** Queues the invoice's PDF (again queuing one already queued changes nothing). */
    public void queue(InvoiceId id) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into invoice_pdf_uploads (invoice_id, queued_at) values (?, ?) on conflict (invoice_id) do nothing")) {
                insert.setString(1, id.value().toString());
                insert.setString(2, clock.instant().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The invoices whose PDF waits, oldest first. */
    public List<InvoiceId> waiting() {
        return database.read(connection -> {
            List<InvoiceId> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select invoice_id from invoice_pdf_uploads order by queued_at, invoice_id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(new InvoiceId(UUID.fromString(rows.getString(1))));
                }
            }
            return ids;
        });
    }

    /**
     * Uploads what can go now: invoices the server has numbered and issued, so the PDF carries the
     * number and the branding the server recorded at issue (a draft, or an issue the server has not
     * confirmed yet, waits); a void one or one no longer on this computer leaves the queue without an
     * upload.
     */
    public Drained drain() {
        return drain(failure -> UNEXPLAINED);
    }

    /**
     * {@link #drain()}, saying why an upload failed with {@code explain} (kept with the queued
     * invoice for {@link #state}).
     */
    public synchronized Drained drain(java.util.function.Function<? super Exception, String> explain) {
        int uploaded = 0;
        boolean failedOne = false;
        List<InvoiceId> queued = waiting();
        int waiting = queued.size();
        for (InvoiceId id : queued) {
            Optional<Invoice> invoice = invoices.invoice(id);
            if (invoice.isEmpty() || InvoiceStatus.VOID.equals(invoice.get().summary().status())) {
                remove(id);
                waiting--;
                continue;
            }
            Optional<String> path = invoices.storagePath(id);
            if (invoice.get().summary().number().isEmpty() || path.isEmpty() || invoices.issuedBranding(id).isEmpty()) {
                continue;
            }
            byte[] pdf = pdfs.pdf(id).pdf();
            try {
                store.upload(path.get(), pdf);
            } catch (Exception notUploaded) {
                failed(id, notUploaded, explain.apply(notUploaded));
                failedOne = true;
                break;
            }
            invoices.setPdfPath(id, path.get());
            uploaded(id, new Receipt(path.get(), pdf.length, sha256(pdf), clock.instant()));
            uploaded++;
            waiting--;
        }
        return new Drained(uploaded, waiting, failedOne);
    }

    /** Where the invoice's PDF is: stored, waiting in the queue, failed last time (and why), or not queued here. */
    public UploadState state(InvoiceId id) {
        Optional<UploadState> queued = database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select last_error, failure from invoice_pdf_uploads where invoice_id = ?")) {
                query.setString(1, id.value().toString());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<UploadState>empty();
                    }
                    String technical = row.getString(1);
                    String sentence = row.getString(2);
                    return Optional.of(technical == null && sentence == null ? new UploadState(Where.WAITING, Optional.empty())
                            : new UploadState(Where.FAILED, Optional.of(sentence == null ? UNEXPLAINED : sentence)));
                }
            }
        });
        return queued.orElseGet(() -> new UploadState(invoices.pdfPath(id).isPresent() ? Where.STORED : Where.NOT_QUEUED,
                Optional.empty()));
    }

    /** What this computer uploaded for the invoice; empty when it uploaded nothing for it. */
    public Optional<Receipt> receipt(InvoiceId id) {
        return receipt(database, id);
    }

    /** What this computer uploaded for the invoice, read from its cache {@code database}. */
    public static Optional<Receipt> receipt(CacheDatabase database, InvoiceId id) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select path, bytes, sha256, uploaded_at from invoice_pdf_receipts where invoice_id = ?")) {
                query.setString(1, id.value().toString());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(new Receipt(row.getString(1), row.getLong(2), row.getString(3),
                            java.time.Instant.parse(row.getString(4)))) : Optional.<Receipt>empty();
                }
            }
        });
    }

    /** The SHA-256 of {@code bytes} in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** Off the queue, with the receipt of what went: one local transaction. */
    private void uploaded(InvoiceId id, Receipt receipt) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into invoice_pdf_receipts"
                    + " (invoice_id, path, bytes, sha256, uploaded_at) values (?, ?, ?, ?, ?) on conflict (invoice_id) do update"
                    + " set path = excluded.path, bytes = excluded.bytes, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at");
                 PreparedStatement delete = connection.prepareStatement("delete from invoice_pdf_uploads where invoice_id = ?")) {
                insert.setString(1, id.value().toString());
                insert.setString(2, receipt.path());
                insert.setLong(3, receipt.bytes());
                insert.setString(4, receipt.sha256());
                insert.setString(5, receipt.uploadedAt().toString());
                insert.executeUpdate();
                delete.setString(1, id.value().toString());
                delete.executeUpdate();
            }
            return null;
        });
    }

    private void remove(InvoiceId id) {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from invoice_pdf_uploads where invoice_id = ?")) {
                delete.setString(1, id.value().toString());
                delete.executeUpdate();
            }
            return null;
        });
    }

    private void failed(InvoiceId id, Exception why, String sentence) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update invoice_pdf_uploads set attempts = attempts + 1, last_error = ?, failure = ? where invoice_id = ?")) {
                update.setString(1, String.valueOf(why));
                update.setString(2, sentence == null || sentence.isBlank() ? UNEXPLAINED : sentence);
                update.setString(3, id.value().toString());
                update.executeUpdate();
            }
            return null;
        });
    }
}
