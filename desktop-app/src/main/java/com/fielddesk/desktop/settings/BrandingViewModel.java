package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.settings.InvoiceBranding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings → Invoice branding: how the company's invoices look and read — legal name, address,
 * accent colour, footer, payment terms, invoice prefix — saved through the outbox by an admin and
 * read by a supervisor (with the reason). Checked as {@link InvoiceBranding} checks, beside each field.
 */
final class BrandingViewModel {

    static final String DEFAULT_ACCENT = "#1F6FEB";

    private final CompanySettingsRepository settings;
    private final BackgroundTasks tasks;

    private final StringProperty legalName = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty accentColor = new SimpleStringProperty(DEFAULT_ACCENT);
    private final StringProperty footer = new SimpleStringProperty("");
    private final ObjectProperty<Integer> paymentTermsDays = new SimpleObjectProperty<>(30);
    private final StringProperty invoicePrefix = new SimpleStringProperty("");
    private final Map<String, ReadOnlyStringWrapper> problems = new HashMap<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayChange = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private Optional<String> logoPath = Optional.empty();

    BrandingViewModel(CompanySettingsRepository settings, BackgroundTasks tasks) {
        this.settings = settings;
        this.tasks = tasks;
        for (String field : List.of("legalName", "address", "accentColor", "footer", "paymentTermsDays", "invoicePrefix")) {
            problems.put(field, new ReadOnlyStringWrapper(""));
        }
    }

    private record Read(Optional<InvoiceBranding> branding, Optional<Role> role) {
    }

    void load() {
        tasks.run(() -> new Read(settings.invoiceBranding(), settings.role()), this::shown,
                failure -> notice.set(Failures.notice("Could not read the invoice branding from this computer's copy.", failure)));
    }

    private void shown(Read read) {
        boolean admin = read.role().map(Role.ADMIN::equals).orElse(false);
        mayChange.set(admin && read.branding().isPresent());
        readOnlyReason.set(read.branding().isEmpty() ? "The company is not on this computer yet; wait for the first sync."
                : admin ? "" : "Only an admin can change the invoice branding; you see it as it is.");
        read.branding().ifPresent(branding -> {
            legalName.set(orEmpty(branding.legalName()));
            address.set(orEmpty(branding.address()));
            accentColor.set(branding.accentColor() == null ? DEFAULT_ACCENT : branding.accentColor());
            footer.set(orEmpty(branding.footer()));
            paymentTermsDays.set(branding.paymentTermsDays());
            invoicePrefix.set(orEmpty(branding.invoicePrefix()));
            logoPath = branding.logoPath();
        });
        loaded.set(true);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    InvoiceBranding edited() {
        return new InvoiceBranding(legalName.get(), address.get(), accentColor.get(), footer.get(),
                paymentTermsDays.get() == null ? -1 : paymentTermsDays.get(), invoicePrefix.get(), logoPath);
    }

    /** Checks each field, then queues the change through the repository (it reaches the server with the next sync). */
    void save() {
        if (!mayChange.get() || saving.get()) {
            return;
        }
        InvoiceBranding edited = edited();
        List<FieldError> found = edited.problems();
        problems.forEach((field, problem) -> problem.set(found.stream().filter(error -> error.field().equals(field))
                .map(FieldError::message).findFirst().orElse("")));
        if (!found.isEmpty()) {
            notice.set(Notice.warning("Nothing was saved: " + found.get(0).message()));
            return;
        }
        saving.set(true);
        notice.set(null);
        tasks.run(() -> {
            settings.saveInvoiceBranding(edited);
            return true;
        }, saved -> {
            saving.set(false);
            notice.set(Notice.success("Saved on this computer; it reaches the server with the next sync."));
        }, failure -> {
            saving.set(false);
            notice.set(LeadPreferencesViewModel.refused(failure)
                    .orElseGet(() -> Failures.notice("Could not save the invoice branding.", failure)));
        });
    }

    void revert() {
        problems.values().forEach(problem -> problem.set(""));
        notice.set(null);
        load();
    }

    StringProperty legalNameProperty() {
        return legalName;
    }

    StringProperty addressProperty() {
        return address;
    }

    /** "#RRGGBB". */
    StringProperty accentColorProperty() {
        return accentColor;
    }

    StringProperty footerProperty() {
        return footer;
    }

    ObjectProperty<Integer> paymentTermsDaysProperty() {
        return paymentTermsDays;
    }

    StringProperty invoicePrefixProperty() {
        return invoicePrefix;
    }

    /** The problem with one field ("legalName", "accentColor", …), or "". */
    ReadOnlyStringProperty problemProperty(String field) {
        return problems.get(field).getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty mayChangeProperty() {
        return mayChange.getReadOnlyProperty();
    }

    ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
