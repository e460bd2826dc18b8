package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.audit.AuditAction;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.pdf.InvoicePdfs;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The invoice's PDF inside the console: made, opened and drawn by PDFBox on <b>one</b> background
 * thread (the document is only ever touched there), the drawn page handed to the view as pixels;
 * page by page, zoom in/out and fit width; Save as… and Print, each recorded in the audit log as
 * an export or a print.
 */
final class InvoicePdfViewModel implements AutoCloseable {

    /** A drawn page as ARGB pixels (the view makes an image of them). */
    record RenderedPage(int index, int width, int height, int[] argb) {
    }

    /** Sends a PDF to a printer (the system's print dialog in the console). True when it was printed. */
    @FunctionalInterface
    interface PdfPrinter {
        boolean print(PDDocument document, String jobName) throws Exception;
    }

    /** Tells the audit log that an invoice's PDF was saved (export) or printed. */
    @FunctionalInterface
    interface DocumentAudit {
        void record(AuditAction action, InvoiceId invoice, String label);
    }

    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 4.0;
    private static final double POINTS_TO_PIXELS = 96.0 / 72.0;
    /** What fit width leaves beside the page: the view's padding, 12 px a side. */
    private static final double FIT_MARGIN = 24;

    private final InvoicePdfs pdfs;
    private final BackgroundTasks renderThread;
    private final PdfPrinter printer;
    private final DocumentAudit audit;
    private final ReadOnlyObjectWrapper<RenderedPage> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper zoomText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private double zoom = 1.0;
    private boolean fitWidth = true;
    private double availableWidth = 800;
    private float pageWidthPoints = 595;
    /** Touched only on the render thread. */
    private PDDocument document;
    private PDFRenderer renderer;
    private InvoicePdfs.Printed printed;
    private long generation;

    /** @param renderThread runs on the one PDF thread, results back on the FX thread */
    InvoicePdfViewModel(InvoicePdfs pdfs, BackgroundTasks renderThread, PdfPrinter printer, DocumentAudit audit) {
        this.pdfs = pdfs;
        this.renderThread = renderThread;
        this.printer = printer;
        this.audit = audit;
        updateTexts();
    }

    /** Makes the invoice's PDF now (from this computer's copy) and shows its first page. */
    void show(InvoiceId id) {
        long mine = ++generation;
        busy.set(true);
        notice.set(null);
        double scale = scale();
        renderThread.run(() -> {
            closeDocument();
            InvoicePdfs.Printed made = pdfs.pdf(id);
            document = Loader.loadPDF(made.pdf());
            renderer = new PDFRenderer(document);
            printed = made;
            pageWidthPoints = document.getPage(0).getMediaBox().getWidth();
            double firstScale = fitWidth ? fitScale(pageWidthPoints) : scale;
            return new Opened(document.getNumberOfPages(), pageWidthPoints, draw(0, firstScale));
        }, opened -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            open.set(true);
            pageCount.set(opened.pages());
            pageWidthPoints = opened.widthPoints();
            pageIndex.set(0);
            if (fitWidth) {
                zoom = fitScale(pageWidthPoints) / POINTS_TO_PIXELS;
            }
            page.set(opened.first());
            updateTexts();
        }, failure -> {
            busy.set(false);
            notice.set(InvoiceEditorViewModel.refusal("Could not make the invoice's PDF.", failure));
        });
    }

    private record Opened(int pages, float widthPoints, RenderedPage first) {
    }

    void nextPage() {
        goTo(pageIndex.get() + 1);
    }

    void previousPage() {
        goTo(pageIndex.get() - 1);
    }

    void goTo(int index) {
        if (index < 0 || index >= pageCount.get() || index == pageIndex.get()) {
            return;
        }
        pageIndex.set(index);
        redraw();
    }

    void zoomIn() {
        setZoom(zoom * 1.25);
    }

    void zoomOut() {
        setZoom(zoom / 1.25);
    }

    private void setZoom(double to) {
        fitWidth = false;
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, to));
        redraw();
    }

    /** Fits the page to the width the view has (and keeps fitting as it changes). */
    void fitWidth() {
        fitWidth = true;
        zoom = fitScale(pageWidthPoints) / POINTS_TO_PIXELS;
        redraw();
    }

    /** The view's width for the page changed. */
    void availableWidth(double width) {
        if (width <= 0 || Math.abs(width - availableWidth) < 1) {
            return;
        }
        availableWidth = width;
        if (fitWidth && open.get()) {
            zoom = fitScale(pageWidthPoints) / POINTS_TO_PIXELS;
            redraw();
        }
    }

    private double fitScale(float widthPoints) {
        return Math.max(MIN_ZOOM, (availableWidth - FIT_MARGIN) / widthPoints);
    }

    private double scale() {
        return zoom * POINTS_TO_PIXELS;
    }

    private void redraw() {
        updateTexts();
        if (!open.get()) {
            return;
        }
        int index = pageIndex.get();
        double scale = scale();
        long mine = generation;
        renderThread.run(() -> draw(index, scale), drawn -> {
            if (mine == generation && drawn.index() == pageIndex.get()) {
                page.set(drawn);
            }
        }, failure -> notice.set(Failures.notice("Could not draw the page.", failure)));
    }

    /** On the render thread. */
    private RenderedPage draw(int index, double scale) throws IOException {
        BufferedImage image = renderer.renderImage(index, (float) scale, ImageType.RGB);
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        return new RenderedPage(index, width, height, argb);
    }

    private void updateTexts() {
        pageText.set(pageCount.get() == 0 ? "" : String.format(Locale.ROOT, "Page %d of %d", pageIndex.get() + 1, pageCount.get()));
        zoomText.set(String.format(Locale.ROOT, "%d %%", Math.round(zoom * 100)) + (fitWidth ? " (fit width)" : ""));
    }

    /** The name Save as… suggests ("INV-1042.pdf"); empty before a PDF is shown. */
    void suggestName(java.util.function.Consumer<String> then) {
        renderThread.run(() -> printed == null ? "invoice.pdf" : printed.fileName(), then::accept,
                failure -> then.accept("invoice.pdf"));
    }

    /** Writes the PDF shown to {@code file}, then records the export. */
    void saveAs(Path file) {
        busy.set(true);
        renderThread.run(() -> {
            InvoicePdfs.Printed shown = requireShown();
            Files.write(file, shown.pdf());
            return recorded(AuditAction.EXPORT, shown, "Saved to " + file.getFileName() + ".");
        }, done -> {
            busy.set(false);
            notice.set(done);
        }, failure -> {
            busy.set(false);
            notice.set(Failures.notice("Could not save the PDF.", failure));
        });
    }

    /** Prints the PDF shown (the system's print dialog first), then records the print. */
    void print() {
        busy.set(true);
        renderThread.run(() -> {
            InvoicePdfs.Printed shown = requireShown();
            if (!printer.print(document, shown.label())) {
                return Notice.info("Printing was cancelled.");
            }
            return recorded(AuditAction.PRINT, shown, "Sent to the printer.");
        }, done -> {
            busy.set(false);
            notice.set(done);
        }, failure -> {
            busy.set(false);
            notice.set(Failures.notice("Could not print the PDF.", failure));
        });
    }

    private InvoicePdfs.Printed requireShown() {
        if (printed == null || document == null) {
            throw new IllegalStateException("No PDF is shown");
        }
        return printed;
    }

    /** The file or print is done either way; an audit log that cannot be told (offline) is said, not hidden. */
    private Notice recorded(AuditAction action, InvoicePdfs.Printed shown, String done) {
        try {
            audit.record(action, shown.invoice().id(), shown.label());
            return Notice.success(done);
        } catch (RuntimeException notRecorded) {
            return Notice.warning(done + " " + Failures.notice("The audit log could not record it.", notRecorded).sentence());
        }
    }

    /** On the render thread. */
    private void closeDocument() throws IOException {
        if (document != null) {
            document.close();
            document = null;
            renderer = null;
            printed = null;
        }
    }

    Optional<RenderedPage> currentPage() {
        return Optional.ofNullable(page.get());
    }

    ReadOnlyObjectProperty<RenderedPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty zoomTextProperty() {
        return zoomText.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public void close() {
        generation++;
        renderThread.run(() -> {
            closeDocument();
            return null;
        }, ignored -> { }, failure -> { });
    }
}
