package com.fielddesk.domain.invoices.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Invoice PDF speed (issue 16): a 10-item invoice warm (fonts parsed once, in the generator) —
 * median and p95 over 200 runs after 30 warm-up runs — and a 500-item invoice's time and page
 * count; the first page opened and drawn as the viewer does. With a path argument it also writes the 10-item sample there (docs/sample-invoice.pdf).
 * Run: test-compile, then {@code java -cp domain/target/test-classes:domain/target/classes:<test classpath>
 * com.fielddesk.domain.invoices.pdf.InvoicePdfBenchmark [docs/sample-invoice.pdf]}.
 */
public final class InvoicePdfBenchmark {

    private static final int WARM_UP = 30;
    private static final int RUNS = 200;

    private InvoicePdfBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        InvoicePdfGenerator generator = new InvoicePdfGenerator();
        System.out.printf(Locale.ROOT, "generator made in %.1f ms (it parses the fonts with the first PDF)%n", (System.nanoTime() - started) / 1e6);
        InvoicePdfContent ten = InvoicePdfSamples.content(Optional.of(1042L), 10, true);
        long first = System.nanoTime();
        byte[] sample = generator.generate(ten);
        System.out.printf(Locale.ROOT, "10 items, first (cold) PDF, fonts parsed: %.1f ms%n", (System.nanoTime() - first) / 1e6);
        for (int i = 0; i < WARM_UP; i++) {
            generator.generate(ten);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            generator.generate(ten);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "10 items, warm: median %.1f ms, p95 %.1f ms (%d runs, %d bytes)%n",
                millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], RUNS, sample.length);

        double[] firstPage = new double[RUNS / 4];
        for (int i = 0; i < firstPage.length; i++) {
            long t = System.nanoTime();
            try (PDDocument pdf = Loader.loadPDF(sample)) {
                new PDFRenderer(pdf).renderImage(0, (float) (96.0 / 72.0), ImageType.RGB);
            }
            firstPage[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(firstPage);
        System.out.printf(Locale.ROOT, "10 items, first page opened and drawn at 96 dpi (the viewer's work): median %.1f ms, p95 %.1f ms%n",
                firstPage[firstPage.length / 2], firstPage[(int) Math.ceil(firstPage.length * 0.95) - 1]);

        InvoicePdfContent fiveHundred = InvoicePdfSamples.content(Optional.of(1043L), 500, true);
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            byte[] big = generator.generate(fiveHundred);
            double ms = (System.nanoTime() - t) / 1e6;
            try (PDDocument pdf = Loader.loadPDF(big)) {
                System.out.printf(Locale.ROOT, "500 items, run %d: %.1f ms, %d pages, %d bytes%n", round, ms,
                        pdf.getNumberOfPages(), big.length);
            }
        }
        if (args.length > 0) {
            Path target = Path.of(args[0]);
            Files.write(target, sample);
            System.out.println("sample written to " + target.toAbsolutePath());
        }
    }
}
