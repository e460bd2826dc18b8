package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.Money;

/** The sums under the invoices list: how many, their totals and what is still due (exact, from SQL). */
public record FilteredTotals(long count, Money total, Money balanceDue) {
}
