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

    /** What one drain did. */
    public record Drained(int uploaded, int waiting) {
    }

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
    public synchronized Drained drain() {
        int uploaded = 0;
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
                failed(id, notUploaded);
                break;
            }
            invoices.setPdfPath(id, path.get());
            remove(id);
            uploaded++;
            waiting--;
        }
        return new Drained(uploaded, waiting);
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

    private void failed(InvoiceId id, Exception why) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update invoice_pdf_uploads set attempts = attempts + 1, last_error = ? where invoice_id = ?")) {
                update.setString(1, String.valueOf(why));
                update.setString(2, id.value().toString());
                update.executeUpdate();
            }
            return null;
        });
    }
}
