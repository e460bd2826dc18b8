package com.fielddesk.desktop.invoices;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.apache.pdfbox.printing.PDFPageable;

import java.awt.print.PrinterJob;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Where an invoice's PDF goes: a file the user picks, or a printer through the system's print dialog. */
final class PdfOutputs {

    private PdfOutputs() {
    }

    /** Asks where to save a PDF: the system's save dialog in the console, a fixed answer in tests. */
    @FunctionalInterface
    interface SaveFileChooser {
        /** The chosen file, or empty when the user cancelled. Called on the FX thread. */
        Optional<Path> ask(Window owner, String title, String suggestedName);
    }

    static SaveFileChooser pdfDialog() {
        return (owner, title, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
            chooser.setInitialFileName(suggestedName);
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }

    /** The system's print dialog, then the pages (PDFBox's pageable, at the PDF's own size). Off the FX thread. */
    static InvoicePdfViewModel.PdfPrinter systemPrinter() {
        return (document, jobName) -> {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(document));
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        };
    }
}
