package com.fielddesk.domain.settings;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.leads.Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.COMPANIES;
import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The company's settings against a real SQLite cache: read, change as an admin, refused for others, checked first. */
class CompanySettingsRepositoryTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private final UUID admin = UUID.randomUUID();
    private final UUID dispatcher = UUID.randomUUID();

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        pulled(database, "profiles", row("id", admin, "company_id", COMPANY, "role", "admin", "full_name", "Ada Admin", "version", 1),
                row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana", "version", 1));
        var company = row("id", COMPANY, "name", "Acme Heating", "timezone", "America/New_York", "lead_opt_in", true,
                "invoice_accent_color", "#1F6FEB", "payment_terms_days", 30, "invoice_prefix", "INV-", "version", 1);
        company.putArray("trades").add("hvac").add("roofing");
        company.putArray("service_postal_codes").add("12345").add("12346");
        pulled(database, "companies", company);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CompanySettingsRepository as(UUID user) {
        return new CompanySettingsRepository(cache, new UserId(user));
    }

    @Test
    void anAdminChangesLeadPreferencesAndBrandingThroughTheOutbox() {
        CompanySettingsRepository settings = as(admin);
        LeadPreferences read = settings.leadPreferences().orElseThrow();
        assertThat(read.optIn()).isTrue();
        assertThat(read.trades()).as("an unknown trade from the server is kept").contains(Trade.HVAC, Trade.fromCode("roofing"));
        assertThat(read.postalCodes()).containsExactly("12345", "12346");

        settings.saveLeadPreferences(new LeadPreferences(true, Set.of(Trade.PLUMBING, Trade.HVAC),
                List.of(" 12345 ", "sw1a 1aa", "SW1A 1AA", "")));
        assertThat(settings.leadPreferences().orElseThrow().postalCodes()).containsExactly("12345", "SW1A 1AA");
        assertThat(settings.leadPreferences().orElseThrow().trades()).containsExactlyInAnyOrder(Trade.PLUMBING, Trade.HVAC);

        settings.saveInvoiceBranding(new InvoiceBranding("Acme Heating LLC", "1 Main St\nSpringfield", "#ff8800",
                "Thank you — Zoë & team", 14, "AC-", Optional.empty()));
        InvoiceBranding branding = settings.invoiceBranding().orElseThrow();
        assertThat(branding.accentColor()).isEqualTo("#FF8800");
        assertThat(branding.paymentTermsDays()).isEqualTo(14);
        assertThat(branding.footer()).isEqualTo("Thank you — Zoë & team");

        settings.saveLogoPath(COMPANY + "/invoice-logo.png");
        assertThat(settings.invoiceBranding().orElseThrow().logoPath()).contains(COMPANY + "/invoice-logo.png");
        assertThatThrownBy(() -> settings.saveLogoPath(UUID.randomUUID() + "/invoice-logo.png"))
                .as("another company's folder").isInstanceOf(InvalidInputException.class);
        assertThat(cache.pendingIds(COMPANIES)).containsExactly(COMPANY);
    }

    @Test
    void othersAreRefusedAndWrongValuesQueueNothing() {
        assertThat(as(dispatcher).mayChange()).isFalse();
        assertThatThrownBy(() -> as(dispatcher).saveLeadPreferences(new LeadPreferences(false, Set.of(), List.of())))
                .isInstanceOf(SettingsNotAllowedException.class).hasMessage("Only an admin can change the company's settings.");

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(String.valueOf(10_000 + i));
        }
        assertThatThrownBy(() -> as(admin).saveLeadPreferences(new LeadPreferences(true, Set.of(), tooMany)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("trades", "postalCodes"));
        assertThatThrownBy(() -> as(admin).saveInvoiceBranding(new InvoiceBranding("x".repeat(201), null, "orange", null, 400,
                "PREFIX-TOO-LONG-FOR-IT", Optional.empty())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("legalName", "accentColor", "paymentTermsDays", "invoicePrefix"));
        assertThat(cache.pendingIds(COMPANIES)).isEmpty();
    }
}
