package com.fielddesk.desktop.settings;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.leads.Trade;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.settings.LeadPreferences;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Settings section on a real SQLite cache, shown by the real navigator: Reset local cache
 * refuses while changes wait and names how many, then resets only when the user confirms
 * discarding them; personal choices apply and are remembered; an admin edits lead preferences
 * (chips, trades) and saves them into the outbox, then the pool is pulled again; a supervisor
 * reads them; a dispatcher does not see them.
 */
class SettingsFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private LocalCache local;
    private SectionUnderTest section;
    private RecordingConsole console;
    private final UUID admin = UUID.randomUUID();
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID supervisor = UUID.randomUUID();

    @BeforeEach
    void open() {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        local = new LocalCache(cache, new Outbox(), Clock.systemUTC());
        CacheRows.write(cache, "profiles", List.of(
                row("id", admin, "company_id", COMPANY, "role", "admin", "full_name", "Ada Admin"),
                row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher"),
                row("id", supervisor, "company_id", COMPANY, "role", "supervisor", "full_name", "Sam Supervisor")));
        var company = row("id", COMPANY, "name", "Acme Heating", "timezone", "America/New_York", "lead_opt_in", true,
                "invoice_accent_color", "#1F6FEB", "payment_terms_days", 30, "invoice_prefix", "INV-");
        company.putArray("trades").add("hvac");
        company.putArray("service_postal_codes").add("12345").add("12346");
        CacheRows.write(cache, "companies", List.of(company));
        console = new RecordingConsole(cache, theme -> { });
    }

    @AfterEach
    void close() throws Exception {
        if (section != null) {
            section.close();
        }
        cache.close();
    }

    private final java.util.concurrent.atomic.AtomicInteger poolPulls = new java.util.concurrent.atomic.AtomicInteger();

    private final java.util.Map<String, byte[]> stored = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<Path> chosen = new java.util.concurrent.atomic.AtomicReference<>();

    private com.fielddesk.desktop.app.feature.Feature feature(UUID user) {
        return SettingsFeature.feature(new CompanySettingsRepository(local, new UserId(user)), () -> {
            poolPulls.incrementAndGet();
            return 4L;
        }, new LogoStore() {
            @Override
            public void upload(String path, byte[] image, String contentType) {
                stored.put(path, image);
            }

            @Override
            public byte[] download(String path) {
                return stored.get(path);
            }
        }, console, (owner, title) -> java.util.Optional.ofNullable(chosen.get()));
    }


    private void showTab(String id) {
        Fx.run(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) section.lookup("#settings");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow());
        });
    }

    private boolean hasTab(String id) {
        return Fx.read(() -> ((javafx.scene.control.TabPane) section.lookup("#settings")).getTabs().stream()
                .anyMatch(tab -> id.equals(tab.getId())));
    }

    @Test
    void anAdminSavesLeadPreferencesThroughTheOutboxAndThePoolIsPulledAgain() throws Exception {
        section = SectionUnderTest.show(feature(admin), cache, folder);
        Fx.waitUntil("an admin sees the company's lead preferences", DEADLINE, () -> hasTab("settings-tab-leads"));
        showTab("settings-tab-leads");
        Fx.waitUntil("read from the cache", DEADLINE, () -> Fx.read(() -> ((javafx.scene.control.CheckBox)
                section.lookup("#settings-leads-trade-hvac")).isSelected()) && chips().equals(List.of("12345", "12346")));
        assertThat(Fx.read(() -> section.lookup("#settings-leads-read-only").isVisible())).isFalse();

        javafx.scene.control.TextField code = Fx.read(() -> (javafx.scene.control.TextField) section.lookup("#settings-leads-code"));
        Fx.run(code::requestFocus);
        org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
        robot.write(" sw1a 1aa").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil("Enter adds the code, cleaned", DEADLINE, () -> chips().equals(List.of("12345", "12346", "SW1A 1AA")));
        robot.write("sw1a 1aa").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil("a code twice is refused", DEADLINE,
                () -> section.text("#settings-leads-code-problem").equals("SW1A 1AA is in the list already."));
        Fx.run(code::clear);
        robot.write("123456789012345678901").type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil("too long a code is refused as the repository refuses it", DEADLINE,
                () -> section.text("#settings-leads-code-problem").endsWith("is not a postal code (at most 20 characters)."));
        Fx.run(code::clear);
        robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        Fx.waitUntil("Backspace in the empty field removes the last code", DEADLINE,
                () -> chips().equals(List.of("12345", "12346")));
        Fx.run(() -> ((Button) section.lookup("#settings-leads-remove-12345")).fire());
        robot.write("90210").type(javafx.scene.input.KeyCode.ENTER);
        Fx.run(() -> ((javafx.scene.control.CheckBox) section.lookup("#settings-leads-trade-plumbing")).fire());
        Fx.waitUntil("edited", DEADLINE, () -> chips().equals(List.of("12346", "90210")));

        Fx.run(() -> ((Button) section.lookup("#settings-leads-save")).fire());
        Fx.waitUntil("saved and the pool pulled again", DEADLINE, () -> section.text("#settings-leads-notice")
                .equals("Saved. The lead pool now follows these preferences (the server shows 4 leads in it now)."));
        assertThat(poolPulls).hasValue(1);
        List<com.fielddesk.cache.outbox.OutboxEntry> queued = cache.read(connection -> new Outbox().all(connection));
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).table()).isEqualTo("companies");
        assertThat(queued.get(0).changes().get("service_postal_codes").toString()).isEqualTo("[\"12346\",\"90210\"]");
        assertThat(queued.get(0).changes().get("trades").toString()).isEqualTo("[\"hvac\",\"plumbing\"]");
    }

    @Test
    void aSupervisorReadsLeadPreferencesAndADispatcherDoesNotSeeThem() throws Exception {
        section = SectionUnderTest.show(feature(supervisor), cache, folder);
        Fx.waitUntil("a supervisor sees the company's lead preferences", DEADLINE, () -> hasTab("settings-tab-leads"));
        showTab("settings-tab-leads");
        Fx.waitUntil("read-only, saying why", DEADLINE, () -> section.text("#settings-leads-read-only")
                .equals("Only an admin can change the company's lead preferences; you see them as they are."));
        Fx.waitUntil("as they are", DEADLINE, () -> chips().equals(List.of("12345", "12346")));
        assertThat(Fx.read(() -> section.lookup("#settings-leads-save").isDisabled())).isTrue();
        assertThat(Fx.read(() -> section.lookup("#settings-leads-code").isDisabled())).isTrue();
        assertThat(Fx.read(() -> section.lookup("#settings-leads-opt-in").isDisabled())).isTrue();
        showTab("settings-tab-branding");
        Fx.waitUntil("the branding too, read-only", DEADLINE, () -> section.text("#settings-branding-read-only")
                .equals("Only an admin can change the invoice branding; you see it as it is."));
        assertThat(Fx.read(() -> section.lookup("#settings-branding-save").isDisabled())).isTrue();
        section.close();

        section = SectionUnderTest.show(feature(dispatcher), cache, folder);
        Fx.waitUntil("a dispatcher has Sync and Personal", DEADLINE, () -> hasTab("settings-tab-personal"));
        // The role is read in the background before the copy's size: once the size shows, the role's answer is in.
        Fx.waitUntil("the copy's size is shown", DEADLINE, () -> !section.text("#settings-sync-size").isEmpty());
        assertThat(hasTab("settings-tab-leads")).as("no company pages for a dispatcher").isFalse();
        assertThat(hasTab("settings-tab-branding")).isFalse();
    }

    @Test
    void anAdminSavesInvoiceBrandingCheckedFieldByField() throws Exception {
        section = SectionUnderTest.show(feature(admin), cache, folder);
        Fx.waitUntil("an admin sees the invoice branding", DEADLINE, () -> hasTab("settings-tab-branding"));
        showTab("settings-tab-branding");
        Fx.waitUntil("read from the cache", DEADLINE, () -> Fx.read(() -> ((javafx.scene.control.TextField)
                section.lookup("#settings-branding-prefix")).getText()).equals("INV-"));
        assertThat(Fx.read(() -> BrandingView.hex(((javafx.scene.control.ColorPicker) section.lookup("#settings-branding-accent"))
                .getValue()))).isEqualTo("#1F6FEB");
        Fx.run(() -> {
            ((javafx.scene.control.TextField) section.lookup("#settings-branding-legal-name")).setText("Acme Heating LLC");
            ((javafx.scene.control.TextField) section.lookup("#settings-branding-prefix")).setText("ACME-INVOICE-NUMBER-PREFIX");
            ((javafx.scene.control.ColorPicker) section.lookup("#settings-branding-accent"))
                    .setValue(javafx.scene.paint.Color.web("#ff8800"));
            ((Button) section.lookup("#settings-branding-save")).fire();
        });
        Fx.waitUntil("too long a prefix is said beside it", DEADLINE,
                () -> !section.text("#settings-branding-problem-invoicePrefix").isEmpty());
        List<com.fielddesk.cache.outbox.OutboxEntry> none = cache.read(connection -> new Outbox().all(connection));
        assertThat(none).as("nothing queued").isEmpty();

        Fx.run(() -> {
            ((javafx.scene.control.TextField) section.lookup("#settings-branding-prefix")).setText("AC-");
            section.lookup("#settings-branding-prefix").requestFocus();
        });
        // Alt+S is Save here, not the Sync page's Sign out (hidden behind its tab).
        new org.testfx.api.FxRobot().press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.ALT);
        Fx.waitUntil("saved", DEADLINE, () -> section.text("#settings-branding-notice")
                .equals("Saved on this computer; it reaches the server with the next sync."));
        assertThat(section.text("#settings-branding-problem-invoicePrefix")).isEmpty();
        assertThat(console.signOuts).hasValue(0);
        List<com.fielddesk.cache.outbox.OutboxEntry> queued = cache.read(connection -> new Outbox().all(connection));
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).changes().get("invoice_prefix").asText()).isEqualTo("AC-");
        assertThat(queued.get(0).changes().get("invoice_accent_color").asText()).isEqualTo("#FF8800");
        assertThat(queued.get(0).changes().get("invoice_legal_name").asText()).isEqualTo("Acme Heating LLC");

        Path notAnImage = java.nio.file.Files.writeString(folder.resolve("logo.png"), "not really a picture");
        chosen.set(notAnImage);
        Fx.run(() -> ((Button) section.lookup("#settings-branding-upload")).fire());
        Fx.waitUntil("a file that is not an image is refused", DEADLINE,
                () -> section.text("#settings-branding-logo-status").equals("logo.png is not a PNG or JPEG image."));
        Path huge = java.nio.file.Files.write(folder.resolve("huge.png"), new byte[600 * 1024]);
        chosen.set(huge);
        Fx.run(() -> ((Button) section.lookup("#settings-branding-upload")).fire());
        Fx.waitUntil("too big a file is refused", DEADLINE, () -> section.text("#settings-branding-logo-status")
                .equals("huge.png is 600.0 KB; a logo can be at most 512 KB. Save a smaller image and try again."));
        assertThat(stored).isEmpty();

        byte[] firstImage = com.fielddesk.desktop.testing.Images.png(120, 40);
        Path logo = java.nio.file.Files.write(folder.resolve("acme.png"), firstImage);
        chosen.set(logo);
        Fx.run(() -> ((Button) section.lookup("#settings-branding-upload")).fire());
        Fx.waitUntil("uploaded and previewed", DEADLINE, () -> section.text("#settings-branding-logo-status")
                .equals("Uploaded. Invoices point at the new logo once the change syncs.")
                && ((javafx.scene.image.ImageView) section.lookup("#settings-branding-logo")).getImage() != null);
        String firstPath = BrandingViewModel.logoPath(COMPANY, firstImage, "image/png");
        assertThat(firstPath).matches(COMPANY + "/invoice-logo-[0-9a-f]{16}\\.png");
        assertThat(stored).containsOnlyKeys(firstPath);
        assertThat(Fx.read(() -> ((javafx.scene.image.ImageView) section.lookup("#settings-branding-logo")).getImage().getWidth()))
                .isEqualTo(120.0);
        List<com.fielddesk.cache.outbox.OutboxEntry> pointed = cache.read(connection -> new Outbox().all(connection));
        assertThat(pointed.stream().anyMatch(entry -> entry.changes().path("invoice_logo_path").asText()
                .equals(firstPath))).isTrue();

        // A new logo is a new object: the one issued invoices name keeps its bytes.
        byte[] secondImage = com.fielddesk.desktop.testing.Images.png(90, 30);
        chosen.set(java.nio.file.Files.write(folder.resolve("acme-2024.png"), secondImage));
        Fx.run(() -> ((Button) section.lookup("#settings-branding-upload")).fire());
        String secondPath = BrandingViewModel.logoPath(COMPANY, secondImage, "image/png");
        Fx.waitUntil("the second logo uploaded and previewed", DEADLINE, () -> stored.containsKey(secondPath)
                && ((javafx.scene.image.ImageView) section.lookup("#settings-branding-logo")).getImage().getWidth() == 90.0);
        assertThat(stored).containsOnlyKeys(firstPath, secondPath);
        assertThat(stored.get(firstPath)).isEqualTo(firstImage);
    }

    @Test
    void theBrandingPageShowsAnInvoicePdfWithTheValuesBeingEdited() throws Exception {
        section = SectionUnderTest.show(feature(admin), cache, folder);
        Fx.waitUntil("an admin sees the invoice branding", DEADLINE, () -> hasTab("settings-tab-branding"));
        showTab("settings-tab-branding");
        Fx.waitUntil("a first preview of the stored values", Duration.ofSeconds(60), () -> previewText().contains("INV-1042"));
        Fx.run(() -> {
            ((javafx.scene.control.TextField) section.lookup("#settings-branding-legal-name")).setText("Preview Plumbing LLC");
            ((javafx.scene.control.TextField) section.lookup("#settings-branding-prefix")).setText("PV-");
        });
        Fx.waitUntil("the preview prints the edited values", DEADLINE, () -> previewText().contains("Preview Plumbing LLC")
                && previewText().contains("PV-1042"));
        assertThat(Fx.read(() -> ((javafx.scene.image.ImageView) section.lookup("#settings-branding-preview")).getImage().getWidth()))
                .isGreaterThan(300.0);
        assertThat(section.text("#settings-branding-preview-status")).isEmpty();

        Fx.run(() -> ((javafx.scene.control.TextField) section.lookup("#settings-branding-prefix"))
                .setText("A-PREFIX-FAR-TOO-LONG-FOR-AN-INVOICE"));
        Fx.waitUntil("a value the check refuses is said, the last valid preview stays", DEADLINE,
                () -> section.text("#settings-branding-preview-status").startsWith("The preview shows the last valid values: "));
        assertThat(previewText()).contains("PV-1042");
        List<com.fielddesk.cache.outbox.OutboxEntry> queued = cache.read(connection -> new Outbox().all(connection));
        assertThat(queued).as("a preview saves nothing").isEmpty();
    }

    /** The text of the PDF the preview shows ("" before one is drawn). */
    private String previewText() {
        Object drawn = Fx.read(() -> section.lookup("#settings-branding-preview").getUserData());
        if (!(drawn instanceof BrandingPreview.Drawn page)) {
            return "";
        }
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(page.pdf())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> chips() {
        return Fx.read(() -> ((javafx.scene.layout.FlowPane) section.lookup("#settings-leads-codes")).getChildrenUnmodifiable()
                .stream().filter(node -> node instanceof javafx.scene.layout.HBox)
                .map(node -> ((javafx.scene.control.Label) ((javafx.scene.layout.HBox) node).getChildren().get(0)).getText()).toList());
    }

    @Test
    void resetRefusesWhileChangesArePendingAndNamesHowMany() throws Exception {
        CompanySettingsRepository settings = new CompanySettingsRepository(local, new UserId(admin));
        settings.saveLeadPreferences(new LeadPreferences(true, Set.of(Trade.HVAC), List.of("12345")));
        settings.saveLeadPreferences(new LeadPreferences(true, Set.of(Trade.HVAC, Trade.PLUMBING), List.of("12345")));
        section = SectionUnderTest.show(feature(admin), cache, folder);

        Fx.waitUntil("the copy's place is shown", DEADLINE,
                () -> section.text("#settings-sync-file").equals(cache.file().toAbsolutePath().toString()));
        Fx.waitUntil("and its size", DEADLINE, () -> section.text("#settings-sync-size").endsWith("KB"));
        Fx.run(() -> ((Button) section.lookup("#settings-reset")).fire());
        Fx.waitUntil("the reset names the changes it would discard", DEADLINE,
                () -> section.text("#settings-reset-question").startsWith("2 changes made on this computer have not reached the server yet."));
        assertThat(Fx.read(() -> ((Button) section.lookup("#settings-reset-confirm")).getText()))
                .isEqualTo("_Discard 2 changes and reset");
        assertThat(console.resets).as("nothing reset before the user confirms").hasValue(0);

        Fx.run(() -> ((Button) section.lookup("#settings-reset-cancel")).fire());
        assertThat(Fx.read(() -> section.lookup("#settings-reset-asking").isVisible())).isFalse();
        assertThat(console.resets).hasValue(0);

        Fx.run(() -> ((Button) section.lookup("#settings-reset")).fire());
        Fx.waitUntil("asked again", DEADLINE, () -> Fx.read(() -> section.lookup("#settings-reset-asking").isVisible()));
        settings.saveLeadPreferences(new LeadPreferences(true, Set.of(Trade.ELECTRICAL), List.of("12345")));
        Fx.run(() -> ((Button) section.lookup("#settings-reset-confirm")).fire());
        Fx.waitUntil("a change made meanwhile stops the reset", DEADLINE,
                () -> section.text("#settings-sync-notice").startsWith("More changes were made meanwhile (3 changes now)"));
        assertThat(console.resets).hasValue(0);

        Fx.run(() -> ((Button) section.lookup("#settings-reset")).fire());
        Fx.waitUntil("the new count is named", DEADLINE,
                () -> section.text("#settings-reset-question").startsWith("3 changes made on this computer"));
        Fx.run(() -> ((Button) section.lookup("#settings-reset-confirm")).fire());
        Fx.waitUntil("confirmed, the console resets", DEADLINE, () -> console.resets.get() == 1);

        Fx.run(() -> ((Button) section.lookup("#settings-sign-out")).fire());
        assertThat(console.signOuts).hasValue(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void personalChoicesApplyAtOnceAndAreRemembered() throws Exception {
        console = new RecordingConsole(cache, theme -> theme.applyTo(section.lookup("#settings").getScene()));
        section = SectionUnderTest.show(feature(admin), cache, folder);
        showTab("settings-tab-personal");
        Fx.waitUntil("the Personal page is shown", DEADLINE, () -> section.lookup("#settings-theme-dark") != null
                && section.lookup("#settings-theme-dark").isVisible());
        assertThat(Fx.read(() -> ((javafx.scene.control.RadioButton) section.lookup("#settings-theme-light")).isSelected())).isTrue();

        Fx.run(() -> ((javafx.scene.control.RadioButton) section.lookup("#settings-theme-dark")).fire());
        assertThat(console.applied).containsExactly(com.fielddesk.desktop.ui.Theme.DARK);
        assertThat(Fx.read(() -> section.lookup("#settings").getScene().getRoot().getStyleClass().contains("fd-dark")))
                .as("the console turned dark").isTrue();
        Fx.run(() -> ((javafx.scene.control.RadioButton) section.lookup("#settings-theme-light")).fire());
        assertThat(Fx.read(() -> section.lookup("#settings").getScene().getRoot().getStyleClass().contains("fd-dark"))).isFalse();

        assertThat(console.applied).containsExactly(com.fielddesk.desktop.ui.Theme.DARK, com.fielddesk.desktop.ui.Theme.LIGHT);

        Fx.run(() -> {
            ((javafx.scene.control.CheckBox) section.lookup("#settings-lead-sound")).fire();
            ((javafx.scene.control.ComboBox<Integer>) section.lookup("#settings-board-snap")).setValue(5);
            ((javafx.scene.control.Spinner<Integer>) section.lookup("#settings-audit-days")).getValueFactory().setValue(45);
        });
        Fx.waitUntil("remembered in the settings file", DEADLINE, () -> {
            com.fielddesk.desktop.ui.ViewSettings saved = new com.fielddesk.desktop.ui.ViewSettings(folder.resolve("console.properties"));
            return saved.boardSnapMinutes() == 5 && saved.offlineAuditDays() == 45
                    && saved.get(com.fielddesk.desktop.ui.ViewSettings.NEW_LEAD_SOUND).equals(java.util.Optional.of("true"))
                    && saved.get(com.fielddesk.desktop.ui.ViewSettings.THEME_FOLLOWS_SYSTEM).equals(java.util.Optional.of("false"));
        });
    }
}
