package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.SaveFileChooser;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.pdf.InvoicePdfUploads;
import com.fielddesk.domain.invoices.pdf.InvoicePdfs;
import javafx.application.Platform;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Billing → Invoices as a console section, for office staff: the list, the editor, Mark paid and
 * the PDF viewer; an issued invoice's PDF is queued for the Storage "invoices" bucket and uploaded
 * whenever the queue can move (the section starts, the list changes — e.g. the number arrived —,
 * or the console comes back online). Opens invoices by id ({@link RecordKind#INVOICE}) and "Invoice this job"
 * ({@link RecordKind#JOB_TO_INVOICE} with the job's id: a new invoice for its customer, the job's
 * title as the first line).
 */
public final class InvoicesFeature {

    public static final String ID = "invoices";

    private InvoicesFeature() {
    }

    /** The section as the console wires it: PDFs saved and printed through the system's dialogs, told to the audit log. */
    public static Feature feature(InvoiceRepository invoices, InvoicePdfs pdfs, InvoicePdfUploads uploads, AuditEvents audit) {
        return feature(invoices, pdfs, uploads, (action, invoice, label) -> audit.recordDocument(action, "invoices", invoice.value(),
                label, "pdf"), PdfOutputs.systemPrinter(), SaveFileChooser.pdfDialog());
    }

    static Feature feature(InvoiceRepository invoices, InvoicePdfs pdfs, InvoicePdfUploads uploads,
                           InvoicePdfViewModel.DocumentAudit audit,
                           InvoicePdfViewModel.PdfPrinter printer, SaveFileChooser files) {
        return Feature.section(ID, "Invoices").group("Billing").icon(Material2MZ.RECEIPT)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.INVOICE, RecordKind.JOB_TO_INVOICE)
                .screen(context -> new Screen(context, invoices, pdfs, uploads, audit, printer, files));
    }

    private static final class Screen implements FeatureScreen {
        private final InvoicesViewModel model;
        private final InvoicesView view;
        private final InvoiceDialogs dialogs;
        /** PDFBox works on this one thread: PDFs are made, opened, drawn, saved and printed here. */
        private final ExecutorService pdfThread = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "invoice-pdf");
            thread.setDaemon(true);
            return thread;
        });

        Screen(FeatureContext context, InvoiceRepository invoices, InvoicePdfs pdfs, InvoicePdfUploads uploads,
               InvoicePdfViewModel.DocumentAudit audit, InvoicePdfViewModel.PdfPrinter printer, SaveFileChooser files) {
            BackgroundTasks pdfTasks = new BackgroundTasks(pdfThread, context.tasks()::onUi);
            model = new InvoicesViewModel(invoices, context.tasks(), context.changes(), context.formats(), context.clock(),
                    uploads, pdfTasks, context.sync().onlineProperty(), context.navigator());
            dialogs = new InvoiceDialogs(invoices, context.tasks(), context.formats(), context.clock(),
                    () -> new InvoicePdfViewModel(pdfs, pdfTasks, printer, audit), files, context.changes(), uploads::queue);
            view = new InvoicesView(model, dialogs, context.settings());
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            model.start();
            view.focusSearch();
        }

        @Override
        public Optional<String> open(RecordRef record) {
            try {
                if (record.kind() == RecordKind.JOB_TO_INVOICE) {
                    UUID job = UUID.fromString(record.id());
                    model.jobToInvoice(job, found -> Platform.runLater(() -> dialogs.invoiceJob(view.window(), found, model::saved)));
                    return Optional.empty();
                }
                model.show(InvoiceId.parse(record.id()));
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("This invoice reference is not valid.");
            }
        }

        @Override
        public void close() {
            model.close();
            pdfThread.shutdown();
        }
    }
}
