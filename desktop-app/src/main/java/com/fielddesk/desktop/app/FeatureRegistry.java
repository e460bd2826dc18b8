package com.fielddesk.desktop.app;

import com.fielddesk.cache.audit.SupabaseAuditLogPort;
import com.fielddesk.cache.audit.WitnessedHeads;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.audit.AuditFeature;
import com.fielddesk.desktop.board.BoardFeature;
import com.fielddesk.desktop.dispatch.DispatchFeature;
import com.fielddesk.desktop.customers.CustomersFeature;
import com.fielddesk.desktop.invoices.InvoicesFeature;
import com.fielddesk.desktop.jobs.JobsFeature;
import com.fielddesk.desktop.messages.MessagesFeature;
import com.fielddesk.desktop.messages.RefusedMessages;
import com.fielddesk.desktop.settings.ConsoleControls;
import com.fielddesk.desktop.settings.SettingsFeature;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditOfflineCopy;
import com.fielddesk.domain.audit.AuditRepository;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.pdf.InvoicePdfGenerator;
import com.fielddesk.domain.invoices.pdf.InvoicePdfUploads;
import com.fielddesk.domain.invoices.pdf.InvoicePdfs;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.messages.MessagesRepository;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import com.fielddesk.domain.leads.LeadsRepository;
import com.fielddesk.desktop.leads.LeadsFeature;
import com.fielddesk.desktop.leads.ServerLeadActions;

import java.time.Clock;
import java.util.List;

/**
 * The console's sections, in navigation order — the one place that lists them. Adding a section
 * is a new feature package plus one entry here; the navigation, role filtering, Ctrl+K opening and
 * Back/Forward follow from the entry.
 */
final class FeatureRegistry {

    private FeatureRegistry() {
    }

    /**
     * The features of a signed-in session (an entry may need a session service, e.g. the server for
     * claims); {@code console} is what Settings asks of the window (reset, sign out, theme).
     */
    static List<Feature> features(ConsoleSession session, ConsoleControls console) {
        // One repository per kind of record: the jobs list, the board and the day read the same jobs.
        WorkOrderRepository jobs = new WorkOrderRepository(session.sync().cache(), new UserId(session.userId()));
        InvoiceRepository invoices = new InvoiceRepository(session.sync().cache(), new UserId(session.userId()));
        InvoicePdfs invoicePdfs = new InvoicePdfs(invoices,
                new CompanySettingsRepository(session.sync().cache(), new UserId(session.userId()))::invoiceBranding,
                new InvoiceLogos(session.supabase().storage().from("branding")), jobs::companyZone, new InvoicePdfGenerator());
        CustomerRepository customers = new CustomerRepository(session.sync().cache(), new UserId(session.userId()));
        MessagesRepository messages = new MessagesRepository(session.sync().cache(), new UserId(session.userId()), Clock.systemUTC());
        return List.of(
                LeadsFeature.feature(new LeadsRepository(session.sync().cache()), new ServerLeadActions(session.serverFunctions())),
                CustomersFeature.feature(customers),
                MessagesFeature.feature(messages, refusedMessages(session)),
                JobsFeature.quotes(jobs, customers, messages),
                JobsFeature.feature(jobs, customers, messages),
                BoardFeature.feature(jobs),
                DispatchFeature.feature(jobs),
                InvoicesFeature.feature(invoices, invoicePdfs, new InvoicePdfUploads(session.cacheDatabase(), invoices, invoicePdfs,
                                (path, pdf) -> session.supabase().storage().from("invoices").upload(path, pdf, "application/pdf", true,
                                        null), Clock.systemUTC()),
                        new AuditEvents(new SupabaseFunctionPort(session.supabase()))),
                AuditFeature.feature(new AuditRepository(new SupabaseAuditLogPort(session.supabase()),
                        new WitnessedHeads(session.cacheDatabase(), Clock.systemUTC()), session.sync().cache(),
                        new UserId(session.userId()), new AuditOfflineCopy(session.cacheDatabase()), Clock.systemUTC()),
                        new AuditEvents(new SupabaseFunctionPort(session.supabase()))),
                SettingsFeature.feature(new CompanySettingsRepository(session.sync().cache(), new UserId(session.userId())),
                        () -> session.sync().pushThenPullAgain(List.of("lead_pool")).getOrDefault("lead_pool", 0L),
                        new StorageLogos(session.supabase()), console));
    }

    /** A refused message's Resend and Discard: the same sync-engine actions as the sync-issues list's. */
    private static RefusedMessages refusedMessages(ConsoleSession session) {
        return new RefusedMessages() {
            @Override
            public void resend(java.util.UUID change) {
                session.sync().retryQuarantined(change);
            }

            @Override
            public void discard(java.util.UUID change) throws Exception {
                session.sync().dismissQuarantined(change);
            }
        };
    }
}
