package com.fielddesk.desktop.invoices;

import org.apache.pdfbox.printing.PDFPageable;

import java.awt.print.PrinterJob;

/** Where an invoice's PDF goes besides a file ({@code ui.SaveFileChooser}): a printer, through the system's print dialog. */
final class PdfOutputs {

    private PdfOutputs() {
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
