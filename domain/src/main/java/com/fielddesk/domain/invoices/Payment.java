package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.Money;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A payment recorded against an invoice ("mark paid"). */
public record Payment(UUID id, Money amount, PaymentMethod method, Instant paidAt, Optional<String> reference, boolean pending) {
}
