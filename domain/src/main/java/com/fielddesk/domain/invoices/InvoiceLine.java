package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.TextRules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of an invoice being edited; {@code id} is empty for a line added in the editor.
 * Checked like the server (invoice_items: description 1–500 characters, quantity above 0, price
 * not negative).
 */
public record InvoiceLine(Optional<UUID> id, String description, BigDecimal quantity, Money unitPrice) {

    public static final int DESCRIPTION_MAX = 500;

    public InvoiceLine {
        Objects.requireNonNull(id);
        description = TextRules.clean(description);
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    public static InvoiceLine added(String description, BigDecimal quantity, Money unitPrice) {
        return new InvoiceLine(Optional.empty(), description, quantity, unitPrice);
    }

    /** The line's problems, with fields named "lines[i].description" etc. so a table can mark the cell. */
    void addProblems(int index, List<FieldError> problems) {
        String prefix = "lines[" + index + "].";
        TextRules.required(problems, prefix + "description", "A line's description", description, DESCRIPTION_MAX);
        if (quantity.signum() <= 0) {
            problems.add(new FieldError(prefix + "quantity", "A quantity must be more than 0."));
        }
        if (unitPrice.isNegative()) {
            problems.add(new FieldError(prefix + "unitPrice", "A price cannot be negative."));
        }
    }

    InvoiceMath.Line math() {
        return new InvoiceMath.Line(quantity, unitPrice);
    }
}
