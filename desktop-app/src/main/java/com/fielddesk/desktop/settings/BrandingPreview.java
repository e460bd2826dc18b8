package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.invoices.pdf.InvoicePdfContent;
import com.fielddesk.domain.invoices.pdf.InvoicePdfGenerator;
import com.fielddesk.domain.settings.InvoiceBranding;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The branding page's invoice preview: a sample invoice printed by the invoices' own PDF generator
 * with the values being edited, page 1 drawn as pixels — all off the FX thread, once typing pauses
 * ({@link #PAUSE}); a newer request makes an older result stale (it is dropped). Values the branding
 * check refuses are said instead of drawn.
 */
final class BrandingPreview {

    /** How long the preview waits after the last change before it prints again. */
    static final Duration PAUSE = Duration.ofMillis(400);
    /** Page 1 is drawn at this scale (72 dpi × 0.75: about 460 px wide for a Letter page). */
    static final float SCALE = 0.75f;

    /** Page 1 of the preview: its pixels (ARGB, row by row), the branding it shows, and the PDF itself. */
    record Drawn(int width, int height, int[] argb, InvoiceBranding branding, byte[] pdf) {
    }

    private final InvoicePdfGenerator generator;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Drawn> drawn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long requested;
    private boolean closed;

    BrandingPreview(InvoicePdfGenerator generator, BackgroundTasks tasks, Clock clock) {
        this.generator = generator;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Prints the preview with these values once no newer request came for {@link #PAUSE} (call on the FX thread). */
    void request(InvoiceBranding branding, Optional<byte[]> logo) {
        long mine = ++requested;
        tasks.onUiAfter(PAUSE, () -> {
            if (mine != requested || closed) {
                return;
            }
            List<FieldError> problems = branding.problems();
            if (!problems.isEmpty()) {
                status.set("The preview shows the last valid values: " + problems.get(0).message());
                return;
            }
            status.set("Drawing the preview…");
            CompanyZone zone = new CompanyZone(clock.getZone(), Optional.empty());
            LocalDate today = LocalDate.now(clock);
            tasks.run(() -> draw(new InvoicePdfContent(SampleInvoice.issuedOn(today, branding.paymentTermsDays()), branding, logo,
                    zone), branding), page -> {
                        if (mine == requested) {
                            drawn.set(page);
                            status.set("");
                        }
                    }, failure -> {
                        if (mine == requested) {
                            status.set(Failures.sentence("Could not draw the preview.", failure));
                        }
                    });
        });
    }

    /** In the background: the PDF, then its first page as pixels. */
    private Drawn draw(InvoicePdfContent content, InvoiceBranding branding) throws IOException {
        byte[] pdf = generator.generate(content);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImage(0, SCALE * 96f / 72f, ImageType.RGB);
            int width = image.getWidth();
            int height = image.getHeight();
            return new Drawn(width, height, image.getRGB(0, 0, width, height, null, 0, width), branding, pdf);
        }
    }

    /** The page is gone (sign-out): a pending request draws nothing (call on the FX thread). */
    void close() {
        closed = true;
    }

    ReadOnlyObjectProperty<Drawn> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** "Drawing the preview…", why it is not drawn, or "". */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
