package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.common.FieldError;
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
import java.util.UUID;

/**
 * Settings → Invoice branding: how the company's invoices look and read — legal name, address,
 * accent colour, footer, payment terms, invoice prefix — saved through the outbox by an admin and
 * read by a supervisor (with the reason). Checked as {@link InvoiceBranding} checks, beside each field;
 * a preview of an invoice PDF with the values being edited follows the edits ({@link BrandingPreview}).
 */
final class BrandingViewModel {

    static final String DEFAULT_ACCENT = "#1F6FEB";

    private final CompanySettingsRepository settings;
    private final BackgroundTasks tasks;
    private final CompanyPage page;

    private final StringProperty legalName = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty accentColor = new SimpleStringProperty(DEFAULT_ACCENT);
    private final StringProperty footer = new SimpleStringProperty("");
    private final ObjectProperty<Integer> paymentTermsDays = new SimpleObjectProperty<>(30);
    private final StringProperty invoicePrefix = new SimpleStringProperty("");
    private final Map<String, ReadOnlyStringWrapper> problems = new HashMap<>();
    private Optional<String> logoPath = Optional.empty();

    /** The largest logo taken (the invoice shows it small; the bucket would take 2 MB). */
    static final int LOGO_MAX_BYTES = 512 * 1024;

    private final LogoStore logos;
    private final ReadOnlyObjectWrapper<byte[]> logo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper logoStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper();

    private final BrandingPreview preview;

    BrandingViewModel(CompanySettingsRepository settings, LogoStore logos, BackgroundTasks tasks, BrandingPreview preview) {
        this.settings = settings;
        this.logos = logos;
        this.tasks = tasks;
        this.preview = preview;
        this.page = new CompanyPage(settings, tasks, "the invoice branding; you see it as it is");
        for (String field : List.of("legalName", "address", "accentColor", "footer", "paymentTermsDays", "invoicePrefix")) {
            problems.put(field, new ReadOnlyStringWrapper(""));
        }
        // The invoice preview follows every edit (it waits for a pause in the typing itself).
        for (javafx.beans.Observable edited : List.of(legalName, address, accentColor, footer, paymentTermsDays, invoicePrefix,
                logo)) {
            edited.addListener(changed -> preview.request(edited(), Optional.ofNullable(logo.get())));
        }
    }

    /** The invoice preview of the values being edited. */
    BrandingPreview preview() {
        return preview;
    }

    void load() {
        page.load(settings::invoiceBranding, "the invoice branding", this::shown);
    }

    private void shown(InvoiceBranding branding) {
        legalName.set(orEmpty(branding.legalName()));
        address.set(orEmpty(branding.address()));
        accentColor.set(branding.accentColor() == null ? DEFAULT_ACCENT : branding.accentColor());
        footer.set(orEmpty(branding.footer()));
        paymentTermsDays.set(branding.paymentTermsDays());
        invoicePrefix.set(orEmpty(branding.invoicePrefix()));
        logoPath = branding.logoPath();
        showLogo();
    }

    // ---- the logo ----

    private void showLogo() {
        if (logoPath.isEmpty()) {
            logo.set(null);
            logoStatus.set("No logo uploaded yet.");
            return;
        }
        String path = logoPath.get();
        logoStatus.set("Reading the logo from the server…");
        tasks.run(() -> logos.download(path), image -> {
            logo.set(image);
            logoStatus.set("");
        }, failure -> logoStatus.set(Failures.sentence("Could not show the logo.", failure)));
    }

    /**
     * A PNG or JPEG of at most 512 KB, told by its first bytes (not its name): uploaded to the
     * company's folder, then the company points at it through the outbox; the preview shows it.
     */
    void uploadLogo(java.nio.file.Path file) {
        if (!page.mayChangeProperty().get() || uploading.get()) {
            return;
        }
        uploading.set(true);
        logoStatus.set("Uploading " + file.getFileName() + "…");
        tasks.run(() -> {
            long size = java.nio.file.Files.size(file);
            if (size > LOGO_MAX_BYTES) {
                return new LogoResult(null, file.getFileName() + " is " + SyncPageViewModel.inWords(size)
                        + "; a logo can be at most 512 KB. Save a smaller image and try again.");
            }
            byte[] image = java.nio.file.Files.readAllBytes(file);
            Optional<String> type = imageType(image);
            if (type.isEmpty()) {
                return new LogoResult(null, file.getFileName() + " is not a PNG or JPEG image.");
            }
            UUID company = settings.companyId().orElseThrow(() -> new com.fielddesk.domain.settings.SettingsNotAllowedException(
                    "The company is not on this computer yet; wait for the first sync."));
            String path = logoPath(company, image, type.get());
            logos.upload(path, image, type.get());
            settings.saveLogoPath(path);
            return new LogoResult(new Uploaded(path, image), "");
        }, result -> {
            uploading.set(false);
            if (result.uploaded() == null) {
                logoStatus.set(result.problem());
                return;
            }
            logoPath = Optional.of(result.uploaded().path());
            logo.set(result.uploaded().image());
            logoStatus.set("Uploaded. Invoices point at the new logo once the change syncs.");
        }, failure -> {
            uploading.set(false);
            logoStatus.set(CompanyPage.refused(failure).map(Notice::sentence)
                    .orElseGet(() -> Failures.sentence("Could not upload the logo.", failure)));
        });
    }

    /**
     * The logo's object name in the branding bucket, made from its content: a new logo never
     * overwrites an older one, because issued invoices keep the logo path they were issued with
     * (supabase/README.md, invoices.branding); the same image again lands on the same object.
     */
    static String logoPath(UUID company, byte[] image, String contentType) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(image);
            return company + "/invoice-logo-" + java.util.HexFormat.of().formatHex(digest, 0, 8)
                    + (contentType.equals("image/png") ? ".png" : ".jpg");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private record Uploaded(String path, byte[] image) {
    }

    private record LogoResult(Uploaded uploaded, String problem) {
    }

    /** "image/png" or "image/jpeg" from the file's signature; empty for anything else. */
    static Optional<String> imageType(byte[] image) {
        if (image.length >= 8 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return Optional.of("image/png");
        }
        if (image.length >= 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8 && (image[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    /** The logo's bytes for the preview (null: none, or not read yet). */
    ReadOnlyObjectProperty<byte[]> logoProperty() {
        return logo.getReadOnlyProperty();
    }

    ReadOnlyStringProperty logoStatusProperty() {
        return logoStatus.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty uploadingProperty() {
        return uploading.getReadOnlyProperty();
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
        if (!page.mayChangeProperty().get() || page.savingProperty().get()) {
            return;
        }
        InvoiceBranding edited = edited();
        List<FieldError> found = edited.problems();
        problems.forEach((field, problem) -> problem.set(found.stream().filter(error -> error.field().equals(field))
                .map(FieldError::message).findFirst().orElse("")));
        if (!found.isEmpty()) {
            page.tell(Notice.warning("Nothing was saved: " + found.get(0).message()));
            return;
        }
        page.save(() -> {
            settings.saveInvoiceBranding(edited);
            return true;
        }, "the invoice branding", () -> page.saved(Notice.success("Saved on this computer; it reaches the server with the next sync.")));
    }

    void revert() {
        problems.values().forEach(problem -> problem.set(""));
        page.tell(null);
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

    CompanyPage page() {
        return page;
    }
}
