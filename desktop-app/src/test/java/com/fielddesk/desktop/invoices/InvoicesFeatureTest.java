package com.fielddesk.desktop.invoices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.InvoiceDraft;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceLine;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.InvoiceSummary;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Invoices section on a real SQLite cache, shown by the real navigator: the list with exact
 * totals, the overdue filter by the company's today, an invoice opened by id with its lines, and a
 * draft issued from the detail (queued at once).
 */
class InvoicesFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private ExecutorService background;
    private SectionNavigator navigator;
    private Parent root;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> navigator.close());
        FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void theListAddsUpOverdueFiltersAndADraftIsIssued() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", "csr",
                "full_name", "Casey CSR")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
        invoice(1, "issued", "unpaid", "100.10", "0", today.minusDays(40), today.minusDays(10));
        invoice(2, "paid", "paid", "0.20", "0.20", today.minusDays(5), today.plusDays(25));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        InvoiceRepository invoices = new InvoiceRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher));
        InvoiceId draft = invoices.createDraft(new InvoiceDraft(new CustomerId(customer), java.util.Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("Boiler service", java.math.BigDecimal.ONE,
                Money.of(new java.math.BigDecimal("149.99"), InvoiceRepository.DEFAULT_CURRENCY))), null, null, null));
        background = Executors.newSingleThreadExecutor();
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            com.fielddesk.desktop.app.feature.Feature section = InvoicesFeature.feature(invoices);
            navigator = new SectionNavigator(List.of(section));
            FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(true),
                    new ViewSettings(folder.resolve("console.properties")), Clock.system(java.time.ZoneId.of("America/New_York")),
                    Formats.forCompanyZone("America/New_York"), navigator, Chime.SILENT);
            navigator.start(feature -> feature.create(context), null);
            navigator.show(InvoicesFeature.ID);
            root = new StackPane(navigator.screen(section).node());
            stage.setScene(new Scene(root, 1280, 720));
            stage.show();
        });

        Fx.waitUntil("all three are listed", DEADLINE, () -> numbers().size() == 3);
        Fx.waitUntil("and added up to the cent", DEADLINE,
                () -> text("#invoices-totals").equals("3 invoices · total $250.29 · due $250.09"));
        Fx.run(() -> ((javafx.scene.control.CheckBox) root.lookup("#invoices-overdue")).setSelected(true));
        Fx.waitUntil("only the overdue one", DEADLINE, () -> numbers().equals(List.of("1")));
        Fx.run(() -> ((javafx.scene.control.CheckBox) root.lookup("#invoices-overdue")).setSelected(false));

        assertThat(Fx.read(() -> navigator.open(new RecordRef(RecordKind.INVOICE, draft.value().toString())))).isEmpty();
        Fx.waitUntil("the draft is shown with its line", DEADLINE,
                () -> text("#invoice-title").equals("Draft (number pending) · Northwind Traders")
                        && text("#invoice-money").startsWith("Total $149.99"));
        Fx.run(() -> ((Button) root.lookup("#invoice-issue")).fire());
        Fx.waitUntil("issued, queued", DEADLINE, () -> text("#invoice-state").startsWith("Issued")
                && text("#invoice-state").endsWith("waiting to sync"));
        assertThat(text("#invoice-notice")).isEqualTo("Issued. The server numbers and dates it with the next sync.");
    }

    private void invoice(long number, String status, String paymentStatus, String total, String paid,
                         java.time.LocalDate issued, java.time.LocalDate due) {
        CacheRows.write(cache, "invoices", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_id", customer,
                "number", number, "status", status, "payment_status", paymentStatus, "currency", "USD",
                "total", new java.math.BigDecimal(total), "amount_paid", new java.math.BigDecimal(paid),
                "issue_date", issued, "due_date", due)));
    }

    private static ObjectNode row(Object... columnsAndValues) {
        ObjectNode row = Json.object();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set((String) columnsAndValues[i], Json.toNode(columnsAndValues[i + 1]));
        }
        row.put("version", 1);
        return row;
    }

    @SuppressWarnings("unchecked")
    private List<String> numbers() {
        return Fx.read(() -> ((TableView<InvoiceSummary>) root.lookup("#invoices-table")).getItems().stream()
                .map(invoice -> invoice.number().map(String::valueOf).orElse("draft")).toList());
    }

    private String text(String selector) {
        return Fx.read(() -> root.lookup(selector) instanceof Label label ? label.getText() : "");
    }
}
