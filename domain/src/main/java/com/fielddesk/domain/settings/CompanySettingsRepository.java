package com.fielddesk.domain.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.Row;
import com.fielddesk.cache.query.RowValues;
import com.fielddesk.cache.query.Table;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.leads.Trade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.COMPANIES;
import static com.fielddesk.cache.query.CacheTables.PROFILES;

/**
 * The company's settings over the offline cache: lead preferences and invoice branding, read from
 * the synced {@code companies} row and changed through the outbox like any other edit (each changed
 * field travels; another admin's edit of another field stays). Only an admin changes them — the
 * server's policy says so too; anyone else gets {@link SettingsNotAllowedException} and nothing is
 * queued.
 */
public final class CompanySettingsRepository {

    /** The tables the settings screens read. */
    public static final List<Table> READS = List.of(COMPANIES, PROFILES);

    private final LocalCache cache;
    private final UserId currentUser;

    public CompanySettingsRepository(LocalCache cache, UserId currentUser) {
        this.cache = cache;
        this.currentUser = currentUser;
    }

    /** The company's lead preferences; empty until the first sync brought the company. */
    public Optional<LeadPreferences> leadPreferences() {
        return companyId().flatMap(company -> cache.first(Query.from(COMPANIES).where(COMPANIES.id.eq(company)),
                row -> new LeadPreferences(Boolean.TRUE.equals(row.get(COMPANIES.leadOptIn)),
                        texts(row.get(COMPANIES.trades)).stream().map(Trade::fromCode).collect(java.util.stream.Collectors.toSet()),
                        texts(row.get(COMPANIES.servicePostalCodes)))));
    }

    /** The company's invoice branding; empty until the first sync brought the company. */
    public Optional<InvoiceBranding> invoiceBranding() {
        return companyId().flatMap(company -> cache.first(Query.from(COMPANIES).where(COMPANIES.id.eq(company)),
                CompanySettingsRepository::branding));
    }

    private static InvoiceBranding branding(Row row) {
        Long terms = row.get(COMPANIES.paymentTermsDays);
        return new InvoiceBranding(row.get(COMPANIES.invoiceLegalName), row.get(COMPANIES.invoiceAddress),
                row.get(COMPANIES.invoiceAccentColor), row.get(COMPANIES.invoiceFooter), terms == null ? 30 : terms.intValue(),
                row.get(COMPANIES.invoicePrefix), Optional.ofNullable(row.get(COMPANIES.invoiceLogoPath)));
    }

    /** Whether the signed-in person may change the company's settings (admins). */
    public boolean mayChange() {
        return role().map(Role.ADMIN::equals).orElse(false);
    }

    public void saveLeadPreferences(LeadPreferences preferences) {
        UUID company = changeableCompany();
        InvalidInputException.throwIfAny(preferences.problems());
        ArrayNode trades = JsonNodeFactory.instance.arrayNode();
        preferences.trades().stream().map(Trade::code).sorted().forEach(trades::add);
        ArrayNode codes = JsonNodeFactory.instance.arrayNode();
        preferences.postalCodes().forEach(codes::add);
        cache.transaction(tx -> tx.update(COMPANIES, company, RowValues.of(COMPANIES)
                .set(COMPANIES.leadOptIn, preferences.optIn()).set(COMPANIES.trades, trades)
                .set(COMPANIES.servicePostalCodes, codes)));
    }

    public void saveInvoiceBranding(InvoiceBranding branding) {
        UUID company = changeableCompany();
        InvalidInputException.throwIfAny(branding.problems());
        cache.transaction(tx -> tx.update(COMPANIES, company, RowValues.of(COMPANIES)
                .set(COMPANIES.invoiceLegalName, branding.legalName()).set(COMPANIES.invoiceAddress, branding.address())
                .set(COMPANIES.invoiceAccentColor, branding.accentColor().toUpperCase(java.util.Locale.ROOT))
                .set(COMPANIES.invoiceFooter, branding.footer())
                .set(COMPANIES.paymentTermsDays, (long) branding.paymentTermsDays())
                .set(COMPANIES.invoicePrefix, branding.invoicePrefix())));
    }

    /**
     * Points the invoices at a logo uploaded to Storage: {@code path} is the object's path in the
     * {@code branding} bucket (under the company's folder, as the bucket's policy requires).
     */
    public void saveLogoPath(String path) {
        UUID company = changeableCompany();
        if (path == null || !path.startsWith(company + "/") || path.length() > 500) {
            throw new InvalidInputException(List.of(new com.fielddesk.domain.common.FieldError("logoPath",
                    "The logo must be stored in the company's own folder.")));
        }
        cache.transaction(tx -> tx.update(COMPANIES, company, RowValues.of(COMPANIES).set(COMPANIES.invoiceLogoPath, path)));
    }

    private UUID changeableCompany() {
        if (!mayChange()) {
            throw new SettingsNotAllowedException("Only an admin can change the company's settings.");
        }
        return companyId().orElseThrow(() -> new SettingsNotAllowedException(
                "The company is not on this computer yet; wait for the first sync."));
    }

    /** The signed-in person's role, once their profile is on this computer. */
    public Optional<Role> role() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.role))
                .map(Role::fromCode);
    }

    /** The signed-in person's company, once their profile is on this computer. */
    public Optional<UUID> companyId() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.companyId));
    }

    /** A text[] column as the cache keeps it (a JSON array), its texts in order; null or not an array is none. */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> texts.add(value.asText()));
        }
        return texts;
    }
}
