package com.fielddesk.domain.invoices.pdf;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * Makes an invoice's PDF, headless (openhtmltopdf laying out {@link InvoiceHtml}, PDFBox writing).
 * The bundled DejaVu Sans (regular and bold, so names like "Zoë Łódź Ñúñez" print on any computer)
 * is parsed <b>once</b>, here, and only its used glyphs are embedded in each PDF; the layout's font
 * metrics are kept in one cache store across PDFs. One generator serves the whole app: documents
 * are made one at a time (the parsed fonts are not safe to share between threads).
 */
public final class InvoicePdfGenerator {

    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";

    static {
        // openhtmltopdf logs a dozen INFO lines per document (cache hits, timings): only its warnings matter here.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private TrueTypeFont regular;
    private TrueTypeFont bold;
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

    /** Cheap: the fonts are parsed by the first PDF (on the thread that makes PDFs, never the FX thread). */
    public InvoicePdfGenerator() {
    }

    /** The invoice's PDF, every page, fonts embedded. */
    public synchronized byte[] generate(InvoicePdfContent content) {
        if (regular == null) {
            regular = parse(REGULAR);
            bold = parse(BOLD);
        }
        String html = InvoiceHtml.of(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, regular, true)), InvoiceHtml.FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, bold, true)), InvoiceHtml.FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            builder.withProducer("FieldDesk");
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException failed) {
            throw new InvoicePdfException("The invoice's PDF could not be made: " + describe(failed), failed);
        }
        return out.toByteArray();
    }

    private static String describe(Exception failed) {
        return failed instanceof IOException ? "the PDF could not be written." : "its content could not be laid out.";
    }

    private static TrueTypeFont parse(String resource) {
        try (InputStream in = InvoicePdfGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The invoice font " + resource + " is missing from the application.");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The invoice font " + resource + " could not be read.", unreadable);
        }
    }
}
