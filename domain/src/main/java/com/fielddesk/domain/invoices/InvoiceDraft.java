package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.TextRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An invoice as its editor holds it: customer, the job it bills (if any), the lines in order,
 * discount, tax rate and notes. {@link #totals} are what the server will store, to the cent
 * ({@link InvoiceMath}); {@link #problems} are the server's checks as sentences beside fields.
 */
public record InvoiceDraft(CustomerId customer, Optional<UUID> workOrder, Currency currency, List<InvoiceLine> lines,
                           Money discount, BigDecimal taxRatePercent, String notes) {

    public static final int NOTES_MAX = 2_000;

    public InvoiceDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(workOrder);
        Objects.requireNonNull(currency);
        lines = List.copyOf(lines);
        discount = discount == null ? Money.zero(currency) : discount;
        taxRatePercent = taxRatePercent == null ? BigDecimal.ZERO : taxRatePercent;
        notes = TextRules.clean(notes);
    }

    /** The numbers before any payment. */
    public InvoiceMath.Totals totals() {
        return InvoiceMath.compute(currency, lines.stream().map(InvoiceLine::math).toList(), discount, taxRatePercent,
                Money.zero(currency));
    }

    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new FieldError("lines", "Add at least one line."));
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).addProblems(i, problems);
        }
        if (discount.isNegative()) {
            problems.add(new FieldError("discount", "A discount cannot be negative."));
        } else if (problems.isEmpty() && discount.compareTo(totals().subtotal()) > 0) {
            problems.add(new FieldError("discount", "The discount cannot be more than the subtotal ("
                    + totals().subtotal().toPlainString() + ")."));
        }
        if (taxRatePercent.signum() < 0 || taxRatePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldError("taxRate", "A tax rate is between 0 and 100 %."));
        }
        TextRules.atMost(problems, "notes", "The notes", notes, NOTES_MAX);
        return problems;
    }
}
