package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.customers.CustomerRepository;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Optional;

/** Sales → Customers as a console section, for office staff; opens customers by id (Ctrl+K, links). */
public final class CustomersFeature {

    public static final String ID = "customers";

    private CustomersFeature() {
    }

    /** @param customers the signed-in person's customers over their cache (the composition root makes it) */
    public static Feature feature(CustomerRepository customers) {
        return Feature.section(ID, "Customers").group("Sales").icon(Material2MZ.PEOPLE_ALT)
                .visibleTo(Role.OFFICE_STAFF)
                .opens(RecordKind.CUSTOMER)
                .screen(context -> new Screen(context, customers));
    }

    private static final class Screen implements FeatureScreen {
        private final CustomerListViewModel list;
        private final CustomerDetailViewModel detail;
        private final CustomersView view;

        Screen(FeatureContext context, CustomerRepository customers) {
            list = new CustomerListViewModel(customers, context.tasks(), context.changes(), context.formats());
            detail = new CustomerDetailViewModel(customers, context.navigator(), context.tasks(), context.changes(),
                    context.sync());
            view = new CustomersView(list, detail, new CustomerDialogs(customers, context.tasks()), context.formats());
        }

        @Override
        public Node node() {
            return view.node();
        }

        @Override
        public void start() {
            list.start();
            detail.start();
            view.focusSearch();
        }

        @Override
        public Optional<String> open(RecordRef record) {
            CustomerId id;
            try {
                id = CustomerId.parse(record.id());
            } catch (IllegalArgumentException e) {
                return Optional.of("This customer reference is not valid.");
            }
            detail.show(id);
            return Optional.empty();
        }

        @Override
        public void close() {
            view.dispose();
            detail.close();
            list.close();
        }
    }
}
