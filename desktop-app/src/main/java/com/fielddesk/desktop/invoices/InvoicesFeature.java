package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Optional;

/** Billing → Invoices as a console section, for office staff; opens invoices by id (a customer's invoices). */
public final class InvoicesFeature {

    public static final String ID = "invoices";

    private InvoicesFeature() {
    }

    public static Feature feature(InvoiceRepository invoices) {
        return Feature.section(ID, "Invoices").group("Billing").icon(Material2MZ.RECEIPT)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.INVOICE)
                .screen(context -> new Screen(context, invoices));
    }

    private static final class Screen implements FeatureScreen {
        private final InvoicesViewModel model;
        private final InvoicesView view;

        Screen(FeatureContext context, InvoiceRepository invoices) {
            model = new InvoicesViewModel(invoices, context.tasks(), context.changes(), context.formats(), context.clock());
            view = new InvoicesView(model);
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            model.start();
            view.focusSearch();
        }

        @Override
        public Optional<String> open(RecordRef record) {
            try {
                model.show(InvoiceId.parse(record.id()));
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("This invoice reference is not valid.");
            }
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
