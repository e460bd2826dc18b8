package com.fielddesk.domain.settings;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.TextRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the company's invoices look and read (the logo is uploaded separately; its Storage path is
 * only read here). Checked like the server's constraints on companies.
 */
public record InvoiceBranding(String legalName, String address, String accentColor, String footer, int paymentTermsDays,
                              String invoicePrefix, Optional<String> logoPath) {

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public InvoiceBranding {
        legalName = TextRules.clean(legalName);
        address = TextRules.clean(address);
        accentColor = accentColor == null ? null : accentColor.strip();
        footer = TextRules.clean(footer);
        invoicePrefix = invoicePrefix == null ? "" : invoicePrefix.strip();
        logoPath = logoPath == null ? Optional.empty() : logoPath;
    }

    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        TextRules.atMost(problems, "legalName", "The legal name", legalName, 200);
        TextRules.atMost(problems, "address", "The address", address, 500);
        if (accentColor == null || !HEX_COLOUR.matcher(accentColor).matches()) {
            problems.add(new FieldError("accentColor", "A colour is # and six hex digits, like #1F6FEB."));
        }
        TextRules.atMost(problems, "footer", "The footer", footer, 1_000);
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            problems.add(new FieldError("paymentTermsDays", "Payment terms are 0 to 365 days."));
        }
        TextRules.atMost(problems, "invoicePrefix", "The invoice prefix", invoicePrefix, 20);
        return problems;
    }
}
