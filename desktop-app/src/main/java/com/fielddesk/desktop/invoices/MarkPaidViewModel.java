package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.PaymentMethod;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Mark paid": the amount (the balance due to start with, so a full payment is one key), how it
 * was paid, the day (the company's today to start with) and a reference. A partial amount leaves
 * the invoice partly paid; more than the balance is refused beside the amount, before anything is
 * queued (the server refuses it too, and its refusal reads the same way).
 */
final class MarkPaidViewModel {

    private final InvoiceRepository repository;
    private final BackgroundTasks tasks;
    private final Clock companyClock;
    private final Invoice invoice;
    final StringProperty amount = new SimpleStringProperty("");
    final ObjectProperty<PaymentMethod> method = new SimpleObjectProperty<>(PaymentMethod.CARD);
    final ObjectProperty<LocalDate> paidOn = new SimpleObjectProperty<>();
    final StringProperty reference = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private List<FieldError> refused = List.of();

    MarkPaidViewModel(InvoiceRepository repository, BackgroundTasks tasks, Clock companyClock, Invoice invoice) {
        this.repository = repository;
        this.tasks = tasks;
        this.companyClock = companyClock;
        this.invoice = invoice;
        amount.set(invoice.balanceDue().toPlainString());
        paidOn.set(LocalDate.now(companyClock));
        amount.addListener((o, a, b) -> refused = List.of());
    }

    String heading() {
        return invoice.summary().describe() + " · " + invoice.summary().customerName();
    }

    Money balanceDue() {
        return invoice.balanceDue();
    }

    /** The problems of the fields as typed, then what the repository refused last time. */
    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        Optional<BigDecimal> value = InvoiceEditorViewModel.decimal(amount.get());
        if (value.isEmpty()) {
            problems.add(new FieldError("amount", "An amount is like 120.00."));
        } else if (value.get().signum() <= 0) {
            problems.add(new FieldError("amount", "A payment must be more than 0."));
        } else if (Money.of(value.get(), balanceDue().currency()).compareTo(balanceDue()) > 0) {
            problems.add(new FieldError("amount", "That is more than the balance due of " + balanceDue().toPlainString() + "."));
        }
        if (method.get() == null) {
            problems.add(new FieldError("method", "Pick how it was paid: cash, check, card or bank transfer."));
        }
        if (paidOn.get() == null) {
            problems.add(new FieldError("paidAt", "When was it paid?"));
        } else if (paidOn.get().isAfter(LocalDate.now(companyClock))) {
            problems.add(new FieldError("paidAt", "A payment cannot be dated in the future."));
        }
        problems.addAll(refused);
        return problems;
    }

    /** Records the payment (queued at once); {@code done} runs on the FX thread after. False when a field is wrong. */
    boolean record(Runnable done) {
        if (!problems().isEmpty()) {
            return false;
        }
        Money paid = Money.of(InvoiceEditorViewModel.decimal(amount.get()).orElseThrow(), balanceDue().currency());
        PaymentMethod how = method.get();
        Instant at = paidAt(paidOn.get());
        String ref = reference.get();
        tasks.run(() -> repository.recordPayment(invoice.id(), paid, how, at, ref), id -> done.run(), failure -> {
            if (failure instanceof InvalidInputException invalid) {
                refused = invalid.errors();
            }
            notice.set(InvoiceEditorViewModel.refusal("Could not record the payment.", failure));
        });
        return true;
    }

    /** Today: now; an earlier day: noon of that day in the company's zone (the day is what counts). */
    private Instant paidAt(LocalDate day) {
        LocalDate today = LocalDate.now(companyClock);
        return day.equals(today) ? companyClock.instant() : day.atTime(LocalTime.NOON).atZone(companyClock.getZone()).toInstant();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
